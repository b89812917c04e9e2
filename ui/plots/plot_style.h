#pragma once
// One look for every QCustomPlot: theme colours, fonts and line widths from Appearance, so
// presentation mode thickens every plot at once.
#include <QPen>
#include <QString>

class QCustomPlot;
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
/// Moves the plot's legend out of the axis rectangle into a row of its own under the plot, one
/// entry per line (`columns` false) or side by side: inside, a long legend hides the curves of a
/// small plot or runs past its edge.
void placeLegendBelow(QCustomPlot* plot, bool columns = false);

}  // namespace gsui
