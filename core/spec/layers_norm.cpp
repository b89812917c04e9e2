// The normalisation family of the layer table: BatchNorm1d and BatchNorm2d.
#include "nn/batchnorm.h"
#include "spec/layer_families.h"
#include "util/error_codes.h"

namespace gs::spec {
namespace {

using nlohmann::json;

/// BatchNorm1d takes [N, C] or [N, C, L], BatchNorm2d [N, C, H, W]; both keep the shape.
ShapeResult batchnorm_shape(LayerSpec& layer, const ShapeInput& in) {
  const std::string& t = layer.type;
  json& a = layer.args;
  const Shape& s = in.shape;
  const bool two_d = t == "BatchNorm2d";
  if (two_d ? s.size() != 3 : (s.size() != 1 && s.size() != 2)) {
    throw coded_error(two_d ? "batchnorm2d_needs_images" : "batchnorm1d_needs_flat", {t, batch_shape_str(s)});
  }
  if (!a.contains("num_features")) a["num_features"] = s[0];
  if (int_of(a, "num_features") != s[0])
    throw coded_error(two_d ? "batchnorm2d_num_features" : "batchnorm1d_num_features", {t, a["num_features"].dump(), std::to_string(s[0])});
  return {s, a["affine"].get<bool>() ? 2 * s[0] : 0};  // weight γ and bias β per channel
}

std::shared_ptr<nn::Module> build_batchnorm(const LayerSpec& layer, Dtype dtype, Generator*) {
  const json& a = layer.args;
  return std::make_shared<nn::BatchNorm>(nn::BatchNormOptions{.num_features = int_of(a, "num_features"),
                                                              .eps = a["eps"].get<double>(),
                                                              .momentum = a["momentum"].get<double>(),
                                                              .affine = a["affine"].get<bool>(),
                                                              .track_running_stats = a["track_running_stats"].get<bool>()},
                                         layer.type == "BatchNorm2d" ? 2 : 1, dtype);
}

/// The two share arguments (defaults from nn::BatchNormOptions), rule and builder.
LayerKind batchnorm_kind(const char* name, PaletteGroup group, int order) {
  const nn::BatchNormOptions defaults;
  return {.name = name,
          .args = {{.name = "num_features", .kind = ArgKind::Int, .inferred = true, .positive = true, .positional = true},
                   {.name = "eps", .kind = ArgKind::Number, .fallback = defaults.eps},
                   {.name = "momentum", .kind = ArgKind::Number, .fallback = defaults.momentum},
                   {.name = "affine", .kind = ArgKind::Bool, .fallback = defaults.affine},
                   {.name = "track_running_stats", .kind = ArgKind::Bool, .fallback = defaults.track_running_stats}},
          .shape = batchnorm_shape,
          .build = build_batchnorm,
          .palette_group = group,
          .palette_order = order};
}

}  // namespace

const std::vector<LayerKind>& norm_layer_kinds() {
  static const std::vector<LayerKind> kinds = {
      batchnorm_kind("BatchNorm1d", PaletteGroup::Any, 60),
      batchnorm_kind("BatchNorm2d", PaletteGroup::Image, 70),
  };
  return kinds;
}

}  // namespace gs::spec
