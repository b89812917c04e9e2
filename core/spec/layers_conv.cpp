// The convolution family of the layer table: Conv2d, MaxPool2d, AvgPool2d, ResidualBlock.
#include "nn/conv.h"
#include "nn/residual.h"
#include "spec/layer_families.h"
#include "util/error_codes.h"

namespace gs::spec {
namespace {

using nlohmann::json;

/// PyTorch's output size of a convolution or pooling along one axis.
std::int64_t out_size(std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t p, std::int64_t d) {
  return window_output_size(in, k, s, 2 * p, d);
}

/// Conv2d's and the pools' shared rule: an image in, the window slid over it.
ShapeResult window_shape(LayerSpec& layer, const ShapeInput& in) {
  const std::string& t = layer.type;
  json& a = layer.args;
  const Shape& s = in.shape;
  if (s.size() != 3) {
    throw coded_error(s.size() == 1 ? "conv_needs_images_flat" : "conv_needs_images", {t, batch_shape_str(s)});
  }
  const bool conv = t == "Conv2d";
  const auto k = pair_of(a["kernel_size"]);
  if (!conv && !a.contains("stride")) a["stride"] = a["kernel_size"];  // PyTorch's pooling default
  const auto st = pair_of(a["stride"]);
  const auto p = pair_of(a["padding"]);
  const auto d = conv ? pair_of(a["dilation"]) : std::array<std::int64_t, 2>{1, 1};
  std::int64_t channels = s[0], parameters = 0;
  if (conv) {
    if (!a.contains("in_channels")) a["in_channels"] = s[0];
    if (int_of(a, "in_channels") != s[0])
      throw coded_error("conv_in_channels", {a["in_channels"].dump(), std::to_string(s[0])});
    channels = int_of(a, "out_channels");
    parameters = channels * s[0] * k[0] * k[1] + (a["bias"].get<bool>() ? channels : 0);
  } else {
    for (int i = 0; i < 2; ++i)
      if (p[i] * 2 > k[i])
        throw coded_error("pool_padding_too_large", {t, std::to_string(p[i]), std::to_string(k[i])});
  }
  const std::int64_t oh = out_size(s[1], k[0], st[0], p[0], d[0]), ow = out_size(s[2], k[1], st[1], p[1], d[1]);
  if (oh <= 0 || ow <= 0) {
    // (sizes as "3x3", the way the English has always written them)
    const auto by = [](std::int64_t a, std::int64_t b) { return std::to_string(a) + "x" + std::to_string(b); };
    throw coded_error("window_too_large", {t, by(k[0], k[1]), by(s[1], s[2]), std::to_string(p[0]), by(oh, ow)});
  }
  return {{channels, oh, ow}, parameters};
}

std::shared_ptr<nn::Module> build_conv2d(const LayerSpec& layer, Dtype dtype, Generator* generator) {
  const json& a = layer.args;
  return std::make_shared<nn::Conv2d>(nn::Conv2dOptions{.in_channels = int_of(a, "in_channels"),
                                                        .out_channels = int_of(a, "out_channels"),
                                                        .kernel_size = pair_of(a["kernel_size"]),
                                                        .stride = pair_of(a["stride"]),
                                                        .padding = pair_of(a["padding"]),
                                                        .dilation = pair_of(a["dilation"]),
                                                        .bias = a["bias"].get<bool>()},
                                      dtype, generator);
}

template <class Pool>
std::shared_ptr<nn::Module> build_pool(const LayerSpec& layer, Dtype, Generator*) {
  const json& a = layer.args;
  return std::make_shared<Pool>(nn::Pool2dOptions{pair_of(a["kernel_size"]), pair_of(a["stride"]), pair_of(a["padding"])});
}

/// MaxPool2d and AvgPool2d take the same arguments.
LayerKind pool_kind(const char* name, std::shared_ptr<nn::Module> (*build)(const LayerSpec&, Dtype, Generator*), int order) {
  return {.name = name,
          .args = {{.name = "kernel_size", .kind = ArgKind::IntPair, .positive = true},
                   {.name = "stride", .kind = ArgKind::IntPair, .inferred = true, .positive = true},
                   {.name = "padding", .kind = ArgKind::IntPair, .fallback = 0}},
          .shape = window_shape,
          .build = build,
          .spatial = true,
          .palette_args = {{"kernel_size", 2}},
          .palette_group = PaletteGroup::Image,
          .palette_order = order};
}

ShapeResult residual_shape(LayerSpec& layer, const ShapeInput& in) {
  json& a = layer.args;
  const Shape& s = in.shape;
  if (s.size() != 3) throw coded_error("residual_needs_images", {batch_shape_str(s)});
  if (!a.contains("channels")) a["channels"] = s[0];
  if (int_of(a, "channels") != s[0])
    throw coded_error("residual_channels", {a["channels"].dump(), std::to_string(s[0])});
  const std::int64_t k = int_of(a, "kernel_size");
  if (k <= 0 || k % 2 == 0) throw coded_error("residual_kernel_odd", {std::to_string(k)});
  // Two bias-free C→C convolutions and two BatchNorm2d(C) with weight and bias.
  return {s, 2 * s[0] * s[0] * k * k + 4 * s[0]};
}

std::shared_ptr<nn::Module> build_residual(const LayerSpec& layer, Dtype dtype, Generator* generator) {
  return std::make_shared<nn::ResidualBlock>(int_of(layer.args, "channels"), int_of(layer.args, "kernel_size"), dtype, generator);
}

constexpr const char* kResidualBlockPython =
    "class ResidualBlock(nn.Module):\n"
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
    "        return torch.relu(x + self.bn2(self.conv2(y)))\n";

}  // namespace

const std::vector<LayerKind>& conv_layer_kinds() {
  static const std::vector<LayerKind> kinds = {
      {.name = "Conv2d",
       .args = {{.name = "in_channels", .kind = ArgKind::Int, .inferred = true, .positive = true, .positional = true},
                {.name = "out_channels", .kind = ArgKind::Int, .positive = true, .positional = true},
                {.name = "kernel_size", .kind = ArgKind::IntPair, .positive = true},
                {.name = "stride", .kind = ArgKind::IntPair, .fallback = 1, .positive = true},
                {.name = "padding", .kind = ArgKind::IntPair, .fallback = 0},
                {.name = "dilation", .kind = ArgKind::IntPair, .fallback = 1, .positive = true},
                {.name = "bias", .kind = ArgKind::Bool, .fallback = true}},
       .shape = window_shape,
       .build = build_conv2d,
       .spatial = true,
       .palette_args = {{"out_channels", 8}, {"kernel_size", 3}, {"padding", 1}},
       .palette_group = PaletteGroup::Image,
       .palette_order = 20},
      pool_kind("MaxPool2d", build_pool<nn::MaxPool2d>, 30),
      pool_kind("AvgPool2d", build_pool<nn::AvgPool2d>, 40),
      {.name = "ResidualBlock",
       .args = {{.name = "channels", .kind = ArgKind::Int, .inferred = true, .positional = true},
                {.name = "kernel_size", .kind = ArgKind::Int, .fallback = 3}},
       .shape = residual_shape,
       .build = build_residual,
       .pytorch_class = kResidualBlockPython,
       .palette_group = PaletteGroup::Image,
       .palette_order = 80},
  };
  return kinds;
}

}  // namespace gs::spec
