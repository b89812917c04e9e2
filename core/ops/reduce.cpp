// Reductions: sum, mean, var, max/min (all or along a dim), argmax.
#include <algorithm>

#include "autograd/grad_mode.h"
#include "autograd/node.h"
#include "ops/functional.h"
#include "tensor/internal.h"

namespace gs {
namespace {

using detail::backend_of;
using detail::make_tensor;

/// Wrapped, sorted, unique dims; an empty list means all dims (as torch.sum(x, dim=[])).
Shape normalize_dims(const Shape& dims, std::int64_t ndim) {
  Shape out;
  for (auto d : dims) out.push_back(wrap_dim(d, ndim));
  std::sort(out.begin(), out.end());
  for (std::size_t i = 1; i < out.size(); ++i)
    GS_CHECK(out[i] != out[i - 1], "dim " + std::to_string(out[i]) + " appears more than once in the list of dims");
  if (out.empty())
    for (std::int64_t d = 0; d < ndim; ++d) out.push_back(d);
  return out;
}

Shape reduced_shape(const Shape& shape, const Shape& dims, bool keepdim) {
  Shape out;
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(shape.size()); ++i) {
    if (std::find(dims.begin(), dims.end(), i) == dims.end()) out.push_back(shape[i]);
    else if (keepdim) out.push_back(1);
  }
  return out;
}

/// Sum over dims with keepdim, no graph: one kernel call per dim, last first.
Tensor sum_kernel(const Tensor& x, const Shape& dims) {
  Tensor cur = detail::contiguous(x);
  for (auto it = dims.rbegin(); it != dims.rend(); ++it) {
    Shape s = cur.shape();
    s[*it] = 1;
    Tensor out = make_tensor(s, cur.dtype(), cur.device());
    backend_of(cur).reduce(ReduceOp::Sum, cur, *it, out, nullptr);
    cur = out;
  }
  return cur;
}

std::vector<Tensor> one(Tensor t) { return {std::move(t)}; }

/// Reshapes a reduced gradient back so it broadcasts against the input.
Tensor unreduce(const Tensor& g, const Shape& in_shape, const Shape& dims, bool keepdim) {
  return (keepdim ? g : g.reshape(reduced_shape(in_shape, dims, true))).expand(in_shape);
}

}  // namespace

Tensor sum(const Tensor& x) {
  Tensor out = make_tensor({}, x.dtype(), x.device());
  backend_of(x).reduce_all(ReduceOp::Sum, x, out);
  Shape in_shape = x.shape();
  record("SumBackward0", {&x}, out, [in_shape](Node&, const Tensor& g) { return one(g.expand(in_shape)); });
  return out;
}

Tensor sum(const Tensor& x, const Shape& dims_in, bool keepdim) {
  if (x.dim() == 0) return sum(x);
  const Shape dims = normalize_dims(dims_in, x.dim());
  Tensor out = sum_kernel(x, dims);
  if (!keepdim) out = detail::alias(out, reduced_shape(x.shape(), dims, false),
                                    contiguous_strides(reduced_shape(x.shape(), dims, false)), 0);
  Shape in_shape = x.shape();
  if (auto node = record("SumBackward1", {&x}, out, [=](Node&, const Tensor& g) {
        return one(unreduce(g, in_shape, dims, keepdim));
      })) {
    node->add_attribute("dim=" + shape_str(dims));
    node->add_attribute(std::string("keepdim=") + (keepdim ? "True" : "False"));
  }
  return out;
}

namespace {
void check_mean_dtype(const Tensor& x) {
  if (!is_floating_point(x.dtype())) {
    throw Error("mean() needs a floating-point tensor, but this one is torch.int64: convert it first with "
                ".to(torch.float32) (.float()).",
                "RuntimeError: mean(): could not infer output dtype. Input dtype must be either a floating point or "
                "complex dtype. Got: Long");
  }
}
}  // namespace

Tensor mean(const Tensor& x) {
  check_mean_dtype(x);
  // NOTE: the mean of no elements is nan (0 / 0), as in PyTorch.
  const double n = static_cast<double>(x.numel());
  Tensor out;
  {
    NoGradGuard no_grad;
    out = sum(x) / n;
  }
  Shape in_shape = x.shape();
  record("MeanBackward0", {&x}, out, [in_shape, n](Node&, const Tensor& g) { return one((g / n).expand(in_shape)); });
  return out;
}

Tensor mean(const Tensor& x, const Shape& dims_in, bool keepdim) {
  check_mean_dtype(x);
  if (x.dim() == 0) return mean(x);
  const Shape dims = normalize_dims(dims_in, x.dim());
  double n = 1;
  for (auto d : dims) n *= static_cast<double>(x.shape()[d]);
  Tensor out;
  {
    NoGradGuard no_grad;
    out = sum(x, dims, keepdim) / n;
  }
  Shape in_shape = x.shape();
  if (auto node = record("MeanBackward1", {&x}, out, [=](Node&, const Tensor& g) {
        return one(unreduce(g / n, in_shape, dims, keepdim));
      })) {
    node->add_attribute("dim=" + shape_str(dims));
  }
  return out;
}

