#pragma once
/// What the CNN lab shows of an image classifier, computed from the model itself: each layer's
/// output for one image (feature maps), the first convolution's filters, class probabilities,
/// and the accuracy on shifted images (the MLP-vs-CNN experiment). All run without grad in eval
/// mode; the model's training mode comes back afterwards.
#include <string>
#include <vector>

#include "data/dataset.h"
#include "nn/module.h"

namespace gs::train {

/// One layer's output for one sample, as values row by row.
struct LayerOutput {
  std::string type;           ///< "Conv2d", "ReLU", "MaxPool2d", "Flatten", "Linear", ...
  Shape shape;                ///< without the batch dimension: [C, H, W] or [features]
  std::vector<float> values;  ///< row-major, shape's product values
};

/// Runs one sample ([C, H, W] or [features]) through a Sequential model layer by layer and returns
/// every layer's output in order. Throws when the model is not a Sequential.
std::vector<LayerOutput> layer_outputs(nn::Module& model, const Tensor& sample);

/// A stack of filters: the first Conv2d's weight [out_channels, in_channels, kH, kW].
struct Filters {
  Shape shape;  ///< empty when the model has no Conv2d
  std::vector<float> values;
};
/// The first Conv2d's weight, searched depth-first through the model's children.
Filters first_conv_filters(nn::Module& model);

/// softmax of the model's outputs for a batch x, row by row [N × classes] (float).
std::vector<float> class_probabilities(nn::Module& model, const Tensor& x);

/// Classification accuracy on the images of `test` shifted by (dx, dy) pixels (zero fill), as a
/// learner would move a digit on the page. Images [N, C, H, W] are shifted before any flattening
/// the model does itself; a model taking flat rows gets the shifted images flattened.
double shifted_accuracy(nn::Module& model, const data::Dataset& test, double dx, double dy, bool flat_input);

}  // namespace gs::train
