#include "cases/grad_case.h"

#include <map>
#include <set>

#include "autograd/grad_mode.h"
#include "io/json_tensor.h"
#include "ops/functional.h"
#include "spec/model_spec.h"

namespace gs::cases {

using nlohmann::json;

bool loss_takes_class_indices(const std::string& loss) { return loss == "CrossEntropyLoss" || loss == "NLLLoss"; }

namespace {

const std::set<std::string>& known_losses() {
  static const std::set<std::string> losses = {"MSELoss", "L1Loss", "HuberLoss", "BCELoss", "BCEWithLogitsLoss",
                                               "CrossEntropyLoss", "NLLLoss"};
  return losses;
}

Tensor compute_loss(const std::string& name, const json& args, const Tensor& output, const Tensor& target) {
  const Reduction reduction = parse_reduction(args.value("reduction", std::string("mean")));
  if (name == "MSELoss") return mse_loss(output, target, reduction);
  if (name == "L1Loss") return l1_loss(output, target, reduction);
  if (name == "HuberLoss") return huber_loss(output, target, reduction, args.value("delta", 1.0));
  if (name == "BCELoss") return binary_cross_entropy(output, target, reduction);
  if (name == "BCEWithLogitsLoss") return binary_cross_entropy_with_logits(output, target, reduction);
  if (name == "CrossEntropyLoss") return cross_entropy(output, target, reduction);
  return nll_loss(output, target, reduction);
}

}  // namespace

json run_grad_case(const json& c) {
  if (!c.is_object()) throw Error("case: expected a JSON object");
  static const std::set<std::string> fields = {"dtype", "mode", "model", "params", "input", "target", "loss", "seed", "description"};
  for (const auto& [key, value] : c.items())
    if (!fields.count(key))
      throw Error("case: unknown field \"" + key + "\" (expected dtype, mode, model, params, input, target, loss, seed)");

  const Dtype dtype = parse_dtype(c.value("dtype", std::string("float32")));
  if (dtype == kInt64) throw Error("dtype: must be \"float32\" or \"float64\", got \"int64\"");
  const std::string mode = c.value("mode", std::string("train"));
  if (mode != "train" && mode != "eval") throw Error("mode: must be \"train\" or \"eval\", got \"" + mode + "\"");
  if (!c.contains("model")) throw Error("model: missing (a model spec with \"layers\")");
  if (!c.contains("input")) throw Error("input: missing (a batch, first dimension N)");

  Tensor input = io::tensor_from_json(c["input"], dtype, "input");
  spec::ModelSpec spec = spec::parse_model_spec(c["model"]);
  if (input.dim() < 2) throw Error("input: expected a batch with the batch dimension first ([N, ...]), got shape " + shape_str(input.shape()));
  const Shape sample(input.shape().begin() + 1, input.shape().end());
  if (spec.input_shape.empty()) spec.input_shape = sample;
  if (spec.input_shape != sample)
    throw Error("input: has shape " + shape_str(input.shape()) + " but model.input_shape " + shape_str(spec.input_shape) +
                " needs " + spec::batch_shape_str(spec.input_shape));

  Generator generator(c.value("seed", 0));
  auto model = spec::build_model(spec, dtype, &generator);
  model->train(mode == "train");

  // Parameters and buffers by their state_dict names; every given name must exist with its shape.
  if (c.contains("params")) {
    if (!c["params"].is_object()) throw Error("params: expected an object {\"0.weight\": [[...]], ...}");
    std::map<std::string, Tensor> state;
    for (auto& [name, t] : model->named_parameters()) state[name] = t;
    for (auto& [name, t] : model->named_buffers()) state[name] = t;
    for (const auto& [name, value] : c["params"].items()) {
      auto it = state.find(name);
      if (it == state.end()) {
        std::string known;
        for (auto& [n, t] : state) known += (known.empty() ? "" : ", ") + n;
        throw Error("params[\"" + name + "\"]: the model has no parameter or buffer with this name (it has: " + known + ")");
      }
      Tensor v = io::tensor_from_json(value, it->second.dtype(), "params[\"" + name + "\"]");
      if (v.shape() != it->second.shape())
        throw Error("params[\"" + name + "\"]: has shape " + shape_str(v.shape()) + " but the model needs " +
                    shape_str(it->second.shape()) + (name.find("weight") != std::string::npos ? " (PyTorch layout: Linear [out, in], Conv2d [out, in, kH, kW])" : ""));
      NoGradGuard no_grad;
      it->second.copy_(v);
    }
  }

  input.requires_grad_(true);
  const Tensor output = model->forward(input);
  json result;
  result["output"] = io::to_json(output);

  if (c.contains("loss")) {
    std::string loss_name;
    json loss_args = json::object();
    if (c["loss"].is_string()) {
      loss_name = c["loss"].get<std::string>();
    } else if (c["loss"].is_object() && c["loss"].contains("name")) {
      loss_name = c["loss"]["name"].get<std::string>();
      loss_args = c["loss"];
      loss_args.erase("name");
    } else {
      throw Error("loss: expected a loss name such as \"CrossEntropyLoss\" or {\"name\": \"HuberLoss\", \"delta\": 1.0}");
    }
    if (!known_losses().count(loss_name))
      throw Error("loss: unknown loss \"" + loss_name + "\" (known: MSELoss, L1Loss, HuberLoss, BCELoss, BCEWithLogitsLoss, "
                  "CrossEntropyLoss, NLLLoss)");
    if (!c.contains("target")) throw Error("target: missing (needed by the loss " + loss_name + ")");
    const bool indices = loss_takes_class_indices(loss_name) && !(c["target"].is_array() && !c["target"].empty() && c["target"][0].is_array());
    const Tensor target = io::tensor_from_json(c["target"], indices ? kInt64 : dtype, "target");
    const Tensor loss = compute_loss(loss_name, loss_args, output, target);
    result["loss"] = loss.dim() == 0 ? json(loss.item()) : io::to_json(loss);
    (loss.dim() == 0 ? loss : loss.sum()).backward();
  } else {
    output.sum().backward();
  }

  result["grads"] = json::object();
  for (auto& [name, p] : model->named_parameters())
    result["grads"][name] = p.grad().defined() ? io::to_json(p.grad()) : io::to_json(zeros_like(p));
  result["input_grad"] = input.grad().defined() ? io::to_json(input.grad()) : io::to_json(zeros_like(input));
  result["buffers"] = json::object();
  for (auto& [name, b] : model->named_buffers()) result["buffers"][name] = io::to_json(b);
  return result;
}

}  // namespace gs::cases
