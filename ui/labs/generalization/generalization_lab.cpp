#include "labs/generalization/generalization_lab.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "labs/generalization/augmentation_page.h"
#include "labs/generalization/cures_page.h"
#include "labs/generalization/overfitting_page.h"
#include "labs/generalization/splits_page.h"

namespace gsui {

GeneralizationLab::GeneralizationLab(QWidget* parent) : Lab(parent) {
  tabs_ = new QTabWidget;
  tabs_->setObjectName("generalizationTabs");
  tabs_->setDocumentMode(true);
  panels_ = new QStackedWidget;
  overfitting_ = new OverfittingPage;
  splits_ = new SplitsPage;
  cures_ = new CuresPage;
  augmentation_ = new AugmentationPage;
  pages_ = {overfitting_, splits_, cures_, augmentation_};
  for (GenPage* page : pages_) {
    tabs_->addTab(page, QString());
    panels_->addWidget(page->controls());
    connect(page, &GenPage::codeChanged, this, &Lab::codeChanged);
    connect(page, &GenPage::message, this, &Lab::message);
    connect(page, &GenPage::stoppedPlaying, this, [this, page] {
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
  connect(tabs_, &QTabWidget::currentChanged, this, &GeneralizationLab::pageChanged);
  pageChanged(tabs_->currentIndex());
  retranslate();
}

GeneralizationLab::~GeneralizationLab() {
  // The tab widget reports each page it loses as a change of page: not while pages die.
  disconnect(tabs_, nullptr, this, nullptr);
}

GenPage* GeneralizationLab::currentPage() const { return current_ >= 0 ? pages_[current_] : nullptr; }

void GeneralizationLab::pageChanged(int index) {
  if (index == current_ || index < 0) return;
  if (GenPage* old = currentPage()) {
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

QString GeneralizationLab::pytorchCode() const { return currentPage()->pytorchCode(); }

void GeneralizationLab::setPlaying(bool playing) {
  playing_ = playing;
  currentPage()->setPlaying(playing);
}

void GeneralizationLab::step() { currentPage()->step(); }

void GeneralizationLab::reset() { currentPage()->reset(); }

QList<QPair<QString, QWidget*>> GeneralizationLab::exportablePlots() const {
  QList<QPair<QString, QWidget*>> plots;
  for (GenPage* page : pages_) plots += page->exportablePlots();
  return plots;
}

void GeneralizationLab::retranslate() {
  for (int i = 0; i < pages_.size(); ++i) {
    pages_[i]->retranslate();
    tabs_->setTabText(i, pages_[i]->title());
  }
}

void GeneralizationLab::applyAppearance() {
  for (GenPage* page : pages_) page->applyAppearance();
}

bool GeneralizationLab::showPage(const QString& id) {
  const int index = static_cast<int>(kPages.indexOf(id));
  if (index < 0) return false;
  tabs_->setCurrentIndex(index);
  return true;
}

bool GeneralizationLab::busy() const { return currentPage()->busy(); }

nlohmann::json GeneralizationLab::sessionState() const {
  nlohmann::json state = {{"page", kPages[current_].toStdString()}};
  for (int i = 0; i < pages_.size(); ++i) state[kPages[i].toStdString()] = pages_[i]->sessionState();
  return state;
}

QString GeneralizationLab::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return {};
  const QString page = QString::fromStdString(state.value("page", std::string("overfitting")));
  if (!kPages.contains(page)) return tr("page: expected one of %1, got \"%2\"").arg(kPages.join(", "), page);
  // Each page checks its part before changing anything; when a later page refuses, the earlier
  // ones go back to what they were, so a bad file changes nothing.
  std::vector<nlohmann::json> before;
  for (GenPage* p : pages_) before.push_back(p->sessionState());
  for (int i = 0; i < pages_.size(); ++i) {
    const std::string key = kPages[i].toStdString();
    if (!state.contains(key) || state[key].is_null()) continue;
    if (const QString problem = pages_[i]->restoreSessionState(state[key]); !problem.isEmpty()) {
      for (int k = 0; k < i; ++k) pages_[k]->restoreSessionState(before[static_cast<std::size_t>(k)]);
      return QString("%1: %2").arg(kPages[i], problem);
    }
  }
  showPage(page);
  return {};
}

}  // namespace gsui
