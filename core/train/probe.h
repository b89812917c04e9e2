#pragma once
/// What the Playground's views show of a network, computed from the model itself (DESIGN.md: "the
/// decision boundary is the real model's forward pass"): the decision map over the plane, and
/// every neuron's output there with the weights between them (TensorFlow Playground's picture).
#include <cstdint>
#include <vector>

#include "nn/module.h"
#include "tensor/tensor.h"

namespace gs::train {

/// The points of the square [−range, range]² sampled res × res at cell centres, row by row from
/// the bottom: a [res², 2] float32 tensor of (x₁, x₂), the raw inputs a FeaturePipeline maps.
Tensor plane_grid(int res, double range);

/// What a network's outputs mean, for drawing them on a plane.
enum class OutputKind {
  Logit,    ///< one logit (BCEWithLogitsLoss): σ is P(class 1)
  Logits,   ///< one logit per class (CrossEntropyLoss): softmax gives the probabilities
  Value,    ///< a regression value
};

/// The decision map's value in [0, 1] at each row of x (the model's inputs), evaluated without
/// grad and in eval mode (the model's mode is restored):
///   Logit: σ(logit); Logits with 2 classes: softmax's P(class 1); with more: argmax / (classes − 1);
///   Value: (y + 1) / 2 clamped to [0, 1] (TensorFlow Playground's colour scale for −1 … 1).
std::vector<double> decision_map(nn::Module& model, const Tensor& x, OutputKind kind);

/// The model's outputs at the rows of x, flattened (a regression's predictions), evaluated
/// without grad in eval mode.
std::vector<double> predict(nn::Module& model, const Tensor& x);

/// Every neuron's output at the rows of x, column by column as the network picture draws them.
struct NeuronMaps {
  int resolution = 0;                                    ///< each map is resolution × resolution
  std::vector<std::vector<std::vector<double>>> layers;  ///< [column][neuron][point]: inputs, hidden layers, output
  std::vector<std::vector<double>> weights;              ///< [link layer] the Linear's weight [out × in], row-major
};

/// The columns of a Sequential MLP at the inputs x (res² rows of the plane): the inputs, the
/// input of every Linear after the first (so each hidden layer after its activation, BatchNorm
/// and Dropout), and the output as probabilities (Logit: σ, Logits: softmax) or values. Evaluated
/// without grad in eval mode. Throws when the model is not a Sequential.
NeuronMaps neuron_maps(nn::Module& model, const Tensor& x, int resolution, OutputKind kind);

}  // namespace gs::train
