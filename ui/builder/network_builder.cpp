#include "builder/network_builder.h"

#include <QApplication>
#include <QCheckBox>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QShortcut>
#include <QMimeData>
#include <cmath>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFormLayout>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "app/appearance.h"

namespace gsui {

/// One edit of the spec, undoable: the whole spec before and after (specs are small).
class SpecCommand : public QUndoCommand {
 public:
  SpecCommand(NetworkBuilder* b, nlohmann::json before, nlohmann::json after, const QString& text)
      : QUndoCommand(text), b_(b), before_(std::move(before)), after_(std::move(after)) {}
  void undo() override { b_->apply(before_); }
  void redo() override { b_->apply(after_); }

 private:
  NetworkBuilder* b_;
  nlohmann::json before_, after_;
};

namespace {

const QStringList& imageOnly() {
  static const QStringList t = {"Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "BatchNorm2d", "ResidualBlock"};
  return t;
}

nlohmann::json defaultLayer(const QString& type) {
  nlohmann::json l = {{"type", type.toStdString()}};
  if (type == "Linear") l["out_features"] = 16;
  if (type == "Conv2d") {
    l["out_channels"] = 8;
    l["kernel_size"] = 3;
    l["padding"] = 1;
  }
  if (type == "MaxPool2d" || type == "AvgPool2d") l["kernel_size"] = 2;
  if (type == "Dropout") l["p"] = 0.5;
  if (type == "Softmax" || type == "LogSoftmax") l["dim"] = 1;
  return l;
}

QString shapeText(const gs::Shape& s) { return QString::fromStdString(gs::spec::batch_shape_str(s)); }

/// The palette: each entry drags its layer type onto the canvas.
class Palette : public QListWidget {
 public:
  Palette() {
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
  }

 protected:
  QStringList mimeTypes() const override { return {NetworkBuilder::kLayerMime}; }
  QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override {
    if (items.isEmpty()) return nullptr;
    auto* data = new QMimeData;
    data->setData(NetworkBuilder::kLayerMime, items.first()->text().toUtf8());
    data->setText(items.first()->text());
    return data;
  }
};

}  // namespace

NetworkBuilder::NetworkBuilder(QWidget* parent) : QWidget(parent) {
  spec_ = {{"input_shape", {1, 28, 28}},
           {"layers", {defaultLayer("Conv2d"), {{"type", "ReLU"}}, defaultLayer("MaxPool2d"), {{"type", "Flatten"}},
                       {{"type", "Linear"}, {"out_features", 10}}}}};
  scene_ = new QGraphicsScene(this);
  view_ = new QGraphicsView(scene_);
  view_->setRenderHint(QPainter::Antialiasing);
  view_->setObjectName("builderView");
  view_->viewport()->installEventFilter(this);
  view_->viewport()->setAcceptDrops(true);
  view_->setAcceptDrops(true);
  palette_ = new Palette;
  palette_->setObjectName("palette");
  input_label_ = new QLabel;
  input_shape_ = new QLineEdit;
  input_shape_->setObjectName("inputShape");
  add_ = new QPushButton;
  remove_ = new QPushButton;
  left_ = new QPushButton("▲");
  right_ = new QPushButton("▼");
  undo_button_ = new QPushButton;
  redo_button_ = new QPushButton;
  error_ = new QLabel;
  error_->setWordWrap(true);
  error_->setObjectName("builderError");
  params_ = new QLabel;
  properties_ = new QWidget;
  properties_title_ = new QLabel;
  properties_title_->setWordWrap(true);
  properties_layout_ = new QFormLayout(properties_);

  auto* left_col = new QWidget;
  auto* ll = new QVBoxLayout(left_col);
  ll->setContentsMargins(0, 0, 0, 0);
  ll->addWidget(input_label_);
  ll->addWidget(input_shape_);
  ll->addWidget(palette_, 1);
  ll->addWidget(add_);
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b : {remove_, left_, right_, undo_button_, redo_button_}) buttons->addWidget(b);
  auto* centre = new QWidget;
  auto* cl = new QVBoxLayout(centre);
  cl->setContentsMargins(0, 0, 0, 0);
  cl->addWidget(view_, 1);
  cl->addLayout(buttons);
  cl->addWidget(error_);
  cl->addWidget(params_);
  hint_ = new QLabel;
  hint_->setWordWrap(true);
  cl->addWidget(hint_);
  // The chosen layer's arguments, beside the network (as in a form designer).
  auto* right_col = new QWidget;
  right_col->setMinimumWidth(200);
  auto* rl = new QVBoxLayout(right_col);
  rl->setContentsMargins(0, 0, 0, 0);
  rl->addWidget(properties_title_);
  rl->addWidget(properties_);
  rl->addStretch(1);
  auto* split = new QSplitter;
  split->addWidget(left_col);
  split->addWidget(centre);
  split->addWidget(right_col);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 4);
  split->setStretchFactor(2, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);

