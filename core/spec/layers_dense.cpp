// The dense family of the layer table: Linear, Flatten, Dropout, ResidualMLPBlock.
#include "nn/activation.h"
#include "nn/linear.h"
#include "nn/residual.h"
#include "spec/layer_families.h"
#include "util/error_codes.h"

namespace gs::spec {
namespace {

using nlohmann::json;

ShapeResult linear_shape(LayerSpec& layer, const ShapeInput& in) {
  json& a = layer.args;
  const Shape& s = in.shape;
  if (s.size() != 1) {
    throw coded_error(in.after_spatial ? "linear_needs_flat" : "linear_needs_flat_input", {batch_shape_str(s), std::to_string(numel_of(s))});
  }
  if (!a.contains("in_features")) a["in_features"] = s[0];
  if (int_of(a, "in_features") != s[0])
    throw coded_error("linear_in_features", {a["in_features"].dump(), std::to_string(s[0])});
  const std::int64_t out = int_of(a, "out_features");
  return {{out}, s[0] * out + (a["bias"].get<bool>() ? out : 0)};
}

std::shared_ptr<nn::Module> build_linear(const LayerSpec& layer, Dtype dtype, Generator* generator) {
  const json& a = layer.args;
  return std::make_shared<nn::Linear>(
      nn::LinearOptions{.in_features = int_of(a, "in_features"), .out_features = int_of(a, "out_features"), .bias = a["bias"].get<bool>()},
      dtype, generator);
}

/// torch.flatten's rule on [N, ...in]: dims start_dim..end_dim (negative from the end) become one.
ShapeResult flatten_shape(LayerSpec& layer, const ShapeInput& in) {
  const json& a = layer.args;
  Shape full{1};
  full.insert(full.end(), in.shape.begin(), in.shape.end());
  const std::int64_t nd = static_cast<std::int64_t>(full.size());
  std::int64_t s = int_of(a, "start_dim"), e = int_of(a, "end_dim");
  if (s < 0) s += nd;
  if (e < 0) e += nd;
  if (s < 0 || e >= nd || s > e)
    throw coded_error("flatten_dims", {a["start_dim"].dump(), a["end_dim"].dump(), batch_shape_str(in.shape)});
  if (s == 0) throw coded_error("flatten_batch", {});
  Shape out(full.begin() + 1, full.begin() + s);
  std::int64_t merged = 1;
  for (std::int64_t i = s; i <= e; ++i) merged *= full[i];
  out.push_back(merged);
  out.insert(out.end(), full.begin() + e + 1, full.end());
  return {out};
}

std::shared_ptr<nn::Module> build_flatten(const LayerSpec& layer, Dtype, Generator*) {
  return std::make_shared<nn::Flatten>(int_of(layer.args, "start_dim"), int_of(layer.args, "end_dim"));
}

ShapeResult same_shape(LayerSpec&, const ShapeInput& in) { return {in.shape}; }

void check_dropout(const json& args, const std::string& where) {
  const double p = args["p"].get<double>();
  if (!(p >= 0 && p <= 1)) throw coded_error("dropout_p", {where, std::to_string(p)});
}

std::shared_ptr<nn::Module> build_dropout(const LayerSpec& layer, Dtype, Generator* generator) {
  return std::make_shared<nn::Dropout>(layer.args["p"].get<double>(), generator);
}

ShapeResult residual_mlp_shape(LayerSpec& layer, const ShapeInput& in) {
  json& a = layer.args;
  const Shape& s = in.shape;
  if (s.size() != 1)
    throw coded_error("residual_mlp_needs_flat", {batch_shape_str(s)});
  if (!a.contains("features")) a["features"] = s[0];
  if (int_of(a, "features") != s[0])
    throw coded_error("residual_mlp_features", {a["features"].dump(), std::to_string(s[0])});
  return {s, 2 * (s[0] * s[0] + s[0])};
}

std::shared_ptr<nn::Module> build_residual_mlp(const LayerSpec& layer, Dtype dtype, Generator* generator) {
  return std::make_shared<nn::ResidualMLPBlock>(int_of(layer.args, "features"), dtype, generator);
}

constexpr const char* kResidualMLPBlockPython =
    "class ResidualMLPBlock(nn.Module):\n"
    "    \"\"\"y = relu(x + fc2(relu(fc1(x)))): the shortcut's derivative is 1\"\"\"\n"
    "    def __init__(self, features):\n"
    "        super().__init__()\n"
    "        self.fc1 = nn.Linear(features, features)\n"
    "        self.fc2 = nn.Linear(features, features)\n\n"
    "    def forward(self, x):\n"
    "        return torch.relu(x + self.fc2(torch.relu(self.fc1(x))))\n";

}  // namespace

const std::vector<LayerKind>& dense_layer_kinds() {
  static const std::vector<LayerKind> kinds = {
      {.name = "Linear",
       .args = {{.name = "in_features", .kind = ArgKind::Int, .inferred = true, .positive = true, .positional = true},
                {.name = "out_features", .kind = ArgKind::Int, .positive = true, .positional = true},
                {.name = "bias", .kind = ArgKind::Bool, .fallback = true}},
       .shape = linear_shape,
       .build = build_linear,
       .palette_args = {{"out_features", 16}},
       .palette_order = 10},
      {.name = "Flatten",
       .args = {{.name = "start_dim", .kind = ArgKind::Dim, .fallback = 1}, {.name = "end_dim", .kind = ArgKind::Dim, .fallback = -1}},
       .shape = flatten_shape,
       .build = build_flatten,
       .palette_group = PaletteGroup::Image,
       .palette_order = 50},
      {.name = "Dropout",
       .args = {{.name = "p", .kind = ArgKind::Number, .fallback = 0.5}},
       .shape = same_shape,
       .build = build_dropout,
       .check = check_dropout,
       .palette_args = {{"p", 0.5}},
       .palette_order = 90},
      {.name = "ResidualMLPBlock",
       .args = {{.name = "features", .kind = ArgKind::Int, .inferred = true, .positive = true, .positional = true}},
       .shape = residual_mlp_shape,
       .build = build_residual_mlp,
       .pytorch_class = kResidualMLPBlockPython,
       .palette_order = 85},
  };
  return kinds;
}

}  // namespace gs::spec
