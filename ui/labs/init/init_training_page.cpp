#include "labs/init/init_training_page.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "labs/init/init_code.h"
#include "plots/plot_style.h"

namespace gsui {

namespace {
constexpr int kDefaultSteps = 300;
}

InitTrainingPage::InitTrainingPage(QWidget* parent) : InitPage(parent) {
  activation_ = new QComboBox;
  activation_->setObjectName("trainingActivation");
  activation_->setProperty("gsPrimary", true);
  fillActivations(activation_);
  activation_->setCurrentIndex(activation_->findData(QString("ReLU")));
  steps_ = new QSpinBox;
  steps_->setObjectName("trainingSteps");
  steps_->setRange(10, 5000);
  steps_->setSingleStep(50);
  steps_->setValue(kDefaultSteps);
  train_ = new QPushButton;
  train_->setObjectName("trainAllSchemes");
  train_->setProperty("gsPrimary", true);
  group_ = new ControlGroup(controlsLayout());
  activation_label_ = group_->addRow(activation_);
  steps_label_ = group_->addRow(steps_);
  group_->addWideRow(train_);
  status_ = new QLabel;
  status_->setObjectName("trainingStatus");
  status_->setWordWrap(true);
  group_->addWideRow(status_);
  controlsLayout()->addStretch(1);
  connect(train_, &QPushButton::clicked, this, &InitTrainingPage::train);
  connect(activation_, &QComboBox::currentIndexChanged, this, &InitPage::codeChanged);
  connect(steps_, &QSpinBox::valueChanged, this, &InitPage::codeChanged);

  loss_plot_ = makePlot(QString(), QString());
  loss_plot_->setObjectName("initLossCurves");
  loss_plot_->legend->setVisible(true);
  loss_plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  addPlotTitle(loss_plot_);
  weights_heading_ = new QLabel;
  weights_heading_->setWordWrap(true);
  zeros_weights_ = makePlot(QString(), QString());
  zeros_weights_->setObjectName("zerosWeights");
  he_weights_ = makePlot(QString(), QString());
  he_weights_->setObjectName("heWeights");
  for (QCustomPlot* p : {zeros_weights_, he_weights_}) {
    // A pair of small multiples: the same picture of layer 1, zeros above He, compared.
    p->setProperty("gsSmallMultiple", true);
    p->setMinimumSize(smallMultipleSize());
    p->xAxis->setTickLabels(false);  // a picture of the matrix: rows are units, columns inputs
    p->yAxis->setTickLabels(false);
    addPlotTitle(p);
  }
  table_ = new QTableWidget(kSchemes, init::kDepth);
  table_->setObjectName("symmetryTable");
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

  // Top: the curves, with layer 1's weights of zeros and He beside them; below: the table.
  auto* weights = new QVBoxLayout;
  weights->addWidget(zeros_weights_, 1);
  weights->addWidget(he_weights_, 1);
  auto* top = new QHBoxLayout;
  top->addWidget(loss_plot_, 4);
  top->addLayout(weights, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top, 3);
  layout->addWidget(weights_heading_);
  layout->addWidget(table_, 2);

  connect(&job_, &BackgroundJob::finished, this, [this](const QString& error) {
    problem_ = error;
    finished_ = error.isEmpty();
    train_->setEnabled(true);
    redraw();
    updateTexts();
  });
  redraw();
}

InitTrainingPage::~InitTrainingPage() { job_.cancel(); }

QString InitTrainingPage::title() const { return tr("Training"); }

int InitTrainingPage::steps() const { return steps_->value(); }
void InitTrainingPage::setSteps(int steps) { steps_->setValue(steps); }

init::Activation InitTrainingPage::activation() const {
  init::Activation a = init::Activation::ReLU;
  init::activationFromType(activation_->currentData().toString(), a);
  return a;
}

void InitTrainingPage::setActivation(init::Activation activation) {
  activation_->setCurrentIndex(activation_->findData(QString(init::layerType(activation))));
}

void InitTrainingPage::train() {
  if (job_.running()) return;
  runs_ = {};
  finished_ = false;
  problem_.clear();
  train_->setEnabled(false);
  const int steps = steps_->value();
  const init::Activation act = activation();
  job_.start([this, steps, act](BackgroundJob& job) {
    // Every scheme's run lives here, in the worker; the UI gets copies of the curves.
    std::vector<std::unique_ptr<gs::train::Trainer>> trainers;
    for (init::Scheme s : init::kTrainingSchemes) {
      gs::spec::Scenario scenario = init::trainingScenario(s, act);
      trainers.push_back(gs::spec::make_trainer(scenario));
    }
    std::array<Run, kSchemes> runs;
    for (int step = 1; step <= steps && !job.cancelled(); ++step) {
      for (int i = 0; i < kSchemes; ++i) {
        Run& r = runs[static_cast<std::size_t>(i)];
        if (r.diverged) continue;
        if (!trainers[static_cast<std::size_t>(i)]->step()) r.diverged = true;
        const auto history = trainers[static_cast<std::size_t>(i)]->snapshot().loss_history;
        if (!history.empty() && !r.diverged) r.losses.push_back(history.back());
      }
      if (step % 20 == 0 || step == steps)
        job.post([this, runs] { runs_ = runs; redraw(); updateTexts(); });
    }
    for (int i = 0; i < kSchemes; ++i) {
      gs::train::Trainer& t = *trainers[static_cast<std::size_t>(i)];
      Run& r = runs[static_cast<std::size_t>(i)];
      for (int k = 0; k < init::kDepth; ++k) r.unit_spread.push_back(init::unitSpread(t.model(), k));
      r.first_weights = t.model().named_parameters()[0].second.detach().to_vector<float>();
      r.test_accuracy = t.evaluate(t.test_set()).accuracy;
    }
    job.post([this, runs] { runs_ = runs; });
  });
  updateTexts();
}

void InitTrainingPage::reset() {
  job_.cancel();
  runs_ = {};
  finished_ = false;
  problem_.clear();
  train_->setEnabled(true);
  redraw();
  updateTexts();
}

void InitTrainingPage::drawWeights(QCustomPlot* plot, const Run& run) {
  plot->clearPlottables();
  setPlotHint(plot, run.first_weights.empty() ? tr("after training") : QString());
  if (run.first_weights.empty()) {
    plot->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  const int rows = init::kWidth, cols = static_cast<int>(run.first_weights.size()) / rows;
  auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
  map->data()->setSize(cols, rows);
  map->data()->setRange(QCPRange(0, cols - 1), QCPRange(0, rows - 1));
  float m = 1e-12f;
  for (float w : run.first_weights) m = std::max(m, std::abs(w));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) map->data()->setCell(c, r, run.first_weights[static_cast<std::size_t>(r * cols + c)]);
  QCPColorGradient diverging;  // blue (negative), white (0), red (positive): colour-blind safe
  diverging.setColorStopAt(0.0, QColor(0x21, 0x66, 0xac));
  diverging.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
  diverging.setColorStopAt(1.0, QColor(0xb2, 0x18, 0x2b));
  map->setGradient(diverging);
  map->setDataRange(QCPRange(-m, m));
  plot->xAxis->setRange(-0.5, cols - 0.5);
  plot->yAxis->setRange(-0.5, rows - 0.5);
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void InitTrainingPage::redraw() {
  loss_plot_->clearGraphs();
  double high = 0.5;
  std::size_t longest = 1;
  for (init::Scheme s : init::kTrainingSchemes) {
    const Run& r = runs_[static_cast<std::size_t>(s)];
    QCPGraph* g = loss_plot_->addGraph();
    g->setName(QCoreApplication::translate("InitLab", init::info(s).label));
    g->setPen(seriesPen(static_cast<int>(s), s == init::Scheme::Zeros ? Qt::DashLine : Qt::SolidLine));
    QVector<double> keys, values;
    for (std::size_t i = 0; i < r.losses.size(); ++i) {
      if (!std::isfinite(r.losses[i])) continue;
      keys << static_cast<double>(i + 1);
      values << r.losses[i];
      high = std::max(high, std::min(r.losses[i], 10.0));
    }
    longest = std::max(longest, r.losses.size());
    g->setData(keys, values, true);
  }
  loss_plot_->xAxis->setRange(0, static_cast<double>(std::max<std::size_t>(longest, static_cast<std::size_t>(steps_->value()))));
  loss_plot_->yAxis->setRange(0, high * 1.05);
  // Before the first run: what will appear.
  const bool trained = std::any_of(runs_.begin(), runs_.end(), [](const Run& r) { return !r.losses.empty(); });
  // (the legend with the curves it names: over an empty plot it crowded the hint)
  loss_plot_->legend->setVisible(trained);
  setPlotHint(loss_plot_, trained ? QString() : tr("Press Train every scheme: each scheme's training loss appears here, step by step."));
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);
  drawWeights(zeros_weights_, runs_[static_cast<std::size_t>(init::Scheme::Zeros)]);
  drawWeights(he_weights_, runs_[static_cast<std::size_t>(init::Scheme::He)]);
  for (init::Scheme s : init::kTrainingSchemes) {
    const Run& r = runs_[static_cast<std::size_t>(s)];
    for (int k = 0; k < init::kDepth; ++k) {
      const bool known = k < static_cast<int>(r.unit_spread.size());
      const double spread = known ? r.unit_spread[static_cast<std::size_t>(k)] : 0.0;
      // NOTE: float32 rows that got the same updates can differ in the last bits (1e-42 … 1e-10
      // seen) where the vectorized kernels round differently: identical to float32's 7 digits,
      // while distinct units differ by > 0.01, so below 1e-6 it reads 0; the tooltip has the value.
      auto* item = new QTableWidgetItem(!known ? QString("–") : spread < 1e-6 ? QString("0")
                                                 : spread >= 1e3 ? QString("> 1000")
                                                                 : QString::number(spread, 'g', 2));
      if (known) item->setToolTip(QString::number(spread, 'g', 6));
      item->setTextAlignment(Qt::AlignCenter);
      table_->setItem(static_cast<int>(s), k, item);
    }
  }
}

void InitTrainingPage::updateTexts() {
  group_->setTitle(tr("Train on the digits"));
  activation_label_->setText(tr("Activation"));
  steps_label_->setText(tr("Steps"));
  train_->setText(tr("Train every scheme"));
  setPlotTitle(loss_plot_, tr("Training loss per step (SGD, same seed)"));
  loss_plot_->xAxis->setLabel(tr("step"));
  loss_plot_->yAxis->setLabel(tr("loss"));
  setPlotTitle(zeros_weights_, tr("Zeros: layer 1"));
  setPlotTitle(he_weights_, tr("He: layer 1"));
  weights_heading_->setText(tr("Are the units of a layer different? max |Wᵢ − W₀| over the rows of each hidden layer's "
                               "weight after training (0: every unit identical). Beside the curves: layer 1's weights, a row per unit."));
  QStringList rows;
  for (init::Scheme s : init::kTrainingSchemes) rows << QCoreApplication::translate("InitLab", init::info(s).label);
  table_->setVerticalHeaderLabels(rows);
  QStringList columns;
  // "layer" above its number: five columns of "layer 1" did not fit beside the scheme names at 1024 px.
  for (int k = 1; k <= init::kDepth; ++k) columns << tr("layer\n%1").arg(k);
  table_->horizontalHeader()->setMinimumSectionSize(40);
  table_->setHorizontalHeaderLabels(columns);
  for (int i = 0; i < loss_plot_->graphCount(); ++i)
    loss_plot_->graph(i)->setName(QCoreApplication::translate("InitLab", init::info(init::kTrainingSchemes[i]).label));
  QString status;
  if (!problem_.isEmpty())
    status = problem_;
  else if (job_.running())
    status = tr("Training: step %1 of %2 for every scheme…").arg(runs_[0].losses.size()).arg(steps_->value());
  else if (!finished_)
    status = tr("Press Train every scheme (or Step) to train the network once per scheme, from the same seed.");
  else {
    QStringList lines;
    for (init::Scheme s : init::kTrainingSchemes) {
      const Run& r = runs_[static_cast<std::size_t>(s)];
      lines << tr("%1: test accuracy %2%").arg(QCoreApplication::translate("InitLab", init::info(s).label)).arg(r.test_accuracy * 100, 0, 'f', 1) +
                   (r.diverged ? tr(" (diverged)") : QString());
    }
    status = lines.join("\n") + "\n" +
             tr("Zeros: every unit of a layer gets the same gradient, so they stay identical: the symmetry is never broken. "
                "(With ReLU or tanh, 0 in gives 0 out and nothing moves; with Sigmoid the units do learn, as copies.)");
  }
  status_->setText(status);
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString InitTrainingPage::pytorchCode() const { return init::trainingCode(activation(), steps_->value()); }

QList<QPair<QString, QWidget*>> InitTrainingPage::exportablePlots() const {
  return {{tr("Loss per scheme"), loss_plot_}, {tr("Zeros: layer 1"), zeros_weights_}, {tr("He: layer 1"), he_weights_}};
}

void InitTrainingPage::retranslate() { updateTexts(); }

void InitTrainingPage::applyAppearance() {
  for (QCustomPlot* p : {loss_plot_, zeros_weights_, he_weights_}) stylePlot(p);
  for (QCustomPlot* p : {zeros_weights_, he_weights_}) p->setMinimumSize(smallMultipleSize());
  redraw();
  updateTexts();
}

nlohmann::json InitTrainingPage::sessionState() const {
  return {{"activation", init::layerType(activation())}, {"steps", steps_->value()}};
}

QString InitTrainingPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected an object");
  init::Activation a = init::Activation::ReLU;
  const std::string act = state.value("activation", std::string("ReLU"));
  if (!init::activationFromType(QString::fromStdString(act), a))
    return tr("activation: expected Sigmoid, Tanh or ReLU, got \"%1\"").arg(QString::fromStdString(act));
  const nlohmann::json steps = state.value("steps", nlohmann::json(kDefaultSteps));
  if (!steps.is_number_integer() || steps.get<int>() < steps_->minimum() || steps.get<int>() > steps_->maximum())
    return tr("steps: expected an integer from %1 to %2, got %3").arg(steps_->minimum()).arg(steps_->maximum()).arg(QString::fromStdString(steps.dump()));
  setActivation(a);
  steps_->setValue(steps.get<int>());
  return {};
}

}  // namespace gsui
