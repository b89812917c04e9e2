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
  map_->removeFromLegend();  // (the legend names the paths)
  // The plot's size decides which corner of a cross is free: choose again after each layout.
  relayout_ = QObject::connect(plot_, &QCustomPlot::afterLayout, plot_, [this] { placeLabels(); });
}

ContourPlot::~ContourPlot() { QObject::disconnect(relayout_); }

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
  drawn_.clear();  // every visible path point, for placing the labels
  marks_.clear();
  auto& drawn = drawn_;
  for (const PathView& p : paths) {
    auto* curve = new QCPCurve(plot_->xAxis, plot_->yAxis);
    curve->setName(p.name);
    QPen pen(p.color, 2.2 * s, p.style);
    pen.setCapStyle(Qt::FlatCap);
    curve->setPen(pen);
    curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, p.color, 5 * s));
    const int n = upto < 0 ? static_cast<int>(p.points.size()) : std::min<int>(upto + 1, static_cast<int>(p.points.size()));
    QVector<double> xs, ys;
    int cut = -1;
    for (int k = 0; k < n; ++k) {
      if (!inside(p.points[k][0], p.points[k][1])) {
        cut = k;
        break;
      }
      if (!xs.isEmpty())  // the segment from the previous point, sampled
        for (int t = 1; t < 8; ++t) drawn.emplace_back(xs.last() + (p.points[k][0] - xs.last()) * t / 8.0, ys.last() + (p.points[k][1] - ys.last()) * t / 8.0);
      xs << p.points[k][0];
      ys << p.points[k][1];
      drawn.emplace_back(xs.last(), ys.last());
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
      // On a halo: readable over the iso-lines and any path it still touches.
      QColor halo = a.plotBackground();
      halo.setAlpha(215);
      mark->setBrush(halo);
      mark->setPadding(QMargins(3, 1, 3, 1));
      mark->setClipToAxisRect(true);
      marks_.push_back(mark);
    }
  }
  // Entries removed and added leave holes in a legend laid out in columns: pack them again.
  if (plot_->legend) plot_->legend->setFillOrder(plot_->legend->fillOrder(), true);
  placeLabels();
  // The start point, as a ring one can drag.
  auto* start = new QCPItemEllipse(plot_);
  const double rx = w * 0.012 * s, ry = h * 0.012 * s;
  start->topLeft->setCoords(start_[0] - rx, start_[1] + ry);
  start->bottomRight->setCoords(start_[0] + rx, start_[1] - ry);
  start->setPen(QPen(a.plotForeground(), 2 * s));
  start->setBrush(a.plotBackground());
}

std::vector<QCPItemText*> ContourPlot::divergenceLabels() const {
  std::vector<QCPItemText*> labels;
  for (int i = 0; i < plot_->itemCount(); ++i)
    if (auto* t = qobject_cast<QCPItemText*>(plot_->item(i))) labels.push_back(t);
  return labels;
}

QPointF ContourPlot::crossOf(const QCPItemText* label) {
  const QVariant anchor = label->property("anchor");
  return anchor.isValid() ? anchor.toPointF() : label->position->coords();
}

namespace {

/// The text in two lines, broken at the space nearest its middle (a long label in a small view).
QString twoLines(const QString& text) {
  int best = -1;
  for (int at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1))
    if (best < 0 || std::abs(at - text.size() / 2) < std::abs(best - text.size() / 2)) best = at;
  return best < 0 ? text : text.left(best) + '\n' + text.mid(best + 1);
}

}  // namespace

void ContourPlot::placeLabels() {
  // Each label at one corner of its point, on one line or two: the placement whose box stays in
  // the view and covers the fewest path points (sampled along the segments), one line before two
  // when they tie. A label never sits on the path that leads to its cross, nor is it cut.
  const QRect axes = plot_->axisRect()->rect();
  std::vector<QRectF> taken;  // the boxes of labels already placed
  for (QCPItemText* mark : marks_) {
    if (!plot_->hasItem(mark)) continue;
    if (!mark->property("fullText").isValid()) mark->setProperty("fullText", mark->text());
    const QString full = mark->property("fullText").toString();
    // (the cross's point, kept: the label's own position moves a few pixels off it)
    if (!mark->property("anchor").isValid()) mark->setProperty("anchor", mark->position->coords());
    const QPointF anchor = mark->property("anchor").toPointF();
    const QPointF at(plot_->xAxis->coordToPixel(anchor.x()), plot_->yAxis->coordToPixel(anchor.y()));
    const Qt::Alignment corners[4] = {Qt::AlignLeft | Qt::AlignBottom, Qt::AlignRight | Qt::AlignBottom, Qt::AlignLeft | Qt::AlignTop,
                                      Qt::AlignRight | Qt::AlignTop};
    double best_cost = INFINITY;
    QString best_text = full;
    Qt::Alignment best_corner = corners[0];
    QRectF best_rect;
    for (const QString& text : {full, twoLines(full)}) {
      const QSizeF box = QFontMetricsF(mark->font()).size(0, text) + QSizeF(6, 2);
      for (const Qt::Alignment corner : corners) {
        // (a few pixels off the point, and kept that far from any path: a label whose edge ran
        // along the segment to its cross read as crossed out)
        const double gap = 4;
        const double left = corner & Qt::AlignLeft ? at.x() + gap : at.x() - gap - box.width();
        const double top = corner & Qt::AlignTop ? at.y() + gap : at.y() - gap - box.height();
        const QRectF r(left, top, box.width(), box.height());
        const QRectF clear = r.adjusted(-gap, -gap, gap, gap);
        double cost = text == full ? 0 : 0.5;
        if (!axes.isEmpty()) {
          const QRectF in = r.intersected(QRectF(axes));
          cost += 1000.0 * (1.0 - in.width() * in.height() / (r.width() * r.height()));  // cut by the edge
          for (const auto& [x, y] : drawn_)
            if (clear.contains(plot_->xAxis->coordToPixel(x), plot_->yAxis->coordToPixel(y))) cost += 1;
          for (const QRectF& other : taken)
            if (r.intersects(other)) cost += 500;
        }
        if (cost < best_cost) {
          best_cost = cost;
          best_text = text;
          best_corner = corner;
          best_rect = r;
        }
      }
    }
    mark->setText(best_text);
    mark->setPositionAlignment(best_corner);
    const QPointF corner_at(best_corner & Qt::AlignLeft ? best_rect.left() : best_rect.right(),
                            best_corner & Qt::AlignTop ? best_rect.top() : best_rect.bottom());
    mark->position->setCoords(plot_->xAxis->pixelToCoord(corner_at.x()), plot_->yAxis->pixelToCoord(corner_at.y()));
    taken.push_back(best_rect);
  }
}

}  // namespace gsui
