#include "labs/playground/playground_views.h"

#include <QGridLayout>
#include <QTabWidget>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/palette.h"
#include "labs/playground/neuron_view.h"
#include "labs/playground/playground_setup.h"
#include "plots/classification_panel.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {
using playground::kRange;

/// The colour of a point's group: its class, or for regression the target's sign (below 0 as
/// class 0, orange; above as class 1, blue, as TF Playground).
QColor groupColor(int group) { return palette::classColor(group); }

}  // namespace

PlaygroundViews::PlaygroundViews(QWidget* parent) : QWidget(parent) {
  a_ = makePlane();
  b_ = makePlane();
  b_.frame->setObjectName("forkPlane");
  b_.frame->hide();
  loss_plot_ = makePlot(QString(), QString(), this);
  loss_plot_->legend->setVisible(true);
  addPlotTitle(loss_plot_);
  // Under the curves, two entries a row (train, test; with a fork A's row over B's): inside, four
  // entries would hide the curves.
  placeLegendBelow(loss_plot_, /*columns=*/true);
  loss_plot_->legend->setWrap(2);
  loss_plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
  neuron_view_ = new NeuronView(this);
  tabs_ = new QTabWidget(this);
  tabs_->addTab(neuron_view_, QString());
  tabs_->addTab(loss_plot_, QString());
  metrics_ = new ClassificationPanel(this);
  grid_ = new QGridLayout(this);
  grid_->setContentsMargins(4, 4, 4, 4);
  placeWidgets();
  connect(metrics_, &ClassificationPanel::thresholdChanged, this, [this] {
    if (discretize_) drawMap();
  });
}

PlaygroundViews::Plane PlaygroundViews::makePlane() {
  Plane p;
  p.plot = makePlot("x₁", "x₂");
  p.frame = new EqualAspectFrame(p.plot, this);
  addPlotTitle(p.plot);
  p.map = new QCPColorMap(p.plot->xAxis, p.plot->yAxis);
  p.map->data()->setSize(kGrid, kGrid);
  p.map->data()->setRange(QCPRange(-kRange, kRange), QCPRange(-kRange, kRange));
  return p;
}

void PlaygroundViews::placeWidgets() {
  for (QWidget* w : {a_.frame, b_.frame, static_cast<QWidget*>(tabs_), static_cast<QWidget*>(metrics_)}) grid_->removeWidget(w);
  if (const int i = tabs_->indexOf(metrics_); i >= 0) tabs_->removeTab(i);
  if (forked_) {
    // The two planes side by side (the comparison is the point), the loss curves (both runs) under
    // them across the width, A's ROC and confusion matrix in a tab beside them.
    grid_->addWidget(a_.frame, 0, 0);
    grid_->addWidget(b_.frame, 0, 1);
    grid_->addWidget(tabs_, 1, 0, 1, 2);
    tabs_->addTab(metrics_, tr("A: ROC and confusion"));
    grid_->setRowStretch(0, 1);
    grid_->setRowStretch(1, 1);
  } else {
    // The plane and the network side by side, the ROC and confusion matrix under both: the metrics
    // get the whole width (readable headers on a projector), the plane a square of its own.
    grid_->addWidget(a_.frame, 0, 0);
    grid_->addWidget(tabs_, 0, 1);
    grid_->addWidget(metrics_, 1, 0, 1, 2);
    grid_->setRowStretch(0, 3);
    grid_->setRowStretch(1, 2);
  }
  grid_->setColumnStretch(0, 1);
  grid_->setColumnStretch(1, 1);
  b_.frame->setVisible(forked_);
  metrics_->show();
}

void PlaygroundViews::setPoints(const PlanePoints& points) {
  points_ = points;
  train_history_.clear();
  test_history_.clear();
  history_steps_.clear();
  fork_train_history_.clear();
  fork_test_history_.clear();
  fork_history_steps_.clear();
}

void PlaygroundViews::showFrame(const PlaygroundFrame& frame, const QStringList& input_names, bool record) {
  frame_ = frame;
  input_names_ = input_names;
  if (record) {
    train_history_.push_back(frame.train_loss);
    test_history_.push_back(frame.test_loss);
    history_steps_.push_back(static_cast<double>(frame.step));
  }
  drawPlane(a_, frame_, forked_ ? QStringLiteral("A") : QString());
  neuron_view_->setMaps(frame_.neurons, input_names_);
  drawLoss();
  drawMetrics();
}

void PlaygroundViews::setFork(bool on, const QString& difference) {
  if (on && !forked_) {
    // Until the fork B is A: its curves start as A's.
    fork_frame_ = frame_;
    fork_train_history_ = train_history_;
    fork_test_history_ = test_history_;
    fork_history_steps_ = history_steps_;
    tabs_->setCurrentWidget(loss_plot_);
  }
  forked_ = on;
  fork_difference_ = difference;
  placeWidgets();
  drawMap();
  drawLoss();
}

void PlaygroundViews::setForkDifference(const QString& difference) {
  fork_difference_ = difference;
  drawMap();
  drawLoss();
}

