#include "landscape/landscape.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "autograd/grad_mode.h"
#include "ops/functional.h"
#include "optim/adaptive.h"
#include "optim/factory.h"
#include "optim/sgd.h"

namespace gs::landscape {

Tensor Function::value(const Tensor& p) const {
  const Tensor x = p.index({0}), y = p.index({1});
  if (name == "quadratic") return x * x * a + y * y * b;
  if (name == "rosenbrock") {
    const Tensor d = a - x, e = y - x * x;
    return d * d + e * e * b;
  }
  if (name == "beale") {
    const Tensor t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y, t3 = 2.625 - x + x * y * y * y;
    return t1 * t1 + t2 * t2 + t3 * t3;
  }
  if (name == "himmelblau") {
    const Tensor t1 = x * x + y - 11.0, t2 = x + y * y - 7.0;
    return t1 * t1 + t2 * t2;
  }
  return x * x - y * y;  // saddle
}

double Function::value(double x, double y) const {
  if (name == "quadratic") return a * x * x + b * y * y;
  if (name == "rosenbrock") return (a - x) * (a - x) + b * (y - x * x) * (y - x * x);
  if (name == "beale") {
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y, t3 = 2.625 - x + x * y * y * y;
    return t1 * t1 + t2 * t2 + t3 * t3;
  }
  if (name == "himmelblau") {
    const double t1 = x * x + y - 11, t2 = x + y * y - 7;
    return t1 * t1 + t2 * t2;
  }
  return x * x - y * y;
}

std::vector<std::array<double, 2>> Function::minima() const {
  if (name == "rosenbrock") return {{a, a * a}};
  if (name == "beale") return {{3.0, 0.5}};
  if (name == "himmelblau") return {{3.0, 2.0}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
  return {{0.0, 0.0}};
}

std::optional<double> Function::min_value() const {
  if (name == "saddle") return std::nullopt;
  double lowest = INFINITY;
  for (const auto& m : minima()) lowest = std::min(lowest, value(m[0], m[1]));
  return lowest;
}

std::array<double, 4> Function::default_range() const {
  // Rosenbrock: the classic view [−2, 2] × [−1, 3] for a = 1, widened to keep the minimum
  // (a, a²) one unit inside for larger |a|.
  if (name == "rosenbrock") return {std::min(-2.0, -std::abs(a) - 1), std::max(2.0, std::abs(a) + 1), -1.0, std::max(3.0, a * a + 1)};
  if (name == "beale") return {-4.5, 4.5, -4.5, 4.5};
  if (name == "himmelblau") return {-5.0, 5.0, -5.0, 5.0};
  return {-2.0, 2.0, -2.0, 2.0};
}

std::array<double, 2> Function::default_start() const {
  if (name == "rosenbrock") return {-1.5, 2.0};
  if (name == "beale") return {-1.0, 3.5};
  if (name == "himmelblau") return {-0.5, -0.5};
  if (name == "saddle") return {-1.8, 0.05};
  return {-1.7, 1.2};
}

namespace {

/// A number as Python source: %g, six significant digits ("1", "100", "0.5").
std::string python_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

std::vector<std::string> Function::python_body() const {
  const std::string sa = python_number(a), sb = python_number(b);
  if (name == "quadratic") return {"return " + sa + " * p[0] ** 2 + " + sb + " * p[1] ** 2"};
  if (name == "rosenbrock") return {"return (" + sa + " - p[0]) ** 2 + " + sb + " * (p[1] - p[0] ** 2) ** 2"};
  if (name == "beale") return {"x, y = p", "return (1.5 - x + x*y) ** 2 + (2.25 - x + x*y**2) ** 2 + (2.625 - x + x*y**3) ** 2"};
  if (name == "himmelblau") return {"x, y = p", "return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2"};
  return {"return p[0] ** 2 - p[1] ** 2"};
}

Function parse_function(const nlohmann::json& j, const std::string& field) {
  if (!j.is_object() || !j.contains("name") || !j["name"].is_string())
    throw Error(field + ".name: missing (one of quadratic, rosenbrock, beale, himmelblau, saddle)");
  Function f;
  f.name = j["name"].get<std::string>();
  std::vector<std::string> keys;
  if (f.name == "quadratic") {
    keys = {"a", "b"};
  } else if (f.name == "rosenbrock") {
    keys = {"a", "b"};
    f.b = 100;
  } else if (f.name != "beale" && f.name != "himmelblau" && f.name != "saddle") {
    throw Error(field + ".name: unknown function \"" + f.name + "\" (known: quadratic, rosenbrock, beale, himmelblau, saddle)");
  }
  for (const auto& [k, v] : j.items()) {
    if (k == "name") continue;
    if (std::find(keys.begin(), keys.end(), k) == keys.end())
      throw Error(field + "." + k + ": unknown parameter of " + f.name + (keys.empty() ? " (it has none)" : " (it takes a and b)"));
    if (!v.is_number() || !std::isfinite(v.get<double>())) throw Error(field + "." + k + ": expected a finite number, got " + v.dump());
  }
  f.a = j.value("a", f.a);
  f.b = j.value("b", f.b);
  return f;
}

Path run_optimizer(const Function& f, std::array<double, 2> start, const nlohmann::json& optimizer, int steps,
                   const nlohmann::json& scheduler) {
  GS_CHECK(steps >= 0 && steps <= 100000, "steps: expected 0 to 100000, got " + std::to_string(steps));
  Tensor p = tensor({start[0], start[1]}, TensorOptions{.dtype = kFloat64, .requires_grad = true});
  auto opt = optim::make_optimizer(optimizer, {p});
  optim::Scheduler sched = optim::make_scheduler(scheduler, *opt);
  // The optimizers whose inner state the Optimizer lab draws, read after each step of this run.
  const auto* adam = dynamic_cast<const optim::Adam*>(opt.get());
  const auto* sgd = dynamic_cast<const optim::SGD*>(opt.get());
  if (sgd && sgd->options().momentum == 0) sgd = nullptr;
  auto pair = [](const Tensor& t) {
    const std::vector<double> v = t.to_vector<double>();
    return std::array<double, 2>{v[0], v[1]};
  };
  Path path;
  // NOTE: one evaluation per step: the loss computed before step s+1 is f at the point step s
  // reached, so it is both recorded and differentiated (the scheduler sees the same order:
  // optimizer step, then scheduler step with the new value).
  for (int s = 0; s <= steps; ++s) {
    opt->zero_grad();
    Tensor loss = f.value(p);
    const double value = loss.item();
    const std::vector<double> v = p.to_vector<double>();
    path.points.push_back({v[0], v[1], value});
    if (!std::isfinite(v[0]) || !std::isfinite(v[1]) || !std::isfinite(value)) {
      path.diverged_at = s;
      break;
    }
    if (s > 0) sched.step(value);
    if (s == steps) break;
    loss.backward();
    path.lr.push_back(opt->lr());
    opt->step();
    if (adam) path.adam_steps.push_back(pair(adam->last_steps()[0]));
    if (sgd) path.momentum_buffers.push_back(pair(sgd->momentum_buffer(0)));
  }
  return path;
}

int Path::steps_to_reach(const std::vector<std::array<double, 2>>& targets, double eps) const {
  for (std::size_t s = 0; s < points.size(); ++s)
    for (const auto& t : targets)
      if (std::hypot(points[s][0] - t[0], points[s][1] - t[1]) < eps) return static_cast<int>(s);
  return -1;
}

std::vector<double> grid_values(const Function& f, std::array<double, 4> r, int nx, int ny) {
  std::vector<double> out(static_cast<std::size_t>(nx) * ny);
  for (int j = 0; j < ny; ++j) {
    const double y = r[2] + (r[3] - r[2]) * j / std::max(1, ny - 1);
    for (int i = 0; i < nx; ++i) out[static_cast<std::size_t>(j) * nx + i] = f.value(r[0] + (r[1] - r[0]) * i / std::max(1, nx - 1), y);
  }
  return out;
}

}  // namespace gs::landscape

namespace gs::landscape {

double RegressionProblem::cost(double w, double b, const std::vector<std::size_t>& batch) const {
  double s = 0;
  std::size_t n = 0;
  auto add = [&](std::size_t i) {
    const double e = w * x[i] + b - y[i];
    s += e * e;
    ++n;
  };
  if (batch.empty())
    for (std::size_t i = 0; i < x.size(); ++i) add(i);
  else
    for (std::size_t i : batch) add(i);
  return n ? s / static_cast<double>(n) : 0.0;
}

Path run_regression(const RegressionProblem& problem, std::array<double, 2> start, double lr, int batch_size, int steps,
                    std::uint64_t seed) {
  const auto n = static_cast<std::int64_t>(problem.x.size());
  GS_CHECK(n > 0, "regression: no data");
  GS_CHECK(batch_size >= 1, "batch_size must be at least 1, got " + std::to_string(batch_size));
  GS_CHECK(steps >= 0 && steps <= 100000, "steps: expected 0 to 100000, got " + std::to_string(steps));
  const Tensor xs = from_vector(problem.x, {n}, {.dtype = kFloat64});
  const Tensor ys = from_vector(problem.y, {n}, {.dtype = kFloat64});
  Tensor w = tensor({start[0]}, TensorOptions{.dtype = kFloat64, .requires_grad = true});
  Tensor b = tensor({start[1]}, TensorOptions{.dtype = kFloat64, .requires_grad = true});
  auto opt = optim::make_optimizer(optim::default_optimizer_options(optim::OptimizerKind::SGD, lr), {w, b});
  Generator g(seed);
  std::vector<std::int64_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::int64_t pos = n;
  Path path;
  path.points.push_back({start[0], start[1], problem.cost(start[0], start[1])});
  const std::int64_t bs = std::min<std::int64_t>(batch_size, n);
  for (int s = 1; s <= steps; ++s) {
    if (pos + bs > n) {
      for (std::int64_t i = n; i > 1; --i) std::swap(order[i - 1], order[g.integer(0, i)]);
      pos = 0;
    }
    std::vector<double> idx(order.begin() + pos, order.begin() + pos + bs);
    pos += bs;
    const Tensor sel = from_vector(idx, {bs}, {.dtype = kInt64});
    opt->zero_grad();
    const Tensor pred = xs.index_select(0, sel) * w + b;
    mse_loss(pred, ys.index_select(0, sel)).backward();
    opt->step();
    const double wv = w.item(), bv = b.item();
    const double c = problem.cost(wv, bv);
    path.points.push_back({wv, bv, c});
    if (!std::isfinite(wv) || !std::isfinite(bv) || !std::isfinite(c)) {
      path.diverged_at = s;
      break;
    }
  }
  return path;
}

}  // namespace gs::landscape
