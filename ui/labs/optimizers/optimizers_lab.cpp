#include "labs/optimizers/optimizers_lab.h"

#include <QCheckBox>
#include <QEvent>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QFormLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/layout_check.h"
#include "app/control_group.h"
#include "app/palette.h"
#include "labs/optimizers/racers.h"
#include "optim/factory.h"
#include "optim/scheduler.h"
#include "plots/plot_style.h"

namespace gsui {

namespace {

/// The lr plot's least height: a readable strip of data under its title and axis, at the fonts in
/// effect (never below 120 px × the scale).
int scheduleHeight(const QCustomPlot* plot) {
  const double s = Appearance::instance().scale();
  return std::max(static_cast<int>(120 * s), readablePlotHeight(plot, static_cast<int>(std::ceil(kMinDataHeight * s))));
}

}  // namespace
namespace {

constexpr double kEpsilon = 1e-2;  // "reached the minimum": within this distance

using optimizer_race::kAdam;
using optimizer_race::kMomentum;
using optimizer_race::Racer;
using optimizer_race::racers;
using optimizer_race::schedulerSpec;

/// A spin box that writes its value as the PyTorch code does (0.01, not 0.0100).
class ValueBox : public QDoubleSpinBox {
 public:
  QString textFromValue(double v) const override { return optimizer_race::formatValue(v, decimals()); }
};

/// 0 for what rounds to ±0.00, so that the table never reads "-0.00".
double noNegativeZero(double v) { return std::abs(v) < 0.005 ? 0.0 : v; }

}  // namespace

QStringList OptimizersLab::racerNames() {
  QStringList n;
  for (const Racer& r : racers()) n << r.name;
  return n;
}

OptimizersLab::OptimizersLab(QWidget* parent) : Lab(parent) {
  buildPlots();
  buildFunctionGroup();
  buildRacersGroup();
  buildScheduleGroup();
  controlsLayout()->addStretch();
  connectControls();
  retranslate();
  recompute();
}

void OptimizersLab::buildPlots() {
  contour_plot_ = makePlot("x", "y", this);
  addPlotTitle(contour_plot_);
  contour_plot_->legend->setVisible(true);
  contour_ = std::make_unique<ContourPlot>(contour_plot_);
  loss_plot_ = makePlot(QString(), QString(), this);
  loss_plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  QSharedPointer<QCPAxisTickerLog> log_ticker(new QCPAxisTickerLog);
  log_ticker->setTickCount(4);
  loss_plot_->yAxis->setTicker(log_ticker);
  loss_plot_->yAxis->setNumberFormat("eb");
  loss_plot_->yAxis->setNumberPrecision(0);
  addPlotTitle(loss_plot_);
  schedule_plot_ = makePlot(QString(), "lr", this);
  schedule_plot_->yAxis->ticker()->setTickCount(2);  // a short plot: 0, 0.05, 0.1, not five labels on each other
  addPlotTitle(schedule_plot_);
  schedule_plot_->setProperty("gsCompanion", true);  // under the loss: a companion, not the lab's main plot
  // Tall enough for a readable strip of data under its title (two lines in a narrow column) and
  // axis, at the fonts in effect; measured after each layout, as the title wraps with the width.
  connect(schedule_plot_, &QCustomPlot::afterLayout, this, [this] {
    const int wanted = scheduleHeight(schedule_plot_);
    if (schedule_plot_->minimumHeight() != wanted) schedule_plot_->setMinimumHeight(wanted);
  });
  table_ = new QTableWidget(0, 4, this);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setWordWrap(false);
  table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // Every column as wide as its widest cell or header (no "0.…"); the last takes what is left.
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  // The contour on the left; the loss and the schedule on the right; the table across the bottom
  // (its four columns do not fit beside the contour on a projector).
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  // (the contour at a 1:1 aspect: Rosenbrock's valley as it is)
  auto* plane = new EqualAspectFrame(contour_plot_, this);
  plane->setLegendOutside(true);  // in the margin, not over the paths
  grid->addWidget(plane, 0, 0, 2, 1);
  grid->addWidget(loss_plot_, 0, 1);
  grid->addWidget(schedule_plot_, 1, 1);
  grid->addWidget(table_, 2, 0, 1, 2);
  grid->setColumnStretch(0, 3);
  grid->setColumnStretch(1, 2);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 2);
  grid->setRowStretch(2, 0);
  sizeViews();
}

