#include "spec/model_spec.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "nn/init.h"
#include "spec/layer_table.h"
#include "util/error_codes.h"
#include "util/json_excerpt.h"

// Every layer-specific fact (arguments, shape rule, module, PyTorch spelling) is an entry of
// spec/layer_table.h; the functions here are loops over that table.

namespace gs::spec {
namespace {

using nlohmann::json;

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::tolower(a[i - 1]) == std::tolower(b[j - 1]);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

/// ` Did you mean "kernel_size"?` when a candidate is close, else "".
std::string suggestion(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = 4;
  for (const auto& c : candidates) {
    const std::size_t d = c.rfind(word, 0) == 0 || word.rfind(c, 0) == 0 ? 1 : edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best.empty() ? "" : " Did you mean \"" + best + "\"?";
}

/// The largest size (features, channels, kernel, input dim) a spec may name: products of a few
/// of them then stay far inside 64 bits, and the totals below are checked against the caps.
constexpr std::int64_t kMaxSize = 1 << 24;
/// The most numbers one sample may have at a layer's output, and the most parameters a model may
/// have: far more than any network of the course, far less than memory.
constexpr long double kMaxActivations = 1e9L, kMaxParameters = 1e9L;

/// The value as stored: pairs as [h, w]; throws naming `where` when it has the wrong type.
json validate_value(const json& v, ArgKind kind, const std::string& where) {
  auto in_range = [](const json& x) { return x.get<std::int64_t>() <= kMaxSize && x.get<std::int64_t>() >= -kMaxSize; };
  auto non_negative_int = [&](const json& x) { return x.is_number_integer() && x.get<std::int64_t>() >= 0 && in_range(x); };
  switch (kind) {
    case ArgKind::Int:
    case ArgKind::Dim:
      if (!v.is_number_integer()) throw Error(where + ": expected an integer, got " + json_excerpt(v));
      if (!in_range(v)) throw Error(where + ": " + json_excerpt(v) + " is beyond the largest size here (" + std::to_string(kMaxSize) + ")");
      return v;
    case ArgKind::IntPair:
      if (non_negative_int(v)) return json::array({v, v});
      if (v.is_array() && v.size() == 2 && non_negative_int(v[0]) && non_negative_int(v[1])) return v;
      throw Error(where + ": expected a non-negative integer up to " + std::to_string(kMaxSize) + " or a pair [h, w], got " + json_excerpt(v));
    case ArgKind::Bool:
      if (!v.is_boolean()) throw Error(where + ": expected true or false, got " + v.dump());
      return v;
    case ArgKind::Number:
      if (!v.is_number()) throw Error(where + ": expected a number, got " + v.dump());
      return v;
    case ArgKind::String:
      if (!v.is_string()) throw Error(where + ": expected a string, got " + v.dump());
      return v;
  }
  return v;
}

/// One entry of "layers", checked against its kind's schema; `where` is "model.layers[2]".
LayerSpec parse_layer(const json& l, const std::string& where) {
  if (!l.is_object() || !l.contains("type") || !l["type"].is_string())
    throw Error(where + ": expected an object with a \"type\", e.g. {\"type\": \"ReLU\"}");
  const std::string type = l["type"].get<std::string>();
  const LayerKind* kind = find_layer_kind(type);
  if (!kind) {
    std::vector<std::string> types;
    std::string known;
    for (const LayerKind* k : layer_kinds()) {
      types.push_back(k->name);
      known += (known.empty() ? "" : ", ") + k->name;
    }
    throw Error(where + ": unknown layer type \"" + type + "\"." + suggestion(type, types) + " Known types: " + known + ".");
  }
  LayerSpec layer{type, json::object()};
  std::vector<std::string> names;
  for (const LayerArg& a : kind->args) names.emplace_back(a.name);
  for (const auto& [key, value] : l.items()) {
    if (key == "type") continue;
    if (std::find(names.begin(), names.end(), key) == names.end())
      throw Error(where + " (" + type + "): unknown argument \"" + key + "\"." + suggestion(key, names) +
                  (names.empty() ? " " + type + " takes no arguments." : ""));
  }
  for (const LayerArg& a : kind->args) {
    const std::string field = where + "." + a.name;
    if (l.contains(a.name) && !l[a.name].is_null()) {
      layer.args[a.name] = validate_value(l[a.name], a.kind, field);
    } else if (!a.fallback.is_null()) {
      layer.args[a.name] = validate_value(a.fallback, a.kind, field);
    } else if (!a.inferred) {
      throw Error(field + ": required argument of " + type + " is missing");
    }
  }
  if (kind->check) kind->check(layer.args, where);
  // With several mistakes, the first reported is a size the user chose (out_features), then an
  // inferred one given anyway (in_features), then a window (kernel_size, stride).
  auto rank = [](const LayerArg& a) { return (a.kind == ArgKind::IntPair ? 2 : 0) + (a.inferred ? 1 : 0); };
  for (int r = 0; r < 4; ++r) {
    for (const LayerArg& a : kind->args) {
      if (!a.positive || rank(a) != r || !layer.args.contains(a.name)) continue;
      const json& v = layer.args[a.name];
      if (a.kind == ArgKind::IntPair && (v[0].get<std::int64_t>() <= 0 || v[1].get<std::int64_t>() <= 0))
        throw coded_error("spec_must_be_positive", {where + "." + a.name, v.dump()});
      if (a.kind != ArgKind::IntPair && v.get<std::int64_t>() <= 0)
        throw coded_error("spec_must_be_positive_integer", {where + "." + a.name, v.dump()});
    }
  }
  return layer;
}

/// Runs each layer's shape rule in order, filling the inferred arguments into `spec`; stops at
/// the first error, which names the layer.
ShapeReport run_shape_rules(ModelSpec& spec) {
  ShapeReport report;
  ShapeInput in{spec.input_shape};
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    LayerSpec& layer = spec.layers[i];
    const LayerKind* kind = find_layer_kind(layer.type);
    LayerShape shape{.input = in.shape};
    try {
      if (!kind) throw Error("unknown layer type \"" + layer.type + "\"");
      const ShapeResult r = kind->shape(layer, in);
      shape.output = r.output;
      shape.parameters = r.parameters;
      // Sizes the app could never hold are refused here, before any product wraps around.
      long double numbers = 1;
      for (std::int64_t d : r.output) numbers *= static_cast<long double>(d);
      if (numbers > kMaxActivations)
        throw coded_error("layer_output_too_large", {batch_shape_str(r.output)});
      if (r.parameters < 0 || static_cast<long double>(report.total_parameters) + r.parameters > kMaxParameters)
        throw coded_error("model_too_many_parameters", {});
    } catch (const Error& e) {
      report.error_layer = static_cast<int>(i);
      report.error = "layer " + std::to_string(i) + " (" + layer.type + "): " + e.what();
      report.error_layer_type = layer.type;
      report.error_sentence = e.what();
      report.error_code = e.code();
      report.error_args = e.args();
      return report;
    }
    in.after_spatial = in.after_spatial || kind->spatial;
    in.shape = shape.output;
    report.total_parameters += shape.parameters;
    report.layers.push_back(std::move(shape));
  }
  return report;
}

}  // namespace

// "init": "xavier_uniform", or the object form with the scheme's argument:
// {"name": "normal", "std": 0.01} (only "normal" takes one).
static void parse_init(const json& init, ModelSpec& spec) {
  const auto& known = nn::init::schemes();
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  const bool object = init.is_object();
  const std::string field = object ? "model.init.name" : "model.init";
  if (object) {
    for (const auto& [key, value] : init.items())
      if (key != "name" && key != "std")
        throw Error("model.init: unknown field \"" + key + "\"." + suggestion(key, {"name", "std"}) +
                    " The object form is {\"name\": \"normal\", \"std\": 0.01}.");
    if (!init.contains("name")) throw Error("model.init.name: missing; expected one of " + list);
  }
  const json& name = object ? init["name"] : init;
  if (!name.is_string() || std::find(known.begin(), known.end(), name.get<std::string>()) == known.end())
    throw Error(field + ": expected one of " + list + (object ? "" : ", or {\"name\": \"normal\", \"std\": 0.01}") +
                "; got " + name.dump() + (name.is_string() ? "." + suggestion(name.get<std::string>(), known) : std::string()));
  spec.init = name.get<std::string>();
  if (object && init.contains("std")) {
    const json& std_value = init["std"];
    if (!std_value.is_number() || !(std_value.get<double>() > 0) || !std::isfinite(std_value.get<double>()))
      throw Error("model.init.std: expected a positive number, got " + std_value.dump());
    if (spec.init != "normal")
      throw Error("model.init.std: only the \"normal\" scheme takes a std; \"" + spec.init + "\" sets its own scale");
    spec.init_std = std_value.get<double>();
  }
}

LayerSpec make_layer(const std::string& type, json args) {
  args["type"] = type;
  return parse_model_spec({{"layers", {args}}}).layers[0];
}

ModelSpec parse_model_spec(const json& j) {
  if (!j.is_object()) throw Error("model: expected an object with \"layers\" (and \"input_shape\"), got " + std::string(j.type_name()));
  for (const auto& [key, value] : j.items()) {
    if (key != "input_shape" && key != "layers" && key != "init" && key != "version")
      throw Error("model: unknown field \"" + key + "\"." + suggestion(key, {"input_shape", "layers", "init"}) +
                  " A model spec has \"input_shape\", \"layers\" and optionally \"init\".");
  }
  ModelSpec spec;
  if (j.contains("input_shape")) {
    const json& s = j["input_shape"];
    if (!s.is_array() || s.empty())
      throw Error("model.input_shape: expected a list of positive sizes without the batch dimension, e.g. [2] or [1, 28, 28]; got " + s.dump());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!s[i].is_number_integer() || s[i].get<std::int64_t>() <= 0 || s[i].get<std::int64_t>() > kMaxSize)
        throw Error("model.input_shape[" + std::to_string(i) + "]: expected a positive integer up to " + std::to_string(kMaxSize) + ", got " +
                    json_excerpt(s[i]));
      spec.input_shape.push_back(s[i].get<std::int64_t>());
    }
  }
  if (j.contains("init")) parse_init(j["init"], spec);
  if (!j.contains("layers") || !j["layers"].is_array())
    throw Error("model.layers: expected a list of layers, e.g. [{\"type\": \"Linear\", \"out_features\": 8}]");
  const json& layers = j["layers"];
  for (std::size_t i = 0; i < layers.size(); ++i) spec.layers.push_back(parse_layer(layers[i], "model.layers[" + std::to_string(i) + "]"));
  return spec;
}

