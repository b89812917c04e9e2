#pragma once
/// Rosenblatt's perceptron, the first neuron of the course: ŷ = step(w·x + b), trained one sample
/// at a time by the perceptron rule w ← w + lr·(y − ŷ)·x, b ← b + lr·(y − ŷ).
#include "tensor/tensor.h"

namespace gs::nn {

class Perceptron {
 public:
  explicit Perceptron(std::int64_t in_features, double lr = 1.0, Dtype dtype = kFloat64);
  /// w·x + b for a batch x [N, in_features] → [N].
  Tensor net_input(const Tensor& x) const;
  /// step(w·x + b) ∈ {0, 1} → [N].
  Tensor predict(const Tensor& x) const;
  /// One application of the rule to sample x_i [in_features] with label y_i ∈ {0, 1}.
  /// Returns true when the sample was misclassified (and the weights moved).
  bool update(const Tensor& x_i, double y_i);
  /// Number of samples of (x, y) the current weights misclassify.
  std::int64_t errors(const Tensor& x, const Tensor& y) const;

  Tensor weight;  ///< [in_features]
  Tensor bias;    ///< 0-d
  double lr;
};

}  // namespace gs::nn