void OptimizersLab::sizeViews() {
  const double s = Appearance::instance().scale();
  for (QCustomPlot* p : {contour_plot_, loss_plot_, schedule_plot_}) p->setMinimumSize(static_cast<int>(170 * s), static_cast<int>(120 * s));
  schedule_plot_->setMinimumHeight(scheduleHeight(schedule_plot_));
  // The table: its rows, up to five (then it scrolls), below its header.
  const int rows = std::clamp(table_->rowCount(), 1, 5);
  const int row_height = std::max({table_->verticalHeader()->defaultSectionSize(), table_->rowCount() > 0 ? table_->rowHeight(0) : 0,
                                   table_->fontMetrics().height() + 8});
  table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() + rows * row_height + 2 * table_->frameWidth() + 4);
}

void OptimizersLab::buildFunctionGroup() {
  function_box_ = new ControlGroup(controlsLayout());
  function_ = new QComboBox;
  function_->setObjectName("function");
  // The landscapes by core's ids (item data); their names are set, translated, in retranslate().
  for (const char* id : {"quadratic", "rosenbrock", "beale", "himmelblau", "saddle"}) function_->addItem(id, QString(id));
  function_->setProperty("gsPrimary", true);
  function_label_ = function_box_->addRow(function_);
  a_ = new QDoubleSpinBox;
  b_ = new QDoubleSpinBox;
  a_->setRange(0.1, 100);
  b_->setRange(0.1, 200);
  a_->setValue(1);
  b_->setValue(10);
  function_box_->addRow(a_)->setText("a");
  function_box_->addRow(b_)->setText("b");
}

void OptimizersLab::buildRacersGroup() {
  // A grid rather than a ControlGroup: each racer's checkbox and learning rate line up in columns.
  racers_box_ = new QGroupBox;
  auto* rl = new QGridLayout(racers_box_);
  for (std::size_t i = 0; i < racers().size(); ++i) {
    auto* on = new QCheckBox(racers()[i].name);
    on->setObjectName(QString("racer%1").arg(racers()[i].name));
    on->setChecked(i == 0 || i == 1 || i == 4 || i == 5);
    QPalette pal = on->palette();
    pal.setColor(QPalette::WindowText, palette::readableText(palette::optimizerColor(static_cast<int>(i)), pal.color(QPalette::Window)));
    on->setPalette(pal);
    auto* lr = new ValueBox;
    lr->setObjectName(QString("lr%1").arg(racers()[i].name));
    lr->setDecimals(4);
    lr->setRange(0.0001, 10);
    lr->setSingleStep(0.01);
    lr->setValue(racers()[i].lr);
    if (i < 3) {  // the first racers, at the top of the panel: what a teacher ticks and tunes
      on->setProperty("gsPrimary", true);
      lr->setProperty("gsPrimary", true);
    }
    rl->addWidget(on, static_cast<int>(i), 0);
    rl->addWidget(lr, static_cast<int>(i), 1);
    racer_on_.push_back(on);
    racer_lr_.push_back(lr);
  }
  steps_label_ = new QLabel;
  steps_ = new QSpinBox;
  steps_->setRange(10, 2000);
  steps_->setValue(200);
  arrows_ = new QCheckBox;
  rl->addWidget(steps_label_, static_cast<int>(racers().size()), 0);
  rl->addWidget(steps_, static_cast<int>(racers().size()), 1);
  rl->addWidget(arrows_, static_cast<int>(racers().size()) + 1, 0, 1, 2);
  controlsLayout()->addWidget(racers_box_);
}

