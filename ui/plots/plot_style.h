#pragma once
// One look for every QCustomPlot: theme colours, fonts and line widths from Appearance, so
// presentation mode thickens every plot at once.
#include <QPen>
#include <QString>
#include <QWidget>
#include <vector>

class QGridLayout;
class QFontMetrics;
class QPainter;
class QCPLayoutGrid;

class QCustomPlot;
class QCPItemText;
class QCPGraph;

namespace gsui {

/// Background, axes, grid and fonts of a plot for the current appearance.
void stylePlot(QCustomPlot* plot);
/// The pen of series `index` (Okabe–Ito colours) at the current line width.
QPen seriesPen(int index, Qt::PenStyle style = Qt::SolidLine, double width_factor = 1.0);
/// A plot ready for a lab: interactions off (the lab's controls drive it), styled, titled axes.
QCustomPlot* makePlot(const QString& x_label, const QString& y_label, QWidget* parent = nullptr);
/// Adds a title row above the axes (set its text with setPlotTitle).
void addPlotTitle(QCustomPlot* plot);
/// Sets the title; too wide for the plot, it breaks into two lines (again on every resize).
void setPlotTitle(QCustomPlot* plot, const QString& title);
/// The title as set (without the line break fitting added).
QString plotTitle(QCustomPlot* plot);
/// The least height at which `plot` reads on a projector: its title row (when it has one) and its
/// x axis (tick labels and label) in the plot's own fonts — presentation mode's are larger —
/// around a data area of kMinPlotHeight px × the appearance scale (or `data_height` px, for a
/// companion plot that need only keep a readable data area).
int readablePlotHeight(const QCustomPlot* plot, int data_height = -1);
/// What an empty plot will show ("Press Step: each update adds …"), centred in its axis
/// rectangle, wrapped to the rectangle's width at every replot, at the app's font; an empty
/// `text` hides it. Returns the text item (one per plot, made on the first call).
QCPItemText* setPlotHint(QCustomPlot* plot, const QString& text);
/// The hint as set (before wrapping), "" when there is none or it is hidden.
QString plotHint(const QCustomPlot* plot);
/// Moves the plot's legend out of the axis rectangle into a row of its own under the plot, one
/// entry per line (`columns` false) or side by side: inside, a long legend hides the curves of a
/// small plot or runs past its edge.
void placeLegendBelow(QCustomPlot* plot, bool columns = false);

/// Draws a title along the left side of a painted view (a matrix's "actual"): `band` is the strip
/// it takes, in the painter's coordinates. A short title in Korean (or Chinese, Japanese) whose
/// characters fit stacked is set upright, one under another, as those languages are set
/// vertically: turned 90°, "실제" is read with the head tilted. Any other title is turned 90°
/// and reads upwards, as an axis title does.
void drawSideTitle(QPainter& painter, const QRect& band, const QString& text);
/// Whether drawSideTitle() sets `text` upright (stacked) in a band `length` px long.
bool sideTitleUpright(const QFontMetrics& metrics, const QString& text, int length);

/// Holds a plot of an input space so that one unit of x is as many pixels as one unit of y (a
/// circle stays a circle, a slope of −1 looks like −1): the plot's axis rectangle gets the aspect
/// of its axis ranges, centred, and the room left over stays empty margin instead of stretching
/// the data. Off (setEqualAspect(false)), the plot fills the frame (a curve y against x).
class EqualAspectFrame : public QWidget {
 public:
  explicit EqualAspectFrame(QCustomPlot* plot, QWidget* parent = nullptr);
  QCustomPlot* plot() const { return plot_; }
  void setEqualAspect(bool on);
  bool equalAspect() const { return equal_; }
  /// Moves the plot's legend out of the data into the margin: beside the axes when the frame is
  /// wider than the data, under them when it is taller.
  void setLegendOutside(bool on);
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  /// Places the plot: the largest axis rectangle of the ranges' aspect that fits, centred.
  void fit();
  void fitLater();
  void placeLegend();
  QCustomPlot* plot_;
  bool equal_ = true, queued_ = false, legend_outside_ = false, legend_right_ = false;
  int refits_ = 0;  ///< fits in a row after layouts (a bound, should margins never settle)
  QCPLayoutGrid* legend_holder_ = nullptr;  ///< the legend and the spacers that centre it, outside the data
};

/// A lab's views laid out side by side when there is room and stacked when not (a laptop at a
/// projector's scale): two arrangements of the same widgets in one grid, switched as the host's
/// width crosses `narrow_below` px × the presentation scale. Without it, a fixed 3:2 grid leaves
/// each column too narrow for a readable plot.
class AdaptiveGrid : public QObject {
 public:
  struct Place {
    QWidget* widget;
    int row, column, row_span = 1, column_span = 1;
  };
  struct Arrangement {
    std::vector<Place> places;
    std::vector<int> column_stretch, row_stretch;
  };
  AdaptiveGrid(QWidget* host, Arrangement wide, Arrangement narrow, int narrow_below);
  QGridLayout* layout() const { return grid_; }
  bool narrow() const { return narrow_; }
  /// Chooses again (after the appearance's scale changed).
  void refresh();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void apply(bool narrow);
  QWidget* host_;
  QGridLayout* grid_;
  Arrangement wide_, narrow_arrangement_;
  int narrow_below_;
  bool narrow_ = false, applied_ = false;
};

/// Pixels per unit of the plot's x and y axes (equal, to 1 %, in an EqualAspectFrame).
double pixelsPerUnitX(const QCustomPlot* plot);
double pixelsPerUnitY(const QCustomPlot* plot);

}  // namespace gsui
