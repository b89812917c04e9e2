// The network builder's canvas: the network drawn top to bottom, the input and then one box per
// layer (its type and arguments, its parameter count beside it), every arrow labelled with the
// shape it carries; the layer at fault wears a badge and core's teaching sentence. Every item of a
// layer holds its index (data 0), which is how a click finds the layer. Also the geometry that
// maps a point to the gap a drop inserts into, and the marker drawn in that gap.
#include "builder/network_builder.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QLocale>
#include <algorithm>
#include <cmath>

#include "app/appearance.h"

namespace gsui {
namespace {

QString shapeText(const gs::Shape& s) { return QString::fromStdString(gs::spec::batch_shape_str(s)); }

QGraphicsTextItem* addText(QGraphicsScene* scene, const QString& text, const QFont& font, QPointF at, const QColor& colour) {
  auto* t = scene->addText(text, font);
  t->setDefaultTextColor(colour);
  t->setPos(at);
  return t;
}

/// A layer's arguments as the box shows them: "kernel_size=3, out_channels=8".
QString argumentsText(const nlohmann::json& layer) {
  QStringList args;
  for (const auto& [k, v] : layer.items())
    if (k != "type") args << QString::fromStdString(k + "=" + v.dump());
  return args.join(", ");
}

}  // namespace

void NetworkBuilder::fitScene() {
  const QRectF scene = scene_->sceneRect();
  const QSize room = view_->viewport()->size();
  if (scene.isEmpty() || room.isEmpty()) return;
  const double zoom = std::min({1.0, room.width() / scene.width(), room.height() / scene.height()});
  view_->setTransform(QTransform::fromScale(zoom, zoom));
  view_->centerOn(scene.center());
}

QStringList NetworkBuilder::edgeLabels() const {
  QStringList out;
  if (!parse_error_.isEmpty()) return out;
  out << shapeText(gs::Shape(spec_["input_shape"].get<gs::Shape>()));
  for (const auto& l : report_.layers) out << shapeText(l.output);
  return out;
}

void NetworkBuilder::drawScene() {
  const Appearance& a = Appearance::instance();
  scene_->clear();
  QFont font = view_->font();
  font.setPointSizeF(a.fontPointSize());
  QFont bold = font;
  bold.setBold(true);
  // Top to bottom: the input, then each layer as a box; every arrow carries its shape.
  // Sized by the font's own lines (title, arguments; an arrow with its shape), not by a scale on
  // top of a font already scaled: the boxes grew faster than their text, so a five-layer network
  // was zoomed out to fit and its text came out smaller in presentation mode than without it.
  const QFontMetricsF fm(font), fm_bold(bold);
  line_ = fm.height();
  // As wide as the widest line a box holds (its arguments; its title and parameter count), so
  // the arguments fit on one line and a narrow pane need not zoom the picture out.
  double widest = 16 * fm.averageCharWidth();
  for (int i = 0; i < layerCount(); ++i) {
    const nlohmann::json& l = spec_["layers"][i];
    widest = std::max(widest, fm.horizontalAdvance(argumentsText(l)));
    double title = fm_bold.horizontalAdvance(QString::number(i) + "  " + QString::fromStdString(l["type"].get<std::string>()));
    if (i < static_cast<int>(report_.layers.size()) && report_.layers[i].parameters > 0)
      title += 2 * fm.averageCharWidth() + fm.horizontalAdvance(tr("%1 params").arg(QLocale().toString(static_cast<qlonglong>(report_.layers[i].parameters))));
    widest = std::max(widest, title + 2.5 * line_);  // (room for a fault's badge in the corner)
  }
  box_w_ = widest + 12 + line_;  // (the text's 10 px on the left, a line's height clear on the right)
  box_h_ = fm_bold.height() + line_ + 0.6 * line_;
  // An arrow holds its shape's one line: a gap of a line and a quarter keeps five layers whole in
  // a projector's pane without zooming their text out.
  box_gap_ = 1.25 * line_;
  const double w = box_w_, h = box_h_, gap = box_gap_;
  const QStringList edges = edgeLabels();
  addText(scene_, tr("input"), bold, {w / 2 - fm_bold.horizontalAdvance(tr("input")) / 2 - 4, -1.4 * line_}, a.plotForeground());
  const QPen pen(a.plotForeground(), 1.5 * a.scale());
  for (int i = 0; i <= layerCount(); ++i) {
    const double y0 = i * (h + gap), y1 = y0 + gap;  // the arrow into box i (or out of the last)
    scene_->addLine(w / 2, y0, w / 2, y1 - 6, pen);
    QPolygonF head;
    head << QPointF(w / 2, y1) << QPointF(w / 2 - 5, y1 - 8) << QPointF(w / 2 + 5, y1 - 8);
    scene_->addPolygon(head, pen, QBrush(a.plotForeground()));
    if (i < edges.size()) addText(scene_, edges[i], font, {w / 2 + 0.5 * line_, y0 + (gap - fm.height()) / 2 - 4}, a.seriesColor(0));
    if (i < layerCount()) drawLayer(i, y1, font, bold);
  }
  scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-6, -6, 6, 6));  // (a margin that costs the zoom little)
  fitScene();
  drop_marker_ = scene_->addLine(-12, 0, w + 12, 0, QPen(a.seriesColor(4), 5 * a.scale(), Qt::SolidLine, Qt::RoundCap));
  drop_marker_->setZValue(10);
  drop_marker_->hide();
}

