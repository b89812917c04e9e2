#include "nn/loss.h"

#include "ops/functional.h"
#include "util/error_codes.h"

namespace gs::nn {

using nlohmann::json;

namespace {

/// What each loss is: its PyTorch name and what it expects. One row per kind.
struct LossEntry {
  LossKind kind;
  const char* name;
  bool class_indices, binary;
};
constexpr LossEntry kLosses[] = {
    {LossKind::MSE, "MSELoss", false, false},
    {LossKind::L1, "L1Loss", false, false},
    {LossKind::Huber, "HuberLoss", false, false},
    {LossKind::BCE, "BCELoss", false, true},
    {LossKind::BCEWithLogits, "BCEWithLogitsLoss", false, true},
    {LossKind::CrossEntropy, "CrossEntropyLoss", true, false},
    {LossKind::NLL, "NLLLoss", true, false},
};

const LossEntry& entry(LossKind kind) {
  for (const LossEntry& e : kLosses)
    if (e.kind == kind) return e;
  throw Error("loss: unknown kind " + std::to_string(static_cast<int>(kind)));
}

}  // namespace

const std::vector<LossKind>& loss_kinds() {
  static const std::vector<LossKind> kinds = [] {
    std::vector<LossKind> out;
    for (const LossEntry& e : kLosses) out.push_back(e.kind);
    return out;
  }();
  return kinds;
}

const char* loss_name(LossKind kind) { return entry(kind).name; }

std::optional<LossKind> loss_kind(const std::string& name) {
  for (const LossEntry& e : kLosses)
    if (name == e.name) return e.kind;
  return std::nullopt;
}

bool takes_class_indices(LossKind kind) { return entry(kind).class_indices; }
bool is_binary(LossKind kind) { return entry(kind).binary; }

LossOptions parse_loss(const json& spec, const std::string& field) {
  std::string name;
  json args = json::object();
  if (spec.is_string()) {
    name = spec.get<std::string>();
  } else if (spec.is_object() && spec.contains("name") && spec["name"].is_string()) {
    name = spec["name"].get<std::string>();
    args = spec;
    args.erase("name");
  } else {
    throw Error(field + ": expected a loss name such as \"CrossEntropyLoss\" or {\"name\": \"HuberLoss\", \"delta\": 1.0}");
  }
  const std::optional<LossKind> kind = loss_kind(name);
  if (!kind) {
    std::string known;
    for (const LossEntry& e : kLosses) known += (known.empty() ? "" : ", ") + std::string(e.name);
    throw Error(field + ": unknown loss \"" + name + "\" (known: " + known + ")");
  }
  const bool huber = *kind == LossKind::Huber;
  for (const auto& [k, v] : args.items()) {
    if (k != "reduction" && !(k == "delta" && huber))
      throw Error(field + "." + k + ": unknown argument of " + name + (huber ? " (it takes reduction, delta)" : " (it takes reduction)"));
  }
  LossOptions o{.kind = *kind};
  if (args.contains("reduction") && !args["reduction"].is_string()) throw Error(field + ".reduction: expected \"mean\", \"sum\" or \"none\"");
  o.reduction = args.value("reduction", o.reduction);
  (void)parse_reduction(o.reduction);  // names a misspelt reduction
  if (args.contains("delta") && (!args["delta"].is_number() || args["delta"].get<double>() <= 0))
    throw Error(field + ".delta: expected a positive number, got " + args["delta"].dump());
  o.delta = args.value("delta", o.delta);
  return o;
}

json to_json(const LossOptions& options) {
  const LossOptions defaults{.kind = options.kind};
  const bool huber = options.kind == LossKind::Huber;
  if (options.reduction == defaults.reduction && (!huber || options.delta == defaults.delta)) return loss_name(options.kind);
  json j = {{"name", loss_name(options.kind)}};
  if (options.reduction != defaults.reduction) j["reduction"] = options.reduction;
  if (huber && options.delta != defaults.delta) j["delta"] = options.delta;
  return j;
}

Loss make_loss(const LossOptions& options) {
  const Reduction r = parse_reduction(options.reduction);
  const double delta = options.delta;
  if (options.kind == LossKind::Huber && !(delta > 0)) throw coded_error("huber_delta", {std::to_string(delta)});
  Loss loss{options.kind, loss_name(options.kind), nullptr};
  switch (options.kind) {
    case LossKind::MSE: loss.fn = [r](const Tensor& o, const Tensor& t) { return mse_loss(o, t, r); }; break;
    case LossKind::L1: loss.fn = [r](const Tensor& o, const Tensor& t) { return l1_loss(o, t, r); }; break;
    case LossKind::Huber: loss.fn = [r, delta](const Tensor& o, const Tensor& t) { return huber_loss(o, t, r, delta); }; break;
    case LossKind::BCE: loss.fn = [r](const Tensor& o, const Tensor& t) { return binary_cross_entropy(o, t, r); }; break;
    case LossKind::BCEWithLogits: loss.fn = [r](const Tensor& o, const Tensor& t) { return binary_cross_entropy_with_logits(o, t, r); }; break;
    case LossKind::CrossEntropy: loss.fn = [r](const Tensor& o, const Tensor& t) { return cross_entropy(o, t, r); }; break;
    case LossKind::NLL: loss.fn = [r](const Tensor& o, const Tensor& t) { return nll_loss(o, t, r); }; break;
  }
  return loss;
}

Loss make_loss(const json& spec, const std::string& field) { return make_loss(parse_loss(spec, field)); }

}  // namespace gs::nn
