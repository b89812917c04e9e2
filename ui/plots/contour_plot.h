#pragma once
// A contour plot of a 2-D cost with optimisation paths on it: a light colour map, iso-lines
// (marching squares from core), one polyline per path with its points, a draggable start point,
// and a cross where a path diverged.
#include <QColor>
#include <QMetaObject>
#include <QPen>
#include <QPoint>
#include <QString>
#include <array>
#include <functional>
#include <utility>
#include <vector>

#include "landscape/landscape.h"

class QCustomPlot;
class QCPColorMap;
class QCPItemText;
class QMouseEvent;

namespace gsui {

struct PathView {
  QString name;
  QColor color;
  Qt::PenStyle style = Qt::SolidLine;  ///< with the colour, tells paths apart on a projector (palette)
  std::vector<std::array<double, 3>> points;  ///< (x, y, f), start first
  int diverged_at = -1;
};

class ContourPlot {
 public:
  explicit ContourPlot(QCustomPlot* plot);
  ~ContourPlot();
  ContourPlot(const ContourPlot&) = delete;
  ContourPlot& operator=(const ContourPlot&) = delete;
  QCustomPlot* plot() const { return plot_; }
  /// Samples f on an nx × ny grid over range and draws the map and `levels` iso-lines.
  void setFunction(const std::function<double(double, double)>& f, std::array<double, 4> range, int nx = 200, int ny = 200,
                   int levels = 14);
  /// Draws each path up to `upto` steps (all when negative); diverged paths are cut where they
  /// leave the view and marked with ✕ and the step.
  void setPaths(const std::vector<PathView>& paths, int upto = -1);
  void setStart(double x, double y);
  std::array<double, 4> range() const { return range_; }
  /// Plot coordinates of a mouse position.
  std::array<double, 2> toPlot(const QPoint& pixel) const;
  /// Number of iso-line curves drawn (for tests).
  int isoLineCount() const { return iso_lines_; }
  /// The labels of diverged paths (for tests).
  std::vector<QCPItemText*> divergenceLabels() const;
  /// The point (plot coordinates) a divergence label marks: its cross, the path's last point in
  /// view. (The label itself sits a few pixels off it.)
  static QPointF crossOf(const QCPItemText* label);

 private:
  /// Puts each diverged-at label at the corner of its cross where it covers no path and stays in view.
  void placeLabels();
  QCustomPlot* plot_;
  QCPColorMap* map_;
  std::array<double, 4> range_{-2, 2, -2, 2};
  int iso_lines_ = 0;
  std::array<double, 2> start_{0, 0};
  QMetaObject::Connection relayout_;
  std::vector<QCPItemText*> marks_;                ///< the diverged-at labels
  std::vector<std::pair<double, double>> drawn_;  ///< the visible paths' points, sampled along the segments
};

}  // namespace gsui
