#pragma once
#include <array>

#include "nn/module.h"
#include "tensor/random.h"

namespace gs::nn {

struct Conv2dOptions {
  std::int64_t in_channels = 0;
  std::int64_t out_channels = 0;
  std::array<std::int64_t, 2> kernel_size{3, 3};
  std::array<std::int64_t, 2> stride{1, 1};    ///< default 1
  std::array<std::int64_t, 2> padding{0, 0};   ///< default 0 (zero padding on each side)
  std::array<std::int64_t, 2> dilation{1, 1};  ///< default 1
  bool bias = true;
};

/// 2-D convolution. weight [out_channels, in_channels, kH, kW]; PyTorch's default init with
/// fan_in = in_channels·kH·kW.
class Conv2d : public Module {
 public:
  explicit Conv2d(Conv2dOptions options, Dtype dtype = kFloat32, Generator* generator = nullptr);
  Tensor forward(const Tensor& x) override;
  std::string type_name() const override { return "Conv2d"; }
  std::string extra_repr() const override;
  const Conv2dOptions& options() const { return options_; }
  Tensor weight, bias;

 private:
  Conv2dOptions options_;
};

struct Pool2dOptions {
  std::array<std::int64_t, 2> kernel_size{2, 2};
  std::array<std::int64_t, 2> stride{0, 0};  ///< {0, 0} means kernel_size (PyTorch's default)
  std::array<std::int64_t, 2> padding{0, 0};
};

class MaxPool2d : public Module {
 public:
  explicit MaxPool2d(Pool2dOptions options) : options_(options) {}
  Tensor forward(const Tensor& x) override;
  std::string type_name() const override { return "MaxPool2d"; }
  std::string extra_repr() const override;
  const Pool2dOptions& options() const { return options_; }

 private:
  Pool2dOptions options_;
};

/// Average pooling with count_include_pad=True (PyTorch's default).
class AvgPool2d : public Module {
 public:
  explicit AvgPool2d(Pool2dOptions options) : options_(options) {}
  Tensor forward(const Tensor& x) override;
  std::string type_name() const override { return "AvgPool2d"; }
  std::string extra_repr() const override;
  const Pool2dOptions& options() const { return options_; }

 private:
  Pool2dOptions options_;
};

}  // namespace gs::nn
