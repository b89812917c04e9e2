// The network builder's frame: three columns (the input shape and the palette; the network with
// its edit buttons and messages; the chosen layer's arguments), their wiring, and refresh(), which
// brings every widget up to date with the spec after each edit.
#include "builder/network_builder.h"

#include <QEvent>
#include <algorithm>
#include <QFormLayout>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

#include "app/appearance.h"
#include "app/engine_message.h"
#include "spec/layer_table.h"

namespace gsui {
namespace {

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

/// A push button as wide as its text needs: without the style's 80 px floor, five of them (Delete,
/// ▲, ▼, Undo, Redo) fit under the network on a 1024×768 projector instead of widening the window.
class CompactButton : public QPushButton {
 public:
  using QPushButton::QPushButton;
  QSize sizeHint() const override {
    QSize size = QPushButton::sizeHint();
    const QFontMetrics fm = fontMetrics();
    const int frame = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, this);
    const int need = fm.horizontalAdvance(text()) + 2 * style()->pixelMetric(QStyle::PM_ButtonMargin, nullptr, this) + 2 * frame +
                     2 * fm.averageCharWidth();
    size.setWidth(std::min(size.width(), need));
    return size;
  }
  QSize minimumSizeHint() const override { return sizeHint(); }
};

}  // namespace

NetworkBuilder::NetworkBuilder(QWidget* parent) : QWidget(parent) {
  spec_ = {{"input_shape", {1, 28, 28}},
           {"layers", {defaultLayer("Conv2d"), {{"type", "ReLU"}}, defaultLayer("MaxPool2d"), {{"type", "Flatten"}},
                       {{"type", "Linear"}, {"out_features", 10}}}}};
  scene_ = new QGraphicsScene(this);
  auto* split = new QSplitter;
  split->addWidget(buildPaletteColumn());
  split->addWidget(buildNetworkColumn());
  split->addWidget(buildPropertiesColumn());
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 4);
  split->setStretchFactor(2, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);
  connectEditButtons();
  connectUndo();
  connect(input_shape_, &QLineEdit::editingFinished, this, &NetworkBuilder::readInputShape);
  retranslate();
  refresh();
}

NetworkBuilder::~NetworkBuilder() {
  // QWidget destroys the children after the members: a field that loses focus meanwhile (the
  // input shape, an argument's editor) would report an edit to a builder already taken apart.
  for (QObject* child : findChildren<QObject*>()) QObject::disconnect(child, nullptr, this, nullptr);
}

QWidget* NetworkBuilder::buildPaletteColumn() {
  input_label_ = new QLabel;
  input_label_->setWordWrap(true);  // (a long label would set the column's least width)
  input_shape_ = new QLineEdit;
  input_shape_->setObjectName("inputShape");
  palette_ = new Palette;
  palette_->setObjectName("palette");
  add_ = new QPushButton;
  auto* column = new QWidget;
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(input_label_);
  layout->addWidget(input_shape_);
  layout->addWidget(palette_, 1);
  layout->addWidget(add_);
  return column;
}

QWidget* NetworkBuilder::buildNetworkColumn() {
  view_ = new QGraphicsView(scene_);
  view_->setRenderHint(QPainter::Antialiasing);
  view_->setObjectName("builderView");
  // fitScene() always shows the whole network: no scroll bars.
  view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view_->viewport()->installEventFilter(this);
  view_->viewport()->setAcceptDrops(true);
  view_->setAcceptDrops(true);
  remove_ = new CompactButton;
  left_ = new CompactButton("▲");
  right_ = new CompactButton("▼");
  undo_button_ = new CompactButton;
  undo_button_->setObjectName("undo");
  redo_button_ = new CompactButton;
  error_ = new QLabel;
  error_->setWordWrap(true);
  error_->setObjectName("builderError");
  params_ = new QLabel;
  params_->setWordWrap(true);
  hint_ = new QLabel;
  hint_->setWordWrap(true);
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b : {remove_, left_, right_, undo_button_, redo_button_}) buttons->addWidget(b, b == left_ || b == right_ ? 0 : 1);
  auto* column = new QWidget;
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_, 1);
  layout->addLayout(buttons);
  layout->addWidget(error_);
  layout->addWidget(params_);
  layout->addWidget(hint_);
  return column;
}

QWidget* NetworkBuilder::buildPropertiesColumn() {
  // The chosen layer's arguments, beside the network (as in a form designer).
  properties_title_ = new QLabel;
  properties_title_->setWordWrap(true);
  properties_ = new QWidget;
  properties_layout_ = new QFormLayout(properties_);
  auto* column = new QWidget;
  properties_layout_->setRowWrapPolicy(QFormLayout::WrapLongRows);  // a narrow column: fields under their names
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(properties_title_);
  layout->addWidget(properties_);
  layout->addStretch(1);
  return column;
}

