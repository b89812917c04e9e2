#pragma once
/// A residual block as torchvision's BasicBlock (stride 1, identity shortcut):
/// y = relu(x + bn2(conv2(relu(bn1(conv1(x)))))), convolutions 3×3 without bias, padding 1.
/// The shortcut lets the gradient reach early layers undiminished (the CNN lab's "ResNet vs plain").
#include "nn/batchnorm.h"
#include "nn/conv.h"
#include "nn/linear.h"

namespace gs::nn {

class ResidualBlock : public Module {
 public:
  /// channels: C of the [N, C, H, W] input (the output has the same shape). kernel_size must be odd.
  ResidualBlock(std::int64_t channels, std::int64_t kernel_size = 3, Dtype dtype = kFloat32, Generator* generator = nullptr);
  Tensor forward(const Tensor& x) override;
  std::string type_name() const override { return "ResidualBlock"; }
  std::string extra_repr() const override;

 private:
  std::shared_ptr<Conv2d> conv1_, conv2_;
  std::shared_ptr<BatchNorm> bn1_, bn2_;
  std::int64_t channels_, kernel_size_;
};

/// The same idea for vectors: y = relu(x + fc2(relu(fc1(x)))), two Linear(features, features)
/// with bias and PyTorch's default init. The plain counterpart is Linear-ReLU-Linear-ReLU; the
/// only difference is "+ x", whose derivative is 1 (the Deep networks lab's 20-layer MLPs).
class ResidualMLPBlock : public Module {
 public:
  explicit ResidualMLPBlock(std::int64_t features, Dtype dtype = kFloat32, Generator* generator = nullptr);
  Tensor forward(const Tensor& x) override;
  std::string type_name() const override { return "ResidualMLPBlock"; }
  std::string extra_repr() const override { return "features=" + std::to_string(features_); }

 private:
  std::shared_ptr<Linear> fc1_, fc2_;
  std::int64_t features_;
};

}  // namespace gs::nn
