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
#include "app/palette.h"

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

/// Where the picture puts each neuron's box: columns left to right, each centred vertically.
struct NeuronView::PictureLayout {
  static constexpr double kBox = 34, kRowGap = 10;
  std::vector<std::size_t> column_sizes;
  std::size_t tallest = 0;
  double column_gap = 70;

  explicit PictureLayout(const NeuronMaps& maps) {
    for (const auto& l : maps.layers) {
      column_sizes.push_back(l.size());
      tallest = std::max(tallest, l.size());
    }
    // Wide layers (from the builder) spread the columns so the picture keeps a landscape shape.
    column_gap = std::max(70.0, 0.35 * static_cast<double>(tallest) * (kBox + kRowGap));
  }
  QPointF centre(std::size_t col, std::size_t i) const {
    const double column_h = static_cast<double>(column_sizes[col]) * (kBox + kRowGap);
    const double top = (static_cast<double>(tallest) * (kBox + kRowGap) - column_h) / 2;
    return QPointF(static_cast<double>(col) * (kBox + column_gap) + kBox / 2, top + static_cast<double>(i) * (kBox + kRowGap) + kBox / 2);
  }
};

namespace {

/// One neuron's output over the plane as an r × r image: blue high and orange low (the
/// boundary's colours), white in the middle of its own range; y up, as on the boundary plot.
QImage neuronImage(const std::vector<double>& m, int r, const QColor& pos, const QColor& neg) {
  double lo = INFINITY, hi = -INFINITY;  // (a diverged run's NaNs are left out of the range)
  for (double v : m) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  auto towards = [](const QColor& c, double f) {
    return QColor::fromRgbF(1 - (1 - c.redF()) * f, 1 - (1 - c.greenF()) * f, 1 - (1 - c.blueF()) * f);
  };
  QImage img(r, r, QImage::Format_RGB32);
  for (int y = 0; y < r; ++y)
    for (int x = 0; x < r; ++x) {
      const double v = m[static_cast<std::size_t>(y) * r + x];
      const double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
      img.setPixelColor(x, r - 1 - y, t >= 0.5 ? towards(pos, (t - 0.5) * 2) : towards(neg, (0.5 - t) * 2));
    }
  return img;
}

}  // namespace

void NeuronView::setMaps(const NeuronMaps& maps, const QStringList& input_names) {
  scene()->clear();
  neurons_ = links_ = 0;
  buttons_.clear();
  if (maps.layers.empty()) return;
  const PictureLayout layout(maps);
  drawLinks(maps, layout);
  drawNeurons(maps, input_names, layout);
  if (editable_) drawButtons(layout);
  scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-6, -6, 6, 6));
  fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

void NeuronView::drawLinks(const NeuronMaps& maps, const PictureLayout& layout) {
  // Under the boxes: colour = sign of the weight, width and opacity = its size.
  const Appearance& a = Appearance::instance();
  const double half = PictureLayout::kBox / 2;
  for (std::size_t l = 0; l < maps.weights.size() && l + 1 < maps.layers.size(); ++l) {
    const std::size_t in = maps.layers[l].size(), out = maps.layers[l + 1].size();
    const auto& w = maps.weights[l];
    if (w.size() != in * out) continue;
    double wmax = 1e-9;
    for (double v : w) wmax = std::max(wmax, std::abs(v));
    for (std::size_t o = 0; o < out; ++o)
      for (std::size_t i = 0; i < in; ++i) {
        const double v = w[o * in + i];
        const QPointF p0 = layout.centre(l, i) + QPointF(half, 0), p1 = layout.centre(l + 1, o) - QPointF(half, 0);
        auto* line = scene()->addLine(QLineF(p0, p1), QPen(v >= 0 ? palette::classColor(1) : palette::classColor(0), 0.5 + 5.0 * std::abs(v) / wmax));
        line->setOpacity(0.35 + 0.55 * std::abs(v) / wmax);
        line->setToolTip(tr("weight %1").arg(v, 0, 'f', 3));
        ++links_;
      }
  }
}

void NeuronView::drawNeurons(const NeuronMaps& maps, const QStringList& input_names, const PictureLayout& layout) {
  const Appearance& a = Appearance::instance();
  const double box = PictureLayout::kBox;
  for (std::size_t col = 0; col < maps.layers.size(); ++col) {
    for (std::size_t i = 0; i < maps.layers[col].size(); ++i) {
      const QImage img = neuronImage(maps.layers[col][i], maps.resolution, palette::classColor(1), palette::classColor(0));
      const QPointF c = layout.centre(col, i);
      auto* pix = scene()->addPixmap(QPixmap::fromImage(img.scaled(static_cast<int>(box), static_cast<int>(box))));
      pix->setPos(c - QPointF(box / 2, box / 2));
      scene()->addRect(QRectF(c - QPointF(box / 2, box / 2), QSizeF(box, box)), QPen(a.plotForeground(), 1));
      if (col == 0 && static_cast<int>(i) < input_names.size()) {
        auto* t = scene()->addText(input_names[static_cast<int>(i)]);
        t->setDefaultTextColor(a.plotForeground());
        t->setPos(c + QPointF(-box / 2 - t->boundingRect().width() - 2, -t->boundingRect().height() / 2));
      }
      ++neurons_;
    }
  }
}

void NeuronView::drawButtons(const PictureLayout& layout) {
  // "+" / "−": a neuron more or less above each hidden column, a hidden layer more or less above all.
  const Appearance& a = Appearance::instance();
  const double d = 18;
  auto button = [&](QPointF c, int layer, int delta) {
    auto* e = scene()->addEllipse(QRectF(c - QPointF(d / 2, d / 2), QSizeF(d, d)), QPen(a.plotForeground(), 1), QBrush(a.gridColor()));
    e->setData(0, layer);
    e->setData(1, delta);
    e->setCursor(Qt::PointingHandCursor);
    e->setToolTip(layer < 0 ? (delta > 0 ? tr("add a hidden layer") : tr("remove the last hidden layer"))
                            : (delta > 0 ? tr("add a neuron to hidden layer %1") : tr("remove a neuron from hidden layer %1")).arg(layer + 1));
    QFont f = font();
    f.setBold(true);
    f.setPixelSize(14);
    auto* t = scene()->addSimpleText(delta > 0 ? "+" : "−", f);
    t->setBrush(a.plotForeground());
    t->setPos(c - QPointF(t->boundingRect().width() / 2, t->boundingRect().height() / 2));
    t->setAcceptedMouseButtons(Qt::NoButton);
    buttons_.insert({layer, delta}, c);
  };
  const std::size_t columns = layout.column_sizes.size();
  double top = 0;
  for (std::size_t col = 0; col < columns; ++col) top = std::min(top, layout.centre(col, 0).y() - PictureLayout::kBox / 2);
  for (std::size_t col = 1; col + 1 < columns; ++col) {
    const QPointF c(layout.centre(col, 0).x(), top - d);
    button(c - QPointF(d * 0.65, 0), static_cast<int>(col) - 1, +1);
    button(c + QPointF(d * 0.65, 0), static_cast<int>(col) - 1, -1);
  }
  const QPointF layers_at(layout.centre(0, 0).x(), top - 2.6 * d);
  button(layers_at - QPointF(d * 0.65, 0), -1, +1);
  button(layers_at + QPointF(d * 0.65, 0), -1, -1);
  auto* label = scene()->addSimpleText(tr("hidden layers"));
  label->setBrush(a.plotForeground());
  label->setPos(layers_at + QPointF(d * 1.4, -label->boundingRect().height() / 2));
}

}  // namespace gsui
