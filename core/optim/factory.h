#pragma once
/// Optimizers and schedulers built from their typed options (options.h), or from JSON with
/// PyTorch's names and argument names ({"name": "Adam", "lr": 0.1, "betas": [0.9, 0.999]}) at the
/// file and command-line boundary. Unknown names or arguments are errors that name the field;
/// omitted arguments take PyTorch's defaults.
#include <memory>
#include <nlohmann/json.hpp>

#include "optim/optimizer.h"
#include "optim/options.h"
#include "optim/scheduler.h"

namespace gs::optim {

/// The optimizer of `options` over `params`. Throws when the options struct does not belong to
/// the kind, or the optimizer refuses a value (a negative lr, a beta outside [0, 1)).
std::unique_ptr<Optimizer> make_optimizer(const OptimizerOptions& options, std::vector<Tensor> params);
/// make_optimizer(parse_optimizer(spec, field), params).
std::unique_ptr<Optimizer> make_optimizer(const nlohmann::json& spec, std::vector<Tensor> params,
                                          const std::string& field = "optimizer");

/// A scheduler stepped each epoch, or ReduceLROnPlateau stepped with a metric.
struct Scheduler {
  std::unique_ptr<LRScheduler> epoch;
  std::unique_ptr<ReduceLROnPlateau> plateau;
  /// Advances one epoch (metric used by ReduceLROnPlateau).
  void step(double metric);
  bool active() const { return epoch || plateau; }
  /// Takes over another's state (the same kinds of schedulers; checked first).
  void load_state_from(const Scheduler& other);
};
/// The scheduler of `options` driving `optimizer` (construction sets the epoch-0 lr, as in PyTorch).
Scheduler make_scheduler(const SchedulerOptions& options, Optimizer& optimizer);
/// make_scheduler(parse_scheduler(spec, field), optimizer); null `spec`: no scheduler.
Scheduler make_scheduler(const nlohmann::json& spec, Optimizer& optimizer, const std::string& field = "scheduler");

}  // namespace gs::optim
