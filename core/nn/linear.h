#pragma once
#include "nn/module.h"
#include "tensor/random.h"

namespace gs::nn {

struct LinearOptions {
  std::int64_t in_features = 0;   ///< size of each input sample
  std::int64_t out_features = 0;  ///< size of each output sample
  bool bias = true;               ///< learn an additive bias
};

/// y = x Wᵀ + b. weight [out_features, in_features], bias [out_features]; both initialised
/// U(−1/√in_features, 1/√in_features), PyTorch's default.
class Linear : public Module {
 public:
  explicit Linear(LinearOptions options, Dtype dtype = kFloat32, Generator* generator = nullptr);
  Tensor forward(const Tensor& x) override;
  std::string type_name() const override { return "Linear"; }
  std::string extra_repr() const override;
  const LinearOptions& options() const { return options_; }
  Tensor weight, bias;

 private:
  LinearOptions options_;
};

}  // namespace gs::nn
