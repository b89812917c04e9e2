#include "app/tabbed_lab.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <vector>

#include "app/lab_page.h"

namespace gsui {

TabbedLab::TabbedLab(const QString& tabs_name, QWidget* parent) : Lab(parent) {
  tabs_ = new QTabWidget;
  tabs_->setObjectName(tabs_name);
  tabs_->setDocumentMode(true);
  panels_ = new QStackedWidget;
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
  controlsLayout()->addWidget(panels_);
  connect(tabs_, &QTabWidget::currentChanged, this, &TabbedLab::pageChanged);
}

TabbedLab::~TabbedLab() {
  // The tab widget reports each page it loses as a change of page: not while pages die.
  disconnect(tabs_, nullptr, this, nullptr);
}

void TabbedLab::addPage(const QString& id, LabPage* page) {
  pages_.push_back(page);
  ids_.push_back(id);
  panels_->addWidget(page->controls());
  page->controls()->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
  connect(page, &LabPage::codeChanged, this, [this, page] {
    if (page == currentPage()) emit codeChanged();
  });
  connect(page, &LabPage::message, this, &Lab::message);
  connect(page, &LabPage::stoppedPlaying, this, [this, page] {
    if (page == currentPage() && playing_) {
      playing_ = false;
      emit stoppedPlaying();
    }
  });
  tabs_->addTab(page, QString());  // the first page added becomes current here
}

void TabbedLab::pageChanged(int index) {
  if (index == current_ || index < 0 || index >= pages_.size()) return;
  if (LabPage* old = currentPage()) {
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

QString TabbedLab::pytorchCode() const { return currentPage() ? currentPage()->pytorchCode() : QString(); }

void TabbedLab::setPlaying(bool playing) {
  playing_ = playing;
  if (currentPage()) currentPage()->setPlaying(playing);
}

void TabbedLab::step() {
  if (currentPage()) currentPage()->step();
}

void TabbedLab::reset() {
  if (currentPage()) currentPage()->reset();
}

bool TabbedLab::busy() const {
  for (LabPage* page : pages_)
    if (page->busy()) return true;
  return false;
}

QList<QPair<QString, QWidget*>> TabbedLab::exportablePlots() const {
  QList<QPair<QString, QWidget*>> plots;
  for (LabPage* page : pages_) plots += page->exportablePlots();
  return plots;
}

void TabbedLab::retranslate() {
  for (int i = 0; i < pages_.size(); ++i) {
    pages_[i]->retranslate();
    tabs_->setTabText(i, pages_[i]->title());
  }
}

void TabbedLab::applyAppearance() {
  for (LabPage* page : pages_) page->applyAppearance();
}

bool TabbedLab::showPage(const QString& id) {
  const int index = static_cast<int>(ids_.indexOf(id));
  if (index < 0) return false;
  tabs_->setCurrentIndex(index);
  return true;
}

nlohmann::json TabbedLab::sessionState() const {
  nlohmann::json state = {{"page", currentPageId().toStdString()}};
  for (int i = 0; i < pages_.size(); ++i) state[ids_[i].toStdString()] = pages_[i]->sessionState();
  return state;
}

QString TabbedLab::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return {};
  const nlohmann::json& page_value = state.contains("page") ? state["page"] : nlohmann::json(ids_.value(0).toStdString());
  if (!page_value.is_string() || !ids_.contains(QString::fromStdString(page_value.get<std::string>())))
    return tr("page: expected one of %1, got %2").arg(ids_.join(", "), QString::fromStdString(page_value.dump()).left(60));
  // A later page that refuses puts the earlier ones back: a bad file changes nothing.
  std::vector<nlohmann::json> before;
  for (LabPage* p : pages_) before.push_back(p->sessionState());
  for (int i = 0; i < pages_.size(); ++i) {
    const std::string key = ids_[i].toStdString();
    if (!state.contains(key) || state[key].is_null()) continue;
    if (const QString problem = pages_[i]->restoreSessionState(state[key]); !problem.isEmpty()) {
      for (int k = 0; k < i; ++k) pages_[k]->restoreSessionState(before[static_cast<std::size_t>(k)]);
      return QString("%1: %2").arg(ids_[i], problem);
    }
  }
  showPage(QString::fromStdString(page_value.get<std::string>()));
  return {};
}

}  // namespace gsui
