#pragma once
/// Analytic 2-D test functions for the Descent and Optimizer labs. Values are computed with
/// tensor ops, so gradients come from autograd, and runs use the real optimizer classes on a
/// 2-element parameter.
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace gs::landscape {

struct Function {
  std::string name;  ///< "quadratic", "rosenbrock", "beale", "himmelblau", "saddle"
  double a = 1, b = 1;  ///< quadratic: a·x² + b·y²; rosenbrock: (a − x)² + b·(y − x²)²
  /// f(p) for p = [x, y] (any float dtype); differentiable.
  Tensor value(const Tensor& p) const;
  double value(double x, double y) const;
  /// The global minima (saddle: the saddle point), for "steps to reach ε".
  std::vector<std::array<double, 2>> minima() const;
  /// The lowest value f takes, f at its global minima (0 for every function here); none for the
  /// saddle, which is unbounded below.
  std::optional<double> min_value() const;
  /// A view that shows the interesting region, the minima and default_start() included:
  /// {x_min, x_max, y_min, y_max}. Rosenbrock's grows with a so that (a, a²) stays inside.
  std::array<double, 4> default_range() const;
  /// Where a race on this landscape starts: away from the minima, so that the optimizers differ.
  std::array<double, 2> default_start() const;
  /// The body of `def f(p):` in PyTorch, one statement a line without indentation, with this
  /// function's own a and b ("return 1 * p[0] ** 2 + 10 * p[1] ** 2").
  std::vector<std::string> python_body() const;
};

/// {"name": "quadratic", "a": 1, "b": 10}; errors name the field.
Function parse_function(const nlohmann::json& j, const std::string& field = "function");

struct Path {
  std::vector<std::array<double, 3>> points;  ///< (x, y, f), start first
  int diverged_at = -1;                        ///< step whose value became non-finite, or −1
  /// What each step k (from points[k] to points[k + 1]) did inside the optimizer, recorded by
  /// run_optimizer from the same run, scheduler included. lr: the learning rate step k used.
  std::vector<double> lr;
  /// Adam and AdamW only: the per-coordinate step lr·m̂/(√v̂ + eps) of step k
  /// (optim::Adam::last_steps(); for Adam without weight decay, points[k] − points[k + 1]).
  std::vector<std::array<double, 2>> adam_steps;
  /// SGD with momentum only: the momentum buffer b after step k (b ← μ·b + (1 − dampening)·g),
  /// so plain momentum moves by lr[k]·b.
  std::vector<std::array<double, 2>> momentum_buffers;

  /// The first step whose point lies within eps (Euclidean distance) of one of targets, or −1.
  int steps_to_reach(const std::vector<std::array<double, 2>>& targets, double eps) const;
};

/// Runs `steps` optimizer steps from start (float64) on f; stops at the first non-finite value.
/// Records each step's lr, Adam's steps and SGD's momentum buffers in the Path (see there).
Path run_optimizer(const Function& f, std::array<double, 2> start, const nlohmann::json& optimizer, int steps,
                   const nlohmann::json& scheduler = nullptr);

/// f on a grid of nx × ny points over range (row-major, y outer): the contour plot's data.
std::vector<double> grid_values(const Function& f, std::array<double, 4> range, int nx, int ny);

}  // namespace gs::landscape

namespace gs::landscape {

/// The regression view of descent: data (x, y) and the MSE cost of the line w·x + b, the
/// surface the Descent lab's regression panel walks on.
struct RegressionProblem {
  std::vector<double> x, y;
  /// mean((w·xᵢ + b − yᵢ)²) over the samples in `batch` (all when empty).
  double cost(double w, double b, const std::vector<std::size_t>& batch = {}) const;
};

/// Plain (mini-)batch gradient descent on the line fit, computed with tensors and autograd:
/// batch_size = n is batch GD, 1 is SGD. Each step draws the next batch of a seeded shuffle.
/// The path records (w, b, full-data cost) after each step.
Path run_regression(const RegressionProblem& problem, std::array<double, 2> start, double lr, int batch_size, int steps,
                    std::uint64_t seed);

}  // namespace gs::landscape
