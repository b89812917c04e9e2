#include "autograd/node.h"

#include <atomic>

#include "autograd/grad_mode.h"
#include "tensor/internal.h"
#include "util/error_codes.h"

namespace gs {
namespace {
std::atomic<std::uint64_t> next_sequence_nr{0};
thread_local bool grad_enabled = true;

const char* kFreedMessage =
    "Trying to backward through the graph a second time (or directly access saved tensors after "
    "they have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
    "graph a second time or if you need to access saved tensors after calling backward.";
}  // namespace

bool is_grad_enabled() { return grad_enabled; }
void set_grad_enabled(bool enabled) { grad_enabled = enabled; }

Node::Node(const char* name, std::vector<std::shared_ptr<Node>> next_functions, Shape output_shape, Dtype output_dtype,
           Device output_device)
    : name_(name),
      next_(std::move(next_functions)),
      output_shape_(std::move(output_shape)),
      output_dtype_(output_dtype),
      output_device_(output_device),
      sequence_nr_(next_sequence_nr.fetch_add(1)) {}

std::size_t Node::save(const char* name, const Tensor& t, bool is_output) {
  had_saved_ = true;
  saved_.push_back({name, t.defined() && is_output ? t.detach() : t, t.defined() ? t.impl()->storage->version() : 0});
  return saved_.size() - 1;
}

Tensor Node::saved(std::size_t i) const {
  if (released_) {
    throw coded_error("backward_freed_graph", {name_}, std::string("RuntimeError: ") + kFreedMessage);
  }
  const SavedTensor& s = saved_.at(i);
  if (s.tensor.defined() && s.tensor.impl()->storage->version() != s.version) {
    const std::string shape = shape_str(s.tensor.shape());
    throw coded_error("saved_tensor_modified", {name_, s.name, shape},
                "RuntimeError: one of the variables needed for gradient computation has been modified by an "
                "inplace operation: [torch.FloatTensor " + shape + "], which is output 0 of " + std::string(name_) +
                    ", is at version " + std::to_string(s.tensor.impl()->storage->version()) + "; expected version " +
                    std::to_string(s.version) + " instead.");
  }
  return s.tensor;
}

std::vector<Tensor> Node::apply(const Tensor& grad_output) {
  if (released_ && had_saved_) (void)saved(0);  // throws the freed-graph error
  return backward_(*this, grad_output);
}

void Node::release() {
  released_ = true;
  saved_.clear();
}

AccumulateGrad::AccumulateGrad(const std::shared_ptr<TensorImpl>& leaf)
    : Node("AccumulateGrad", {}, leaf->shape, leaf->dtype, leaf->storage->device()), variable_(leaf) {}

std::vector<Tensor> AccumulateGrad::apply(const Tensor& grad_output) {
  auto leaf = variable_.lock();
  if (!leaf) return {};
  Tensor var(leaf);
  if (!leaf->grad) {
    // The first gradient is copied so later in-place accumulation never aliases another tensor.
    // It is laid out like the leaf (PyTorch's layout contract for .grad), whatever the layout of
    // the gradient that arrived (a transposed or expanded one).
    const Tensor g = grad_output.detach();
    Tensor copy = detail::make_tensor_like(var.shape(), g.dtype(), g.device(), {&var});
    detail::backend_of(g).copy(g, copy);
    leaf->grad = copy.impl();
  } else {
    // NOTE: gradients accumulate across backward() calls until zeroed, exactly as in PyTorch.
    Tensor g(leaf->grad);
    NoGradGuard no_grad;
    g.add_(grad_output);
  }
  return {};
}

std::shared_ptr<Node> gradient_edge(const Tensor& t) {
  if (!t.defined()) return nullptr;
  auto& impl = t.impl();
  if (impl->grad_fn) return impl->grad_fn;
  if (!impl->requires_grad) return nullptr;
  auto acc = impl->grad_accumulator.lock();
  if (!acc) {
    acc = std::make_shared<AccumulateGrad>(impl);
    impl->grad_accumulator = acc;
  }
  return acc;
}

bool any_requires_grad(std::initializer_list<const Tensor*> inputs) {
  if (!is_grad_enabled()) return false;
  for (const Tensor* t : inputs)
    if (t->defined() && t->requires_grad()) return true;
  return false;
}

namespace {
std::shared_ptr<Node> attach(const char* name, std::vector<std::shared_ptr<Node>> next, Tensor& out,
                             Node::BackwardFn backward) {
  auto node = std::make_shared<Node>(name, std::move(next), out.shape(), out.dtype(), out.device());
  node->set_backward(std::move(backward));
  out.impl()->grad_fn = node;
  out.impl()->requires_grad = true;
  return node;
}
}  // namespace

std::shared_ptr<Node> record(const char* name, std::initializer_list<const Tensor*> inputs, Tensor& out,
                             Node::BackwardFn backward) {
  if (!any_requires_grad(inputs)) return nullptr;
  std::vector<std::shared_ptr<Node>> next;
  next.reserve(inputs.size());
  for (const Tensor* t : inputs) next.push_back(gradient_edge(*t));
  return attach(name, std::move(next), out, std::move(backward));
}

std::shared_ptr<Node> record(const char* name, const std::vector<Tensor>& inputs, Tensor& out,
                             Node::BackwardFn backward) {
  if (!is_grad_enabled()) return nullptr;
  bool any = false;
  for (const Tensor& t : inputs) any = any || t.requires_grad();
  if (!any) return nullptr;
  std::vector<std::shared_ptr<Node>> next;
  for (const Tensor& t : inputs) next.push_back(gradient_edge(t));
  return attach(name, std::move(next), out, std::move(backward));
}

Tensor sum_to(const Tensor& grad, const Shape& shape) {
  if (grad.shape() == shape) return grad;
  const std::int64_t lead = grad.dim() - static_cast<std::int64_t>(shape.size());
  Shape dims;
  for (std::int64_t i = 0; i < grad.dim(); ++i) {
    if (i < lead || (shape[i - lead] == 1 && grad.size(i) != 1)) dims.push_back(i);
  }
  Tensor r = dims.empty() ? grad : grad.sum(dims, true);
  return r.reshape(shape);
}

}  // namespace gs
