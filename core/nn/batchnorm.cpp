#include "nn/batchnorm.h"

#include "autograd/grad_mode.h"
#include "ops/functional.h"

namespace gs::nn {

BatchNorm::BatchNorm(BatchNormOptions options, int spatial_dims, Dtype dtype)
    : options_(options), spatial_dims_(spatial_dims) {
  GS_CHECK(options.num_features > 0, type_name() + ": num_features must be positive");
  const std::int64_t c = options.num_features;
  if (options.affine) {
    weight = ones({c}, {.dtype = dtype, .requires_grad = true});
    bias = zeros({c}, {.dtype = dtype, .requires_grad = true});
    register_parameter("weight", weight);
    register_parameter("bias", bias);
  }
  if (options.track_running_stats) {
    running_mean = zeros({c}, {.dtype = dtype});
    running_var = ones({c}, {.dtype = dtype});
    num_batches_tracked = zeros({}, {.dtype = kInt64});
    register_buffer("running_mean", running_mean);
    register_buffer("running_var", running_var);
    register_buffer("num_batches_tracked", num_batches_tracked);
  }
}

Tensor BatchNorm::forward(const Tensor& x) {
  const bool ok = spatial_dims_ == 2 ? x.dim() == 4 : (x.dim() == 2 || x.dim() == 3);
  if (!ok) {
    throw Error(type_name() + " expects " + (spatial_dims_ == 2 ? "a 4-D input [N, C, H, W]" : "a 2-D or 3-D input [N, C] / [N, C, L]") +
                    " but got shape " + shape_str(x.shape()) + (spatial_dims_ == 2 ? "; use BatchNorm1d after Flatten/Linear." : "; use BatchNorm2d after Conv2d."),
                "ValueError: expected " + std::string(spatial_dims_ == 2 ? "4D" : "2D or 3D") + " input (got " +
                    std::to_string(x.dim()) + "D input)");
  }
  const bool use_batch_stats = training_ || !options_.track_running_stats;
  if (training_ && options_.track_running_stats) {
    NoGradGuard no_grad;
    num_batches_tracked.add_(1.0);
  }
  return batch_norm(x, options_.track_running_stats ? running_mean : Tensor(),
                    options_.track_running_stats ? running_var : Tensor(), weight, bias, use_batch_stats,
                    options_.momentum, options_.eps);
}

std::string BatchNorm::extra_repr() const {
  auto num = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s += "0";
    return s;
  };
  return std::to_string(options_.num_features) + ", eps=" + (options_.eps == 1e-5 ? std::string("1e-05") : num(options_.eps)) +
         ", momentum=" + num(options_.momentum) + ", affine=" + (options_.affine ? "True" : "False") +
         ", track_running_stats=" + (options_.track_running_stats ? "True" : "False");
}

}  // namespace gs::nn
