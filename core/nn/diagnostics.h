#pragma once
/// What the Activations lab measures in a deep stack: how much gradient reaches each layer
/// (vanishing gradients) and how many units never activate (dead ReLUs), from real passes.
#include <string>
#include <utility>
#include <vector>

#include "nn/module.h"
#include "tensor/random.h"

namespace gs::nn {

/// What probe_depth measured, one entry per hidden layer.
struct DepthProbe {
  /// ‖∂L/∂Wₖ‖ (Frobenius) of each hidden Linear layer k = 1..depth, input side first.
  std::vector<double> grad_norms;
  /// Units of each hidden layer whose activation is ≤ 0 for every sample of the batch.
  std::vector<std::int64_t> dead_units;
  std::int64_t units_per_layer = 0;
};

/// Builds `depth` blocks of Linear(width, width) + activation (a name of activation_names(), with
/// its default arguments; PyTorch's default init, seeded), feeds a standard-normal batch,
/// backpropagates L = mean(output²) and measures each layer.
DepthProbe probe_depth(const std::string& activation, int depth, int width = 32, int batch = 64,
                       std::uint64_t seed = 0);

/// ‖∂L/∂W‖ (Frobenius: sqrt(Σ grad²)) of every weight of `model` — each parameter with 2 or more
/// dimensions (Linear and Conv2d weights, inside blocks too; biases and BatchNorm's γ, β are
/// left out) — in named_parameters() order, with its name: PyTorch's
/// `[(n, p.grad.norm().item()) for n, p in model.named_parameters() if p.dim() > 1]`.
/// A weight without a .grad (no backward yet, or zero_grad(set_to_none)) counts 0.
std::vector<std::pair<std::string, double>> weight_gradient_norms(const Module& model);

}  // namespace gs::nn
