#include "labs/tensors/tensor_view.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "app/appearance.h"
#include "app/language.h"

namespace gsui {
namespace {

/// Storage drawn cell by cell up to this many elements (a bigger one is summarised).
constexpr std::int64_t kMaxStorage = 64;
/// Height of one level of stride jumps, in lines of the small font: a label and a gap.
constexpr double kJumpLevel = 1.25;

/// One colour per dim for its jump and its legend line (Paul Tol's muted, colour-blind safe).
QColor dimColour(int dim) {
  static const QColor tol[] = {QColor(0x88, 0x22, 0x55), QColor(0x11, 0x77, 0x33), QColor(0x33, 0x22, 0x88), QColor(0x99, 0x99, 0x33)};
  QColor c = tol[dim % 4];
  return Appearance::instance().theme() == Theme::Dark ? c.lighter(170) : c;
}

QColor storageTint(int colour) {
  QColor c = Appearance::instance().seriesColor(colour % 4);
  c.setAlpha(70);
  return c;
}

QColor changedColour() { return Appearance::instance().seriesColor(4); }

std::vector<double> storageValues(const gs::Tensor& t) {
  const auto& storage = t.impl()->storage;
  const auto n = std::int64_t(storage->nbytes() / gs::element_size(t.dtype()));
  if (n > kMaxStorage || n == 0) return {};
  auto flat = std::make_shared<gs::TensorImpl>();
  flat->storage = storage;
  flat->shape = {n};
  flat->strides = {1};
  flat->dtype = t.dtype();
  return gs::Tensor(flat).to_vector<double>();
}

}  // namespace

/// "storage: 12 elements (torch.int64)", with "1 element" for one.
QString TensorView::storageTitle(std::int64_t n, gs::Dtype dtype, bool drawn) {
  const QString type = QString::fromStdString(gs::to_string(dtype));
  if (!drawn) return tr("storage: %1 elements (too many to draw)").arg(n);
  return n == 1 ? tr("storage: 1 element (%1)").arg(type) : tr("storage: %1 elements (%2)").arg(n).arg(type);
}

TensorView::TensorView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TensorView::setContent(OperationPicture operation, QStringList output, std::vector<TensorCard> cards) {
  operation_ = std::move(operation);
  output_ = std::move(output);
  cards_ = std::move(cards);
  hovered_ = pinned_ = {-1, -1};
  relayout();
}

void TensorView::relayout() {
  layoutAll();
  update();
}

QFont TensorView::smallFont() const {
  QFont f = font();
  f.setPointSizeF(f.pointSizeF() * 0.9);
  return f;
}

QColor TensorView::secondaryColour() const {
  QColor c = Appearance::instance().plotForeground();
  c.setAlpha(210);
  return c;
}

QFont TensorView::boldFont() const {
  QFont f = font();
  f.setBold(true);
  return f;
}

QSizeF TensorView::cellSize(const std::vector<double>& values, gs::Dtype dtype) const {
  const QFontMetricsF fm(font());
  double widest = fm.horizontalAdvance(QStringLiteral("00"));
  for (double v : values) widest = std::max(widest, fm.horizontalAdvance(TensorGrid::number(v, dtype)));
  return {std::ceil(widest + fm.height() * 0.6), std::ceil(fm.height() * 1.4)};
}

TensorView::CardLayout TensorView::layoutCard(const TensorCard& card, double max_width) const {
  CardLayout l;
  const gs::Tensor& t = card.tensor;
  const QFontMetricsF fm(font()), sm(smallFont()), bm(boldFont());
  const double pad = std::ceil(fm.height() * 0.4), room = std::max(120.0, max_width - 2 * pad);
  l.storage = storageValues(t);
  const std::vector<double> values = t.numel() <= 4096 ? t.to_vector<double>() : std::vector<double>{};
  l.summary = !TensorGrid::drawable(t.shape());
  std::vector<double> measured = values;
  measured.insert(measured.end(), l.storage.begin(), l.storage.end());
  const QSizeF cell = cellSize(l.summary ? l.storage : measured, t.dtype());
  if (!l.summary) l.grid = TensorGrid::layout(t.shape(), cell, sm, room);
  const auto per_row = std::max<std::int64_t>(1, std::int64_t(room / cell.width()));
  // Texts wrap to the pictures' width, or to about 30 characters when the pictures are narrower,
  // so that small tensors make narrow cards that sit side by side.
  const double pictures = std::max(l.grid.size.width(), double(std::min<std::int64_t>(per_row, std::int64_t(l.storage.size()))) * cell.width());
  const double wrap = std::min(room, std::max(pictures, fm.averageCharWidth() * 30));
  // The header, wrapped piece by piece.
  const QStringList pieces = {card.name, tr("shape %1").arg(TensorGrid::tuple(t.shape())), tr("stride %1").arg(TensorGrid::tuple(t.strides())),
                              tr("offset %1").arg(t.storage_offset()), QString::fromStdString(gs::to_string(t.dtype())),
                              t.is_contiguous() ? tr("contiguous ✓") : tr("not contiguous ✗")};
  QString line;
  for (const QString& piece : pieces) {
    const QString longer = line.isEmpty() ? piece : line + QStringLiteral("   ") + piece;
    if (!line.isEmpty() && bm.horizontalAdvance(longer) > wrap) {
      l.header << line;
      line = piece;
    } else {
      line = longer;
    }
  }
  l.header << line;
  if (!card.caption.isEmpty()) {
    l.notes << card.caption;
    l.note_dims.push_back(-1);
  }
  if (!card.shares.isEmpty()) {
    // Quoted, so that a name like `one` reads as a name.
    QStringList quoted;
    for (const QString& name : card.shares) quoted << QStringLiteral("‘%1’").arg(name);
    l.notes << withKoreanParticles(tr("shares memory with %1").arg(quoted.join(", ")));
    l.note_dims.push_back(-2);
  }
  const bool drawn = !l.summary && !l.storage.empty() && t.numel() > 0;
  for (std::size_t d = 0; drawn && d < t.shape().size(); ++d)
    if (t.shape()[d] > 1 && t.strides()[d] == 0) {
      l.notes << tr("+0 (dim %1): stays on the same cell").arg(d);
      l.note_dims.push_back(int(d));
    }
  double width = 0;
  for (const QString& h : l.header) width = std::max(width, bm.horizontalAdvance(h));
  double y = pad + l.header.size() * bm.height();
  for (const QString& n : l.notes) {
    const QRectF r = fm.boundingRect(QRectF(0, 0, wrap, 1e6), Qt::TextWordWrap, n);
    width = std::max(width, r.width());
    y += r.height();
  }
  const QStringList legend = TensorGrid::legend(t.shape(), t.strides());
  for (const QString& s : legend) width = std::max(width, sm.horizontalAdvance(s));
  y += legend.size() * sm.height() + pad * 0.5;
  if (l.summary) {
    QStringList first;
    for (std::size_t i = 0; i < std::min<std::size_t>(values.size(), 8); ++i) first << TensorGrid::number(values[i], t.dtype());
    l.grid_at = QPointF(pad, y);
    l.summary_lines << tr("%1 elements: too many to draw one by one.").arg(t.numel());
    if (!first.isEmpty()) l.summary_lines << tr("first values: %1").arg(first.join(", ") + (values.size() > 8 ? QStringLiteral(", …") : QString()));
    for (const QString& s : l.summary_lines) width = std::max(width, fm.horizontalAdvance(s));
    y += l.summary_lines.size() * fm.height();
  } else {
    l.grid_at = QPointF(pad, y);
    l.values = values;
    for (std::int64_t f = 0; f < t.numel(); ++f) {
      const gs::Shape idx = TensorGrid::unravel(f, t.shape());
      std::int64_t off = t.storage_offset();
      for (std::size_t d = 0; d < idx.size(); ++d) off += idx[d] * t.strides()[d];
      l.offsets.push_back(off);
    }
    width = std::max(width, l.grid.size.width());
    y += l.grid.size.height() + pad * 0.5;
  }
  // The flat storage, wrapped to the room there is, with the jumps above it.
  l.storage_title_y = y;
  y += sm.height();
  const auto n_storage = std::int64_t(t.impl()->storage->nbytes() / gs::element_size(t.dtype()));
  if (!l.storage.empty()) {
    if (drawn) {
      // A stride of 0 is a jump of length 0: a loop back onto the same cell.
      for (std::size_t d = 0; d < t.shape().size(); ++d) {
        const std::int64_t to = t.storage_offset() + t.strides()[d];
        if (t.shape()[d] > 1 && to < n_storage) l.jumps.push_back({t.storage_offset(), to, int(d), QStringLiteral("+%1").arg(t.strides()[d])});
      }
      std::stable_sort(l.jumps.begin(), l.jumps.end(), [](const Jump& a, const Jump& b) { return a.to - a.from < b.to - b.from; });
    }
    l.jumps_top = y;
    // One level per jump, each with room for its label above its line.
    if (!l.jumps.empty()) y += (double(l.jumps.size()) * kJumpLevel + 0.5) * sm.height();
    const double row_h = cell.height() + sm.height() + pad * 0.5;
    for (std::int64_t i = 0; i < std::int64_t(l.storage.size()); ++i)
      l.storage_cells.emplace_back(pad + (i % per_row) * cell.width(), y + (i / per_row) * row_h, cell.width(), cell.height());
    width = std::max(width, double(std::min<std::int64_t>(per_row, std::int64_t(l.storage.size()))) * cell.width());
    y += ((std::int64_t(l.storage.size()) + per_row - 1) / per_row) * row_h;
  } else {
    y += sm.height();  // "storage of N elements (not drawn)"
  }
  l.formula_y = y;
  // The offset sentence (two lines: it may wrap), or the hint in its place, measured in its
  // own words: Hangul comes from a taller fallback font than the widget's own lines.
  const QRectF hint = sm.boundingRect(QRectF(0, 0, wrap, 1e6), Qt::TextWordWrap, hintText());
  const QRectF formula = fm.boundingRect(QRectF(0, 0, wrap, 1e6), Qt::TextWordWrap,
                                         tr("%1 lives at storage offset %2 = %3").arg(card.name + QStringLiteral("[0, 0]"), QStringLiteral("00"), QStringLiteral("0 + 0·0 + 0·0")));
  l.formula_h = std::ceil(std::max({fm.lineSpacing() * 2, hint.height(), formula.height()}));
  y += l.formula_h;
  const QString storage_title = storageTitle(n_storage, t.dtype(), true);
  width = std::max(width, sm.horizontalAdvance(storage_title));  // one line, never cut by the frame
  l.size = QSizeF(std::ceil(width + 2 * pad), std::ceil(y + pad));
  l.min_width = std::ceil(std::max(l.grid.size.width(), cell.width()) + 2 * pad);
  return l;
}

void TensorView::layoutAll() {
  const QFontMetricsF fm(font());
  // Texts wrap to the part of the view the scroll area shows, even when a wide grid makes the
  // view itself wider, so that a card's header is never cut at the window's edge.
  const double visible = parentWidget() ? std::min(width(), parentWidget()->width()) : width();
  const double m = std::ceil(fm.height() * 0.5), avail = std::max(200.0, visible - 2 * m);
  double y = m, widest = 0;
  output_at_ = QPointF(m, y);
  y += output_.size() * fm.height() + (output_.isEmpty() ? 0 : m);
  operation_at_ = QPointF(m, y);
  const QSizeF op = TensorOperation::paint(nullptr, operation_at_, operation_, avail, font(), smallFont());
  if (operation_.present) y += op.height() + m;
  // The minimum width is what cannot wrap (grids), so that the view can narrow again when a
  // scroll bar appears.
  widest = TensorOperation::paint(nullptr, operation_at_, operation_, 1.0, font(), smallFont()).width();
  layouts_.clear();
  positions_.clear();
  double x = m, row_h = 0;
  for (const TensorCard& card : cards_) {
    layouts_.push_back(layoutCard(card, avail));
    const QSizeF s = layouts_.back().size;
    if (x > m && x + s.width() > m + avail) {
      x = m;
      y += row_h + m;
      row_h = 0;
    }
    positions_.emplace_back(x, y);
    x += s.width() + m;
    row_h = std::max(row_h, s.height());
    widest = std::max(widest, layouts_.back().min_width);
  }
  setMinimumSize(int(std::ceil(widest + 2 * m)), int(std::ceil(y + row_h + m)));
  painted_.assign(cards_.size(), {});
}

void TensorView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const Appearance& look = Appearance::instance();
  p.fillRect(rect(), look.plotBackground());
  if (layouts_.size() != cards_.size()) layoutAll();
  const QFontMetricsF fm(font());
  p.setPen(look.plotForeground());
  for (int i = 0; i < output_.size(); ++i) p.drawText(output_at_ + QPointF(0, i * fm.height() + fm.ascent()), output_[i]);
  p.setRenderHint(QPainter::Antialiasing, true);
  TensorOperation::paint(&p, operation_at_, operation_, std::max(200.0, width() - 2 * operation_at_.x()), font(), smallFont());
  painted_.assign(cards_.size(), {});
  for (std::size_t i = 0; i < cards_.size(); ++i) paintCard(p, i);
  if (cards_.empty() && output_.isEmpty() && !operation_.present) {
    // Before the first statement: what will appear here.
    const QRectF area = QRectF(rect()).adjusted(width() * 0.1, 0, -width() * 0.1, 0);
    p.setPen(look.mutedColor());
    p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
               tr("Each tensor the program makes appears here as a card: its values, its shape and strides, and the storage "
                  "under them."));
  }
}

