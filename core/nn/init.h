#pragma once
/// Parameter initialisers (torch.nn.init), in place and seeded. They run without recording a graph.
#include <string>

#include <vector>

#include "nn/module.h"
#include "tensor/random.h"
#include "tensor/tensor.h"

namespace gs::nn::init {

/// fan_in = size(1)·receptive field, fan_out = size(0)·receptive field.
std::pair<double, double> calculate_fan_in_and_fan_out(const Tensor& t);
/// Recommended gain: linear/sigmoid 1, tanh 5/3, relu √2, leaky_relu √(2/(1+a²)), selu 3/4.
double calculate_gain(const std::string& nonlinearity, double param = 0.01);

void uniform_(Tensor& t, double a = 0.0, double b = 1.0, Generator* g = nullptr);
void normal_(Tensor& t, double mean = 0.0, double std = 1.0, Generator* g = nullptr);
void constant_(Tensor& t, double value);
void zeros_(Tensor& t);
void ones_(Tensor& t);
/// U(−b, b), b = gain·√(6 / (fan_in + fan_out)).
void xavier_uniform_(Tensor& t, double gain = 1.0, Generator* g = nullptr);
/// N(0, std²), std = gain·√(2 / (fan_in + fan_out)).
void xavier_normal_(Tensor& t, double gain = 1.0, Generator* g = nullptr);
/// U(−b, b), b = gain·√(3 / fan), gain = calculate_gain(nonlinearity, a); mode "fan_in" or "fan_out".
void kaiming_uniform_(Tensor& t, double a = 0.0, const std::string& mode = "fan_in",
                      const std::string& nonlinearity = "leaky_relu", Generator* g = nullptr);
/// N(0, std²), std = gain / √fan.
void kaiming_normal_(Tensor& t, double a = 0.0, const std::string& mode = "fan_in",
                     const std::string& nonlinearity = "leaky_relu", Generator* g = nullptr);

/// The whole-network schemes a model spec's "init" names, in menu order: "default" (each layer's
/// PyTorch default), "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal" (for
/// ReLU: gain √2, fan_in), "normal" (N(0, 1): far too large, on purpose) and "zeros" (every neuron
/// the same: the symmetry mistake).
const std::vector<std::string>& schemes();
/// Re-initialises every weight with ≥ 2 dimensions (Linear, Conv2d, also inside blocks) by the
/// scheme, and sets their biases to 0 (as `model.apply(init_weights)` does in the course code).
/// BatchNorm's weight and bias keep 1 and 0. "default" changes nothing. An unknown scheme names
/// the known ones. normal_std is the std of "normal" (N(0, normal_std²); default 1, the textbook's
/// too-large case; 0.01 is its too-small one) and must be positive.
void apply_scheme(Module& model, const std::string& scheme, Generator* g = nullptr, double normal_std = 1.0);

}  // namespace gs::nn::init
