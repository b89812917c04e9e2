#include "labs/metrics/metrics_lab.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "labs/metrics/binary_page.h"
#include "labs/metrics/multiclass_page.h"

namespace gsui {

MetricsLab::MetricsLab(QWidget* parent) : Lab(parent) {
  tabs_ = new QTabWidget;
  tabs_->setObjectName("metricsTabs");
  tabs_->setDocumentMode(true);
  panels_ = new QStackedWidget;
  binary_ = new BinaryPage;
  multiclass_ = new MulticlassPage;
  tabs_->addTab(binary_, QString());
  tabs_->addTab(multiclass_, QString());
  panels_->addWidget(binary_->controls());
  panels_->addWidget(multiclass_->controls());
  connect(binary_, &BinaryPage::codeChanged, this, &Lab::codeChanged);
  connect(multiclass_, &MulticlassPage::codeChanged, this, &Lab::codeChanged);
  connect(binary_, &BinaryPage::message, this, &Lab::message);
  connect(multiclass_, &MulticlassPage::message, this, &Lab::message);
  connect(binary_, &BinaryPage::stoppedPlaying, this, &Lab::stoppedPlaying);
  connect(multiclass_, &MulticlassPage::stoppedPlaying, this, &Lab::stoppedPlaying);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
  controlsLayout()->addWidget(panels_);
  connect(tabs_, &QTabWidget::currentChanged, this, &MetricsLab::pageChanged);
  pageChanged(tabs_->currentIndex());
  retranslate();
}

MetricsLab::~MetricsLab() { disconnect(tabs_, nullptr, this, nullptr); }

void MetricsLab::pageChanged(int index) {
  if (index == current_ || index < 0) return;
  if (playing_) {
    setPlaying(false);
    emit stoppedPlaying();
  }
  current_ = index;
  // The panel is as wide as the current page's controls.
  QWidget* panels[] = {binary_->controls(), multiclass_->controls()};
  for (int i = 0; i < 2; ++i)
    panels[i]->setSizePolicy(i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored, i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
  panels_->setCurrentIndex(index);
  panels_->adjustSize();
  emit codeChanged();
}

QString MetricsLab::pytorchCode() const { return current_ == 1 ? multiclass_->pytorchCode() : binary_->pytorchCode(); }

void MetricsLab::setPlaying(bool playing) {
  playing_ = playing;
  if (current_ == 1) multiclass_->setPlaying(playing);
  else binary_->setPlaying(playing);
}

void MetricsLab::step() {
  if (current_ == 1) multiclass_->step();
  else binary_->step();
}

void MetricsLab::reset() {
  if (current_ == 1) multiclass_->reset();
  else binary_->reset();
}

QList<QPair<QString, QWidget*>> MetricsLab::exportablePlots() const { return binary_->exportablePlots() + multiclass_->exportablePlots(); }

void MetricsLab::retranslate() {
  binary_->retranslate();
  multiclass_->retranslate();
  tabs_->setTabText(0, binary_->title());
  tabs_->setTabText(1, multiclass_->title());
}

void MetricsLab::applyAppearance() {
  binary_->applyAppearance();
  multiclass_->applyAppearance();
}

bool MetricsLab::showPage(const QString& id) {
  const int index = static_cast<int>(kPages.indexOf(id));
  if (index < 0) return false;
  tabs_->setCurrentIndex(index);
  return true;
}

bool MetricsLab::busy() const { return current_ == 1 ? multiclass_->busy() : binary_->busy(); }

nlohmann::json MetricsLab::sessionState() const {
  nlohmann::json state = {{"page", kPages[current_].toStdString()},
                          {"source", static_cast<int>(binary_->source())},
                          {"threshold", binary_->threshold()},
                          {"multiclass", multiclass_->dataset().toStdString()}};
  if (binary_->source() == BinaryPage::Source::Csv) state["csv"] = binary_->csvPath().toStdString();
  return state;
}

QString MetricsLab::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected a JSON object");
  // Everything is checked before anything changes: nothing is half-restored.
  const QString page = state.contains("page") && state["page"].is_string() ? QString::fromStdString(state["page"].get<std::string>()) : QString();
  if (!kPages.contains(page)) return tr("page: expected one of %1").arg(kPages.join(", "));
  if (!state.contains("source") || !state["source"].is_number_integer() || state["source"].get<int>() < 0 || state["source"].get<int>() > 3)
    return tr("source: expected 0 to 3");
  if (!state.contains("threshold") || !state["threshold"].is_number()) return tr("threshold: expected a number");
  const QString multiclass = state.contains("multiclass") && state["multiclass"].is_string()
                                 ? QString::fromStdString(state["multiclass"].get<std::string>()) : QString();
  if (!MulticlassPage::kDatasets.contains(multiclass)) return tr("multiclass: expected one of %1").arg(MulticlassPage::kDatasets.join(", "));
  const auto source = static_cast<BinaryPage::Source>(state["source"].get<int>());
  if (source == BinaryPage::Source::Csv) {
    if (!state.contains("csv") || !state["csv"].is_string()) return tr("csv: expected the scores file's path");
    const QString problem = binary_->loadCsv(QString::fromStdString(state["csv"].get<std::string>()));
    if (!problem.isEmpty()) return problem;
  } else if (source != binary_->source()) {
    binary_->setSource(source);
  }
  binary_->setThreshold(state["threshold"].get<double>());
  if (multiclass != multiclass_->dataset()) multiclass_->setDataset(multiclass);
  showPage(page);
  return {};
}

}  // namespace gsui
