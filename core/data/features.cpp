#include "data/features.h"

#include "autograd/grad_mode.h"
#include "ops/functional.h"

namespace gs::data {

const std::vector<std::string>& playground_features() {
  static const std::vector<std::string> names = {"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"};
  return names;
}

Tensor expand_features(const Tensor& x, const std::vector<std::string>& features) {
  GS_CHECK(x.dim() == 2 && x.size(1) == 2, "features need 2-D points [N, 2], got " + shape_str(x.shape()));
  GS_CHECK(!features.empty(), "choose at least one input feature");
  NoGradGuard no_grad;
  const Tensor x1 = x.index({Slice{}, 0}).unsqueeze(1), x2 = x.index({Slice{}, 1}).unsqueeze(1);
  std::vector<Tensor> columns;
  for (const std::string& f : features) {
    if (f == "x1") columns.push_back(x1);
    else if (f == "x2") columns.push_back(x2);
    else if (f == "x1^2") columns.push_back(x1 * x1);
    else if (f == "x2^2") columns.push_back(x2 * x2);
    else if (f == "x1*x2") columns.push_back(x1 * x2);
    else if (f == "sin(x1)") columns.push_back(sin_of(x1));
    else if (f == "sin(x2)") columns.push_back(sin_of(x2));
    else throw Error("unknown feature \"" + f + "\" (x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2))");
  }
  return cat(columns, 1);
}

Tensor polynomial_features(const Tensor& x, int degree) {
  GS_CHECK(degree >= 1, "polynomial features need a degree of at least 1, got " + std::to_string(degree));
  GS_CHECK(x.dim() == 1 || (x.dim() == 2 && x.size(1) == 1), "polynomial features need a 1-D input [N] or [N, 1], got " + shape_str(x.shape()));
  NoGradGuard no_grad;
  const Tensor column = x.reshape({-1, 1});
  std::vector<Tensor> columns{column};
  // Each power from the previous one (x^k = x^(k−1)·x), as PolynomialFeatures computes them.
  for (int k = 2; k <= degree; ++k) columns.push_back(columns.back() * column);
  return cat(columns, 1);
}

}  // namespace gs::data
