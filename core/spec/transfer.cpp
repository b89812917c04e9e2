#include "spec/transfer.h"

#include <filesystem>
#include <map>

#include "autograd/grad_mode.h"
#include "io/safetensors.h"
#include "spec/dataset_spec.h"
#include "util/json_excerpt.h"

namespace gs::spec {

using nlohmann::json;

namespace {

/// The layer index a state_dict key belongs to ("3.running_mean" → 3), −1 for another name.
std::int64_t layer_of(const std::string& key) {
  const std::size_t dot = key.find('.');
  if (dot == 0 || dot == std::string::npos || dot > 6) return -1;
  std::int64_t index = 0;
  for (std::size_t i = 0; i < dot; ++i) {
    if (key[i] < '0' || key[i] > '9') return -1;
    index = index * 10 + (key[i] - '0');
  }
  return index;
}

std::string names_excerpt(const io::NamedTensors& tensors) {
  std::string names;
  std::size_t shown = 0;
  for (const auto& [name, t] : tensors) {
    if (shown == 8) return names + ", …";
    names += (shown++ ? ", " : "") + name;
  }
  return names.empty() ? "no tensors" : names;
}

}  // namespace

TransferSpec parse_transfer(const json& j) {
  if (!j.is_object())
    throw Error("transfer: expected an object such as {\"weights\": \"base.safetensors\", \"layers\": 6, \"freeze\": true}, got " + json_excerpt(j));
  only_fields(j, "transfer", {"weights", "layers", "freeze"});
  TransferSpec t;
  if (!j.contains("weights") || !j["weights"].is_string() || j["weights"].get<std::string>().empty())
    throw Error("transfer.weights: expected the path of a .safetensors file, got " + (j.contains("weights") ? json_excerpt(j["weights"]) : "nothing"));
  t.weights = j["weights"].get<std::string>();
  if (!j.contains("layers") || !j["layers"].is_number_integer() || j["layers"].get<std::int64_t>() < 1 || j["layers"].get<std::int64_t>() > 10000)
    throw Error("transfer.layers: expected how many leading layers take the pretrained weights (1 or more), got " +
                (j.contains("layers") ? json_excerpt(j["layers"]) : "nothing"));
  t.layers = j["layers"].get<std::int64_t>();
  if (j.contains("freeze")) {
    if (!j["freeze"].is_boolean()) throw Error("transfer.freeze: expected true or false, got " + json_excerpt(j["freeze"]));
    t.freeze = j["freeze"].get<bool>();
  }
  return t;
}

json to_json(const TransferSpec& t) {
  json j = {{"weights", t.weights}, {"layers", t.layers}};
  if (!t.freeze) j["freeze"] = false;
  return j;
}

TransferReport apply_transfer(nn::Module& model, const TransferSpec& t, std::int64_t model_layers) {
  if (t.layers > model_layers)
    throw Error("transfer.layers: " + std::to_string(t.layers) + " layers take pretrained weights, but the model has only " +
                std::to_string(model_layers) + " (keep at least the new head out of them)");
  const io::NamedTensors file = io::read_safetensors(t.weights);
  std::map<std::string, Tensor> given(file.begin(), file.end());
  const std::string where = "transfer.weights: " + std::filesystem::path(t.weights).filename().string();
  // Check every tensor before changing any.
  std::vector<std::pair<Tensor, Tensor>> copies;  // (target, source)
  for (const auto& [name, target] : io::state_dict(model)) {
    const std::int64_t layer = layer_of(name);
    if (layer < 0 || layer >= t.layers) continue;
    const auto it = given.find(name);
    if (it == given.end())
      throw Error(where + " has no tensor \"" + name + "\" for layer " + std::to_string(layer) + " (it holds " + names_excerpt(file) +
                  "): were these weights trained on the same layers?");
    if (it->second.shape() != target.shape())
      throw Error(where + ": \"" + name + "\" has shape " + shape_str(it->second.shape()) + " but this model's has " + shape_str(target.shape()) +
                  ": the pretrained layers must be built as they were when trained");
    if (is_floating_point(it->second.dtype()) != is_floating_point(target.dtype()))
      throw Error(where + ": \"" + name + "\" is " + to_string(it->second.dtype()) + " but this model's is " + to_string(target.dtype()));
    copies.emplace_back(target, it->second);
  }
  TransferReport report;
  {
    NoGradGuard no_grad;
    for (auto& [target, source] : copies) {
      Tensor dst = target;
      dst.copy_(source.to(dst.dtype()).to(dst.device()));
    }
  }
  report.loaded_tensors = static_cast<std::int64_t>(copies.size());
  if (t.freeze) set_layers_trainable(model, 0, t.layers, false);
  std::tie(report.trainable_parameters, report.frozen_parameters) = count_trainable_frozen(model);
  return report;
}

void set_layers_trainable(nn::Module& model, std::int64_t first, std::int64_t last, bool trainable) {
  for (auto& [name, p] : model.named_parameters()) {
    const std::int64_t layer = layer_of(name);
    if (layer >= first && layer < last) {
      Tensor leaf = p;
      leaf.requires_grad_(trainable);
    }
  }
}

std::pair<std::int64_t, std::int64_t> count_trainable_frozen(const nn::Module& model) {
  std::int64_t trainable = 0, frozen = 0;
  for (const Tensor& p : model.parameters()) (p.requires_grad() ? trainable : frozen) += p.numel();
  return {trainable, frozen};
}

void resolve_relative_paths(json& scenario, const std::string& dir) {
  if (dir.empty() || !scenario.is_object()) return;
  auto resolve = [&](json& path) {
    if (!path.is_string()) return;
    const std::filesystem::path p(path.get<std::string>());
    if (p.empty() || p.is_absolute()) return;
    path = (std::filesystem::path(dir) / p).lexically_normal().string();
  };
  if (scenario.contains("transfer") && scenario["transfer"].is_object() && scenario["transfer"].contains("weights"))
    resolve(scenario["transfer"]["weights"]);
  // A "csv" data set's file (the learner's table saved beside the Playground's setup) or an
  // "image_folder" data set's folder.
  if (scenario.contains("dataset") && scenario["dataset"].is_object() && scenario["dataset"].contains("path"))
    resolve(scenario["dataset"]["path"]);
}

}  // namespace gs::spec
