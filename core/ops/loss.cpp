// Losses with PyTorch's definitions, defaults (reduction="mean") and the mistakes they explain.
#include "autograd/grad_mode.h"
#include "autograd/node.h"
#include "ops/functional.h"
#include "tensor/internal.h"
#include "util/error_codes.h"

namespace gs {
namespace {

Tensor reduce(const Tensor& per_element, Reduction reduction) {
  switch (reduction) {
    case Reduction::None: return per_element;
    case Reduction::Sum: return sum(per_element);
    case Reduction::Mean: return mean(per_element);
  }
  return per_element;
}

/// Regression losses compare element by element: a (N, 1) vs (N,) mix would silently broadcast
/// to (N, N) in PyTorch (only a warning). Here it is an error that explains it.
void check_same_shape(const Tensor& input, const Tensor& target, const char* loss) {
  if (input.shape() == target.shape()) return;
  throw coded_error("loss_shape_mismatch", {loss, shape_str(input.shape()), shape_str(target.shape())},
              "UserWarning: Using a target size (" + shape_str(target.shape()) + ") that is different to the input size (" +
                  shape_str(input.shape()) + "). This will likely lead to incorrect results due to broadcasting.");
}

Tensor float_target(const Tensor& target, const Tensor& input) {
  return target.dtype() == input.dtype() ? target : target.to(input.dtype());
}

}  // namespace

Reduction parse_reduction(const std::string& name) {
  if (name == "mean") return Reduction::Mean;
  if (name == "sum") return Reduction::Sum;
  if (name == "none") return Reduction::None;
  throw coded_error("loss_reduction", {name},
              "ValueError: " + name + " is not a valid value for reduction");
}

Tensor mse_loss(const Tensor& input, const Tensor& target, Reduction reduction) {
  check_same_shape(input, target, "MSELoss");
  const Tensor d = input - float_target(target, input);
  return reduce(d * d, reduction);
}

Tensor l1_loss(const Tensor& input, const Tensor& target, Reduction reduction) {
  check_same_shape(input, target, "L1Loss");
  return reduce(abs(input - float_target(target, input)), reduction);
}

Tensor huber_loss(const Tensor& input, const Tensor& target, Reduction reduction, double delta) {
  check_same_shape(input, target, "HuberLoss");
  if (!(delta > 0)) throw coded_error("huber_delta", {std::to_string(delta)});
  const Tensor d = input - float_target(target, input);
  const Tensor ad = abs(d);
  const Tensor quadratic = d * d * 0.5;
  const Tensor linear_part = (ad - 0.5 * delta) * delta;
  return reduce(where(lt(ad, wrap_scalar(delta, ad)), quadratic, linear_part), reduction);
}

Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, Reduction reduction) {
  check_same_shape(input, target, "BCELoss");
  {
    const std::vector<double> v = input.to_vector<double>();
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!(v[i] >= 0.0 && v[i] <= 1.0)) {
        throw coded_error("bce_needs_probabilities", {std::to_string(i), std::to_string(v[i])},
                    "RuntimeError: all elements of input should be between 0 and 1");
      }
    }
  }
  const Tensor t = float_target(target, input);
  // NOTE: PyTorch clamps each log term at −100 so a confident wrong answer gives a finite loss.
  const Tensor log_p = clamp(log(input), -100.0);
  const Tensor log_1mp = clamp(log(1.0 - input), -100.0);
  return reduce(-(t * log_p + (1.0 - t) * log_1mp), reduction);
}

Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, Reduction reduction) {
  check_same_shape(input, target, "BCEWithLogitsLoss");
  // NOTE: −[t·log σ(x) + (1−t)·log(1−σ(x))] = softplus(x) − t·x, exact and stable for any x;
  // its derivative σ(x) − t is exact at x = 0 too.
  return reduce(softplus(input) - float_target(target, input) * input, reduction);
}

Tensor nll_loss(const Tensor& input, const Tensor& target, Reduction reduction) {
  if (input.dim() != 2) throw coded_error("nll_input_shape", {shape_str(input.shape())});
  if (target.dtype() != kInt64) {
    throw coded_error("nll_target_dtype", {to_string(target.dtype())},
                "RuntimeError: expected scalar type Long but found Float");
  }
  if (target.dim() != 1 || target.size(0) != input.size(0)) {
    throw coded_error("nll_target_shape", {std::to_string(input.size(0)), shape_str(target.shape())},
                "ValueError: Expected input batch_size (" + std::to_string(input.size(0)) + ") to match target batch_size (" +
                    std::to_string(target.dim() ? target.size(0) : 0) + ").");
  }
  const Tensor x = detail::contiguous(input);
  const Tensor t = detail::contiguous(target.to(x.device()));
  Tensor picked = detail::make_tensor({x.size(0)}, x.dtype(), x.device());
  detail::backend_of(x).gather_rows(x, t, picked);
  Tensor neg_picked;
  {
    NoGradGuard no_grad;
    neg_picked = -picked;
  }
  if (auto node = record("NllLossBackward0", {&input}, neg_picked, nullptr)) {
    node->save("target", t);
    Shape in_shape = x.shape();
    node->set_backward([in_shape](Node& n, const Tensor& g) {
      Tensor gx = zeros(in_shape, options_of(g));
      detail::backend_of(g).scatter_rows(detail::contiguous(-g), n.saved(0), gx);
      return std::vector<Tensor>{gx};
    });
  }
  return reduce(neg_picked, reduction);
}

Tensor cross_entropy(const Tensor& input, const Tensor& target, Reduction reduction) {
  if (input.dim() != 2) throw coded_error(input.dim() == 1 ? "ce_input_vector" : "ce_input_shape", {shape_str(input.shape())});
  if (is_floating_point(target.dtype()) && target.shape() == input.shape()) {
    // Class probabilities as the target (PyTorch ≥ 1.10).
    return reduce(-sum(target * log_softmax(input, 1), {1}), reduction);
  }
  return nll_loss(log_softmax(input, 1), target, reduction);
}

}  // namespace gs
