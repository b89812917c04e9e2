// Batch normalisation and dropout, composed from differentiable ops.
#include <cmath>

#include "autograd/grad_mode.h"
#include "ops/functional.h"

namespace gs {

Tensor batch_norm(const Tensor& x, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps) {
  GS_CHECK(x.dim() >= 2, "batch_norm expects an input of at least 2 dimensions [N, C, ...], got " + shape_str(x.shape()));
  const std::int64_t c = x.size(1);
  Shape dims{0};
  for (std::int64_t d = 2; d < x.dim(); ++d) dims.push_back(d);
  Shape param_shape(x.dim(), 1);
  param_shape[1] = c;
  for (const Tensor* t : {&running_mean, &running_var, &weight, &bias}) {
    if (t->defined() && t->numel() != c) {
      throw Error("BatchNorm with num_features=" + std::to_string(t->numel()) + " got an input with " + std::to_string(c) +
                      " channels/features (shape " + shape_str(x.shape()) + "); num_features must equal the size of dimension 1.",
                  "RuntimeError: running_mean should contain " + std::to_string(c) + " elements not " +
                      std::to_string(t->numel()));
    }
  }
  Tensor normalized;
  if (training) {
    const std::int64_t per_channel = x.numel() / std::max<std::int64_t>(c, 1);
    if (per_channel <= 1) {
      throw Error("BatchNorm in training mode needs more than one value per channel to compute a variance, but the "
                  "input has shape " + shape_str(x.shape()) + ". Use a batch size above 1, or eval() mode.",
                  "ValueError: Expected more than 1 value per channel when training, got input size " + shape_str(x.shape()));
    }
    const Tensor mu = mean(x, dims, true);
    const Tensor centered = x - mu;
    // NOTE: normalisation uses the biased variance (÷N); the running estimate the unbiased one (÷N−1).
    const Tensor var_biased = mean(centered * centered, dims, true);
    normalized = centered / sqrt(var_biased + eps);
    if (running_mean.defined() && running_var.defined()) {
      NoGradGuard no_grad;
      const double n = static_cast<double>(per_channel);
      Tensor rm = running_mean, rv = running_var;
      rm.mul_(1 - momentum).add_(mu.reshape({c}).to(rm.dtype()), momentum);
      rv.mul_(1 - momentum).add_((var_biased.reshape({c}) * (n / (n - 1))).to(rv.dtype()), momentum);
    }
  } else {
    GS_CHECK(running_mean.defined() && running_var.defined(),
          "batch_norm in eval mode needs running_mean and running_var (track_running_stats=True)");
    normalized = (x - running_mean.reshape(param_shape)) / sqrt(running_var.reshape(param_shape) + eps);
  }
  if (weight.defined()) normalized = normalized * weight.reshape(param_shape);
  if (bias.defined()) normalized = normalized + bias.reshape(param_shape);
  return normalized;
}

Tensor dropout(const Tensor& x, double p, bool training, Generator* generator) {
  if (!(p >= 0.0 && p <= 1.0)) {
    throw Error("dropout probability p must be between 0 and 1, got " + std::to_string(p) + ".",
                "ValueError: dropout probability has to be between 0 and 1, but got " + std::to_string(p));
  }
  if (!training || p == 0.0) return x;
  if (p == 1.0) return x * zeros_like(x);
  Generator& g = generator ? *generator : default_generator();
  std::vector<double> keep(x.numel());
  const double scale = 1.0 / (1.0 - p);
  for (auto& k : keep) k = g.uniform() >= p ? scale : 0.0;
  return x * from_vector(keep, x.shape(), options_of(x));
}

}  // namespace gs
