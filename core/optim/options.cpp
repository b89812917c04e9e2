#include "optim/options.h"

#include <cmath>
#include <functional>
#include <set>
#include <type_traits>

#include "optim/factory.h"

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
  bool has(const char* key) const { return j_.contains(key); }
  [[noreturn]] void fail(const char* key, const std::string& why) const { throw Error(field_ + "." + key + ": " + why); }
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
  /// A list of epochs (MultiStepLR's milestones): always required.
  std::vector<std::int64_t> epochs(const char* key) const {
    if (!j_.contains(key) || !j_[key].is_array()) throw Error(field_ + "." + key + ": expected a list of epochs like [30, 80]");
    std::vector<std::int64_t> out;
    for (const auto& v : j_[key]) {
      if (!v.is_number_integer()) throw Error(field_ + "." + key + ": expected integers, got " + v.dump());
      out.push_back(v.get<std::int64_t>());
    }
    return out;
  }

 private:
  const json& j_;
  std::string field_;
};

enum class Check { Finite, NonNegative, Required };

double read_value(const Args& a, const char* key, double fallback, Check c) {
  return c == Check::NonNegative ? a.positive(key, fallback) : a.number(key, fallback);
}
bool read_value(const Args& a, const char* key, bool fallback, Check) { return a.boolean(key, fallback); }
std::int64_t read_value(const Args& a, const char* key, std::int64_t fallback, Check) { return a.integer(key, fallback); }
std::string read_value(const Args& a, const char* key, const std::string& fallback, Check) { return a.text(key, fallback); }
std::array<double, 2> read_value(const Args& a, const char* key, std::array<double, 2> fallback, Check) { return a.pair(key, fallback); }
std::vector<std::int64_t> read_value(const Args& a, const char* key, const std::vector<std::int64_t>&, Check) { return a.epochs(key); }

/// One argument of an options struct: its PyTorch name and how to read, compare and write the
/// member it sets. A struct's table drives all three, so an argument is listed once.
template <class O>
struct Arg {
  const char* name;
  std::function<void(const Args&, const std::string& kind_name, O&)> read;
  std::function<bool(const O&, const O&)> equal;
  std::function<void(nlohmann::json&, const O&)> write;
  bool required;  ///< always written (a required argument has no default to leave out)
};

template <class O, class T>
Arg<O> arg(const char* name, T O::*member, Check check = Check::Finite) {
  return {name,
          [=](const Args& a, const std::string& kind_name, O& o) {
            // (A list says itself that it is missing: "expected a list of epochs".)
            if constexpr (!std::is_same_v<T, std::vector<std::int64_t>>)
              if (check == Check::Required && !a.has(name)) a.fail(name, "required by " + kind_name);
            o.*member = read_value(a, name, o.*member, check);
          },
          [=](const O& x, const O& y) { return x.*member == y.*member; },
          [=](nlohmann::json& j, const O& o) { j[name] = o.*member; },
          check == Check::Required};
}

template <class O>
const std::vector<Arg<O>>& args_of();

#define GS_ARGS(Options, ...)                                  \
  template <>                                                  \
  const std::vector<Arg<Options>>& args_of<Options>() {        \
    using O = Options;                                         \
    static const std::vector<Arg<Options>> args = __VA_ARGS__; \
    return args;                                               \
  }
constexpr Check kNonNegative = Check::NonNegative;
// The order is the order of validation (which message comes first when several are wrong).
GS_ARGS(SGDOptions, {arg("lr", &O::lr, kNonNegative), arg("momentum", &O::momentum, kNonNegative), arg("dampening", &O::dampening),
                     arg("weight_decay", &O::weight_decay, kNonNegative), arg("nesterov", &O::nesterov)})
GS_ARGS(AdagradOptions, {arg("lr", &O::lr, kNonNegative), arg("lr_decay", &O::lr_decay, kNonNegative),
                         arg("weight_decay", &O::weight_decay, kNonNegative),
                         arg("initial_accumulator_value", &O::initial_accumulator_value, kNonNegative), arg("eps", &O::eps, kNonNegative)})
GS_ARGS(RMSpropOptions, {arg("lr", &O::lr, kNonNegative), arg("alpha", &O::alpha, kNonNegative), arg("eps", &O::eps, kNonNegative),
                         arg("weight_decay", &O::weight_decay, kNonNegative), arg("momentum", &O::momentum, kNonNegative),
                         arg("centered", &O::centered)})
GS_ARGS(AdamOptions, {arg("lr", &O::lr, kNonNegative), arg("betas", &O::betas), arg("eps", &O::eps, kNonNegative),
                      arg("weight_decay", &O::weight_decay, kNonNegative), arg("amsgrad", &O::amsgrad)})
GS_ARGS(AdadeltaOptions, {arg("lr", &O::lr, kNonNegative), arg("rho", &O::rho, kNonNegative), arg("eps", &O::eps, kNonNegative),
                          arg("weight_decay", &O::weight_decay, kNonNegative)})
GS_ARGS(AdamaxOptions, {arg("lr", &O::lr, kNonNegative), arg("betas", &O::betas), arg("eps", &O::eps, kNonNegative),
                        arg("weight_decay", &O::weight_decay, kNonNegative)})