json to_json(const ModelSpec& spec) {
  json j;
  if (!spec.input_shape.empty()) j["input_shape"] = spec.input_shape;
  if (spec.init == "normal" && spec.init_std != 1.0) j["init"] = {{"name", spec.init}, {"std", spec.init_std}};
  else if (spec.init != "default") j["init"] = spec.init;
  j["layers"] = json::array();
  for (const auto& l : spec.layers) {
    json o = l.args;
    o["type"] = l.type;
    j["layers"].push_back(o);
  }
  return j;
}

std::string batch_shape_str(const Shape& s) {
  std::string out = "[N";
  for (auto v : s) out += ", " + std::to_string(v);
  return out + "]";
}

ShapeReport infer_shapes(const ModelSpec& spec_in) {
  ModelSpec spec = spec_in;
  return run_shape_rules(spec);
}

std::shared_ptr<nn::Sequential> build_model(const ModelSpec& spec_in, Dtype dtype, Generator* generator) {
  GS_CHECK(!spec_in.input_shape.empty(), "model.input_shape is needed to build the network (e.g. [2] or [1, 28, 28])");
  ModelSpec spec = spec_in;
  const ShapeReport report = run_shape_rules(spec);
  if (!report.ok()) throw Error(report.error);
  auto model = std::make_shared<nn::Sequential>();
  for (const LayerSpec& l : spec.layers) model->push_back(find_layer_kind(l.type)->build(l, dtype, generator));
  nn::init::apply_scheme(*model, spec.init, generator, spec.init_std);
  return model;
}

