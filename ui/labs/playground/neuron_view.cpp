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
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void NeuronView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  redraw();
}

void NeuronView::changeEvent(QEvent* event) {
  QGraphicsView::changeEvent(event);
  if (event->type() == QEvent::FontChange) redraw();
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

/// Where the picture puts each neuron's box: columns left to right, each centred vertically, the
/// boxes and gaps as large as `room` allows (the text and the buttons keep the font's size: a
/// picture scaled as a whole made "hidden layers" 7 px high in a narrow pane).
struct NeuronView::PictureLayout {
  double box = 34, row_gap = 10, column_gap = 70;
  QPointF origin;  ///< top left of the first column's tallest extent
  std::vector<std::size_t> column_sizes;
  std::size_t tallest = 0;

  PictureLayout(const NeuronMaps& maps, const QRectF& room) {
    for (const auto& l : maps.layers) {
      column_sizes.push_back(l.size());
      tallest = std::max(tallest, l.size());
    }
    // Wide layers (from the builder) spread the columns so the picture keeps a landscape shape.
    column_gap = std::max(70.0, 0.35 * static_cast<double>(tallest) * (box + row_gap));
    const double columns = static_cast<double>(column_sizes.size());
    const double w = columns * box + (columns - 1) * column_gap, h = static_cast<double>(tallest) * (box + row_gap) - row_gap;
    // From a third to three times the drawn size at scale 1: small enough for a 16-wide layer in
    // a narrow pane, never a blur of huge boxes on a projector.
    const double k = std::clamp(std::min(room.width() / w, room.height() / h), 0.3, 3.0);
    box *= k;
    row_gap *= k;
    column_gap *= k;
    origin = room.topLeft() + QPointF(std::max(0.0, (room.width() - w * k) / 2), std::max(0.0, (room.height() - h * k) / 2));
  }
  double scale() const { return box / 34; }
  QPointF centre(std::size_t col, std::size_t i) const {
    const double column_h = static_cast<double>(column_sizes[col]) * (box + row_gap);
    const double top = (static_cast<double>(tallest) * (box + row_gap) - column_h) / 2;
    return origin + QPointF(static_cast<double>(col) * (box + column_gap) + box / 2, top + static_cast<double>(i) * (box + row_gap) + box / 2);
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
  maps_ = maps;
  input_names_ = input_names;
  redraw();
}

double NeuronView::buttonDiameter() const { return std::max(18.0, fontMetrics().height() * 1.1); }

void NeuronView::redraw() {
  scene()->clear();
  neurons_ = links_ = 0;
  buttons_.clear();
  resetTransform();
  if (maps_.layers.empty()) return;
  // The room for the boxes: the view less the input names on the left and the buttons above.
  const QFontMetricsF fm(font());
  double names = 0;
  for (const QString& n : input_names_) names = std::max(names, fm.horizontalAdvance(n));
  const double d = buttonDiameter();
  const double top = editable_ ? 3.4 * d : 6;
  const QRectF view(QPointF(0, 0), QSizeF(viewport()->size()));
  const QRectF room = view.adjusted(names + 10, top, -8, -6);
  const PictureLayout layout(maps_, room);
  drawLinks(maps_, layout);
  drawNeurons(maps_, input_names_, layout);
  if (editable_) drawButtons(layout);
  // Pixels as they are; only a picture that still does not fit (a very wide network in a small
  // pane) is scaled down as a whole.
  const QRectF used = scene()->itemsBoundingRect().adjusted(-4, -4, 4, 4);
  scene()->setSceneRect(used.united(view));
  if (used.width() > view.width() + 1 || used.height() > view.height() + 1) {
    scene()->setSceneRect(used);
    fitInView(used, Qt::KeepAspectRatio);
  }
}

void NeuronView::drawLinks(const NeuronMaps& maps, const PictureLayout& layout) {
  // Under the boxes: colour = sign of the weight, width and opacity = its size.
  const Appearance& a = Appearance::instance();
  const double half = layout.box / 2, thick = std::clamp(layout.scale(), 0.6, 2.0);
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
        auto* line = scene()->addLine(QLineF(p0, p1), QPen(v >= 0 ? palette::classColor(1) : palette::classColor(0), thick * (0.5 + 5.0 * std::abs(v) / wmax)));
        line->setOpacity(0.35 + 0.55 * std::abs(v) / wmax);
        line->setToolTip(tr("weight %1").arg(v, 0, 'f', 3));
        ++links_;
      }
  }
}