void PlaygroundViews::showForkFrame(const PlaygroundFrame& frame, bool record) {
  if (!forked_) return;
  fork_frame_ = frame;
  if (record) {
    // A fork made again (B's knob changed its layers) starts from A's step: B's curve goes back
    // to where it leaves A's.
    while (!fork_history_steps_.empty() && fork_history_steps_.back() > static_cast<double>(frame.step)) {
      fork_history_steps_.pop_back();
      fork_train_history_.pop_back();
      fork_test_history_.pop_back();
    }
    fork_train_history_.push_back(frame.train_loss);
    fork_test_history_.push_back(frame.test_loss);
    fork_history_steps_.push_back(static_cast<double>(frame.step));
  }
  drawPlane(b_, fork_frame_, QStringLiteral("B"));
  drawLoss();
}

void PlaygroundViews::setShowTest(bool on) {
  show_test_ = on;
  drawMap();
}

void PlaygroundViews::setDiscretize(bool on) {
  discretize_ = on;
  drawMap();
}

void PlaygroundViews::drawMap() {
  drawPlane(a_, frame_, forked_ ? QStringLiteral("A") : QString());
  if (forked_) drawPlane(b_, fork_frame_, QStringLiteral("B"));
}

void PlaygroundViews::drawPlane(Plane& plane, const PlaygroundFrame& frame, const QString& run) {
  const double threshold = metrics_->threshold();
  for (int j = 0; j < kGrid; ++j)
    for (int i = 0; i < kGrid; ++i) {
      const std::size_t k = static_cast<std::size_t>(j) * kGrid + i;
      const double v = k < frame.grid.size() ? frame.grid[k] : 0.5;
      plane.map->data()->setCell(i, j, discretize_ && points_.classes == 2 ? (v >= threshold ? 1.0 : 0.0) : v);
    }
  QCPColorGradient gradient;
  if (points_.classes > 2) {  // the map holds argmax / (classes − 1): each class its own colour
    for (int c = 0; c < points_.classes; ++c) gradient.setColorStopAt(c / (points_.classes - 1.0), groupColor(c).lighter(130));
  } else {  // (regression keeps the two-colour map: orange below 0, blue above)
    QColor c0 = groupColor(0), c1 = groupColor(1);
    c0.setAlphaF(0.55);
    c1.setAlphaF(0.55);
    gradient.setColorStopAt(0.0, c0);
    gradient.setColorStopAt(0.5, QColor(245, 245, 245, 140));
    gradient.setColorStopAt(1.0, c1);
  }
  plane.map->setGradient(gradient);
  plane.map->setDataRange(QCPRange(0, 1));
  drawPoints(plane, frame);
  // The title: the epoch and the test numbers; with a fork the run's name (B's with what it
  // changed) over the shorter numbers of a half-width plane (the losses are in the Loss tab).
  QString title;
  if (run.isEmpty()) {
    title = points_.classes == 0 ? tr("Epoch %1 · test MSE %2").arg(frame.epoch).arg(frame.test_loss, 0, 'f', 4)
                                 : tr("Epoch %1 · test loss %2 · accuracy %3 %")
                                       .arg(frame.epoch)
                                       .arg(frame.test_loss, 0, 'f', 3)
                                       .arg(frame.test_accuracy * 100, 0, 'f', 1);
  } else {
    title = (run == "B" ? tr("B (%1)").arg(fork_difference_) : run) + "\n" +
            (points_.classes == 0 ? tr("epoch %1 · MSE %2").arg(frame.epoch).arg(frame.test_loss, 0, 'f', 3)
                                  : tr("epoch %1 · %2 % right").arg(frame.epoch).arg(frame.test_accuracy * 100, 0, 'f', 1));
  }
  setPlotTitle(plane.plot, title);
  plane.plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlaygroundViews::drawPoints(Plane& plane, const PlaygroundFrame& frame) {
  const Appearance& a = Appearance::instance();
  QCustomPlot* plot = plane.plot;
  plot->clearGraphs();
  plane.map->setVisible(!points_.one_d);
  static_cast<EqualAspectFrame*>(plane.frame)->setEqualAspect(!points_.one_d);
  plot->xAxis->setLabel("x₁");
  plot->yAxis->setLabel(points_.one_d ? "y" : "x₂");
  const int groups = points_.one_d ? 1 : points_.classes == 0 ? 2 : points_.classes;  // regression: by the target's sign
  double lo = 0, hi = 0;
  for (int part = 0; part < 2; ++part) {
    if (part == 1 && !show_test_) continue;
    const std::size_t begin = part == 0 ? 0 : points_.n_train, end = part == 0 ? points_.n_train : points_.x.size();
    for (int c = 0; c < groups; ++c) {
      QCPGraph* g = plot->addGraph();
      g->setLineStyle(QCPGraph::lsNone);
      // Train points filled, test points hollow (as everywhere: palette::classPoint).
      g->setScatterStyle(palette::classPoint(points_.one_d ? 1 : c, part == 1, 8 * a.scale()));
      if (points_.one_d) g->setName(part == 0 ? tr("train") : tr("test"));
      for (std::size_t i = begin; i < end; ++i) {
        if (!points_.one_d && points_.groups[i] != c) continue;
        g->addData(points_.x[i], points_.y[i]);
        lo = std::min(lo, points_.y[i]);
        hi = std::max(hi, points_.y[i]);
      }
    }
  }
  plot->xAxis->setRange(-kRange, kRange);
  if (points_.one_d) drawCurve(plane, frame, lo, hi);
  else plot->yAxis->setRange(-kRange, kRange);
}

void PlaygroundViews::drawCurve(Plane& plane, const PlaygroundFrame& frame, double lo, double hi) {
  // y against x₁: the network's prediction as a curve over the points.
  const Appearance& a = Appearance::instance();
  QCPGraph* fit = plane.plot->addGraph();
  fit->setPen(QPen(a.seriesColor(1), 3 * a.scale()));
  fit->setName(tr("network"));
  for (std::size_t i = 0; i < frame.curve.size(); ++i)
    if (std::isfinite(frame.curve[i])) fit->addData(-kRange + 2 * kRange * static_cast<double>(i) / (kCurve - 1.0), frame.curve[i]);
  const double margin = 0.15 * std::max(hi - lo, 0.5);
  plane.plot->yAxis->setRange(lo - margin, hi + margin);
}

void PlaygroundViews::drawLoss() {
  const Appearance& a = Appearance::instance();
  loss_plot_->clearGraphs();
  double hi = 0.1, last_step = 0;
  // A solid; with a fork B dashed over it, in the same two colours (train, test).
  auto curves = [&](const std::vector<double>& train_h, const std::vector<double>& test_h, const std::vector<double>& steps,
                    const QString& train_name, const QString& test_name, Qt::PenStyle style) {
    QCPGraph* train = loss_plot_->addGraph();
    train->setName(train_name);
    train->setPen(QPen(a.seriesColor(7), 2 * a.scale(), style));
    QCPGraph* test = loss_plot_->addGraph();
    test->setName(test_name);
    test->setPen(QPen(a.seriesColor(4), 2 * a.scale(), style));
    for (std::size_t i = 0; i < train_h.size(); ++i) {
      for (auto [graph, value] : {std::pair{train, train_h[i]}, std::pair{test, test_h[i]}}) {
        if (!std::isfinite(value)) continue;
        graph->addData(steps[i], value);
        hi = std::max(hi, value);
      }
    }
    if (!steps.empty()) last_step = std::max(last_step, steps.back());
  };
  if (forked_) {
    curves(train_history_, test_history_, history_steps_, tr("A: train"), tr("A: test"), Qt::SolidLine);
    curves(fork_train_history_, fork_test_history_, fork_history_steps_, tr("B (%1): train").arg(fork_difference_),
           tr("B (%1): test").arg(fork_difference_), Qt::DashLine);
  } else {
    curves(train_history_, test_history_, history_steps_, tr("train"), tr("test"), Qt::SolidLine);
  }
  // The legend in one row when its entries fit the width (more room for the curves), else two a row.
  const QFontMetrics fm(loss_plot_->legend->font());
  int needed = 0;
  for (int g = 0; g < loss_plot_->graphCount(); ++g) needed += fm.horizontalAdvance(loss_plot_->graph(g)->name()) + 4 * fm.height();
  const int wrap = needed <= loss_plot_->width() ? std::max(2, loss_plot_->graphCount()) : 2;
  if (loss_plot_->legend->wrap() != wrap) {
    loss_plot_->legend->setWrap(wrap);
    loss_plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
  }
  loss_plot_->xAxis->setRange(0, std::max<double>(10, last_step));
  loss_plot_->yAxis->setRange(0, std::min(hi * 1.1, 5.0));
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PlaygroundViews::drawMetrics() {
  if (points_.classes == 0) {
    metrics_->showRegression(frame_.test_truth, frame_.test_values);
  } else if (points_.classes == 2 && !frame_.test_scores.empty()) {
    metrics_->showBinary(std::vector<int>(frame_.test_targets.begin(), frame_.test_targets.end()), frame_.test_scores);
  } else {
    metrics_->showClasses(frame_.test_targets, frame_.test_predictions, points_.classes);
  }
}

void PlaygroundViews::retranslate() {
  loss_plot_->xAxis->setLabel(tr("step"));
  loss_plot_->yAxis->setLabel(tr("loss"));
  setPlotTitle(loss_plot_, tr("Loss (train and test)"));
  tabs_->setTabText(0, tr("Network"));
  tabs_->setTabText(1, tr("Loss"));
  metrics_->retranslate();
  if (const int i = tabs_->indexOf(metrics_); i >= 0) tabs_->setTabText(i, tr("A: ROC and confusion"));
  drawMap();
  drawLoss();
}

void PlaygroundViews::applyAppearance() {
  for (QCustomPlot* p : {a_.plot, b_.plot, loss_plot_}) stylePlot(p);
  metrics_->applyAppearance();
  drawMap();
  drawLoss();
}

}  // namespace gsui
