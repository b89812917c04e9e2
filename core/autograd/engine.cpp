#include "autograd/engine.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "autograd/grad_mode.h"
#include "tensor/internal.h"
#include "util/error_codes.h"

namespace gs {
namespace {
bool later_first(const std::shared_ptr<Node>& a, const std::shared_ptr<Node>& b) {
  // Heap comparator: the node created last comes out first; AccumulateGrad (no inputs) first of all.
  const bool a_acc = a->next_functions().empty(), b_acc = b->next_functions().empty();
  if (a_acc != b_acc) return b_acc;
  return a->sequence_nr() < b->sequence_nr();
}
}  // namespace

BackwardPass::BackwardPass(const Tensor& root, const Tensor& gradient, bool retain_graph)
    : retain_graph_(retain_graph) {
  GS_CHECK(root.defined(), "backward() called on an undefined tensor");
  auto root_node = gradient_edge(root);
  if (!root_node) {
    throw coded_error("backward_nothing_requires_grad", {},
                "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn");
  }
  Tensor grad = gradient;
  if (!grad.defined()) {
    if (root.numel() != 1) {
      throw coded_error("backward_non_scalar", {shape_str(root.shape()), std::to_string(root.numel())},
                  "RuntimeError: grad can be implicitly created only for scalar outputs");
    }
    grad = ones_like(root);
  } else if (grad.shape() != root.shape()) {
    throw coded_error("backward_gradient_shape", {shape_str(grad.shape()), shape_str(root.shape())},
                "RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size(" + shape_str(grad.shape()) +
                    ") and output[0] has a shape of torch.Size(" + shape_str(root.shape()) + ").");
  }
  grad = grad.detach().to(root.dtype());

  // Count, for every reachable node, how many edges point at it (iterative DFS: deep graphs are fine).
  std::vector<Node*> stack{root_node.get()};
  std::unordered_set<const Node*> seen{root_node.get()};
  pending_list_.reserve(32);
  pending(root_node.get());
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    for (const auto& child : n->next_functions()) {
      if (!child) continue;
      pending(child.get()).dependencies++;
      if (seen.insert(child.get()).second) stack.push_back(child.get());
    }
  }
  pending(root_node.get()).grad = grad;
  ready_.push_back(root_node);
}

BackwardPass::Pending& BackwardPass::pending(const Node* node) {
  constexpr std::size_t kLinear = 48;
  if (pending_list_.size() <= kLinear) {
    for (auto& [n, p] : pending_list_)
      if (n == node) return p;
  } else {
    if (pending_index_.empty())
      for (std::size_t i = 0; i < pending_list_.size(); ++i) pending_index_[pending_list_[i].first] = i;
    if (auto it = pending_index_.find(node); it != pending_index_.end()) return pending_list_[it->second].second;
  }
  pending_list_.emplace_back(node, Pending{});
  if (pending_list_.size() > kLinear) {
    if (pending_index_.empty())  // crossing over: index every entry so far
      for (std::size_t i = 0; i + 1 < pending_list_.size(); ++i) pending_index_[pending_list_[i].first] = i;
    pending_index_[node] = pending_list_.size() - 1;
  }
  return pending_list_.back().second;
}

std::shared_ptr<Node> BackwardPass::next() const { return ready_.empty() ? nullptr : ready_.front(); }

BackwardStep BackwardPass::step() {
  GS_CHECK(!ready_.empty(), "backward pass already finished");
  std::pop_heap(ready_.begin(), ready_.end(), later_first);
  std::shared_ptr<Node> node = ready_.back();
  ready_.pop_back();
  NoGradGuard no_grad;

  Pending& p = pending(node.get());
  Tensor grad = p.grad.defined() ? p.grad : zeros(node->output_shape(), {.dtype = node->output_dtype(), .device = node->output_device()});
  p.grad = Tensor();
  for (const auto& weak : node->retained()) {
    if (auto impl = weak.lock()) {
      if (!impl->grad) {
        const Tensor self(impl);
        Tensor copy = detail::make_tensor_like(self.shape(), grad.dtype(), grad.device(), {&self});
        detail::backend_of(grad).copy(grad, copy);
        impl->grad = copy.impl();
      }
      else Tensor(impl->grad).add_(grad);
    }
  }
  std::vector<Tensor> grads = node->apply(grad);
  if (!retain_graph_) node->release();

  const auto& next = node->next_functions();
  for (std::size_t i = 0; i < next.size(); ++i) {
    if (!next[i]) continue;
    Pending& child = pending(next[i].get());
    if (i < grads.size() && grads[i].defined()) {
      // NOTE: gradients from several consumers are added, never assigned (a tensor used twice).
      child.grad = child.grad.defined() ? child.grad + grads[i] : grads[i];
    }
    if (--child.dependencies == 0) {
      ready_.push_back(next[i]);
      std::push_heap(ready_.begin(), ready_.end(), later_first);
    }
  }
  order_.push_back(node);
  return {node, grad, grads};
}

void BackwardPass::run() {
  while (!done()) step();
}

std::vector<std::shared_ptr<Node>> graph_nodes(const Tensor& root) {
  std::vector<std::shared_ptr<Node>> out;
  auto first = gradient_edge(root);
  if (!first) return out;
  std::set<const Node*> seen{first.get()};
  out.push_back(first);
  for (std::size_t i = 0; i < out.size(); ++i) {
    for (const auto& child : out[i]->next_functions()) {
      if (child && seen.insert(child.get()).second) out.push_back(child);
    }
  }
  return out;
}

}  // namespace gs
