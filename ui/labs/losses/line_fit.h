#pragma once
// The regression page's fits: y = w·x + b fitted to a few points by minimising one of core's
// losses with core's optimizer, the same routine for MSE, L1 and Huber and for any points.
// Qt-free: plain vectors in, numbers out, so tests can call it directly.
#include <vector>

#include "nn/loss.h"
#include "ops/functional.h"

namespace gsui {

/// A point of the scatter.
struct SamplePoint {
  double x = 0;
  double y = 0;
  bool operator==(const SamplePoint&) const = default;
};

/// A fitted line and how the fit went.
struct LineFit {
  double w = 0;     ///< slope
  double b = 0;     ///< intercept
  double cost = 0;  ///< the loss with reduction="mean" at (w, b)
  int steps = 0;    ///< optimizer steps taken
  bool converged = false;
};

/// Fits y = w·x + b by full-batch torch.optim.Adam (lr 0.1, betas (0.9, 0.99)) with ExponentialLR
/// (gamma 0.993) on `loss` (reduction "mean"), from w = b = 0 with x centred, until no parameter
/// moves more than 1e-10 in a step (or max_steps).
/// NOTE: L1's gradient never shrinks near its minimum (the slope of |r| is ±1 up to the kink), so a
/// fixed lr rattles around it forever: the decaying lr lets it settle. Adam's momentum averages the
/// gradients from both sides of a kink, which points along the kink; Rprop, which follows each
/// coordinate's sign alone, can stall on such a diagonal kink short of the minimum.
LineFit fitLine(const std::vector<SamplePoint>& points, const gs::nn::LossOptions& loss, int max_steps = 3000);

/// The loss of each point under the line (w, b) with `reduction` ("none": one value per point;
/// "mean" / "sum": one value), computed by core's loss function.
std::vector<double> lineLoss(const std::vector<SamplePoint>& points, double w, double b, gs::nn::LossOptions loss);

}  // namespace gsui
