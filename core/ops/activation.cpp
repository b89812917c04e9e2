// Activation functions and softmax: forward kernels with their derivative kernels.
#include "autograd/node.h"
#include "ops/functional.h"
#include "ops/unary.h"
#include "tensor/internal.h"

namespace gs {

Tensor sigmoid(const Tensor& x) { return unary_op(UnaryOp::Sigmoid, "SigmoidBackward0", x, {}, true, {}); }
Tensor tanh(const Tensor& x) { return unary_op(UnaryOp::Tanh, "TanhBackward0", x, {}, true, {}); }
Tensor relu(const Tensor& x) { return unary_op(UnaryOp::Relu, "ReluBackward0", x, {}, false, {}); }

Tensor leaky_relu(const Tensor& x, double negative_slope) {
  return unary_op(UnaryOp::LeakyRelu, "LeakyReluBackward0", x, {.alpha = negative_slope}, false,
                  {"negative_slope=" + std::to_string(negative_slope)});
}

Tensor elu(const Tensor& x, double alpha) {
  return unary_op(UnaryOp::Elu, "EluBackward0", x, {.alpha = alpha}, false, {"alpha=" + std::to_string(alpha)});
}

Tensor gelu(const Tensor& x, const std::string& approximate) {
  if (approximate != "none" && approximate != "tanh")
    throw Error("gelu: approximate must be \"none\" or \"tanh\", got \"" + approximate + "\"");
  return unary_op(approximate == "tanh" ? UnaryOp::GeluTanh : UnaryOp::Gelu, "GeluBackward0", x, {}, false,
                  {"approximate=" + approximate});
}

Tensor softplus(const Tensor& x, double beta, double threshold) {
  GS_CHECK(beta != 0, "softplus: beta must be nonzero");
  return unary_op(UnaryOp::Softplus, "SoftplusBackward0", x, {.alpha = beta, .threshold = threshold}, false,
                  {"beta=" + std::to_string(beta), "threshold=" + std::to_string(threshold)});
}

Tensor step(const Tensor& x) {
  Tensor in = is_floating_point(x.dtype()) ? x : x.to(kFloat32);
  Tensor out = detail::make_tensor(in.shape(), in.dtype(), in.device());
  detail::backend_of(in).unary(UnaryOp::Step, in, out, {});
  return out;  // deliberately outside the graph: the step function has no useful derivative
}

Tensor Tensor::sigmoid() const { return gs::sigmoid(*this); }
Tensor Tensor::tanh() const { return gs::tanh(*this); }
Tensor Tensor::relu() const { return gs::relu(*this); }

namespace {
Tensor softmax_impl(const Tensor& input, std::int64_t dim, bool log) {
  const Tensor x = detail::contiguous(is_floating_point(input.dtype()) ? input : input.to(kFloat32));
  const std::int64_t d = wrap_dim(dim, x.dim());
  Tensor out = detail::make_tensor(x.shape(), x.dtype(), x.device());
  detail::backend_of(x).softmax(x, d, log, out);
  if (auto node = record(log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", {&x}, out, nullptr)) {
    node->save("result", out, /*is_output=*/true);
    node->add_attribute("dim=" + std::to_string(d));
    node->set_backward([d, log](Node& n, const Tensor& g) {
      const Tensor y = n.saved(0);
      Tensor r = detail::make_tensor(y.shape(), y.dtype(), y.device());
      detail::backend_of(y).softmax_backward(detail::contiguous(g), y, d, log, r);
      return std::vector<Tensor>{r};
    });
  }
  return out;
}
}  // namespace

Tensor softmax(const Tensor& x, std::int64_t dim) { return softmax_impl(x, dim, false); }
Tensor log_softmax(const Tensor& x, std::int64_t dim) { return softmax_impl(x, dim, true); }

}  // namespace gs