void TensorView::paintCard(QPainter& p, std::size_t i) {
  const TensorCard& card = cards_[i];
  const CardLayout& l = layouts_[i];
  const QPointF at = positions_[i];
  const gs::Tensor& t = card.tensor;
  const Appearance& look = Appearance::instance();
  const QFontMetricsF fm(font()), sm(smallFont()), bm(boldFont());
  const double pad = std::ceil(fm.height() * 0.4), room = l.size.width() - 2 * pad;
  const QColor fg = look.plotForeground(), secondary = secondaryColour();
  QColor faint = fg;
  faint.setAlpha(140);
  Painted& out = painted_[i];
  // The frame: the storage's colour, thick for what the current statement made or changed.
  const QColor frame = look.seriesColor(card.colour % 4);
  p.setPen(QPen(frame, card.current ? 3.0 * look.scale() : 1.0));
  p.setBrush(Qt::NoBrush);
  p.drawRoundedRect(QRectF(at, l.size).adjusted(1, 1, -1, -1), 6, 6);
  double y = at.y() + pad;
  p.setFont(boldFont());
  p.setPen(fg);
  for (const QString& h : l.header) {
    p.drawText(QPointF(at.x() + pad, y + bm.ascent()), h);
    y += bm.height();
  }
  p.setFont(font());
  for (int n = 0; n < l.notes.size(); ++n) {
    const QRectF r = fm.boundingRect(QRectF(0, 0, room, 1e6), Qt::TextWordWrap, l.notes[n]);
    const int dim = l.note_dims[std::size_t(n)];
    p.setPen(dim == -2 ? frame : dim >= 0 ? dimColour(dim) : fg);
    p.drawText(QRectF(at.x() + pad, y, room, r.height()), Qt::TextWordWrap, l.notes[n]);
    y += r.height();
  }
  p.setFont(smallFont());
  const QStringList legend = TensorGrid::legend(t.shape(), t.strides());
  for (int d = 0; d < legend.size(); ++d) {
    p.setPen(dimColour(d));
    p.drawText(QPointF(at.x() + pad, y + sm.ascent()), legend[d]);
    y += sm.height();
  }
  const auto focus = pinned_.first >= 0 ? pinned_ : hovered_;
  const std::int64_t focus_offset = focus.first == int(i) && std::size_t(focus.second) < l.offsets.size() ? l.offsets[std::size_t(focus.second)] : -1;
  if (l.summary) {
    p.setFont(font());
    p.setPen(fg);
    for (int s = 0; s < l.summary_lines.size(); ++s) p.drawText(at + l.grid_at + QPointF(0, s * fm.height() + fm.ascent()), l.summary_lines[s]);
  } else {
    const QPointF grid_at = at + l.grid_at;
    TensorGrid::paint(p, grid_at, l.grid, [&](std::int64_t f) {
      const auto k = std::size_t(f);
      GridCellStyle s{.text = k < l.values.size() ? TensorGrid::number(l.values[k], t.dtype()) : QString(), .fill = storageTint(card.colour), .ghost = false, .outline = {}};
      if (card.changed.count(l.offsets[k])) s.outline = changedColour();
      if (focus.first == int(i) && focus.second == f) s.outline = fg;
      return s;
    }, font(), smallFont());
    for (std::size_t k = 0; k < l.grid.cells.size(); ++k) {
      out.cells.push_back(l.grid.cells[k].translated(grid_at));
      out.cell_texts << (k < l.values.size() ? TensorGrid::number(l.values[k], t.dtype()) : QString());
      out.offsets.push_back(l.offsets[k]);
      if (card.changed.count(l.offsets[k])) out.changed.push_back(std::int64_t(k));
    }
  }
  // The storage: every element, the used ones tinted, the changed ones outlined.
  const auto n_storage = std::int64_t(t.impl()->storage->nbytes() / gs::element_size(t.dtype()));
  p.setFont(smallFont());
  p.setPen(fg);
  p.drawText(QPointF(at.x() + pad, at.y() + l.storage_title_y + sm.ascent()), storageTitle(n_storage, t.dtype(), !l.storage.empty()));
  const std::set<std::int64_t> used(l.offsets.begin(), l.offsets.end());
  const double thick = std::max(2.0, 2.5 * look.scale());
  for (std::size_t k = 0; k < l.storage_cells.size(); ++k) {
    const auto off = std::int64_t(k);
    const QRectF r = l.storage_cells[k].translated(at);
    p.fillRect(r, used.count(off) ? storageTint(card.colour) : look.plotBackground());
    p.setPen(QPen(look.gridColor().darker(140), 1));
    p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
    const QString value = TensorGrid::number(l.storage[k], t.dtype());
    p.setFont(font());
    p.setPen(used.count(off) || l.summary ? fg : faint);
    p.drawText(r, Qt::AlignCenter, value);
    p.setFont(smallFont());
    p.setPen(secondary);
    p.drawText(QRectF(r.left(), r.bottom(), r.width(), sm.height()), Qt::AlignCenter, QString::number(off));
    const QColor outline = off == focus_offset ? fg : card.changed.count(off) ? changedColour() : QColor();
    if (outline.isValid()) {
      p.setPen(QPen(outline, thick));
      p.drawRect(r.adjusted(thick / 2, thick / 2, -thick / 2, -thick / 2));
    }
    out.storage[off] = {r, value};
    out.storage_labels[off] = QString::number(off);
  }
  // The strides as jumps from element [0, …, 0], one level each, the shortest lowest: up from the
  // start cell, across at its level, down onto the cell one step along the dim lands on (a stride
  // of 0: a loop back onto the start cell). Longer jumps leave the start cell further left and
  // land further right, so no line crosses the band above a shorter jump's level, where its label
  // sits.
  const std::size_t n_jumps = l.jumps.size();
  QFont label_font = smallFont();
  label_font.setBold(true);
  const QFontMetricsF lm(label_font);
  const double h = sm.height(), gap = std::ceil(h * 0.15), head = std::max(5.0, 0.35 * h), pen_w = std::max(1.5, 1.5 * look.scale());
  for (std::size_t j = 0; j < n_jumps; ++j) {
    const Jump& jump = l.jumps[j];
    const QRectF a = l.storage_cells[std::size_t(jump.from)].translated(at), b = l.storage_cells[std::size_t(jump.to)].translated(at);
    const double level = a.top() - (0.5 + kJumpLevel * double(j)) * h;
    const double x0 = a.left() + a.width() * (n_jumps == 1 ? 0.5 : 0.45 - 0.35 * double(j) / double(n_jumps - 1));
    const double x1 = jump.to == jump.from ? a.left() + a.width() * 0.8 : b.center().x();
    const double r = std::max(0.0, std::min({h * 0.4, (x1 - x0) / 2, (a.top() - level) / 2}));
    QPainterPath path(QPointF(x0, a.top()));
    path.lineTo(x0, level + r);
    path.quadTo(x0, level, x0 + r, level);
    path.lineTo(x1 - r, level);
    path.quadTo(x1, level, x1, level + r);
    path.lineTo(x1, b.top() - head);
    const QColor c = dimColour(jump.dim);
    p.setPen(QPen(c, pen_w));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    const QPointF tip(x1, b.top());
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawPolygon(QPolygonF({tip, tip + QPointF(-head * 0.6, -head), tip + QPointF(head * 0.6, -head)}));
    p.setBrush(Qt::NoBrush);
    // The label above its own line, between its start and the next longer jump's drop (the
    // longest has the card's width); "(dim d)" only where it fits.
    const double right = j + 1 < n_jumps ? l.storage_cells[std::size_t(l.jumps[j + 1].to)].translated(at).center().x() - gap - pen_w
                                         : at.x() + l.size.width() - pad;
    QString label = tr("%1 (dim %2)").arg(jump.label).arg(jump.dim);
    if (x0 + gap + lm.horizontalAdvance(label) > right) label = jump.label;
    const QRectF lr(x0 + gap, level - h - pen_w / 2, lm.horizontalAdvance(label) + 2, h);
    p.setFont(label_font);
    p.setPen(c);
    p.drawText(lr, Qt::AlignLeft | Qt::AlignVCenter, label);
    out.jumps << jump.label;
    out.jump_labels.push_back(lr);
    const double w = pen_w / 2;
    out.jump_arcs.push_back({QRectF(QPointF(x0 - w, level - w), QPointF(x0 + w, a.top())), QRectF(QPointF(x0 - w, level - w), QPointF(x1 + w, level + w)),
                             QRectF(QPointF(x1 - head * 0.6, level - w), QPointF(x1 + head * 0.6, b.top()))});
  }
  // The offset sentence of the hovered or pinned cell.
  if (focus.first == int(i)) {
    p.setFont(font());
    p.setPen(fg);
    p.drawText(QRectF(at.x() + pad, at.y() + l.formula_y, room, l.formula_h), Qt::TextWordWrap, offsetFormula());
  } else if (i == 0 && !l.summary) {
    p.setFont(smallFont());
    p.setPen(secondary);
    p.drawText(QRectF(at.x() + pad, at.y() + l.formula_y, room, l.formula_h), Qt::TextWordWrap, hintText());
  }
}

