#include "labs/tensors/tensor_grid.h"

#include <QFontMetricsF>
#include <QPainter>
#include <cmath>

#include "app/appearance.h"

namespace gsui {

bool TensorGrid::drawable(const gs::Shape& shape) {
  const std::int64_t n = gs::numel_of(shape);
  return shape.size() <= 4 && n >= 1 && n <= kMaxCells;
}

gs::Shape TensorGrid::unravel(std::int64_t flat, const gs::Shape& shape) {
  gs::Shape index(shape.size(), 0);
  for (std::size_t d = shape.size(); d-- > 0;) {
    index[d] = shape[d] > 0 ? flat % shape[d] : 0;
    flat = shape[d] > 0 ? flat / shape[d] : 0;
  }
  return index;
}

QString TensorGrid::number(double v, gs::Dtype dtype) {
  if (!gs::is_floating_point(dtype)) return QString::number(static_cast<long long>(v));
  if (std::isnan(v)) return QStringLiteral("nan");
  if (std::isinf(v)) return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
  if (v == std::floor(v) && std::abs(v) < 1e5) return QString::number(static_cast<long long>(v)) + '.';
  return QString::number(v, 'g', 4);
}

QString TensorGrid::tuple(const gs::Shape& shape) {
  QStringList parts;
  for (std::int64_t s : shape) parts << QString::number(s);
  return shape.size() == 1 ? QStringLiteral("(%1,)").arg(parts.first()) : QStringLiteral("(%1)").arg(parts.join(", "));
}

QStringList TensorGrid::legend(const gs::Shape& shape, const gs::Shape& strides, const QStringList& notes) {
  const std::size_t n = shape.size();
  QStringList out;
  for (std::size_t d = 0; d < n; ++d) {
    // The direction the dim runs in the picture: columns →, rows ↓, blocks across then down.
    QString text;
    if (d + 1 == n) text = tr("dim %1 → size %2");
    else if (d + 2 == n) text = tr("dim %1 ↓ size %2");
    else if (n == 3 || d == 1) text = tr("dim %1: blocks → size %2");
    else text = tr("dim %1: block rows ↓ size %2");
    text = text.arg(d).arg(shape[d]);
    if (!strides.empty()) text += tr(", stride %1").arg(strides[d]);
    if (int(d) < notes.size() && !notes[int(d)].isEmpty()) text += QStringLiteral(" (%1)").arg(notes[int(d)]);
    out << text;
  }
  return out;
}

GridGeometry TensorGrid::layout(const gs::Shape& shape, QSizeF cell, const QFontMetricsF& small, double max_width) {
  GridGeometry g;
  const std::size_t n = shape.size();
  if (n == 1 && shape[0] * cell.width() > max_width) {
    // A long row (arange(24) in a narrow panel): wrapped like the storage below it, every piece
    // under its own indices.
    const std::int64_t per_row = std::max<std::int64_t>(1, std::int64_t(max_width / cell.width()));
    const std::int64_t count = shape[0], lines = (count + per_row - 1) / per_row;
    const double label_h = small.height(), line_h = label_h + cell.height() + label_h * 0.3;
    for (std::int64_t i = 0; i < count; ++i) {
      const double x = double(i % per_row) * cell.width(), y = double(i / per_row) * line_h;
      g.labels.push_back({QRectF(x, y, cell.width(), label_h), QString::number(i), Qt::AlignCenter});
      g.cells.emplace_back(x, y + label_h, cell.width(), cell.height());
    }
    g.size = QSizeF(double(std::min(per_row, count)) * cell.width(), double(lines) * line_h - label_h * 0.3);
    return g;
  }
  const std::int64_t rows = n >= 2 ? shape[n - 2] : 1, cols = n >= 1 ? shape[n - 1] : 1;
  const std::int64_t block_rows = n == 4 ? shape[0] : 1, block_cols = n == 4 ? shape[1] : n == 3 ? shape[0] : 1;
  const double label_h = small.height();
  const double col_label_h = n >= 1 ? label_h : 0, block_label_h = n >= 3 ? label_h : 0;
  const double left = n >= 2 ? small.horizontalAdvance(QString::number(rows - 1)) + 4 : 0;
  const double gap = std::max(cell.width() * 0.6, small.horizontalAdvance(QStringLiteral("00")));
  QString widest_block = n == 4 ? QStringLiteral("[%1, %2]").arg(block_rows - 1).arg(block_cols - 1) : QStringLiteral("[%1]").arg(block_cols - 1);
  const double block_w = std::max(cols * cell.width(), n >= 3 ? small.horizontalAdvance(widest_block) + 4 : 0.0);
  const double block_h = block_label_h + col_label_h + rows * cell.height();
  g.cells.reserve(std::size_t(gs::numel_of(shape)));
  for (std::int64_t bi = 0; bi < block_rows; ++bi) {
    for (std::int64_t bj = 0; bj < block_cols; ++bj) {
      const double x0 = left + bj * (block_w + gap), y0 = bi * (block_h + gap);
      const double top = y0 + block_label_h + col_label_h;
      if (n == 3) g.labels.push_back({QRectF(x0, y0, block_w, label_h), QStringLiteral("[%1]").arg(bj), Qt::AlignCenter});
      if (n == 4) g.labels.push_back({QRectF(x0, y0, block_w, label_h), QStringLiteral("[%1, %2]").arg(bi).arg(bj), Qt::AlignCenter});
      if (n >= 1)
        for (std::int64_t c = 0; c < cols; ++c)
          g.labels.push_back({QRectF(x0 + c * cell.width(), y0 + block_label_h, cell.width(), label_h), QString::number(c), Qt::AlignCenter});
      if (n >= 2 && bj == 0)
        for (std::int64_t r = 0; r < rows; ++r)
          g.labels.push_back({QRectF(0, top + r * cell.height(), left - 3, cell.height()), QString::number(r), Qt::AlignRight | Qt::AlignVCenter});
      for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < cols; ++c) g.cells.emplace_back(x0 + c * cell.width(), top + r * cell.height(), cell.width(), cell.height());
    }
  }
  g.size = QSizeF(left + block_cols * block_w + (block_cols - 1) * gap, block_rows * block_h + (block_rows - 1) * gap);
  return g;
}

