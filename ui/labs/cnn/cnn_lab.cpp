#include "labs/cnn/cnn_lab.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "app/engine_message.h"
#include "labs/cnn/cnn_compare_page.h"
#include "labs/cnn/cnn_train_page.h"
#include "labs/cnn/cnn_train_setup.h"
#include "labs/cnn/convolution_page.h"

namespace gsui {

CnnLab::CnnLab(QWidget* parent) : Lab(parent) {
  tabs_ = new QTabWidget;
  tabs_->setObjectName("cnnTabs");
  tabs_->setDocumentMode(true);
  panels_ = new QStackedWidget;
  convolution_ = new ConvolutionPage;
  train_ = new CnnTrainPage;
  compare_ = new CnnComparePage;
  pages_ = {convolution_, train_, compare_};
  for (CnnPage* page : pages_) {
    tabs_->addTab(page, QString());
    panels_->addWidget(page->controls());
    connect(page, &CnnPage::codeChanged, this, &Lab::codeChanged);
    connect(page, &CnnPage::message, this, &Lab::message);
    connect(page, &CnnPage::stoppedPlaying, this, [this, page] {
      if (page == currentPage()) {
        playing_ = false;
        emit stoppedPlaying();
      }
    });
  }
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
  controlsLayout()->addWidget(panels_);
  connect(tabs_, &QTabWidget::currentChanged, this, &CnnLab::pageChanged);
  pageChanged(tabs_->currentIndex());
  retranslate();
}

CnnLab::~CnnLab() {
  // The tab widget reports each page it loses as a change of page: not while pages die.
  disconnect(tabs_, nullptr, this, nullptr);
}

CnnPage* CnnLab::currentPage() const { return current_ >= 0 ? pages_[current_] : nullptr; }

void CnnLab::pageChanged(int index) {
  if (index == current_ || index < 0) return;
  if (CnnPage* old = currentPage()) {
    if (playing_) {
      old->setPlaying(false);
      playing_ = false;
      emit stoppedPlaying();
    }
    old->setCurrent(false);
  }
  current_ = index;
  // The panel is as wide as the current page's controls, not the widest page's.
  for (int i = 0; i < pages_.size(); ++i)
    pages_[i]->controls()->setSizePolicy(i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                         i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
  panels_->setCurrentIndex(index);
  panels_->adjustSize();
  pages_[index]->setCurrent(true);
  emit codeChanged();
}

QString CnnLab::pytorchCode() const { return currentPage()->pytorchCode(); }

void CnnLab::setPlaying(bool playing) {
  playing_ = playing;
  currentPage()->setPlaying(playing);
}

void CnnLab::step() { currentPage()->step(); }

bool CnnLab::canStep() const { return currentPage() && currentPage()->canStep(); }

void CnnLab::reset() { currentPage()->reset(); }

QList<QPair<QString, QWidget*>> CnnLab::exportablePlots() const {
  QList<QPair<QString, QWidget*>> plots;
  for (CnnPage* page : pages_) plots += page->exportablePlots();
  return plots;
}

void CnnLab::retranslate() {
  for (int i = 0; i < pages_.size(); ++i) {
    pages_[i]->retranslate();
    tabs_->setTabText(i, pages_[i]->title());
  }
}

void CnnLab::applyAppearance() {
  for (CnnPage* page : pages_) page->applyAppearance();
}

bool CnnLab::showPage(const QString& id) {
  const int index = static_cast<int>(pageIds().indexOf(id));
  if (index < 0) return false;
  tabs_->setCurrentIndex(index);
  return true;
}

bool CnnLab::busy() const { return currentPage()->busy(); }
bool CnnLab::hasWeights() const { return currentPage() == train_; }
QString CnnLab::saveWeights(const QString& path) { return hasWeights() ? train_->saveWeights(path) : Lab::saveWeights(path); }
QString CnnLab::loadWeights(const QString& path) { return hasWeights() ? train_->loadWeights(path) : Lab::loadWeights(path); }

QString CnnLab::openFile(const QString& path, const nlohmann::json&) {
  // (A scenario of this lab: the Train page reads the whole setup from it, or changes nothing.)
  if (const QString problem = train_->openNetworkFile(path); !problem.isEmpty()) return problem.contains(path) ? problem : tr("%1: %2").arg(path, problem);
  showPage(QStringLiteral("train"));
  return {};
}

nlohmann::json CnnLab::sessionState() const {
  // The page, and the Train page's setup as the scenario `gradscope-cli train` would run.
  nlohmann::json train;
  try {
    train = gs::spec::to_json(toScenario(train_->setup()));
  } catch (const std::exception&) {
    train = nullptr;  // a network that does not parse (a mistake switched on) is not kept
  }
  return {{"page", current_}, {"train", train}};
}

QString CnnLab::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object() || !state.contains("page")) return {};
  const auto& page = state["page"];
  if (!page.is_number_integer() || page.get<int>() < 0 || page.get<int>() >= pages_.size())
    return tr("page: expected 0 to %1, got %2").arg(pages_.size() - 1).arg(QString::fromStdString(page.dump()));
  CnnTrainSetup setup;
  if (state.contains("train") && !state["train"].is_null()) {
    try {
      setup = fromScenario(gs::spec::parse_scenario(state["train"]));
    } catch (const gs::Error& e) {
      return tr("train: %1").arg(engineExplanation(e));
    } catch (const std::exception& e) {
      return tr("train: %1").arg(QString::fromStdString(e.what()));
    }
    if (!(setup == train_->setup())) train_->setSetup(setup);
  }
  tabs_->setCurrentIndex(page.get<int>());
  return {};
}

}  // namespace gsui
