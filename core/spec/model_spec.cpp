#include "spec/model_spec.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "nn/activation.h"
#include "nn/batchnorm.h"
#include "nn/conv.h"
#include "nn/init.h"
#include "nn/linear.h"
#include "nn/residual.h"

namespace gs::spec {
namespace {

using nlohmann::json;

enum class Kind { Int, IntPair, Bool, Number, String };

struct ArgSpec {
  const char* name;
  Kind kind;
  json fallback;          ///< default; null = required unless inferred
  bool inferred = false;  ///< may be left out: shape inference fills it
};

const std::map<std::string, std::vector<ArgSpec>>& schemas() {
  static const std::map<std::string, std::vector<ArgSpec>> s = {
      {"Linear", {{"in_features", Kind::Int, nullptr, true}, {"out_features", Kind::Int, nullptr}, {"bias", Kind::Bool, true}}},
      {"Conv2d",
       {{"in_channels", Kind::Int, nullptr, true}, {"out_channels", Kind::Int, nullptr}, {"kernel_size", Kind::IntPair, nullptr},
        {"stride", Kind::IntPair, 1}, {"padding", Kind::IntPair, 0}, {"dilation", Kind::IntPair, 1}, {"bias", Kind::Bool, true}}},
      {"MaxPool2d", {{"kernel_size", Kind::IntPair, nullptr}, {"stride", Kind::IntPair, nullptr, true}, {"padding", Kind::IntPair, 0}}},
      {"AvgPool2d", {{"kernel_size", Kind::IntPair, nullptr}, {"stride", Kind::IntPair, nullptr, true}, {"padding", Kind::IntPair, 0}}},
      {"Flatten", {{"start_dim", Kind::Int, 1}, {"end_dim", Kind::Int, -1}}},
      {"BatchNorm1d",
       {{"num_features", Kind::Int, nullptr, true}, {"eps", Kind::Number, 1e-5}, {"momentum", Kind::Number, 0.1},
        {"affine", Kind::Bool, true}, {"track_running_stats", Kind::Bool, true}}},
      {"BatchNorm2d",
       {{"num_features", Kind::Int, nullptr, true}, {"eps", Kind::Number, 1e-5}, {"momentum", Kind::Number, 0.1},
        {"affine", Kind::Bool, true}, {"track_running_stats", Kind::Bool, true}}},
      {"Dropout", {{"p", Kind::Number, 0.5}}},
      {"ResidualBlock", {{"channels", Kind::Int, nullptr, true}, {"kernel_size", Kind::Int, 3}}},
      {"ReLU", {}},
      {"LeakyReLU", {{"negative_slope", Kind::Number, 0.01}}},
      {"Sigmoid", {}},
      {"Tanh", {}},
      {"ELU", {{"alpha", Kind::Number, 1.0}}},
      {"GELU", {{"approximate", Kind::String, "none"}}},
      {"Softplus", {{"beta", Kind::Number, 1.0}, {"threshold", Kind::Number, 20.0}}},
      {"Identity", {}},
      {"Softmax", {{"dim", Kind::Int, nullptr}}},
      {"LogSoftmax", {{"dim", Kind::Int, nullptr}}},
  };
  return s;
}

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

json validate_value(const json& v, Kind kind, const std::string& where) {
  auto positive_int = [](const json& x) { return x.is_number_integer() && x.get<std::int64_t>() >= 0; };
  switch (kind) {
    case Kind::Int:
      if (!v.is_number_integer()) throw Error(where + ": expected an integer, got " + v.dump());
      return v;
    case Kind::IntPair:
      if (positive_int(v)) return json::array({v, v});
      if (v.is_array() && v.size() == 2 && positive_int(v[0]) && positive_int(v[1])) return v;
      throw Error(where + ": expected a non-negative integer or a pair [h, w], got " + v.dump());
    case Kind::Bool:
      if (!v.is_boolean()) throw Error(where + ": expected true or false, got " + v.dump());
      return v;
    case Kind::Number:
      if (!v.is_number()) throw Error(where + ": expected a number, got " + v.dump());
      return v;
    case Kind::String:
      if (!v.is_string()) throw Error(where + ": expected a string, got " + v.dump());
      return v;
  }
  return v;
}

std::array<std::int64_t, 2> pair_of(const json& v) { return {v[0].get<std::int64_t>(), v[1].get<std::int64_t>()}; }

std::int64_t out_size(std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t p, std::int64_t d) {
  return (in + 2 * p - d * (k - 1) - 1) / s + 1;
}

}  // namespace

const std::vector<std::string>& layer_types() {
  static const std::vector<std::string> types = {"Linear", "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "BatchNorm1d",
                                                 "BatchNorm2d", "ResidualBlock", "Dropout", "ReLU", "LeakyReLU", "Sigmoid", "Tanh",
                                                 "ELU", "GELU", "Softplus", "Identity", "Softmax", "LogSoftmax"};
  return types;
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
      if (!s[i].is_number_integer() || s[i].get<std::int64_t>() <= 0)
        throw Error("model.input_shape[" + std::to_string(i) + "]: expected a positive integer, got " + s[i].dump());
      spec.input_shape.push_back(s[i].get<std::int64_t>());
    }
  }
  if (j.contains("init")) {
    const auto& known = nn::init::schemes();
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    if (!j["init"].is_string() || std::find(known.begin(), known.end(), j["init"].get<std::string>()) == known.end())
      throw Error("model.init: expected one of " + list + "; got " + j["init"].dump() +
                  (j["init"].is_string() ? "." + suggestion(j["init"].get<std::string>(), known) : std::string()));
    spec.init = j["init"].get<std::string>();
  }
  if (!j.contains("layers") || !j["layers"].is_array())
    throw Error("model.layers: expected a list of layers, e.g. [{\"type\": \"Linear\", \"out_features\": 8}]");
  const json& layers = j["layers"];
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const std::string where = "model.layers[" + std::to_string(i) + "]";
    const json& l = layers[i];
    if (!l.is_object() || !l.contains("type") || !l["type"].is_string())
      throw Error(where + ": expected an object with a \"type\", e.g. {\"type\": \"ReLU\"}");
    const std::string type = l["type"].get<std::string>();
    auto it = schemas().find(type);
    if (it == schemas().end())
      throw Error(where + ": unknown layer type \"" + type + "\"." + suggestion(type, layer_types()) + " Known types: Linear, Conv2d, "
                  "MaxPool2d, AvgPool2d, Flatten, BatchNorm1d, BatchNorm2d, ResidualBlock, Dropout, ReLU, LeakyReLU, Sigmoid, Tanh, ELU, GELU, "
                  "Softplus, Identity, Softmax, LogSoftmax.");
    LayerSpec layer{type, json::object()};
    std::vector<std::string> names;
    for (const ArgSpec& a : it->second) names.emplace_back(a.name);
    for (const auto& [key, value] : l.items()) {
      if (key == "type") continue;
      if (std::find(names.begin(), names.end(), key) == names.end())
        throw Error(where + " (" + type + "): unknown argument \"" + key + "\"." + suggestion(key, names) +
                    (names.empty() ? " " + type + " takes no arguments." : ""));
    }
    for (const ArgSpec& a : it->second) {
      const std::string field = where + "." + a.name;
      if (l.contains(a.name) && !l[a.name].is_null()) {
        layer.args[a.name] = validate_value(l[a.name], a.kind, field);
      } else if (!a.fallback.is_null()) {
        layer.args[a.name] = validate_value(a.fallback, a.kind, field);
      } else if (!a.inferred) {
        throw Error(field + ": required argument of " + type + " is missing");
      }
    }
    if (type == "Dropout") {
      const double p = layer.args["p"].get<double>();
      if (!(p >= 0 && p <= 1)) throw Error(where + ".p: dropout probability has to be between 0 and 1, got " + std::to_string(p));
    }
    if (type == "GELU") {
      const std::string a = layer.args["approximate"].get<std::string>();
      if (a != "none" && a != "tanh") throw Error(where + ".approximate: expected \"none\" or \"tanh\", got \"" + a + "\"");
    }
    for (const char* key : {"out_features", "out_channels", "in_features", "in_channels", "num_features"}) {
      if (layer.args.contains(key) && layer.args[key].get<std::int64_t>() <= 0)
        throw Error(where + "." + key + ": must be a positive integer, got " + layer.args[key].dump());
    }
    for (const char* key : {"kernel_size", "stride", "dilation"}) {
      if (layer.args.contains(key) && layer.args[key].is_array() &&
          (layer.args[key][0].get<std::int64_t>() <= 0 || layer.args[key][1].get<std::int64_t>() <= 0))
        throw Error(where + "." + key + ": must be positive, got " + layer.args[key].dump());
    }
    spec.layers.push_back(std::move(layer));
  }
  return spec;
}

