// Tensor: metadata, creation, views (with their backward), conversion, in-place ops, printing.
#include "tensor/tensor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <numeric>

#include "autograd/engine.h"
#include "autograd/grad_mode.h"
#include "autograd/node.h"
#include "backend/backend.h"
#include "tensor/internal.h"
#include "tensor/random.h"
#include "util/error_codes.h"

namespace gs {

// ---------------------------------------------------------------- dtype / device names
std::string to_string(Dtype dtype) {
  switch (dtype) {
    case Dtype::Float32: return "torch.float32";
    case Dtype::Float64: return "torch.float64";
    case Dtype::Int64: return "torch.int64";
  }
  return "?";
}

Dtype parse_dtype(const std::string& name) {
  if (name == "float32" || name == "float" || name == "torch.float32") return kFloat32;
  if (name == "float64" || name == "double" || name == "torch.float64") return kFloat64;
  if (name == "int64" || name == "long" || name == "torch.int64") return kInt64;
  throw Error("unknown dtype \"" + name + "\": use \"float32\", \"float64\" or \"int64\"");
}

std::string to_string(Device device) { return device == Device::CPU ? "cpu" : "cuda:0"; }

Device parse_device(const std::string& name) {
  if (name == "cpu") return Device::CPU;
  if (name == "cuda" || name == "cuda:0") return Device::CUDA;
  throw Error("unknown device \"" + name + "\": use \"cpu\" or \"cuda\"");
}

// ---------------------------------------------------------------- storage
Storage::Storage(std::size_t nbytes, Device device) : nbytes_(nbytes), device_(device) {
  data_ = backend(device).allocate(nbytes);
}
Storage::~Storage() {
  if (data_) backend(device_).deallocate(data_, nbytes_);
}

// ---------------------------------------------------------------- internal helpers
namespace detail {

Tensor make_tensor(const Shape& shape, Dtype dtype, Device device) {
  for (auto s : shape)
    GS_CHECK(s >= 0, "negative dimension " + std::to_string(s) + " in shape " + shape_str(shape));
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = std::make_shared<Storage>(numel_of(shape) * element_size(dtype), device);
  impl->shape = shape;
  impl->strides = contiguous_strides(shape);
  impl->dtype = dtype;
  return Tensor(std::move(impl));
}

Tensor make_tensor_like(const Shape& shape, Dtype dtype, Device device, std::initializer_list<const Tensor*> operands) {
  const std::size_t ndim = shape.size();
  const bool all_contiguous = std::all_of(operands.begin(), operands.end(), [&](const Tensor* t) {
    return t->shape() == shape && t->is_contiguous();
  });
  if (ndim < 2 || all_contiguous) return make_tensor(shape, dtype, device);
  // Each operand's strides against the output's shape: broadcast dims get stride 0.
  std::vector<Shape> strides;
  for (const Tensor* t : operands) {
    Shape st(ndim, 0);
    const std::size_t lead = ndim - t->shape().size();
    for (std::size_t d = lead; d < ndim; ++d) {
      const std::int64_t size = t->shape()[d - lead];
      st[d] = size == 1 && shape[d] != 1 ? 0 : t->strides()[d - lead];
    }
    strides.push_back(std::move(st));
  }
  // TensorIterator's reorder_dimensions: perm[0] is the fastest-moving dim. A broadcast (stride 0)
  // operand has no opinion; equal strides put the smaller dim first.
  auto should_swap = [&](std::size_t d0, std::size_t d1) {
    for (const Shape& st : strides) {
      const std::int64_t s0 = st[d0], s1 = st[d1];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  std::vector<std::size_t> perm(ndim);
  for (std::size_t i = 0; i < ndim; ++i) perm[i] = ndim - 1 - i;
  for (std::size_t i = 1; i < ndim; ++i) {
    std::size_t d1 = i;
    for (std::size_t d0 = i; d0-- > 0;) {
      const int c = should_swap(perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  Tensor out = make_tensor(shape, dtype, device);
  Shape out_strides(ndim);
  std::int64_t next = 1;
  for (std::size_t k = 0; k < ndim; ++k) {
    out_strides[perm[k]] = next;
    next *= std::max<std::int64_t>(shape[perm[k]], 1);  // as contiguous_strides: an empty dim steps like size 1
  }
  out.impl()->strides = std::move(out_strides);
  return out;
}

Tensor alias(const Tensor& base, Shape shape, Shape strides, std::int64_t offset) {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = base.impl()->storage;
  impl->shape = std::move(shape);
  impl->strides = std::move(strides);
  impl->offset = offset;
  impl->dtype = base.dtype();
  impl->view_base = base.impl()->view_base ? base.impl()->view_base : base.impl();
  return Tensor(std::move(impl));
}

Tensor expand_as_shape(const Tensor& base, const Shape& shape) {
  if (base.shape() == shape) return base;
  const std::size_t lead = shape.size() - base.shape().size();
  Shape strides(shape.size(), 0);
  for (std::size_t i = 0; i < base.shape().size(); ++i)
    strides[lead + i] = base.shape()[i] == 1 && shape[lead + i] != 1 ? 0 : base.strides()[i];
  return alias(base, shape, strides, base.storage_offset());
}

Tensor cast(const Tensor& t, Dtype dtype) {
  if (t.dtype() == dtype) return t;
  Tensor out = make_tensor_like(t.shape(), dtype, t.device(), {&t});
  backend_of(t).copy(t, out);
  return out;
}

Tensor contiguous(const Tensor& t) {
  if (t.is_contiguous()) return t;
  Tensor out = make_tensor(t.shape(), t.dtype(), t.device());
  backend_of(t).copy(t, out);
  return out;
}

void check_same_device(const Tensor& a, const Tensor& b, const char* op) {
  if (a.device() != b.device()) {
    throw coded_error("different_devices", {op, to_string(a.device()), to_string(b.device())},
                "RuntimeError: Expected all tensors to be on the same device, but found at least two devices, " +
                    to_string(a.device()) + " and " + to_string(b.device()) + "!");
  }
}

void check_inplace_allowed(const Tensor& self, const char* op) {
  check_no_internal_overlap(self, op);
  check_inplace_autograd(self, op);
}

void check_no_internal_overlap(const Tensor& self, const char* op) {
  for (std::int64_t d = 0; d < self.dim(); ++d) {
    if (self.strides()[d] == 0 && self.shape()[d] > 1) {
      throw coded_error("inplace_overlap", {op, std::to_string(d)},
                  "RuntimeError: unsupported operation: more than one element of the written-to tensor refers to a "
                  "single memory location. Please clone() the tensor before performing the operation.");
    }
  }
}

void check_inplace_autograd(const Tensor& self, const char* op) {
  if (!is_grad_enabled()) return;
  if (self.is_leaf() && self.requires_grad()) {
    throw coded_error("inplace_leaf_requires_grad", {op},
                "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.");
  }
  auto base = self.impl()->view_base;
  if (base && (base->requires_grad || base->grad_fn)) {
    throw coded_error("inplace_view_requires_grad", {op},
                "RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation.");
  }
}

}  // namespace detail

using detail::make_tensor;

// ---------------------------------------------------------------- nested values
bool NestedValues::all_integral() const {
  if (!is_list_) return integral_;
  return std::all_of(children_.begin(), children_.end(), [](const NestedValues& c) { return c.all_integral(); });
}

Shape NestedValues::shape() const {
  if (!is_list_) return {};
  Shape s{static_cast<std::int64_t>(children_.size())};
  if (children_.empty()) return s;
  const Shape inner = children_[0].shape();
  for (std::size_t i = 1; i < children_.size(); ++i) {
    if (children_[i].shape() != inner) {
      throw Error("nested values are ragged: element 0 has shape " + shape_str(inner) + " but element " +
                      std::to_string(i) + " has shape " + shape_str(children_[i].shape()) +
                      "; every row must have the same length.",
                  "ValueError: expected sequence of length " + std::to_string(inner.empty() ? 0 : inner[0]) +
                      " at dim 1");
    }
  }
  s.insert(s.end(), inner.begin(), inner.end());
  return s;
}

void NestedValues::flatten_into(std::vector<double>& out) const {
  if (!is_list_) {
    out.push_back(scalar_);
    return;
  }
  for (const auto& c : children_) c.flatten_into(out);
}

// ---------------------------------------------------------------- creation
TensorOptions options_of(const Tensor& t) { return {.dtype = t.dtype(), .device = t.device()}; }

Tensor empty(const Shape& shape, TensorOptions options) {
  Tensor t = make_tensor(shape, options.dtype, options.device);
  if (options.requires_grad) t.requires_grad_(true);
  return t;
}

Tensor full(const Shape& shape, double value, TensorOptions options) {
  Tensor t = make_tensor(shape, options.dtype, options.device);
  detail::backend_of(t).fill(t, value);
  if (options.requires_grad) t.requires_grad_(true);
  return t;
}
Tensor zeros(const Shape& shape, TensorOptions options) { return full(shape, 0.0, options); }
Tensor ones(const Shape& shape, TensorOptions options) { return full(shape, 1.0, options); }
Tensor scalar_tensor(double value, TensorOptions options) { return full({}, value, options); }

Tensor from_vector(const std::vector<double>& values, const Shape& shape, TensorOptions options) {
  GS_CHECK(static_cast<std::int64_t>(values.size()) == numel_of(shape),
        std::to_string(values.size()) + " values cannot fill shape " + shape_str(shape));
  Tensor host = make_tensor(shape, options.dtype, Device::CPU);
  dispatch_dtype(options.dtype, [&]<typename T>() {
    T* p = host.data_ptr<T>();
    if constexpr (std::is_integral_v<T>) {
      // PyTorch refuses what the integer type cannot hold; the cast would be undefined ([[1e308]]
      // as int64 once was; fuzzing found it).
      constexpr double lo = static_cast<double>(std::numeric_limits<T>::min());
      for (double v : values)
        if (!(v >= lo && v < -lo)) {
          char shown[32];
          std::snprintf(shown, sizeof shown, "%.17g", v);
          throw Error(std::string("value ") + shown + " cannot be converted to type " + to_string(options.dtype) + " without overflow");
        }
    }
    for (std::size_t i = 0; i < values.size(); ++i) p[i] = static_cast<T>(values[i]);
  });
  Tensor t = options.device == Device::CPU ? host : host.to(options.device);
  if (options.requires_grad) t.requires_grad_(true);
  return t;
}

Tensor tensor(const NestedValues& values, std::optional<TensorOptions> options) {
  TensorOptions o = options.value_or(TensorOptions{.dtype = values.all_integral() ? kInt64 : kFloat32});
  std::vector<double> flat;
  flat.reserve(64);
  values.flatten_into(flat);
  return from_vector(flat, values.shape(), o);
}

Tensor arange(double start, double end, double step, std::optional<TensorOptions> options) {
  GS_CHECK(step != 0, "arange: step must be nonzero");
  GS_CHECK((end - start) / step >= 0, "arange: upper bound and step sign are inconsistent (start=" +
                                       std::to_string(start) + ", end=" + std::to_string(end) + ", step=" +
                                       std::to_string(step) + ")");
  const bool integral = std::floor(start) == start && std::floor(end) == end && std::floor(step) == step;
  TensorOptions o = options.value_or(TensorOptions{.dtype = integral ? kInt64 : kFloat32});
  const auto n = static_cast<std::int64_t>(std::ceil((end - start) / step));
  std::vector<double> v(n);
  for (std::int64_t i = 0; i < n; ++i) v[i] = start + static_cast<double>(i) * step;
  return from_vector(v, {n}, o);
}
Tensor arange(double end, std::optional<TensorOptions> options) { return arange(0, end, 1, options); }

Tensor linspace(double start, double end, std::int64_t steps, TensorOptions options) {
  GS_CHECK(steps >= 0, "linspace: number of steps must be non-negative, got " + std::to_string(steps));
  std::vector<double> v(steps);
  const double step = steps > 1 ? (end - start) / static_cast<double>(steps - 1) : 0;
  // NOTE: PyTorch fills the second half from the end, so the last value is exactly `end`.
  for (std::int64_t i = 0; i < steps; ++i)
    v[i] = i < steps / 2 ? start + step * static_cast<double>(i) : end - step * static_cast<double>(steps - 1 - i);
  if (steps == 1) v[0] = start;
  return from_vector(v, {steps}, options);
}

Tensor rand(const Shape& shape, TensorOptions options, Generator* generator) {
  Generator& g = generator ? *generator : default_generator();
  std::vector<double> v(numel_of(shape));
  for (auto& x : v) x = g.uniform();
  return from_vector(v, shape, options);
}

Tensor randn(const Shape& shape, TensorOptions options, Generator* generator) {
  Generator& g = generator ? *generator : default_generator();
  std::vector<double> v(numel_of(shape));
  for (auto& x : v) x = g.normal();
  return from_vector(v, shape, options);
}

Tensor randint(std::int64_t low, std::int64_t high, const Shape& shape, Generator* generator) {
  GS_CHECK(high > low, "randint: high (" + std::to_string(high) + ") must be greater than low (" + std::to_string(low) + ")");
  Generator& g = generator ? *generator : default_generator();
  std::vector<double> v(numel_of(shape));
  for (auto& x : v) x = static_cast<double>(g.integer(low, high));
  return from_vector(v, shape, {.dtype = kInt64});
}

Tensor full_like(const Tensor& t, double value, std::optional<TensorOptions> o) {
  const TensorOptions opt = o.value_or(options_of(t));
  // NOTE: laid out like t, as PyTorch's preserve_format: zeros_like(x.t()) is transposed too.
  Tensor out = detail::make_tensor_like(t.shape(), opt.dtype, opt.device, {&t});
  detail::backend_of(out).fill(out, value);
  if (opt.requires_grad) out.requires_grad_(true);
  return out;
}
Tensor zeros_like(const Tensor& t, std::optional<TensorOptions> o) { return full_like(t, 0.0, o); }
Tensor ones_like(const Tensor& t, std::optional<TensorOptions> o) { return full_like(t, 1.0, o); }
Tensor rand_like(const Tensor& t, Generator* g) { return rand(t.shape(), options_of(t), g); }
Tensor randn_like(const Tensor& t, Generator* g) { return randn(t.shape(), options_of(t), g); }

// ---------------------------------------------------------------- metadata
std::int64_t Tensor::size(std::int64_t dim) const { return impl_->shape[wrap_dim(dim, this->dim())]; }

bool Tensor::is_contiguous() const {
  if (numel() == 0) return true;
  std::int64_t expected = 1;
  for (std::size_t i = impl_->shape.size(); i-- > 0;) {
    if (impl_->shape[i] == 1) continue;
    if (impl_->strides[i] != expected) return false;
    expected *= impl_->shape[i];
  }
  return true;
}

bool Tensor::shares_storage_with(const Tensor& other) const {
  return defined() && other.defined() && impl_->storage == other.impl_->storage;
}

template <typename T>
T* Tensor::data_ptr() const {
  GS_CHECK(dtype_of<T>() == dtype(), "data_ptr: tensor is " + gs::to_string(dtype()) + ", not the requested type");
  GS_CHECK(device() == Device::CPU, "data_ptr: tensor is on " + gs::to_string(device()) + "; copy it to the CPU first");
  return static_cast<T*>(impl_->storage->data()) + impl_->offset;
}
template float* Tensor::data_ptr<float>() const;
template double* Tensor::data_ptr<double>() const;
template std::int64_t* Tensor::data_ptr<std::int64_t>() const;

template <typename T>
std::vector<T> Tensor::to_vector() const {
  Tensor host = detail::contiguous(device() == Device::CPU ? *this : detach().to(Device::CPU));
  std::vector<T> out(host.numel());
  dispatch_dtype(host.dtype(), [&]<typename S>() {
    const S* p = host.data_ptr<S>();
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<T>(p[i]);
  });
  return out;
}
template std::vector<float> Tensor::to_vector<float>() const;
template std::vector<double> Tensor::to_vector<double>() const;
template std::vector<std::int64_t> Tensor::to_vector<std::int64_t>() const;

double Tensor::item() const {
  if (numel() != 1) {
    throw coded_error("item_not_one_element", {shape_str(shape()), std::to_string(numel())},
                "RuntimeError: a Tensor with " + std::to_string(numel()) + " elements cannot be converted to Scalar");
  }
  return to_vector<double>()[0];
}

// ---------------------------------------------------------------- autograd accessors
bool Tensor::requires_grad() const { return impl_->requires_grad || impl_->grad_fn != nullptr; }

Tensor& Tensor::requires_grad_(bool requires_grad) {
  if (!is_leaf()) {
    throw coded_error("requires_grad_non_leaf", {},
                "RuntimeError: you can only change requires_grad flags of leaf variables.");
  }
  if (requires_grad && !is_floating_point(dtype())) {
    throw coded_error("requires_grad_integer", {gs::to_string(dtype())},
                "RuntimeError: only Tensors of floating point and complex dtype can require gradients");
  }
  impl_->requires_grad = requires_grad;
  return *this;
}

Tensor Tensor::grad() const { return impl_->grad ? Tensor(impl_->grad) : Tensor(); }

void Tensor::set_grad(const Tensor& grad) {
  if (grad.defined()) {
    GS_CHECK(grad.shape() == shape(), "assigned grad has shape " + shape_str(grad.shape()) + " but the tensor has shape " +
                                       shape_str(shape()));
  }
  impl_->grad = grad.defined() ? grad.impl() : nullptr;
}

void Tensor::retain_grad() {
  if (is_leaf()) return;  // leaves keep .grad anyway
  if (impl_->retains_grad) return;
  impl_->retains_grad = true;
  impl_->grad_fn->add_retained(impl_);
}

void Tensor::backward(const Tensor& gradient, bool retain_graph) const {
  BackwardPass(*this, gradient, retain_graph).run();
}

Tensor Tensor::detach() const {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = impl_->storage;
  impl->offset = impl_->offset;
  impl->shape = impl_->shape;
  impl->strides = impl_->strides;
  impl->dtype = impl_->dtype;
  impl->name = impl_->name;
  return Tensor(std::move(impl));
}

// ---------------------------------------------------------------- conversion
Tensor Tensor::to(Dtype dtype) const {
  if (dtype == this->dtype()) return *this;
  Tensor out = detail::cast(*this, dtype);
  const Dtype from = this->dtype();
  if (is_floating_point(dtype)) {
    record("ToCopyBackward0", {this}, out, [from](Node&, const Tensor& g) { return std::vector<Tensor>{g.to(from)}; });
  }
  return out;
}

Tensor Tensor::to(Device device) const {
  if (device == this->device()) return *this;
  Tensor src = detail::contiguous(*this);
  Tensor out = make_tensor(shape(), dtype(), device);
  const std::size_t nbytes = numel() * element_size(dtype());
  const void* src_ptr = static_cast<const char*>(src.impl()->storage->data()) + src.storage_offset() * element_size(dtype());
  void* dst_ptr = out.impl()->storage->data();
  if (this->device() == Device::CPU) backend(device).copy_from_host(dst_ptr, src_ptr, nbytes);
  else backend(this->device()).copy_to_host(dst_ptr, src_ptr, nbytes);
  const Device from = this->device();
  record("ToCopyBackward0", {this}, out, [from](Node&, const Tensor& g) { return std::vector<Tensor>{g.to(from)}; });
  return out;
}

Tensor Tensor::clone() const {
  // NOTE: like PyTorch's preserve_format, the copy keeps this tensor's memory order (a clone of
  // x.t() is transposed too); contiguous() is the copy that is always row-major.
  Tensor out = detail::make_tensor_like(shape(), dtype(), device(), {this});
  detail::backend_of(*this).copy(*this, out);
  record("CloneBackward0", {this}, out, [](Node&, const Tensor& g) { return std::vector<Tensor>{g}; });
  return out;
}

Tensor Tensor::contiguous() const {
  if (is_contiguous()) return *this;
  Tensor out = detail::make_tensor(shape(), dtype(), device());
  detail::backend_of(*this).copy(*this, out);
  record("CloneBackward0", {this}, out, [](Node&, const Tensor& g) { return std::vector<Tensor>{g}; });
  return out;
}

// ---------------------------------------------------------------- views
namespace {

/// Resolves one -1 in a requested shape; PyTorch's messages for impossible shapes.
Shape infer_size(const Shape& requested, std::int64_t numel) {
  Shape shape = requested;
  std::int64_t known = 1;
  int infer = -1;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      if (infer >= 0) throw coded_error("shape_one_inferred", {shape_str(requested)},
                                  "RuntimeError: only one dimension can be inferred");
      infer = static_cast<int>(i);
    } else if (shape[i] < 0) {
      throw Error("invalid shape dimension " + std::to_string(shape[i]) + " in " + shape_str(requested));
    } else {
      known *= shape[i];
    }
  }
  const auto invalid = [&] {
    return coded_error("shape_invalid_size", {shape_str(requested), std::to_string(numel)},
                 "RuntimeError: shape '" + shape_str(requested) + "' is invalid for input of size " + std::to_string(numel));
  };
  if (infer >= 0) {
    if (known == 0 || numel % known != 0) throw invalid();
    shape[infer] = numel / known;
  } else if (known != numel) {
    throw invalid();
  }
  return shape;
}

/// Strides that let `shape` view memory laid out as (old_shape, old_strides), if any (ATen's computeStride).
std::optional<Shape> view_strides(const Shape& old_shape, const Shape& old_strides, const Shape& shape) {
  if (old_shape.empty()) return Shape(shape.size(), 1);
  if (numel_of(old_shape) == 0) return contiguous_strides(shape);
  Shape strides(shape.size());
  std::int64_t view_d = static_cast<std::int64_t>(shape.size()) - 1;
  std::int64_t chunk_base_stride = old_strides.back();
  std::int64_t tensor_numel = 1, view_numel = 1;
  for (std::int64_t tensor_d = static_cast<std::int64_t>(old_shape.size()) - 1; tensor_d >= 0; --tensor_d) {
    tensor_numel *= old_shape[tensor_d];
    if (tensor_d == 0 ||
        (old_shape[tensor_d - 1] != 1 && old_strides[tensor_d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || shape[view_d] == 1)) {
        strides[view_d] = view_numel * chunk_base_stride;
        view_numel *= shape[view_d];
        --view_d;
      }
      if (view_numel != tensor_numel) return std::nullopt;
      if (tensor_d > 0) {
        chunk_base_stride = old_strides[tensor_d - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  if (view_d != -1) return std::nullopt;
  return strides;
}

/// Creates a view of self and records `name` with a backward that maps the view's gradient back.
Tensor view_op(const Tensor& self, Shape shape, Shape strides, std::int64_t offset, const char* name,
               Node::BackwardFn backward) {
  Tensor out = detail::alias(self, std::move(shape), std::move(strides), offset);
  record(name, {&self}, out, std::move(backward));
  return out;
}

std::vector<Tensor> one(Tensor t) { return {std::move(t)}; }

}  // namespace

Tensor Tensor::view(const Shape& requested) const {
  Shape shape = infer_size(requested, numel());
  auto strides = view_strides(this->shape(), this->strides(), shape);
  if (!strides) {
    throw coded_error("view_not_contiguous", {shape_str(shape), shape_str(this->strides())},
                "RuntimeError: view size is not compatible with input tensor's size and stride (at least one "
                "dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
  }
  Shape in_shape = this->shape();
  return view_op(*this, shape, *strides, storage_offset(), "ViewBackward0",
                 [in_shape](Node&, const Tensor& g) { return one(g.reshape(in_shape)); });
}

Tensor Tensor::reshape(const Shape& requested) const {
  Shape shape = infer_size(requested, numel());
  if (view_strides(this->shape(), this->strides(), shape)) return view(shape);
  // NOTE: reshape copies only when no view is possible (e.g. after a transpose), like PyTorch.
  return contiguous().view(shape);
}

Tensor Tensor::permute(const Shape& dims) const {
  GS_CHECK(static_cast<std::int64_t>(dims.size()) == dim(),
        "permute: number of dims (" + std::to_string(dims.size()) + ") does not match the tensor's " +
            std::to_string(dim()) + " dimensions");
  Shape shape(dims.size()), strides(dims.size()), inverse(dims.size());
  std::vector<bool> used(dims.size(), false);
  for (std::size_t i = 0; i < dims.size(); ++i) {
    const std::int64_t d = wrap_dim(dims[i], dim());
    GS_CHECK(!used[d], "permute: dim " + std::to_string(d) + " appears twice in " + shape_str(dims));
    used[d] = true;
    shape[i] = this->shape()[d];
    strides[i] = this->strides()[d];
    inverse[d] = static_cast<std::int64_t>(i);
  }
  return view_op(*this, shape, strides, storage_offset(), "PermuteBackward0",
                 [inverse](Node&, const Tensor& g) { return one(g.permute(inverse)); });
}

Tensor Tensor::transpose(std::int64_t dim0, std::int64_t dim1) const {
  const std::int64_t a = wrap_dim(dim0, dim()), b = wrap_dim(dim1, dim());
  Shape shape = this->shape(), strides = this->strides();
  if (dim() > 0) {
    std::swap(shape[a], shape[b]);
    std::swap(strides[a], strides[b]);
  }
  return view_op(*this, shape, strides, storage_offset(), "TransposeBackward0",
                 [a, b](Node&, const Tensor& g) { return one(g.transpose(a, b)); });
}

Tensor Tensor::t() const {
  GS_CHECK(dim() <= 2, "t() expects a tensor with <= 2 dimensions, but this one has " + std::to_string(dim()) +
                        "; use transpose(dim0, dim1) or permute.");
  if (dim() < 2) return view_op(*this, shape(), strides(), storage_offset(), "TBackward0",
                                [](Node&, const Tensor& g) { return one(g); });
  Shape shape{this->shape()[1], this->shape()[0]}, strides{this->strides()[1], this->strides()[0]};
  return view_op(*this, shape, strides, storage_offset(), "TBackward0", [](Node&, const Tensor& g) { return one(g.t()); });
}

Tensor Tensor::squeeze() const {
  Shape shape, strides;
  for (std::int64_t i = 0; i < dim(); ++i) {
    if (this->shape()[i] != 1) {
      shape.push_back(this->shape()[i]);
      strides.push_back(this->strides()[i]);
    }
  }
  Shape in_shape = this->shape();
  return view_op(*this, shape, strides, storage_offset(), "SqueezeBackward0",
                 [in_shape](Node&, const Tensor& g) { return one(g.reshape(in_shape)); });
}

Tensor Tensor::squeeze(std::int64_t d) const {
  const std::int64_t w = wrap_dim(d, dim());
  Shape shape = this->shape(), strides = this->strides();
  if (dim() > 0 && shape[w] == 1) {
    shape.erase(shape.begin() + w);
    strides.erase(strides.begin() + w);
  }
  Shape in_shape = this->shape();
  return view_op(*this, shape, strides, storage_offset(), "SqueezeBackward1",
                 [in_shape](Node&, const Tensor& g) { return one(g.reshape(in_shape)); });
}

Tensor Tensor::unsqueeze(std::int64_t d) const {
  const std::int64_t w = wrap_dim(d, dim() + 1);
  Shape shape = this->shape(), strides = this->strides();
  const std::int64_t stride = w < dim() ? shape[w] * strides[w] : 1;
  shape.insert(shape.begin() + w, 1);
  strides.insert(strides.begin() + w, stride);
  return view_op(*this, shape, strides, storage_offset(), "UnsqueezeBackward0",
                 [w](Node&, const Tensor& g) { return one(g.squeeze(w)); });
}

Tensor Tensor::flatten(std::int64_t start_dim, std::int64_t end_dim) const {
  if (dim() == 0) return reshape({1});
  const std::int64_t s = wrap_dim(start_dim, dim()), e = wrap_dim(end_dim, dim());
  GS_CHECK(s <= e, "flatten: start_dim (" + std::to_string(start_dim) + ") cannot come after end_dim (" +
                    std::to_string(end_dim) + ")");
  Shape shape(this->shape().begin(), this->shape().begin() + s);
  std::int64_t merged = 1;
  for (std::int64_t i = s; i <= e; ++i) merged *= this->shape()[i];
  shape.push_back(merged);
  shape.insert(shape.end(), this->shape().begin() + e + 1, this->shape().end());
  return reshape(shape);
}

Tensor Tensor::expand(const Shape& requested) const {
  GS_CHECK(requested.size() >= shape().size(),
        "expand: the number of sizes provided (" + std::to_string(requested.size()) +
            ") must be greater or equal to the number of dimensions in the tensor (" + std::to_string(dim()) + ")");
  const std::size_t lead = requested.size() - shape().size();
  Shape shape(requested.size()), strides(requested.size(), 0);
  for (std::size_t i = 0; i < requested.size(); ++i) {
    if (i < lead) {
      GS_CHECK(requested[i] >= 0, "expand: -1 is not allowed in a new leading dimension");
      shape[i] = requested[i];
      continue;
    }
    const std::int64_t have = this->shape()[i - lead];
    const std::int64_t want = requested[i] == -1 ? have : requested[i];
    if (have != want && have != 1) {
      throw Error("expand cannot turn size " + std::to_string(have) + " into " + std::to_string(want) + " at dimension " +
                      std::to_string(i) + ": only dimensions of size 1 can be expanded.",
                  "RuntimeError: The expanded size of the tensor (" + std::to_string(want) +
                      ") must match the existing size (" + std::to_string(have) + ") at non-singleton dimension " +
                      std::to_string(i) + ".  Target sizes: " + shape_str(requested) + ".  Tensor sizes: " +
                      shape_str(this->shape()));
    }
    shape[i] = want;
    strides[i] = have == want ? this->strides()[i - lead] : 0;
  }
  // A new leading dim of size 1 gets the stride that would step over everything after it, as in
  // PyTorch (inferExpandGeometry); a stretched one gets 0.
  for (std::size_t i = lead; i-- > 0;) {
    const bool last = i + 1 == shape.size();
    strides[i] = shape[i] != 1 ? 0 : last ? 1 : shape[i + 1] * strides[i + 1];
  }
  Shape in_shape = this->shape();
  return view_op(*this, shape, strides, storage_offset(), "ExpandBackward0",
                 [in_shape](Node&, const Tensor& g) { return one(sum_to(g, in_shape)); });
}

namespace {
Error index_error(std::int64_t index, std::int64_t dim, std::int64_t size) {
  return Error("index " + std::to_string(index) + " is out of range for dimension " + std::to_string(dim) +
                   " of size " + std::to_string(size) + " (valid: " + std::to_string(-size) + " to " +
                   std::to_string(size - 1) + ").",
               "IndexError: index " + std::to_string(index) + " is out of bounds for dimension " + std::to_string(dim) +
                   " with size " + std::to_string(size));
}
}  // namespace

Tensor Tensor::select(std::int64_t d, std::int64_t index) const {
  GS_CHECK(this->dim() > 0, "select() cannot be applied to a 0-d tensor");
  const std::int64_t w = wrap_dim(d, dim());
  const std::int64_t size = shape()[w];
  if (index < -size || index >= size) throw index_error(index, w, size);
  const std::int64_t i = index < 0 ? index + size : index;
  Shape shape = this->shape(), strides = this->strides();
  const std::int64_t offset = storage_offset() + i * strides[w];
  shape.erase(shape.begin() + w);
  strides.erase(strides.begin() + w);
  Shape in_shape = this->shape();
  return view_op(*this, shape, strides, offset, "SelectBackward0", [in_shape, w, i](Node&, const Tensor& g) {
    Tensor z = zeros(in_shape, options_of(g));
    Tensor dst = z.select(w, i);
    detail::backend_of(g).copy(g, dst);
    return one(z);
  });
}

Tensor Tensor::slice(std::int64_t d, std::optional<std::int64_t> start, std::optional<std::int64_t> stop,
                     std::int64_t step) const {
  const std::int64_t w = wrap_dim(d, dim());
  GS_CHECK(step > 0, "slice step must be greater than zero, got " + std::to_string(step) +
                      " (PyTorch does not support negative steps; use torch.flip)");
  const std::int64_t size = shape()[w];
  auto clampi = [size](std::int64_t v) {
    if (v < 0) v += size;
    return std::clamp<std::int64_t>(v, 0, size);
  };
  const std::int64_t b = start ? clampi(*start) : 0;
  const std::int64_t e = std::max(b, stop ? clampi(*stop) : size);
  Shape shape = this->shape(), strides = this->strides();
  shape[w] = (e - b + step - 1) / step;
  strides[w] *= step;
  const std::int64_t offset = storage_offset() + b * this->strides()[w];
  Shape in_shape = this->shape();
  return view_op(*this, shape, strides, offset, "SliceBackward0", [in_shape, w, b, e, step](Node&, const Tensor& g) {
    Tensor z = zeros(in_shape, options_of(g));
    Tensor dst = z.slice(w, b, e, step);
    detail::backend_of(g).copy(g, dst);
    return one(z);
  });
}

Tensor Tensor::narrow(std::int64_t d, std::int64_t start, std::int64_t length) const {
  const std::int64_t w = wrap_dim(d, dim());
  const std::int64_t s = start < 0 ? start + shape()[w] : start;
  GS_CHECK(s >= 0 && length >= 0 && s + length <= shape()[w],
        "narrow: start (" + std::to_string(start) + ") + length (" + std::to_string(length) + ") exceeds dimension size (" +
            std::to_string(shape()[w]) + ")");
  return slice(w, s, s + length, 1);
}

Tensor Tensor::index_select(std::int64_t d, const Tensor& index) const {
  const std::int64_t w = wrap_dim(d, dim());
  GS_CHECK(index.dtype() == kInt64, "index_select: index must be int64 (torch.long), got " + gs::to_string(index.dtype()));
  GS_CHECK(index.dim() <= 1, "index_select: index must be 1-D, got shape " + shape_str(index.shape()));
  const Tensor idx = detail::contiguous(index.dim() == 0 ? index.reshape({1}) : index).detach().to(device());
  const std::int64_t size = dim() == 0 ? 1 : shape()[w];
  std::vector<std::int64_t> values = idx.to_vector<std::int64_t>();
  for (auto& v : values) {
    if (v < -size || v >= size) throw index_error(v, w, size);
    if (v < 0) v += size;
  }
  Tensor normalized = from_vector(std::vector<double>(values.begin(), values.end()), {static_cast<std::int64_t>(values.size())},
                                  {.dtype = kInt64, .device = device()});
  Shape shape = this->shape();
  if (!shape.empty()) shape[w] = static_cast<std::int64_t>(values.size());
  Tensor src = detail::contiguous(*this);
  Tensor out = make_tensor(shape, dtype(), device());
  detail::backend_of(*this).index_select(src, w, normalized, out);
  Shape in_shape = this->shape();
  record("IndexSelectBackward0", {this}, out, [in_shape, w, normalized](Node&, const Tensor& g) {
    Tensor z = zeros(in_shape, options_of(g));
    detail::backend_of(g).index_add(z, w, normalized, detail::contiguous(g));
    return one(z);
  });
  return out;
}

Tensor Tensor::index(const std::vector<TensorIndex>& indices) const {
  Tensor t = *this;
  std::int64_t d = 0;
  int lists = 0;
  for (const TensorIndex& ix : indices) {
    switch (ix.kind()) {
      case TensorIndex::Kind::Integer:
        GS_CHECK(d < t.dim(), "too many indices for a tensor of dimension " + std::to_string(dim()));
        t = t.select(d, ix.integer());
        break;
      case TensorIndex::Kind::Slice:
        GS_CHECK(d < t.dim(), "too many indices for a tensor of dimension " + std::to_string(dim()));
        t = t.slice(d, ix.slice().start, ix.slice().stop, ix.slice().step);
        ++d;
        break;
      case TensorIndex::Kind::None:
        t = t.unsqueeze(d);
        ++d;
        break;
      case TensorIndex::Kind::List: {
        GS_CHECK(d < t.dim(), "too many indices for a tensor of dimension " + std::to_string(dim()));
        GS_CHECK(++lists == 1, "only one list index per indexing expression is supported (several lists broadcast "
                            "together in PyTorch; index them one at a time instead)");
        std::vector<double> v(ix.list().begin(), ix.list().end());
        t = t.index_select(d, from_vector(v, {static_cast<std::int64_t>(v.size())}, {.dtype = kInt64}));
        ++d;
        break;
      }
    }
  }
  // NOTE: with a list the result is a new tensor, row-major as PyTorch's advanced indexing makes
  // it (not a view into the index_select copy, whose later slices would leave it strided).
  if (lists == 0) return t;
  if (!t.is_contiguous()) return t.contiguous();
  return t.storage_offset() == 0 && t.strides() == contiguous_strides(t.shape()) ? t : t.clone();
}

// ---------------------------------------------------------------- joining
Tensor cat(const std::vector<Tensor>& tensors, std::int64_t dim) {
  GS_CHECK(!tensors.empty(), "cat: expected a non-empty list of tensors");
  const Tensor& first = tensors[0];
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    GS_CHECK(tensors[i].dim() > 0, "zero-dimensional tensor (at position " + std::to_string(i) +
                                    ") cannot be concatenated; unsqueeze it or use stack");
  }
  const std::int64_t d = wrap_dim(dim, first.dim());
  Dtype dtype = first.dtype();
  std::int64_t total = 0;
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    detail::check_same_device(first, t, "cat");
    dtype = promote_types(dtype, t.dtype());
    bool same = t.dim() == first.dim();
    for (std::int64_t k = 0; same && k < t.dim(); ++k) same = k == d || t.shape()[k] == first.shape()[k];
    if (!same) {
      throw coded_error("cat_sizes", {std::to_string(i), shape_str(t.shape()), shape_str(first.shape()), std::to_string(d)},
                  "RuntimeError: Sizes of tensors must match except in dimension " + std::to_string(d));
    }
    total += t.shape()[d];
  }
  Shape shape = first.shape();
  shape[d] = total;
  Tensor out = make_tensor(shape, dtype, first.device());
  std::vector<std::int64_t> sizes;
  std::int64_t offset = 0;
  {
    NoGradGuard no_grad;
    for (const Tensor& t : tensors) {
      Tensor dst = out.narrow(d, offset, t.shape()[d]);
      detail::backend_of(t).copy(t, dst);
      sizes.push_back(t.shape()[d]);
      offset += t.shape()[d];
    }
  }
  std::vector<Dtype> dtypes;
  for (const Tensor& t : tensors) dtypes.push_back(t.dtype());
  record("CatBackward0", tensors, out, [d, sizes, dtypes](Node&, const Tensor& g) {
    std::vector<Tensor> grads;
    std::int64_t off = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      grads.push_back(g.narrow(d, off, sizes[i]).to(dtypes[i]));
      off += sizes[i];
    }
    return grads;
  });
  return out;
}

Tensor stack(const std::vector<Tensor>& tensors, std::int64_t dim) {
  GS_CHECK(!tensors.empty(), "stack: expected a non-empty list of tensors");
  for (std::size_t i = 1; i < tensors.size(); ++i) {
    if (tensors[i].shape() != tensors[0].shape()) {
      throw coded_error("stack_sizes", {shape_str(tensors[0].shape()), std::to_string(i), shape_str(tensors[i].shape())},
                  "RuntimeError: stack expects each tensor to be equal size, but got " + shape_str(tensors[0].shape()) +
                      " at entry 0 and " + shape_str(tensors[i].shape()) + " at entry " + std::to_string(i));
    }
  }
  const std::int64_t d = wrap_dim(dim, tensors[0].dim() + 1);
  Tensor out;
  {
    NoGradGuard no_grad;
    std::vector<Tensor> parts;
    for (const Tensor& t : tensors) parts.push_back(t.unsqueeze(d));
    out = cat(parts, d);
  }
  const std::size_t n = tensors.size();
  record("StackBackward0", tensors, out, [d, n](Node&, const Tensor& g) {
    std::vector<Tensor> grads;
    for (std::size_t i = 0; i < n; ++i) grads.push_back(g.select(d, static_cast<std::int64_t>(i)));
    return grads;
  });
  return out;
}

// ---------------------------------------------------------------- printing
std::string Tensor::to_string() const {
  if (!defined()) return "tensor(undefined)";
  std::vector<double> v = to_vector<double>();
  const bool integral_values = std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x) && std::floor(x) == x; });
  auto fmt = [&](double x) {
    char buf[64];
    if (dtype() == kInt64) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(x));
    else if (std::isnan(x)) std::snprintf(buf, sizeof buf, "nan");
    else if (std::isinf(x)) std::snprintf(buf, sizeof buf, x > 0 ? "inf" : "-inf");
    else if (integral_values) std::snprintf(buf, sizeof buf, "%.0f.", x);
    else std::snprintf(buf, sizeof buf, "%.4f", x);
    return std::string(buf);
  };
  std::string s = "tensor(";
  std::size_t pos = 0;
  const auto& sh = shape();
  std::function<void(std::size_t)> rec = [&](std::size_t d) {
    if (d == sh.size()) {
      s += fmt(v[pos++]);
      return;
    }
    s += "[";
    for (std::int64_t i = 0; i < sh[d]; ++i) {
      if (i) s += d + 1 == sh.size() ? ", " : ",\n" + std::string(8 + d, ' ');
      rec(d + 1);
    }
    s += "]";
  };
  rec(0);
  if (dtype() == kFloat64) s += ", dtype=torch.float64";
  if (device() != Device::CPU) s += ", device='" + gs::to_string(device()) + "'";
  if (grad_fn()) s += ", grad_fn=<" + grad_fn()->name() + ">";
  else if (requires_grad()) s += ", requires_grad=True";
  return s + ")";
}

}  // namespace gs