void OptimizersLab::buildScheduleGroup() {
  schedule_box_ = new ControlGroup(controlsLayout());
  scheduler_ = new QComboBox;
  scheduler_->setObjectName("scheduler");
  // torch.optim.lr_scheduler's class names (item data), shown as they are but for "None".
  for (const QString& name : optimizer_race::schedulerNames()) scheduler_->addItem(name, name);
  scheduled_racer_ = new QComboBox;
  scheduled_racer_->addItems(racerNames());
  scheduled_racer_->setCurrentText("Adam");
  // A narrow panel puts a field under its label rather than widening the panel ("CosineAnnealingLR").
  schedule_box_->form()->setRowWrapPolicy(QFormLayout::WrapLongRows);
  scheduler_label_ = schedule_box_->addRow(scheduler_);
  scheduled_label_ = schedule_box_->addRow(scheduled_racer_);
  // The scheduler's own arguments, named as in torch.optim.lr_scheduler (so not translated).
  for (int k = 0; k < kSchedulerParams; ++k) {
    auto* box = new ValueBox;
    box->setObjectName(QString("schedulerParam%1").arg(k));
    sched_params_.push_back(box);
    sched_param_labels_.push_back(schedule_box_->addRow(box));
  }
  resetSchedulerParams();
}

void OptimizersLab::resetSchedulerParams() {
  const std::vector<optimizer_race::SchedulerParam> params = optimizer_race::schedulerParams(schedulerId(), steps_ ? steps_->value() : 200);
  sched_params_for_ = schedulerId();
  for (int k = 0; k < kSchedulerParams; ++k) {
    const bool used = k < static_cast<int>(params.size());
    QDoubleSpinBox* box = sched_params_[k];
    const QSignalBlocker block(box);
    if (used) {
      const optimizer_race::SchedulerParam& p = params[k];
      box->setDecimals(p.decimals);
      box->setRange(p.min, p.max);
      box->setSingleStep(p.decimals == 0 ? 1 : std::pow(10.0, -p.decimals) * (p.decimals == 4 ? 10 : 5));
      box->setValue(p.value);
      sched_param_labels_[k]->setText(p.key);
    }
    schedule_box_->form()->setRowVisible(box, used);
  }
}

nlohmann::json OptimizersLab::currentSchedulerSpec() const {
  std::vector<double> values;
  for (QDoubleSpinBox* box : sched_params_) values.push_back(box->value());
  return optimizer_race::schedulerSpec(schedulerId(), values);
}

QDoubleSpinBox* OptimizersLab::schedulerParamBox(const QString& key) const {
  const auto params = optimizer_race::schedulerParams(schedulerId(), steps_->value());
  for (std::size_t k = 0; k < params.size(); ++k)
    if (params[k].key == key) return sched_params_[k];
  return nullptr;
}

void OptimizersLab::setSchedulerParam(const QString& key, double value) {
  if (QDoubleSpinBox* box = schedulerParamBox(key)) box->setValue(value);
}

double OptimizersLab::racerLearningRate(const QString& racer) const {
  const int i = static_cast<int>(racerNames().indexOf(racer));
  return i < 0 ? 0.0 : racer_lr_[i]->value();
}

QString OptimizersLab::racerLearningRateText(const QString& racer) const {
  const int i = static_cast<int>(racerNames().indexOf(racer));
  return i < 0 ? QString() : optimizer_race::formatValue(racer_lr_[i]->value(), racer_lr_[i]->decimals());
}