  connect(add_, &QPushButton::clicked, this, [this] {
    if (auto* item = palette_->currentItem()) addLayer(item->text(), selected_ < 0 ? -1 : selected_ + 1);
  });
  connect(palette_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) { addLayer(item->text(), selected_ < 0 ? -1 : selected_ + 1); });
  connect(remove_, &QPushButton::clicked, this, [this] { removeLayer(selected_); });
  connect(left_, &QPushButton::clicked, this, [this] { moveLayer(selected_, selected_ - 1); });
  connect(right_, &QPushButton::clicked, this, [this] { moveLayer(selected_, selected_ + 1); });
  // Keys while the builder has focus: Delete removes the chosen layer, Ctrl+Z / Ctrl+Shift+Z.
  auto* del = new QShortcut(QKeySequence::Delete, this, [this] { removeLayer(selected_); });
  del->setContext(Qt::WidgetWithChildrenShortcut);
  auto* undo_key = new QShortcut(QKeySequence::Undo, this, [this] { undo_.undo(); });
  undo_key->setContext(Qt::WidgetWithChildrenShortcut);
  auto* redo_key = new QShortcut(QKeySequence::Redo, this, [this] { undo_.redo(); });
  redo_key->setContext(Qt::WidgetWithChildrenShortcut);
  connect(undo_button_, &QPushButton::clicked, &undo_, &QUndoStack::undo);
  // (The stack's own signals: during a push the command is not on the stack yet when it redoes.)
  connect(&undo_, &QUndoStack::canUndoChanged, undo_button_, &QPushButton::setEnabled);
  connect(&undo_, &QUndoStack::canRedoChanged, redo_button_, &QPushButton::setEnabled);
  undo_button_->setObjectName("undo");
  undo_button_->setEnabled(false);
  redo_button_->setEnabled(false);
  connect(redo_button_, &QPushButton::clicked, &undo_, &QUndoStack::redo);
  connect(input_shape_, &QLineEdit::editingFinished, this, [this] {
    gs::Shape s;
    for (const QString& p : input_shape_->text().split(QRegularExpression("[,\\s]+"), Qt::SkipEmptyParts)) {
      bool ok = false;
      const int v = p.toInt(&ok);
      if (!ok || v <= 0) {
        error_->setText(tr("input shape: “%1” is not a positive size").arg(p));
        return;
      }
      s.push_back(v);
    }
    if (!s.empty() && nlohmann::json(s) != spec_["input_shape"]) setInputShape(s);
  });
  retranslate();
  refresh();
}

NetworkBuilder::~NetworkBuilder() {
  // The input field loses focus while the children are destroyed, and would report an edit.
  QObject::disconnect(input_shape_, nullptr, this, nullptr);
}

int NetworkBuilder::layerCount() const { return static_cast<int>(spec_["layers"].size()); }

void NetworkBuilder::apply(const nlohmann::json& spec) {
  spec_ = spec;
  selected_ = std::min(selected_, layerCount() - 1);
  refresh();
  emit specChanged();
}

void NetworkBuilder::push(const nlohmann::json& after, const QString& what) {
  undo_.push(new SpecCommand(this, spec_, after, what));
}

