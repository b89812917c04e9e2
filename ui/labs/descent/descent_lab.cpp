#include "labs/descent/descent_lab.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMouseEvent>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/palette.h"
#include "data/dataset.h"
#include "plots/plot_style.h"
#include "plots/surface_view.h"

namespace gsui {
namespace {

const double kDefaultRates[DescentLab::kRates] = {0.01, 0.04, 0.09, 0.11};
const double kLineFitRates[DescentLab::kRates] = {0.01, 0.1, 0.5, 0.9};

QString fmt(double v, int digits = 3) { return QString::number(v, 'g', digits); }

}  // namespace

DescentLab::DescentLab(QWidget* parent) : Lab(parent) {
  // The regression data: y = 2x + 0.5 + noise, seeded (the line-fit mode's cost surface).
  const gs::data::Dataset d = gs::data::make_regression(40, 0.3, 7, 1, 2.0, 0.5);
  problem_.x = d.x.to_vector<double>();
  problem_.y = d.y.to_vector<double>();
  buildPlots();
  buildRatesGroup();  // first: the learning rates are what a teacher drags
  buildCostGroup();
  buildBatchGroup();
  status_ = new QLabel;
  status_->setWordWrap(true);
  status_->setObjectName("status");
  controlsLayout()->addWidget(status_);
  controlsLayout()->addStretch();
  connectControls();
  batch_box_->setVisible(mode_ == Mode::LineFit);  // (the bowl has no data to batch)
  retranslate();
  recompute();
}

void DescentLab::buildPlots() {
  contour_plot_ = makePlot("x", "y", this);
  addPlotTitle(contour_plot_);
  contour_plot_->legend->setVisible(true);
  contour_plot_->installEventFilter(this);
  contour_ = std::make_unique<ContourPlot>(contour_plot_);
  loss_plot_ = makePlot(QString(), QString(), this);
  addPlotTitle(loss_plot_);
  side_plot_ = makePlot(QString(), QString(), this);
  addPlotTitle(side_plot_);
  side_plot_->legend->setVisible(true);
  surface_ = new SurfaceView(this);
  top_tabs_ = new QTabWidget(this);
  if (surface_->available()) top_tabs_->addTab(surface_, QString());
  top_tabs_->addTab(loss_plot_, QString());
  if (!surface_->available()) top_tabs_->addTab(surface_, QString());
  // The contour at a 1:1 aspect (the 1:10 bowl looks 1:10); the other views beside it when there
  // is room for three readable views, else under it, side by side.
  auto* plane = new EqualAspectFrame(contour_plot_, this);
  plane->setLegendOutside(true);  // in the margin, not over the paths
  layout_ = new AdaptiveGrid(this,
                             {.places = {{plane, 0, 0, 2, 1}, {top_tabs_, 0, 1}, {side_plot_, 1, 1}},
                              .column_stretch = {3, 2}, .row_stretch = {1, 1}},
                             {.places = {{plane, 0, 0, 1, 2}, {top_tabs_, 1, 0}, {side_plot_, 1, 1}},
                              .column_stretch = {1, 1}, .row_stretch = {3, 2}},
                             600);  // (the right column then has 240 px × the scale)
}

void DescentLab::buildCostGroup() {
  cost_box_ = new ControlGroup(controlsLayout());
  bowl_radio_ = new QRadioButton;
  fit_radio_ = new QRadioButton;
  bowl_radio_->setChecked(true);
  bowl_radio_->setObjectName("bowl");
  fit_radio_->setObjectName("lineFit");
  a_label_ = new QLabel;
  b_label_ = new QLabel;
  a_ = new QSlider(Qt::Horizontal);
  b_ = new QSlider(Qt::Horizontal);
  a_->setObjectName("a");
  b_->setObjectName("b");
  for (QSlider* s : {a_, b_}) s->setRange(-100, 100);  // 10^(v/100): 0.1 … 10
  a_->setValue(0);
  b_->setValue(100);
  for (QWidget* w : std::initializer_list<QWidget*>{bowl_radio_, fit_radio_, a_label_, a_, b_label_, b_}) cost_box_->addWideRow(w);
}

void DescentLab::buildRatesGroup() {
  // A grid rather than a ControlGroup: the checkboxes, rate labels and sliders line up in columns.
  rates_box_ = new QGroupBox;
  auto* rl = new QGridLayout(rates_box_);
  for (int i = 0; i < kRates; ++i) {
    rate_on_[i] = new QCheckBox;
    rate_on_[i]->setChecked(true);
    rate_on_[i]->setObjectName(QString("rateOn%1").arg(i));
    rates_[i] = new LearningRateSlider;
    rates_[i]->setObjectName(QString("rate%1").arg(i));
    rates_[i]->setProperty("gsPrimary", true);  // what a teacher drags
    rates_[i]->setValue(kDefaultRates[i]);
    rate_labels_[i] = new QLabel;
    rate_labels_[i]->setObjectName(QString("rateLabel%1").arg(i));
    rate_labels_[i]->setMinimumWidth(rate_labels_[i]->fontMetrics().horizontalAdvance("lr = 0.0000"));
    rl->addWidget(rate_on_[i], i, 0);
    rl->addWidget(rate_labels_[i], i, 1);
    rl->addWidget(rates_[i], i, 2);
  }
  rl->setColumnStretch(2, 1);
  rule_ = new QLabel;
  rule_->setWordWrap(true);
  rule_->setObjectName("rule");
  rl->addWidget(rule_, kRates, 0, 1, 3);
  steps_label_ = new QLabel;
  steps_ = new QSpinBox;
  steps_->setRange(5, 500);
  steps_->setValue(60);
  steps_->setObjectName("steps");
  rl->addWidget(steps_label_, kRates + 1, 0, 1, 2);
  rl->addWidget(steps_, kRates + 1, 2);
  log_loss_ = new QCheckBox;
  log_loss_->setChecked(true);
  log_loss_->setObjectName("logLoss");
  rl->addWidget(log_loss_, kRates + 2, 0, 1, 3);
  controlsLayout()->addWidget(rates_box_);
}

void DescentLab::buildBatchGroup() {
  batch_box_ = new ControlGroup(controlsLayout());
  batch_box_->setObjectName("batchGroup");
  compare_batch_ = new QCheckBox;
  compare_batch_->setObjectName("compareBatch");
  batch_label_ = new QLabel;
  batch_size_ = new QSlider(Qt::Horizontal);
  batch_size_->setRange(2, 20);
  batch_size_->setValue(8);
  for (QWidget* w : std::initializer_list<QWidget*>{compare_batch_, batch_label_, batch_size_}) batch_box_->addWideRow(w);
}

void DescentLab::connectControls() {
  for (int i = 0; i < kRates; ++i) {
    connect(rate_on_[i], &QCheckBox::toggled, this, &DescentLab::recompute);
    connect(rates_[i], &LearningRateSlider::valueChanged, this, &DescentLab::recompute);
  }
  connect(a_, &QSlider::valueChanged, this, &DescentLab::recompute);
  connect(b_, &QSlider::valueChanged, this, &DescentLab::recompute);
  connect(steps_, &QSpinBox::valueChanged, this, &DescentLab::recompute);
  connect(log_loss_, &QCheckBox::toggled, this, &DescentLab::redraw);
  connect(bowl_radio_, &QRadioButton::toggled, this, [this](bool on) { setMode(on ? Mode::Bowl : Mode::LineFit); });
  connect(compare_batch_, &QCheckBox::toggled, this, &DescentLab::recompute);
  connect(batch_size_, &QSlider::valueChanged, this, &DescentLab::recompute);
}

QString DescentLab::stepReadout() const {
  // Each path's loss at this step, so a class reading one step a second sees it fall (or grow).
  QStringList parts{tr("step %1").arg(step_)};
  for (const PathView& p : paths_)
    if (step_ >= 0 && static_cast<std::size_t>(step_) < p.points.size())
      parts << tr("%1: f = %2").arg(p.name).arg(p.points[static_cast<std::size_t>(step_)][2], 0, 'g', 4);
  return parts.join(QStringLiteral(" · "));
}

double DescentLab::bowlA() const { return std::pow(10.0, a_->value() / 100.0); }
double DescentLab::bowlB() const { return std::pow(10.0, b_->value() / 100.0); }
double DescentLab::maxStableRate() const { return bowl().max_stable_lr(); }
double DescentLab::learningRate(int i) const { return rates_[i]->value(); }
void DescentLab::setLearningRate(int i, double lr) { rates_[i]->setValue(lr); }
void DescentLab::setBowl(double a, double b) {
  const QSignalBlocker block(a_);
  a_->setValue(static_cast<int>(std::lround(std::log10(a) * 100)));
  b_->setValue(static_cast<int>(std::lround(std::log10(b) * 100)));
  recompute();
}
void DescentLab::setBatchComparison(bool on) { compare_batch_->setChecked(on); }
void DescentLab::setSteps(int steps) { steps_->setValue(steps); }

void DescentLab::setMode(Mode mode) {
  mode_ = mode;
  {
    const QSignalBlocker b1(bowl_radio_), b2(fit_radio_);
    bowl_radio_->setChecked(mode == Mode::Bowl);
    fit_radio_->setChecked(mode == Mode::LineFit);
  }
  for (QWidget* w : std::initializer_list<QWidget*>{a_, b_, a_label_, b_label_}) w->setVisible(mode == Mode::Bowl);
  batch_box_->setVisible(mode == Mode::LineFit);
  const double* defaults = mode == Mode::LineFit ? kLineFitRates : kDefaultRates;
  for (int i = 0; i < kRates; ++i) {
    const QSignalBlocker block(rates_[i]);
    rates_[i]->setValue(defaults[i]);
  }
  step_ = 0;
  retranslate();
  recompute();
}

void DescentLab::setStart(double x, double y) {
  (mode_ == Mode::Bowl ? start_ : fit_start_) = {x, y};
  recompute();
}

void DescentLab::reset() {
  step_ = 0;
  whole_ = false;
  redraw();
}

void DescentLab::step() {
  // Until the first step the whole paths show; that step starts them again from step 1 (so the
  // app's `--steps 30` shows step 30, as Play would).
  if (whole_) {
    step_ = 0;
    whole_ = false;
  }
  if (step_ < steps_->value()) ++step_;
  redraw();
}

std::vector<int> DescentLab::pathSlots() const {
  std::vector<int> drawing;
  for (int i = 0; i < kRates; ++i) {
    if (!rate_on_[i]->isChecked()) continue;
    bool twin = false;  // an earlier enabled slider at the same rate draws this path already
    for (int j : drawing) twin = twin || learningRate(j) == learningRate(i);
    if (!twin) drawing.push_back(i);
  }
  return drawing;
}

void DescentLab::recompute() {
  paths_.clear();
  path_rates_.clear();
  std::vector<double> rates;
  for (int i = 0; i < kRates; ++i) rates.push_back(learningRate(i));
  rate_colors_ = rate_color_memory_.assign(rates);
  const int steps = steps_->value();
  if (mode_ == Mode::Bowl) computeBowlPaths(steps);
  else computeLineFitPaths(steps);
  step_ = std::min(step_, steps);
  if (step_ == 0 || whole_) {  // show the whole paths until someone presses Reset/Step
    step_ = steps;
    whole_ = true;
  }
  redraw();
  emit codeChanged();
}

void DescentLab::computeBowlPaths(int steps) {
  const Appearance& ap = Appearance::instance();
  const gs::landscape::Function fn = bowl().function();
  for (int i = 0; i < kRates; ++i) rates_[i]->setStableLimit(maxStableRate());
  for (int i : pathSlots()) {
    const gs::landscape::Path p = gs::landscape::run_optimizer(fn, start_, {{"name", "SGD"}, {"lr", learningRate(i)}}, steps);
    paths_.push_back({QString("lr = %1").arg(LearningRateSlider::text(learningRate(i))), rateColor(i), Qt::SolidLine, p.points, p.diverged_at});
    path_rates_.push_back(learningRate(i));
  }
  const QString key = QString("bowl %1 %2 %3").arg(bowlA()).arg(bowlB()).arg(ap.scale());
  if (key != surface_key_) {  // a learning-rate drag leaves the surface as it is
    contour_->setFunction([&](double x, double y) { return fn.value(x, y); }, {-2, 2, -2, 2});
    surface_->setFunction([fn](double x, double y) { return fn.value(x, y); }, {-2, 2, -2, 2});
    surface_->setAxisTitles("x", "y", "f");
    surface_key_ = key;
  }
  contour_->setStart(start_[0], start_[1]);
}

void DescentLab::computeLineFitPaths(int steps) {
  const Appearance& ap = Appearance::instance();
  const int n = static_cast<int>(problem_.x.size());
  for (int i = 0; i < kRates; ++i) rates_[i]->setStableLimit(-1);
  if (compare_batch_->isChecked()) {
    const double lr = rate_on_[1]->isChecked() ? learningRate(1) : learningRate(0);
    const int sizes[3] = {n, 1, batch_size_->value()};
    const Qt::PenStyle styles[3] = {Qt::SolidLine, Qt::DotLine, Qt::DashLine};
    const QString names[3] = {tr("batch GD (all %1)").arg(n), tr("SGD (1 sample)"), tr("mini-batch (%1)").arg(batch_size_->value())};
    for (int k = 0; k < 3; ++k) {
      const gs::landscape::Path p = gs::landscape::run_regression(problem_, fit_start_, lr, sizes[k], steps, 11);
      // One colour per method, and a line style each (solid, dotted, dashed) for the projector.
      paths_.push_back({names[k], palette::optimizerColor(k), styles[k], p.points, p.diverged_at});
    }
  } else {
    for (int i : pathSlots()) {
      const gs::landscape::Path p = gs::landscape::run_regression(problem_, fit_start_, learningRate(i), n, steps, 11);
      paths_.push_back({QString("lr = %1").arg(LearningRateSlider::text(learningRate(i))), rateColor(i), Qt::SolidLine, p.points, p.diverged_at});
      path_rates_.push_back(learningRate(i));
    }
  }
  const QString key = QString("fit %1").arg(ap.scale());
  if (key != surface_key_) {
    contour_->setFunction([&](double w, double b) { return problem_.cost(w, b); }, {-2, 5, -2, 3});
    surface_->setFunction([p = problem_](double w, double b) { return p.cost(w, b); }, {-2, 5, -2, 3});
    surface_->setAxisTitles("w", "b", "MSE");
    surface_key_ = key;
  }
  contour_->setStart(fit_start_[0], fit_start_[1]);
}

bool DescentLab::eventFilter(QObject* watched, QEvent* event) {
  if (watched == contour_plot_) {
    if (event->type() == QEvent::MouseButtonPress) {
      dragging_ = true;
    } else if (event->type() == QEvent::MouseButtonRelease) {
      dragging_ = false;
    }
    if (dragging_ && (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseMove)) {
      const auto p = contour_->toPlot(static_cast<QMouseEvent*>(event)->pos());
      const auto r = contour_->range();
      if (p[0] >= r[0] && p[0] <= r[1] && p[1] >= r[2] && p[1] <= r[3]) setStart(p[0], p[1]);
      return true;
    }
  }
  return Lab::eventFilter(watched, event);
}

void DescentLab::retranslate() {
  cost_box_->setTitle(tr("Cost"));
  // Short tab names: two tabs fit a narrow column at a projector's scale (the plot has its title).
  top_tabs_->setTabText(top_tabs_->indexOf(loss_plot_), tr("Loss"));
  top_tabs_->setTabText(top_tabs_->indexOf(surface_), tr("3-D"));
  bowl_radio_->setText(tr("Bowl f = a·x² + b·y²"));
  fit_radio_->setText(tr("Line fit: MSE(w, b)"));
  rates_box_->setTitle(tr("Learning rates (gradient descent)"));
  steps_label_->setText(tr("Steps"));
  log_loss_->setText(tr("Log scale for the loss"));
  batch_box_->setTitle(tr("Batch vs SGD vs mini-batch"));
  compare_batch_->setText(tr("Compare batch, SGD and mini-batch"));
  if (mode_ == Mode::Bowl) {
    const double a_max = std::max(bowlA(), bowlB());
    rule_->setText(tr("Plain GD on a·x² converges iff 0 < lr < 1/a and zig-zags above 1/(2a). The steepest direction here "
                      "has a = %1: the largest stable rate is %2 (red mark).").arg(fmt(a_max), fmt(1 / a_max)));
  } else {
    rule_->setText(tr("Drag the start on the contour. Each step moves (w, b) against the gradient of the MSE."));
  }
  redraw();
}

void DescentLab::applyAppearance() {
  for (QCustomPlot* p : {contour_plot_, loss_plot_, side_plot_}) stylePlot(p);
  layout_->refresh();
  surface_key_.clear();  // colours and line widths changed: redraw the surface too
  recompute();
}

QString DescentLab::pytorchCode() const {
  QStringList rates;
  for (int i : pathSlots()) rates << LearningRateSlider::text(learningRate(i));
  if (mode_ == Mode::Bowl) {
    return QString(
               "import torch\n\n"
               "a, b = %1, %2\n"
               "def f(p):\n"
               "    return a * p[0] ** 2 + b * p[1] ** 2\n\n"
               "for lr in [%3]:\n"
               "    p = torch.tensor([%4, %5], requires_grad=True)\n"
               "    optimizer = torch.optim.SGD([p], lr=lr)\n"
               "    path = [p.detach().clone()]\n"
               "    for step in range(%6):\n"
               "        optimizer.zero_grad()\n"
               "        f(p).backward()\n"
               "        optimizer.step()\n"
               "        path.append(p.detach().clone())\n"
               "    # converges iff lr < 1 / max(a, b)\n")
        .arg(fmt(bowlA()), fmt(bowlB()), rates.join(", "), fmt(start_[0]), fmt(start_[1]))
        .arg(steps_->value());
  }
  return QString(
             "import torch\n\n"
             "x, y = ...   # the %1 points on the right\n"
             "w = torch.tensor(%2, requires_grad=True)\n"
             "b = torch.tensor(%3, requires_grad=True)\n"
             "optimizer = torch.optim.SGD([w, b], lr=%4)\n"
             "batch_size = %5\n"
             "for step in range(%6):\n"
             "    idx = torch.randperm(len(x))[:batch_size]\n"
             "    optimizer.zero_grad()\n"
             "    loss = ((w * x[idx] + b - y[idx]) ** 2).mean()   # MSE\n"
             "    loss.backward()\n"
             "    optimizer.step()\n")
      .arg(problem_.x.size())
      .arg(fmt(fit_start_[0]), fmt(fit_start_[1]), rates.value(0, "0.1"))
      .arg(compare_batch_->isChecked() ? batch_size_->value() : static_cast<int>(problem_.x.size()))
      .arg(steps_->value());
}

QList<QPair<QWidget*, QImage>> DescentLab::openGLRenders() const {
  if (!surface_->available()) return {};
  return {{surface_, surface_->render(surface_->size())}};
}

QList<QPair<QString, QWidget*>> DescentLab::exportablePlots() const {
  return {{tr("Contour and paths"), contour_plot_}, {tr("Loss per step"), loss_plot_}, {tr("Second view"), side_plot_}};
}

}  // namespace gsui
