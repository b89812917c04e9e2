// Networks as blocks (blocks.h): the VGG recipe as a spec, and any spec cut at its pooling layers.
#include "spec/blocks.h"

#include <limits>

#include "util/error.h"

namespace gs::spec {

namespace {

bool is_pool(const std::string& type) { return type == "MaxPool2d" || type == "AvgPool2d"; }

/// "Conv", "Pool", "Linear", ... for a block's label; empty for layers a block diagram leaves out
/// (activations, dropout, normalisation sit inside a block without changing its character).
std::string short_name(const std::string& type) {
  if (type == "Conv2d") return "Conv";
  if (is_pool(type)) return "Pool";
  if (type == "Linear" || type == "Flatten" || type == "ResidualBlock") return type;
  return {};
}

}  // namespace

ModelSpec vgg_spec(const Shape& input_shape, int blocks, int convs_per_block, std::int64_t first_channels,
                   std::int64_t classes) {
  GS_CHECK(input_shape.size() == 3, "input_shape: the VGG pattern needs an image [C, H, W], got " + shape_str(input_shape));
  for (std::int64_t s : input_shape) GS_CHECK(s > 0, "input_shape: every size must be positive, got " + shape_str(input_shape));
  GS_CHECK(blocks >= 1, "blocks: expected at least 1 Conv-Pool block, got " + std::to_string(blocks));
  GS_CHECK(convs_per_block >= 1, "convs_per_block: expected at least 1 convolution per block, got " + std::to_string(convs_per_block));
  GS_CHECK(first_channels >= 1, "first_channels: expected a positive number of channels, got " + std::to_string(first_channels));
  GS_CHECK(blocks < 40 && first_channels <= (std::numeric_limits<std::int32_t>::max() >> (blocks - 1)),
           "first_channels: " + std::to_string(first_channels) + " doubled " + std::to_string(blocks - 1) + " times is too many channels");
  GS_CHECK(classes >= 1, "classes: expected at least 1 class, got " + std::to_string(classes));
  ModelSpec spec;
  spec.input_shape = input_shape;
  for (int b = 0; b < blocks; ++b) {
    const std::int64_t channels = first_channels << b;  // doubled after each pool
    for (int c = 0; c < convs_per_block; ++c) {
      spec.layers.push_back(make_layer("Conv2d", {{"out_channels", channels}, {"kernel_size", 3}, {"padding", 1}}));
      spec.layers.push_back(make_layer("ReLU"));
    }
    spec.layers.push_back(make_layer("MaxPool2d", {{"kernel_size", 2}}));
  }
  spec.layers.push_back(make_layer("Flatten"));
  spec.layers.push_back(make_layer("Linear", {{"out_features", classes}}));
  return spec;
}

std::vector<BlockSummary> block_summary(const ModelSpec& spec) {
  const ShapeReport report = infer_shapes(spec);
  if (!report.ok()) throw Error(report.error).with_code(report.error_code, report.error_args);
  std::vector<BlockSummary> blocks;
  const int n = static_cast<int>(spec.layers.size());
  int first = 0;
  std::string label;
  auto close = [&](int last, std::string name) {
    BlockSummary b{.label = std::move(name), .first_layer = first, .last_layer = last};
    b.input = report.layers[static_cast<std::size_t>(first)].input;
    b.output = report.layers[static_cast<std::size_t>(last)].output;
    for (int i = first; i <= last; ++i) b.parameters += report.layers[static_cast<std::size_t>(i)].parameters;
    blocks.push_back(std::move(b));
    first = last + 1;
    label.clear();
  };
  for (int i = 0; i < n; ++i) {
    const std::string part = short_name(spec.layers[static_cast<std::size_t>(i)].type);
    if (!part.empty()) label += (label.empty() ? "" : "-") + part;
    if (is_pool(spec.layers[static_cast<std::size_t>(i)].type)) close(i, label);
  }
  if (first < n) close(n - 1, "Head");
  return blocks;
}

}  // namespace gs::spec
