#pragma once
/// Internal to core/spec: the families of the layer table, one file each, and the small helpers
/// their shape rules and builders share. layer_table.cpp joins the families.
#include <array>
#include <cstdint>
#include <vector>

#include "spec/layer_table.h"

namespace gs::spec {

/// Linear, Flatten, Dropout (layers_dense.cpp).
const std::vector<LayerKind>& dense_layer_kinds();
/// Conv2d, MaxPool2d, AvgPool2d, ResidualBlock (layers_conv.cpp).
const std::vector<LayerKind>& conv_layer_kinds();
/// BatchNorm1d, BatchNorm2d (layers_norm.cpp).
const std::vector<LayerKind>& norm_layer_kinds();
/// The activations of nn::activation_names() (Identity among them), Softmax and LogSoftmax
/// (layers_activation.cpp).
const std::vector<LayerKind>& activation_layer_kinds();

/// An IntPair argument ([h, w] after parsing) as an array.
inline std::array<std::int64_t, 2> pair_of(const nlohmann::json& v) {
  return {v[0].get<std::int64_t>(), v[1].get<std::int64_t>()};
}

/// An integer argument.
inline std::int64_t int_of(const nlohmann::json& args, const char* name) { return args[name].get<std::int64_t>(); }

}  // namespace gs::spec
