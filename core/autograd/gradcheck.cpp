#include "autograd/gradcheck.h"

#include <cmath>
#include <sstream>

#include "autograd/grad_mode.h"
#include "ops/functional.h"

namespace gs {
namespace {

/// Evaluates f with input `which` element `index` shifted by delta (no graph).
double shifted_value(const DifferentiableFn& f, const std::vector<Tensor>& inputs, const Tensor& projection,
                     std::size_t which, std::int64_t index, double delta) {
  NoGradGuard no_grad;
  std::vector<Tensor> shifted;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (i != which) {
      shifted.push_back(inputs[i].detach());
      continue;
    }
    std::vector<double> v = inputs[i].to_vector<double>();
    v[index] += delta;
    shifted.push_back(from_vector(v, inputs[i].shape(), options_of(inputs[i])));
  }
  const Tensor out = f(shifted);
  return projection.defined() ? sum(out * projection).item() : sum(out).item();
}

}  // namespace

double central_difference(const DifferentiableFn& f, const std::vector<Tensor>& inputs, std::size_t which,
                          std::int64_t index, double h) {
  return (shifted_value(f, inputs, Tensor(), which, index, h) - shifted_value(f, inputs, Tensor(), which, index, -h)) /
         (2 * h);
}

GradcheckResult gradcheck(const DifferentiableFn& f, const std::vector<Tensor>& inputs, double eps, double atol,
                          double rtol) {
  GradcheckResult result;
  std::vector<Tensor> leaves;
  for (const Tensor& t : inputs) {
    Tensor leaf = t.detach().clone();
    if (t.requires_grad()) leaf.requires_grad_(true);
    leaves.push_back(leaf);
  }
  const Tensor out = f(leaves);
  Generator g(1234);
  const Tensor projection = randn(out.shape(), options_of(out), &g);
  sum(out * projection).backward();

  for (std::size_t i = 0; i < leaves.size(); ++i) {
    if (!leaves[i].requires_grad()) continue;
    const Tensor grad = leaves[i].grad();
    const std::vector<double> analytic =
        grad.defined() ? grad.to_vector<double>() : std::vector<double>(leaves[i].numel(), 0.0);
    for (std::int64_t k = 0; k < leaves[i].numel(); ++k) {
      const double numerical = (shifted_value(f, leaves, projection, i, k, eps) -
                                shifted_value(f, leaves, projection, i, k, -eps)) / (2 * eps);
      const double err = std::abs(analytic[k] - numerical);
      result.max_abs_error = std::max(result.max_abs_error, err);
      if (err > atol + rtol * std::abs(numerical) && result.ok) {
        result.ok = false;
        std::ostringstream msg;
        msg << "input " << i << " element " << k << ": analytic " << analytic[k] << " vs numerical " << numerical;
        result.message = msg.str();
      }
    }
  }
  return result;
}

}  // namespace gs