GS_ARGS(RpropOptions, {arg("lr", &O::lr, kNonNegative), arg("etas", &O::etas), arg("step_sizes", &O::step_sizes)})
GS_ARGS(StepLROptions, {arg("step_size", &O::step_size), arg("gamma", &O::gamma)})
GS_ARGS(MultiStepLROptions, {arg("milestones", &O::milestones, Check::Required), arg("gamma", &O::gamma)})
GS_ARGS(ExponentialLROptions, {arg("gamma", &O::gamma, Check::Required)})
GS_ARGS(CosineAnnealingLROptions, {arg("T_max", &O::T_max), arg("eta_min", &O::eta_min)})
GS_ARGS(LinearLROptions, {arg("start_factor", &O::start_factor), arg("end_factor", &O::end_factor), arg("total_iters", &O::total_iters)})
GS_ARGS(ReduceLROnPlateauOptions, {arg("mode", &O::mode), arg("factor", &O::factor), arg("patience", &O::patience),
                                   arg("threshold", &O::threshold), arg("threshold_mode", &O::threshold_mode),
                                   arg("cooldown", &O::cooldown), arg("min_lr", &O::min_lr), arg("eps", &O::eps)})
#undef GS_ARGS

/// The options of `kind_name` from `spec`, starting from `o` (the defaults).
template <class O>
O read_args(const json& spec, const std::string& field, const std::string& kind_name, O o) {
  std::set<std::string> known;
  for (const Arg<O>& a : args_of<O>()) known.insert(a.name);
  const Args args(spec, field, known);
  for (const Arg<O>& a : args_of<O>()) a.read(args, kind_name, o);
  return o;
}

/// Writes the required arguments of `o` and those that differ from `defaults`.
template <class O>
void write_args(json& j, const O& o, const O& defaults) {
  for (const Arg<O>& a : args_of<O>())
    if (a.required || !a.equal(o, defaults)) a.write(j, o);
}

template <class O>
bool equal_args(const O& a, const O& b) {
  for (const Arg<O>& arg : args_of<O>())
    if (!arg.equal(a, b)) return false;
  return true;
}

template <class Variant>
bool equal_variants(const Variant& a, const Variant& b) {
  if (a.index() != b.index()) return false;
  return std::visit([&](const auto& x) { return equal_args(x, std::get<std::decay_t<decltype(x)>>(b)); }, a);
}

std::string name_of(const json& spec, const std::string& field, const char* example) {
  if (!spec.is_object() || !spec.contains("name") || !spec["name"].is_string())
    throw Error(field + ".name: missing (e.g. " + example + ")");
  return spec["name"].get<std::string>();
}

template <class Kind>
std::string known_list(const std::vector<Kind>& kinds, const char* (*name)(Kind)) {
  std::string list;
  for (Kind k : kinds) list += (list.empty() ? "" : ", ") + std::string(name(k));
  return list;
}

}  // namespace

// ---- optimizers

const std::vector<OptimizerKind>& optimizer_kinds() {
  static const std::vector<OptimizerKind> kinds = {OptimizerKind::SGD,  OptimizerKind::Adagrad,  OptimizerKind::RMSprop,
                                                   OptimizerKind::Adam, OptimizerKind::AdamW,    OptimizerKind::Adadelta,
                                                   OptimizerKind::Adamax, OptimizerKind::Rprop};
  return kinds;
}

const char* optimizer_name(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::SGD: return "SGD";
    case OptimizerKind::Adagrad: return "Adagrad";
    case OptimizerKind::RMSprop: return "RMSprop";
    case OptimizerKind::Adam: return "Adam";
    case OptimizerKind::AdamW: return "AdamW";
    case OptimizerKind::Adadelta: return "Adadelta";
    case OptimizerKind::Adamax: return "Adamax";
    case OptimizerKind::Rprop: return "Rprop";
  }
  return "?";
}

std::optional<OptimizerKind> optimizer_kind(const std::string& name) {
  for (OptimizerKind k : optimizer_kinds())
    if (name == optimizer_name(k)) return k;
  return std::nullopt;
}

const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (OptimizerKind k : optimizer_kinds()) out.emplace_back(optimizer_name(k));
    return out;
  }();
  return names;
}

double OptimizerOptions::lr() const {
  return std::visit([](const auto& o) { return o.lr; }, options);
}

void OptimizerOptions::set_lr(double lr) {
  std::visit([lr](auto& o) { o.lr = lr; }, options);
}

bool operator==(const OptimizerOptions& a, const OptimizerOptions& b) { return a.kind == b.kind && equal_variants(a.options, b.options); }

namespace {
/// PyTorch's defaults for `kind`, its default learning rate included.
OptimizerOptions pytorch_defaults(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::SGD: return {kind, SGDOptions{}};
    case OptimizerKind::Adagrad: return {kind, AdagradOptions{}};
    case OptimizerKind::RMSprop: return {kind, RMSpropOptions{}};
    case OptimizerKind::Adam: return {kind, AdamOptions{}};
    case OptimizerKind::AdamW: return {kind, AdamOptions{.weight_decay = 1e-2}};  // torch.optim.AdamW's default
    case OptimizerKind::Adadelta: return {kind, AdadeltaOptions{}};
    case OptimizerKind::Adamax: return {kind, AdamaxOptions{}};
    case OptimizerKind::Rprop: return {kind, RpropOptions{}};
  }
  return {};
}
}  // namespace