void OptimizersLab::connectControls() {
  for (std::size_t i = 0; i < racers().size(); ++i) {
    connect(racer_on_[i], &QCheckBox::toggled, this, &OptimizersLab::recompute);
    connect(racer_lr_[i], &QDoubleSpinBox::valueChanged, this, &OptimizersLab::recompute);
  }
  connect(function_, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
  connect(a_, &QDoubleSpinBox::valueChanged, this, &OptimizersLab::recompute);
  connect(b_, &QDoubleSpinBox::valueChanged, this, &OptimizersLab::recompute);
  connect(steps_, &QSpinBox::valueChanged, this, &OptimizersLab::recompute);
  connect(arrows_, &QCheckBox::toggled, this, &OptimizersLab::redraw);
  connect(scheduler_, &QComboBox::currentIndexChanged, this, [this] {
    resetSchedulerParams();
    recompute();
  });
  for (QDoubleSpinBox* box : sched_params_) connect(box, &QDoubleSpinBox::valueChanged, this, &OptimizersLab::recompute);
  connect(scheduled_racer_, &QComboBox::currentTextChanged, this, &OptimizersLab::recompute);
}

void OptimizersLab::setFunction(const QString& name) {
  if (const int i = function_->findData(name); i >= 0) function_->setCurrentIndex(i);
}
void OptimizersLab::setScheduler(const QString& name) {
  if (const int i = scheduler_->findData(name); i >= 0) scheduler_->setCurrentIndex(i);
}
QString OptimizersLab::functionId() const { return function_->currentData().toString(); }
QString OptimizersLab::schedulerId() const { return scheduler_->currentData().toString(); }
void OptimizersLab::setShowArrows(bool on) { arrows_->setChecked(on); }
void OptimizersLab::setRacer(const QString& name, bool on, double lr) {
  const int i = static_cast<int>(racerNames().indexOf(name));
  if (i < 0) return;
  if (lr > 0) racer_lr_[i]->setValue(lr);
  racer_on_[i]->setChecked(on);
}

nlohmann::json OptimizersLab::optimizerSpec(int i) const {
  nlohmann::json spec = racers()[i].extra.is_null() ? nlohmann::json::object() : racers()[i].extra;
  spec["name"] = racers()[i].torch_name;
  spec["lr"] = racer_lr_[i]->value();
  return spec;
}

void OptimizersLab::recompute() {
  const std::string fname = functionId().toStdString();
  const bool quadratic = fname == "quadratic";
  a_->setEnabled(quadratic);
  b_->setEnabled(quadratic);
  nlohmann::json f = {{"name", fname}};
  if (quadratic) {
    f["a"] = a_->value();
    f["b"] = b_->value();
  }
  fn_ = gs::landscape::parse_function(f);
  const auto start = fn_.default_start();
  computePaths(start, steps_->value());
  contour_->setFunction([this](double x, double y) { return fn_.value(x, y); }, fn_.default_range());
  contour_->setStart(start[0], start[1]);
  step_ = steps_->value();
  redraw();
  emit codeChanged();
}

void OptimizersLab::computePaths(const std::array<double, 2>& start, int steps) {
  paths_.clear();
  racer_index_.clear();
  runs_.clear();
  const QString scheduled = scheduled_racer_->currentText();
  for (std::size_t i = 0; i < racers().size(); ++i) {
    if (!racer_on_[i]->isChecked()) continue;
    const bool with_schedule = schedulerId() != "None" && scheduled == racers()[i].name;
    const gs::landscape::Path p = gs::landscape::run_optimizer(fn_, start, optimizerSpec(static_cast<int>(i)), steps,
                                                               with_schedule ? currentSchedulerSpec() : nullptr);
    QString name = racers()[i].name;
    if (with_schedule) name += " + " + schedulerId();
    paths_.push_back({name, palette::optimizerColor(static_cast<int>(i)), palette::optimizerLineStyle(static_cast<int>(i)), p.points, p.diverged_at});
    racer_index_.push_back(static_cast<int>(i));
    runs_.push_back(p);
  }
}

int OptimizersLab::stepsToMinimum(const QString& racer) const {
  for (std::size_t k = 0; k < runs_.size(); ++k)
    if (racers()[racer_index_[k]].name == racer) return runs_[k].steps_to_reach(fn_.minima(), kEpsilon);
  return -1;
}

void OptimizersLab::step() {
  // One optimizer step. The whole race is shown until the first step: that one starts it again
  // from the start (so `--steps 30` shows step 30), and Play loops at the end.
  if (step_ >= steps_->value()) step_ = 0;
  step_ = std::min(step_ + 1, steps_->value());
  redraw();
}

void OptimizersLab::reset() {
  step_ = 0;
  redraw();
}

void OptimizersLab::redraw() {
  drawContour();
  drawLossCurves();
  fillTable();
  drawSchedule();
}

void OptimizersLab::drawContour() {
  contour_->setPaths(paths_, step_);
  if (arrows_->isChecked()) drawArrows();
  setPlotTitle(contour_plot_, tr("%1   step %2").arg(function_->currentText()).arg(step_));
  contour_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void OptimizersLab::drawArrows() {
  // Arrows along the paths, from the runs themselves (scheduler included): Adam's
  // per-coordinate step (each coordinate scaled by its own history) and Momentum's velocity
  // lr·b (it keeps pointing down the valley), ×4 to be seen.
  const Appearance& ap = Appearance::instance();
  for (std::size_t k = 0; k < paths_.size(); ++k) {
    const gs::landscape::Path& run = runs_[k];
    const bool adam = racer_index_[k] == kAdam, momentum = racer_index_[k] == kMomentum;
    if (!adam && !momentum) continue;
    const std::size_t count = adam ? run.adam_steps.size() : run.momentum_buffers.size();
    for (int s = 0; s < std::min<int>(step_, static_cast<int>(count)); s += 3) {
      if (s + 1 >= static_cast<int>(paths_[k].points.size())) break;
      const auto& pt = paths_[k].points[s];
      const std::array<double, 2> v = adam ? run.adam_steps[s] : run.momentum_buffers[s];
      const double scale = adam ? 1.0 : run.lr[s];  // Adam's step already carries its lr
      auto* arrow = new QCPItemLine(contour_plot_);
      arrow->start->setCoords(pt[0], pt[1]);
      arrow->end->setCoords(pt[0] - 4 * scale * v[0], pt[1] - 4 * scale * v[1]);
      arrow->setHead(QCPLineEnding::esSpikeArrow);
      arrow->setPen(QPen(paths_[k].color.darker(140), 1.4 * ap.scale()));
    }
  }
}

void OptimizersLab::drawLossCurves() {
  const Appearance& ap = Appearance::instance();
  loss_plot_->clearGraphs();
  double lo = INFINITY, hi = 0;
  const std::optional<double> fmin = fn_.min_value();
  for (const PathView& p : paths_) {
    QCPGraph* g = loss_plot_->addGraph();
    g->setPen(QPen(p.color, 2 * ap.scale(), p.style));
    // Loss above the function's minimum value, so every curve can go down to ~0 on a log scale
    // (the saddle has no minimum: f itself, on a linear scale).
    for (int k = 0; k <= step_ && k < static_cast<int>(p.points.size()); ++k) {
      const double v = fmin ? p.points[k][2] - *fmin : p.points[k][2];
      if (!std::isfinite(v)) break;
      const double shown = fmin ? std::max(v, 1e-12) : v;
      g->addData(k, shown);
      lo = std::min(lo, shown);
      hi = std::max(hi, shown);
    }
  }
  const bool saddle = !fmin;  // unbounded below
  loss_plot_->yAxis->setScaleType(saddle ? QCPAxis::stLinear : QCPAxis::stLogarithmic);
  if (saddle) loss_plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  loss_plot_->xAxis->setRange(0, steps_->value());
  if (hi > lo) loss_plot_->yAxis->setRange(saddle ? std::max(lo, -10.0) : lo / 2, saddle ? hi + 0.5 : hi * 2);
  setPlotTitle(loss_plot_, saddle ? tr("f per step") : tr("f − f(minimum) per step"));
  loss_plot_->xAxis->setLabel(tr("step"));
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void OptimizersLab::fillTable() {
  table_->setHorizontalHeaderLabels({tr("optimizer"), tr("ended at"), "f", tr("steps to ε")});
  table_->setRowCount(static_cast<int>(paths_.size()));
  for (std::size_t k = 0; k < paths_.size(); ++k) {
    const PathView& p = paths_[k];
    const int last = std::min<int>(step_, static_cast<int>(p.points.size()) - 1);
    const auto& pt = p.points[std::max(0, last)];
    const int reached = stepsToMinimum(racerNames()[racer_index_[k]]);
    const QStringList cells = {racers()[racer_index_[k]].name, p.diverged_at >= 0 && p.diverged_at <= step_ ? tr("diverged") : QString("(%1, %2)").arg(noNegativeZero(pt[0]), 0, 'f', 2).arg(noNegativeZero(pt[1]), 0, 'f', 2),
                               QString::number(pt[2], 'g', 3), reached >= 0 && reached <= step_ ? QString::number(reached) : "—"};
    for (int c = 0; c < 4; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c == 0) item->setForeground(palette::readableText(p.color, table_->palette().color(QPalette::Base)));
      table_->setItem(static_cast<int>(k), c, item);
    }
  }
  sizeViews();
}

void OptimizersLab::drawSchedule() {
  const Appearance& ap = Appearance::instance();
  schedule_plot_->clearGraphs();
  const QString sname = schedulerId();
  const int racer = static_cast<int>(racerNames().indexOf(scheduled_racer_->currentText()));
  const double base = racer_lr_[racer]->value();
  QCPGraph* g = schedule_plot_->addGraph();
  g->setPen(palette::optimizerPen(racer, 2 * ap.scale()));
  int run = -1;  // the scheduled racer's run, when it races
  for (std::size_t k = 0; k < runs_.size(); ++k)
    if (racer_index_[k] == racer) run = static_cast<int>(k);
  std::vector<double> lrs;  // the rate at each step
  if (sname == "ReduceLROnPlateau" && run >= 0) {
    lrs = runs_[run].lr;  // it depends on the loss: the rates the run really used
  } else if (sname == "None" || sname == "ReduceLROnPlateau") {
    lrs.assign(static_cast<std::size_t>(steps_->value()) + 1, base);
  } else {
    const nlohmann::json spec = currentSchedulerSpec();
    lrs = gs::optim::LRScheduler::preview(
        [&](gs::optim::Optimizer& o) { return std::move(gs::optim::make_scheduler(spec, o).epoch); }, base, steps_->value());
  }
  for (std::size_t k = 0; k < lrs.size(); ++k) g->addData(static_cast<double>(k), lrs[k]);
  // Where the race is now: a dot on the line (at step 0 too, so the plot says something before
  // anything moved).
  if (!lrs.empty()) {
    QCPGraph* now = schedule_plot_->addGraph();
    now->setLineStyle(QCPGraph::lsNone);
    now->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, palette::optimizerColor(racer), 9 * ap.scale()));
    const std::size_t at = std::min<std::size_t>(static_cast<std::size_t>(std::max(step_, 0)), lrs.size() - 1);
    now->addData(static_cast<double>(at), lrs[at]);
  }
  schedule_plot_->xAxis->setRange(0, steps_->value());
  schedule_plot_->yAxis->setRange(0, base * 1.1);
  const QString who = scheduled_racer_->currentText();
  setPlotTitle(schedule_plot_, sname == "None" ? tr("lr of %1: constant (no scheduler)").arg(who) : tr("lr of %1 with %2").arg(who, sname));
  schedule_plot_->xAxis->setLabel(sname == "ReduceLROnPlateau" ? tr("step (reduces when the loss stalls)") : tr("step"));
  schedule_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void OptimizersLab::retranslate() {
  function_box_->setTitle(tr("Function"));
  function_label_->setText(tr("Landscape"));
  const QStringList function_names = {tr("quadratic bowl"), tr("Rosenbrock"), tr("Beale"), tr("Himmelblau"), tr("saddle")};
  for (int i = 0; i < function_->count() && i < function_names.size(); ++i) function_->setItemText(i, function_names[i]);
  if (const int none = scheduler_->findData(QString("None")); none >= 0) scheduler_->setItemText(none, tr("None"));
  racers_box_->setTitle(tr("Optimizers and learning rates"));
  steps_label_->setText(tr("Steps"));
  arrows_->setText(tr("Arrows: velocity, Adam's steps"));
  schedule_box_->setTitle(tr("Learning-rate schedule"));
  scheduler_label_->setText(tr("Scheduler"));
  scheduled_label_->setText(tr("Applied to"));
  redraw();
}

void OptimizersLab::applyAppearance() {
  for (QCustomPlot* p : {contour_plot_, loss_plot_, schedule_plot_}) stylePlot(p);
  // Each name in its optimizer's colour (the theme's), dark enough to read as text.
  for (std::size_t i = 0; i < racer_on_.size(); ++i) {
    QPalette pal = racer_on_[i]->palette();
    pal.setColor(QPalette::WindowText, palette::readableText(palette::optimizerColor(static_cast<int>(i)), pal.color(QPalette::Window)));
    racer_on_[i]->setPalette(pal);
  }
  recompute();
  sizeViews();
}

QString OptimizersLab::pytorchCode() const {
  QStringList lines = {"import torch", "", QString("def f(p):  # %1").arg(functionId())};
  for (const std::string& statement : fn_.python_body()) lines << "    " + QString::fromStdString(statement);
  const auto start = fn_.default_start();
  lines << "" << "optimizers = {";
  for (std::size_t i = 0; i < racers().size(); ++i) {
    if (!racer_on_[i]->isChecked()) continue;
    QString args = QString("lr=%1").arg(optimizer_race::formatValue(racer_lr_[i]->value(), racer_lr_[i]->decimals()));
    for (const auto& [k, v] : racers()[i].extra.items()) args += QString(", %1=%2").arg(QString::fromStdString(k), v.is_boolean() ? (v.get<bool>() ? "True" : "False") : QString::fromStdString(v.dump()));
    lines << QString("    '%1': lambda p: torch.optim.%2([p], %3),").arg(racers()[i].name, racers()[i].torch_name, args);
  }
  lines << "}" << "for name, make in optimizers.items():"
        << QString("    p = torch.tensor([%1, %2], requires_grad=True)").arg(start[0]).arg(start[1]) << "    optimizer = make(p)";
  const QString sname = schedulerId();
  const bool plateau = sname == "ReduceLROnPlateau";
  if (sname != "None") {
    // The scheduler with the arguments set in the panel, written as the boxes show them.
    QStringList args = {"optimizer"};
    const auto params = optimizer_race::schedulerParams(sname, steps_->value());
    QStringList milestones;
    for (std::size_t k = 0; k < params.size(); ++k) {
      const QString v = optimizer_race::formatValue(sched_params_[k]->value(), params[k].decimals);
      if (params[k].key.startsWith("milestones")) milestones << v;
      else args << QString("%1=%2").arg(params[k].key, v);
    }
    if (!milestones.isEmpty()) {
      std::sort(milestones.begin(), milestones.end(), [](const QString& a, const QString& b) { return a.toDouble() < b.toDouble(); });
      args.insert(1, QString("milestones=[%1]").arg(milestones.join(", ")));
    }
    lines << QString("    scheduler = torch.optim.lr_scheduler.%1(%2) if name == '%3' else None").arg(sname, args.join(", "), scheduled_racer_->currentText());
  }
  lines << QString("    for step in range(%1):").arg(steps_->value()) << "        optimizer.zero_grad()" << "        f(p).backward()"
        << "        optimizer.step()";
  if (sname != "None")
    lines << "        if scheduler is not None:" << (plateau ? "            scheduler.step(f(p).item())  # it watches the loss" : "            scheduler.step()");
  return lines.join('\n') + '\n';
}

void OptimizersLab::changeEvent(QEvent* event) {
  Lab::changeEvent(event);
  if (event->type() == QEvent::FontChange) sizeViews();  // the table's rows grew or shrank with the font
}

QList<QPair<QString, QWidget*>> OptimizersLab::exportablePlots() const {
  return {{tr("Contour and paths"), contour_plot_}, {tr("Loss per step"), loss_plot_}, {tr("Learning-rate schedule"), schedule_plot_}};
}

}  // namespace gsui
