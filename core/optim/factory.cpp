#include "optim/factory.h"

#include <cmath>
#include <set>

#include "optim/adaptive.h"
#include "optim/sgd.h"

namespace gs::optim {

using nlohmann::json;

namespace {

/// Reads arguments of one JSON object, checking that every key is known.
class Args {
 public:
  Args(const json& j, std::string field, std::set<std::string> known) : j_(j), field_(std::move(field)) {
    if (!j.is_object()) throw Error(field_ + ": expected an object like {\"name\": ..., ...}");
    known.insert("name");
    for (const auto& [k, v] : j.items()) {
      if (!known.count(k)) {
        std::string list;
        for (const auto& n : known)
          if (n != "name") list += (list.empty() ? "" : ", ") + n;
        throw Error(field_ + "." + k + ": unknown argument of " + j.value("name", std::string("?")) + " (it takes: " + list + ")");
      }
    }
  }
  double number(const char* key, double fallback) const {
    if (!j_.contains(key)) return fallback;
    const json& v = j_[key];
    if (!v.is_number()) throw Error(field_ + "." + key + ": expected a number, got " + v.dump());
    const double d = v.get<double>();
    if (!std::isfinite(d)) throw Error(field_ + "." + key + ": expected a finite number, got " + v.dump());
    return d;
  }
  double positive(const char* key, double fallback) const {
    const double d = number(key, fallback);
    if (d < 0) throw Error(field_ + "." + key + ": must be >= 0, got " + std::to_string(d));
    return d;
  }
  std::int64_t integer(const char* key, std::int64_t fallback) const {
    if (!j_.contains(key)) return fallback;
    if (!j_[key].is_number_integer()) throw Error(field_ + "." + key + ": expected an integer, got " + j_[key].dump());
    return j_[key].get<std::int64_t>();
  }
  bool boolean(const char* key, bool fallback) const {
    if (!j_.contains(key)) return fallback;
    if (!j_[key].is_boolean()) throw Error(field_ + "." + key + ": expected true or false, got " + j_[key].dump());
    return j_[key].get<bool>();
  }
  std::array<double, 2> pair(const char* key, std::array<double, 2> fallback) const {
    if (!j_.contains(key)) return fallback;
    const json& v = j_[key];
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number())
      throw Error(field_ + "." + key + ": expected a pair of numbers like [0.9, 0.999], got " + v.dump());
    return {v[0].get<double>(), v[1].get<double>()};
  }
  std::string text(const char* key, const std::string& fallback) const {
    if (!j_.contains(key)) return fallback;
    if (!j_[key].is_string()) throw Error(field_ + "." + key + ": expected a string, got " + j_[key].dump());
    return j_[key].get<std::string>();
  }

 private:
  const json& j_;
  std::string field_;
};

std::string name_of(const json& spec, const std::string& field) {
  if (!spec.is_object() || !spec.contains("name") || !spec["name"].is_string())
    throw Error(field + ".name: missing (e.g. {\"name\": \"Adam\", \"lr\": 0.001})");
  return spec["name"].get<std::string>();
}

}  // namespace

const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names = {"SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "Adadelta", "Adamax", "Rprop"};
  return names;
}

