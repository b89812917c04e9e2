#pragma once
/// gs::Tensor: an n-dimensional array with PyTorch's semantics (shape, strides, dtype, device,
/// shared storage, views) and reverse-mode autograd (requires_grad, grad, grad_fn, backward).
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "tensor/dtype.h"
#include "tensor/storage.h"
#include "util/shape.h"

namespace gs {

class Node;
class Tensor;
class Generator;

/// Options for creation functions: `gs::zeros({2, 3}, {.dtype = kFloat64, .requires_grad = true})`.
struct TensorOptions {
  Dtype dtype = kFloat32;          ///< element type (PyTorch's default dtype is float32)
  Device device = Device::CPU;     ///< where the memory lives
  bool requires_grad = false;      ///< make the new tensor a leaf that records gradients
};

/// The state shared by a Tensor handle and its copies (not its views: a view has its own impl
/// pointing at the same Storage).
struct TensorImpl {
  std::shared_ptr<Storage> storage;
  std::int64_t offset = 0;  ///< in elements
  Shape shape;
  Shape strides;  ///< in elements
  Dtype dtype = kFloat32;

  bool requires_grad = false;  ///< for leaves; non-leaves require grad iff grad_fn is set
  bool retains_grad = false;
  std::shared_ptr<TensorImpl> grad;
  std::shared_ptr<Node> grad_fn;
  std::weak_ptr<Node> grad_accumulator;  ///< the AccumulateGrad node of a leaf, shared by its uses
  std::shared_ptr<TensorImpl> view_base;  ///< set for views: the tensor whose storage this views
  std::string name;  ///< optional label shown by the autograd graph ("w", "x", ...)
};

/// A slice of one dimension, like Python's start:stop:step. `Slice()` is `:`.
struct Slice {
  std::optional<std::int64_t> start, stop;
  std::int64_t step = 1;
};

/// One entry of Tensor::index: an integer (select), a Slice, a list of indices (index_select),
/// or None (a new axis of size 1).
class TensorIndex {
 public:
  enum class Kind { Integer, Slice, List, None };
  TensorIndex(std::int64_t i) : kind_(Kind::Integer), integer_(i) {}  // NOLINT(implicit)
  TensorIndex(int i) : kind_(Kind::Integer), integer_(i) {}           // NOLINT(implicit)
  TensorIndex(Slice s) : kind_(Kind::Slice), slice_(s) {}             // NOLINT(implicit)
  TensorIndex(std::vector<std::int64_t> list) : kind_(Kind::List), list_(std::move(list)) {}  // NOLINT
  TensorIndex(std::nullopt_t) : kind_(Kind::None) {}                  // NOLINT(implicit)
  Kind kind() const { return kind_; }
  std::int64_t integer() const { return integer_; }
  const Slice& slice() const { return slice_; }
  const std::vector<std::int64_t>& list() const { return list_; }

 private:
  Kind kind_;
  std::int64_t integer_ = 0;
  Slice slice_;
  std::vector<std::int64_t> list_;
};
inline constexpr std::nullopt_t None = std::nullopt;

/// Nested literal values for gs::tensor: `gs::tensor({{1.0, 2.0}, {3.0, 4.0}})`.
class NestedValues {
 public:
  template <typename T>
    requires std::is_arithmetic_v<T>
  NestedValues(T v) : scalar_(static_cast<double>(v)), integral_(std::is_integral_v<T>) {}  // NOLINT
  NestedValues(std::initializer_list<NestedValues> list) : children_(list), is_list_(true) {}  // NOLINT
  NestedValues(std::vector<NestedValues> list) : children_(std::move(list)), is_list_(true) {}  // NOLINT
  bool is_list() const { return is_list_; }
  double scalar() const { return scalar_; }
  bool all_integral() const;
  const std::vector<NestedValues>& children() const { return children_; }
  /// The shape of a rectangular nesting; throws naming the ragged level otherwise.
  Shape shape() const;
  void flatten_into(std::vector<double>& out) const;

 private:
  double scalar_ = 0;
  bool integral_ = false;
  std::vector<NestedValues> children_;
  bool is_list_ = false;
};

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  bool defined() const { return impl_ != nullptr; }
  const std::shared_ptr<TensorImpl>& impl() const { return impl_; }
  /// True when both handles are the same tensor (not merely equal values).
  bool is_same(const Tensor& other) const { return impl_ == other.impl_; }

