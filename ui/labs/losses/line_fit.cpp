#include "labs/losses/line_fit.h"

#include <cmath>

#include "optim/adaptive.h"
#include "optim/scheduler.h"

namespace gsui {
namespace {

gs::TensorOptions f64() { return {.dtype = gs::kFloat64}; }
constexpr double kStartLr = 0.1;
constexpr double kDecay = 0.993;

std::pair<gs::Tensor, gs::Tensor> columns(const std::vector<SamplePoint>& points) {
  std::vector<double> xs, ys;
  for (const SamplePoint& p : points) {
    xs.push_back(p.x);
    ys.push_back(p.y);
  }
  const gs::Shape shape{static_cast<std::int64_t>(points.size())};
  return {gs::from_vector(xs, shape, f64()), gs::from_vector(ys, shape, f64())};
}

}  // namespace

LineFit fitLine(const std::vector<SamplePoint>& points, const gs::nn::LossOptions& options, int max_steps) {
  LineFit fit;
  if (points.empty()) return fit;
  const auto [x_raw, y] = columns(points);
  // The model is y = w·(x − x̄) + c, then b = c − w·x̄: with x centred, the slope and the
  // intercept no longer pull against each other (the cost's valley is not a long diagonal), so
  // the same schedule reaches the minimum for every loss and every set of points.
  const double x_mean = x_raw.mean().item();
  const gs::Tensor x = x_raw - x_mean;
  gs::nn::LossOptions mean_options = options;
  mean_options.reduction = "mean";
  const gs::nn::Loss loss = gs::nn::make_loss(mean_options);
  gs::Tensor w = gs::zeros({1}, f64()).requires_grad_(true);
  gs::Tensor b = gs::zeros({1}, f64()).requires_grad_(true);
  gs::optim::Adam optimizer({w, b}, {.lr = kStartLr, .betas = {0.9, 0.99}});
  gs::optim::ExponentialLR schedule(optimizer, kDecay);
  int still = 0;
  for (fit.steps = 0; fit.steps < max_steps; ++fit.steps) {
    const double w0 = w.item(), b0 = b.item();
    optimizer.zero_grad();
    loss.fn(x * w + b, y).backward();
    optimizer.step();
    schedule.step();
    // Converged when neither parameter moved by more than 1e-10 for a few steps in a row.
    still = std::abs(w.item() - w0) < 1e-10 && std::abs(b.item() - b0) < 1e-10 ? still + 1 : 0;
    if (still >= 3) {
      fit.converged = true;
      break;
    }
  }
  fit.w = w.item();
  fit.b = b.item() - fit.w * x_mean;
  fit.cost = lineLoss(points, fit.w, fit.b, mean_options).front();
  return fit;
}

std::vector<double> lineLoss(const std::vector<SamplePoint>& points, double w, double b, gs::nn::LossOptions options) {
  if (points.empty()) return {};
  const auto [x, y] = columns(points);
  const gs::nn::Loss loss = gs::nn::make_loss(options);
  return loss.fn(x * w + b, y).to_vector<double>();
}

}  // namespace gsui