void NetworkBuilder::connectEditButtons() {
  connect(add_, &QPushButton::clicked, this, [this] {
    if (auto* item = palette_->currentItem()) addLayer(item->text(), selected_ < 0 ? -1 : selected_ + 1);
  });
  connect(palette_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) { addLayer(item->text(), selected_ < 0 ? -1 : selected_ + 1); });
  connect(remove_, &QPushButton::clicked, this, [this] { removeLayer(selected_); });
  connect(left_, &QPushButton::clicked, this, [this] { moveLayer(selected_, selected_ - 1); });
  connect(right_, &QPushButton::clicked, this, [this] { moveLayer(selected_, selected_ + 1); });
  // Delete, while the builder has focus, removes the chosen layer.
  auto* del = new QShortcut(QKeySequence::Delete, this, [this] { removeLayer(selected_); });
  del->setContext(Qt::WidgetWithChildrenShortcut);
}

void NetworkBuilder::connectUndo() {
  // Ctrl+Z / Ctrl+Shift+Z while the builder has focus.
  auto* undo_key = new QShortcut(QKeySequence::Undo, this, [this] { undo_.undo(); });
  undo_key->setContext(Qt::WidgetWithChildrenShortcut);
  auto* redo_key = new QShortcut(QKeySequence::Redo, this, [this] { undo_.redo(); });
  redo_key->setContext(Qt::WidgetWithChildrenShortcut);
  connect(undo_button_, &QPushButton::clicked, &undo_, &QUndoStack::undo);
  connect(redo_button_, &QPushButton::clicked, &undo_, &QUndoStack::redo);
  // (The stack's own signals: during a push the command is not on the stack yet when it redoes.)
  connect(&undo_, &QUndoStack::canUndoChanged, undo_button_, &QPushButton::setEnabled);
  connect(&undo_, &QUndoStack::canRedoChanged, redo_button_, &QPushButton::setEnabled);
  undo_button_->setEnabled(false);
  redo_button_->setEnabled(false);
}

void NetworkBuilder::readInputShape() {
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
}

void NetworkBuilder::setInputShapeLocked(bool locked) {
  input_shape_->setReadOnly(locked);
  input_shape_->setToolTip(locked ? tr("The lab decides the input: its features.") : QString());
}

void NetworkBuilder::selectLayer(int index) {
  selected_ = index >= 0 && index < layerCount() ? index : -1;
  drawScene();
  buildProperties();
}

QString NetworkBuilder::errorText() const {
  if (!parse_error_.isEmpty()) return parse_error_;
  if (report_.error_code.empty()) return QString::fromStdString(report_.error);  // (core's English names the layer)
  // Core names the mistake and its values: its sentence in the learner's language, at the layer at fault.
  const QString sentence = engineMessage(report_.error_code, report_.error_args, QString::fromStdString(report_.error_sentence));
  return tr("Layer %1 (%2): %3").arg(report_.error_layer).arg(QString::fromStdString(report_.error_layer_type), sentence);
}

void NetworkBuilder::refresh() {
  parse_error_.clear();
  report_ = gs::spec::ShapeReport();
  try {
    report_ = gs::spec::infer_shapes(gs::spec::parse_model_spec(spec_));
  } catch (const gs::Error& e) {
    parse_error_ = engineExplanation(e);
  }
  {
    const QSignalBlocker block(input_shape_);
    QStringList dims;
    for (const auto& d : spec_["input_shape"]) dims << QString::number(d.get<std::int64_t>());
    input_shape_->setText(dims.join(", "));
  }
  refreshPalette();
  const QString err = errorText();
  error_->setText(err);
  error_->setStyleSheet(err.isEmpty() ? QString() : QString("color: %1").arg(Appearance::instance().errorColor().name()));
  params_->setText(report_.ok() && parse_error_.isEmpty() ? tr("%1 parameters in total").arg(QLocale().toString(static_cast<qlonglong>(report_.total_parameters))) : QString());
  drawScene();
  buildProperties();
}

void NetworkBuilder::refreshPalette() {
  // Image layers only when the input is an image; the chosen entry stays chosen where it can.
  const bool image = spec_["input_shape"].size() == 3;
  const QString current = palette_->currentItem() ? palette_->currentItem()->text() : QString();
  palette_->clear();
  for (const gs::spec::LayerKind* kind : gs::spec::layer_kinds())
    if (image || kind->palette_group == gs::spec::PaletteGroup::Any) palette_->addItem(QString::fromStdString(kind->name));
  const auto found = palette_->findItems(current, Qt::MatchExactly);
  palette_->setCurrentRow(found.isEmpty() ? 0 : palette_->row(found.first()));
}

void NetworkBuilder::fitButtons() {
  // ▲ ▼ stay about square (the others share the row).
  for (QPushButton* b : {left_, right_}) b->setMaximumWidth(std::max(b->sizeHint().width(), 2 * b->fontMetrics().height() + 8));
  // The chosen layer's column wide enough for "Click a layer to edit its arguments." in two or
  // three lines, not one word a line.
  properties_title_->parentWidget()->setMinimumWidth(12 * properties_title_->fontMetrics().averageCharWidth());
  // The palette as wide as its longest name: no horizontal scroll bar (Korean fonts are wider).
  palette_->setMinimumWidth(palette_->sizeHintForColumn(0) + 2 * palette_->frameWidth() +
                            palette_->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, palette_) + 8);
}

void NetworkBuilder::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) fitButtons();
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
  fitButtons();
}

}  // namespace gsui
