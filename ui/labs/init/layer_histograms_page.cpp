#include "labs/init/layer_histograms_page.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "labs/init/init_code.h"
#include "plots/plot_style.h"

namespace gsui {

namespace {
constexpr int kSpacing = 2;

QCustomPlot* histogramPlot(const QString& name) {
  QCustomPlot* plot = makePlot(QString(), QString());
  plot->setObjectName(name);
  plot->setProperty("gsSmallMultiple", true);  // one of a row of five: compared with each other
  addPlotTitle(plot);
  plot->yAxis->setTickLabels(false);  // one count scale per row: the heights compare layers, not numbers
  return plot;
}

void drawBars(QCustomPlot* plot, const init::Histogram& h, int colour, double high_count) {
  plot->clearPlottables();
  auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
  bars->setPen(Qt::NoPen);
  bars->setBrush(Appearance::instance().seriesColor(colour));
  bars->setWidth(h.width);
  QVector<double> keys, values;
  for (std::size_t i = 0; i < h.counts.size(); ++i) {
    keys << h.low + (static_cast<double>(i) + 0.5) * h.width;
    values << static_cast<double>(h.counts[i]);
  }
  bars->setData(keys, values, true);
  // (a hair wider than the bins, so that the end ticks, −24 and 24, are never lost to rounding)
  const double span = h.width * static_cast<double>(h.counts.size());
  plot->xAxis->setRange(h.low - span * 1e-9, h.low + span * (1 + 1e-9));
  plot->yAxis->setRange(0, high_count * 1.08);
  // Three ticks (ends and middle): five plots side by side leave no room for more labels.
  auto ticker = QSharedPointer<QCPAxisTickerFixed>(new QCPAxisTickerFixed);
  ticker->setTickStep(h.width * static_cast<double>(h.counts.size()) / 2);
  ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
  plot->xAxis->setTicker(ticker);
  plot->xAxis->setNumberFormat("g");
  plot->xAxis->setNumberPrecision(2);
  plot->replot(QCustomPlot::rpQueuedReplot);
}
}  // namespace

LayerHistogramsPage::LayerHistogramsPage(QWidget* parent) : InitPage(parent) {
  scheme_ = new QComboBox;
  scheme_->setObjectName("histogramScheme");
  scheme_->setProperty("gsPrimary", true);
  fillSchemes(scheme_, false);
  activation_ = new QComboBox;
  activation_->setObjectName("histogramActivation");
  activation_->setProperty("gsPrimary", true);
  fillActivations(activation_);
  seed_ = new QSpinBox;
  seed_->setObjectName("histogramSeed");
  seed_->setRange(0, 9999);
  group_ = new ControlGroup(controlsLayout());
  scheme_label_ = group_->addRow(scheme_);
  activation_label_ = group_->addRow(activation_);
  seed_label_ = group_->addRow(seed_);
  note_ = new QLabel;
  note_->setObjectName("histogramNote");
  note_->setWordWrap(true);
  group_->addWideRow(note_);
  controlsLayout()->addStretch(1);

  // Activations and gradients, five layers each: both rows of five where five fit side by side;
  // where they do not (1024×768 in presentation mode), one row at a time in three columns, with a
  // switch between the two rows, rather than histograms too small to read.
  row_choice_ = new QWidget;
  row_choice_->setObjectName("histogramRowChoice");
  auto* choice = new QHBoxLayout(row_choice_);
  choice->setContentsMargins(0, 0, 0, 0);
  show_activations_ = new QPushButton;
  show_activations_->setObjectName("showActivations");
  show_gradients_ = new QPushButton;
  show_gradients_->setObjectName("showGradients");
  auto* rows = new QButtonGroup(this);
  for (QPushButton* b : {show_activations_, show_gradients_}) {
    b->setCheckable(true);
    rows->addButton(b);
    choice->addWidget(b);
  }
  choice->addStretch(1);
  show_activations_->setChecked(true);
  connect(rows, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool on) {
    if (on) arrange();
  });
  // The headings sit between the grids, not in them: a word-wrapped heading spanning a grid row of
  // stretching plots got less than its height there (the plots below covered its first line).
  activations_grid_ = new QGridLayout;
  gradients_grid_ = new QGridLayout;
  for (QGridLayout* grid : {activations_grid_, gradients_grid_}) grid->setSpacing(kSpacing);
  activations_heading_ = new QLabel;
  gradients_heading_ = new QLabel;
  for (QLabel* l : {activations_heading_, gradients_heading_}) {
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  }
  for (int k = 0; k < init::kDepth; ++k) {
    activation_plots_ << histogramPlot(QString("activationHistogram%1").arg(k + 1));
    gradient_plots_ << histogramPlot(QString("gradientHistogram%1").arg(k + 1));
  }
  summary_ = new QLabel;
  summary_->setObjectName("histogramSummary");
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(kSpacing);
  layout->addWidget(row_choice_);
  layout->addWidget(activations_heading_);
  layout->addLayout(activations_grid_, 1);
  layout->addWidget(gradients_heading_);
  layout->addLayout(gradients_grid_, 1);
  layout->addWidget(summary_);
  arrange();

