#pragma once
#include "optim/optimizer.h"

namespace gs::optim {

struct SGDOptions {
  double lr = 1e-3;            ///< learning rate (PyTorch ≥ 2.0 default 1e-3)
  double momentum = 0.0;       ///< μ: velocity b ← μ·b + (1 − dampening)·g
  double dampening = 0.0;
  double weight_decay = 0.0;   ///< L2 penalty: g ← g + λ·θ
  bool nesterov = false;       ///< g ← g + μ·b instead of b
};

/// torch.optim.SGD: θ ← θ − lr·g with PyTorch's momentum, dampening, Nesterov and weight decay.
class SGD : public Optimizer {
 public:
  SGD(std::vector<Tensor> params, SGDOptions options = {});
  void step() override;
  double lr() const override { return options_.lr; }
  void set_lr(double lr) override { options_.lr = lr; }
  const SGDOptions& options() const { return options_; }
  void load_state_from(const Optimizer& other) override;
  /// The momentum buffer of parameter i (undefined before the first step or without momentum).
  const Tensor& momentum_buffer(std::size_t i) const { return buffers_.at(i); }

 private:
  SGDOptions options_;
  std::vector<Tensor> buffers_;
};

}  // namespace gs::optim
