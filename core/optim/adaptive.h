#pragma once
/// The adaptive optimizers of torch.optim, with PyTorch's update rules, argument names and
/// defaults: Adagrad, RMSprop, Adam (amsgrad), AdamW, Adadelta, Adamax, Rprop.
#include <array>

#include "optim/optimizer.h"

namespace gs::optim {

struct AdagradOptions {
  double lr = 1e-2;
  double lr_decay = 0.0;                  ///< lr / (1 + (t − 1)·lr_decay)
  double weight_decay = 0.0;
  double initial_accumulator_value = 0.0;
  double eps = 1e-10;
};
/// G ← G + g²; θ ← θ − lr·g / (√G + eps).
class Adagrad : public Optimizer {
 public:
  double eps() const override { return o_.eps; }
  Adagrad(std::vector<Tensor> params, AdagradOptions options = {});
  void step() override;
  void load_state_from(const Optimizer& other) override;
  double lr() const override { return o_.lr; }
  void set_lr(double lr) override { o_.lr = lr; }

 private:
  AdagradOptions o_;
  std::vector<Tensor> sum_;
  std::int64_t t_ = 0;
};

struct RMSpropOptions {
  double lr = 1e-2;
  double alpha = 0.99;  ///< smoothing of the squared-gradient average
  double eps = 1e-8;
  double weight_decay = 0.0;
  double momentum = 0.0;
  bool centered = false;  ///< divide by the estimated variance instead of the raw second moment
};
/// v ← α·v + (1 − α)·g²; θ ← θ − lr·g / (√v + eps) (with optional momentum and centring).
class RMSprop : public Optimizer {
 public:
  double eps() const override { return o_.eps; }
  RMSprop(std::vector<Tensor> params, RMSpropOptions options = {});
  void step() override;
  void load_state_from(const Optimizer& other) override;
  double lr() const override { return o_.lr; }
  void set_lr(double lr) override { o_.lr = lr; }

 private:
  RMSpropOptions o_;
  std::vector<Tensor> square_avg_, grad_avg_, buffer_;
};

struct AdamOptions {
  double lr = 1e-3;
  std::array<double, 2> betas{0.9, 0.999};  ///< decay of the first and second moment averages
  double eps = 1e-8;
  double weight_decay = 0.0;  ///< Adam: added to the gradient (L2); AdamW: decoupled
  bool amsgrad = false;       ///< use the running maximum of the second moment
};
/// m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← θ − lr·m̂ / (√v̂ + eps), bias-corrected.
class Adam : public Optimizer {
 public:
  double eps() const override { return o_.eps; }
  Adam(std::vector<Tensor> params, AdamOptions options = {});
  void step() override;
  void load_state_from(const Optimizer& other) override;
  double lr() const override { return o_.lr; }
  void set_lr(double lr) override { o_.lr = lr; }
  /// The per-coordinate step lr·m̂/(√v̂ + eps) of the last step (what the Optimizer lab draws).
  const std::vector<Tensor>& last_steps() const { return last_steps_; }

 protected:
  Adam(std::vector<Tensor> params, AdamOptions options, bool decoupled);
  AdamOptions o_;

 private:
  bool decoupled_ = false;
  std::vector<Tensor> exp_avg_, exp_avg_sq_, max_exp_avg_sq_, last_steps_;
  std::int64_t t_ = 0;
};

/// AdamW: Adam with decoupled weight decay θ ← θ·(1 − lr·λ). Default weight_decay 1e-2.
class AdamW : public Adam {
 public:
  AdamW(std::vector<Tensor> params, AdamOptions options = {.weight_decay = 1e-2});
};

struct AdadeltaOptions {
  double lr = 1.0;
  double rho = 0.9;
  double eps = 1e-6;
  double weight_decay = 0.0;
};
/// Δ = √(u + eps)/√(v + eps)·g with running averages v of g² and u of Δ²; θ ← θ − lr·Δ.
class Adadelta : public Optimizer {
 public:
  double eps() const override { return o_.eps; }
  Adadelta(std::vector<Tensor> params, AdadeltaOptions options = {});
  void step() override;
  void load_state_from(const Optimizer& other) override;
  double lr() const override { return o_.lr; }
  void set_lr(double lr) override { o_.lr = lr; }

 private:
  AdadeltaOptions o_;
  std::vector<Tensor> square_avg_, acc_delta_;
};

struct AdamaxOptions {
  double lr = 2e-3;
  std::array<double, 2> betas{0.9, 0.999};
  double eps = 1e-8;
  double weight_decay = 0.0;
};
/// Adam with the infinity norm: u ← max(β₂u, |g| + eps); θ ← θ − lr/(1 − β₁ᵗ)·m/u.
class Adamax : public Optimizer {
 public:
  double eps() const override { return o_.eps; }
  Adamax(std::vector<Tensor> params, AdamaxOptions options = {});
  void step() override;
  void load_state_from(const Optimizer& other) override;
  double lr() const override { return o_.lr; }
  void set_lr(double lr) override { o_.lr = lr; }

 private:
  AdamaxOptions o_;
  std::vector<Tensor> exp_avg_, exp_inf_;
  std::int64_t t_ = 0;
};

struct RpropOptions {
  double lr = 1e-2;                                ///< initial step size
  std::array<double, 2> etas{0.5, 1.2};            ///< shrink / grow factors
  std::array<double, 2> step_sizes{1e-6, 50.0};    ///< min / max step size
};
/// Uses only the sign of the gradient: each coordinate's step grows while the sign holds and
/// shrinks when it flips (and that update is skipped).
class Rprop : public Optimizer {
 public:
  Rprop(std::vector<Tensor> params, RpropOptions options = {});
  void step() override;
  void load_state_from(const Optimizer& other) override;
  double lr() const override { return o_.lr; }
  void set_lr(double lr) override { o_.lr = lr; }

 private:
  RpropOptions o_;
  std::vector<Tensor> prev_, step_size_;
};

}  // namespace gs::optim
