#pragma once
/// Loss functions by kind, with PyTorch's class names at the JSON boundary ("CrossEntropyLoss" or
/// {"name": "HuberLoss", "delta": 0.5, "reduction": "mean"}). In-process code passes LossOptions.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace gs::nn {

using LossFn = std::function<Tensor(const Tensor& output, const Tensor& target)>;

enum class LossKind { MSE, L1, Huber, BCE, BCEWithLogits, CrossEntropy, NLL };

/// Every kind, in the Losses lab's order.
const std::vector<LossKind>& loss_kinds();
/// PyTorch's class name: "MSELoss", "L1Loss", "HuberLoss", "BCELoss", "BCEWithLogitsLoss",
/// "CrossEntropyLoss", "NLLLoss".
const char* loss_name(LossKind kind);
/// The kind of a PyTorch class name; nullopt for an unknown one.
std::optional<LossKind> loss_kind(const std::string& name);
/// CrossEntropyLoss and NLLLoss take class indices [N]; the others float targets.
bool takes_class_indices(LossKind kind);
/// BCELoss and BCEWithLogitsLoss: one output per sample, targets 0/1.
bool is_binary(LossKind kind);

/// One loss's settings.
struct LossOptions {
  LossKind kind = LossKind::MSE;
  std::string reduction = "mean";  ///< "mean", "sum" or "none"
  double delta = 1.0;              ///< HuberLoss only: quadratic for |d| < delta, linear beyond
  bool operator==(const LossOptions&) const = default;
};

/// Reads a loss name or {"name": ..., "reduction": ..., "delta": ...}; an unknown name or
/// argument, or a bad value, is an error naming `field`.
LossOptions parse_loss(const nlohmann::json& spec, const std::string& field = "loss");
/// The name alone ("MSELoss") when reduction and delta are the defaults, else {"name": ...} with
/// the arguments that differ (delta only for HuberLoss).
nlohmann::json to_json(const LossOptions& options);

/// A loss function and what it expects of the model's output and the targets.
struct Loss {
  LossKind kind = LossKind::MSE;
  std::string name;  ///< loss_name(kind), for messages
  LossFn fn;
  bool takes_class_indices() const { return nn::takes_class_indices(kind); }
  bool is_binary() const { return nn::is_binary(kind); }
};

/// The loss of `options`. Throws on an unknown reduction or a non-positive delta.
Loss make_loss(const LossOptions& options);
/// make_loss(parse_loss(spec, field)).
Loss make_loss(const nlohmann::json& spec, const std::string& field = "loss");

}  // namespace gs::nn