void TensorGrid::paint(QPainter& p, QPointF at, const GridGeometry& g, const std::function<GridCellStyle(std::int64_t)>& style,
                       const QFont& value_font, const QFont& small_font) {
  const Appearance& look = Appearance::instance();
  const QColor fg = look.plotForeground(), grid = look.gridColor().darker(140);
  QColor faint = fg;
  faint.setAlpha(120);
  p.setFont(small_font);
  p.setPen(faint);
  for (const GridLabel& label : g.labels) p.drawText(label.rect.translated(at), label.align, label.text);
  p.setFont(value_font);
  const double thick = std::max(2.0, 2.5 * look.scale());
  for (std::size_t i = 0; i < g.cells.size(); ++i) {
    const GridCellStyle s = style(std::int64_t(i));
    const QRectF r = g.cells[i].translated(at);
    QColor fill = s.fill.isValid() ? s.fill : look.plotBackground();
    if (s.ghost) fill.setAlpha(fill.alpha() / 3);
    p.fillRect(r, fill);
    p.setPen(QPen(grid, 1, s.ghost ? Qt::DashLine : Qt::SolidLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
    p.setPen(s.ghost ? faint : fg);
    p.drawText(r, Qt::AlignCenter, s.text);
    if (s.outline.isValid()) {
      p.setPen(QPen(s.outline, thick));
      p.drawRect(r.adjusted(thick / 2, thick / 2, -thick / 2, -thick / 2));
    }
  }
}

}  // namespace gsui
