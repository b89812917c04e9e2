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
  boundary_plot_ = makePlot("x₁", "x₂");
  plane_ = new EqualAspectFrame(boundary_plot_, this);
  addPlotTitle(boundary_plot_);
  boundary_ = new QCPColorMap(boundary_plot_->xAxis, boundary_plot_->yAxis);
  boundary_->data()->setSize(kGrid, kGrid);
  boundary_->data()->setRange(QCPRange(-kRange, kRange), QCPRange(-kRange, kRange));
  loss_plot_ = makePlot(QString(), QString(), this);
  loss_plot_->legend->setVisible(true);
  addPlotTitle(loss_plot_);
  neuron_view_ = new NeuronView(this);
  tabs_ = new QTabWidget(this);
  tabs_->addTab(neuron_view_, QString());
  tabs_->addTab(loss_plot_, QString());
  metrics_ = new ClassificationPanel(this);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  // The plane and the network side by side, the ROC and confusion matrix under both: the metrics
  // get the whole width (readable headers on a projector), the plane a square of its own.
  grid->addWidget(plane_, 0, 0);
  grid->addWidget(tabs_, 0, 1);
  grid->addWidget(metrics_, 1, 0, 1, 2);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 2);
  connect(metrics_, &ClassificationPanel::thresholdChanged, this, [this] {
    if (discretize_) drawMap();
  });
}

void PlaygroundViews::setPoints(const PlanePoints& points) {
  points_ = points;
  train_history_.clear();
  test_history_.clear();
  history_steps_.clear();
}

void PlaygroundViews::showFrame(const PlaygroundFrame& frame, const QStringList& input_names, bool record) {
  frame_ = frame;
  input_names_ = input_names;
  if (record) {
    train_history_.push_back(frame.train_loss);
    test_history_.push_back(frame.test_loss);
    history_steps_.push_back(static_cast<double>(frame.step));
  }
  drawMap();
  neuron_view_->setMaps(frame_.neurons, input_names_);
  drawLoss();
  drawMetrics();
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
  const double threshold = metrics_->threshold();
  for (int j = 0; j < kGrid; ++j)
    for (int i = 0; i < kGrid; ++i) {
      const std::size_t k = static_cast<std::size_t>(j) * kGrid + i;
      const double v = k < frame_.grid.size() ? frame_.grid[k] : 0.5;
      boundary_->data()->setCell(i, j, discretize_ && points_.classes == 2 ? (v >= threshold ? 1.0 : 0.0) : v);
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
  boundary_->setGradient(gradient);
  boundary_->setDataRange(QCPRange(0, 1));
  drawPoints();
  drawTitle();
  boundary_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PlaygroundViews::drawPoints() {
  const Appearance& a = Appearance::instance();
  boundary_plot_->clearGraphs();
  boundary_->setVisible(!points_.one_d);
  static_cast<EqualAspectFrame*>(plane_)->setEqualAspect(!points_.one_d);
  boundary_plot_->xAxis->setLabel("x₁");
  boundary_plot_->yAxis->setLabel(points_.one_d ? "y" : "x₂");
  const int groups = points_.one_d ? 1 : points_.classes == 0 ? 2 : points_.classes;  // regression: by the target's sign
  double lo = 0, hi = 0;
  for (int part = 0; part < 2; ++part) {
    if (part == 1 && !show_test_) continue;
    const std::size_t begin = part == 0 ? 0 : points_.n_train, end = part == 0 ? points_.n_train : points_.x.size();
    for (int c = 0; c < groups; ++c) {
      QCPGraph* g = boundary_plot_->addGraph();
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
  boundary_plot_->xAxis->setRange(-kRange, kRange);
  if (points_.one_d) drawCurve(lo, hi);
  else boundary_plot_->yAxis->setRange(-kRange, kRange);
}

void PlaygroundViews::drawCurve(double lo, double hi) {
  // y against x₁: the network's prediction as a curve over the points.
  const Appearance& a = Appearance::instance();
  QCPGraph* fit = boundary_plot_->addGraph();
  fit->setPen(QPen(a.seriesColor(1), 3 * a.scale()));
  fit->setName(tr("network"));
  for (std::size_t i = 0; i < frame_.curve.size(); ++i)
    if (std::isfinite(frame_.curve[i])) fit->addData(-kRange + 2 * kRange * static_cast<double>(i) / (kCurve - 1.0), frame_.curve[i]);
  const double margin = 0.15 * std::max(hi - lo, 0.5);
  boundary_plot_->yAxis->setRange(lo - margin, hi + margin);
}

void PlaygroundViews::drawTitle() {
  setPlotTitle(boundary_plot_, points_.classes == 0 ? tr("Epoch %1 · test MSE %2").arg(frame_.epoch).arg(frame_.test_loss, 0, 'f', 4)
                                                    : tr("Epoch %1 · test loss %2 · accuracy %3 %")
                                                          .arg(frame_.epoch)
                                                          .arg(frame_.test_loss, 0, 'f', 3)
                                                          .arg(frame_.test_accuracy * 100, 0, 'f', 1));
}

void PlaygroundViews::drawLoss() {
  const Appearance& a = Appearance::instance();
  loss_plot_->clearGraphs();
  QCPGraph* train = loss_plot_->addGraph();
  train->setName(tr("train"));
  train->setPen(QPen(a.seriesColor(7), 2 * a.scale()));
  QCPGraph* test = loss_plot_->addGraph();
  test->setName(tr("test"));
  test->setPen(QPen(a.seriesColor(4), 2 * a.scale()));
  double hi = 0.1;
  for (std::size_t i = 0; i < train_history_.size(); ++i) {
    for (auto [graph, value] : {std::pair{train, train_history_[i]}, std::pair{test, test_history_[i]}}) {
      if (!std::isfinite(value)) continue;
      graph->addData(history_steps_[i], value);
      hi = std::max(hi, value);
    }
  }
  loss_plot_->xAxis->setRange(0, std::max<double>(10, history_steps_.empty() ? 0 : history_steps_.back()));
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
  drawMap();
  drawLoss();
}

void PlaygroundViews::applyAppearance() {
  for (QCustomPlot* p : {boundary_plot_, loss_plot_}) stylePlot(p);
  metrics_->applyAppearance();
  drawMap();
  drawLoss();
}

}  // namespace gsui
