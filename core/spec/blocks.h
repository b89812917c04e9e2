#pragma once
/// Networks seen as blocks, the way VGG is drawn: Conv-Conv-Pool blocks that halve the image and
/// double the channels, then a head. vgg_spec() writes such a network as a model spec;
/// block_summary() cuts any spec into its blocks (each ending at a pooling layer) with the shape
/// and the parameters of each, so a learner sees where the parameters are.
#include <cstdint>
#include <string>
#include <vector>

#include "spec/model_spec.h"
#include "util/shape.h"

namespace gs::spec {

/// The VGG pattern (Simonyan & Zisserman, 2014) on `input_shape` ([C, H, W]): for each block
/// b = 0 … blocks−1, convs_per_block × [Conv2d(out_channels = first_channels·2^b, kernel_size=3,
/// padding=1), ReLU] then MaxPool2d(2); then Flatten and Linear(classes). A 3×3 convolution with
/// padding 1 keeps H×W; each pooling halves it. VGG16 is 5 blocks (2, 2, 3, 3, 3 convolutions,
/// 64 → 512 channels, capped) and three Linear layers.
/// Throws gs::Error naming the argument: input_shape must be [C, H, W] of positive sizes,
/// blocks ≥ 1, convs_per_block ≥ 1, first_channels ≥ 1 (and first_channels·2^(blocks−1) must not
/// overflow), classes ≥ 1. It does not check that the blocks fit the image: block_summary does.
ModelSpec vgg_spec(const Shape& input_shape, int blocks, int convs_per_block, std::int64_t first_channels,
                   std::int64_t classes);

/// One block of a network: a run of layers ending at a pooling layer, or the head after the last one.
struct BlockSummary {
  std::string label;            ///< the layer types joined, activations left out: "Conv-Conv-Pool"; "Head" for the rest
  int first_layer = 0;          ///< index of the block's first layer in spec.layers
  int last_layer = 0;           ///< and of its last (inclusive)
  Shape input, output;          ///< one sample's shape entering and leaving the block
  std::int64_t parameters = 0;  ///< the learnable numbers of the block's layers
};

/// The blocks of `spec`: each ends at a pooling layer (MaxPool2d, AvgPool2d), activations and
/// everything else between two pools belong to the block; the layers after the last pool are the
/// head ("Head", absent when there are none). The parameters of the blocks add up to
/// infer_shapes(spec).total_parameters. Throws infer_shapes' error for a network that does not
/// fit its input, naming the layer ("layer 9 (MaxPool2d): the 2x2 window does not fit …"), with
/// its code and arguments.
std::vector<BlockSummary> block_summary(const ModelSpec& spec);

}  // namespace gs::spec