QString NetworkBuilder::setSpecJson(const nlohmann::json& spec) {
  try {
    (void)gs::spec::parse_model_spec(spec);
  } catch (const gs::Error& e) {
    return QString::fromUtf8(e.what());
  }
  push(spec, tr("load network"));
  return {};
}

void NetworkBuilder::setInputShape(const gs::Shape& shape) {
  nlohmann::json after = spec_;
  after["input_shape"] = shape;
  push(after, tr("input shape"));
}

void NetworkBuilder::addLayer(const QString& type, int at) {
  nlohmann::json after = spec_;
  auto& layers = after["layers"];
  const int pos = at < 0 || at > layerCount() ? layerCount() : at;
  layers.insert(layers.begin() + pos, defaultLayer(type));
  push(after, tr("add %1").arg(type));
  selectLayer(pos);
}

void NetworkBuilder::removeLayer(int index) {
  if (index < 0 || index >= layerCount()) return;
  nlohmann::json after = spec_;
  after["layers"].erase(after["layers"].begin() + index);
  push(after, tr("remove layer %1").arg(index));
}

void NetworkBuilder::moveLayer(int from, int to) {
  if (from < 0 || from >= layerCount() || to < 0 || to >= layerCount() || from == to) return;
  nlohmann::json after = spec_;
  nlohmann::json layer = after["layers"][from];
  after["layers"].erase(after["layers"].begin() + from);
  after["layers"].insert(after["layers"].begin() + to, layer);
  push(after, tr("move layer %1").arg(from));
  selectLayer(to);
}

void NetworkBuilder::setArgument(int index, const QString& name, const nlohmann::json& value) {
  if (index < 0 || index >= layerCount()) return;
  nlohmann::json after = spec_;
  after["layers"][index][name.toStdString()] = value;
  push(after, tr("%1 of layer %2").arg(name).arg(index));
}

void NetworkBuilder::selectLayer(int index) {
  selected_ = index >= 0 && index < layerCount() ? index : -1;
  drawScene();
  buildProperties();
}

QStringList NetworkBuilder::edgeLabels() const {
  QStringList out;
  if (!parse_error_.isEmpty()) return out;
  out << shapeText(gs::Shape(spec_["input_shape"].get<gs::Shape>()));
  for (const auto& l : report_.layers) out << shapeText(l.output);
  return out;
}

QString NetworkBuilder::errorText() const { return parse_error_.isEmpty() ? QString::fromStdString(report_.error) : parse_error_; }

void NetworkBuilder::refresh() {
  parse_error_.clear();
  report_ = gs::spec::ShapeReport();
  try {
    report_ = gs::spec::infer_shapes(gs::spec::parse_model_spec(spec_));
  } catch (const gs::Error& e) {
    parse_error_ = QString::fromUtf8(e.what());
  }
  {
    const QSignalBlocker block(input_shape_);
    QStringList dims;
    for (const auto& d : spec_["input_shape"]) dims << QString::number(d.get<std::int64_t>());
    input_shape_->setText(dims.join(", "));
  }
  // The palette: image layers only when the input is an image.
  const bool image = spec_["input_shape"].size() == 3;
  const QString current = palette_->currentItem() ? palette_->currentItem()->text() : QString();
  palette_->clear();
  for (const std::string& t : gs::spec::layer_types())
    if (image || !imageOnly().contains(QString::fromStdString(t))) palette_->addItem(QString::fromStdString(t));
  const auto found = palette_->findItems(current, Qt::MatchExactly);
  palette_->setCurrentRow(found.isEmpty() ? 0 : palette_->row(found.first()));
  const QString err = errorText();
  error_->setText(err);
  error_->setStyleSheet(err.isEmpty() ? QString() : QString("color: %1").arg(Appearance::instance().errorColor().name()));
  params_->setText(report_.ok() && parse_error_.isEmpty() ? tr("%1 parameters in total").arg(report_.total_parameters) : QString());
  drawScene();
  buildProperties();
}

