#include "labs/autograd/graph_view.h"

#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QResizeEvent>
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
  fitScene();
}

struct GraphView::Look {
  QFont font, bold;
  QColor fg;
  double box_w, box_h, col_gap, row_gap;
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
  const double k = a.scale();
  look.box_w = 200 * k;
  look.box_h = 96 * k;
  look.col_gap = 70 * k;
  look.row_gap = 28 * k;
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
  for (auto& [d, nodes] : columns) {
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
      const QPointF p0(from.right(), from.center().y()), p1(to.left(), to.center().y());
      QPainterPath path(p0);
      path.cubicTo(p0 + QPointF(look.col_gap / 2, 0), p1 - QPointF(look.col_gap / 2, 0), p1);
      const bool has_grad = state_.edge_grads.count({n.get(), static_cast<int>(i)}) > 0;
      QPen pen(has_grad ? a.seriesColor(1) : a.gridColor().darker(150), (has_grad ? 2.5 : 1.5) * a.scale());
      s->addPath(path, pen);
      QPolygonF arrow;
      arrow << p1 << p1 + QPointF(-10, -5) << p1 + QPointF(-10, 5);
      s->addPolygon(arrow, pen, QBrush(pen.color()));
      if (has_grad) {
        auto* t = s->addText("∂ " + compactTensor(state_.edge_grads.at({n.get(), static_cast<int>(i)})), look.font);
        t->setDefaultTextColor(a.seriesColor(1));
        const QPointF mid = path.pointAtPercent(0.5);
        t->setPos(mid.x() - t->boundingRect().width() / 2, mid.y() - t->boundingRect().height());
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
  const double k = a.scale();
  auto* t1 = s->addText(text.title, look.bold);
  t1->setDefaultTextColor(look.fg);
  t1->setTextWidth(look.box_w - 8);
  t1->setPos(r.left() + 4, r.top() + 2);
  auto* t2 = s->addText(tr("value %1").arg(text.value.isEmpty() ? "—" : text.value), look.font);
  t2->setDefaultTextColor(look.fg);
  t2->setPos(r.left() + 4, r.top() + look.box_h / 2 - 6 * k);
  auto* t3 = s->addText(leaf ? tr(".grad %1").arg(text.grad.isEmpty() ? tr("None") : text.grad) : tr("grad %1").arg(text.grad.isEmpty() ? "—" : text.grad),
                        look.font);
  t3->setDefaultTextColor(text.grad.isEmpty() ? look.fg : a.seriesColor(1));
  t3->setPos(r.left() + 4, r.top() + look.box_h / 2 + 16 * k);
}

void GraphView::fitScene() {
  // Fit the whole graph across (never a horizontal scroll bar: the columns read left to right),
  // and in height too unless that would shrink the text below 70 % (then scroll down instead);
  // never blow it up past 160 %.
  const QRectF r = scene()->sceneRect();
  if (r.isEmpty()) return;
  const double floor = 0.9 / Appearance::instance().scale();  // text never smaller than normal size
  const double across = (viewport()->width() - 2) / r.width();
  const double down = std::max(viewport()->height() / r.height(), std::min(floor, 0.7));
  const double k = std::min({across, down, 1.6});
  resetTransform();
  scale(k, k);
  centerOn(r.center());
}

}  // namespace gsui
