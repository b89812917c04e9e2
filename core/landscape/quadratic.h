#pragma once
/// The Descent lab's bowl f = a·x² + b·y² and what is known about plain gradient descent on it in
/// closed form. Its gradient (2a·x, 2b·y) makes each GD step multiply each coordinate by a
/// constant: x ← (1 − 2a·lr)·x. So the whole trajectory, and the largest stable learning rate,
/// follow without running anything; the tests check both against run_optimizer with SGD.
#include <array>

#include "landscape/landscape.h"

namespace gs::landscape {

struct Quadratic {
  double a = 1, b = 1;  ///< curvatures along x and y (both > 0 for a bowl)

  /// The same bowl as a Function ({"name": "quadratic", "a": a, "b": b}), for run_optimizer.
  Function function() const;
  /// The largest learning rate for which plain GD converges: 1 / max(a, b). Above it
  /// |1 − 2c·lr| > 1 along the steeper axis (curvature c), and the iterates grow; at it they
  /// flip sign forever.
  double max_stable_lr() const;
  /// Plain GD's iterate after k steps from x0: ((1 − 2a·lr)ᵏ·x₀, (1 − 2b·lr)ᵏ·y₀).
  std::array<double, 2> gd_iterate(int k, double lr, std::array<double, 2> x0) const;
};

}  // namespace gs::landscape
