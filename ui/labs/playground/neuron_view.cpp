#include "labs/playground/neuron_view.h"

#include <QGraphicsLineItem>
#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QGraphicsTextItem>
#include <QImage>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>

#include "app/appearance.h"

namespace gsui {

NeuronView::NeuronView(QWidget* parent) : QGraphicsView(parent) {
  setScene(new QGraphicsScene(this));
  setRenderHint(QPainter::Antialiasing);
  setObjectName("neuronView");
}

void NeuronView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

QPointF NeuronView::buttonCentre(int layer, int delta) const { return buttons_.value({layer, delta}, QPointF(-1e6, -1e6)); }

void NeuronView::mousePressEvent(QMouseEvent* event) {
  for (QGraphicsItem* item : items(event->position().toPoint()))
    if (item->data(1).isValid()) {
      const int layer = item->data(0).toInt(), delta = item->data(1).toInt();
      if (layer < 0) emit layersChangeRequested(delta);
      else emit neuronsChangeRequested(layer, delta);
      return;
    }
  QGraphicsView::mousePressEvent(event);
}

void NeuronView::setMaps(const NeuronMaps& maps, const QStringList& input_names) {
  const Appearance& a = Appearance::instance();
  QGraphicsScene* s = scene();
  s->clear();
  neurons_ = links_ = 0;
  if (maps.layers.empty()) return;
  const double box = 34, row_gap = 10;
  const QColor pos = a.seriesColor(0), neg = a.seriesColor(1);
  std::size_t tallest = 0;
  for (const auto& l : maps.layers) tallest = std::max(tallest, l.size());
  // Wide layers (from the builder) spread the columns so the picture keeps a landscape shape.
  const double col_gap = std::max(70.0, 0.35 * static_cast<double>(tallest) * (box + row_gap));
  auto centre = [&](std::size_t col, std::size_t i) {
    const double column_h = static_cast<double>(maps.layers[col].size()) * (box + row_gap);
    const double top = (static_cast<double>(tallest) * (box + row_gap) - column_h) / 2;
    return QPointF(static_cast<double>(col) * (box + col_gap) + box / 2, top + static_cast<double>(i) * (box + row_gap) + box / 2);
  };
  // Links first (under the boxes): colour = sign, width = |w|.
  for (std::size_t l = 0; l < maps.weights.size() && l + 1 < maps.layers.size(); ++l) {
    const std::size_t in = maps.layers[l].size(), out = maps.layers[l + 1].size();
    const auto& w = maps.weights[l];
    if (w.size() != in * out) continue;
    double wmax = 1e-9;
    for (double v : w) wmax = std::max(wmax, std::abs(v));
    for (std::size_t o = 0; o < out; ++o)
      for (std::size_t i = 0; i < in; ++i) {
        const double v = w[o * in + i];
        const QPointF p0 = centre(l, i) + QPointF(box / 2, 0), p1 = centre(l + 1, o) - QPointF(box / 2, 0);
        auto* line = s->addLine(QLineF(p0, p1), QPen(v >= 0 ? pos : neg, 0.5 + 5.0 * std::abs(v) / wmax));
        line->setOpacity(0.35 + 0.55 * std::abs(v) / wmax);
        line->setToolTip(tr("weight %1").arg(v, 0, 'f', 3));
        ++links_;
      }
  }
  // Neurons: each one's output over the plane, blue high and orange low (the boundary's colours).
  const int r = maps.resolution;
  for (std::size_t col = 0; col < maps.layers.size(); ++col) {
    for (std::size_t i = 0; i < maps.layers[col].size(); ++i) {
      const auto& m = maps.layers[col][i];
      double lo = INFINITY, hi = -INFINITY;
      for (double v : m) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
      QImage img(r, r, QImage::Format_RGB32);
      for (int y = 0; y < r; ++y)
        for (int x = 0; x < r; ++x) {
          const double v = m[static_cast<std::size_t>(y) * r + x];
          const double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
          const QColor c = t >= 0.5 ? QColor::fromRgbF(1 - (1 - pos.redF()) * (t - 0.5) * 2, 1 - (1 - pos.greenF()) * (t - 0.5) * 2,
                                                       1 - (1 - pos.blueF()) * (t - 0.5) * 2)
                                    : QColor::fromRgbF(1 - (1 - neg.redF()) * (0.5 - t) * 2, 1 - (1 - neg.greenF()) * (0.5 - t) * 2,
                                                       1 - (1 - neg.blueF()) * (0.5 - t) * 2);
          img.setPixelColor(x, r - 1 - y, c);  // y up, as on the boundary plot
        }
      const QPointF c = centre(col, i);
      auto* pix = s->addPixmap(QPixmap::fromImage(img.scaled(static_cast<int>(box), static_cast<int>(box))));
      pix->setPos(c - QPointF(box / 2, box / 2));
      s->addRect(QRectF(c - QPointF(box / 2, box / 2), QSizeF(box, box)), QPen(a.plotForeground(), 1));
      if (col == 0 && static_cast<int>(i) < input_names.size()) {
        auto* t = s->addText(input_names[static_cast<int>(i)]);
        t->setDefaultTextColor(a.plotForeground());
        t->setPos(c + QPointF(-box / 2 - t->boundingRect().width() - 2, -t->boundingRect().height() / 2));
      }
      ++neurons_;
    }
  }
  // "+" / "−": a neuron more or less above each hidden column, a hidden layer more or less above all.
  buttons_.clear();
  if (editable_) {
    const double d = 18;
    auto button = [&](QPointF c, int layer, int delta) {
      auto* e = s->addEllipse(QRectF(c - QPointF(d / 2, d / 2), QSizeF(d, d)), QPen(a.plotForeground(), 1), QBrush(a.gridColor()));
      e->setData(0, layer);
      e->setData(1, delta);
      e->setCursor(Qt::PointingHandCursor);
      e->setToolTip(layer < 0 ? (delta > 0 ? tr("add a hidden layer") : tr("remove the last hidden layer"))
                              : (delta > 0 ? tr("add a neuron to hidden layer %1") : tr("remove a neuron from hidden layer %1")).arg(layer + 1));
      QFont f = font();
      f.setBold(true);
      f.setPixelSize(14);
      auto* t = s->addSimpleText(delta > 0 ? "+" : "−", f);
      t->setBrush(a.plotForeground());
      t->setPos(c - QPointF(t->boundingRect().width() / 2, t->boundingRect().height() / 2));
      t->setAcceptedMouseButtons(Qt::NoButton);
      buttons_.insert({layer, delta}, c);
    };
    double top = 0;
    for (std::size_t col = 0; col < maps.layers.size(); ++col) top = std::min(top, centre(col, 0).y() - box / 2);
    for (std::size_t col = 1; col + 1 < maps.layers.size(); ++col) {
      const QPointF c(centre(col, 0).x(), top - d);
      button(c - QPointF(d * 0.65, 0), static_cast<int>(col) - 1, +1);
      button(c + QPointF(d * 0.65, 0), static_cast<int>(col) - 1, -1);
    }
    const QPointF layers_at(centre(0, 0).x(), top - 2.6 * d);
    button(layers_at - QPointF(d * 0.65, 0), -1, +1);
    button(layers_at + QPointF(d * 0.65, 0), -1, -1);
    auto* label = s->addSimpleText(tr("hidden layers"));
    label->setBrush(a.plotForeground());
    label->setPos(layers_at + QPointF(d * 1.4, -label->boundingRect().height() / 2));
  }
  s->setSceneRect(s->itemsBoundingRect().adjusted(-6, -6, 6, 6));
  fitInView(s->sceneRect(), Qt::KeepAspectRatio);
}

}  // namespace gsui