  // ---- metadata ----
  const Shape& shape() const { return impl_->shape; }
  const Shape& sizes() const { return impl_->shape; }
  std::int64_t size(std::int64_t dim) const;
  const Shape& strides() const { return impl_->strides; }
  std::int64_t dim() const { return static_cast<std::int64_t>(impl_->shape.size()); }
  std::int64_t numel() const { return numel_of(impl_->shape); }
  std::int64_t storage_offset() const { return impl_->offset; }
  Dtype dtype() const { return impl_->dtype; }
  Device device() const { return impl_->storage->device(); }
  bool is_contiguous() const;
  /// True when both tensors view the same storage (what the Tensors lab calls "shares memory").
  bool shares_storage_with(const Tensor& other) const;
  const std::string& name() const { return impl_->name; }
  Tensor& set_name(std::string name) { impl_->name = std::move(name); return *this; }

  /// Pointer to the first element (CPU tensors; T must match dtype).
  template <typename T>
  T* data_ptr() const;
  /// The value of a one-element tensor. PyTorch: "a Tensor with N elements cannot be converted
  /// to Scalar" otherwise.
  double item() const;
  template <typename T>
  T item() const { return static_cast<T>(item()); }
  /// All elements in row-major order, converted to T (copies to the host if needed).
  template <typename T>
  std::vector<T> to_vector() const;

  // ---- autograd ----
  bool requires_grad() const;
  /// Makes a leaf record gradients. Only floating tensors can; non-leaves cannot be changed.
  Tensor& requires_grad_(bool requires_grad = true);
  /// The accumulated gradient of a leaf (undefined until a backward reaches it).
  Tensor grad() const;
  void set_grad(const Tensor& grad);
  /// The node that created this tensor (null for leaves).
  const std::shared_ptr<Node>& grad_fn() const { return impl_->grad_fn; }
  bool is_leaf() const { return impl_->grad_fn == nullptr; }
  /// Keep .grad for this non-leaf tensor during backward.
  void retain_grad();
  /// Reverse-mode differentiation from this tensor. A non-scalar needs `gradient` of its shape.
  void backward(const Tensor& gradient = Tensor(), bool retain_graph = false) const;
  /// A tensor sharing storage, outside the graph (no grad_fn, requires_grad false).
  Tensor detach() const;

  // ---- conversion and copies ----
  Tensor to(Dtype dtype) const;
  Tensor to(Device device) const;
  Tensor clone() const;
  Tensor contiguous() const;

  // ---- views and shape ----
  Tensor view(const Shape& shape) const;
  Tensor reshape(const Shape& shape) const;
  Tensor permute(const Shape& dims) const;
  Tensor transpose(std::int64_t dim0, std::int64_t dim1) const;
  Tensor t() const;  ///< transpose of a ≤2-D tensor
  Tensor squeeze() const;
  Tensor squeeze(std::int64_t dim) const;
  Tensor unsqueeze(std::int64_t dim) const;
  Tensor flatten(std::int64_t start_dim = 0, std::int64_t end_dim = -1) const;
  Tensor expand(const Shape& shape) const;
  Tensor select(std::int64_t dim, std::int64_t index) const;
  Tensor slice(std::int64_t dim, std::optional<std::int64_t> start, std::optional<std::int64_t> stop,
               std::int64_t step = 1) const;
  Tensor narrow(std::int64_t dim, std::int64_t start, std::int64_t length) const;
  Tensor index_select(std::int64_t dim, const Tensor& index) const;
  /// Python-style indexing: `t.index({Slice{1}, std::vector<int64_t>{2, 0}})` is `t[1:, [2, 0]]`.
  Tensor index(const std::vector<TensorIndex>& indices) const;

  // ---- arithmetic (broadcasting) ----
  Tensor add(const Tensor& other, double alpha = 1.0) const;
  Tensor sub(const Tensor& other, double alpha = 1.0) const;
  Tensor mul(const Tensor& other) const;
  Tensor div(const Tensor& other) const;
  Tensor neg() const;
  Tensor pow(double exponent) const;
  Tensor pow(const Tensor& exponent) const;
  Tensor exp() const;
  Tensor log() const;
  Tensor sqrt() const;
  Tensor abs() const;
  Tensor clamp(std::optional<double> min, std::optional<double> max = std::nullopt) const;
  Tensor sigmoid() const;
  Tensor tanh() const;
  Tensor relu() const;
  Tensor matmul(const Tensor& other) const;
  Tensor mm(const Tensor& other) const;
  Tensor bmm(const Tensor& other) const;

