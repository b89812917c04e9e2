#pragma once
/// An optimizer's and a scheduler's settings as typed values: a kind and its options struct, with
/// PyTorch's names and defaults. In-process code passes these; JSON ({"name": "Adam", "lr": 0.1,
/// "betas": [0.9, 0.99]}) is read and written only here, at the file and command-line boundary.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "optim/adaptive.h"
#include "optim/scheduler.h"
#include "optim/sgd.h"

namespace gs::optim {

// ---- optimizers

enum class OptimizerKind { SGD, Adagrad, RMSprop, Adam, AdamW, Adadelta, Adamax, Rprop };

/// Every kind, in the Optimizers lab's order (SGD first).
const std::vector<OptimizerKind>& optimizer_kinds();
/// PyTorch's class name: "SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "Adadelta", "Adamax", "Rprop".
const char* optimizer_name(OptimizerKind kind);
/// The kind of a PyTorch class name; nullopt for an unknown (or misspelt) one.
std::optional<OptimizerKind> optimizer_kind(const std::string& name);
/// The names of optimizer_kinds(), in that order.
const std::vector<std::string>& optimizer_names();

/// One optimizer's settings: its kind and the options struct of that kind (AdamOptions serves
/// both Adam and AdamW). Default: SGD with PyTorch's defaults.
struct OptimizerOptions {
  OptimizerKind kind = OptimizerKind::SGD;
  std::variant<SGDOptions, AdagradOptions, RMSpropOptions, AdamOptions, AdadeltaOptions, AdamaxOptions, RpropOptions> options;
  /// The learning rate, whichever the kind.
  double lr() const;
  void set_lr(double lr);
};
/// Same kind and every argument equal.
bool operator==(const OptimizerOptions& a, const OptimizerOptions& b);

/// PyTorch's defaults for `kind` (AdamW: weight_decay 1e-2) with this learning rate.
OptimizerOptions default_optimizer_options(OptimizerKind kind, double lr);
/// Reads {"name": "Adam", "lr": 0.1, ...}: omitted arguments take PyTorch's defaults; an unknown
/// name or argument, or a value the optimizer refuses, is an error naming `field`.
OptimizerOptions parse_optimizer(const nlohmann::json& spec, const std::string& field = "optimizer");
/// {"name": ..., "lr": ...} plus only the arguments that differ from the defaults (what
/// parse_optimizer reads back to the same options).
nlohmann::json to_json(const OptimizerOptions& options);

// ---- learning-rate schedulers (the arguments of the classes in scheduler.h)

struct StepLROptions {
  std::int64_t step_size = 0;  ///< epochs between decays; required (must be positive)
  double gamma = 0.1;          ///< factor at each decay
};
struct MultiStepLROptions {
  std::vector<std::int64_t> milestones;  ///< epochs at which lr is multiplied by gamma; required
  double gamma = 0.1;
};
struct ExponentialLROptions {
  double gamma = 1.0;  ///< factor per epoch; required in JSON (PyTorch has no default)
};
struct CosineAnnealingLROptions {
  std::int64_t T_max = 0;  ///< half period in epochs; required (must be positive)
  double eta_min = 0.0;    ///< the lowest lr
};
struct LinearLROptions {
  double start_factor = 1.0 / 3;  ///< lr·start_factor at epoch 0 ...
  double end_factor = 1.0;        ///< ... rising linearly to lr·end_factor
  std::int64_t total_iters = 5;   ///< ... at this epoch
};

enum class SchedulerKind { StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, LinearLR, ReduceLROnPlateau };

/// Every kind, in the Optimizers lab's order.
const std::vector<SchedulerKind>& scheduler_kinds();
/// PyTorch's class name: "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "LinearLR",
/// "ReduceLROnPlateau".
const char* scheduler_name(SchedulerKind kind);
/// The kind of a PyTorch class name; nullopt for an unknown one.
std::optional<SchedulerKind> scheduler_kind(const std::string& name);

/// One scheduler's settings: its kind and the options struct of that kind. Default: StepLR (whose
/// step_size must still be set).
struct SchedulerOptions {
  SchedulerKind kind = SchedulerKind::StepLR;
  std::variant<StepLROptions, MultiStepLROptions, ExponentialLROptions, CosineAnnealingLROptions, LinearLROptions,
               ReduceLROnPlateauOptions>
      options;
};
bool operator==(const SchedulerOptions& a, const SchedulerOptions& b);

/// PyTorch's defaults for `kind` (StepLR's step_size, CosineAnnealingLR's T_max and MultiStepLR's
/// milestones have none and must be set before use).
SchedulerOptions default_scheduler_options(SchedulerKind kind);
/// Reads {"name": "StepLR", "step_size": 10, ...}, validated as parse_optimizer does.
SchedulerOptions parse_scheduler(const nlohmann::json& spec, const std::string& field = "scheduler");
/// {"name": ...} plus the required arguments and those that differ from the defaults.
nlohmann::json to_json(const SchedulerOptions& options);

}  // namespace gs::optim
