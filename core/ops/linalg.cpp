// Matrix products: mm, bmm, matmul (broadcasting), linear.
#include "autograd/node.h"
#include "backend/backend.h"
#include "ops/functional.h"
#include "tensor/internal.h"
#include "util/error_codes.h"

namespace gs {
namespace {

using detail::make_tensor;

Tensor floating_pair(const Tensor& t, Dtype dtype) { return t.dtype() == dtype ? t : t.to(dtype); }

void check_floating(const Tensor& a, const Tensor& b, const char* op) {
  if (!is_floating_point(a.dtype()) || !is_floating_point(b.dtype()))
    throw Error(std::string(op) + " needs floating-point tensors (got " + to_string(a.dtype()) + " and " +
                to_string(b.dtype()) + "); convert with .to(torch.float32).");
}

/// out[b] = a[b] @ b[b] for 3-D operands of the same dtype, no graph.
Tensor bmm_kernel(const Tensor& a, const Tensor& b) {
  Tensor out = make_tensor({a.size(0), a.size(1), b.size(2)}, a.dtype(), a.device());
  detail::backend_of(a).bmm(a, b, out);
  return out;
}

Tensor as_batch(const Tensor& m) { return detail::alias(m, {1, m.size(0), m.size(1)}, {0, m.strides()[0], m.strides()[1]}, m.storage_offset()); }

}  // namespace

Tensor mm(const Tensor& a_in, const Tensor& b_in) {
  GS_CHECK(a_in.dim() == 2, "mm: self must be a matrix (2-D), got shape " + shape_str(a_in.shape()));
  GS_CHECK(b_in.dim() == 2, "mm: mat2 must be a matrix (2-D), got shape " + shape_str(b_in.shape()));
  detail::check_same_device(a_in, b_in, "mm");
  check_floating(a_in, b_in, "mm");
  if (a_in.size(1) != b_in.size(0)) {
    const std::string sa = std::to_string(a_in.size(0)) + "x" + std::to_string(a_in.size(1));
    const std::string sb = std::to_string(b_in.size(0)) + "x" + std::to_string(b_in.size(1));
    throw coded_error("mm_shapes", {sa, sb, std::to_string(a_in.size(1)), std::to_string(b_in.size(0))},
                "RuntimeError: mat1 and mat2 shapes cannot be multiplied (" + sa + " and " + sb + ")");
  }
  const Dtype dtype = promote_types(a_in.dtype(), b_in.dtype());
  const Tensor a = floating_pair(a_in, dtype), b = floating_pair(b_in, dtype);
  Tensor out3 = bmm_kernel(as_batch(detail::cast(a, dtype)), as_batch(detail::cast(b, dtype)));
  Tensor out = detail::alias(out3, {a.size(0), b.size(1)}, {b.size(1), 1}, 0);
  if (auto node = record("MmBackward0", {&a, &b}, out, nullptr)) {
    node->save("self", node->needs_input_grad(1) ? a : Tensor());
    node->save("mat2", node->needs_input_grad(0) ? b : Tensor());
    node->set_backward([](Node& n, const Tensor& g) {
      return std::vector<Tensor>{n.needs_input_grad(0) ? mm(g, n.saved(1).t()) : Tensor(),
                                 n.needs_input_grad(1) ? mm(n.saved(0).t(), g) : Tensor()};
    });
  }
  return out;
}

Tensor bmm(const Tensor& a_in, const Tensor& b_in) {
  GS_CHECK(a_in.dim() == 3, "bmm: batch1 must be a 3-D tensor [B, n, m], got shape " + shape_str(a_in.shape()));
  GS_CHECK(b_in.dim() == 3, "bmm: batch2 must be a 3-D tensor [B, m, p], got shape " + shape_str(b_in.shape()));
  detail::check_same_device(a_in, b_in, "bmm");
  check_floating(a_in, b_in, "bmm");
  if (a_in.size(0) != b_in.size(0) || a_in.size(2) != b_in.size(1)) {
    throw coded_error("bmm_shapes", {shape_str(a_in.shape()), shape_str(b_in.shape())},
                "RuntimeError: Expected size for first two dimensions of batch2 tensor to be: [" +
                    std::to_string(a_in.size(0)) + ", " + std::to_string(a_in.size(2)) + "] but got: [" +
                    std::to_string(b_in.size(0)) + ", " + std::to_string(b_in.size(1)) + "].");
  }
  const Dtype dtype = promote_types(a_in.dtype(), b_in.dtype());
  const Tensor a = floating_pair(a_in, dtype), b = floating_pair(b_in, dtype);
  Tensor out = bmm_kernel(detail::cast(a, dtype), detail::cast(b, dtype));
  if (auto node = record("BmmBackward0", {&a, &b}, out, nullptr)) {
    node->save("self", node->needs_input_grad(1) ? a : Tensor());
    node->save("mat2", node->needs_input_grad(0) ? b : Tensor());
    node->set_backward([](Node& n, const Tensor& g) {
      return std::vector<Tensor>{n.needs_input_grad(0) ? bmm(g, n.saved(1).transpose(1, 2)) : Tensor(),
                                 n.needs_input_grad(1) ? bmm(n.saved(0).transpose(1, 2), g) : Tensor()};
    });
  }
  return out;
}

Tensor matmul(const Tensor& a, const Tensor& b) {
  GS_CHECK(a.dim() >= 1 && b.dim() >= 1, "matmul: both arguments need at least 1 dimension, got shapes " +
                                          shape_str(a.shape()) + " and " + shape_str(b.shape()));
  if (a.dim() == 1 && b.dim() == 1) {
    if (a.size(0) != b.size(0)) {
      throw coded_error("dot_lengths", {std::to_string(a.size(0)), std::to_string(b.size(0))},
                  "RuntimeError: inconsistent tensor size, expected tensor [" + std::to_string(a.size(0)) +
                      "] and src [" + std::to_string(b.size(0)) + "] to have the same number of elements");
    }
    return sum(a * b);
  }
  if (a.dim() == 2 && b.dim() == 2) return mm(a, b);
  if (a.dim() == 1 && b.dim() == 2) return mm(a.unsqueeze(0), b).squeeze(0);
  if (a.dim() == 2 && b.dim() == 1) return mm(a, b.unsqueeze(1)).squeeze(1);
  if (a.dim() >= 3 && b.dim() <= 2) {
    // Fold the batch into the rows: one GEMM instead of a batched one.
    const Tensor bm = b.dim() == 1 ? b.unsqueeze(1) : b;
    Shape out_shape(a.shape().begin(), a.shape().end() - 1);
    if (b.dim() == 2) out_shape.push_back(b.size(1));
    if (a.size(-1) != bm.size(0)) (void)mm(a.reshape({-1, a.size(-1)}).narrow(0, 0, 1), bm);  // throws the mismatch
    return mm(a.reshape({-1, a.size(-1)}), bm).reshape(out_shape);
  }
  // General case: broadcast the batch dims, then bmm.
  const Tensor a3 = a.dim() == 1 ? a.unsqueeze(0) : a;
  const Tensor b3 = b.dim() == 1 ? b.unsqueeze(1) : b;
  const Shape batch_a(a3.shape().begin(), a3.shape().end() - 2), batch_b(b3.shape().begin(), b3.shape().end() - 2);
  const Shape batch = broadcast_shapes(batch_a, batch_b);
  const std::int64_t n = a3.size(-2), k = a3.size(-1), m = b3.size(-1);
  if (k != b3.size(-2)) {
    throw coded_error("matmul_shapes", {std::to_string(k), std::to_string(b3.size(-2)), shape_str(a.shape()), shape_str(b.shape())},
                "RuntimeError: Expected size for first two dimensions of batch2 tensor to be: [..., " + std::to_string(k) +
                    "] but got: [..., " + std::to_string(b3.size(-2)) + "].");
  }
  const std::int64_t count = numel_of(batch);
  Shape ea = batch, eb = batch;
  ea.insert(ea.end(), {n, k});
  eb.insert(eb.end(), {k, m});
  Tensor out = bmm(a3.expand(ea).reshape({count, n, k}), b3.expand(eb).reshape({count, k, m}));
  Shape out_shape = batch;
  out_shape.insert(out_shape.end(), {n, m});
  out = out.reshape(out_shape);
  if (a.dim() == 1) out = out.squeeze(-2);
  if (b.dim() == 1) out = out.squeeze(-1);
  return out;
}

Tensor linear(const Tensor& x, const Tensor& weight, const Tensor& bias) {
  GS_CHECK(weight.dim() == 2, "linear: weight must be 2-D [out_features, in_features], got " + shape_str(weight.shape()));
  if (x.size(-1) != weight.size(1)) {
    throw coded_error("linear_input_features",
                      {std::to_string(weight.size(1)), std::to_string(weight.size(0)), std::to_string(x.size(-1)), shape_str(x.shape())},
                "RuntimeError: mat1 and mat2 shapes cannot be multiplied");
  }
  if (x.dim() != 2 || !bias.defined() || x.dtype() != weight.dtype() || bias.dtype() != weight.dtype() || !is_floating_point(x.dtype())) {
    Tensor y = matmul(x, weight.t());
    return bias.defined() ? y + bias : y;
  }
  // NOTE: fused x Wᵀ + b (PyTorch's addmm): one GEMM writes the output and the bias is added in
  // place, with one graph node instead of three.
  detail::check_same_device(x, weight, "linear");
  detail::check_same_device(x, bias, "linear");
  GS_CHECK(bias.dim() == 1 && bias.size(0) == weight.size(0),
           "linear: bias must have shape [" + std::to_string(weight.size(0)) + "], got " + shape_str(bias.shape()));
  const std::int64_t n = x.size(0), out_f = weight.size(0);
  Tensor out = make_tensor({n, out_f}, x.dtype(), x.device());
  Tensor out3 = detail::alias(out, {1, n, out_f}, {0, out_f, 1}, 0);
  const Tensor wt = weight.detach().t();
  detail::backend_of(x).bmm(as_batch(x.detach()), as_batch(wt), out3);
  detail::backend_of(x).binary(BinaryOp::Add, out, detail::expand_as_shape(bias.detach(), out.shape()), out);
  if (auto node = record("AddmmBackward0", {&bias, &x, &weight}, out, nullptr)) {
    node->save("mat1", node->needs_input_grad(2) ? x : Tensor());
    node->save("mat2", node->needs_input_grad(1) ? weight : Tensor());
    node->set_backward([](Node& nd, const Tensor& g) {
      return std::vector<Tensor>{nd.needs_input_grad(0) ? sum(g, {0}) : Tensor(),
                                 nd.needs_input_grad(1) ? mm(g, nd.saved(1)) : Tensor(),
                                 nd.needs_input_grad(2) ? mm(g.t(), nd.saved(0)) : Tensor()};
    });
  }
  return out;
}

Tensor Tensor::matmul(const Tensor& o) const { return gs::matmul(*this, o); }
Tensor Tensor::mm(const Tensor& o) const { return gs::mm(*this, o); }
Tensor Tensor::bmm(const Tensor& o) const { return gs::bmm(*this, o); }

}  // namespace gs
