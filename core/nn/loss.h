#pragma once
/// Loss modules by PyTorch name, from JSON ("CrossEntropyLoss" or {"name": "HuberLoss",
/// "delta": 0.5, "reduction": "mean"}).
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "tensor/tensor.h"

namespace gs::nn {

using LossFn = std::function<Tensor(const Tensor& output, const Tensor& target)>;

struct Loss {
  std::string name;
  LossFn fn;
  /// CrossEntropyLoss and NLLLoss take class indices; the others float targets.
  bool takes_class_indices() const { return name == "CrossEntropyLoss" || name == "NLLLoss"; }
  /// BCELoss and BCEWithLogitsLoss: one output per sample, targets 0/1.
  bool is_binary() const { return name == "BCELoss" || name == "BCEWithLogitsLoss"; }
};

/// MSELoss, L1Loss, HuberLoss, BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, NLLLoss.
Loss make_loss(const nlohmann::json& spec, const std::string& field = "loss");

}  // namespace gs::nn