QString TensorView::hintText() const { return tr("Point at a cell to see where it lives in storage (click to pin)."); }

QString TensorView::offsetFormula() const {
  const auto focus = pinned_.first >= 0 ? pinned_ : hovered_;
  if (focus.first < 0 || std::size_t(focus.first) >= cards_.size()) return {};
  const gs::Tensor& t = cards_[std::size_t(focus.first)].tensor;
  const gs::Shape idx = TensorGrid::unravel(focus.second, t.shape());
  QStringList index, terms{QString::number(t.storage_offset())};
  std::int64_t off = t.storage_offset();
  for (std::size_t d = 0; d < idx.size(); ++d) {
    index << QString::number(idx[d]);
    terms << QStringLiteral("%1·%2").arg(idx[d]).arg(t.strides()[d]);
    off += idx[d] * t.strides()[d];
  }
  const QString element = cards_[std::size_t(focus.first)].name + (idx.empty() ? QString() : QStringLiteral("[%1]").arg(index.join(", ")));
  return tr("%1 lives at storage offset %2 = %3").arg(element).arg(off).arg(terms.join(QStringLiteral(" + ")));
}

std::pair<int, std::int64_t> TensorView::hitTest(QPointF pos) const {
  for (std::size_t i = 0; i < layouts_.size() && i < positions_.size(); ++i) {
    const CardLayout& l = layouts_[i];
    if (l.summary) continue;
    for (std::size_t k = 0; k < l.grid.cells.size(); ++k)
      if (l.grid.cells[k].translated(positions_[i] + l.grid_at).contains(pos)) return {int(i), std::int64_t(k)};
  }
  return {-1, -1};
}

