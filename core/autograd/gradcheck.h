#pragma once
/// Numerical differentiation: the check every op passes (analytic vs central differences in
/// float64), and the Autograd lab's "numerical vs analytic derivative" with its step-size slider.
#include <functional>
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace gs {

using DifferentiableFn = std::function<Tensor(const std::vector<Tensor>&)>;

struct GradcheckResult {
  bool ok = true;
  double max_abs_error = 0;  ///< largest |analytic − numerical| over all checked elements
  std::string message;       ///< where the worst mismatch is, when !ok
};

/// Checks every input that requires grad: the analytic gradient of L = Σ f(x)·v (v a fixed random
/// projection, so non-scalar outputs are covered) against (L(x+eps) − L(x−eps)) / 2eps.
/// Passes when |a − n| <= atol + rtol·|n| everywhere. Inputs should be float64.
GradcheckResult gradcheck(const DifferentiableFn& f, const std::vector<Tensor>& inputs, double eps = 1e-6,
                          double atol = 1e-7, double rtol = 1e-5);

/// Central difference (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h of a scalar function at element `index`
/// of input `which`. Small h shows rounding error, large h truncation error.
double central_difference(const DifferentiableFn& f, const std::vector<Tensor>& inputs, std::size_t which,
                          std::int64_t index, double h);

}  // namespace gs
