#pragma once
// Draws an autograd graph like torchviz: leaves (AccumulateGrad) on the left, the output on the
// right, each node with its grad_fn name, the variable it produced, its forward value and, once
// backward reaches it, the gradient; edges carry the gradient sent back along them.
#include <QGraphicsView>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "autograd/node.h"

namespace gsui {

/// What the view shows; the lab fills it from core's graph and its backward steps.
struct GraphState {
  std::vector<std::shared_ptr<gs::Node>> nodes;           ///< root first (gs::graph_nodes order)
  std::map<const gs::Node*, QString> labels;             ///< variable names
  std::map<const gs::Node*, gs::Tensor> values;          ///< forward values
  std::map<const gs::Node*, gs::Tensor> grads;           ///< gradient that reached each node
  std::map<std::pair<const gs::Node*, int>, gs::Tensor> edge_grads;  ///< consumer, input index
  std::set<const gs::Node*> done;                        ///< nodes backward has run
  const gs::Node* next = nullptr;                        ///< the node the next step runs
};

/// A compact text of a tensor: "0.731", "[1, 2, 3]", "[2×3]".
QString compactTensor(const gs::Tensor& t);

class GraphView : public QGraphicsView {
  Q_OBJECT
 public:
  explicit GraphView(QWidget* parent = nullptr);
  void setState(const GraphState& state);
  void setMessage(const QString& text);
  int nodeCount() const { return static_cast<int>(state_.nodes.size()); }
  /// Node titles as drawn (grad_fn names), for tests.
  QStringList nodeTitles() const;
  /// Whether the graph runs top to bottom (a narrow view) rather than left to right.
  bool downward() const { return downward_; }
  void redraw();

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  struct Look;  ///< fonts, colours and box sizes of one redraw
  using NodeRects = std::map<const gs::Node*, QRectF>;
  void fitScene();
  void drawMessage(const Look& look);
  /// Column of each node: its longest distance from the root (the root is column 0).
  std::map<const gs::Node*, int> nodeColumns() const;
  /// Where each node's box goes: columns right to left, each centred vertically.
  NodeRects layoutNodes(const Look& look) const;
  void drawEdges(const NodeRects& rects, const Look& look);
  void drawNode(const gs::Node* node, const QRectF& rect, const Look& look);

  GraphState state_;
  QString message_;
  bool downward_ = false;
  QRectF next_rect_;  ///< the box of the node backward() runs next, when there is one
};

}  // namespace gsui
