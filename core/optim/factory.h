#pragma once
/// Optimizers and schedulers from JSON with PyTorch's names and argument names:
/// {"name": "Adam", "lr": 0.1, "betas": [0.9, 0.999]}. Unknown names or arguments are errors that
/// name the field; omitted arguments take PyTorch's defaults.
#include <memory>
#include <nlohmann/json.hpp>
#include <variant>

#include "optim/optimizer.h"
#include "optim/scheduler.h"

namespace gs::optim {

/// "SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "Adadelta", "Adamax", "Rprop".
const std::vector<std::string>& optimizer_names();
std::unique_ptr<Optimizer> make_optimizer(const nlohmann::json& spec, std::vector<Tensor> params,
                                          const std::string& field = "optimizer");

/// A scheduler stepped each epoch, or ReduceLROnPlateau stepped with a metric.
struct Scheduler {
  std::unique_ptr<LRScheduler> epoch;
  std::unique_ptr<ReduceLROnPlateau> plateau;
  /// Advances one epoch (metric used by ReduceLROnPlateau).
  void step(double metric);
  bool active() const { return epoch || plateau; }
};
/// "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "LinearLR" (warm-up),
/// "ReduceLROnPlateau".
Scheduler make_scheduler(const nlohmann::json& spec, Optimizer& optimizer, const std::string& field = "scheduler");

}  // namespace gs::optim
