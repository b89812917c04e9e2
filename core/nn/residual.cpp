#include "nn/residual.h"

#include "ops/functional.h"

namespace gs::nn {

ResidualBlock::ResidualBlock(std::int64_t channels, std::int64_t k, Dtype dtype, Generator* generator)
    : channels_(channels), kernel_size_(k) {
  GS_CHECK(channels > 0, "ResidualBlock: channels must be positive, got " + std::to_string(channels));
  GS_CHECK(k > 0 && k % 2 == 1, "ResidualBlock: kernel_size must be odd (so the output keeps the input's size), got " + std::to_string(k));
  const Conv2dOptions o{.in_channels = channels, .out_channels = channels, .kernel_size = {k, k}, .padding = {k / 2, k / 2}, .bias = false};
  conv1_ = std::make_shared<Conv2d>(o, dtype, generator);
  bn1_ = std::make_shared<BatchNorm>(BatchNormOptions{.num_features = channels}, 2, dtype);
  conv2_ = std::make_shared<Conv2d>(o, dtype, generator);
  bn2_ = std::make_shared<BatchNorm>(BatchNormOptions{.num_features = channels}, 2, dtype);
  register_module("conv1", conv1_);
  register_module("bn1", bn1_);
  register_module("conv2", conv2_);
  register_module("bn2", bn2_);
}

Tensor ResidualBlock::forward(const Tensor& x) {
  const Tensor h = relu(bn1_->forward(conv1_->forward(x)));
  return relu(x + bn2_->forward(conv2_->forward(h)));
}

std::string ResidualBlock::extra_repr() const {
  return "channels=" + std::to_string(channels_) + ", kernel_size=" + std::to_string(kernel_size_);
}

ResidualMLPBlock::ResidualMLPBlock(std::int64_t features, Dtype dtype, Generator* generator) : features_(features) {
  GS_CHECK(features > 0, "ResidualMLPBlock: features must be positive, got " + std::to_string(features));
  const LinearOptions o{.in_features = features, .out_features = features};
  fc1_ = std::make_shared<Linear>(o, dtype, generator);
  fc2_ = std::make_shared<Linear>(o, dtype, generator);
  register_module("fc1", fc1_);
  register_module("fc2", fc2_);
}

Tensor ResidualMLPBlock::forward(const Tensor& x) { return relu(x + fc2_->forward(relu(fc1_->forward(x)))); }

}  // namespace gs::nn