  // ---- reductions ----
  Tensor sum() const;
  Tensor sum(const Shape& dims, bool keepdim = false) const;
  Tensor mean() const;
  Tensor mean(const Shape& dims, bool keepdim = false) const;
  Tensor max() const;
  std::tuple<Tensor, Tensor> max(std::int64_t dim, bool keepdim = false) const;
  Tensor min() const;
  std::tuple<Tensor, Tensor> min(std::int64_t dim, bool keepdim = false) const;
  Tensor argmax() const;
  Tensor argmax(std::int64_t dim, bool keepdim = false) const;

  // ---- in place (PyTorch refuses these on a leaf that requires grad while grad is enabled) ----
  Tensor& add_(const Tensor& other, double alpha = 1.0);
  Tensor& add_(double other);
  Tensor& sub_(const Tensor& other, double alpha = 1.0);
  Tensor& mul_(const Tensor& other);
  Tensor& mul_(double other);
  Tensor& div_(const Tensor& other);
  Tensor& zero_();
  Tensor& fill_(double value);
  Tensor& copy_(const Tensor& src);
  Tensor& clamp_(std::optional<double> min, std::optional<double> max = std::nullopt);

  /// PyTorch-like printout: tensor([[1., 2.], ...], dtype=torch.float64, requires_grad=True).
  std::string to_string() const;

 private:
  std::shared_ptr<TensorImpl> impl_;
};

// ---- creation (PyTorch names and defaults) ----
/// A tensor from nested literals; integers only → int64 unless options.dtype is given.
Tensor tensor(const NestedValues& values, std::optional<TensorOptions> options = std::nullopt);
Tensor from_vector(const std::vector<double>& values, const Shape& shape, TensorOptions options = {});
Tensor scalar_tensor(double value, TensorOptions options = {});
Tensor empty(const Shape& shape, TensorOptions options = {});
Tensor zeros(const Shape& shape, TensorOptions options = {});
Tensor ones(const Shape& shape, TensorOptions options = {});
Tensor full(const Shape& shape, double value, TensorOptions options = {});
/// Values start, start+step, ... < end (PyTorch: int64 when all arguments are integral).
Tensor arange(double start, double end, double step = 1.0, std::optional<TensorOptions> options = std::nullopt);
Tensor arange(double end, std::optional<TensorOptions> options = std::nullopt);
/// `steps` values evenly spaced from start to end inclusive.
Tensor linspace(double start, double end, std::int64_t steps, TensorOptions options = {});
/// Uniform on [0, 1) from the given generator (the thread's default when null).
Tensor rand(const Shape& shape, TensorOptions options = {}, Generator* generator = nullptr);
/// Standard normal.
Tensor randn(const Shape& shape, TensorOptions options = {}, Generator* generator = nullptr);
/// Integers uniform in [low, high), int64.
Tensor randint(std::int64_t low, std::int64_t high, const Shape& shape, Generator* generator = nullptr);
Tensor zeros_like(const Tensor& t, std::optional<TensorOptions> options = std::nullopt);
Tensor ones_like(const Tensor& t, std::optional<TensorOptions> options = std::nullopt);
Tensor full_like(const Tensor& t, double value, std::optional<TensorOptions> options = std::nullopt);
Tensor rand_like(const Tensor& t, Generator* generator = nullptr);
Tensor randn_like(const Tensor& t, Generator* generator = nullptr);
/// Options (dtype, device) of an existing tensor, requires_grad false.
TensorOptions options_of(const Tensor& t);

// ---- joining ----
Tensor cat(const std::vector<Tensor>& tensors, std::int64_t dim = 0);
Tensor stack(const std::vector<Tensor>& tensors, std::int64_t dim = 0);

// ---- operators ----
Tensor operator+(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a, const Tensor& b);
Tensor operator*(const Tensor& a, const Tensor& b);
Tensor operator/(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a);
Tensor operator+(const Tensor& a, double b);
Tensor operator-(const Tensor& a, double b);
Tensor operator*(const Tensor& a, double b);
Tensor operator/(const Tensor& a, double b);
Tensor operator+(double a, const Tensor& b);
Tensor operator-(double a, const Tensor& b);
Tensor operator*(double a, const Tensor& b);
Tensor operator/(double a, const Tensor& b);

/// A scalar operand as a 0-d tensor of t's dtype (int64 tensors with a fractional scalar
/// promote to float32, as in PyTorch).
Tensor wrap_scalar(double value, const Tensor& like);

}  // namespace gs
