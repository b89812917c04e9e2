#include "nn/conv.h"

#include <cmath>

#include "nn/init.h"
#include "ops/functional.h"

namespace gs::nn {
namespace {
std::string pair_str(const std::array<std::int64_t, 2>& p) {
  return p[0] == p[1] ? std::to_string(p[0]) : "(" + std::to_string(p[0]) + ", " + std::to_string(p[1]) + ")";
}
std::string tuple_str(const std::array<std::int64_t, 2>& p) {
  return "(" + std::to_string(p[0]) + ", " + std::to_string(p[1]) + ")";
}
}  // namespace

Conv2d::Conv2d(Conv2dOptions options, Dtype dtype, Generator* generator) : options_(options) {
  GS_CHECK(options.in_channels > 0 && options.out_channels > 0, "Conv2d: in_channels and out_channels must be positive");
  weight = empty({options.out_channels, options.in_channels, options.kernel_size[0], options.kernel_size[1]}, {.dtype = dtype});
  init::kaiming_uniform_(weight, std::sqrt(5.0), "fan_in", "leaky_relu", generator);
  weight.requires_grad_(true);
  register_parameter("weight", weight);
  if (options.bias) {
    const double fan_in = static_cast<double>(options.in_channels * options.kernel_size[0] * options.kernel_size[1]);
    bias = empty({options.out_channels}, {.dtype = dtype});
    init::uniform_(bias, -1.0 / std::sqrt(fan_in), 1.0 / std::sqrt(fan_in), generator);
    bias.requires_grad_(true);
    register_parameter("bias", bias);
  }
}

Tensor Conv2d::forward(const Tensor& x) {
  return conv2d(x, weight, bias, options_.stride, options_.padding, options_.dilation);
}

std::string Conv2d::extra_repr() const {
  std::string s = std::to_string(options_.in_channels) + ", " + std::to_string(options_.out_channels) +
                  ", kernel_size=" + tuple_str(options_.kernel_size) + ", stride=" + tuple_str(options_.stride);
  if (options_.padding != std::array<std::int64_t, 2>{0, 0}) s += ", padding=" + tuple_str(options_.padding);
  if (options_.dilation != std::array<std::int64_t, 2>{1, 1}) s += ", dilation=" + tuple_str(options_.dilation);
  if (!options_.bias) s += ", bias=False";
  return s;
}

Tensor MaxPool2d::forward(const Tensor& x) { return max_pool2d(x, options_.kernel_size, options_.stride, options_.padding); }
std::string MaxPool2d::extra_repr() const {
  const auto stride = options_.stride == std::array<std::int64_t, 2>{0, 0} ? options_.kernel_size : options_.stride;
  return "kernel_size=" + pair_str(options_.kernel_size) + ", stride=" + pair_str(stride) +
         ", padding=" + pair_str(options_.padding);
}

Tensor AvgPool2d::forward(const Tensor& x) { return avg_pool2d(x, options_.kernel_size, options_.stride, options_.padding); }
std::string AvgPool2d::extra_repr() const {
  const auto stride = options_.stride == std::array<std::int64_t, 2>{0, 0} ? options_.kernel_size : options_.stride;
  return "kernel_size=" + pair_str(options_.kernel_size) + ", stride=" + pair_str(stride) +
         ", padding=" + pair_str(options_.padding);
}

}  // namespace gs::nn
