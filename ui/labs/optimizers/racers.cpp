#include "labs/optimizers/racers.h"

#include <algorithm>
#include <cmath>

namespace gsui::optimizer_race {

const std::vector<Racer>& racers() {
  static const std::vector<Racer> list = {
      {"SGD", "SGD", 0.01, {}},
      {"Momentum", "SGD", 0.01, {{"momentum", 0.9}}},
      {"Nesterov", "SGD", 0.01, {{"momentum", 0.9}, {"nesterov", true}}},
      {"Adagrad", "Adagrad", 0.5, {}},
      {"RMSprop", "RMSprop", 0.01, {}},
      {"Adam", "Adam", 0.1, {}},
      {"AdamW", "AdamW", 0.1, {}},
      {"Adadelta", "Adadelta", 1.0, {}},
      {"Adamax", "Adamax", 0.1, {}},
      {"Rprop", "Rprop", 0.01, {}},
  };
  return list;
}

QStringList schedulerNames() {
  return {"None", "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "LinearLR", "ReduceLROnPlateau"};
}

nlohmann::json schedulerSpec(const QString& name, int steps) {
  if (name == "StepLR") return {{"name", "StepLR"}, {"step_size", std::max(1, steps / 4)}, {"gamma", 0.5}};
  if (name == "MultiStepLR") return {{"name", "MultiStepLR"}, {"milestones", {steps / 3, 2 * steps / 3}}, {"gamma", 0.3}};
  if (name == "ExponentialLR") return {{"name", "ExponentialLR"}, {"gamma", std::pow(0.01, 1.0 / std::max(1, steps))}};
  if (name == "CosineAnnealingLR") return {{"name", "CosineAnnealingLR"}, {"T_max", steps}};
  if (name == "LinearLR") return {{"name", "LinearLR"}, {"start_factor", 0.1}, {"total_iters", std::max(1, steps / 5)}};
  if (name == "ReduceLROnPlateau") return {{"name", "ReduceLROnPlateau"}, {"factor", 0.5}, {"patience", 5}};
  return nullptr;
}

}  // namespace gsui::optimizer_race