void NetworkBuilder::drawScene() {
  const Appearance& a = Appearance::instance();
  scene_->clear();
  QFont font = view_->font();
  font.setPointSizeF(a.fontPointSize());
  QFont bold = font;
  bold.setBold(true);
  // Top to bottom: the input, then each layer as a box; every arrow carries its shape.
  box_w_ = 360 * a.scale();  // wide and low: the arguments fit on one line, and the picture stays large when fitted
  box_h_ = 48 * a.scale();
  box_gap_ = 32 * a.scale();
  const double w = box_w_, h = box_h_, gap = box_gap_;
  const QStringList edges = edgeLabels();
  auto addText = [&](const QString& text, const QFont& f, QPointF at, QColor c) {
    auto* t = scene_->addText(text, f);
    t->setDefaultTextColor(c);
    t->setPos(at);
    return t;
  };
  addText(tr("input"), bold, {w / 2 - 20 * a.scale(), -30 * a.scale()}, a.plotForeground());
  const QPen pen(a.plotForeground(), 1.5 * a.scale());
  for (int i = 0; i <= layerCount(); ++i) {
    const double y0 = i * (h + gap), y1 = y0 + gap;  // the arrow into box i (or out of the last)
    scene_->addLine(w / 2, y0, w / 2, y1 - 6, pen);
    QPolygonF head;
    head << QPointF(w / 2, y1) << QPointF(w / 2 - 5, y1 - 8) << QPointF(w / 2 + 5, y1 - 8);
    scene_->addPolygon(head, pen, QBrush(a.plotForeground()));
    if (i < edges.size()) addText(edges[i], font, {w / 2 + 10 * a.scale(), y0 + 1 * a.scale()}, a.seriesColor(0));
    if (i == layerCount()) break;
    const nlohmann::json& l = spec_["layers"][i];
    const bool fault = i == report_.error_layer;
    const bool sel = i == selected_;
    QColor fill = a.gridColor();
    fill.setAlphaF(0.35);
    auto* box = scene_->addRect(0, y1, w, h, QPen(fault ? a.errorColor() : sel ? a.seriesColor(4) : a.plotForeground(), (fault || sel ? 3 : 1.2) * a.scale()),
                                QBrush(fill));
    box->setData(0, i);
    QStringList args;
    for (const auto& [k, v] : l.items())
      if (k != "type") args << QString::fromStdString(k + "=" + v.dump());
    addText(QString::number(i) + "  " + QString::fromStdString(l["type"].get<std::string>()), bold, {6, y1 + 2}, a.plotForeground())->setData(0, i);
    auto* at = addText(args.join(", "), font, {6, y1 + 21 * a.scale()}, a.plotForeground());
    at->setTextWidth(w - 12);
    at->setData(0, i);
    if (i < static_cast<int>(report_.layers.size()) && report_.layers[i].parameters > 0)
      addText(tr("%1 params").arg(report_.layers[i].parameters), font, {w + 8, y1 + h / 2 - 10 * a.scale()}, a.seriesColor(2));
    if (fault) {
      auto* badge = scene_->addEllipse(w - 16 * a.scale(), y1 - 12 * a.scale(), 26 * a.scale(), 26 * a.scale(), QPen(a.errorColor()), QBrush(a.errorColor()));
      badge->setData(0, i);
      addText("!", bold, {w - 8 * a.scale(), y1 - 12 * a.scale()}, Qt::white);
      auto* why = addText(QString::fromStdString(report_.error), font, {w + 8, y1 + h / 2 + 10 * a.scale()}, a.errorColor());
      why->setTextWidth(260 * a.scale());
    }
  }
  scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-10, -20, 10, 20));
  view_->fitInView(scene_->sceneRect(), Qt::KeepAspectRatio);
  drop_marker_ = scene_->addLine(-12, 0, w + 12, 0, QPen(a.seriesColor(4), 5 * a.scale(), Qt::SolidLine, Qt::RoundCap));
  drop_marker_->setZValue(10);
  drop_marker_->hide();
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

