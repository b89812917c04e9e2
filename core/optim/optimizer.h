#pragma once
/// The optimizer interface of torch.optim: parameters, zero_grad(), step(), a learning rate that
/// schedulers can change.
#include <vector>

#include "tensor/tensor.h"

namespace gs::optim {

class Optimizer {
 public:
  explicit Optimizer(std::vector<Tensor> params) : params_(std::move(params)) {}
  virtual ~Optimizer() = default;
  /// One update of every parameter that has a gradient (runs without recording a graph).
  virtual void step() = 0;
  /// Clears gradients: set_to_none=true (PyTorch ≥ 2.0's default) drops them, false zeroes them.
  void zero_grad(bool set_to_none = true);
  virtual double lr() const = 0;
  virtual void set_lr(double lr) = 0;
  const std::vector<Tensor>& params() const { return params_; }
  /// eps of an adaptive optimizer (the term that keeps its division finite); −1 for one without.
  /// A run that turns NaN with eps = 0 names it as the cause, not the learning rate.
  virtual double eps() const { return -1; }

 protected:
  std::vector<Tensor> params_;
};

}  // namespace gs::optim
