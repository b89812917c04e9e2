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

std::vector<SchedulerParam> schedulerParams(const QString& name, int steps) {
  const double n = std::max(1, steps);
  if (name == "StepLR") return {{"step_size", std::max(1.0, std::floor(n / 4)), 1, 2000, 0}, {"gamma", 0.5, 0.01, 1, 2}};
  if (name == "MultiStepLR")
    return {{"milestones[0]", std::floor(n / 3), 0, 2000, 0}, {"milestones[1]", std::floor(2 * n / 3), 0, 2000, 0}, {"gamma", 0.3, 0.01, 1, 2}};
  if (name == "ExponentialLR") return {{"gamma", std::round(std::pow(0.01, 1.0 / n) * 1e4) / 1e4, 0.5, 1, 4}};
  if (name == "CosineAnnealingLR") return {{"T_max", n, 1, 2000, 0}, {"eta_min", 0, 0, 1, 4}};
  if (name == "LinearLR") return {{"start_factor", 0.1, 0.01, 1, 2}, {"total_iters", std::max(1.0, std::floor(n / 5)), 1, 2000, 0}};
  if (name == "ReduceLROnPlateau") return {{"factor", 0.5, 0.01, 0.99, 2}, {"patience", 5, 0, 200, 0}};
  return {};
}

nlohmann::json schedulerSpec(const QString& name, const std::vector<double>& values) {
  const std::vector<SchedulerParam> params = schedulerParams(name, 1);
  if (params.empty()) return nullptr;
  nlohmann::json spec = {{"name", name.toStdString()}};
  std::vector<std::int64_t> milestones;
  for (std::size_t k = 0; k < params.size(); ++k) {
    const double v = k < values.size() ? values[k] : params[k].value;
    const std::string key = params[k].key.toStdString();
    if (params[k].key.startsWith("milestones")) milestones.push_back(static_cast<std::int64_t>(std::lround(v)));
    else if (params[k].decimals == 0) spec[key] = static_cast<std::int64_t>(std::lround(v));
    else spec[key] = v;
  }
  if (!milestones.empty()) {
    std::sort(milestones.begin(), milestones.end());
    spec["milestones"] = milestones;
  }
  return spec;
}

nlohmann::json schedulerSpec(const QString& name, int steps) {
  std::vector<double> values;
  for (const SchedulerParam& p : schedulerParams(name, steps)) values.push_back(p.value);
  return schedulerSpec(name, values);
}

QString formatValue(double v, int decimals) {
  QString s = QString::number(v, 'f', decimals);
  if (s.contains('.')) {
    while (s.endsWith('0')) s.chop(1);
    if (s.endsWith('.')) s.chop(1);
  }
  return s == "-0" ? "0" : s;
}

}  // namespace gsui::optimizer_race