std::string pytorch_code(const ModelSpec& spec) {
  ModelSpec resolved = spec;  // the inferred sizes filled in, for the positional arguments
  const ShapeReport report = run_shape_rules(resolved);
  if (!report.ok()) throw Error("layer " + std::to_string(report.error_layer) + ": " + report.error);
  // A value as Python writes it: pairs with equal halves as one int, tuples for the rest.
  auto python = [](const json& v) -> std::string {
    if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
    if (v.is_string()) return "'" + v.get<std::string>() + "'";
    if (v.is_array() && v.size() == 2 && v[0] == v[1]) return v[0].dump();
    if (v.is_array()) return "(" + v[0].dump() + ", " + v[1].dump() + ")";
    return v.dump();
  };
  std::vector<const char*> classes;  // the Python classes torch.nn lacks, each defined once
  std::string layers;
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& l = spec.layers[i];
    const LayerKind& kind = *find_layer_kind(l.type);
    std::string args;
    for (const LayerArg& a : kind.args) {
      std::string arg;
      if (a.positional) {
        arg = resolved.layers[i].args[a.name].dump();
      } else {
        // Only what the spec says (a pool's stride left out stays out), and not PyTorch's defaults.
        if (!l.args.contains(a.name)) continue;
        const json& v = l.args[a.name];
        if (!a.fallback.is_null() && validate_value(a.fallback, a.kind, a.name) == v) continue;
        arg = std::string(a.name) + "=" + python(v);
      }
      args += (args.empty() ? "" : ", ") + arg;
    }
    if (kind.pytorch_class && std::find(classes.begin(), classes.end(), kind.pytorch_class) == classes.end())
      classes.push_back(kind.pytorch_class);
    layers += "    " + std::string(kind.pytorch_class ? "" : "nn.") + l.type + "(" + args + "),  # -> " +
              batch_shape_str(report.layers[i].output) + "\n";
  }
  std::string out = "import torch\nimport torch.nn as nn\n\n";
  for (const char* c : classes) out += std::string(c) + "\n\n";
  out += "model = nn.Sequential(\n" + layers + ")\n";
  if (spec.init != "default") {
    std::string call;
    if (spec.init == "xavier_uniform" || spec.init == "xavier_normal") call = "nn.init." + spec.init + "_(m.weight)";
    else if (spec.init == "kaiming_uniform" || spec.init == "kaiming_normal") call = "nn.init." + spec.init + "_(m.weight, nonlinearity='relu')";
    else if (spec.init == "normal" && spec.init_std != 1.0) call = "nn.init.normal_(m.weight, mean=0.0, std=" + json(spec.init_std).dump() + ")";
    else if (spec.init == "normal") call = "nn.init.normal_(m.weight, mean=0.0, std=1.0)  # far too large: on purpose";
    else call = "nn.init.zeros_(m.weight)  # every neuron the same: on purpose";
    out += "\n\ndef init_weights(m):\n"
           "    if isinstance(m, (nn.Linear, nn.Conv2d)):\n"
           "        " + call + "\n"
           "        if m.bias is not None:\n"
           "            nn.init.zeros_(m.bias)\n\n\n"
           "model.apply(init_weights)\n";
  }
  return out;
}

}  // namespace gs::spec
