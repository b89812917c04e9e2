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
/// The scheduler's spec for a run of `steps` (its milestones scale with the run); null for "None".
nlohmann::json schedulerSpec(const QString& name, int steps);

}  // namespace gsui::optimizer_race
