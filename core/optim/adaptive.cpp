// The adaptive optimizers, one step() each, written after torch/optim/*.py (PyTorch 1.13).
#include "optim/adaptive.h"

#include <cmath>

#include "autograd/grad_mode.h"
#include "backend/backend.h"
#include "ops/functional.h"

namespace gs::optim {
namespace {

void check_lr(double lr, const char* name) {
  GS_CHECK(lr >= 0, std::string(name) + ": invalid learning rate: " + std::to_string(lr) + " (must be >= 0)");
}
void check_beta(double b, const char* name, int i) {
  GS_CHECK(b >= 0 && b < 1, std::string(name) + ": invalid beta parameter at index " + std::to_string(i) + ": " + std::to_string(b));
}

/// g, with the L2 term λ·θ added when weight_decay is nonzero.
Tensor grad_with_decay(const Tensor& p, double weight_decay) {
  Tensor g = p.grad();
  return weight_decay != 0 ? g + p * weight_decay : g;
}

}  // namespace

// ---------------------------------------------------------------- Adagrad
Adagrad::Adagrad(std::vector<Tensor> params, AdagradOptions options) : Optimizer(std::move(params)), o_(options) {
  check_lr(o_.lr, "Adagrad");
  GS_CHECK(o_.eps >= 0, "Adagrad: invalid epsilon value: " + std::to_string(o_.eps));
  for (const Tensor& p : params_) sum_.push_back(full_like(p, o_.initial_accumulator_value));
}

void Adagrad::load_state_from(const Optimizer& other) {
  const Adagrad& o = same_kind<Adagrad>(other);
  std::vector<Tensor> sum = copies(o.sum_);
  o_ = o.o_;
  t_ = o.t_;
  sum_ = std::move(sum);
}

void Adagrad::step() {
  NoGradGuard no_grad;
  ++t_;
  const double clr = o_.lr / (1 + static_cast<double>(t_ - 1) * o_.lr_decay);
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    if (!p.grad().defined()) continue;
    const Tensor g = grad_with_decay(p, o_.weight_decay);
    sum_[i].add_(g * g);
    p.sub_(g / (sqrt(sum_[i]) + o_.eps), clr);
  }
}

// ---------------------------------------------------------------- RMSprop
RMSprop::RMSprop(std::vector<Tensor> params, RMSpropOptions options) : Optimizer(std::move(params)), o_(options) {
  check_lr(o_.lr, "RMSprop");
  GS_CHECK(o_.alpha >= 0, "RMSprop: invalid alpha value: " + std::to_string(o_.alpha));
  GS_CHECK(o_.momentum >= 0, "RMSprop: invalid momentum value: " + std::to_string(o_.momentum));
  for (const Tensor& p : params_) {
    square_avg_.push_back(zeros_like(p));
    grad_avg_.push_back(zeros_like(p));
    buffer_.push_back(zeros_like(p));
  }
}

void RMSprop::load_state_from(const Optimizer& other) {
  const RMSprop& o = same_kind<RMSprop>(other);
  std::vector<Tensor> square_avg = copies(o.square_avg_), grad_avg = copies(o.grad_avg_), buffer = copies(o.buffer_);
  o_ = o.o_;
  square_avg_ = std::move(square_avg);
  grad_avg_ = std::move(grad_avg);
  buffer_ = std::move(buffer);
}

void RMSprop::step() {
  NoGradGuard no_grad;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    if (!p.grad().defined()) continue;
    const Tensor g = grad_with_decay(p, o_.weight_decay);
    square_avg_[i].mul_(o_.alpha).add_(g * g, 1 - o_.alpha);
    Tensor avg;
    if (o_.centered) {
      grad_avg_[i].mul_(o_.alpha).add_(g, 1 - o_.alpha);
      avg = sqrt(square_avg_[i] - grad_avg_[i] * grad_avg_[i]) + o_.eps;
    } else {
      avg = sqrt(square_avg_[i]) + o_.eps;
    }
    if (o_.momentum > 0) {
      buffer_[i].mul_(o_.momentum).add_(g / avg);
      p.sub_(buffer_[i], o_.lr);
    } else {
      p.sub_(g / avg, o_.lr);
    }
  }
}

