#include "labs/autograd/graph_view.h"

#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QTextLayout>
#include <cmath>

#include "app/appearance.h"

namespace gsui {

QString compactTensor(const gs::Tensor& t) {
  if (!t.defined()) return QStringLiteral("—");
  auto num = [](double v) {
    if (std::isnan(v)) return QStringLiteral("nan");
    if (std::abs(v) >= 1e4 || (std::abs(v) < 1e-3 && v != 0)) return QString::number(v, 'e', 2);
    return QString::number(v, 'g', 4);
  };
  if (t.numel() == 1) return num(t.item());
  if (t.dim() == 1 && t.numel() <= 4) {
    QStringList parts;
    for (double v : t.to_vector<double>()) parts << num(v);
    return "[" + parts.join(", ") + "]";
  }
  QStringList dims;
  for (auto s : t.shape()) dims << QString::number(s);
  return "[" + dims.join("×") + "]";
}

GraphView::GraphView(QWidget* parent) : QGraphicsView(parent) {
  setScene(new QGraphicsScene(this));
  setRenderHint(QPainter::Antialiasing);
  setRenderHint(QPainter::TextAntialiasing);
  setMinimumSize(300, 200);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // fitScene() always fits the width
}

void GraphView::setState(const GraphState& state) {
  state_ = state;
  message_.clear();
  redraw();
}

void GraphView::setMessage(const QString& text) {
  message_ = text;
  state_ = GraphState();
  redraw();
}

QStringList GraphView::nodeTitles() const {
  QStringList out;
  for (const auto& n : state_.nodes) out << QString::fromStdString(n->name());
  return out;
}

void GraphView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  redraw();  // (the direction may change with the view's shape)
}

struct GraphView::Look {
  QFont font, bold;
  QColor fg;
  double box_w, box_h, col_gap, row_gap, title_h;
  bool split_names = false;  ///< titles may break inside a name (before a capital)
  bool downward = false;  ///< leaves on top and the output below (a narrow view), else left to right
  double level_gap = 0;   ///< between levels when downward
};

namespace {

/// What a node's box says: its title, forward value and gradient ("" where there is none yet).
struct NodeTexts {
  QString title, value, grad;
};

NodeTexts nodeTexts(const gs::Node* n, const GraphState& state) {
  NodeTexts out{QString::fromStdString(n->name()), {}, {}};
  QString label;
  if (auto* acc = dynamic_cast<const gs::AccumulateGrad*>(n)) {
    gs::Tensor leaf = acc->variable() ? gs::Tensor(acc->variable()) : gs::Tensor();
    label = leaf.defined() ? QString::fromStdString(leaf.name()) : QString();
    out.value = leaf.defined() ? compactTensor(leaf) : QString();
    out.grad = leaf.defined() && leaf.grad().defined() ? compactTensor(leaf.grad()) : QString();
    out.title = label.isEmpty() ? out.title : QStringLiteral("%1  (AccumulateGrad)").arg(label);
  } else {
    if (state.labels.count(n)) label = state.labels.at(n);
    if (state.values.count(n)) out.value = compactTensor(state.values.at(n));
    if (state.grads.count(n)) out.grad = compactTensor(state.grads.at(n));
    if (!label.isEmpty()) out.title = label + " = " + out.title;
  }
  return out;
}

/// A node's title as drawn: where names may break, a break is allowed before each capital that
/// follows a small letter or a digit ("Sigmoid|Backward0", "(Accumulate|Grad)").
QString shownTitle(const QString& title, bool split_names) {
  if (!split_names) return title;
  QString out;
  for (qsizetype i = 0; i < title.size(); ++i) {
    if (i > 0 && title[i].isUpper() && (title[i - 1].isLower() || title[i - 1].isDigit())) out += QChar(0x200B);
    out += title[i];
  }
  return out;
}

QString valueLine(const NodeTexts& t) { return GraphView::tr("value %1").arg(t.value.isEmpty() ? "—" : t.value); }

QString gradLine(const NodeTexts& t, bool leaf) {
  return leaf ? GraphView::tr(".grad %1").arg(t.grad.isEmpty() ? GraphView::tr("None") : t.grad)
              : GraphView::tr("grad %1").arg(t.grad.isEmpty() ? "—" : t.grad);
}

}  // namespace

