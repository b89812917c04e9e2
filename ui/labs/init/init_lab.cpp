#include "labs/init/init_lab.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <vector>

#include "labs/init/init_training_page.h"
#include "labs/init/layer_histograms_page.h"
#include "labs/init/scheme_grid_page.h"

namespace gsui {

InitLab::InitLab(QWidget* parent) : Lab(parent) {
  tabs_ = new QTabWidget;
  tabs_->setObjectName("initTabs");
  tabs_->setDocumentMode(true);
  panels_ = new QStackedWidget;
  histograms_ = new LayerHistogramsPage;
  grid_ = new SchemeGridPage;
  training_ = new InitTrainingPage;
  pages_ = {histograms_, grid_, training_};
  for (InitPage* page : pages_) {
    tabs_->addTab(page, QString());
    panels_->addWidget(page->controls());
    connect(page, &InitPage::codeChanged, this, [this, page] {
      if (page == pages_.value(current_)) emit codeChanged();
    });
  }
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
  controlsLayout()->addWidget(panels_);
  connect(tabs_, &QTabWidget::currentChanged, this, &InitLab::pageChanged);
  pageChanged(tabs_->currentIndex());
  retranslate();
}

InitLab::~InitLab() {
  // The tab widget reports each page it loses as a change of page: not while pages die.
  disconnect(tabs_, nullptr, this, nullptr);
}

void InitLab::pageChanged(int index) {
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

QString InitLab::currentPageId() const { return kPages.value(current_); }

QString InitLab::pytorchCode() const { return pages_[current_]->pytorchCode(); }

void InitLab::step() { pages_[current_]->step(); }

void InitLab::reset() { pages_[current_]->reset(); }

bool InitLab::busy() const {
  for (InitPage* page : pages_)
    if (page->busy()) return true;
  return false;
}

QList<QPair<QString, QWidget*>> InitLab::exportablePlots() const {
  QList<QPair<QString, QWidget*>> plots;
  for (InitPage* page : pages_) plots += page->exportablePlots();
  return plots;
}

void InitLab::retranslate() {
  for (int i = 0; i < pages_.size(); ++i) {
    pages_[i]->retranslate();
    tabs_->setTabText(i, pages_[i]->title());
  }
}

void InitLab::applyAppearance() {
  for (InitPage* page : pages_) page->applyAppearance();
}

bool InitLab::showPage(const QString& id) {
  const int index = static_cast<int>(kPages.indexOf(id));
  if (index < 0) return false;
  tabs_->setCurrentIndex(index);
  return true;
}

nlohmann::json InitLab::sessionState() const {
  nlohmann::json state = {{"page", currentPageId().toStdString()}};
  for (int i = 0; i < pages_.size(); ++i) state[kPages[i].toStdString()] = pages_[i]->sessionState();
  return state;
}

QString InitLab::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return {};
  const QString page = QString::fromStdString(state.value("page", std::string("activations")));
  if (!kPages.contains(page)) return tr("page: expected one of %1, got \"%2\"").arg(kPages.join(", "), page);
  // A later page that refuses puts the earlier ones back: a bad file changes nothing.
  std::vector<nlohmann::json> before;
  for (InitPage* p : pages_) before.push_back(p->sessionState());
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