void TensorView::mouseMoveEvent(QMouseEvent* event) {
  const auto hit = hitTest(event->position());
  if (hit != hovered_) {
    hovered_ = hit;
    setToolTip(hit.first >= 0 ? offsetFormula() : QString());
    update();
  }
}

void TensorView::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  const auto hit = hitTest(event->position());
  pinned_ = hit == pinned_ ? std::pair<int, std::int64_t>{-1, -1} : hit;
  update();
}

void TensorView::leaveEvent(QEvent* event) {
  hovered_ = {-1, -1};
  update();
  QWidget::leaveEvent(event);
}

void TensorView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  layoutAll();
}

void TensorView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) relayout();
  QWidget::changeEvent(event);
}

int TensorView::cardIndex(const QString& name) const {
  for (std::size_t i = 0; i < cards_.size(); ++i)
    if (cards_[i].name == name) return int(i);
  return -1;
}

namespace {
std::int64_t flatIndex(const gs::Shape& index, const gs::Shape& shape) {
  if (index.size() != shape.size()) return -1;
  std::int64_t f = 0;
  for (std::size_t d = 0; d < shape.size(); ++d) {
    if (index[d] < 0 || index[d] >= shape[d]) return -1;
    f = f * shape[d] + index[d];
  }
  return f;
}
}  // namespace

