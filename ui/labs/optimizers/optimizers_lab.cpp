#include "labs/optimizers/optimizers_lab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/settings_keys.h"
#include "autograd/grad_mode.h"
#include "optim/adaptive.h"
#include "optim/factory.h"
#include "optim/scheduler.h"
#include "optim/sgd.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {

constexpr double kEpsilon = 1e-2;  // "reached the minimum": within this distance

struct Racer {
  const char* name;
  const char* torch_name;
  double lr;
  nlohmann::json extra;
};

const std::vector<Racer>& racers() {
  static const std::vector<Racer> list = {
      {"SGD", "SGD", 0.01, {}},
      {"Momentum", "SGD", 0.01, {{"momentum", 0.9}}},
      {"Nesterov", "SGD", 0.01, {{"momentum", 0.9}, {"nesterov", true}}},
      {"Adagrad", "Adagrad", 0.5, {}},
      {"RMSprop", "RMSprop", 0.01, {}},
      {"Adam", "Adam", 0.1, {}},
      {"AdamW", "AdamW", 0.1, {}},
      {"Adadelta", "Adadelta", 1.0, {}},
      {"Adamax", "Adamax", 0.1, {}},
      {"Rprop", "Rprop", 0.01, {}},
  };
  return list;
}

std::array<double, 2> default_start(const std::string& f) {
  if (f == "rosenbrock") return {-1.5, 2.0};
  if (f == "beale") return {-1.0, 3.5};
  if (f == "himmelblau") return {-0.5, -0.5};
  if (f == "saddle") return {-1.8, 0.05};
  return {-1.7, 1.2};
}

}  // namespace

QStringList OptimizersLab::racerNames() {
  QStringList n;
  for (const Racer& r : racers()) n << r.name;
  return n;
}