// ---------------------------------------------------------------- Adam / AdamW
Adam::Adam(std::vector<Tensor> params, AdamOptions options) : Adam(std::move(params), options, false) {}

Adam::Adam(std::vector<Tensor> params, AdamOptions options, bool decoupled)
    : Optimizer(std::move(params)), o_(options), decoupled_(decoupled) {
  const char* name = decoupled ? "AdamW" : "Adam";
  check_lr(o_.lr, name);
  GS_CHECK(o_.eps >= 0, std::string(name) + ": invalid epsilon value: " + std::to_string(o_.eps));
  check_beta(o_.betas[0], name, 0);
  check_beta(o_.betas[1], name, 1);
  GS_CHECK(o_.weight_decay >= 0, std::string(name) + ": invalid weight_decay value: " + std::to_string(o_.weight_decay));
  for (const Tensor& p : params_) {
    exp_avg_.push_back(zeros_like(p));
    exp_avg_sq_.push_back(zeros_like(p));
    max_exp_avg_sq_.push_back(o_.amsgrad ? zeros_like(p) : Tensor());
    last_steps_.push_back(zeros_like(p));
  }
}

void Adam::load_state_from(const Optimizer& other) {
  const Adam& o = same_kind<Adam>(other);
  std::vector<Tensor> exp_avg = copies(o.exp_avg_), exp_avg_sq = copies(o.exp_avg_sq_), max_sq = copies(o.max_exp_avg_sq_),
                      last = copies(o.last_steps_);
  o_ = o.o_;
  decoupled_ = o.decoupled_;
  t_ = o.t_;
  exp_avg_ = std::move(exp_avg);
  exp_avg_sq_ = std::move(exp_avg_sq);
  max_exp_avg_sq_ = std::move(max_sq);
  last_steps_ = std::move(last);
}

void Adam::step() {
  NoGradGuard no_grad;
  ++t_;
  const auto [b1, b2] = o_.betas;
  const double bc1 = 1 - std::pow(b1, static_cast<double>(t_));
  const double bc2 = 1 - std::pow(b2, static_cast<double>(t_));
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    if (!p.grad().defined()) continue;
    // One fused pass over memory instead of a dozen temporaries (the same formulas, see Backend).
    if (!p.is_contiguous()) throw Error("Adam: parameters must be contiguous");
    const Tensor g = p.grad().is_contiguous() && p.grad().dtype() == p.dtype() ? p.grad() : p.grad().to(p.dtype()).contiguous();
    backend(p.device()).adam_step(p, g, exp_avg_[i], exp_avg_sq_[i], o_.amsgrad ? &max_exp_avg_sq_[i] : nullptr, &last_steps_[i],
                                  {o_.lr, b1, b2, o_.eps, o_.weight_decay, bc1, bc2, o_.amsgrad, decoupled_});
    p.impl()->storage->bump_version();
  }
}

AdamW::AdamW(std::vector<Tensor> params, AdamOptions options) : Adam(std::move(params), options, true) {}

// ---------------------------------------------------------------- Adadelta
Adadelta::Adadelta(std::vector<Tensor> params, AdadeltaOptions options) : Optimizer(std::move(params)), o_(options) {
  check_lr(o_.lr, "Adadelta");
  GS_CHECK(o_.rho >= 0 && o_.rho <= 1, "Adadelta: invalid rho value: " + std::to_string(o_.rho));
  for (const Tensor& p : params_) {
    square_avg_.push_back(zeros_like(p));
    acc_delta_.push_back(zeros_like(p));
  }
}

void Adadelta::load_state_from(const Optimizer& other) {
  const Adadelta& o = same_kind<Adadelta>(other);
  std::vector<Tensor> square_avg = copies(o.square_avg_), acc_delta = copies(o.acc_delta_);
  o_ = o.o_;
  square_avg_ = std::move(square_avg);
  acc_delta_ = std::move(acc_delta);
}