void GraphView::redraw() {
  const Appearance& a = Appearance::instance();
  scene()->clear();
  setBackgroundBrush(a.plotBackground());
  Look look;
  look.font = this->font();
  look.font.setPointSizeF(a.fontPointSize() * 1.15);
  look.bold = look.font;
  look.bold.setBold(true);
  look.fg = a.plotForeground();
  // Sizes the boxes and gaps for `texts` in `look` (its fonts, and whether names may break), picks
  // the direction, and returns the zoom at which the whole graph fits the view.
  const auto measure = [this](const std::vector<NodeTexts>& texts, Look& trial) {
    const QFontMetricsF fm(trial.font), bm(trial.bold);
    const double em = fm.averageCharWidth();
    double widest = 8 * em;
    for (const NodeTexts& t : texts) {
      // (a title wraps at its spaces: "w" over "(AccumulateGrad)"; the box need only hold its
      // longest word, or the longest part of a name where names may break)
      widest = std::max({widest, fm.horizontalAdvance(valueLine(t)), fm.horizontalAdvance(gradLine(t, false)),
                         fm.horizontalAdvance(gradLine(t, true))});
      for (const QString& word : shownTitle(t.title, trial.split_names).split(QRegularExpression(QStringLiteral("[ \\x{200B}]")), Qt::SkipEmptyParts))
        widest = std::max(widest, bm.horizontalAdvance(word));  // never broken elsewhere
    }
    trial.box_w = std::min(widest, 30 * em) + 16;  // (a text item's margins: 4 px each side, and 4 px of the box's)
    // The title's lines as the text item will wrap them.
    int title_lines = 1;
    for (const NodeTexts& t : texts) {
      QTextLayout layout(shownTitle(t.title, trial.split_names), trial.bold);
      layout.beginLayout();
      int lines = 0;
      for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine(), ++lines) l.setLineWidth(trial.box_w - 16);
      layout.endLayout();
      title_lines = std::max(title_lines, lines);
    }
    trial.title_h = title_lines * bm.lineSpacing();
    trial.box_h = trial.title_h + 2 * fm.lineSpacing() + 18;
    // Room between the columns for the gradient an edge carries back ("∂ 0.1966"), there from
    // the start so that the graph does not move when backward() writes them.
    double edge = fm.horizontalAdvance(QStringLiteral("∂ −0.0000"));
    for (const auto& [key, grad] : state_.edge_grads) edge = std::max(edge, fm.horizontalAdvance("∂ " + compactTensor(grad)));
    trial.col_gap = edge + em;
    trial.row_gap = 0.8 * fm.height();
    trial.level_gap = 2.4 * fm.height();
    if (state_.nodes.empty()) return 1.0;
    // Left to right, or top to bottom when that shows the text larger (a narrow panel at
    // 1024×768): the fit below shrinks the picture to the view's width.
    int levels = 0;
    std::map<int, int> per_level;
    for (const auto& [n, d] : nodeColumns()) {
      levels = std::max(levels, d + 1);
      ++per_level[d];
    }
    int widest_level = 1;
    for (const auto& [d, count] : per_level) widest_level = std::max(widest_level, count);
    const QSizeF room(viewport()->width() - 42, viewport()->height() - 42);
    // (compared as the whole graph in view: a direction that would need scrolling loses)
    auto zoom = [&](double w, double h) { return std::min({room.width() / w, room.height() / h, 1.6}); };
    const double across = zoom(levels * trial.box_w + (levels - 1) * trial.col_gap, widest_level * trial.box_h + (widest_level - 1) * trial.row_gap);
    const double down = zoom(widest_level * trial.box_w + (widest_level - 1) * 2 * em, levels * trial.box_h + (levels - 1) * trial.level_gap);
    trial.downward = down > across * 1.05;
    return std::max(across, down);
  };
  // The boxes sized by what they say, at the font in effect (not by a scale on top of a font
  // already scaled: the boxes grew faster than their text, so the fitted graph's text came out
  // at 60 % of the panel's in presentation mode).
  std::vector<NodeTexts> texts;
  for (const auto& n : state_.nodes) texts.push_back(nodeTexts(n.get(), state_));
  // Whole words first; where that shows the text smaller than it is (four columns in a
  // projector's panel), the titles may also break inside a name, "Sigmoid" over "Backward0",
  // when the narrower boxes let the graph be drawn larger.
  const double whole = measure(texts, look);
  if (whole < 1) {
    Look split = look;
    split.split_names = true;
    if (measure(texts, split) > whole * 1.05) look = split;
  }
  downward_ = look.downward;
  next_rect_ = QRectF();
  if (state_.nodes.empty()) {
    drawMessage(look);
  } else {
    const NodeRects rects = layoutNodes(look);
    drawEdges(rects, look);
    for (const auto& n : state_.nodes) drawNode(n.get(), rects.at(n.get()), look);
  }
  scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20));
  fitScene();
}