std::optional<std::int64_t> TensorView::drawnOffset(const QString& name, const gs::Shape& index) const {
  const int c = cardIndex(name);
  if (c < 0 || std::size_t(c) >= painted_.size()) return std::nullopt;
  const std::int64_t f = flatIndex(index, cards_[std::size_t(c)].tensor.shape());
  const auto& offsets = painted_[std::size_t(c)].offsets;
  if (f < 0 || std::size_t(f) >= offsets.size()) return std::nullopt;
  return offsets[std::size_t(f)];
}

QRectF TensorView::drawnCellRect(const QString& name, const gs::Shape& index) const {
  const int c = cardIndex(name);
  if (c < 0 || std::size_t(c) >= painted_.size()) return {};
  const std::int64_t f = flatIndex(index, cards_[std::size_t(c)].tensor.shape());
  const auto& cells = painted_[std::size_t(c)].cells;
  return f < 0 || std::size_t(f) >= cells.size() ? QRectF() : cells[std::size_t(f)];
}

QString TensorView::drawnCellText(const QString& name, const gs::Shape& index) const {
  const int c = cardIndex(name);
  if (c < 0 || std::size_t(c) >= painted_.size()) return {};
  const std::int64_t f = flatIndex(index, cards_[std::size_t(c)].tensor.shape());
  return f < 0 ? QString() : painted_[std::size_t(c)].cell_texts.value(int(f));
}

