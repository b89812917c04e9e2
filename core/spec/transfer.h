#pragma once
/// Transfer learning as a scenario says it: `"transfer": {"weights": "fashion_base.safetensors",
/// "layers": 6, "freeze": true}` copies the pretrained tensors of the model's first 6 layers
/// (state_dict keys "0.weight" … "5.bias", buffers included) from a safetensors file and, with
/// freeze, sets requires_grad = False on them, so that only the new head learns. It is PyTorch's
///   state = load_file(path); model.load_state_dict({k: v for k, v in state.items() if int(k.split(".")[0]) < 6}, strict=False)
///   for p in model[:6].parameters(): p.requires_grad = False
///   optimizer = torch.optim.Adam((p for p in model.parameters() if p.requires_grad), lr=...)
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "nn/module.h"

namespace gs::spec {

struct TransferSpec {
  std::string weights;       ///< the safetensors file (relative: to the scenario's folder, see resolve_relative_paths)
  std::int64_t layers = 0;   ///< how many leading layers of the model take the pretrained tensors
  bool freeze = true;        ///< requires_grad = False on those layers' parameters
  bool operator==(const TransferSpec&) const = default;
};

/// Reads a scenario's "transfer" object; errors name the field ("transfer.layers: ...").
TransferSpec parse_transfer(const nlohmann::json& j);
nlohmann::json to_json(const TransferSpec& t);

/// What apply_transfer did.
struct TransferReport {
  std::int64_t loaded_tensors = 0;         ///< tensors copied from the file
  std::int64_t frozen_parameters = 0;      ///< learnable numbers with requires_grad false
  std::int64_t trainable_parameters = 0;   ///< the rest: what the optimizer updates
};

/// Copies the tensors of `model`'s first t.layers layers from t.weights and freezes them when
/// t.freeze. Everything is checked before anything changes: a layer index past the model, a
/// tensor the file lacks ("transfer.weights: fashion_base.safetensors has no tensor \"3.weight\"
/// (it holds 0.weight, 0.bias, …)"), a shape that differs (naming both), a file that is not
/// safetensors. Tensors of later layers in the file are ignored (that is the replaced head).
TransferReport apply_transfer(nn::Module& model, const TransferSpec& t, std::int64_t model_layers);

/// requires_grad on every parameter of the layers [first, last) of a Sequential-named model
/// (keys "first." … "(last-1).").
void set_layers_trainable(nn::Module& model, std::int64_t first, std::int64_t last, bool trainable);
/// The learnable numbers of `model` with requires_grad true and false.
std::pair<std::int64_t, std::int64_t> count_trainable_frozen(const nn::Module& model);

/// A scenario file's relative paths ("transfer.weights", "dataset.path") made relative to the folder `dir` the
/// file is in, as a reader of the file expects. Absolute paths and "" (stdin) stay.
void resolve_relative_paths(nlohmann::json& scenario, const std::string& dir);

}  // namespace gs::spec