OptimizersLab::OptimizersLab(QWidget* parent) : Lab(parent) {
  contour_plot_ = makePlot("x", "y", this);
  addPlotTitle(contour_plot_);
  contour_plot_->legend->setVisible(true);
  contour_ = std::make_unique<ContourPlot>(contour_plot_);
  loss_plot_ = makePlot(QString(), QString(), this);
  loss_plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  {
    QSharedPointer<QCPAxisTickerLog> t(new QCPAxisTickerLog);
    t->setTickCount(4);
    loss_plot_->yAxis->setTicker(t);
    loss_plot_->yAxis->setNumberFormat("eb");
    loss_plot_->yAxis->setNumberPrecision(0);
  }
  addPlotTitle(loss_plot_);
  schedule_plot_ = makePlot(QString(), "lr", this);
  schedule_plot_->setMaximumHeight(170);
  table_ = new QTableWidget(0, 4, this);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  grid->addWidget(contour_plot_, 0, 0, 3, 1);
  grid->addWidget(loss_plot_, 0, 1);
  grid->addWidget(table_, 1, 1);
  grid->addWidget(schedule_plot_, 2, 1);
  grid->setColumnStretch(0, 3);
  grid->setColumnStretch(1, 2);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 3);
  grid->setRowStretch(2, 1);

  controls_ = new QWidget;
  auto* cl = new QVBoxLayout(controls_);
  function_box_ = new QGroupBox;
  auto* fl = new QFormLayout(function_box_);
  function_ = new QComboBox;
  function_->setObjectName("function");
  function_->addItems({"quadratic", "rosenbrock", "beale", "himmelblau", "saddle"});
  function_label_ = new QLabel;
  fl->addRow(function_label_, function_);
  a_ = new QDoubleSpinBox;
  b_ = new QDoubleSpinBox;
  a_->setRange(0.1, 100);
  b_->setRange(0.1, 200);
  a_->setValue(1);
  b_->setValue(10);
  fl->addRow("a", a_);
  fl->addRow("b", b_);
  cl->addWidget(function_box_);

  racers_box_ = new QGroupBox;
  auto* rl = new QGridLayout(racers_box_);
  const Appearance& ap = Appearance::instance();
  for (std::size_t i = 0; i < racers().size(); ++i) {
    auto* on = new QCheckBox(racers()[i].name);
    on->setObjectName(QString("racer%1").arg(racers()[i].name));
    on->setChecked(i == 0 || i == 1 || i == 4 || i == 5);
    QPalette pal = on->palette();
    pal.setColor(QPalette::WindowText, ap.seriesColor(static_cast<int>(i)));
    on->setPalette(pal);
    auto* lr = new QDoubleSpinBox;
    lr->setDecimals(4);
    lr->setRange(0.0001, 10);
    lr->setSingleStep(0.01);
    lr->setValue(racers()[i].lr);
    rl->addWidget(on, static_cast<int>(i), 0);
    rl->addWidget(lr, static_cast<int>(i), 1);
    racer_on_.push_back(on);
    racer_lr_.push_back(lr);
    connect(on, &QCheckBox::toggled, this, &OptimizersLab::recompute);
    connect(lr, &QDoubleSpinBox::valueChanged, this, &OptimizersLab::recompute);
  }
  steps_label_ = new QLabel;
  steps_ = new QSpinBox;
  steps_->setRange(10, 2000);
  steps_->setValue(200);
  arrows_ = new QCheckBox;
  rl->addWidget(steps_label_, static_cast<int>(racers().size()), 0);
  rl->addWidget(steps_, static_cast<int>(racers().size()), 1);
  rl->addWidget(arrows_, static_cast<int>(racers().size()) + 1, 0, 1, 2);
  cl->addWidget(racers_box_);

  schedule_box_ = new QGroupBox;
  auto* sl = new QFormLayout(schedule_box_);
  scheduler_ = new QComboBox;
  scheduler_->setObjectName("scheduler");
  scheduler_->addItems({"None", "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "LinearLR", "ReduceLROnPlateau"});
  scheduled_racer_ = new QComboBox;
  scheduled_racer_->addItems(racerNames());
  scheduled_racer_->setCurrentText("Adam");
  scheduler_label_ = new QLabel;
  scheduled_label_ = new QLabel;
  sl->addRow(scheduler_label_, scheduler_);
  sl->addRow(scheduled_label_, scheduled_racer_);
  cl->addWidget(schedule_box_);
  cl->addStretch();

  connect(function_, &QComboBox::currentTextChanged, this, [this] { recompute(); });
  connect(a_, &QDoubleSpinBox::valueChanged, this, &OptimizersLab::recompute);
  connect(b_, &QDoubleSpinBox::valueChanged, this, &OptimizersLab::recompute);
  connect(steps_, &QSpinBox::valueChanged, this, &OptimizersLab::recompute);
  connect(arrows_, &QCheckBox::toggled, this, &OptimizersLab::redraw);
  connect(scheduler_, &QComboBox::currentTextChanged, this, &OptimizersLab::recompute);
  connect(scheduled_racer_, &QComboBox::currentTextChanged, this, &OptimizersLab::recompute);

  retranslate();
  recompute();
}

QString OptimizersLab::labId() const { return labs::kOptimizers; }

void OptimizersLab::setFunction(const QString& name) { function_->setCurrentText(name); }
void OptimizersLab::setScheduler(const QString& name) { scheduler_->setCurrentText(name); }
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

namespace {
nlohmann::json scheduler_spec(const QString& name, int steps) {
  if (name == "StepLR") return {{"name", "StepLR"}, {"step_size", std::max(1, steps / 4)}, {"gamma", 0.5}};
  if (name == "MultiStepLR") return {{"name", "MultiStepLR"}, {"milestones", {steps / 3, 2 * steps / 3}}, {"gamma", 0.3}};
  if (name == "ExponentialLR") return {{"name", "ExponentialLR"}, {"gamma", std::pow(0.01, 1.0 / std::max(1, steps))}};
  if (name == "CosineAnnealingLR") return {{"name", "CosineAnnealingLR"}, {"T_max", steps}};
  if (name == "LinearLR") return {{"name", "LinearLR"}, {"start_factor", 0.1}, {"total_iters", std::max(1, steps / 5)}};
  if (name == "ReduceLROnPlateau") return {{"name", "ReduceLROnPlateau"}, {"factor", 0.5}, {"patience", 5}};
  return nullptr;
}
}  // namespace

void OptimizersLab::recompute() {
  const std::string fname = function_->currentText().toStdString();
  const bool quadratic = fname == "quadratic";
  a_->setEnabled(quadratic);
  b_->setEnabled(quadratic);
  nlohmann::json f = {{"name", fname}};
  if (quadratic) {
    f["a"] = a_->value();
    f["b"] = b_->value();
  }
  fn_ = gs::landscape::parse_function(f);
  const auto start = default_start(fname);
  const int steps = steps_->value();
  const Appearance& ap = Appearance::instance();
  paths_.clear();
  racer_index_.clear();
  adam_steps_.clear();
  const QString scheduled = scheduled_racer_->currentText();
  for (std::size_t i = 0; i < racers().size(); ++i) {
    if (!racer_on_[i]->isChecked()) continue;
    const bool with_schedule = scheduler_->currentText() != "None" && scheduled == racers()[i].name;
    const gs::landscape::Path p = gs::landscape::run_optimizer(fn_, start, optimizerSpec(static_cast<int>(i)), steps,
                                                               with_schedule ? scheduler_spec(scheduler_->currentText(), steps) : nullptr);
    QString name = racers()[i].name;
    if (with_schedule) name += " + " + scheduler_->currentText();
    paths_.push_back({name, ap.seriesColor(static_cast<int>(i)), p.points, p.diverged_at});
    racer_index_.push_back(static_cast<int>(i));
  }
  // Adam's per-coordinate step (the arrows): replay Adam and keep each step vector.
  if (racer_on_[5]->isChecked()) {
    gs::Tensor p = gs::tensor({start[0], start[1]}, gs::TensorOptions{.dtype = gs::kFloat64, .requires_grad = true});
    gs::optim::Adam adam({p}, {.lr = racer_lr_[5]->value()});
    std::vector<std::array<double, 2>> s;
    for (int k = 0; k < steps; ++k) {
      adam.zero_grad();
      fn_.value(p).backward();
      adam.step();
      const std::vector<double> v = adam.last_steps()[0].to_vector<double>();
      s.push_back({-v[0], -v[1]});
    }
    adam_steps_.push_back(s);
  }
  // Momentum's velocity (its momentum buffer), replayed with the same optimizer class.
  momentum_velocity_.clear();
  if (racer_on_[1]->isChecked()) {
    gs::Tensor p = gs::tensor({start[0], start[1]}, gs::TensorOptions{.dtype = gs::kFloat64, .requires_grad = true});
    gs::optim::SGD sgd({p}, {.lr = racer_lr_[1]->value(), .momentum = 0.9});
    for (int k = 0; k < steps; ++k) {
      sgd.zero_grad();
      fn_.value(p).backward();
      sgd.step();
      const std::vector<double> v = sgd.momentum_buffer(0).to_vector<double>();
      momentum_velocity_.push_back({-v[0] * racer_lr_[1]->value(), -v[1] * racer_lr_[1]->value()});
    }
  }
  const auto r = fn_.default_range();
  contour_->setFunction([this](double x, double y) { return fn_.value(x, y); }, r);
  contour_->setStart(start[0], start[1]);
  step_ = steps;
  redraw();
  emit codeChanged();
}

int OptimizersLab::stepsToMinimum(const QString& racer) const {
  for (std::size_t k = 0; k < paths_.size(); ++k) {
    if (!paths_[k].name.startsWith(racer) || (paths_[k].name != racer && !paths_[k].name.startsWith(racer + " +"))) continue;
    for (std::size_t s = 0; s < paths_[k].points.size(); ++s)
      for (const auto& m : fn_.minima())
        if (std::hypot(paths_[k].points[s][0] - m[0], paths_[k].points[s][1] - m[1]) < kEpsilon) return static_cast<int>(s);
    return -1;
  }
  return -1;
}

void OptimizersLab::step() {
  if (step_ >= steps_->value()) step_ = 0;
  step_ = std::min(step_ + 5, steps_->value());
  redraw();
}

void OptimizersLab::reset() {
  step_ = 0;
  redraw();
}

void OptimizersLab::redraw() {
  const Appearance& ap = Appearance::instance();
  contour_->setPaths(paths_, step_);
  if (arrows_->isChecked()) {
    // Arrows along the paths: Adam's per-coordinate step (each coordinate scaled by its own
    // history) and Momentum's velocity lr·v (it keeps pointing down the valley), ×4 to be seen.
    auto draw = [&](int racer, const std::vector<std::array<double, 2>>& vectors) {
      for (std::size_t k = 0; k < paths_.size(); ++k) {
        if (racer_index_[k] != racer) continue;
        for (int s = 0; s < std::min<int>(step_, static_cast<int>(vectors.size())); s += 3) {
          if (s + 1 >= static_cast<int>(paths_[k].points.size())) break;
          const auto& pt = paths_[k].points[s];
          auto* arrow = new QCPItemLine(contour_plot_);
          arrow->start->setCoords(pt[0], pt[1]);
          arrow->end->setCoords(pt[0] + 4 * vectors[s][0], pt[1] + 4 * vectors[s][1]);
          arrow->setHead(QCPLineEnding::esSpikeArrow);
          arrow->setPen(QPen(paths_[k].color.darker(140), 1.4 * ap.scale()));
        }
      }
    };
    if (!adam_steps_.empty()) draw(5, adam_steps_[0]);
    draw(1, momentum_velocity_);
  }
  setPlotTitle(contour_plot_, tr("%1   step %2").arg(function_->currentText()).arg(step_));
  contour_plot_->replot(QCustomPlot::rpQueuedReplot);

  loss_plot_->clearGraphs();
  double lo = INFINITY, hi = 0;
  for (const PathView& p : paths_) {
    QCPGraph* g = loss_plot_->addGraph();
    g->setPen(QPen(p.color, 2 * ap.scale()));
    // Loss above the function's minimum value, so every curve can go down to ~0 on a log scale.
    double fmin = INFINITY;
    for (const auto& m : fn_.minima()) fmin = std::min(fmin, fn_.value(m[0], m[1]));
    if (fn_.name == "saddle") fmin = -INFINITY;
    for (int k = 0; k <= step_ && k < static_cast<int>(p.points.size()); ++k) {
      const double v = std::isfinite(fmin) ? p.points[k][2] - fmin : p.points[k][2];
      if (!std::isfinite(v)) break;
      const double shown = std::isfinite(fmin) ? std::max(v, 1e-12) : v;
      g->addData(k, shown);
      lo = std::min(lo, shown);
      hi = std::max(hi, shown);
    }
  }
  const bool saddle = fn_.name == "saddle";
  loss_plot_->yAxis->setScaleType(saddle ? QCPAxis::stLinear : QCPAxis::stLogarithmic);
  if (saddle) loss_plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  loss_plot_->xAxis->setRange(0, steps_->value());
  if (hi > lo) loss_plot_->yAxis->setRange(saddle ? std::max(lo, -10.0) : lo / 2, saddle ? hi + 0.5 : hi * 2);
  setPlotTitle(loss_plot_, saddle ? tr("f per step") : tr("f − f(minimum) per step"));
  loss_plot_->xAxis->setLabel(tr("step"));
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);

  table_->setHorizontalHeaderLabels({tr("optimizer"), tr("ended at"), "f", tr("steps to ε")});
  table_->setRowCount(static_cast<int>(paths_.size()));
  for (std::size_t k = 0; k < paths_.size(); ++k) {
    const PathView& p = paths_[k];
    const int last = std::min<int>(step_, static_cast<int>(p.points.size()) - 1);
    const auto& pt = p.points[std::max(0, last)];
    const int reached = stepsToMinimum(racerNames()[racer_index_[k]]);
    const QStringList cells = {p.name, p.diverged_at >= 0 && p.diverged_at <= step_ ? tr("diverged") : QString("(%1, %2)").arg(pt[0], 0, 'f', 2).arg(pt[1], 0, 'f', 2),
                               QString::number(pt[2], 'g', 3), reached >= 0 && reached <= step_ ? QString::number(reached) : "—"};
    for (int c = 0; c < 4; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c == 0) item->setForeground(p.color);
      table_->setItem(static_cast<int>(k), c, item);
    }
  }

  // The schedule curve of the chosen scheduler (preview on a fresh optimizer).
  schedule_plot_->clearGraphs();
  const QString sname = scheduler_->currentText();
  const double base = racer_lr_[static_cast<int>(racerNames().indexOf(scheduled_racer_->currentText()))]->value();
  QCPGraph* g = schedule_plot_->addGraph();
  g->setPen(QPen(ap.seriesColor(static_cast<int>(racerNames().indexOf(scheduled_racer_->currentText()))), 2 * ap.scale()));
  if (sname == "None" || sname == "ReduceLROnPlateau") {
    g->addData(0, base);
    g->addData(steps_->value(), base);
  } else {
    const nlohmann::json spec = scheduler_spec(sname, steps_->value());
    const auto lrs = gs::optim::LRScheduler::preview(
        [&](gs::optim::Optimizer& o) { return std::move(gs::optim::make_scheduler(spec, o).epoch); }, base, steps_->value());
    for (std::size_t k = 0; k < lrs.size(); ++k) g->addData(static_cast<double>(k), lrs[k]);
  }
  g->rescaleAxes();
  schedule_plot_->yAxis->setRangeLower(0);
  schedule_plot_->yAxis->setRangeUpper(base * 1.1);
  schedule_plot_->xAxis->setLabel(sname == "ReduceLROnPlateau" ? tr("step (reduces when the loss stalls)") : tr("step"));
  schedule_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void OptimizersLab::retranslate() {
  function_box_->setTitle(tr("Function"));
  function_label_->setText(tr("Landscape"));
  racers_box_->setTitle(tr("Optimizers and learning rates"));
  steps_label_->setText(tr("Steps"));
  arrows_->setText(tr("Show Momentum's velocity and Adam's steps"));
  schedule_box_->setTitle(tr("Learning-rate schedule"));
  scheduler_label_->setText(tr("Scheduler"));
  scheduled_label_->setText(tr("Applied to"));
  redraw();
}

