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

void GraphView::redraw() {
  const Appearance& a = Appearance::instance();
  QGraphicsScene* s = scene();
  s->clear();
  setBackgroundBrush(a.plotBackground());
  QFont font = this->font();
  font.setPointSizeF(a.fontPointSize() * 1.15);
  QFont bold = font;
  bold.setBold(true);
  const QColor fg = a.plotForeground();

  if (state_.nodes.empty()) {
    auto* t = s->addText(message_, font);
    t->setDefaultTextColor(fg);
    t->setTextWidth(420);
    s->setSceneRect(s->itemsBoundingRect().adjusted(-20, -20, 20, 20));
    fitScene();
    return;
  }

  // Column = longest distance from the root; drawn right to left so data flows left → right.
  std::map<const gs::Node*, int> depth;
  std::map<const gs::Node*, int> index;
  for (std::size_t i = 0; i < state_.nodes.size(); ++i) index[state_.nodes[i].get()] = static_cast<int>(i);
  depth[state_.nodes[0].get()] = 0;
  bool changed = true;
  for (int iter = 0; changed && iter < 1000; ++iter) {
    changed = false;
    for (const auto& n : state_.nodes) {
      if (!depth.count(n.get())) continue;
      for (const auto& c : n->next_functions()) {
        if (!c || !index.count(c.get())) continue;
        const int d = depth[n.get()] + 1;
        if (!depth.count(c.get()) || depth[c.get()] < d) {
          depth[c.get()] = d;
          changed = true;
        }
      }
    }
  }
  int max_depth = 0;
  for (auto& [n, d] : depth) max_depth = std::max(max_depth, d);
  std::map<int, std::vector<const gs::Node*>> columns;
  for (const auto& n : state_.nodes) columns[depth[n.get()]].push_back(n.get());

  const double k = a.scale();
  const double box_w = 200 * k, box_h = 96 * k, col_gap = 70 * k, row_gap = 28 * k;
  std::map<const gs::Node*, QRectF> rects;
  double max_rows = 0;
  for (auto& [d, nodes] : columns) max_rows = std::max<double>(max_rows, nodes.size());
  for (auto& [d, nodes] : columns) {
    const double x = (max_depth - d) * (box_w + col_gap);
    const double offset = (max_rows - nodes.size()) * (box_h + row_gap) / 2;
    for (std::size_t r = 0; r < nodes.size(); ++r)
      rects[nodes[r]] = QRectF(x, offset + r * (box_h + row_gap), box_w, box_h);
  }

  // Edges: from each input node to its consumer, labelled with the gradient sent back.
  for (const auto& n : state_.nodes) {
    const auto& next = n->next_functions();
    for (std::size_t i = 0; i < next.size(); ++i) {
      if (!next[i] || !rects.count(next[i].get())) continue;
      const QRectF from = rects[next[i].get()], to = rects[n.get()];
      const QPointF p0(from.right(), from.center().y()), p1(to.left(), to.center().y());
      QPainterPath path(p0);
      path.cubicTo(p0 + QPointF(col_gap / 2, 0), p1 - QPointF(col_gap / 2, 0), p1);
      const bool has_grad = state_.edge_grads.count({n.get(), static_cast<int>(i)}) > 0;
      QPen pen(has_grad ? a.seriesColor(1) : a.gridColor().darker(150), (has_grad ? 2.5 : 1.5) * a.scale());
      s->addPath(path, pen);
      QPolygonF arrow;
      arrow << p1 << p1 + QPointF(-10, -5) << p1 + QPointF(-10, 5);
      s->addPolygon(arrow, pen, QBrush(pen.color()));
      if (has_grad) {
        auto* t = s->addText("∂ " + compactTensor(state_.edge_grads.at({n.get(), static_cast<int>(i)})), font);
        t->setDefaultTextColor(a.seriesColor(1));
        const QPointF mid = path.pointAtPercent(0.5);
        t->setPos(mid.x() - t->boundingRect().width() / 2, mid.y() - t->boundingRect().height());
      }
    }
  }

  // Nodes.
  for (const auto& n : state_.nodes) {
    const QRectF r = rects[n.get()];
    auto* acc = dynamic_cast<const gs::AccumulateGrad*>(n.get());
    const bool is_next = n.get() == state_.next;
    const bool is_done = state_.done.count(n.get()) > 0;
    QColor fill = acc ? a.seriesColor(5) : a.gridColor();
    fill.setAlphaF(a.theme() == Theme::Dark ? 0.35 : 0.30);
    QPen border(is_next ? a.seriesColor(4) : is_done ? a.seriesColor(2) : fg, (is_next || is_done ? 3.5 : 1.2) * a.scale());
    s->addRect(r, border, fill);
    QString title = QString::fromStdString(n->name());
    QString label, value, grad;
    if (acc) {
      gs::Tensor leaf = acc->variable() ? gs::Tensor(acc->variable()) : gs::Tensor();
      label = leaf.defined() ? QString::fromStdString(leaf.name()) : QString();
      value = leaf.defined() ? compactTensor(leaf) : QString();
      grad = leaf.defined() && leaf.grad().defined() ? compactTensor(leaf.grad()) : QString();
      title = label.isEmpty() ? title : QStringLiteral("%1  (AccumulateGrad)").arg(label);
    } else {
      if (state_.labels.count(n.get())) label = state_.labels.at(n.get());
      if (state_.values.count(n.get())) value = compactTensor(state_.values.at(n.get()));
      if (state_.grads.count(n.get())) grad = compactTensor(state_.grads.at(n.get()));
      if (!label.isEmpty()) title = label + " = " + title;
    }
    auto* t1 = s->addText(title, bold);
    t1->setDefaultTextColor(fg);
    t1->setTextWidth(box_w - 8);
    t1->setPos(r.left() + 4, r.top() + 2);
    auto* t2 = s->addText(tr("value %1").arg(value.isEmpty() ? "—" : value), font);
    t2->setDefaultTextColor(fg);
    t2->setPos(r.left() + 4, r.top() + box_h / 2 - 6 * k);
    auto* t3 = s->addText(acc ? tr(".grad %1").arg(grad.isEmpty() ? "None" : grad) : tr("grad %1").arg(grad.isEmpty() ? "—" : grad), font);
    t3->setDefaultTextColor(grad.isEmpty() ? fg : a.seriesColor(1));
    t3->setPos(r.left() + 4, r.top() + box_h / 2 + 16 * k);
  }
  s->setSceneRect(s->itemsBoundingRect().adjusted(-20, -20, 20, 20));
  fitScene();
}

void GraphView::fitScene() {
  // Fit the whole graph, but never shrink text below 70 % (scroll instead) nor blow it up past 160 %.
  const QRectF r = scene()->sceneRect();
  if (r.isEmpty()) return;
  const double floor = 0.9 / Appearance::instance().scale();  // text never smaller than normal size
  const double k = std::clamp(std::min(viewport()->width() / r.width(), viewport()->height() / r.height()), std::min(floor, 0.7), 1.6);
  resetTransform();
  scale(k, k);
  centerOn(r.center());
}

}  // namespace gsui