void NeuronView::drawNeurons(const NeuronMaps& maps, const QStringList& input_names, const PictureLayout& layout) {
  const Appearance& a = Appearance::instance();
  const double box = layout.box;
  for (std::size_t col = 0; col < maps.layers.size(); ++col) {
    for (std::size_t i = 0; i < maps.layers[col].size(); ++i) {
      const QImage img = neuronImage(maps.layers[col][i], maps.resolution, palette::classColor(1), palette::classColor(0));
      const QPointF c = layout.centre(col, i);
      const int side = std::max(1, static_cast<int>(std::lround(box)));
      auto* pix = scene()->addPixmap(QPixmap::fromImage(img.scaled(side, side)));
      pix->setPos(c - QPointF(box / 2, box / 2));
      scene()->addRect(QRectF(c - QPointF(box / 2, box / 2), QSizeF(box, box)), QPen(a.plotForeground(), 1));
      if (col == 0 && static_cast<int>(i) < input_names.size()) {
        auto* t = scene()->addSimpleText(input_names[static_cast<int>(i)], font());
        t->setBrush(a.plotForeground());
        t->setPos(c + QPointF(-box / 2 - t->boundingRect().width() - 2, -t->boundingRect().height() / 2));
      }
      ++neurons_;
    }
  }
}

void NeuronView::drawButtons(const PictureLayout& layout) {
  // "+" / "−": a neuron more or less above each hidden column, a hidden layer more or less above all.
  const Appearance& a = Appearance::instance();
  const double d = buttonDiameter();
  auto button = [&](QPointF c, int layer, int delta) {
    auto* e = scene()->addEllipse(QRectF(c - QPointF(d / 2, d / 2), QSizeF(d, d)), QPen(a.plotForeground(), 1), QBrush(a.gridColor()));
    e->setData(0, layer);
    e->setData(1, delta);
    e->setCursor(Qt::PointingHandCursor);
    e->setToolTip(layer < 0 ? (delta > 0 ? tr("add a hidden layer") : tr("remove the last hidden layer"))
                            : (delta > 0 ? tr("add a neuron to hidden layer %1") : tr("remove a neuron from hidden layer %1")).arg(layer + 1));
    QFont f = font();
    f.setBold(true);
    f.setPixelSize(static_cast<int>(std::lround(d * 0.8)));
    auto* t = scene()->addSimpleText(delta > 0 ? "+" : "−", f);
    t->setBrush(a.plotForeground());
    t->setPos(c - QPointF(t->boundingRect().width() / 2, t->boundingRect().height() / 2));
    t->setAcceptedMouseButtons(Qt::NoButton);
    buttons_.insert({layer, delta}, c);
  };
  const std::size_t columns = layout.column_sizes.size();
  double top = layout.centre(0, 0).y();
  for (std::size_t col = 0; col < columns; ++col) top = std::min(top, layout.centre(col, 0).y() - layout.box / 2);
  for (std::size_t col = 1; col + 1 < columns; ++col) {
    const QPointF c(layout.centre(col, 0).x(), top - d);
    button(c - QPointF(d * 0.65, 0), static_cast<int>(col) - 1, +1);
    button(c + QPointF(d * 0.65, 0), static_cast<int>(col) - 1, -1);
  }
  const QPointF layers_at(layout.centre(0, 0).x(), top - 2.6 * d);
  button(layers_at - QPointF(d * 0.65, 0), -1, +1);
  button(layers_at + QPointF(d * 0.65, 0), -1, -1);
  auto* label = scene()->addSimpleText(tr("hidden layers"), font());
  label->setBrush(a.plotForeground());
  label->setPos(layers_at + QPointF(d * 1.4, -label->boundingRect().height() / 2));
}

}  // namespace gsui
