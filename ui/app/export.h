#pragma once
// Exporting a plot or a view as PNG (raster, 2× resolution), SVG or PDF (vector where the widget
// draws vectors: QCustomPlot and QGraphicsView do).
#include <QString>

class QWidget;

namespace gsui {

/// Writes widget to path; the format comes from the suffix (.png, .svg, .pdf).
/// Returns an empty string on success, else a message naming the problem.
QString exportWidget(QWidget* widget, const QString& path);

}  // namespace gsui
