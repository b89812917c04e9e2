#include "labs/losses/losses_lab.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <vector>

#include "labs/losses/classification_page.h"
#include "labs/losses/mistakes_page.h"
#include "labs/losses/multilabel_page.h"
#include "labs/losses/regression_page.h"

namespace gsui {

LossesLab::LossesLab(QWidget* parent) : Lab(parent) {
  tabs_ = new QTabWidget;
  tabs_->setObjectName("lossesTabs");
  tabs_->setDocumentMode(true);
  panels_ = new QStackedWidget;
  regression_ = new RegressionPage;
  classification_ = new ClassificationPage;
  mistakes_ = new MistakesPage;
  multilabel_ = new MultiLabelPage;
  pages_ = {regression_, classification_, mistakes_, multilabel_};
  for (LossesPage* page : pages_) {
    tabs_->addTab(page, QString());
    panels_->addWidget(page->controls());
    connect(page, &LossesPage::codeChanged, this, [this, page] {
      if (page == pages_.value(current_)) emit codeChanged();
    });
  }
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
  controlsLayout()->addWidget(panels_);
  connect(tabs_, &QTabWidget::currentChanged, this, &LossesLab::pageChanged);
  pageChanged(tabs_->currentIndex());
  retranslate();
}

LossesLab::~LossesLab() {
  // The tab widget reports each page it loses as a change of page: not while pages die.
  disconnect(tabs_, nullptr, this, nullptr);
}

void LossesLab::pageChanged(int index) {
  if (index == current_ || index < 0) return;
  current_ = index;
  // The panel is as wide as the current page's controls, not the widest page's.
  for (int i = 0; i < pages_.size(); ++i)
    pages_[i]->controls()->setSizePolicy(i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                         i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
  panels_->setCurrentIndex(index);
  panels_->adjustSize();
  emit codeChanged();
}

QString LossesLab::currentPageId() const { return kPages.value(current_); }

QString LossesLab::pytorchCode() const { return pages_[current_]->pytorchCode(); }

void LossesLab::reset() { pages_[current_]->reset(); }

QList<QPair<QString, QWidget*>> LossesLab::exportablePlots() const {
  QList<QPair<QString, QWidget*>> plots;
  for (LossesPage* page : pages_) plots += page->exportablePlots();
  return plots;
}

void LossesLab::retranslate() {
  for (int i = 0; i < pages_.size(); ++i) {
    pages_[i]->retranslate();
    tabs_->setTabText(i, pages_[i]->title());
  }
}

void LossesLab::applyAppearance() {
  for (LossesPage* page : pages_) page->applyAppearance();
}

bool LossesLab::showPage(const QString& id) {
  const int index = static_cast<int>(kPages.indexOf(id));
  if (index < 0) return false;
  tabs_->setCurrentIndex(index);
  return true;
}

nlohmann::json LossesLab::sessionState() const {
  nlohmann::json state = {{"page", currentPageId().toStdString()}};
  for (int i = 0; i < pages_.size(); ++i) state[kPages[i].toStdString()] = pages_[i]->sessionState();
  return state;
}

QString LossesLab::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return {};
  const QString page = QString::fromStdString(state.value("page", std::string("regression")));
  if (!kPages.contains(page)) return tr("page: expected one of %1, got \"%2\"").arg(kPages.join(", "), page);
  // A page checks its part before changing anything; if a later page refuses, the earlier ones
  // go back to what they were, so a bad file changes nothing.
  std::vector<nlohmann::json> before;
  for (LossesPage* p : pages_) before.push_back(p->sessionState());
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