OptimizerOptions default_optimizer_options(OptimizerKind kind, double lr) {
  OptimizerOptions o = pytorch_defaults(kind);
  o.set_lr(lr);
  return o;
}

OptimizerOptions parse_optimizer(const json& spec, const std::string& field) {
  const std::string name = name_of(spec, field, "{\"name\": \"Adam\", \"lr\": 0.001}");
  const std::optional<OptimizerKind> kind = optimizer_kind(name);
  if (!kind) throw Error(field + ".name: unknown optimizer \"" + name + "\" (known: " + known_list(optimizer_kinds(), optimizer_name) + ")");
  OptimizerOptions o = pytorch_defaults(*kind);
  std::visit([&](auto& x) { x = read_args(spec, field, name, x); }, o.options);
  try {
    // The optimizer's own checks (PyTorch's "Invalid beta parameter", Nesterov without momentum).
    Tensor probe = zeros({1}, {.requires_grad = true});
    (void)make_optimizer(o, {probe});
  } catch (const Error& e) {
    const std::string msg = e.what();
    if (msg.rfind(field, 0) == 0) throw;
    throw Error(field + ": " + msg);
  }
  return o;
}

json to_json(const OptimizerOptions& options) {
  json j = {{"name", optimizer_name(options.kind)}, {"lr", options.lr()}};
  const OptimizerOptions defaults = default_optimizer_options(options.kind, options.lr());
  std::visit([&](const auto& o) { write_args(j, o, std::get<std::decay_t<decltype(o)>>(defaults.options)); }, options.options);
  return j;
}

// ---- schedulers

const std::vector<SchedulerKind>& scheduler_kinds() {
  static const std::vector<SchedulerKind> kinds = {SchedulerKind::StepLR, SchedulerKind::MultiStepLR, SchedulerKind::ExponentialLR,
                                                   SchedulerKind::CosineAnnealingLR, SchedulerKind::LinearLR,
                                                   SchedulerKind::ReduceLROnPlateau};
  return kinds;
}

const char* scheduler_name(SchedulerKind kind) {
  switch (kind) {
    case SchedulerKind::StepLR: return "StepLR";
    case SchedulerKind::MultiStepLR: return "MultiStepLR";
    case SchedulerKind::ExponentialLR: return "ExponentialLR";
    case SchedulerKind::CosineAnnealingLR: return "CosineAnnealingLR";
    case SchedulerKind::LinearLR: return "LinearLR";
    case SchedulerKind::ReduceLROnPlateau: return "ReduceLROnPlateau";
  }
  return "?";
}

std::optional<SchedulerKind> scheduler_kind(const std::string& name) {
  for (SchedulerKind k : scheduler_kinds())
    if (name == scheduler_name(k)) return k;
  return std::nullopt;
}

bool operator==(const SchedulerOptions& a, const SchedulerOptions& b) { return a.kind == b.kind && equal_variants(a.options, b.options); }

SchedulerOptions default_scheduler_options(SchedulerKind kind) {
  switch (kind) {
    case SchedulerKind::StepLR: return {kind, StepLROptions{}};
    case SchedulerKind::MultiStepLR: return {kind, MultiStepLROptions{}};
    case SchedulerKind::ExponentialLR: return {kind, ExponentialLROptions{}};
    case SchedulerKind::CosineAnnealingLR: return {kind, CosineAnnealingLROptions{}};
    case SchedulerKind::LinearLR: return {kind, LinearLROptions{}};
    case SchedulerKind::ReduceLROnPlateau: return {kind, ReduceLROnPlateauOptions{}};
  }
  return {};
}

SchedulerOptions parse_scheduler(const json& spec, const std::string& field) {
  const std::string name = name_of(spec, field, "{\"name\": \"StepLR\", \"step_size\": 10}");
  const std::optional<SchedulerKind> kind = scheduler_kind(name);
  if (!kind)
    throw Error(field + ".name: unknown scheduler \"" + name + "\" (known: " + known_list(scheduler_kinds(), scheduler_name) + ")");
  SchedulerOptions o = default_scheduler_options(*kind);
  std::visit([&](auto& x) { x = read_args(spec, field, name, x); }, o.options);
  // The scheduler's own checks ("StepLR: step_size must be positive"), on a probe optimizer.
  Tensor probe = zeros({1}, {.requires_grad = true});
  SGD sgd({probe});
  (void)make_scheduler(o, sgd);
  return o;
}

json to_json(const SchedulerOptions& options) {
  json j = {{"name", scheduler_name(options.kind)}};
  const SchedulerOptions defaults = default_scheduler_options(options.kind);
  std::visit([&](const auto& o) { write_args(j, o, std::get<std::decay_t<decltype(o)>>(defaults.options)); }, options.options);
  return j;
}

}  // namespace gs::optim
