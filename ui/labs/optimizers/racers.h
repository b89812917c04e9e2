#pragma once
// What races in the Optimizer lab: the optimizers with their default learning rates and the
// settings of each learning-rate scheduler the lab previews (where a race starts is the
// landscape's own: Function::default_start()).
#include <QStringList>
#include <nlohmann/json.hpp>
#include <vector>

namespace gsui::optimizer_race {

struct Racer {
  const char* name;        ///< shown in the table and the legend ("Momentum")
  const char* torch_name;  ///< the torch.optim class ("SGD")
  double lr;               ///< default learning rate
  nlohmann::json extra;    ///< further options ({"momentum": 0.9})
};

/// The racers in table order: SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW, Adadelta,
/// Adamax, Rprop.
const std::vector<Racer>& racers();
/// Rows of racers() whose inner state the lab draws as arrows.
constexpr int kMomentum = 1;
constexpr int kAdam = 5;

/// The schedulers offered: "None", "StepLR", ..., "ReduceLROnPlateau".
QStringList schedulerNames();
/// One editable argument of a scheduler, named as in torch.optim.lr_scheduler ("step_size").
struct SchedulerParam {
  QString key;      ///< "step_size", "gamma", "milestones[0]" (MultiStepLR's two milestones), ...
  double value;     ///< its default for a run of the given length
  double min, max;  ///< the range the lab offers
  int decimals;     ///< 0: an integer (steps)
};
/// The arguments the lab lets one edit for `name`, with defaults for a run of `steps` (the
/// milestones scale with the run); empty for "None".
std::vector<SchedulerParam> schedulerParams(const QString& name, int steps);
/// The scheduler's spec from the values of schedulerParams(name, ·), in that order; null for "None".
nlohmann::json schedulerSpec(const QString& name, const std::vector<double>& values);
/// The spec with the defaults for a run of `steps`.
nlohmann::json schedulerSpec(const QString& name, int steps);
/// A value as the lab shows it and the PyTorch code writes it: rounded to `decimals`, no trailing zeros.
QString formatValue(double v, int decimals);

}  // namespace gsui::optimizer_race