bool NetworkBuilder::overPalette(QPoint viewport_pos) const {
  const QPoint p = palette_->mapFromGlobal(view_->viewport()->mapToGlobal(viewport_pos));
  return palette_->rect().contains(p);
}

void NetworkBuilder::setInputShapeLocked(bool locked) {
  input_shape_->setReadOnly(locked);
  input_shape_->setToolTip(locked ? tr("The lab decides the input: its features.") : QString());
}

bool NetworkBuilder::eventFilter(QObject* watched, QEvent* event) {
  if (watched != view_->viewport()) return QWidget::eventFilter(watched, event);
  switch (event->type()) {
    case QEvent::MouseButtonPress: {
      auto* me = static_cast<QMouseEvent*>(event);
      if (me->button() != Qt::LeftButton) break;
      const QPoint pos = me->position().toPoint();
      drag_from_ = -1;
      dragging_ = false;
      for (QGraphicsItem* item : view_->items(pos))
        if (item->data(0).isValid()) {
          drag_from_ = item->data(0).toInt();
          press_pos_ = pos;
          selectLayer(drag_from_);
          return true;
        }
      selectLayer(-1);
      return true;
    }
    case QEvent::MouseMove: {
      if (drag_from_ < 0) break;
      const QPoint pos = static_cast<QMouseEvent*>(event)->position().toPoint();
      if (!dragging_ && (pos - press_pos_).manhattanLength() < QApplication::startDragDistance()) return true;
      dragging_ = true;
      view_->viewport()->setCursor(overPalette(pos) ? Qt::ForbiddenCursor : Qt::ClosedHandCursor);
      showDropMarker(overPalette(pos) ? -1 : insertionIndex(view_->mapToScene(pos)));
      return true;
    }
    case QEvent::MouseButtonRelease: {
      if (drag_from_ < 0) break;
      const int from = drag_from_;
      const bool moved = dragging_;
      drag_from_ = -1;
      dragging_ = false;
      view_->viewport()->unsetCursor();
      showDropMarker(-1);
      if (!moved) return true;
      const QPoint pos = static_cast<QMouseEvent*>(event)->position().toPoint();
      if (overPalette(pos)) {  // dragged back onto the palette: deleted
        removeLayer(from);
        return true;
      }
      const int gap = insertionIndex(view_->mapToScene(pos));
      moveLayer(from, gap > from ? gap - 1 : gap);
      return true;
    }
    case QEvent::DragEnter:
    case QEvent::DragMove: {
      auto* de = static_cast<QDragMoveEvent*>(event);
      if (!de->mimeData()->hasFormat(kLayerMime)) {  // only layers from the palette land here
        de->ignore();
        return true;
      }
      de->setDropAction(Qt::CopyAction);
      de->accept();
      showDropMarker(insertionIndex(view_->mapToScene(de->position().toPoint())));
      return true;
    }
    case QEvent::DragLeave:
      showDropMarker(-1);
      return true;
    case QEvent::Drop: {
      auto* de = static_cast<QDropEvent*>(event);
      showDropMarker(-1);
      const QString type = QString::fromUtf8(de->mimeData()->data(kLayerMime));
      const auto& known = gs::spec::layer_types();
      if (std::find(known.begin(), known.end(), type.toStdString()) == known.end()) {
        de->ignore();
        return true;
      }
      de->setDropAction(Qt::CopyAction);
      de->accept();
      addLayer(type, insertionIndex(view_->mapToScene(de->position().toPoint())));
      return true;
    }
    case QEvent::Resize:
      view_->fitInView(scene_->sceneRect(), Qt::KeepAspectRatio);
      break;
    default:
      break;
  }
  return QWidget::eventFilter(watched, event);
}

