#include "optim/scheduler.h"

#include <typeinfo>

#include <algorithm>
#include <cmath>
#include <limits>

#include "optim/sgd.h"

namespace gs::optim {

LRScheduler::LRScheduler(Optimizer& optimizer) : optimizer_(optimizer), base_lr_(optimizer.lr()), last_lr_(optimizer.lr()) {}

void LRScheduler::load_state_from(const LRScheduler& other) {
  GS_CHECK(typeid(other) == typeid(*this), "a scheduler can only take the state of the same kind of scheduler");
  base_lr_ = other.base_lr_;
  last_lr_ = other.last_lr_;
  last_epoch_ = other.last_epoch_;
}

void ReduceLROnPlateau::load_state_from(const ReduceLROnPlateau& other) {
  best_ = other.best_;
  bad_epochs_ = other.bad_epochs_;
  cooldown_counter_ = other.cooldown_counter_;
  last_epoch_ = other.last_epoch_;
}

void LRScheduler::initialize() { step(); }

void LRScheduler::step() {
  ++last_epoch_;
  last_lr_ = compute_lr(optimizer_.lr());
  optimizer_.set_lr(last_lr_);
}

std::vector<double> LRScheduler::preview(const std::function<std::unique_ptr<LRScheduler>(Optimizer&)>& make, double base_lr,
                                         int epochs) {
  Tensor dummy = zeros({1});
  SGD sgd({dummy}, {.lr = base_lr});
  auto scheduler = make(sgd);
  std::vector<double> lrs;
  for (int e = 0; e < epochs; ++e) {
    lrs.push_back(sgd.lr());
    scheduler->step();
  }
  return lrs;
}

StepLR::StepLR(Optimizer& o, std::int64_t step_size, double gamma) : LRScheduler(o), step_size_(step_size), gamma_(gamma) {
  GS_CHECK(step_size > 0, "StepLR: step_size must be positive, got " + std::to_string(step_size));
  initialize();
}
double StepLR::compute_lr(double previous) const {
  if (last_epoch_ == 0 || last_epoch_ % step_size_ != 0) return previous;
  return previous * gamma_;
}

MultiStepLR::MultiStepLR(Optimizer& o, std::vector<std::int64_t> milestones, double gamma)
    : LRScheduler(o), milestones_(std::move(milestones)), gamma_(gamma) {
  std::sort(milestones_.begin(), milestones_.end());
  initialize();
}
double MultiStepLR::compute_lr(double previous) const {
  const auto n = std::count(milestones_.begin(), milestones_.end(), last_epoch_);
  return previous * std::pow(gamma_, static_cast<double>(n));
}

ExponentialLR::ExponentialLR(Optimizer& o, double gamma) : LRScheduler(o), gamma_(gamma) { initialize(); }
double ExponentialLR::compute_lr(double previous) const { return last_epoch_ == 0 ? previous : previous * gamma_; }

CosineAnnealingLR::CosineAnnealingLR(Optimizer& o, std::int64_t T_max, double eta_min)
    : LRScheduler(o), T_max_(T_max), eta_min_(eta_min) {
  GS_CHECK(T_max > 0, "CosineAnnealingLR: T_max must be positive, got " + std::to_string(T_max));
  initialize();
}
double CosineAnnealingLR::compute_lr(double previous) const {
  const double e = static_cast<double>(last_epoch_), T = static_cast<double>(T_max_);
  if (last_epoch_ == 0) return previous;
  if ((last_epoch_ - 1 - T_max_) % (2 * T_max_) == 0)
    return previous + (base_lr_ - eta_min_) * (1 - std::cos(M_PI / T)) / 2;
  return (1 + std::cos(M_PI * e / T)) / (1 + std::cos(M_PI * (e - 1) / T)) * (previous - eta_min_) + eta_min_;
}

LambdaLR::LambdaLR(Optimizer& o, std::function<double(std::int64_t)> lr_lambda) : LRScheduler(o), lambda_(std::move(lr_lambda)) {
  initialize();
}
double LambdaLR::compute_lr(double) const { return base_lr_ * lambda_(last_epoch_); }

LinearLR::LinearLR(Optimizer& o, double start_factor, double end_factor, std::int64_t total_iters)
    : LRScheduler(o), start_(start_factor), end_(end_factor), total_(total_iters) {
  GS_CHECK(start_factor > 0 && start_factor <= 1, "LinearLR: start_factor must be in (0, 1], got " + std::to_string(start_factor));
  GS_CHECK(end_factor >= 0 && end_factor <= 1, "LinearLR: end_factor must be in [0, 1], got " + std::to_string(end_factor));
  GS_CHECK(total_iters >= 0, "LinearLR: total_iters must be 0 or more, got " + std::to_string(total_iters));
  initialize();
}
double LinearLR::compute_lr(double) const {
  // total_iters = 0: PyTorch's chainable form keeps lr·start_factor from the first step on (its
  // closed form would divide by zero); the ramp has no length.
  if (total_ <= 0) return base_lr_ * start_;
  const double t = static_cast<double>(std::min(last_epoch_, total_));
  return base_lr_ * (start_ + (end_ - start_) * t / static_cast<double>(total_));
}

ReduceLROnPlateau::ReduceLROnPlateau(Optimizer& o, ReduceLROnPlateauOptions options) : optimizer_(o), o_(std::move(options)) {
  GS_CHECK(o_.factor < 1.0, "ReduceLROnPlateau: factor should be < 1.0, got " + std::to_string(o_.factor));
  GS_CHECK(o_.mode == "min" || o_.mode == "max", "ReduceLROnPlateau: mode \"" + o_.mode + "\" is unknown (use \"min\" or \"max\")");
  GS_CHECK(o_.threshold_mode == "rel" || o_.threshold_mode == "abs",
        "ReduceLROnPlateau: threshold_mode \"" + o_.threshold_mode + "\" is unknown (use \"rel\" or \"abs\")");
  best_ = o_.mode == "min" ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
}

bool ReduceLROnPlateau::is_better(double a, double best) const {
  if (o_.mode == "min") return o_.threshold_mode == "rel" ? a < best * (1 - o_.threshold) : a < best - o_.threshold;
  return o_.threshold_mode == "rel" ? a > best * (1 + o_.threshold) : a > best + o_.threshold;
}

void ReduceLROnPlateau::step(double metric) {
  ++last_epoch_;
  if (is_better(metric, best_)) {
    best_ = metric;
    bad_epochs_ = 0;
  } else {
    ++bad_epochs_;
  }
  if (cooldown_counter_ > 0) {
    --cooldown_counter_;
    bad_epochs_ = 0;
  }
  if (bad_epochs_ > o_.patience) {
    const double old_lr = optimizer_.lr();
    const double new_lr = std::max(old_lr * o_.factor, o_.min_lr);
    if (old_lr - new_lr > o_.eps) optimizer_.set_lr(new_lr);
    cooldown_counter_ = o_.cooldown;
    bad_epochs_ = 0;
  }
}

}  // namespace gs::optim
