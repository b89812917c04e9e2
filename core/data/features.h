#pragma once
/// TensorFlow Playground's input features of a 2-D point: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace gs::data {

/// The feature names, in Playground order: "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)".
const std::vector<std::string>& playground_features();
/// Columns of the chosen features for points x [N, 2] → [N, features.size()]. Throws naming an
/// unknown feature, or when none is chosen.
Tensor expand_features(const Tensor& x, const std::vector<std::string>& features);
/// Polynomial features of a 1-D input (scikit-learn's PolynomialFeatures(degree, include_bias=False)):
/// x [N] or [N, 1] → [N, degree] with columns x, x², …, x^degree. Throws for degree < 1 or a
/// non-1-D input.
Tensor polynomial_features(const Tensor& x, int degree);

}  // namespace gs::data