json to_json(const ModelSpec& spec) {
  json j;
  if (!spec.input_shape.empty()) j["input_shape"] = spec.input_shape;
  if (spec.init != "default") j["init"] = spec.init;
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

namespace {

/// Runs one layer's shape rule; fills inferred args into layer.args; returns the output shape or
/// throws the teaching error.
Shape layer_output(LayerSpec& layer, const Shape& in, bool after_spatial, std::int64_t& params) {
  const std::string& t = layer.type;
  json& a = layer.args;
  const std::string got = batch_shape_str(in);
  params = 0;
  if (t == "Linear") {
    if (in.size() != 1) {
      throw Error("Linear expects [N, features] but gets " + got + ": add a Flatten " +
                  (after_spatial ? "after the last pooling layer" : "before it") + " to turn each sample into one vector of " +
                  std::to_string(numel_of(in)) + " features.");
    }
    if (!a.contains("in_features")) a["in_features"] = in[0];
    if (a["in_features"].get<std::int64_t>() != in[0])
      throw Error("Linear(in_features=" + a["in_features"].dump() + ") gets " + std::to_string(in[0]) +
                  " features from the layer before: set in_features to " + std::to_string(in[0]) + " (or leave it out to infer it).");
    const std::int64_t out = a["out_features"].get<std::int64_t>();
    params = in[0] * out + (a["bias"].get<bool>() ? out : 0);
    return {out};
  }
  if (t == "Conv2d" || t == "MaxPool2d" || t == "AvgPool2d") {
    if (in.size() != 3) {
      throw Error(t + " expects images [N, C, H, W] but gets " + got + ": " +
                  (in.size() == 1 ? "the data is already flat here. Put " + t + " before Flatten, or give the model an image input_shape [C, H, W]."
                                  : "give it an input of shape [C, H, W] per sample."));
    }
    const auto k = pair_of(a["kernel_size"]);
    if (t != "Conv2d" && !a.contains("stride")) a["stride"] = a["kernel_size"];
    const auto s = pair_of(a["stride"]);
    const auto p = pair_of(a["padding"]);
    const auto d = t == "Conv2d" ? pair_of(a["dilation"]) : std::array<std::int64_t, 2>{1, 1};
    std::int64_t channels = in[0];
    if (t == "Conv2d") {
      if (!a.contains("in_channels")) a["in_channels"] = in[0];
      if (a["in_channels"].get<std::int64_t>() != in[0])
        throw Error("Conv2d(in_channels=" + a["in_channels"].dump() + ") gets " + std::to_string(in[0]) +
                    " channels from the layer before: set in_channels to " + std::to_string(in[0]) + " (or leave it out to infer it).");
      channels = a["out_channels"].get<std::int64_t>();
      params = channels * in[0] * k[0] * k[1] + (a["bias"].get<bool>() ? channels : 0);
    } else {
      for (int i = 0; i < 2; ++i)
        if (p[i] * 2 > k[i])
          throw Error(t + ": padding " + std::to_string(p[i]) + " is more than half of kernel_size " + std::to_string(k[i]) +
                      "; use padding <= kernel_size / 2.");
    }
    const std::int64_t oh = out_size(in[1], k[0], s[0], p[0], d[0]), ow = out_size(in[2], k[1], s[1], p[1], d[1]);
    if (oh <= 0 || ow <= 0) {
      throw Error(t + ": the " + std::to_string(k[0]) + "x" + std::to_string(k[1]) + " window does not fit in the " +
                  std::to_string(in[1]) + "x" + std::to_string(in[2]) + " feature map (padding " + std::to_string(p[0]) +
                  "). Output size = (H + 2·padding − kernel_size) / stride + 1 would be " + std::to_string(oh) + "x" +
                  std::to_string(ow) + ": use a smaller kernel, add padding, or remove a pooling layer before it.");
    }
    return {channels, oh, ow};
  }
  if (t == "Flatten") {
    Shape full{1};
    full.insert(full.end(), in.begin(), in.end());
    const std::int64_t nd = static_cast<std::int64_t>(full.size());
    std::int64_t s = a["start_dim"].get<std::int64_t>(), e = a["end_dim"].get<std::int64_t>();
    if (s < 0) s += nd;
    if (e < 0) e += nd;
    if (s < 0 || e >= nd || s > e)
      throw Error("Flatten(start_dim=" + a["start_dim"].dump() + ", end_dim=" + a["end_dim"].dump() +
                  ") does not fit an input " + got + ".");
    if (s == 0) throw Error("Flatten(start_dim=0) would merge the batch dimension into the features; use start_dim=1 (the default).");
    Shape out(full.begin() + 1, full.begin() + s);
    std::int64_t m = 1;
    for (std::int64_t i = s; i <= e; ++i) m *= full[i];
    out.push_back(m);
    out.insert(out.end(), full.begin() + e + 1, full.end());
    return out;
  }
  if (t == "BatchNorm1d" || t == "BatchNorm2d") {
    const bool two_d = t == "BatchNorm2d";
    if (two_d ? in.size() != 3 : (in.size() != 1 && in.size() != 2)) {
      throw Error(t + " expects " + (two_d ? "[N, C, H, W]" : "[N, C] or [N, C, L]") + " but gets " + got + ": use " +
                  (two_d ? "BatchNorm1d after Flatten/Linear." : "BatchNorm2d after Conv2d (before Flatten)."));
    }
    if (!a.contains("num_features")) a["num_features"] = in[0];
    if (a["num_features"].get<std::int64_t>() != in[0])
      throw Error(t + "(num_features=" + a["num_features"].dump() + ") gets " + std::to_string(in[0]) +
                  (two_d ? " channels" : " features") + ": set num_features to " + std::to_string(in[0]) + ".");
    params = a["affine"].get<bool>() ? 2 * in[0] : 0;
    return in;
  }
  if (t == "ResidualBlock") {
    if (in.size() != 3) throw Error("ResidualBlock expects images [N, C, H, W] but gets " + got + ": put it before Flatten.");
    if (!a.contains("channels")) a["channels"] = in[0];
    if (a["channels"].get<std::int64_t>() != in[0])
      throw Error("ResidualBlock(channels=" + a["channels"].dump() + ") gets " + std::to_string(in[0]) +
                  " channels: the shortcut adds the input to the output, so both need the same channels.");
    const std::int64_t k = a["kernel_size"].get<std::int64_t>();
    if (k <= 0 || k % 2 == 0) throw Error("ResidualBlock: kernel_size must be odd so the output keeps the input's size, got " + std::to_string(k) + ".");
    params = 2 * in[0] * in[0] * k * k + 4 * in[0];
    return in;
  }
  if (t == "Softmax" || t == "LogSoftmax") {
    const std::int64_t nd = static_cast<std::int64_t>(in.size()) + 1;
    const std::int64_t dim = a["dim"].get<std::int64_t>();
    if (dim < -nd || dim >= nd) throw Error(t + "(dim=" + std::to_string(dim) + ") is out of range for an input " + got + ".");
    if (dim == 0 || dim == -nd)
      throw Error(t + "(dim=0) normalises across the batch, mixing different samples; use dim=1 (the classes).");
    return in;
  }
  return in;  // elementwise layers keep the shape
}

}  // namespace

ShapeReport infer_shapes(const ModelSpec& spec_in) {
  ModelSpec spec = spec_in;
  ShapeReport report;
  Shape shape = spec.input_shape;
  bool after_spatial = false;
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    LayerShape ls;
    ls.input = shape;
    try {
      ls.output = layer_output(spec.layers[i], shape, after_spatial, ls.parameters);
    } catch (const Error& e) {
      report.error_layer = static_cast<int>(i);
      report.error = "layer " + std::to_string(i) + " (" + spec.layers[i].type + "): " + e.what();
      return report;
    }
    if (spec.layers[i].type == "MaxPool2d" || spec.layers[i].type == "AvgPool2d" || spec.layers[i].type == "Conv2d")
      after_spatial = true;
    shape = ls.output;
    report.total_parameters += ls.parameters;
    report.layers.push_back(ls);
  }
  return report;
}

