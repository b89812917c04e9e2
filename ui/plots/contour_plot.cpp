#include "plots/contour_plot.h"

#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "landscape/contour.h"
#include "plots/plot_style.h"

namespace gsui {

ContourPlot::ContourPlot(QCustomPlot* plot) : plot_(plot) {
  map_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
  map_->setLayer("background");
  map_->setInterpolate(true);
}

void ContourPlot::setFunction(const std::function<double(double, double)>& f, std::array<double, 4> r, int nx, int ny, int levels) {
  range_ = r;
  std::vector<double> grid(static_cast<std::size_t>(nx) * ny);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i)
      grid[static_cast<std::size_t>(j) * nx + i] = f(r[0] + (r[1] - r[0]) * i / (nx - 1), r[2] + (r[3] - r[2]) * j / (ny - 1));
  double lo = INFINITY;
  for (double v : grid)
    if (std::isfinite(v)) lo = std::min(lo, v);
  map_->data()->setSize(nx, ny);
  map_->data()->setRange(QCPRange(r[0], r[1]), QCPRange(r[2], r[3]));
  // Colour by log(f − min): bowls span many orders of magnitude.
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) map_->data()->setCell(i, j, std::log10(grid[static_cast<std::size_t>(j) * nx + i] - lo + 1e-3));
  map_->rescaleDataRange(true);
  const Appearance& a = Appearance::instance();
  QCPColorGradient gradient;
  if (a.theme() == Theme::Dark) {
    gradient.setColorStopAt(0.0, QColor(0x1d, 0x2b, 0x3a));
    gradient.setColorStopAt(1.0, QColor(0x3d, 0x3a, 0x4f));
  } else {  // light sequential map: the coloured paths stay the loudest thing on screen
    gradient.setColorStopAt(0.0, QColor(0xfd, 0xfe, 0xff));
    gradient.setColorStopAt(0.5, QColor(0xe3, 0xee, 0xf7));
    gradient.setColorStopAt(1.0, QColor(0xc6, 0xd9, 0xea));
  }
  map_->setGradient(gradient);

  // Remove old iso-lines (curves tagged by their name) and draw the new ones.
  for (int i = plot_->plottableCount() - 1; i >= 0; --i)
    if (plot_->plottable(i)->name() == "iso") plot_->removePlottable(i);
  iso_lines_ = 0;
  const QPen iso(a.theme() == Theme::Dark ? QColor(0x88, 0x99, 0xaa) : QColor(0x7f, 0x95, 0xad), 1.0 * a.scale());
  for (double level : gs::landscape::contour_levels(grid, levels)) {
    for (const auto& line : gs::landscape::iso_lines(grid, nx, ny, r, level)) {
      auto* curve = new QCPCurve(plot_->xAxis, plot_->yAxis);
      curve->setName("iso");
      curve->removeFromLegend();
      curve->setPen(iso);
      QVector<double> xs, ys;
      for (const auto& p : line) {
        xs << p[0];
        ys << p[1];
      }
      curve->setData(xs, ys);
      ++iso_lines_;
    }
  }
  plot_->xAxis->setRange(r[0], r[1]);
  plot_->yAxis->setRange(r[2], r[3]);
}

void ContourPlot::setStart(double x, double y) { start_ = {x, y}; }

std::array<double, 2> ContourPlot::toPlot(const QPoint& pixel) const {
  return {plot_->xAxis->pixelToCoord(pixel.x()), plot_->yAxis->pixelToCoord(pixel.y())};
}

void ContourPlot::setPaths(const std::vector<PathView>& paths, int upto) {
  for (int i = plot_->plottableCount() - 1; i >= 0; --i)
    if (plot_->plottable(i)->name() != "iso" && plot_->plottable(i) != map_) plot_->removePlottable(i);
  plot_->clearItems();
  const Appearance& a = Appearance::instance();
  const double s = a.scale();
  const double w = range_[1] - range_[0], h = range_[3] - range_[2];
  auto inside = [&](double x, double y) {
    return std::isfinite(x) && std::isfinite(y) && x >= range_[0] - 0.02 * w && x <= range_[1] + 0.02 * w &&
           y >= range_[2] - 0.02 * h && y <= range_[3] + 0.02 * h;
  };
  for (const PathView& p : paths) {
    auto* curve = new QCPCurve(plot_->xAxis, plot_->yAxis);
    curve->setName(p.name);
    curve->setPen(QPen(p.color, 2.2 * s));
    curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, p.color, 5 * s));
    const int n = upto < 0 ? static_cast<int>(p.points.size()) : std::min<int>(upto + 1, static_cast<int>(p.points.size()));
    QVector<double> xs, ys;
    int cut = -1;
    for (int k = 0; k < n; ++k) {
      if (!inside(p.points[k][0], p.points[k][1])) {
        cut = k;
        break;
      }
      xs << p.points[k][0];
      ys << p.points[k][1];
    }
    curve->setData(xs, ys);
    // Diverged (or flew off the view): a cross at the last visible point, with the step.
    const bool gone = cut >= 0 || (p.diverged_at >= 0 && p.diverged_at < n);
    if (gone && !xs.isEmpty()) {
      auto* mark = new QCPItemText(plot_);
      mark->position->setCoords(std::clamp(xs.last(), range_[0], range_[1]), std::clamp(ys.last(), range_[2], range_[3]));
      // The path may leave the view long before the numbers overflow (the status line gives that
      // step): say which of the two the cross marks.
      mark->setText(cut >= 0 ? QObject::tr("✕ leaves the view at step %1").arg(cut) : QObject::tr("✕ diverged at step %1").arg(p.diverged_at));
      mark->setColor(p.color);
      QFont f = plot_->font();
      f.setPointSizeF(a.fontPointSize());
      f.setBold(true);
      mark->setFont(f);
      // Keep the label inside the view: grow it away from the nearer edge.
      const bool right_half = xs.last() > (range_[0] + range_[1]) / 2;
      const bool top_half = ys.last() > (range_[2] + range_[3]) / 2;
      mark->setPositionAlignment((right_half ? Qt::AlignRight : Qt::AlignLeft) | (top_half ? Qt::AlignTop : Qt::AlignBottom));
      mark->setClipToAxisRect(true);
    }
  }
  // The start point, as a ring one can drag.
  auto* start = new QCPItemEllipse(plot_);
  const double rx = w * 0.012 * s, ry = h * 0.012 * s;
  start->topLeft->setCoords(start_[0] - rx, start_[1] + ry);
  start->bottomRight->setCoords(start_[0] + rx, start_[1] - ry);
  start->setPen(QPen(a.plotForeground(), 2 * s));
  start->setBrush(a.plotBackground());
}

}  // namespace gsui
