#include "app/lab.h"

#include <QAction>
#include <QEvent>
#include <QVBoxLayout>
#include <atomic>
#include <future>
#include <mutex>

#include "app/engine_message.h"
#include "app/lab_registry.h"
#include "app/training_session.h"

namespace gsui {

QString runInWorker(TrainingSessionBase& session, std::function<void(gs::train::Trainer&)> work, int timeout_ms) {
  if (!session.running()) return Lab::tr("The network is not built yet.");
  // Shared with the worker: the UI may give up waiting, and the work must then not run late.
  struct Call {
    std::mutex mutex;
    bool cancelled = false;
    /// Empty, or what the work threw: an engine error keeps its code so that the learner reads it
    /// in their language (a bad weights file names its tensor in Korean too).
    std::promise<std::exception_ptr> result;
  };
  auto call = std::make_shared<Call>();
  std::future<std::exception_ptr> answer = call->result.get_future();
  session.post([call, work = std::move(work)](gs::train::Trainer& trainer) {
    std::lock_guard lock(call->mutex);
    if (call->cancelled) return;
    try {
      work(trainer);
      call->result.set_value(nullptr);
    } catch (...) {  // caught here: a bad file is no reason to stop training
      call->result.set_value(std::current_exception());
    }
  });
  if (answer.wait_for(std::chrono::milliseconds(timeout_ms)) != std::future_status::ready) {
    std::lock_guard lock(call->mutex);  // waits for work already under way: then its answer counts
    if (answer.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      call->cancelled = true;
      return Lab::tr("The training worker did not answer; nothing was changed.");
    }
  }
  std::exception_ptr thrown;
  try {
    thrown = answer.get();
  } catch (const std::future_error&) {  // the run was stopped before the work's turn
    return Lab::tr("The training worker did not answer; nothing was changed.");
  }
  if (!thrown) return {};
  try {
    std::rethrow_exception(thrown);
  } catch (const gs::Error& e) {
    return engineMessage(e);
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  } catch (...) {
    return Lab::tr("The training worker failed; nothing was changed.");
  }
}

Lab::Lab(QWidget* parent) : QWidget(parent), controls_(new QWidget) { new QVBoxLayout(controls_); }

Lab::~Lab() { delete controls_; }  // (null when the window's panel was destroyed first)

QVBoxLayout* Lab::controlsLayout() const { return static_cast<QVBoxLayout*>(controls_->layout()); }

QString Lab::saveWeights(const QString&) { return tr("This lab has no network to save."); }
QString Lab::loadWeights(const QString&) { return tr("This lab has no network to load weights into."); }

QAction* Lab::labAction(const QString& name, const QString& text, const std::function<void()>& triggered) {
  auto* action = findChild<QAction*>(name, Qt::FindDirectChildrenOnly);
  if (!action) {
    action = new QAction(this);
    action->setObjectName(name);
    connect(action, &QAction::triggered, this, triggered);
  }
  action->setText(text);
  return action;
}

QString Lab::openFile(const QString& path, const nlohmann::json&) {
  const LabInfo* info = findLab(id_);
  return info ? tr("%1: the %2 lab opens no files").arg(path, labTitle(*info)) : tr("%1: this lab opens no files").arg(path);
}

void Lab::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace gsui
