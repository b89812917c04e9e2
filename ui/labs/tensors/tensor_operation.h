#pragma once
// The picture of what a statement did, from the evaluator's events: broadcasting (the smaller
// operand stretched, its repeated cells drawn as faded, dashed ghosts), cat vs stack (operands in
// different colours and the result showing where each cell came from, stack's new dimension
// marked), matmul (the shapes written out with the dims that must agree highlighted, red when
// they do not), and a sentence for views, copies and in-place changes.
#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QPointF>
#include <QSizeF>
#include <QStringList>
#include <functional>
#include <vector>

#include "eval/interpreter.h"
#include "labs/tensors/tensor_grid.h"

class QPainter;

namespace gsui {

/// One operand or the result, drawn as a grid.
struct OperationPart {
  QString label;                       ///< "a (3, 1)", "result (3, 3)"
  gs::Shape shape;                     ///< the drawn shape (a broadcast operand: the result's)
  std::vector<GridCellStyle> cells;    ///< per element; empty when the shape is not drawable
  QStringList legend;
};

/// A piece of the shape line ("(2, 3)", " @ ", ...), coloured when it matters.
struct ShapeRun {
  QString text;
  QColor colour;  ///< invalid: the foreground
};

struct OperationPicture {
  bool present = false;
  gs::eval::Event::Kind kind = gs::eval::Event::Kind::View;
  QString title;
  std::vector<ShapeRun> shapes;
  QString explanation;
  std::vector<OperationPart> parts;
  QStringList symbols;            ///< between consecutive parts ("−", "@", "→")
  int ghost_cells = 0;            ///< broadcast: repeated cells drawn as ghosts
  std::vector<int> result_sources;  ///< cat / stack: the operand each result element came from
  std::int64_t new_dim = -1;      ///< stack: the new dimension
  bool dims_agree = true;         ///< matmul: the inner (and batch) dims agree
};

class TensorOperation {
  Q_DECLARE_TR_FUNCTIONS(TensorOperation)
 public:
  /// Names an operand or result by the program's variable for it ("" for a temporary).
  using Namer = std::function<QString(const gs::Tensor&)>;
  /// The picture of the most telling event (matmul, cat/stack, broadcast, in-place, copy, view);
  /// `present` is false when the statement did none of these. Operands are labelled with their
  /// variable's name from `name_of` where there is one, else "left" / "right" (or "operand 1",
  /// ..., or "the number 2." for a Python number).
  static OperationPicture build(const std::vector<gs::eval::Event>& events, const Namer& name_of = {});
  /// Lays the picture out within `max_width` and paints it at `at` (measures only when `p` is
  /// null); returns its size.
  static QSizeF paint(QPainter* p, QPointF at, const OperationPicture& picture, double max_width, const QFont& font,
                      const QFont& small_font);
};

}  // namespace gsui