std::unique_ptr<Optimizer> make_optimizer(const json& spec, std::vector<Tensor> params, const std::string& field) {
  const std::string name = name_of(spec, field);
  try {
    if (name == "SGD") {
      Args a(spec, field, {"lr", "momentum", "dampening", "weight_decay", "nesterov"});
      return std::make_unique<SGD>(std::move(params), SGDOptions{.lr = a.positive("lr", 1e-3), .momentum = a.positive("momentum", 0),
                                                                 .dampening = a.number("dampening", 0),
                                                                 .weight_decay = a.positive("weight_decay", 0),
                                                                 .nesterov = a.boolean("nesterov", false)});
    }
    if (name == "Adagrad") {
      Args a(spec, field, {"lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"});
      return std::make_unique<Adagrad>(std::move(params), AdagradOptions{.lr = a.positive("lr", 1e-2), .lr_decay = a.positive("lr_decay", 0),
                                                                         .weight_decay = a.positive("weight_decay", 0),
                                                                         .initial_accumulator_value = a.positive("initial_accumulator_value", 0),
                                                                         .eps = a.positive("eps", 1e-10)});
    }
    if (name == "RMSprop") {
      Args a(spec, field, {"lr", "alpha", "eps", "weight_decay", "momentum", "centered"});
      return std::make_unique<RMSprop>(std::move(params), RMSpropOptions{.lr = a.positive("lr", 1e-2), .alpha = a.positive("alpha", 0.99),
                                                                         .eps = a.positive("eps", 1e-8), .weight_decay = a.positive("weight_decay", 0),
                                                                         .momentum = a.positive("momentum", 0), .centered = a.boolean("centered", false)});
    }
    if (name == "Adam" || name == "AdamW") {
      Args a(spec, field, {"lr", "betas", "eps", "weight_decay", "amsgrad"});
      AdamOptions o{.lr = a.positive("lr", 1e-3), .betas = a.pair("betas", {0.9, 0.999}), .eps = a.positive("eps", 1e-8),
                    .weight_decay = a.positive("weight_decay", name == "AdamW" ? 1e-2 : 0.0), .amsgrad = a.boolean("amsgrad", false)};
      if (name == "AdamW") return std::make_unique<AdamW>(std::move(params), o);
      return std::make_unique<Adam>(std::move(params), o);
    }
    if (name == "Adadelta") {
      Args a(spec, field, {"lr", "rho", "eps", "weight_decay"});
      return std::make_unique<Adadelta>(std::move(params), AdadeltaOptions{.lr = a.positive("lr", 1.0), .rho = a.positive("rho", 0.9),
                                                                           .eps = a.positive("eps", 1e-6), .weight_decay = a.positive("weight_decay", 0)});
    }
    if (name == "Adamax") {
      Args a(spec, field, {"lr", "betas", "eps", "weight_decay"});
      return std::make_unique<Adamax>(std::move(params), AdamaxOptions{.lr = a.positive("lr", 2e-3), .betas = a.pair("betas", {0.9, 0.999}),
                                                                       .eps = a.positive("eps", 1e-8), .weight_decay = a.positive("weight_decay", 0)});
    }
    if (name == "Rprop") {
      Args a(spec, field, {"lr", "etas", "step_sizes"});
      return std::make_unique<Rprop>(std::move(params), RpropOptions{.lr = a.positive("lr", 1e-2), .etas = a.pair("etas", {0.5, 1.2}),
                                                                     .step_sizes = a.pair("step_sizes", {1e-6, 50})});
    }
  } catch (const Error& e) {
    const std::string msg = e.what();
    if (msg.rfind(field, 0) == 0) throw;
    throw Error(field + ": " + msg);
  }
  std::string known;
  for (const auto& n : optimizer_names()) known += (known.empty() ? "" : ", ") + n;
  throw Error(field + ".name: unknown optimizer \"" + name + "\" (known: " + known + ")");
}

void Scheduler::step(double metric) {
  if (epoch) epoch->step();
  if (plateau) plateau->step(metric);
}

Scheduler make_scheduler(const json& spec, Optimizer& optimizer, const std::string& field) {
  Scheduler s;
  if (spec.is_null()) return s;
  const std::string name = name_of(spec, field);
  if (name == "StepLR") {
    Args a(spec, field, {"step_size", "gamma"});
    s.epoch = std::make_unique<StepLR>(optimizer, a.integer("step_size", 0), a.number("gamma", 0.1));
  } else if (name == "MultiStepLR") {
    Args a(spec, field, {"milestones", "gamma"});
    if (!spec.contains("milestones") || !spec["milestones"].is_array())
      throw Error(field + ".milestones: expected a list of epochs like [30, 80]");
    std::vector<std::int64_t> m;
    for (const auto& v : spec["milestones"]) {
      if (!v.is_number_integer()) throw Error(field + ".milestones: expected integers, got " + v.dump());
      m.push_back(v.get<std::int64_t>());
    }
    s.epoch = std::make_unique<MultiStepLR>(optimizer, m, a.number("gamma", 0.1));
  } else if (name == "ExponentialLR") {
    Args a(spec, field, {"gamma"});
    if (!spec.contains("gamma")) throw Error(field + ".gamma: required by ExponentialLR");
    s.epoch = std::make_unique<ExponentialLR>(optimizer, a.number("gamma", 1.0));
  } else if (name == "CosineAnnealingLR") {
    Args a(spec, field, {"T_max", "eta_min"});
    s.epoch = std::make_unique<CosineAnnealingLR>(optimizer, a.integer("T_max", 0), a.number("eta_min", 0));
  } else if (name == "LinearLR") {
    Args a(spec, field, {"start_factor", "end_factor", "total_iters"});
    s.epoch = std::make_unique<LinearLR>(optimizer, a.number("start_factor", 1.0 / 3), a.number("end_factor", 1.0), a.integer("total_iters", 5));
  } else if (name == "ReduceLROnPlateau") {
    Args a(spec, field, {"mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps"});
    s.plateau = std::make_unique<ReduceLROnPlateau>(
        optimizer, ReduceLROnPlateauOptions{.mode = a.text("mode", "min"), .factor = a.number("factor", 0.1),
                                            .patience = a.integer("patience", 10), .threshold = a.number("threshold", 1e-4),
                                            .threshold_mode = a.text("threshold_mode", "rel"), .cooldown = a.integer("cooldown", 0),
                                            .min_lr = a.number("min_lr", 0), .eps = a.number("eps", 1e-8)});
  } else {
    throw Error(field + ".name: unknown scheduler \"" + name +
                "\" (known: StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, LinearLR, ReduceLROnPlateau)");
  }
  return s;
}

}  // namespace gs::optim