  scheme_->setCurrentIndex(0);
  activation_->setCurrentIndex(0);
  for (QComboBox* box : {scheme_, activation_}) connect(box, &QComboBox::currentIndexChanged, this, &LayerHistogramsPage::recompute);
  connect(seed_, &QSpinBox::valueChanged, this, &LayerHistogramsPage::recompute);
  recompute();
}

bool LayerHistogramsPage::fiveFit(int width) const {
  const QMargins m = layout()->contentsMargins();
  return width - m.left() - m.right() >= init::kDepth * smallMultipleSize().width() + (init::kDepth - 1) * kSpacing;
}

void LayerHistogramsPage::arrange() {
  const bool both = fiveFit(width());
  one_row_ = !both;
  row_choice_->setVisible(one_row_);
  const bool gradients = one_row_ && show_gradients_->isChecked();
  for (QGridLayout* grid : {activations_grid_, gradients_grid_}) {
    while (grid->count() > 0) grid->takeAt(0);  // the widgets stay; only their places change
    for (int r = 0; r < 2; ++r) grid->setRowStretch(r, 0);
    for (int c = 0; c < init::kDepth; ++c) grid->setColumnStretch(c, 0);
  }
  const QSize least = smallMultipleSize();
  // Both rows: the page's width decides (a narrower page switches to one row), so the plots do not
  // hold the window wider; one row in three columns: each is at least a small multiple's size.
  for (QCustomPlot* plot : activation_plots_ + gradient_plots_) plot->setMinimumSize(one_row_ ? least : QSize(40, least.height()));
  const int columns = both ? init::kDepth : 3;
  for (const bool of_gradients : {false, true}) {
    QGridLayout* grid = of_gradients ? gradients_grid_ : activations_grid_;
    const QVector<QCustomPlot*>& plots = of_gradients ? gradient_plots_ : activation_plots_;
    const bool shown = both || of_gradients == gradients;
    for (int k = 0; k < init::kDepth; ++k) {
      grid->addWidget(plots[k], k / columns, k % columns);
      plots[k]->setVisible(shown);
    }
    for (int c = 0; c < columns; ++c) grid->setColumnStretch(c, 1);
    for (int r = 0; r * columns < init::kDepth; ++r) grid->setRowStretch(r, 1);
    (of_gradients ? gradients_heading_ : activations_heading_)->setVisible(shown);
  }
}

void LayerHistogramsPage::resizeEvent(QResizeEvent* event) {
  InitPage::resizeEvent(event);
  if (fiveFit(event->size().width()) == one_row_) arrange();
  fitHeadings();
}