void GraphView::drawMessage(const Look& look) {
  auto* t = scene()->addText(message_, look.font);
  t->setDefaultTextColor(look.fg);
  t->setTextWidth(420);
}

std::map<const gs::Node*, int> GraphView::nodeColumns() const {
  std::map<const gs::Node*, int> depth;
  std::set<const gs::Node*> in_graph;
  for (const auto& n : state_.nodes) in_graph.insert(n.get());
  depth[state_.nodes[0].get()] = 0;
  bool changed = true;
  for (int iter = 0; changed && iter < 1000; ++iter) {
    changed = false;
    for (const auto& n : state_.nodes) {
      if (!depth.count(n.get())) continue;
      for (const auto& c : n->next_functions()) {
        if (!c || !in_graph.count(c.get())) continue;
        const int d = depth[n.get()] + 1;
        if (!depth.count(c.get()) || depth[c.get()] < d) {
          depth[c.get()] = d;
          changed = true;
        }
      }
    }
  }
  return depth;
}

GraphView::NodeRects GraphView::layoutNodes(const Look& look) const {
  // Drawn right to left so data flows left → right.
  std::map<const gs::Node*, int> depth = nodeColumns();
  int max_depth = 0;
  for (auto& [n, d] : depth) max_depth = std::max(max_depth, d);
  std::map<int, std::vector<const gs::Node*>> columns;
  for (const auto& n : state_.nodes) columns[depth[n.get()]].push_back(n.get());
  NodeRects rects;
  double max_rows = 0;
  for (auto& [d, nodes] : columns) max_rows = std::max<double>(max_rows, nodes.size());
  const double em = QFontMetricsF(look.font).averageCharWidth();
  for (auto& [d, nodes] : columns) {
    if (look.downward) {
      const double y = (max_depth - d) * (look.box_h + look.level_gap);
      const double offset = (max_rows - nodes.size()) * (look.box_w + 2 * em) / 2;
      for (std::size_t r = 0; r < nodes.size(); ++r) rects[nodes[r]] = QRectF(offset + r * (look.box_w + 2 * em), y, look.box_w, look.box_h);
      continue;
    }
    const double x = (max_depth - d) * (look.box_w + look.col_gap);
    const double offset = (max_rows - nodes.size()) * (look.box_h + look.row_gap) / 2;
    for (std::size_t r = 0; r < nodes.size(); ++r)
      rects[nodes[r]] = QRectF(x, offset + r * (look.box_h + look.row_gap), look.box_w, look.box_h);
  }
  return rects;
}

