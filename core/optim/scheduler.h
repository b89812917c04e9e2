#pragma once
/// Learning-rate schedulers (torch.optim.lr_scheduler): each step() moves the optimizer's lr to
/// the value PyTorch's scheduler gives at that epoch. Construction sets the epoch-0 lr, as in PyTorch.
#include <functional>
#include <string>
#include <vector>

#include "optim/optimizer.h"

namespace gs::optim {

class LRScheduler {
 public:
  explicit LRScheduler(Optimizer& optimizer);
  virtual ~LRScheduler() = default;
  /// Advances one epoch and sets the optimizer's lr.
  virtual void step();
  double get_last_lr() const { return last_lr_; }
  std::int64_t last_epoch() const { return last_epoch_; }
  /// Takes over the epoch count and learning rates of a scheduler of the same kind (a forked run).
  void load_state_from(const LRScheduler& other);
  /// The lr at each of the next `epochs` epochs from a fresh copy of this schedule, without
  /// touching any optimizer (the Optimizer lab's preview curve): element 0 is epoch 0.
  static std::vector<double> preview(const std::function<std::unique_ptr<LRScheduler>(Optimizer&)>& make, double base_lr,
                                     int epochs);

 protected:
  /// lr for last_epoch_ given the previous lr (PyTorch's chainable get_lr).
  virtual double compute_lr(double previous) const = 0;
  void initialize();
  Optimizer& optimizer_;
  double base_lr_;
  double last_lr_;
  std::int64_t last_epoch_ = -1;
};

/// lr = base·gamma^⌊epoch / step_size⌋. Default gamma 0.1.
class StepLR : public LRScheduler {
 public:
  StepLR(Optimizer& optimizer, std::int64_t step_size, double gamma = 0.1);
 protected:
  double compute_lr(double previous) const override;
 private:
  std::int64_t step_size_;
  double gamma_;
};

/// lr multiplied by gamma at each milestone epoch.
class MultiStepLR : public LRScheduler {
 public:
  MultiStepLR(Optimizer& optimizer, std::vector<std::int64_t> milestones, double gamma = 0.1);
 protected:
  double compute_lr(double previous) const override;
 private:
  std::vector<std::int64_t> milestones_;
  double gamma_;
};

/// lr = base·gamma^epoch.
class ExponentialLR : public LRScheduler {
 public:
  ExponentialLR(Optimizer& optimizer, double gamma);
 protected:
  double compute_lr(double previous) const override;
 private:
  double gamma_;
};

/// Cosine from base down to eta_min over T_max epochs (PyTorch's recursive form).
class CosineAnnealingLR : public LRScheduler {
 public:
  CosineAnnealingLR(Optimizer& optimizer, std::int64_t T_max, double eta_min = 0.0);
 protected:
  double compute_lr(double previous) const override;
 private:
  std::int64_t T_max_;
  double eta_min_;
};

/// lr = base·lr_lambda(epoch).
class LambdaLR : public LRScheduler {
 public:
  LambdaLR(Optimizer& optimizer, std::function<double(std::int64_t)> lr_lambda);
 protected:
  double compute_lr(double previous) const override;
 private:
  std::function<double(std::int64_t)> lambda_;
};

/// Linear warm-up (torch's LinearLR): factor from start_factor to end_factor over total_iters.
class LinearLR : public LRScheduler {
 public:
  LinearLR(Optimizer& optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, std::int64_t total_iters = 5);
 protected:
  double compute_lr(double previous) const override;
 private:
  double start_, end_;
  std::int64_t total_;
};

struct ReduceLROnPlateauOptions {
  std::string mode = "min";   ///< "min": lower metric is better; "max": higher
  double factor = 0.1;
  std::int64_t patience = 10; ///< epochs without improvement before reducing
  double threshold = 1e-4;
  std::string threshold_mode = "rel";  ///< "rel" or "abs"
  std::int64_t cooldown = 0;
  double min_lr = 0.0;
  double eps = 1e-8;          ///< reductions smaller than eps are skipped
};

/// Reduces lr by factor when a metric stops improving for `patience` epochs.
class ReduceLROnPlateau {
 public:
  ReduceLROnPlateau(Optimizer& optimizer, ReduceLROnPlateauOptions options = {});
  void step(double metric);
  double get_last_lr() const { return optimizer_.lr(); }
  /// Takes over the best value and the epoch counts of another (a forked run).
  void load_state_from(const ReduceLROnPlateau& other);

 private:
  bool is_better(double a, double best) const;
  Optimizer& optimizer_;
  ReduceLROnPlateauOptions o_;
  double best_;
  std::int64_t bad_epochs_ = 0, cooldown_counter_ = 0, last_epoch_ = 0;
};

}  // namespace gs::optim