void NetworkBuilder::buildProperties() {
  while (properties_layout_->rowCount() > 0) properties_layout_->removeRow(0);
  if (selected_ < 0) {
    properties_title_->setText(tr("Click a layer to edit its arguments."));
    return;
  }
  const nlohmann::json& l = spec_["layers"][selected_];
  properties_title_->setText(tr("Layer %1: %2").arg(selected_).arg(QString::fromStdString(l["type"].get<std::string>())));
  // The layer's arguments with their defaults, from core's validation of the spec.
  nlohmann::json full = l;
  try {
    full = gs::spec::to_json(gs::spec::parse_model_spec({{"layers", {l}}}))["layers"][0];
  } catch (const gs::Error&) {
  }
  const int index = selected_;
  for (const auto& [key, value] : full.items()) {
    if (key == "type") continue;
    const QString name = QString::fromStdString(key);
    QWidget* editor = nullptr;
    if (value.is_boolean()) {
      auto* c = new QCheckBox;
      c->setChecked(value.get<bool>());
      connect(c, &QCheckBox::toggled, this, [this, index, name](bool on) { setArgument(index, name, on); });
      editor = c;
    } else if (value.is_number_integer() || (value.is_array() && value.size() == 2 && value[0] == value[1])) {
      auto* s = new QSpinBox;
      s->setRange(key == "dim" || key == "end_dim" || key == "start_dim" ? -4 : 0, 4096);
      s->setValue(value.is_array() ? value[0].get<int>() : value.get<int>());
      connect(s, &QSpinBox::editingFinished, this, [this, index, name, s] { setArgument(index, name, s->value()); });
      editor = s;
    } else if (value.is_number()) {
      auto* d = new QDoubleSpinBox;
      d->setDecimals(5);
      d->setRange(-1e6, 1e6);
      d->setValue(value.get<double>());
      connect(d, &QDoubleSpinBox::editingFinished, this, [this, index, name, d] { setArgument(index, name, d->value()); });
      editor = d;
    } else {
      auto* e = new QLineEdit(QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump()));
      connect(e, &QLineEdit::editingFinished, this, [this, index, name, e] {
        try {
          setArgument(index, name, nlohmann::json::parse(e->text().toStdString()));
        } catch (const std::exception&) {
          setArgument(index, name, e->text().toStdString());
        }
      });
      editor = e;
    }
    properties_layout_->addRow(name, editor);
  }
}

QString NetworkBuilder::pytorchCode() const {
  if (!parse_error_.isEmpty() || !report_.ok()) return tr("# The network has an error: %1").arg(errorText());
  return QString::fromStdString(gs::spec::pytorch_code(gs::spec::parse_model_spec(spec_)));
}

QString NetworkBuilder::saveSpec(const QString& path) const {
  QSaveFile f(path);
  nlohmann::json out = spec_;
  out["version"] = 1;
  if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::fromStdString(out.dump(2))) < 0 || !f.commit())
    return tr("cannot write \"%1\"").arg(path);
  return {};
}

QString NetworkBuilder::loadSpec(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return tr("cannot open \"%1\"").arg(path);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(f.readAll().toStdString());
  } catch (const std::exception& e) {
    return tr("\"%1\" is not valid JSON: %2").arg(path, QString::fromUtf8(e.what()));
  }
  if (j.contains("version") && (!j["version"].is_number_integer() || j["version"].get<int>() > 1))
    return tr("\"%1\" was written by a newer GradScope (version %2)").arg(path, QString::fromStdString(j["version"].dump()));
  j.erase("version");
  return setSpecJson(j);
}

QString NetworkBuilder::exportPython(const QString& path) const {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(pytorchCode().toUtf8()) < 0 || !f.commit()) return tr("cannot write \"%1\"").arg(path);
  return {};
}

void NetworkBuilder::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void NetworkBuilder::retranslate() {
  input_label_->setText(tr("Input shape (without the batch)"));
  add_->setText(tr("Add the chosen layer"));
  remove_->setText(tr("Delete"));
  undo_button_->setText(tr("Undo"));
  redo_button_->setText(tr("Redo"));
  left_->setToolTip(tr("Move the layer up"));
  hint_->setText(tr("Drag a layer from the palette into the network. Drag a layer to move it; drag it onto the "
                    "palette (or press Delete) to remove it."));
  right_->setToolTip(tr("Move the layer down"));
  refresh();
}

}  // namespace gsui
