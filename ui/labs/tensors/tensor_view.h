#pragma once
// The Tensors lab's picture: the operation the current statement did (tensor_operation.h) above
// one card per tensor. A card is the tensor's header (name, shape, stride, offset, dtype,
// contiguity), its grid of elements, and below it the flat storage it views: one cell per storage
// element with its offset, the cells it uses tinted in its storage's colour, and its strides drawn
// as jumps from element [0, …, 0]. Hovering (or clicking, which pins) a grid cell highlights its
// storage cell and writes offset = storage_offset + Σ index·stride with the numbers. Tensors that
// share a storage share its colour and list each other; cells an in-place statement changed are
// outlined in every tensor that views them.
//
// What paintEvent draws is recorded (cell rectangles, texts, offsets) so that tests can check the
// picture itself, not a model of it.
#include <QWidget>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "labs/tensors/tensor_grid.h"
#include "labs/tensors/tensor_operation.h"

namespace gsui {

/// One tensor to draw.
struct TensorCard {
  QString name;             ///< a variable's name, or "result" for an expression's value
  QString caption;          ///< what the card is ("changed by this statement", ...), may be empty
  gs::Tensor tensor;
  int colour = 0;           ///< index of its storage's colour (same storage, same colour)
  QStringList shares;       ///< other variables viewing the same storage
  std::set<std::int64_t> changed;  ///< storage offsets the current statement changed
  bool current = false;     ///< produced or changed by the current statement
};

class TensorView : public QWidget {
  Q_OBJECT
 public:
  explicit TensorView(QWidget* parent = nullptr);
  /// What to draw: the statement's operation and output text (may be empty) and the cards in order.
  void setContent(OperationPicture operation, QStringList output, std::vector<TensorCard> cards);
  /// Re-measures after a font or theme change.
  void relayout();

  const std::vector<TensorCard>& cards() const { return cards_; }
  const OperationPicture& operation() const { return operation_; }
  /// The storage offset drawn for element `index` of card `name` (nullopt: not drawn).
  std::optional<std::int64_t> drawnOffset(const QString& name, const gs::Shape& index) const;
  /// The rectangle painted for that element, and the text written in it.
  QRectF drawnCellRect(const QString& name, const gs::Shape& index) const;
  QString drawnCellText(const QString& name, const gs::Shape& index) const;
  /// The storage cell painted for `offset` under card `name`: its rectangle, value and label.
  QRectF drawnStorageRect(const QString& name, std::int64_t offset) const;
  QString drawnStorageText(const QString& name, std::int64_t offset) const;
  QString drawnStorageLabel(const QString& name, std::int64_t offset) const;
  /// The jump labels drawn under card `name` ("+1", "+4"), shortest jump first; a dim of stride
  /// 0 is a loop back onto the same cell, "+0".
  QStringList drawnJumps(const QString& name) const;
  /// Where the jumps under card `name` were drawn: each jump's label and the pieces of its arc
  /// (rectangles around its lines and arrowhead), in drawnJumps() order.
  std::vector<QRectF> drawnJumpLabelRects(const QString& name) const;
  std::vector<std::vector<QRectF>> drawnJumpArcRects(const QString& name) const;
  /// Cells outlined as changed under card `name` (grid elements, row-major).
  std::vector<std::int64_t> drawnChangedCells(const QString& name) const;
  /// The offset sentence shown for the hovered or pinned cell ("" for none).
  /// "Point at a cell …": said under the first card until a cell is pointed at.
  QString hintText() const;
  QString offsetFormula() const;
  /// Whether card `name` is drawn as a summary (too many elements).
  bool summarised(const QString& name) const;

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  struct Jump {
    std::int64_t from = 0, to = 0;  ///< storage offsets
    int dim = 0;
    QString label;
  };
  /// One card's geometry, relative to the card's top-left.
  struct CardLayout {
    QSizeF size;
    double min_width = 0;     ///< the width it cannot go below (its grid); texts and storage wrap
    QStringList header;       ///< wrapped header lines
    QStringList notes;        ///< caption / shares / stride-0 lines
    std::vector<int> note_dims;  ///< per note: the dim whose colour it takes, −1 plain, −2 the storage's
    bool summary = false;
    QStringList summary_lines;
    GridGeometry grid;
    QPointF grid_at;
    std::vector<std::int64_t> offsets;  ///< per grid element
    std::vector<double> values;         ///< per grid element
    std::vector<double> storage;        ///< every storage element
    std::vector<QRectF> storage_cells;  ///< per storage element (empty: storage not drawn)
    double storage_title_y = 0, jumps_top = 0, formula_y = 0, formula_h = 0;
    std::vector<Jump> jumps;
  };
  struct Painted {
    std::vector<QRectF> cells;
    QStringList cell_texts;
    std::vector<std::int64_t> offsets;
    std::map<std::int64_t, std::pair<QRectF, QString>> storage;  ///< offset → rect, value
    std::map<std::int64_t, QString> storage_labels;
    QStringList jumps;
    std::vector<QRectF> jump_labels;
    std::vector<std::vector<QRectF>> jump_arcs;
    std::vector<std::int64_t> changed;
  };
  CardLayout layoutCard(const TensorCard& card, double max_width) const;
  void layoutAll();
  void paintCard(QPainter& p, std::size_t i);
  QFont smallFont() const;
  static QString storageTitle(std::int64_t n, gs::Dtype dtype, bool drawn);
  /// The colour of secondary text (indices, hints): the foreground, a little lighter.
  QColor secondaryColour() const;
  QFont boldFont() const;
  QSizeF cellSize(const std::vector<double>& values, gs::Dtype dtype) const;
  /// The card and element under `pos` (card −1 for none).
  std::pair<int, std::int64_t> hitTest(QPointF pos) const;
  int cardIndex(const QString& name) const;

  OperationPicture operation_;
  QStringList output_;
  std::vector<TensorCard> cards_;
  std::vector<CardLayout> layouts_;
  std::vector<QPointF> positions_;
  QPointF operation_at_, output_at_;
  std::pair<int, std::int64_t> hovered_{-1, -1}, pinned_{-1, -1};
  std::vector<Painted> painted_;
};

}  // namespace gsui
