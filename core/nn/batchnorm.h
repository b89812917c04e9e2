#pragma once
#include "nn/module.h"

namespace gs::nn {

struct BatchNormOptions {
  std::int64_t num_features = 0;  ///< C of an [N, C] or [N, C, H, W] input
  double eps = 1e-5;              ///< added to the variance
  double momentum = 0.1;          ///< running = (1 − momentum)·running + momentum·batch
  bool affine = true;             ///< learn weight (γ, init 1) and bias (β, init 0)
  bool track_running_stats = true;
};

/// BatchNorm1d ([N, C] or [N, C, L]) and BatchNorm2d ([N, C, H, W]) share this class; `dims` is
/// the rank it accepts besides the optional length dim of 1d.
class BatchNorm : public Module {
 public:
  BatchNorm(BatchNormOptions options, int spatial_dims, Dtype dtype = kFloat32);
  Tensor forward(const Tensor& x) override;
  std::string type_name() const override { return spatial_dims_ == 2 ? "BatchNorm2d" : "BatchNorm1d"; }
  std::string extra_repr() const override;
  const BatchNormOptions& options() const { return options_; }
  Tensor weight, bias, running_mean, running_var, num_batches_tracked;

 private:
  BatchNormOptions options_;
  int spatial_dims_;
};

}  // namespace gs::nn
