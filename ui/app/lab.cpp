#include "app/lab.h"

#include <QAction>
#include <QEvent>
#include <QVBoxLayout>
#include <atomic>
#include <future>
#include <mutex>

#include "app/lab_registry.h"
#include "app/training_session.h"

namespace gsui {

QString runInWorker(TrainingSessionBase& session, std::function<void(gs::train::Trainer&)> work, int timeout_ms) {
  if (!session.running()) return Lab::tr("The network is not built yet.");
  // Shared with the worker: the UI may give up waiting, and the work must then not run late.
  struct Call {
    std::mutex mutex;
    bool cancelled = false;
    std::promise<std::string> result;  ///< "" or the message of what the work threw
  };
  auto call = std::make_shared<Call>();
  std::future<std::string> answer = call->result.get_future();
  session.post([call, work = std::move(work)](gs::train::Trainer& trainer) {
    std::lock_guard lock(call->mutex);
    if (call->cancelled) return;
    try {
      work(trainer);
      call->result.set_value({});
    } catch (const std::exception& e) {
      call->result.set_value(e.what());  // caught here: a bad file is no reason to stop training
    }
  });
  if (answer.wait_for(std::chrono::milliseconds(timeout_ms)) != std::future_status::ready) {
    std::lock_guard lock(call->mutex);  // waits for work already under way: then its answer counts
    if (answer.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      call->cancelled = true;
      return Lab::tr("The training worker did not answer; nothing was changed.");
    }
  }
  try {
    return QString::fromStdString(answer.get());
  } catch (const std::future_error&) {  // the run was stopped before the work's turn
    return Lab::tr("The training worker did not answer; nothing was changed.");
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
