// Elementwise arithmetic with broadcasting, its backward, the operators and the in-place forms.
#include <cmath>
#include <limits>

#include "autograd/grad_mode.h"
#include "autograd/node.h"
#include "ops/functional.h"
#include "ops/unary.h"
#include "tensor/internal.h"

namespace gs {
namespace {

using detail::backend_of;
using detail::make_tensor;

std::vector<Tensor> grads(Tensor a, Tensor b = Tensor()) { return {std::move(a), std::move(b)}; }

/// Result dtype of a binary op: a 0-d operand does not raise the dtype of a dimensioned one of
/// the same kind (so `x_float32 * 2.0` stays float32), as in PyTorch.
Dtype result_dtype(const Tensor& a, const Tensor& b) {
  const bool a0 = a.dim() == 0, b0 = b.dim() == 0;
  if (a0 != b0) {
    const Tensor& dimensioned = a0 ? b : a;
    const Tensor& scalar = a0 ? a : b;
    if (is_floating_point(dimensioned.dtype()) || !is_floating_point(scalar.dtype())) return dimensioned.dtype();
  }
  return promote_types(a.dtype(), b.dtype());
}

/// Runs a broadcasting kernel: out = op(a, b) in the promoted dtype, no graph recorded.
Tensor binary_forward(BinaryOp op, const Tensor& a, const Tensor& b, const char* name) {
  detail::check_same_device(a, b, name);
  const Dtype dtype = result_dtype(a, b);
  const Shape shape = broadcast_shapes(a.shape(), b.shape());
  Tensor out = detail::make_tensor_like(shape, dtype, a.device(), {&a, &b});
  backend_of(a).binary(op, detail::expand_as_shape(detail::cast(a, dtype), shape),
                       detail::expand_as_shape(detail::cast(b, dtype), shape), out);
  return out;
}

Tensor floating(const Tensor& x) { return is_floating_point(x.dtype()) ? x : x.to(kFloat32); }

}  // namespace

Tensor wrap_scalar(double value, const Tensor& like) {
  Dtype dtype = like.dtype();
  if (dtype == kInt64 && std::floor(value) != value) dtype = kFloat32;
  return scalar_tensor(value, {.dtype = dtype, .device = like.device()});
}

Tensor add(const Tensor& a, const Tensor& b, double alpha) {
  Tensor out;
  if (alpha == 1.0) {
    out = binary_forward(BinaryOp::Add, a, b, "add");
  } else {
    detail::check_same_device(a, b, "add");
    const Dtype dtype = result_dtype(a, b);
    const Shape shape = broadcast_shapes(a.shape(), b.shape());
    out = detail::make_tensor_like(shape, dtype, a.device(), {&a, &b});
    backend_of(a).add_scaled(detail::expand_as_shape(detail::cast(a, dtype), shape),
                             detail::expand_as_shape(detail::cast(b, dtype), shape), alpha, out);
  }
  Shape sa = a.shape(), sb = b.shape();
  Dtype da = a.dtype(), db = b.dtype();
  record("AddBackward0", {&a, &b}, out, [=](Node& n, const Tensor& g) {
    return grads(n.needs_input_grad(0) ? sum_to(g, sa).to(da) : Tensor(),
                 n.needs_input_grad(1) ? sum_to(alpha == 1.0 ? g : g * alpha, sb).to(db) : Tensor());
  });
  return out;
}

Tensor sub(const Tensor& a, const Tensor& b, double alpha) {
  Tensor out;
  {
    NoGradGuard no_grad;
    out = add(a, b, -alpha);
  }
  Shape sa = a.shape(), sb = b.shape();
  Dtype da = a.dtype(), db = b.dtype();
  record("SubBackward0", {&a, &b}, out, [=](Node& n, const Tensor& g) {
    return grads(n.needs_input_grad(0) ? sum_to(g, sa).to(da) : Tensor(),
                 n.needs_input_grad(1) ? sum_to(g * -alpha, sb).to(db) : Tensor());
  });
  return out;
}

Tensor mul(const Tensor& a, const Tensor& b) {
  Tensor out = binary_forward(BinaryOp::Mul, a, b, "mul");
  if (auto node = record("MulBackward0", {&a, &b}, out, nullptr)) {
    // Save each operand only if the other one needs its gradient (as PyTorch does).
    node->save("self", node->needs_input_grad(1) ? a : Tensor());
    node->save("other", node->needs_input_grad(0) ? b : Tensor());
    Shape sa = a.shape(), sb = b.shape();
    Dtype da = a.dtype(), db = b.dtype();
    node->set_backward([=](Node& n, const Tensor& g) {
      return grads(n.needs_input_grad(0) ? sum_to(g * n.saved(1), sa).to(da) : Tensor(),
                   n.needs_input_grad(1) ? sum_to(g * n.saved(0), sb).to(db) : Tensor());
    });
  }
  return out;
}

Tensor div(const Tensor& a, const Tensor& b) {
  // NOTE: true division, as Python's `/`: integer tensors give float32.
  const bool ints = !is_floating_point(a.dtype()) && !is_floating_point(b.dtype());
  Tensor out = ints ? binary_forward(BinaryOp::Div, a.to(kFloat32), b.to(kFloat32), "div")
                    : binary_forward(BinaryOp::Div, a, b, "div");
  if (auto node = record("DivBackward0", {&a, &b}, out, nullptr)) {
    node->save("self", node->needs_input_grad(1) ? a : Tensor());
    node->save("other", b);
    Shape sa = a.shape(), sb = b.shape();
    Dtype da = a.dtype(), db = b.dtype();
    node->set_backward([=](Node& n, const Tensor& g) {
      const Tensor other = n.saved(1);
      return grads(n.needs_input_grad(0) ? sum_to(g / other, sa).to(da) : Tensor(),
                   n.needs_input_grad(1) ? sum_to(-g * n.saved(0) / (other * other), sb).to(db) : Tensor());
    });
  }
  return out;
}

Tensor neg(const Tensor& x) {
  Tensor out = detail::make_tensor_like(x.shape(), x.dtype(), x.device(), {&x});
  backend_of(x).unary(UnaryOp::Neg, x, out, {});
  record("NegBackward0", {&x}, out, [](Node&, const Tensor& g) { return grads(-g); });
  return out;
}

/// A unary kernel with its derivative kernel: the shared shape of exp, log, sqrt, abs, activations.
Tensor unary_op(UnaryOp op, const char* name, const Tensor& input, UnaryArgs args, bool save_result,
                std::vector<std::string> attributes) {
  const Tensor x = floating(input);
  Tensor out = detail::make_tensor_like(x.shape(), x.dtype(), x.device(), {&x});
  backend_of(x).unary(op, x, out, args);
  if (auto node = record(name, {&x}, out, nullptr)) {
    node->save(save_result ? "result" : "self", save_result ? out : x, /*is_output=*/save_result);
    for (auto& a : attributes) node->add_attribute(std::move(a));
    node->set_backward([op, args, save_result](Node& n, const Tensor& g) {
      const Tensor saved = n.saved(0);
      Tensor r = make_tensor(g.shape(), g.dtype(), g.device());
      backend_of(g).unary_backward(op, detail::contiguous(g), save_result ? Tensor() : saved,
                                   save_result ? saved : Tensor(), r, args);
      return std::vector<Tensor>{r};
    });
  }
  return out;
}

Tensor exp(const Tensor& x) { return unary_op(UnaryOp::Exp, "ExpBackward0", x, {}, true, {}); }
Tensor log(const Tensor& x) { return unary_op(UnaryOp::Log, "LogBackward0", x, {}, false, {}); }
Tensor sqrt(const Tensor& x) { return unary_op(UnaryOp::Sqrt, "SqrtBackward0", x, {}, true, {}); }
Tensor sin_of(const Tensor& x) { return unary_op(UnaryOp::Sin, "SinBackward0", x, {}, false, {}); }
Tensor square(const Tensor& x) { return unary_op(UnaryOp::Square, "PowBackward0", x, {}, false, {"exponent=2"}); }

Tensor abs(const Tensor& x) {
  if (!is_floating_point(x.dtype())) {
    Tensor out = make_tensor(x.shape(), x.dtype(), x.device());
    backend_of(x).unary(UnaryOp::Abs, x, out, {});
    return out;
  }
  return unary_op(UnaryOp::Abs, "AbsBackward0", x, {}, false, {});
}

Tensor pow(const Tensor& input, double exponent) {
  if (exponent == 2.0) return square(input);
  const Tensor x = std::floor(exponent) == exponent ? input : floating(input);
  Tensor out = binary_forward(BinaryOp::Pow, x, wrap_scalar(exponent, x), "pow");
  if (auto node = record("PowBackward0", {&x}, out, nullptr)) {
    node->save("self", x);
    node->add_attribute("exponent=" + std::to_string(exponent));
    node->set_backward([exponent](Node& n, const Tensor& g) {
      if (exponent == 0.0) return grads(zeros_like(g));
      return grads(g * exponent * pow(n.saved(0), exponent - 1.0));
    });
  }
  return out;
}

Tensor pow(const Tensor& base, const Tensor& exponent) {
  Tensor out = binary_forward(BinaryOp::Pow, base, exponent, "pow");
  if (auto node = record("PowBackward1", {&base, &exponent}, out, nullptr)) {
    node->save("self", base);
    node->save("exponent", exponent);
    node->save("result", out, /*is_output=*/true);
    Shape sa = base.shape(), sb = exponent.shape();
    node->set_backward([=](Node& n, const Tensor& g) {
      const Tensor a = n.saved(0), b = n.saved(1);
      Tensor ga, gb;
      if (n.needs_input_grad(0)) ga = sum_to(g * b * pow(a, b - 1.0), sa);
      if (n.needs_input_grad(1)) {
        // NOTE: d/db a^b = a^b·log a; where a == 0 and b >= 0 PyTorch defines it as 0.
        const Tensor safe_log = log(where(eq(a, wrap_scalar(0, a)), ones_like(a), a));
        gb = sum_to(g * n.saved(2) * safe_log, sb);
      }
      return grads(ga, gb);
    });
  }
  return out;
}

Tensor clamp(const Tensor& x, std::optional<double> min, std::optional<double> max) {
  GS_CHECK(min || max, "clamp: at least one of min and max must be given");
  const double lo = min.value_or(std::numeric_limits<double>::quiet_NaN());
  const double hi = max.value_or(std::numeric_limits<double>::quiet_NaN());
  Tensor out = make_tensor(x.shape(), x.dtype(), x.device());
  backend_of(x).clamp(x, lo, hi, out);
  if (auto node = record("ClampBackward1", {&x}, out, nullptr)) {
    node->save("self", x);
    if (min) node->add_attribute("min=" + std::to_string(*min));
    if (max) node->add_attribute("max=" + std::to_string(*max));
    node->set_backward([min, max](Node& n, const Tensor& g) {
      const Tensor v = n.saved(0);
      Tensor mask = ones_like(v);
      if (min) mask = mask * ge(v, wrap_scalar(*min, v));
      if (max) mask = mask * le(v, wrap_scalar(*max, v));
      return grads(g * mask);
    });
  }
  return out;
}

Tensor where(const Tensor& condition, const Tensor& a, const Tensor& b) {
  detail::check_same_device(a, b, "where");
  const Dtype dtype = result_dtype(a, b);
  const Shape shape = broadcast_shapes(broadcast_shapes(condition.shape(), a.shape()), b.shape());
  Tensor out = make_tensor(shape, dtype, a.device());
  const Tensor cond = detail::expand_as_shape(detail::cast(condition.detach(), dtype), shape);
  backend_of(a).where(cond, detail::expand_as_shape(detail::cast(a, dtype), shape),
                      detail::expand_as_shape(detail::cast(b, dtype), shape), out);
  if (auto node = record("WhereBackward0", {&a, &b}, out, nullptr)) {
    node->save("condition", cond);
    Shape sa = a.shape(), sb = b.shape();
    node->set_backward([=](Node& n, const Tensor& g) {
      const Tensor c = n.saved(0);
      const Tensor z = zeros_like(g);
      return grads(n.needs_input_grad(0) ? sum_to(where(c, g, z), sa) : Tensor(),
                   n.needs_input_grad(1) ? sum_to(where(c, z, g), sb) : Tensor());
    });
  }
  return out;
}

Tensor eq(const Tensor& a, const Tensor& b) { return binary_forward(BinaryOp::Eq, a, b, "eq"); }
Tensor gt(const Tensor& a, const Tensor& b) { return binary_forward(BinaryOp::Gt, a, b, "gt"); }
Tensor lt(const Tensor& a, const Tensor& b) { return binary_forward(BinaryOp::Lt, a, b, "lt"); }
Tensor ge(const Tensor& a, const Tensor& b) { return binary_forward(BinaryOp::Ge, a, b, "ge"); }
Tensor le(const Tensor& a, const Tensor& b) { return binary_forward(BinaryOp::Le, a, b, "le"); }

Tensor maximum(const Tensor& a, const Tensor& b) {
  return where(ge(a, b), a, b);
}
Tensor minimum(const Tensor& a, const Tensor& b) {
  return where(le(a, b), a, b);
}

// ---------------------------------------------------------------- Tensor methods and operators
Tensor Tensor::add(const Tensor& o, double alpha) const { return gs::add(*this, o, alpha); }
Tensor Tensor::sub(const Tensor& o, double alpha) const { return gs::sub(*this, o, alpha); }
Tensor Tensor::mul(const Tensor& o) const { return gs::mul(*this, o); }
Tensor Tensor::div(const Tensor& o) const { return gs::div(*this, o); }
Tensor Tensor::neg() const { return gs::neg(*this); }
Tensor Tensor::pow(double e) const { return gs::pow(*this, e); }
Tensor Tensor::pow(const Tensor& e) const { return gs::pow(*this, e); }
Tensor Tensor::exp() const { return gs::exp(*this); }
Tensor Tensor::log() const { return gs::log(*this); }
Tensor Tensor::sqrt() const { return gs::sqrt(*this); }
Tensor Tensor::abs() const { return gs::abs(*this); }
Tensor Tensor::clamp(std::optional<double> lo, std::optional<double> hi) const { return gs::clamp(*this, lo, hi); }

Tensor operator+(const Tensor& a, const Tensor& b) { return add(a, b); }
Tensor operator-(const Tensor& a, const Tensor& b) { return sub(a, b); }
Tensor operator*(const Tensor& a, const Tensor& b) { return mul(a, b); }
Tensor operator/(const Tensor& a, const Tensor& b) { return div(a, b); }
Tensor operator-(const Tensor& a) { return neg(a); }
Tensor operator+(const Tensor& a, double b) { return add(a, wrap_scalar(b, a)); }
Tensor operator-(const Tensor& a, double b) { return sub(a, wrap_scalar(b, a)); }
Tensor operator*(const Tensor& a, double b) { return mul(a, wrap_scalar(b, a)); }
Tensor operator/(const Tensor& a, double b) { return div(a, wrap_scalar(b, a)); }
Tensor operator+(double a, const Tensor& b) { return add(wrap_scalar(a, b), b); }
Tensor operator-(double a, const Tensor& b) { return sub(wrap_scalar(a, b), b); }
Tensor operator*(double a, const Tensor& b) { return mul(wrap_scalar(a, b), b); }
Tensor operator/(double a, const Tensor& b) { return div(wrap_scalar(a, b), b); }

// ---------------------------------------------------------------- in place
namespace {

/// Writes result into self's memory. With grad recording, self takes over result's grad_fn (the
/// op was recorded on a clone of self, so the saved old value stays intact).
void assign_inplace(Tensor& self, const Tensor& result, const char* op) {
  if (result.shape() != self.shape()) {
    throw Error(std::string(op) + ": the result has shape " + shape_str(result.shape()) +
                    " but an in-place op must keep the shape " + shape_str(self.shape()) + " of the tensor it changes.",
                "RuntimeError: output with shape " + shape_str(self.shape()) + " doesn't match the broadcast shape " +
                    shape_str(result.shape()));
  }
  backend_of(self).copy(result, self);
  self.impl()->storage->bump_version();
  if (result.grad_fn()) self.impl()->grad_fn = result.grad_fn();
}

/// Writes a ⊕ b straight into self when nothing is recorded and b broadcasts to self's shape in
/// self's dtype: no temporary, no copy (the optimizers' hot path).
bool inplace_direct(Tensor& self, const Tensor& other, BinaryOp op, double alpha) {
  if (is_grad_enabled() && (self.requires_grad() || other.requires_grad())) return false;
  if (other.dtype() != self.dtype() && !(other.dim() == 0 && is_floating_point(self.dtype()))) return false;
  if (broadcast_shapes(self.shape(), other.shape()) != self.shape()) return false;
  const Tensor b = detail::expand_as_shape(detail::cast(other, self.dtype()), self.shape());
  if (op == BinaryOp::Add && alpha != 1.0) backend_of(self).add_scaled(self, b, alpha, self);
  else backend_of(self).binary(op, self, b, self);
  self.impl()->storage->bump_version();
  return true;
}

template <typename Op>
Tensor& inplace(Tensor& self, const Tensor* other, const char* name, Op op) {
  detail::check_inplace_allowed(self, name);
  if (other) detail::check_same_device(self, *other, name);
  const bool track = is_grad_enabled() && (self.requires_grad() || (other && other->requires_grad()));
  if (track) {
    assign_inplace(self, op(self.clone()), name);
  } else {
    NoGradGuard no_grad;
    assign_inplace(self, op(self), name);
  }
  return self;
}

}  // namespace

Tensor& Tensor::add_(const Tensor& o, double alpha) {
  detail::check_inplace_allowed(*this, "add_");
  if (inplace_direct(*this, o, BinaryOp::Add, alpha)) return *this;
  return inplace(*this, &o, "add_", [&](const Tensor& s) { return gs::add(s, o, alpha); });
}
Tensor& Tensor::add_(double o) {
  Tensor s = wrap_scalar(o, *this);
  return add_(s);
}
Tensor& Tensor::sub_(const Tensor& o, double alpha) {
  detail::check_inplace_allowed(*this, "sub_");
  if (inplace_direct(*this, o, BinaryOp::Add, -alpha)) return *this;
  return inplace(*this, &o, "sub_", [&](const Tensor& s) { return gs::sub(s, o, alpha); });
}
Tensor& Tensor::mul_(const Tensor& o) {
  detail::check_inplace_allowed(*this, "mul_");
  if (inplace_direct(*this, o, BinaryOp::Mul, 1.0)) return *this;
  return inplace(*this, &o, "mul_", [&](const Tensor& s) { return gs::mul(s, o); });
}
Tensor& Tensor::mul_(double o) {
  Tensor s = wrap_scalar(o, *this);
  return mul_(s);
}
Tensor& Tensor::div_(const Tensor& o) {
  detail::check_inplace_allowed(*this, "div_");
  if (is_floating_point(dtype()) && inplace_direct(*this, o, BinaryOp::Div, 1.0)) return *this;
  return inplace(*this, &o, "div_", [&](const Tensor& s) { return gs::div(s, o); });
}
Tensor& Tensor::clamp_(std::optional<double> lo, std::optional<double> hi) {
  return inplace(*this, nullptr, "clamp_", [&](const Tensor& s) { return gs::clamp(s, lo, hi); });
}
Tensor& Tensor::copy_(const Tensor& src) {
  detail::check_inplace_allowed(*this, "copy_");
  if (broadcast_shapes(src.shape(), shape()) != shape()) {
    throw Error("copy_: a tensor of shape " + shape_str(src.shape()) + " cannot be copied into one of shape " + shape_str(shape()) +
                    ": the source must broadcast to the destination's shape.",
                "RuntimeError: output with shape " + shape_str(shape()) + " doesn't match the broadcast shape " +
                    shape_str(broadcast_shapes(src.shape(), shape())));
  }
  const Tensor expanded = detail::expand_as_shape(src.device() == device() ? src : src.detach().to(device()), shape());
  backend_of(*this).copy(expanded, *this);
  impl()->storage->bump_version();
  return *this;
}
Tensor& Tensor::fill_(double value) {
  detail::check_inplace_autograd(*this, "fill_");
  backend_of(*this).fill(*this, value);
  impl()->storage->bump_version();
  return *this;
}
Tensor& Tensor::zero_() { return fill_(0.0); }

}  // namespace gs
