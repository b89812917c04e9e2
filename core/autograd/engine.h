#pragma once
/// The backward pass, runnable all at once (Tensor::backward) or one node at a time (the Autograd
/// lab's "Step backward").
#include <unordered_map>
#include <unordered_set>
#include <memory>
#include <vector>

#include "autograd/node.h"

namespace gs {

/// What one step of backward did: the node run, the gradient that reached its output, and the
/// gradients it sent to each input (aligned with node->next_functions()).
struct BackwardStep {
  std::shared_ptr<Node> node;
  Tensor grad_output;
  std::vector<Tensor> grad_inputs;
};

class BackwardPass {
 public:
  /// Validates root and gradient as torch.autograd.backward does; throws with an explanation.
  BackwardPass(const Tensor& root, const Tensor& gradient = Tensor(), bool retain_graph = false);

  bool done() const { return ready_.empty(); }
  /// The node the next step() will run (null when done).
  std::shared_ptr<Node> next() const;
  /// Runs one node, in PyTorch's order (a node runs once all its consumers have).
  BackwardStep step();
  /// Runs to the end.
  void run();
  /// Every node reachable from the root, in the order backward runs them.
  const std::vector<std::shared_ptr<Node>>& order() const { return order_; }

 private:
  struct Pending {
    int dependencies = 0;
    Tensor grad;
  };
  /// The pending entry of a node: a linear scan while the graph is small (the common case, no
  /// hashing or allocation per node), an index once it grows.
  Pending& pending(const Node* node);
  bool retain_graph_;
  std::vector<std::shared_ptr<Node>> order_;
  std::vector<std::pair<const Node*, Pending>> pending_list_;
  std::unordered_map<const Node*, std::size_t> pending_index_;
  std::vector<std::shared_ptr<Node>> ready_;  // heap ordered by sequence_nr
  std::vector<std::shared_ptr<Node>> ran_;
};

/// Every node reachable from a tensor's grad_fn, each once, in a deterministic order (root first,
/// then breadth-first by next_functions): what the graph view draws.
std::vector<std::shared_ptr<Node>> graph_nodes(const Tensor& root);

}  // namespace gs