void OptimizersLab::applyAppearance() {
  for (QCustomPlot* p : {contour_plot_, loss_plot_, schedule_plot_}) stylePlot(p);
  recompute();
}

QString OptimizersLab::pytorchCode() const {
  QStringList lines = {"import torch", "", QString("def f(p):  # %1").arg(function_->currentText())};
  const std::string n = fn_.name;
  if (n == "quadratic") lines << QString("    return %1 * p[0] ** 2 + %2 * p[1] ** 2").arg(fn_.a).arg(fn_.b);
  else if (n == "rosenbrock") lines << "    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2";
  else if (n == "beale") lines << "    x, y = p\n    return (1.5 - x + x*y) ** 2 + (2.25 - x + x*y**2) ** 2 + (2.625 - x + x*y**3) ** 2";
  else if (n == "himmelblau") lines << "    x, y = p\n    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2";
  else lines << "    return p[0] ** 2 - p[1] ** 2";
  const auto start = default_start(n);
  lines << "" << "optimizers = {";
  for (std::size_t i = 0; i < racers().size(); ++i) {
    if (!racer_on_[i]->isChecked()) continue;
    QString args = QString("lr=%1").arg(racer_lr_[i]->value());
    for (const auto& [k, v] : racers()[i].extra.items()) args += QString(", %1=%2").arg(QString::fromStdString(k), v.is_boolean() ? (v.get<bool>() ? "True" : "False") : QString::fromStdString(v.dump()));
    lines << QString("    '%1': lambda p: torch.optim.%2([p], %3),").arg(racers()[i].name, racers()[i].torch_name, args);
  }
  lines << "}" << "for name, make in optimizers.items():"
        << QString("    p = torch.tensor([%1, %2], requires_grad=True)").arg(start[0]).arg(start[1]) << "    optimizer = make(p)";
  if (scheduler_->currentText() != "None" && scheduler_->currentText() != "ReduceLROnPlateau")
    lines << QString("    scheduler = torch.optim.lr_scheduler.%1(optimizer, ...) if name == '%2' else None").arg(scheduler_->currentText(), scheduled_racer_->currentText());
  lines << QString("    for step in range(%1):").arg(steps_->value()) << "        optimizer.zero_grad()" << "        f(p).backward()"
        << "        optimizer.step()";
  return lines.join('\n') + '\n';
}

QList<QPair<QString, QWidget*>> OptimizersLab::exportablePlots() const {
  return {{tr("Contour and paths"), contour_plot_}, {tr("Loss per step"), loss_plot_}, {tr("Learning-rate schedule"), schedule_plot_}};
}

}  // namespace gsui
