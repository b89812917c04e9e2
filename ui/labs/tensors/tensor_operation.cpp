#include "labs/tensors/tensor_operation.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <map>

#include "app/appearance.h"

namespace gsui {
namespace {

using Kind = gs::eval::Event::Kind;

int priority(Kind k) {
  switch (k) {
    case Kind::Matmul: return 6;
    case Kind::Cat:
    case Kind::Stack: return 5;
    case Kind::Broadcast: return 4;
    case Kind::InPlace: return 3;
    case Kind::Copy: return 2;
    case Kind::View: return 1;
  }
  return 0;
}

QColor tint(QColor c) {
  c.setAlpha(80);
  return c;
}

/// "(2, 3)" as runs, the dims in `marked` coloured.
std::vector<ShapeRun> shapeRuns(const gs::Shape& shape, const std::map<std::size_t, QColor>& marked) {
  std::vector<ShapeRun> runs{{QStringLiteral("("), {}}};
  for (std::size_t d = 0; d < shape.size(); ++d) {
    if (d > 0) runs.push_back({QStringLiteral(", "), {}});
    auto it = marked.find(d);
    runs.push_back({QString::number(shape[d]), it == marked.end() ? QColor() : it->second});
  }
  runs.push_back({shape.size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"), {}});
  return runs;
}

void append(std::vector<ShapeRun>& to, const std::vector<ShapeRun>& runs) { to.insert(to.end(), runs.begin(), runs.end()); }

/// An operand or result drawn as itself, every cell filled with `fill`.
OperationPart plainPart(const QString& label, const gs::Tensor& t, QColor fill) {
  OperationPart part{.label = QStringLiteral("%1 %2").arg(label, TensorGrid::tuple(t.shape())), .shape = t.shape(), .cells = {}, .legend = {}};
  if (!TensorGrid::drawable(t.shape())) return part;
  for (double v : t.to_vector<double>()) part.cells.push_back({.text = TensorGrid::number(v, t.dtype()), .fill = fill, .ghost = false, .outline = {}});
  part.legend = TensorGrid::legend(t.shape(), {});
  return part;
}

}  // namespace

OperationPicture TensorOperation::build(const std::vector<gs::eval::Event>& events, const Namer& name_of) {
  OperationPicture pic;
  const gs::eval::Event* best = nullptr;
  for (const auto& e : events)
    if (!best || priority(e.kind) > priority(best->kind)) best = &e;
  if (!best) return pic;
  const gs::eval::Event& e = *best;
  const Appearance& look = Appearance::instance();
  const QColor good = look.seriesColor(2), bad = look.errorColor();
  pic.present = true;
  pic.kind = e.kind;
  const bool has_result = e.result.defined();
  // The program's name for each operand; a temporary is "left" / "right" (a Python number, which
  // arrives as a 0-d tensor, is written as itself), never a name the program uses for another tensor.
  auto operandName = [&](std::size_t k) {
    const QString name = name_of ? name_of(e.operands[k]) : QString();
    if (!name.isEmpty()) return name;
    const gs::Tensor& t = e.operands[k];
    if (t.dim() == 0 && t.numel() == 1) return tr("the number %1").arg(TensorGrid::number(t.to_vector<double>().front(), t.dtype()));
    if (e.operands.size() == 2) return k == 0 ? tr("left") : tr("right");
    return tr("operand %1").arg(k + 1);
  };
  const QString result_name = has_result && name_of && !name_of(e.result).isEmpty() ? name_of(e.result) : tr("result");
  switch (e.kind) {
    case Kind::View:
      pic.title = tr("A view (%1)").arg(QString::fromStdString(e.op));
      pic.explanation = tr("The result shares memory with its operand: no element was copied, only shape, stride and offset are new.");
      return pic;
    case Kind::Copy:
      pic.title = tr("A copy (%1)").arg(QString::fromStdString(e.op));
      pic.explanation = tr("The result has new memory of its own: the elements were copied into a fresh, contiguous storage.");
      return pic;
    case Kind::InPlace:
      pic.title = tr("In place (%1)").arg(QString::fromStdString(e.op));
      pic.explanation = tr("The memory itself changed: every tensor viewing these cells sees the new values (outlined).");
      return pic;
    case Kind::Broadcast: {
      pic.title = tr("Broadcasting (%1)").arg(QString::fromStdString(e.op));
      gs::Shape out;
      bool ok = has_result;
      if (has_result) {
        out = e.result.shape();
      } else if (e.operands.size() == 2) {
        try {
          out = gs::broadcast_shapes(e.operands[0].shape(), e.operands[1].shape());
          ok = true;
        } catch (const std::exception&) {
          ok = false;
        }
      }
      for (std::size_t k = 0; k < e.operands.size(); ++k) {
        if (k > 0) pic.shapes.push_back({QStringLiteral("  %1  ").arg(QString::fromStdString(e.op)), {}});
        append(pic.shapes, shapeRuns(e.operands[k].shape(), {}));
      }
      pic.shapes.push_back({QStringLiteral("  →  "), {}});
      pic.shapes.push_back(ok ? ShapeRun{TensorGrid::tuple(out), good} : ShapeRun{tr("cannot broadcast"), bad});
      pic.dims_agree = ok;
      pic.explanation = tr("Shapes are lined up from the right; a dim of size 1, or a missing one, is stretched to match. "
                           "Faded, dashed cells are repeated copies, not memory.");
      for (std::size_t k = 0; k < e.operands.size(); ++k) {
        const gs::Tensor& t = e.operands[k];
        const QColor fill = tint(look.seriesColor(int(k)));
        if (!ok || !TensorGrid::drawable(out)) {
          pic.parts.push_back(plainPart(operandName(k), t, fill));
          continue;
        }
        OperationPart part{.label = QStringLiteral("%1 %2 → %3").arg(operandName(k), TensorGrid::tuple(t.shape()), TensorGrid::tuple(out)),
                           .shape = out, .cells = {}, .legend = TensorGrid::legend(out, {})};
        const std::vector<double> values = t.to_vector<double>();
        const gs::Shape& s = t.shape();
        const std::size_t lead = out.size() - s.size();
        for (std::int64_t f = 0; f < gs::numel_of(out); ++f) {
          const gs::Shape idx = TensorGrid::unravel(f, out);
          bool ghost = false;
          for (std::size_t j = 0; j < lead; ++j) ghost |= idx[j] != 0;
          std::int64_t src = 0;
          for (std::size_t k2 = 0; k2 < s.size(); ++k2) {
            const std::int64_t i = s[k2] == 1 ? 0 : idx[lead + k2];
            ghost |= s[k2] == 1 && idx[lead + k2] != 0;
            src = src * s[k2] + i;
          }
          pic.ghost_cells += ghost;
          part.cells.push_back({.text = TensorGrid::number(values[std::size_t(src)], t.dtype()), .fill = fill, .ghost = ghost, .outline = {}});
        }
        pic.parts.push_back(std::move(part));
      }
      if (std::any_of(e.operands.begin(), e.operands.end(), [](const gs::Tensor& t) { return t.dim() == 0; }))
        pic.explanation += ' ' + tr("A single number is a tensor of shape (): its one cell is stretched over the whole shape.");
      if (has_result) {
        pic.parts.push_back(plainPart(result_name, e.result, QColor()));
        std::int64_t biggest = 0;
        for (const auto& t : e.operands) biggest = std::max(biggest, t.numel());
        if (e.result.numel() > biggest)
          pic.explanation += ' ' + tr("Careful: the result has more elements (%1) than either operand.").arg(e.result.numel());
      }
      for (std::size_t k = 1; k < pic.parts.size(); ++k)
        pic.symbols << (k + 1 == pic.parts.size() && has_result ? QStringLiteral("=") : QString::fromStdString(e.op));
      return pic;
    }
    case Kind::Cat:
    case Kind::Stack: {
      const bool stack = e.kind == Kind::Stack;
      pic.title = stack ? tr("torch.stack along dim %1: a new dimension").arg(e.dim) : tr("torch.cat along dim %1: an existing dimension grows").arg(e.dim);
      pic.explanation = stack ? tr("stack puts the tensors side by side along a NEW dim (all shapes must be equal); the result has one more dim.")
                              : tr("cat joins the tensors along an existing dim (the other sizes must agree); the number of dims stays.");
      if (stack) pic.new_dim = e.dim;
      for (std::size_t k = 0; k < e.operands.size(); ++k) {
        if (k > 0) pic.shapes.push_back({QStringLiteral(", "), {}});
        append(pic.shapes, shapeRuns(e.operands[k].shape(), stack ? std::map<std::size_t, QColor>{} : std::map<std::size_t, QColor>{{std::size_t(e.dim), look.seriesColor(int(k))}}));
        pic.parts.push_back(plainPart(operandName(k), e.operands[k], tint(look.seriesColor(int(k)))));
      }
      pic.shapes.push_back({QStringLiteral("  →  "), {}});
      if (!has_result) {
        pic.shapes.push_back({tr("error"), bad});
        return pic;
      }
      append(pic.shapes, shapeRuns(e.result.shape(), {{std::size_t(e.dim), good}}));
      OperationPart result = plainPart(result_name, e.result, QColor());
      std::vector<std::int64_t> ends;
      std::int64_t end = 0;
      for (const auto& t : e.operands) ends.push_back(end += t.dim() > e.dim ? t.size(e.dim) : 0);
      for (std::int64_t f = 0; f < e.result.numel(); ++f) {
        const std::int64_t along = TensorGrid::unravel(f, e.result.shape())[std::size_t(e.dim)];
        const int source = stack ? int(along) : int(std::upper_bound(ends.begin(), ends.end(), along) - ends.begin());
        pic.result_sources.push_back(source);
        if (std::size_t(f) < result.cells.size()) result.cells[std::size_t(f)].fill = tint(look.seriesColor(source));
      }
      if (!result.cells.empty()) {
        QStringList notes;
        for (std::int64_t d = 0; d < e.result.dim(); ++d) notes << (d == e.dim ? (stack ? tr("new dimension") : tr("joined here")) : QString());
        result.legend = TensorGrid::legend(e.result.shape(), {}, notes);
      }
      pic.parts.push_back(std::move(result));
      for (std::size_t k = 1; k < pic.parts.size(); ++k) pic.symbols << (k + 1 == pic.parts.size() ? QStringLiteral("→") : QStringLiteral(","));
      return pic;
    }
    case Kind::Matmul: {
      pic.title = tr("Matrix product (%1)").arg(QString::fromStdString(e.op));
      if (e.operands.size() != 2) return pic;
      const gs::Shape &a = e.operands[0].shape(), &b = e.operands[1].shape();
      const std::size_t a_inner = a.empty() ? 0 : a.size() - 1, b_inner = b.size() >= 2 ? b.size() - 2 : 0;
      pic.dims_agree = !a.empty() && !b.empty() && a[a_inner] == b[b_inner];
      const QColor inner = pic.dims_agree ? good : bad;
      std::map<std::size_t, QColor> mark_a{{a_inner, inner}}, mark_b{{b_inner, inner}};
      if (a.size() == 3 && b.size() == 3) {  // bmm: the batch sizes must agree too
        const QColor batch = a[0] == b[0] ? look.seriesColor(0) : bad;
        pic.dims_agree = pic.dims_agree && a[0] == b[0];
        mark_a[0] = batch;
        mark_b[0] = batch;
      }
      append(pic.shapes, shapeRuns(a, mark_a));
      pic.shapes.push_back({QStringLiteral("  @  "), {}});
      append(pic.shapes, shapeRuns(b, mark_b));
      pic.shapes.push_back({QStringLiteral("  →  "), {}});
      if (has_result) append(pic.shapes, shapeRuns(e.result.shape(), {}));
      else pic.shapes.push_back({tr("error"), bad});
      const QString left = operandName(0), right = operandName(1);
      pic.explanation = pic.dims_agree ? tr("The inner dims agree (green): each result cell is a row of %1 times a column of %2, summed.").arg(left, right)
                                       : tr("The inner dims (red) must be equal: the last dim of %1 against the rows of %2. Transpose or reshape one operand.")
                                             .arg(left, right);
      pic.parts.push_back(plainPart(left, e.operands[0], tint(look.seriesColor(0))));
      pic.parts.push_back(plainPart(right, e.operands[1], tint(look.seriesColor(1))));
      pic.symbols << QStringLiteral("@");
      if (has_result) {
        pic.parts.push_back(plainPart(result_name, e.result, QColor()));
        pic.symbols << QStringLiteral("=");
      }
      return pic;
    }
  }
  return pic;
}

QSizeF TensorOperation::paint(QPainter* p, QPointF at, const OperationPicture& pic, double max_width, const QFont& font,
                              const QFont& small_font) {
  if (!pic.present) return {};
  const Appearance& look = Appearance::instance();
  const QFontMetricsF fm(font), sm(small_font);
  QFont bold = font;
  bold.setBold(true);
  double y = 0, width = 0;
  auto text = [&](const QFont& f, const QString& s, QColor colour, double x) {
    const QFontMetricsF m(f);
    const QRectF r = m.boundingRect(QRectF(0, 0, std::max(50.0, max_width - x), 1e6), Qt::TextWordWrap, s);
    if (p) {
      p->setFont(f);
      p->setPen(colour);
      p->drawText(QRectF(at.x() + x, at.y() + y, r.width() + 1, r.height()), Qt::TextWordWrap, s);
    }
    width = std::max(width, x + r.width());
    return r;
  };
  y += text(bold, pic.title, look.plotForeground(), 0).height();
  if (!pic.shapes.empty()) {  // the shape line, its runs one after another
    double x = 0;
    for (const ShapeRun& run : pic.shapes) {
      QFont f = run.colour.isValid() ? bold : font;
      if (p) {
        p->setFont(f);
        p->setPen(run.colour.isValid() ? run.colour : look.plotForeground());
        p->drawText(QPointF(at.x() + x, at.y() + y + fm.ascent()), run.text);
      }
      x += QFontMetricsF(f).horizontalAdvance(run.text);
    }
    width = std::max(width, x);
    y += fm.height();
  }
  if (!pic.explanation.isEmpty()) y += text(small_font, pic.explanation, look.plotForeground(), 0).height();
  if (pic.parts.empty()) return {width, y};
  y += sm.height() * 0.5;
  // One cell size for every part, so that shapes compare by eye.
  double widest = fm.horizontalAdvance(QStringLiteral("00"));
  for (const auto& part : pic.parts)
    for (const auto& c : part.cells) widest = std::max(widest, fm.horizontalAdvance(c.text));
  const QSizeF cell(std::ceil(widest + fm.height() * 0.6), std::ceil(fm.height() * 1.4));
  double x = 0, row_h = 0;
  const double sym_w = fm.horizontalAdvance(QStringLiteral(" = ")) + fm.height();
  for (std::size_t k = 0; k < pic.parts.size(); ++k) {
    const OperationPart& part = pic.parts[k];
    GridGeometry g;
    if (!part.cells.empty()) g = TensorGrid::layout(part.shape, cell, sm);
    double w = std::max(sm.horizontalAdvance(part.label), g.size.width());
    for (const QString& l : part.legend) w = std::max(w, sm.horizontalAdvance(l));
    const double h = sm.height() * (1 + part.legend.size()) + (part.cells.empty() ? sm.height() : g.size.height() + 4);
    // A part travels with the symbol before it ("@ B", "= C"): a line never ends in an operator.
    const bool has_symbol = k > 0 && k - 1 < std::size_t(pic.symbols.size());
    if (x > 0 && x + (has_symbol ? sym_w : 0) + w > max_width) {
      x = 0;
      y += row_h + sm.height();
      row_h = 0;
    }
    if (has_symbol) {
      if (p) {
        p->setFont(bold);
        p->setPen(look.plotForeground());
        p->drawText(QRectF(at.x() + x, at.y() + y + sm.height(), sym_w, std::max(fm.height(), g.size.height())), Qt::AlignCenter,
                    pic.symbols[int(k - 1)]);
      }
      x += sym_w;
    }
    if (p) {
      const QPointF origin = at + QPointF(x, y);
      p->setFont(small_font);
      p->setPen(look.plotForeground());
      p->drawText(QPointF(origin.x(), origin.y() + sm.ascent()), part.label);
      if (!part.cells.empty()) {
        TensorGrid::paint(*p, origin + QPointF(0, sm.height()), g, [&part](std::int64_t i) { return part.cells[std::size_t(i)]; }, font, small_font);
      } else {
        p->setFont(small_font);
        p->drawText(QPointF(origin.x(), origin.y() + sm.height() + sm.ascent()), tr("(too big to draw)"));
      }
      p->setPen(look.plotForeground());
      p->setFont(small_font);
      double ly = origin.y() + sm.height() + (part.cells.empty() ? sm.height() : g.size.height() + 4);
      for (const QString& l : part.legend) {
        p->drawText(QPointF(origin.x(), ly + sm.ascent()), l);
        ly += sm.height();
      }
    }
    x += w;
    row_h = std::max(row_h, h);
    width = std::max(width, x);
  }
  return {width, y + row_h};
}

}  // namespace gsui