void LayerHistogramsPage::fitHeadings() {
  const auto fit = [this] {
    for (QLabel* heading : {activations_heading_, gradients_heading_}) {
      // The width it has in the grid (one column of five, or the three-column span), else the page's.
      const int width = heading->width() > 0 && heading->isVisible() ? heading->width() : this->width() - 8;
      // (top-aligned: when Hangul's taller fallback font needs a little more than the label's
      // measure, the line's top stays whole)
      heading->setMinimumHeight(heading->heightForWidth(std::max(60, width)));
    }
  };
  fit();
}

QString LayerHistogramsPage::title() const { return tr("Histograms"); }

init::Scheme LayerHistogramsPage::scheme() const {
  init::Scheme s = init::Scheme::Normal1;
  init::schemeFromId(scheme_->currentData().toString(), s);
  return s;
}

init::Activation LayerHistogramsPage::activation() const {
  init::Activation a = init::Activation::Sigmoid;
  init::activationFromType(activation_->currentData().toString(), a);
  return a;
}

void LayerHistogramsPage::setConfiguration(init::Scheme scheme, init::Activation activation, int seed) {
  const QSignalBlocker b1(scheme_), b2(activation_), b3(seed_);
  scheme_->setCurrentIndex(scheme_->findData(QString(init::info(scheme).id)));
  activation_->setCurrentIndex(activation_->findData(QString(init::layerType(activation))));
  seed_->setValue(seed);
  recompute();
}

void LayerHistogramsPage::step() { seed_->setValue(seed_->value() + 1 > seed_->maximum() ? 0 : seed_->value() + 1); }

void LayerHistogramsPage::reset() { setConfiguration(init::Scheme::Normal1, init::Activation::Sigmoid, 0); }

void LayerHistogramsPage::recompute() {
  experiment_ = init::runExperiment(scheme(), activation(), static_cast<std::uint64_t>(seed_->value()));
  redraw();
  updateTexts();
  emit codeChanged();
}

void LayerHistogramsPage::redraw() {
  shown_activations_.clear();
  shown_gradients_.clear();
  std::int64_t high_a = 1, high_g = 1;
  for (int k = 0; k < init::kDepth; ++k) {
    shown_activations_ << experiment_.activationHistogram(k);
    shown_gradients_ << experiment_.gradientHistogram(k);
    high_a = std::max(high_a, *std::max_element(shown_activations_.back().counts.begin(), shown_activations_.back().counts.end()));
    high_g = std::max(high_g, *std::max_element(shown_gradients_.back().counts.begin(), shown_gradients_.back().counts.end()));
  }
  for (int k = 0; k < init::kDepth; ++k) {
    drawBars(activation_plots_[k], shown_activations_[k], 0, static_cast<double>(high_a));
    drawBars(gradient_plots_[k], shown_gradients_[k], 1, static_cast<double>(high_g));
  }
}

