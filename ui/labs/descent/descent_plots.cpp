// The Descent lab's drawing: the contour with the paths, the loss per step, the second view (the
// iterates against the closed form, or the fitted lines) and the status in words. DescentLab's
// redraw() and its parts live here so that descent_lab.cpp holds the controls and the paths.
#include <QCheckBox>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/palette.h"
#include "labs/descent/descent_lab.h"
#include "plots/plot_style.h"
#include "plots/surface_view.h"

namespace gsui {
namespace {

QString fmt(double v, int digits = 3) { return QString::number(v, 'g', digits); }

}  // namespace

void DescentLab::redraw() {
  updateValueLabels();
  drawContour();
  drawLossCurves();
  side_plot_->clearGraphs();
  side_plot_->clearItems();
  if (mode_ == Mode::Bowl) drawIterates();
  else drawFittedLines();
  side_plot_->replot(QCustomPlot::rpQueuedReplot);
  showStatus();
}

void DescentLab::updateValueLabels() {
  for (int i = 0; i < kRates; ++i) {
    rate_labels_[i]->setText(QString("lr = %1").arg(LearningRateSlider::text(learningRate(i))));
    // The label in its rate's colour: the same colour as its path, loss curve and iterates (and
    // as another slider's at the same rate).
    QPalette pal = rate_labels_[i]->palette();
    pal.setColor(QPalette::WindowText, palette::readableText(rateColor(i), pal.color(QPalette::Window)));
    rate_labels_[i]->setPalette(pal);
  }
  a_label_->setText(tr("a = %1").arg(fmt(bowlA())));
  b_label_->setText(tr("b = %1").arg(fmt(bowlB())));
  batch_label_->setText(tr("mini-batch size = %1").arg(batch_size_->value()));
}

void DescentLab::drawContour() {
  contour_->setPaths(paths_, step_);
  surface_->setPaths(paths_, step_);
  setPlotTitle(contour_plot_, mode_ == Mode::Bowl ? tr("f = %1·x² + %2·y²   step %3").arg(fmt(bowlA()), fmt(bowlB())).arg(step_)
                                     : tr("MSE(w, b) of y = w·x + b   step %1").arg(step_));
  contour_plot_->xAxis->setLabel(mode_ == Mode::Bowl ? "x" : "w");
  contour_plot_->yAxis->setLabel(mode_ == Mode::Bowl ? "y" : "b");
  contour_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DescentLab::drawLossCurves() {
  const Appearance& ap = Appearance::instance();
  loss_plot_->clearGraphs();
  double lo = INFINITY, hi = 0;
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    QCPGraph* g = loss_plot_->addGraph();
    g->setPen(QPen(paths_[i].color, 2 * ap.scale(), paths_[i].style));
    for (int k = 0; k <= step_ && k < static_cast<int>(paths_[i].points.size()); ++k) {
      const double v = paths_[i].points[k][2];
      if (!std::isfinite(v) || v > 1e12) break;
      g->addData(k, std::max(v, 1e-12));
      lo = std::min(lo, std::max(v, 1e-12));
      hi = std::max(hi, v);
    }
  }
  const bool log_scale = log_loss_->isChecked();
  setLossScale(log_scale);
  loss_plot_->xAxis->setRange(0, steps_->value());
  if (hi > 0) loss_plot_->yAxis->setRange(log_scale ? lo / 2 : 0, log_scale ? hi * 2 : hi * 1.05);
  setPlotTitle(loss_plot_, tr("Loss per step"));
  loss_plot_->xAxis->setLabel(tr("step"));
  loss_plot_->yAxis->setLabel(mode_ == Mode::Bowl ? "f" : "MSE");
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DescentLab::setLossScale(bool log_scale) {
  loss_plot_->yAxis->setScaleType(log_scale ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (log_scale) {
    QSharedPointer<QCPAxisTickerLog> t(new QCPAxisTickerLog);
    t->setTickCount(4);
    loss_plot_->yAxis->setTicker(t);
    loss_plot_->yAxis->setNumberFormat("eb");
    loss_plot_->yAxis->setNumberPrecision(0);
  } else {
    loss_plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    loss_plot_->yAxis->setNumberFormat("g");
    loss_plot_->yAxis->setNumberPrecision(4);
  }
}

void DescentLab::drawIterates() {
  const Appearance& ap = Appearance::instance();
  // The steeper coordinate is where the learning rate is tested: show that one.
  const bool steep_y = bowlB() >= bowlA();
  const int coord = steep_y ? 1 : 0;
  const gs::landscape::Quadratic q = bowl();
  setPlotTitle(side_plot_, steep_y ? tr("y per step (dots) and (1 − 2b·lr)ᵏ·y₀ (line)") : tr("x per step (dots) and (1 − 2a·lr)ᵏ·x₀ (line)"));
  side_plot_->xAxis->setLabel(tr("step"));
  side_plot_->yAxis->setLabel(steep_y ? "y" : "x");
  for (std::size_t i = 0; i < paths_.size() && i < path_rates_.size(); ++i) {
    const PathView& p = paths_[i];
    QCPGraph* dots = side_plot_->addGraph();
    dots->setLineStyle(QCPGraph::lsNone);
    dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, p.color, 5 * ap.scale()));
    dots->removeFromLegend();
    QCPGraph* line = side_plot_->addGraph();
    line->setPen(QPen(p.color, 1.2 * ap.scale(), Qt::DashLine));
    line->setName(p.name);
    for (int k = 0; k <= step_ && k < static_cast<int>(p.points.size()); ++k) {
      const double closed = q.gd_iterate(k, path_rates_[i], start_)[coord];
      if (std::abs(p.points[k][coord]) > 3 || std::abs(closed) > 3) break;  // off the view
      dots->addData(k, p.points[k][coord]);
      line->addData(k, closed);
    }
  }
  side_plot_->xAxis->setRange(0, steps_->value());
  side_plot_->yAxis->setRange(-2.2, 2.2);
}

void DescentLab::drawFittedLines() {
  const Appearance& ap = Appearance::instance();
  setPlotTitle(side_plot_, tr("The data and the fitted line at a few steps"));
  side_plot_->xAxis->setLabel("x");
  side_plot_->yAxis->setLabel("y");
  QCPGraph* data = side_plot_->addGraph();
  data->setLineStyle(QCPGraph::lsNone);
  data->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, ap.plotForeground(), 7 * ap.scale()));
  data->setName(tr("data"));
  for (std::size_t i = 0; i < problem_.x.size(); ++i) data->addData(problem_.x[i], problem_.y[i]);
  if (!paths_.empty()) {
    const PathView& p = paths_[std::min<std::size_t>(1, paths_.size() - 1)];
    const int last = std::min<int>(step_, static_cast<int>(p.points.size()) - 1);
    const int shown[4] = {0, last / 4, last / 2, last};
    for (int s = 0; s < 4; ++s) {
      const auto& pt = p.points[shown[s]];
      if (!std::isfinite(pt[0]) || std::abs(pt[0]) > 1e6) break;
      QCPGraph* g = side_plot_->addGraph();
      QColor c = p.color;
      c.setAlphaF(0.35 + 0.65 * s / 3.0);
      g->setPen(QPen(c, (s == 3 ? 2.5 : 1.5) * ap.scale()));
      g->setName(tr("step %1: w=%2, b=%3").arg(shown[s]).arg(fmt(pt[0])).arg(fmt(pt[1])));
      g->addData(-1, -pt[0] + pt[1]);
      g->addData(1, pt[0] + pt[1]);
    }
  }
  side_plot_->xAxis->setRange(-1.1, 1.1);
  side_plot_->yAxis->setRange(-3, 4);
}

void DescentLab::showStatus() {
  QStringList lines;
  for (const PathView& p : paths_) {
    const int last = std::min<int>(step_, static_cast<int>(p.points.size()) - 1);
    if (p.diverged_at >= 0 && p.diverged_at <= step_) lines << tr("%1: diverged at step %2").arg(p.name).arg(p.diverged_at);
    else if (last >= 0 && std::abs(p.points[last][2]) > 1e6) lines << tr("%1: flying off").arg(p.name);
    else if (last >= 0) lines << tr("%1: loss %2 at step %3").arg(p.name, fmt(p.points[last][2])).arg(last);
  }
  status_->setText(lines.join('\n'));
}

}  // namespace gsui