/// Layer `index` as a box whose top edge is at `top`: framed in red at fault, thick when chosen.
void NetworkBuilder::drawLayer(int index, double top, const QFont& font, const QFont& bold) {
  const Appearance& a = Appearance::instance();
  const double w = box_w_, h = box_h_;
  const nlohmann::json& l = spec_["layers"][index];
  const bool fault = index == report_.error_layer;
  const bool sel = index == selected_;
  QColor fill = a.gridColor();
  fill.setAlphaF(0.35);
  const QColor frame = fault ? a.errorColor() : sel ? a.seriesColor(4) : a.plotForeground();
  auto* box = scene_->addRect(0, top, w, h, QPen(frame, (fault || sel ? 3 : 1.2) * a.scale()), QBrush(fill));
  box->setData(0, index);
  const QString title = QString::number(index) + "  " + QString::fromStdString(l["type"].get<std::string>());
  addText(scene_, title, bold, {6, top + 2}, a.plotForeground())->setData(0, index);
  auto* at = addText(scene_, argumentsText(l), font, {6, top + QFontMetricsF(bold).height()}, a.plotForeground());
  at->setTextWidth(w - 12);
  at->setData(0, index);
  if (index < static_cast<int>(report_.layers.size()) && report_.layers[index].parameters > 0) {
    // Inside the box, on the title's line at the right (beside the box it widened the scene, and
    // so shrank the whole picture when fitted; the fault's badge keeps the corner).
    auto* params = addText(scene_, tr("%1 params").arg(QLocale().toString(static_cast<qlonglong>(report_.layers[index].parameters))), font, {0, top + 2}, a.seriesColor(2));
    params->setX(w - params->boundingRect().width() - (fault ? 22 : 4) * a.scale());
    params->setData(0, index);
  }
  if (fault) drawFault(index, top, font, bold);
}

/// The badge on the corner of the layer at fault, and the sentence saying why beside it.
void NetworkBuilder::drawFault(int index, double top, const QFont& font, const QFont& bold) {
  const Appearance& a = Appearance::instance();
  const double w = box_w_, h = box_h_;
  auto* badge = scene_->addEllipse(w - 16 * a.scale(), top - 12 * a.scale(), 26 * a.scale(), 26 * a.scale(), QPen(a.errorColor()),
                                   QBrush(a.errorColor()));
  badge->setData(0, index);
  addText(scene_, "!", bold, {w - 8 * a.scale(), top - 12 * a.scale()}, Qt::white);
  // Core's sentence in the learner's language (from its code and values), as under the canvas.
  auto* why = addText(scene_, errorText(), font, {w + 8, top + h / 2 + 10 * a.scale()}, a.errorColor());
  why->setObjectName(QStringLiteral("faultSentence"));
  why->setTextWidth(260 * a.scale());
}

int NetworkBuilder::insertionIndex(QPointF scene_pos) const {
  // Gap k (before box k) is centred at k·(h + gap) + gap/2.
  const double pitch = box_h_ + box_gap_;
  const int k = static_cast<int>(std::floor((scene_pos.y() - box_gap_ / 2 + pitch / 2) / pitch));
  return std::clamp(k, 0, layerCount());
}

QPointF NetworkBuilder::layerCentre(int index) const {
  return {box_w_ / 2, index * (box_h_ + box_gap_) + box_gap_ + box_h_ / 2};
}

void NetworkBuilder::showDropMarker(int index) {
  if (!drop_marker_) return;
  drop_marker_->setVisible(index >= 0);
  if (index >= 0) drop_marker_->setPos(0, index * (box_h_ + box_gap_) + box_gap_ / 2);
}

}  // namespace gsui