std::shared_ptr<nn::Sequential> build_model(const ModelSpec& spec_in, Dtype dtype, Generator* generator) {
  GS_CHECK(!spec_in.input_shape.empty(), "model.input_shape is needed to build the network (e.g. [2] or [1, 28, 28])");
  ModelSpec spec = spec_in;
  Shape shape = spec.input_shape;
  bool after_spatial = false;
  auto model = std::make_shared<nn::Sequential>();
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    LayerSpec& l = spec.layers[i];
    std::int64_t params = 0;
    try {
      shape = layer_output(l, shape, after_spatial, params);
    } catch (const Error& e) {
      throw Error("layer " + std::to_string(i) + " (" + l.type + "): " + e.what());
    }
    const json& a = l.args;
    const std::string& t = l.type;
    if (t == "MaxPool2d" || t == "AvgPool2d" || t == "Conv2d") after_spatial = true;
    std::shared_ptr<nn::Module> m;
    if (t == "Linear") {
      m = std::make_shared<nn::Linear>(nn::LinearOptions{.in_features = a["in_features"].get<std::int64_t>(),
                                                         .out_features = a["out_features"].get<std::int64_t>(),
                                                         .bias = a["bias"].get<bool>()},
                                       dtype, generator);
    } else if (t == "Conv2d") {
      m = std::make_shared<nn::Conv2d>(nn::Conv2dOptions{.in_channels = a["in_channels"].get<std::int64_t>(),
                                                         .out_channels = a["out_channels"].get<std::int64_t>(),
                                                         .kernel_size = pair_of(a["kernel_size"]),
                                                         .stride = pair_of(a["stride"]),
                                                         .padding = pair_of(a["padding"]),
                                                         .dilation = pair_of(a["dilation"]),
                                                         .bias = a["bias"].get<bool>()},
                                       dtype, generator);
    } else if (t == "MaxPool2d") {
      m = std::make_shared<nn::MaxPool2d>(nn::Pool2dOptions{pair_of(a["kernel_size"]), pair_of(a["stride"]), pair_of(a["padding"])});
    } else if (t == "AvgPool2d") {
      m = std::make_shared<nn::AvgPool2d>(nn::Pool2dOptions{pair_of(a["kernel_size"]), pair_of(a["stride"]), pair_of(a["padding"])});
    } else if (t == "Flatten") {
      m = std::make_shared<nn::Flatten>(a["start_dim"].get<std::int64_t>(), a["end_dim"].get<std::int64_t>());
    } else if (t == "BatchNorm1d" || t == "BatchNorm2d") {
      m = std::make_shared<nn::BatchNorm>(nn::BatchNormOptions{.num_features = a["num_features"].get<std::int64_t>(),
                                                               .eps = a["eps"].get<double>(),
                                                               .momentum = a["momentum"].get<double>(),
                                                               .affine = a["affine"].get<bool>(),
                                                               .track_running_stats = a["track_running_stats"].get<bool>()},
                                          t == "BatchNorm2d" ? 2 : 1, dtype);
    } else if (t == "ResidualBlock") {
      m = std::make_shared<nn::ResidualBlock>(a["channels"].get<std::int64_t>(), a["kernel_size"].get<std::int64_t>(), dtype, generator);
    } else if (t == "Dropout") {
      m = std::make_shared<nn::Dropout>(a["p"].get<double>(), generator);
    } else if (t == "ReLU") {
      m = std::make_shared<nn::ReLU>();
    } else if (t == "LeakyReLU") {
      m = std::make_shared<nn::LeakyReLU>(a["negative_slope"].get<double>());
    } else if (t == "Sigmoid") {
      m = std::make_shared<nn::Sigmoid>();
    } else if (t == "Tanh") {
      m = std::make_shared<nn::Tanh>();
    } else if (t == "ELU") {
      m = std::make_shared<nn::ELU>(a["alpha"].get<double>());
    } else if (t == "GELU") {
      m = std::make_shared<nn::GELU>(a["approximate"].get<std::string>());
    } else if (t == "Softplus") {
      m = std::make_shared<nn::Softplus>(a["beta"].get<double>(), a["threshold"].get<double>());
    } else if (t == "Identity") {
      m = std::make_shared<nn::Identity>();
    } else if (t == "Softmax") {
      m = std::make_shared<nn::Softmax>(a["dim"].get<std::int64_t>());
    } else if (t == "LogSoftmax") {
      m = std::make_shared<nn::LogSoftmax>(a["dim"].get<std::int64_t>());
    } else {
      throw Error("layer " + std::to_string(i) + ": cannot build layer type \"" + t + "\"");
    }
    model->push_back(std::move(m));
  }
  nn::init::apply_scheme(*model, spec.init, generator);
  return model;
}

