// The activation family of the layer table: the elementwise activations, made by
// nn::make_activation with their defaults from nn::ActivationArgs, and Softmax and LogSoftmax.
#include "nn/activation.h"
#include "spec/layer_families.h"
#include "util/error_codes.h"

namespace gs::spec {
namespace {

using nlohmann::json;

ShapeResult same_shape(LayerSpec&, const ShapeInput& in) { return {in.shape}; }

/// The arguments a spec gave, over ActivationArgs' defaults.
nn::ActivationArgs activation_args(const json& a) {
  nn::ActivationArgs out;
  if (a.contains("negative_slope")) out.negative_slope = a["negative_slope"].get<double>();
  if (a.contains("alpha")) out.alpha = a["alpha"].get<double>();
  if (a.contains("approximate")) out.approximate = a["approximate"].get<std::string>();
  if (a.contains("beta")) out.beta = a["beta"].get<double>();
  if (a.contains("threshold")) out.threshold = a["threshold"].get<double>();
  return out;
}

std::shared_ptr<nn::Module> build_activation(const LayerSpec& layer, Dtype, Generator*) {
  return nn::make_activation(layer.type, activation_args(layer.args));
}

void check_gelu(const json& args, const std::string& where) {
  const std::string a = args["approximate"].get<std::string>();
  if (a != "none" && a != "tanh") throw Error(where + ".approximate: expected \"none\" or \"tanh\", got \"" + a + "\"");
}

LayerKind activation_kind(const char* name, std::vector<LayerArg> args, int order,
                          void (*check)(const json&, const std::string&) = nullptr) {
  return {.name = name, .args = std::move(args), .shape = same_shape, .build = build_activation, .check = check, .palette_order = order};
}

/// Softmax and LogSoftmax normalise along `dim`, which has to be a feature dimension.
ShapeResult softmax_shape(LayerSpec& layer, const ShapeInput& in) {
  const std::string& t = layer.type;
  const std::int64_t nd = static_cast<std::int64_t>(in.shape.size()) + 1;
  const std::int64_t dim = int_of(layer.args, "dim");
  if (dim < -nd || dim >= nd) throw coded_error("softmax_dim_range", {t, std::to_string(dim), batch_shape_str(in.shape)});
  if (dim == 0 || dim == -nd) throw coded_error("softmax_dim_batch", {t});
  return {in.shape};
}

template <class M>
std::shared_ptr<nn::Module> build_softmax(const LayerSpec& layer, Dtype, Generator*) {
  return std::make_shared<M>(int_of(layer.args, "dim"));
}

LayerKind softmax_kind(const char* name, std::shared_ptr<nn::Module> (*build)(const LayerSpec&, Dtype, Generator*), int order) {
  return {.name = name,
          .args = {{.name = "dim", .kind = ArgKind::Dim}},
          .shape = softmax_shape,
          .build = build,
          .palette_args = {{"dim", 1}},
          .palette_order = order};
}

}  // namespace

const std::vector<LayerKind>& activation_layer_kinds() {
  static const std::vector<LayerKind> kinds = [] {
    const nn::ActivationArgs d;
    return std::vector<LayerKind>{
        activation_kind("ReLU", {}, 100),
        activation_kind("LeakyReLU", {{.name = "negative_slope", .kind = ArgKind::Number, .fallback = d.negative_slope}}, 110),
        activation_kind("Sigmoid", {}, 120),
        activation_kind("Tanh", {}, 130),
        activation_kind("ELU", {{.name = "alpha", .kind = ArgKind::Number, .fallback = d.alpha}}, 140),
        activation_kind("GELU", {{.name = "approximate", .kind = ArgKind::String, .fallback = d.approximate}}, 150, check_gelu),
        activation_kind("Softplus",
                        {{.name = "beta", .kind = ArgKind::Number, .fallback = d.beta},
                         {.name = "threshold", .kind = ArgKind::Number, .fallback = d.threshold}},
                        160),
        activation_kind("Identity", {}, 170),
        softmax_kind("Softmax", build_softmax<nn::Softmax>, 180),
        softmax_kind("LogSoftmax", build_softmax<nn::LogSoftmax>, 190),
    };
  }();
  return kinds;
}

}  // namespace gs::spec
