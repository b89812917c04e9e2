#pragma once
/// The optimizer interface of torch.optim: parameters, zero_grad(), step(), a learning rate that
/// schedulers can change.
#include <vector>

#include <string>
#include <typeinfo>

#include "tensor/tensor.h"
#include "util/error.h"

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
  /// Takes over `other`'s state: its options (the learning rate included), step counts and
  /// per-parameter buffers (momentum, Adam's moments) as copies of their own. `other` must be the
  /// same kind of optimizer over parameters of the same shapes (a forked run,
  /// Trainer::copy_state_from); anything else is refused and nothing changes.
  virtual void load_state_from(const Optimizer& other);

 protected:
  /// `other` as this optimizer's type T, after checking the kind and the parameters' shapes.
  template <class T>
  const T& same_kind(const Optimizer& other) const;
  /// Copies of a state list (an undefined entry stays undefined).
  static std::vector<Tensor> copies(const std::vector<Tensor>& state);
  std::vector<Tensor> params_;
};

template <class T>
const T& Optimizer::same_kind(const Optimizer& other) const {
  const T* o = dynamic_cast<const T*>(&other);
  GS_CHECK(o && typeid(other) == typeid(*this), "an optimizer can only take the state of the same kind of optimizer");
  GS_CHECK(o->params_.size() == params_.size(), "the optimizers hold different numbers of parameters (" +
                                                     std::to_string(o->params_.size()) + " and " + std::to_string(params_.size()) + ")");
  for (std::size_t i = 0; i < params_.size(); ++i)
    GS_CHECK(o->params_[i].shape() == params_[i].shape(), "parameter " + std::to_string(i) + " has another shape in the other optimizer");
  return *o;
}

}  // namespace gs::optim
