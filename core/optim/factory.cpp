#include "optim/factory.h"

#include <typeinfo>

#include "optim/adaptive.h"
#include "optim/sgd.h"

namespace gs::optim {

namespace {

/// The options struct the kind needs; a mismatch (AdamOptions given for SGD) is a caller's bug,
/// reported by name rather than as std::bad_variant_access.
template <class O, class Variant, class Kind>
const O& options_as(const Variant& options, Kind kind, const char* (*name)(Kind)) {
  const O* o = std::get_if<O>(&options);
  if (!o) throw Error(std::string(name(kind)) + ": its options hold the arguments of another kind");
  return *o;
}

}  // namespace

std::unique_ptr<Optimizer> make_optimizer(const OptimizerOptions& options, std::vector<Tensor> params) {
  const OptimizerKind k = options.kind;
  const auto& o = options.options;
  switch (k) {
    case OptimizerKind::SGD: return std::make_unique<SGD>(std::move(params), options_as<SGDOptions>(o, k, optimizer_name));
    case OptimizerKind::Adagrad: return std::make_unique<Adagrad>(std::move(params), options_as<AdagradOptions>(o, k, optimizer_name));
    case OptimizerKind::RMSprop: return std::make_unique<RMSprop>(std::move(params), options_as<RMSpropOptions>(o, k, optimizer_name));
    case OptimizerKind::Adam: return std::make_unique<Adam>(std::move(params), options_as<AdamOptions>(o, k, optimizer_name));
    case OptimizerKind::AdamW: return std::make_unique<AdamW>(std::move(params), options_as<AdamOptions>(o, k, optimizer_name));
    case OptimizerKind::Adadelta: return std::make_unique<Adadelta>(std::move(params), options_as<AdadeltaOptions>(o, k, optimizer_name));
    case OptimizerKind::Adamax: return std::make_unique<Adamax>(std::move(params), options_as<AdamaxOptions>(o, k, optimizer_name));
    case OptimizerKind::Rprop: return std::make_unique<Rprop>(std::move(params), options_as<RpropOptions>(o, k, optimizer_name));
  }
  throw Error("optimizer: unknown kind");
}

std::unique_ptr<Optimizer> make_optimizer(const nlohmann::json& spec, std::vector<Tensor> params, const std::string& field) {
  return make_optimizer(parse_optimizer(spec, field), std::move(params));
}

void Scheduler::step(double metric) {
  if (epoch) epoch->step();
  if (plateau) plateau->step(metric);
}

void Scheduler::load_state_from(const Scheduler& other) {
  GS_CHECK(bool(epoch) == bool(other.epoch) && bool(plateau) == bool(other.plateau) &&
               (!epoch || typeid(*epoch) == typeid(*other.epoch)),
           "the other run has another learning-rate scheduler");
  if (epoch) epoch->load_state_from(*other.epoch);
  if (plateau) plateau->load_state_from(*other.plateau);
}

Scheduler make_scheduler(const SchedulerOptions& options, Optimizer& optimizer) {
  const SchedulerKind k = options.kind;
  const auto& o = options.options;
  Scheduler s;
  switch (k) {
    case SchedulerKind::StepLR: {
      const auto& a = options_as<StepLROptions>(o, k, scheduler_name);
      s.epoch = std::make_unique<StepLR>(optimizer, a.step_size, a.gamma);
      break;
    }
    case SchedulerKind::MultiStepLR: {
      const auto& a = options_as<MultiStepLROptions>(o, k, scheduler_name);
      s.epoch = std::make_unique<MultiStepLR>(optimizer, a.milestones, a.gamma);
      break;
    }
    case SchedulerKind::ExponentialLR:
      s.epoch = std::make_unique<ExponentialLR>(optimizer, options_as<ExponentialLROptions>(o, k, scheduler_name).gamma);
      break;
    case SchedulerKind::CosineAnnealingLR: {
      const auto& a = options_as<CosineAnnealingLROptions>(o, k, scheduler_name);
      s.epoch = std::make_unique<CosineAnnealingLR>(optimizer, a.T_max, a.eta_min);
      break;
    }
    case SchedulerKind::LinearLR: {
      const auto& a = options_as<LinearLROptions>(o, k, scheduler_name);
      s.epoch = std::make_unique<LinearLR>(optimizer, a.start_factor, a.end_factor, a.total_iters);
      break;
    }
    case SchedulerKind::ReduceLROnPlateau:
      s.plateau = std::make_unique<ReduceLROnPlateau>(optimizer, options_as<ReduceLROnPlateauOptions>(o, k, scheduler_name));
      break;
  }
  return s;
}

Scheduler make_scheduler(const nlohmann::json& spec, Optimizer& optimizer, const std::string& field) {
  if (spec.is_null()) return {};
  return make_scheduler(parse_scheduler(spec, field), optimizer);
}

}  // namespace gs::optim
