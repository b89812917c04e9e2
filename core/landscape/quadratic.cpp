#include "landscape/quadratic.h"

#include <algorithm>
#include <cmath>

namespace gs::landscape {

Function Quadratic::function() const { return Function{.name = "quadratic", .a = a, .b = b}; }

double Quadratic::max_stable_lr() const { return 1.0 / std::max(a, b); }

std::array<double, 2> Quadratic::gd_iterate(int k, double lr, std::array<double, 2> x0) const {
  return {std::pow(1 - 2 * a * lr, k) * x0[0], std::pow(1 - 2 * b * lr, k) * x0[1]};
}

}  // namespace gs::landscape