QRectF TensorView::drawnStorageRect(const QString& name, std::int64_t offset) const {
  const int c = cardIndex(name);
  if (c < 0 || std::size_t(c) >= painted_.size()) return {};
  const auto& s = painted_[std::size_t(c)].storage;
  auto it = s.find(offset);
  return it == s.end() ? QRectF() : it->second.first;
}

QString TensorView::drawnStorageText(const QString& name, std::int64_t offset) const {
  const int c = cardIndex(name);
  if (c < 0 || std::size_t(c) >= painted_.size()) return {};
  const auto& s = painted_[std::size_t(c)].storage;
  auto it = s.find(offset);
  return it == s.end() ? QString() : it->second.second;
}

QString TensorView::drawnStorageLabel(const QString& name, std::int64_t offset) const {
  const int c = cardIndex(name);
  if (c < 0 || std::size_t(c) >= painted_.size()) return {};
  const auto& s = painted_[std::size_t(c)].storage_labels;
  auto it = s.find(offset);
  return it == s.end() ? QString() : it->second;
}

QStringList TensorView::drawnJumps(const QString& name) const {
  const int c = cardIndex(name);
  return c < 0 || std::size_t(c) >= painted_.size() ? QStringList() : painted_[std::size_t(c)].jumps;
}

std::vector<QRectF> TensorView::drawnJumpLabelRects(const QString& name) const {
  const int c = cardIndex(name);
  return c < 0 || std::size_t(c) >= painted_.size() ? std::vector<QRectF>() : painted_[std::size_t(c)].jump_labels;
}

std::vector<std::vector<QRectF>> TensorView::drawnJumpArcRects(const QString& name) const {
  const int c = cardIndex(name);
  return c < 0 || std::size_t(c) >= painted_.size() ? std::vector<std::vector<QRectF>>() : painted_[std::size_t(c)].jump_arcs;
}

std::vector<std::int64_t> TensorView::drawnChangedCells(const QString& name) const {
  const int c = cardIndex(name);
  return c < 0 || std::size_t(c) >= painted_.size() ? std::vector<std::int64_t>() : painted_[std::size_t(c)].changed;
}

bool TensorView::summarised(const QString& name) const {
  const int c = cardIndex(name);
  return c >= 0 && std::size_t(c) < layouts_.size() && layouts_[std::size_t(c)].summary;
}

}  // namespace gsui
