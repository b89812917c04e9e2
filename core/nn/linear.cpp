#include "nn/linear.h"

#include <cmath>

#include "nn/init.h"
#include "ops/functional.h"

namespace gs::nn {

Linear::Linear(LinearOptions options, Dtype dtype, Generator* generator) : options_(options) {
  GS_CHECK(options.in_features > 0 && options.out_features > 0,
        "Linear: in_features and out_features must be positive, got " + std::to_string(options.in_features) + " and " +
            std::to_string(options.out_features));
  weight = empty({options.out_features, options.in_features}, {.dtype = dtype});
  init::kaiming_uniform_(weight, std::sqrt(5.0), "fan_in", "leaky_relu", generator);
  weight.requires_grad_(true);
  register_parameter("weight", weight);
  if (options.bias) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(options.in_features));
    bias = empty({options.out_features}, {.dtype = dtype});
    init::uniform_(bias, -bound, bound, generator);
    bias.requires_grad_(true);
    register_parameter("bias", bias);
  }
}

Tensor Linear::forward(const Tensor& x) { return linear(x, weight, bias); }

std::string Linear::extra_repr() const {
  return "in_features=" + std::to_string(options_.in_features) + ", out_features=" + std::to_string(options_.out_features) +
         ", bias=" + (options_.bias ? "True" : "False");
}

}  // namespace gs::nn