void GraphView::drawEdges(const NodeRects& rects, const Look& look) {
  // From each input node to its consumer, labelled with the gradient sent back.
  const Appearance& a = Appearance::instance();
  QGraphicsScene* s = scene();
  for (const auto& n : state_.nodes) {
    const auto& next = n->next_functions();
    for (std::size_t i = 0; i < next.size(); ++i) {
      if (!next[i] || !rects.count(next[i].get())) continue;
      const QRectF from = rects.at(next[i].get()), to = rects.at(n.get());
      const QPointF p0 = look.downward ? QPointF(from.center().x(), from.bottom()) : QPointF(from.right(), from.center().y());
      const QPointF p1 = look.downward ? QPointF(to.center().x(), to.top()) : QPointF(to.left(), to.center().y());
      const QPointF bend = look.downward ? QPointF(0, look.level_gap / 2) : QPointF(look.col_gap / 2, 0);
      QPainterPath path(p0);
      path.cubicTo(p0 + bend, p1 - bend, p1);
      const bool has_grad = state_.edge_grads.count({n.get(), static_cast<int>(i)}) > 0;
      QPen pen(has_grad ? a.seriesColor(1) : a.gridColor().darker(150), (has_grad ? 2.5 : 1.5) * a.scale());
      s->addPath(path, pen);
      QPolygonF arrow;
      if (look.downward) arrow << p1 << p1 + QPointF(-5, -10) << p1 + QPointF(5, -10);
      else arrow << p1 << p1 + QPointF(-10, -5) << p1 + QPointF(-10, 5);
      s->addPolygon(arrow, pen, QBrush(pen.color()));
      if (has_grad) {
        auto* t = s->addText("∂ " + compactTensor(state_.edge_grads.at({n.get(), static_cast<int>(i)})), look.font);
        t->setDefaultTextColor(a.seriesColor(1));
        const QPointF mid = path.pointAtPercent(0.5);
        // Beside the edge's middle when the edges run down; across, where the edge leaves its
        // box (still level there): above it, or below it when it climbs. (Above the middle, it
        // sat on the next edge where two converge.)
        const QSizeF size = t->boundingRect().size();
        if (look.downward) t->setPos(mid.x() + 4, mid.y() - size.height() / 2);
        else t->setPos(p0.x() + 2, p1.y() < p0.y() - 1 ? p0.y() - 4 : p0.y() - size.height() + 4);
      }
    }
  }
}

void GraphView::drawNode(const gs::Node* n, const QRectF& r, const Look& look) {
  const Appearance& a = Appearance::instance();
  QGraphicsScene* s = scene();
  const bool leaf = dynamic_cast<const gs::AccumulateGrad*>(n) != nullptr;
  const bool is_next = n == state_.next;
  const bool is_done = state_.done.count(n) > 0;
  QColor fill = leaf ? a.seriesColor(5) : a.gridColor();
  fill.setAlphaF(a.theme() == Theme::Dark ? 0.35 : 0.30);
  QPen border(is_next ? a.seriesColor(4) : is_done ? a.seriesColor(2) : look.fg, (is_next || is_done ? 3.5 : 1.2) * a.scale());
  s->addRect(r, border, fill);
  const NodeTexts text = nodeTexts(n, state_);
  if (is_next) next_rect_ = r;
  // The title (one or two lines), then the value and the gradient a line each. (A text item
  // keeps a 4 px margin around its text.)
  const double line = QFontMetricsF(look.font).lineSpacing();
  auto* t1 = s->addText(shownTitle(text.title, look.split_names), look.bold);
  t1->setDefaultTextColor(look.fg);
  t1->setTextWidth(look.box_w - 8);
  t1->setPos(r.left() + 4, r.top() + 1);
  auto* t2 = s->addText(valueLine(text), look.font);
  t2->setDefaultTextColor(look.fg);
  t2->setPos(r.left() + 4, r.top() + 5 + look.title_h);
  auto* t3 = s->addText(gradLine(text, leaf), look.font);
  t3->setDefaultTextColor(text.grad.isEmpty() ? look.fg : a.seriesColor(1));
  t3->setPos(r.left() + 4, r.top() + 5 + look.title_h + line);
}

void GraphView::fitScene() {
  // Fit the whole graph across (never a horizontal scroll bar: the columns read left to right),
  // and in height too unless that would shrink the text below 70 % (then scroll down instead);
  // never blow it up past 160 %.
  const QRectF r = scene()->sceneRect();
  if (r.isEmpty()) return;
  const double across = (viewport()->width() - 2) / r.width();
  const double down = std::max(viewport()->height() / r.height(), 0.7);
  const double k = std::min({across, down, 1.6});
  resetTransform();
  scale(k, k);
  // A graph taller than the view (top to bottom, a small window) shows the node backward() does
  // next, else its top: the leaves, not the middle with both ends cut.
  if (r.height() * k > viewport()->height() + 1)
    centerOn(next_rect_.isValid() ? next_rect_.center() : QPointF(r.center().x(), r.top() + viewport()->height() / (2 * k)));
  else
    centerOn(r.center());
}

}  // namespace gsui