void Adadelta::step() {
  NoGradGuard no_grad;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    if (!p.grad().defined()) continue;
    const Tensor g = grad_with_decay(p, o_.weight_decay);
    square_avg_[i].mul_(o_.rho).add_(g * g, 1 - o_.rho);
    const Tensor delta = sqrt(acc_delta_[i] + o_.eps) / sqrt(square_avg_[i] + o_.eps) * g;
    acc_delta_[i].mul_(o_.rho).add_(delta * delta, 1 - o_.rho);
    p.sub_(delta, o_.lr);
  }
}

// ---------------------------------------------------------------- Adamax
Adamax::Adamax(std::vector<Tensor> params, AdamaxOptions options) : Optimizer(std::move(params)), o_(options) {
  check_lr(o_.lr, "Adamax");
  check_beta(o_.betas[0], "Adamax", 0);
  check_beta(o_.betas[1], "Adamax", 1);
  for (const Tensor& p : params_) {
    exp_avg_.push_back(zeros_like(p));
    exp_inf_.push_back(zeros_like(p));
  }
}

void Adamax::load_state_from(const Optimizer& other) {
  const Adamax& o = same_kind<Adamax>(other);
  std::vector<Tensor> exp_avg = copies(o.exp_avg_), exp_inf = copies(o.exp_inf_);
  o_ = o.o_;
  t_ = o.t_;
  exp_avg_ = std::move(exp_avg);
  exp_inf_ = std::move(exp_inf);
}

void Adamax::step() {
  NoGradGuard no_grad;
  ++t_;
  const auto [b1, b2] = o_.betas;
  const double clr = o_.lr / (1 - std::pow(b1, static_cast<double>(t_)));
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    if (!p.grad().defined()) continue;
    const Tensor g = grad_with_decay(p, o_.weight_decay);
    exp_avg_[i].mul_(b1).add_(g, 1 - b1);
    exp_inf_[i].copy_(maximum(exp_inf_[i] * b2, abs(g) + o_.eps));
    p.sub_(exp_avg_[i] / exp_inf_[i], clr);
  }
}

// ---------------------------------------------------------------- Rprop
Rprop::Rprop(std::vector<Tensor> params, RpropOptions options) : Optimizer(std::move(params)), o_(options) {
  check_lr(o_.lr, "Rprop");
  GS_CHECK(0 < o_.etas[0] && o_.etas[0] < 1 && 1 < o_.etas[1],
        "Rprop: invalid eta values: " + std::to_string(o_.etas[0]) + ", " + std::to_string(o_.etas[1]));
  for (const Tensor& p : params_) {
    prev_.push_back(zeros_like(p));
    step_size_.push_back(full_like(p, o_.lr));
  }
}

void Rprop::load_state_from(const Optimizer& other) {
  const Rprop& o = same_kind<Rprop>(other);
  std::vector<Tensor> prev = copies(o.prev_), step_size = copies(o.step_size_);
  o_ = o.o_;
  prev_ = std::move(prev);
  step_size_ = std::move(step_size);
}

void Rprop::step() {
  NoGradGuard no_grad;
  const auto [etaminus, etaplus] = o_.etas;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    if (!p.grad().defined()) continue;
    const Tensor g = p.grad();
    const Tensor product = g * prev_[i];
    const Tensor zero = zeros_like(product);
    // factor: etaplus where the sign held, etaminus where it flipped, 1 where either was 0.
    const Tensor factor = where(gt(product, zero), full_like(product, etaplus),
                                where(lt(product, zero), full_like(product, etaminus), ones_like(product)));
    step_size_[i].mul_(factor).clamp_(o_.step_sizes[0], o_.step_sizes[1]);
    // NOTE: after a sign flip the update is skipped and the gradient remembered as 0, as in PyTorch.
    const Tensor g_kept = where(lt(product, zero), zero, g);
    const Tensor sign = gt(g_kept, zero) - lt(g_kept, zero);
    p.sub_(sign * step_size_[i]);
    prev_[i].copy_(g_kept);
  }
}

}  // namespace gs::optim