Tensor var(const Tensor& x, const Shape& dims, bool unbiased, bool keepdim) {
  const Tensor centered = x - mean(x, dims, true);
  const Shape d = normalize_dims(dims, x.dim());
  double n = 1;
  for (auto k : d) n *= static_cast<double>(x.shape()[k]);
  return sum(centered * centered, d, keepdim) / (unbiased ? n - 1 : n);
}

namespace {
Tensor extreme_all(const Tensor& x, bool is_max) {
  Tensor out = make_tensor({}, x.dtype(), x.device());
  backend_of(x).reduce_all(is_max ? ReduceOp::Max : ReduceOp::Min, x, out);
  if (auto node = record(is_max ? "MaxBackward1" : "MinBackward1", {&x}, out, nullptr)) {
    node->save("self", x);
    node->save("result", out, /*is_output=*/true);
    node->set_backward([](Node& n, const Tensor& g) {
      // NOTE: ties share the gradient evenly, as PyTorch's amax/amin backward.
      const Tensor mask = eq(n.saved(0), n.saved(1));
      return one(mask * (g / sum(mask)));
    });
  }
  return out;
}

std::tuple<Tensor, Tensor> extreme_dim(const Tensor& x, std::int64_t dim, bool keepdim, bool is_max) {
  GS_CHECK(x.numel() > 0, std::string(is_max ? "max" : "min") + "(): cannot reduce an empty tensor along a dim");
  const std::int64_t d = wrap_dim(dim, x.dim());
  const Tensor src = detail::contiguous(x);
  Shape s = x.shape();
  if (!s.empty()) s[d] = 1;
  Tensor values = make_tensor(s, x.dtype(), x.device());
  Tensor indices = make_tensor(s, kInt64, x.device());
  backend_of(x).reduce(is_max ? ReduceOp::Max : ReduceOp::Min, src, x.dim() == 0 ? 0 : d, values, &indices);
  if (!keepdim && x.dim() > 0) {
    values = values.squeeze(d);
    indices = indices.squeeze(d);
  }
  Shape in_shape = x.shape();
  if (auto node = record(is_max ? "MaxBackward0" : "MinBackward0", {&x}, values, nullptr)) {
    node->save("indices", indices);
    node->add_attribute("dim=" + std::to_string(d));
    node->set_backward([in_shape, d, keepdim](Node& n, const Tensor& g) {
      Tensor idx = n.saved(0);
      Tensor gk = g;
      if (!keepdim && !in_shape.empty()) {
        idx = idx.unsqueeze(d);
        gk = g.unsqueeze(d);
      }
      if (in_shape.empty()) return one(g);
      Shape pos_shape(in_shape.size(), 1);
      pos_shape[d] = in_shape[d];
      const Tensor positions = arange(static_cast<double>(in_shape[d]), TensorOptions{.dtype = kInt64, .device = g.device()})
                                   .reshape(pos_shape);
      const Tensor one_hot = eq(positions, idx).to(g.dtype());
      return one(one_hot * gk);
    });
  }
  return {values, indices};
}
}  // namespace

Tensor max(const Tensor& x) { return extreme_all(x, true); }
Tensor min(const Tensor& x) { return extreme_all(x, false); }
std::tuple<Tensor, Tensor> max(const Tensor& x, std::int64_t dim, bool keepdim) { return extreme_dim(x, dim, keepdim, true); }
std::tuple<Tensor, Tensor> min(const Tensor& x, std::int64_t dim, bool keepdim) { return extreme_dim(x, dim, keepdim, false); }

Tensor argmax(const Tensor& x) {
  NoGradGuard no_grad;
  return std::get<1>(max(x.reshape({-1}), 0, false));
}
Tensor argmax(const Tensor& x, std::int64_t dim, bool keepdim) {
  NoGradGuard no_grad;
  return std::get<1>(max(x, dim, keepdim));
}

Tensor Tensor::sum() const { return gs::sum(*this); }
Tensor Tensor::sum(const Shape& dims, bool keepdim) const { return gs::sum(*this, dims, keepdim); }
Tensor Tensor::mean() const { return gs::mean(*this); }
Tensor Tensor::mean(const Shape& dims, bool keepdim) const { return gs::mean(*this, dims, keepdim); }
Tensor Tensor::max() const { return gs::max(*this); }
std::tuple<Tensor, Tensor> Tensor::max(std::int64_t dim, bool keepdim) const { return gs::max(*this, dim, keepdim); }
Tensor Tensor::min() const { return gs::min(*this); }
std::tuple<Tensor, Tensor> Tensor::min(std::int64_t dim, bool keepdim) const { return gs::min(*this, dim, keepdim); }
Tensor Tensor::argmax() const { return gs::argmax(*this); }
Tensor Tensor::argmax(std::int64_t dim, bool keepdim) const { return gs::argmax(*this, dim, keepdim); }

}  // namespace gs
