#pragma once
// One tensor's elements as a grid, the way the course draws them: a 0-D tensor one cell, 1-D a
// row, 2-D a matrix, 3-D a row of matrices labelled [0], [1], ..., 4-D a grid of matrices
// labelled [i, j]. Row and column indices are written beside the cells, and a legend names each
// dim with its direction, size and stride. The geometry is computed once and used both to paint
// and to answer "which cell is under the mouse", so the two cannot disagree.
#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

#include "tensor/tensor.h"

class QFontMetricsF;
class QPainter;

namespace gsui {

/// How one element is drawn.
struct GridCellStyle {
  QString text;
  QColor fill;             ///< invalid: the plot background
  bool ghost = false;      ///< a repeated (broadcast) copy: faded, dashed
  QColor outline;          ///< invalid: the grid colour; set for a highlighted cell
};

/// A row or column index, or a block's "[i]", beside the cells.
struct GridLabel {
  QRectF rect;
  QString text;
  Qt::Alignment align;
};

/// Where everything of one grid goes, relative to its top-left corner.
struct GridGeometry {
  QSizeF size;
  std::vector<QRectF> cells;      ///< one per element, row-major logical order
  std::vector<GridLabel> labels;
};

class TensorGrid {
  Q_DECLARE_TR_FUNCTIONS(TensorGrid)
 public:
  /// Largest number of elements drawn cell by cell; bigger tensors get a summary.
  static constexpr std::int64_t kMaxCells = 64;
  /// Whether `shape` is drawn as cells (0 to 4 dims, 1 to kMaxCells elements).
  static bool drawable(const gs::Shape& shape);
  /// The grid of `shape` with cells of `cell` size; `small` measures the index labels. A 1-D
  /// row wider than `max_width` wraps onto more rows, each under its own indices.
  static GridGeometry layout(const gs::Shape& shape, QSizeF cell, const QFontMetricsF& small, double max_width = 1e9);
  /// "dim 0 ↓ size 3, stride 4" for each dim (strides left out when `strides` is empty);
  /// `notes` are appended per dim ("new dimension").
  static QStringList legend(const gs::Shape& shape, const gs::Shape& strides, const QStringList& notes = {});
  /// Paints the grid at `at`; `style(flat)` gives each element's look.
  static void paint(QPainter& p, QPointF at, const GridGeometry& g, const std::function<GridCellStyle(std::int64_t)>& style,
                    const QFont& value_font, const QFont& small_font);
  /// The row-major multi-index of element `flat`.
  static gs::Shape unravel(std::int64_t flat, const gs::Shape& shape);
  /// An element as the lab writes it: integers plainly, floats with up to 4 significant digits
  /// ("2.", "0.3333", "-1.5e+03").
  static QString number(double v, gs::Dtype dtype);
  /// "(3, 4)" (a 1-D shape as "(3,)", as Python writes a one-element tuple).
  static QString tuple(const gs::Shape& shape);
};

}  // namespace gsui
