#pragma once
/// The autograd graph as data. Every differentiable op that sees an input requiring grad creates
/// a Node named like PyTorch's grad_fn ("MulBackward0"), links it to the nodes of its inputs
/// (next_functions) and saves the tensors its backward needs. The Autograd lab draws these.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace gs {

/// A tensor saved for backward, with the storage version it had when saved: a later in-place
/// change is detected, as in PyTorch.
struct SavedTensor {
  const char* name;  ///< PyTorch's attribute name: "self", "other", "result", "weight", ...
  Tensor tensor;     ///< the tensor (outputs: a detached alias sharing storage)
  std::uint64_t version = 0;
};

class Node : public std::enable_shared_from_this<Node> {
 public:
  using BackwardFn = std::function<std::vector<Tensor>(Node& node, const Tensor& grad_output)>;

  /// name: a string literal (it is not copied).
  Node(const char* name, std::vector<std::shared_ptr<Node>> next_functions, Shape output_shape, Dtype output_dtype,
       Device output_device);
  virtual ~Node() = default;

  /// PyTorch's grad_fn name, e.g. "AddBackward0", "AccumulateGrad".
  std::string name() const { return name_; }
  /// One entry per differentiable input: that input's node, or null when it needs no gradient.
  const std::vector<std::shared_ptr<Node>>& next_functions() const { return next_; }
  /// Whether input i needs a gradient (its next function exists).
  bool needs_input_grad(std::size_t i) const { return i < next_.size() && next_[i] != nullptr; }
  const Shape& output_shape() const { return output_shape_; }
  Dtype output_dtype() const { return output_dtype_; }
  Device output_device() const { return output_device_; }
  /// Creation order; backward runs ready nodes latest-first, like PyTorch.
  std::uint64_t sequence_nr() const { return sequence_nr_; }

  /// The saved tensors, for display. Empty once released.
  const std::vector<SavedTensor>& saved_tensors() const { return saved_; }
  /// Non-tensor values the backward uses, for display ("dim=1", "negative_slope=0.01").
  const std::vector<std::string>& saved_attributes() const { return attributes_; }
  bool released() const { return released_; }

  /// Saves t under name (`name` a string literal); returns its index for saved(). Pass
  /// is_output=true for the op's own result: it is then stored detached, so the node does not
  /// keep its output (and so itself) alive.
  std::size_t save(const char* name, const Tensor& t, bool is_output = false);
  void add_attribute(std::string text) { attributes_.push_back(std::move(text)); }
  /// The saved tensor i; throws PyTorch's errors when released or modified in place since.
  Tensor saved(std::size_t i) const;

  void set_backward(BackwardFn fn) { backward_ = std::move(fn); }
  /// Gradients for each input (undefined where not needed) from the gradient of the output.
  virtual std::vector<Tensor> apply(const Tensor& grad_output);
  /// Frees saved tensors (after a backward without retain_graph).
  virtual void release();

  /// Non-leaf tensors that asked retain_grad() and whose grad_fn this is.
  void add_retained(const std::shared_ptr<TensorImpl>& impl) { retained_.push_back(impl); }
  const std::vector<std::weak_ptr<TensorImpl>>& retained() const { return retained_; }

 protected:
  const char* name_;
  std::vector<std::shared_ptr<Node>> next_;
  Shape output_shape_;
  Dtype output_dtype_;
  Device output_device_;
  std::uint64_t sequence_nr_;
  std::vector<SavedTensor> saved_;
  std::vector<std::string> attributes_;
  std::vector<std::weak_ptr<TensorImpl>> retained_;
  BackwardFn backward_;
  bool released_ = false;
  bool had_saved_ = false;
};

/// The sink of a leaf: adds the incoming gradient into the leaf's .grad.
class AccumulateGrad final : public Node {
 public:
  explicit AccumulateGrad(const std::shared_ptr<TensorImpl>& leaf);
  std::vector<Tensor> apply(const Tensor& grad_output) override;
  void release() override {}
  /// The leaf tensor (null when it no longer exists).
  std::shared_ptr<TensorImpl> variable() const { return variable_.lock(); }

 private:
  std::weak_ptr<TensorImpl> variable_;
};

/// The node that gradients of t flow into: its grad_fn, or the AccumulateGrad of a leaf that
/// requires grad, or null.
std::shared_ptr<Node> gradient_edge(const Tensor& t);

/// True when grad mode is on and any input requires grad: the op must record a node.
bool any_requires_grad(std::initializer_list<const Tensor*> inputs);

/// Creates the node of an op with the given inputs and attaches it to out (which then requires
/// grad). Returns null, attaching nothing, when no input requires grad or grad mode is off.
std::shared_ptr<Node> record(const char* name, std::initializer_list<const Tensor*> inputs, Tensor& out,
                             Node::BackwardFn backward);
std::shared_ptr<Node> record(const char* name, const std::vector<Tensor>& inputs, Tensor& out,
                             Node::BackwardFn backward);

/// Reduces a broadcast gradient back to shape (sums the broadcast dimensions).
Tensor sum_to(const Tensor& grad, const Shape& shape);

}  // namespace gs
