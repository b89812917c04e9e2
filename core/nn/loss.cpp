#include "nn/loss.h"

#include "ops/functional.h"

namespace gs::nn {

Loss make_loss(const nlohmann::json& spec, const std::string& field) {
  std::string name;
  nlohmann::json args = nlohmann::json::object();
  if (spec.is_string()) {
    name = spec.get<std::string>();
  } else if (spec.is_object() && spec.contains("name") && spec["name"].is_string()) {
    name = spec["name"].get<std::string>();
    args = spec;
    args.erase("name");
  } else {
    throw Error(field + ": expected a loss name such as \"CrossEntropyLoss\" or {\"name\": \"HuberLoss\", \"delta\": 1.0}");
  }
  for (const auto& [k, v] : args.items()) {
    if (k != "reduction" && !(k == "delta" && name == "HuberLoss"))
      throw Error(field + "." + k + ": unknown argument of " + name + (name == "HuberLoss" ? " (it takes reduction, delta)" : " (it takes reduction)"));
  }
  if (args.contains("reduction") && !args["reduction"].is_string()) throw Error(field + ".reduction: expected \"mean\", \"sum\" or \"none\"");
  const Reduction r = parse_reduction(args.value("reduction", std::string("mean")));
  if (args.contains("delta") && (!args["delta"].is_number() || args["delta"].get<double>() <= 0))
    throw Error(field + ".delta: expected a positive number, got " + args["delta"].dump());
  const double delta = args.value("delta", 1.0);
  Loss loss{name, nullptr};
  if (name == "MSELoss") loss.fn = [r](const Tensor& o, const Tensor& t) { return mse_loss(o, t, r); };
  else if (name == "L1Loss") loss.fn = [r](const Tensor& o, const Tensor& t) { return l1_loss(o, t, r); };
  else if (name == "HuberLoss") loss.fn = [r, delta](const Tensor& o, const Tensor& t) { return huber_loss(o, t, r, delta); };
  else if (name == "BCELoss") loss.fn = [r](const Tensor& o, const Tensor& t) { return binary_cross_entropy(o, t, r); };
  else if (name == "BCEWithLogitsLoss") loss.fn = [r](const Tensor& o, const Tensor& t) { return binary_cross_entropy_with_logits(o, t, r); };
  else if (name == "CrossEntropyLoss") loss.fn = [r](const Tensor& o, const Tensor& t) { return cross_entropy(o, t, r); };
  else if (name == "NLLLoss") loss.fn = [r](const Tensor& o, const Tensor& t) { return nll_loss(o, t, r); };
  else
    throw Error(field + ": unknown loss \"" + name + "\" (known: MSELoss, L1Loss, HuberLoss, BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, NLLLoss)");
  return loss;
}

}  // namespace gs::nn
