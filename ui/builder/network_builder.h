#pragma once
// The visual network editor (shared by the labs that build networks): layers as boxes in a row
// with the inferred shape on every edge ([N, 16], [N, 8, 14, 14]), a badge and a teaching sentence
// on the layer at fault, parameter counts, a palette of layers, a property editor with PyTorch's
// argument names, undo/redo, the spec saved and loaded as JSON and exported as PyTorch code.
//
// One class in five files: network_builder.cpp (the widgets, their wiring, refresh),
// builder_spec.cpp (the undoable edits, files), builder_scene.cpp (the drawing and its geometry),
// builder_drag.cpp (the mouse and drag-and-drop on the canvas), builder_properties.cpp (the
// chosen layer's arguments).
#include <QPointF>
#include <QUndoStack>
#include <QWidget>
#include <nlohmann/json.hpp>

#include "spec/model_spec.h"

class QDragMoveEvent;
class QDropEvent;
class QFont;
class QGraphicsLineItem;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QListWidget;
class QFormLayout;
class QMouseEvent;
class QPushButton;

namespace gsui {

class NetworkBuilder : public QWidget {
  Q_OBJECT
 public:
  /// The drag payload of a palette entry: the layer type, UTF-8.
  static constexpr const char* kLayerMime = "application/x-gradscope-layer";

  explicit NetworkBuilder(QWidget* parent = nullptr);
  ~NetworkBuilder() override;

  /// The spec as edited (PyTorch arguments as the user gave them; sizes left out are inferred).
  nlohmann::json specJson() const { return spec_; }
  /// Replaces the whole spec (one undoable step). Refused, changing nothing, when invalid JSON.
  QString setSpecJson(const nlohmann::json& spec);
  void setInputShape(const gs::Shape& shape);
  void addLayer(const QString& type, int at = -1);
  void removeLayer(int index);
  /// Takes the layer out at `from` and puts it back so that it ends up at index `to`.
  void moveLayer(int from, int to);
  void setArgument(int index, const QString& name, const nlohmann::json& value);
  void selectLayer(int index);
  int selectedLayer() const { return selected_; }
  int layerCount() const;
  /// Fixes the input shape (a host lab decides it): the field is read-only.
  void setInputShapeLocked(bool locked);

  /// Where a drop at `scene_pos` inserts: the gap nearest to it, 0 … layerCount().
  int insertionIndex(QPointF scene_pos) const;
  /// The centre of layer i's box in scene coordinates (tests drive drags with it).
  QPointF layerCentre(int index) const;
  QGraphicsView* view() const { return view_; }
  QListWidget* palette() const { return palette_; }

  /// The shapes report of the current spec (error and error_layer when the network is wrong).
  const gs::spec::ShapeReport& report() const { return report_; }
  /// The text on each edge, input first: "[N, 1, 28, 28]", "[N, 8, 28, 28]", ...
  QStringList edgeLabels() const;
  QString errorText() const;
  /// `nn.Sequential(...)` defining the same network, with every size filled in.
  QString pytorchCode() const;
  QString saveSpec(const QString& path) const;  ///< "" on success, else the problem
  QString loadSpec(const QString& path);        ///< "" on success; nothing changes on error
  /// The same with the file already read (`path` names it in the problem).
  QString loadSpecJson(nlohmann::json spec, const QString& path);
  QString exportPython(const QString& path) const;
  QUndoStack* undoStack() { return &undo_; }

 signals:
  void specChanged();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  friend class SpecCommand;
  // The spec (builder_spec.cpp).
  /// A freshly added layer: its type and the arguments the layer table's palette gives it.
  static nlohmann::json defaultLayer(const QString& type);
  void apply(const nlohmann::json& spec);  ///< no undo entry: used by the undo commands
  void push(const nlohmann::json& after, const QString& what);

  // The widgets (network_builder.cpp), the columns left to right.
  QWidget* buildPaletteColumn();     ///< the input shape, the palette, "Add"
  QWidget* buildNetworkColumn();     ///< the canvas, the edit buttons, the messages
  QWidget* buildPropertiesColumn();  ///< the chosen layer's arguments
  void connectEditButtons();
  void connectUndo();
  void readInputShape();  ///< the input field, when every size is positive, as one edit
  void refresh();
  void refreshPalette();
  void fitButtons();  ///< least widths from the texts and the font (the edit buttons, the palette)
  void retranslate();

  // The canvas (builder_scene.cpp).
  void drawScene();
  /// Shows the whole network in the view, shrunk when it must be but never enlarged past 1:1:
  /// the scene is drawn at the presentation scale, so the picture grows with it (issue 15).
  void fitScene();
  void drawLayer(int index, double top, const QFont& font, const QFont& bold);
  void drawFault(int index, double top, const QFont& font, const QFont& bold);
  void showDropMarker(int index);  ///< a line in gap `index`; −1 hides it

  // The mouse on the canvas (builder_drag.cpp); the mouse handlers say whether they took the event.
  bool pressOnCanvas(QMouseEvent* event);
  bool moveOnCanvas(QMouseEvent* event);
  bool releaseOnCanvas(QMouseEvent* event);
  void dragOverCanvas(QDragMoveEvent* event);
  void dropOnCanvas(QDropEvent* event);
  bool overPalette(QPoint viewport_pos) const;

  // The property editor (builder_properties.cpp).
  void buildProperties();
  /// The editor of argument `name` of layer `index`; `dim`: a dimension, which may count from the end.
  QWidget* argumentEditor(int index, const QString& name, const nlohmann::json& value, bool dim);

  nlohmann::json spec_;
  gs::spec::ShapeReport report_;
  QString parse_error_;
  int selected_ = -1;
  QUndoStack undo_;
  // Drawing geometry (scaled with the appearance) and the drag in progress.
  double box_w_ = 360, box_h_ = 48, box_gap_ = 32, line_ = 16;  ///< the diagram's measures, from its font
  int drag_from_ = -1;  ///< the layer pressed, while the button is down
  bool dragging_ = false;
  QPoint press_pos_;
  QGraphicsLineItem* drop_marker_ = nullptr;
  QGraphicsScene* scene_;
  QGraphicsView* view_;
  QListWidget* palette_;
  QLineEdit* input_shape_;
  QLabel* input_label_;
  QWidget* properties_;
  QFormLayout* properties_layout_;
  QLabel* properties_title_;
  QLabel* error_;
  QLabel* params_;
  QLabel* hint_;
  QPushButton* add_;
  QPushButton* remove_;
  QPushButton* left_;
  QPushButton* right_;
  QPushButton* undo_button_;
  QPushButton* redo_button_;
};

}  // namespace gsui
