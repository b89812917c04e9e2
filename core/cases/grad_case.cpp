#include "cases/grad_case.h"

#include <map>
#include <set>

#include "autograd/grad_mode.h"
#include "io/json_tensor.h"
#include "io/safetensors.h"
#include "nn/loss.h"
#include "ops/functional.h"
#include "spec/model_spec.h"

namespace gs::cases {

using nlohmann::json;

json run_grad_case(const json& c) {
  if (!c.is_object()) throw Error("case: expected a JSON object");
  static const std::set<std::string> fields = {"dtype", "mode", "model", "params", "params_file", "input", "target", "loss", "seed", "description"};
  for (const auto& [key, value] : c.items())
    if (!fields.count(key))
      throw Error("case: unknown field \"" + key + "\" (expected dtype, mode, model, params, params_file, input, target, loss, seed)");

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

  // Or all of them from a weights file (safetensors, as `train --save-weights` or PyTorch writes).
  if (c.contains("params_file")) {
    if (c.contains("params")) throw Error("params_file: give either \"params\" or \"params_file\", not both");
    if (!c["params_file"].is_string()) throw Error("params_file: expected the path of a .safetensors file, got " + c["params_file"].dump());
    io::load_weights(c["params_file"].get<std::string>(), *model);
  }

  input.requires_grad_(true);
  const Tensor output = model->forward(input);
  json result;
  result["output"] = io::to_json(output);

  if (c.contains("loss")) {
    const nn::Loss loss_fn = nn::make_loss(c["loss"]);
    if (!c.contains("target")) throw Error("target: missing (needed by the loss " + loss_fn.name + ")");
    // Class indices [N] for CrossEntropyLoss/NLLLoss, unless the target is given as probabilities [N, C].
    const bool indices = loss_fn.takes_class_indices() && !(c["target"].is_array() && !c["target"].empty() && c["target"][0].is_array());
    const Tensor target = io::tensor_from_json(c["target"], indices ? kInt64 : dtype, "target");
    const Tensor loss = loss_fn.fn(output, target);
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