void LayerHistogramsPage::updateTexts() {
  QStringList act, grad;
  for (int k = 0; k < init::kDepth && k < static_cast<int>(experiment_.activations.size()); ++k) {
    const init::LayerValues& a = experiment_.activations[static_cast<std::size_t>(k)];
    const init::LayerValues& g = experiment_.gradients[static_cast<std::size_t>(k)];
    setPlotTitle(activation_plots_[k], tr("Layer %1\nμ %2\nσ %3").arg(k + 1).arg(number(a.mean), number(a.std)));
    setPlotTitle(gradient_plots_[k], tr("Layer %1\nσ %2").arg(k + 1).arg(number(g.std)));
    act << number(a.std);
    grad << number(g.std);
  }
  activations_heading_->setText(tr("Activations hₖ of each hidden layer (%1 values each, %2)")
                                    .arg(QLocale().toString(init::kBatch * init::kWidth), QString(init::layerType(activation()))));
  gradients_heading_->setText(tr("Their gradients ∂L/∂hₖ after one backward of L = MSELoss(sum) on random targets"));
  fitHeadings();
  summary_->setText(tr("μ: mean, σ: std (core's mean and var). σ of the activations by layer: %1. σ of the gradients: %2.").arg(act.join(" → "), grad.join(" → ")));
  const double last = experiment_.activations.empty() ? 0 : experiment_.activations.back().std;
  const double first = experiment_.activations.empty() ? 0 : experiment_.activations.front().std;
  QString verdict;
  if (last < 1e-2)
    verdict = tr("Collapse: the weights are too small, every layer shrinks the signal, and the last layer's values are "
                 "all nearly the same. Identical outputs mean no unit learns anything different.");
  else if (activation() == init::Activation::Sigmoid && scheme() == init::Scheme::Normal1)
    verdict = tr("Saturation: the weights are too large, so the sigmoid's inputs are far from 0 and its outputs pile up "
                 "at 0 and 1, where its slope is almost 0: the gradient vanishes.");
  else if (last > 3 * first)
    verdict = tr("Explosion: each layer multiplies the spread, so the last layer's values are far larger than the first's.");
  else
    verdict = tr("Spread: the std stays in the same range from layer to layer, so every layer passes signal and gradient on. "
                 "Xavier keeps the variance for sigmoid and tanh (Var(w) = 1/n); ReLU zeroes half, so He doubles it (2/n).");
  note_->setText(verdict);
}

QString LayerHistogramsPage::pytorchCode() const {
  return init::experimentCode(scheme(), activation(), static_cast<std::uint64_t>(seed_->value()));
}

QList<QPair<QString, QWidget*>> LayerHistogramsPage::exportablePlots() const {
  QList<QPair<QString, QWidget*>> plots;
  for (int k = 0; k < init::kDepth; ++k) plots << qMakePair(tr("Activations, layer %1").arg(k + 1), static_cast<QWidget*>(activation_plots_[k]));
  for (int k = 0; k < init::kDepth; ++k) plots << qMakePair(tr("Gradients, layer %1").arg(k + 1), static_cast<QWidget*>(gradient_plots_[k]));
  return plots;
}

void LayerHistogramsPage::retranslate() {
  group_->setTitle(tr("Initialization"));
  scheme_label_->setText(tr("Weights"));
  activation_label_->setText(tr("Activation"));
  seed_label_->setText(tr("Seed"));
  show_activations_->setText(tr("Activations"));
  show_gradients_->setText(tr("Gradients"));
  fillSchemes(scheme_, false);
  updateTexts();
}

void LayerHistogramsPage::applyAppearance() {
  for (QCustomPlot* plot : activation_plots_ + gradient_plots_) stylePlot(plot);
  arrange();  // presentation mode's scale changes how many histograms fit side by side
  redraw();
  updateTexts();
  fitHeadings();
}

nlohmann::json LayerHistogramsPage::sessionState() const {
  return {{"scheme", init::info(scheme()).id}, {"activation", init::layerType(activation())}, {"seed", seed_->value()}};
}

QString LayerHistogramsPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected an object");
  init::Scheme s = init::Scheme::Normal1;
  init::Activation a = init::Activation::Sigmoid;
  const std::string scheme = state.value("scheme", std::string("normal1")), act = state.value("activation", std::string("Sigmoid"));
  if (!init::schemeFromId(QString::fromStdString(scheme), s) || s == init::Scheme::Zeros)
    return tr("scheme: expected normal1, normal001, xavier or he, got \"%1\"").arg(QString::fromStdString(scheme));
  if (!init::activationFromType(QString::fromStdString(act), a))
    return tr("activation: expected Sigmoid, Tanh or ReLU, got \"%1\"").arg(QString::fromStdString(act));
  const nlohmann::json seed = state.value("seed", nlohmann::json(0));
  if (!seed.is_number_integer() || seed.get<int>() < 0 || seed.get<int>() > 9999)
    return tr("seed: expected an integer from 0 to 9999, got %1").arg(QString::fromStdString(seed.dump()));
  setConfiguration(s, a, seed.get<int>());
  return {};
}

}  // namespace gsui