std::string pytorch_code(const ModelSpec& spec) {
  const ShapeReport report = infer_shapes(spec);
  if (!report.ok()) throw Error("layer " + std::to_string(report.error_layer) + ": " + report.error);
  // A value as Python writes it: pairs with equal halves as one int, tuples for the rest.
  auto python = [](const json& v) -> std::string {
    if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
    if (v.is_string()) return "'" + v.get<std::string>() + "'";
    if (v.is_array() && v.size() == 2 && v[0] == v[1]) return v[0].dump();
    if (v.is_array()) return "(" + v[0].dump() + ", " + v[1].dump() + ")";
    return v.dump();
  };
  bool residual = false;
  std::string layers;
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& l = spec.layers[i];
    const Shape& in = report.layers[i].input;
    std::vector<std::string> args;
    if (l.type == "Linear") args = {std::to_string(numel_of(in))};
    if (l.type == "Conv2d" || l.type == "BatchNorm1d" || l.type == "BatchNorm2d" || l.type == "ResidualBlock") args = {std::to_string(in[0])};
    residual = residual || l.type == "ResidualBlock";
    for (const ArgSpec& a : schemas().at(l.type)) {
      const std::string name = a.name;
      if (!l.args.contains(name) || name == "in_features" || name == "in_channels" || name == "num_features" || name == "channels") continue;
      const json& v = l.args[name];
      if (!a.fallback.is_null() && validate_value(a.fallback, a.kind, name) == v) continue;
      const bool positional = name == "out_features" || name == "out_channels";
      args.push_back(positional ? v.dump() : name + "=" + python(v));
    }
    std::string joined;
    for (const auto& a : args) joined += (joined.empty() ? "" : ", ") + a;
    layers += "    " + std::string(l.type == "ResidualBlock" ? "" : "nn.") + l.type + "(" + joined + "),  # -> " +
              batch_shape_str(report.layers[i].output) + "\n";
  }
  std::string out = "import torch\nimport torch.nn as nn\n\n";
  if (residual)
    out += "class ResidualBlock(nn.Module):\n"
           "    \"\"\"torchvision's BasicBlock, stride 1: relu(x + bn2(conv2(relu(bn1(conv1(x))))))\"\"\"\n"
           "    def __init__(self, channels, kernel_size=3):\n"
           "        super().__init__()\n"
           "        pad = kernel_size // 2\n"
           "        self.conv1 = nn.Conv2d(channels, channels, kernel_size, padding=pad, bias=False)\n"
           "        self.bn1 = nn.BatchNorm2d(channels)\n"
           "        self.conv2 = nn.Conv2d(channels, channels, kernel_size, padding=pad, bias=False)\n"
           "        self.bn2 = nn.BatchNorm2d(channels)\n\n"
           "    def forward(self, x):\n"
           "        y = torch.relu(self.bn1(self.conv1(x)))\n"
           "        return torch.relu(x + self.bn2(self.conv2(y)))\n\n\n";
  out += "model = nn.Sequential(\n" + layers + ")\n";
  if (spec.init != "default") {
    std::string call;
    if (spec.init == "xavier_uniform" || spec.init == "xavier_normal") call = "nn.init." + spec.init + "_(m.weight)";
    else if (spec.init == "kaiming_uniform" || spec.init == "kaiming_normal") call = "nn.init." + spec.init + "_(m.weight, nonlinearity='relu')";
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
