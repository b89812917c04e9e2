// core/landscape: the analytic test functions (values, minima, gradients against the formulas and
// finite differences), their JSON parsing, the regression view of descent, and marching squares
// (iso-lines of functions whose level sets are known: circles, straight lines, crossing lines).
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numbers>

#include "test_helpers.h"

#include "landscape/contour.h"
#include "landscape/landscape.h"
#include "landscape/quadratic.h"
#include "tensor/tensor.h"

using namespace gs;
using gs::landscape::Polyline;
using nlohmann::json;

namespace {

using Point = std::array<double, 2>;
using Range = std::array<double, 4>;

/// f sampled the way iso_lines reads a grid: row-major, ny rows of nx values, x = x_min + i·dx.
std::vector<double> sample(const std::function<double(double, double)>& f, Range r, int nx, int ny) {
  std::vector<double> grid(static_cast<std::size_t>(nx) * ny);
  const double dx = (r[1] - r[0]) / (nx - 1), dy = (r[3] - r[2]) / (ny - 1);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) grid[static_cast<std::size_t>(j) * nx + i] = f(r[0] + i * dx, r[2] + j * dy);
  return grid;
}

double distance(Point a, Point b) { return std::hypot(a[0] - b[0], a[1] - b[1]); }

double length(const Polyline& line) {
  double s = 0;
  for (std::size_t k = 1; k < line.size(); ++k) s += distance(line[k - 1], line[k]);
  return s;
}

bool closed(const Polyline& line) { return line.size() > 2 && distance(line.front(), line.back()) < 1e-9; }

QString str(Point p) { return QString("(%1, %2)").arg(p[0], 0, 'g', 12).arg(p[1], 0, 'g', 12); }

/// ∇f at (x, y) from autograd through Function::value(Tensor), in float64.
Point autograd_gradient(const landscape::Function& f, double x, double y) {
  Tensor p = tensor({x, y}, TensorOptions{.dtype = kFloat64, .requires_grad = true});
  f.value(p).backward();
  const std::vector<double> g = p.grad().to_vector<double>();
  return {g[0], g[1]};
}

/// ∇f by central differences of Function::value(double, double).
Point finite_difference_gradient(const landscape::Function& f, double x, double y) {
  const double hx = 1e-6 * std::max(1.0, std::abs(x)), hy = 1e-6 * std::max(1.0, std::abs(y));
  return {(f.value(x + hx, y) - f.value(x - hx, y)) / (2 * hx), (f.value(x, y + hy) - f.value(x, y - hy)) / (2 * hy)};
}

/// ∇f written out by hand from each formula in landscape.h.
Point analytic_gradient(const landscape::Function& f, double x, double y) {
  const double a = f.a, b = f.b;
  if (f.name == "quadratic") return {2 * a * x, 2 * b * y};
  if (f.name == "rosenbrock") return {-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)};
  if (f.name == "beale") {
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y, t3 = 2.625 - x + x * y * y * y;
    return {2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y * y * y - 1),
            2 * t1 * x + 2 * t2 * 2 * x * y + 2 * t3 * 3 * x * y * y};
  }
  if (f.name == "himmelblau") {
    const double t1 = x * x + y - 11, t2 = x + y * y - 7;
    return {4 * x * t1 + 2 * t2, 2 * t1 + 4 * y * t2};
  }
  return {2 * x, -2 * y};  // saddle x² − y²
}

}  // namespace

class TestLandscape : public QObject {
  Q_OBJECT
 private slots:
  // ------------------------------------------------------------------ the test functions
  void valuesAtKnownPoints_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("expected");
    QTest::newRow("quadratic a·x² + b·y²") << QString(R"({"name": "quadratic", "a": 1, "b": 10})") << 1.5 << 0.8 << 2.25 + 6.4;
    QTest::newRow("rosenbrock at its minimum (1, 1)") << QString(R"({"name": "rosenbrock"})") << 1.0 << 1.0 << 0.0;
    QTest::newRow("rosenbrock at the origin: (1 − 0)²") << QString(R"({"name": "rosenbrock"})") << 0.0 << 0.0 << 1.0;
    QTest::newRow("rosenbrock at (0.5, 0.5): 0.25 + 100·0.0625") << QString(R"({"name": "rosenbrock"})") << 0.5 << 0.5 << 6.5;
    QTest::newRow("rosenbrock a=2 b=5 at (2, 4)") << QString(R"({"name": "rosenbrock", "a": 2, "b": 5})") << 2.0 << 4.0 << 0.0;
    QTest::newRow("beale at its minimum (3, 0.5)") << QString(R"({"name": "beale"})") << 3.0 << 0.5 << 0.0;
    QTest::newRow("beale at the origin: 1.5² + 2.25² + 2.625²") << QString(R"({"name": "beale"})") << 0.0 << 0.0 << 14.203125;
    QTest::newRow("himmelblau at (3, 2)") << QString(R"({"name": "himmelblau"})") << 3.0 << 2.0 << 0.0;
    QTest::newRow("himmelblau at the origin: 11² + 7²") << QString(R"({"name": "himmelblau"})") << 0.0 << 0.0 << 170.0;
    QTest::newRow("saddle x² − y² at (2, 1)") << QString(R"({"name": "saddle"})") << 2.0 << 1.0 << 3.0;
  }
  void valuesAtKnownPoints() {
    QFETCH(QString, spec);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, expected);
    const landscape::Function f = landscape::parse_function(json::parse(spec.toStdString()));
    const double got = f.value(x, y);
    QVERIFY2(std::abs(got - expected) <= 1e-12 * std::max(1.0, std::abs(expected)),
             qPrintable(QString("f = %1, expected %2").arg(got, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    // The tensor version (the one autograd differentiates) computes the same number.
    const double via_tensor = f.value(tensor({x, y}, TensorOptions{.dtype = kFloat64})).item();
    QVERIFY2(std::abs(via_tensor - got) <= 1e-12 * std::max(1.0, std::abs(got)),
             qPrintable(QString("tensor %1 vs double %2").arg(via_tensor, 0, 'g', 17).arg(got, 0, 'g', 17)));
  }

  void gradientsMatchTheFormulasAndFiniteDifferences_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    const QStringList specs = {R"({"name": "quadratic", "a": 1, "b": 10})", R"({"name": "rosenbrock"})",
                               R"({"name": "rosenbrock", "a": 2, "b": 5})", R"({"name": "beale"})",
                               R"({"name": "himmelblau"})", R"({"name": "saddle"})"};
    const Point points[] = {{-1.5, 2.0}, {0.3, -0.7}, {2.2, 1.1}};
    for (const QString& s : specs)
      for (const Point& p : points) QTest::newRow(qPrintable(s + " at " + str(p))) << s << p[0] << p[1];
  }
  void gradientsMatchTheFormulasAndFiniteDifferences() {
    QFETCH(QString, spec);
    QFETCH(double, x);
    QFETCH(double, y);
    const landscape::Function f = landscape::parse_function(json::parse(spec.toStdString()));
    const Point by_autograd = autograd_gradient(f, x, y);
    const Point by_hand = analytic_gradient(f, x, y);
    const Point by_differences = finite_difference_gradient(f, x, y);
    for (int k = 0; k < 2; ++k) {
      const double scale = std::max(1.0, std::abs(by_hand[k]));
      QVERIFY2(std::abs(by_autograd[k] - by_hand[k]) <= 1e-12 * scale,
               qPrintable(QString("∂f/∂%1: autograd %2, formula %3").arg("xy"[k]).arg(by_autograd[k], 0, 'g', 17).arg(by_hand[k], 0, 'g', 17)));
      QVERIFY2(std::abs(by_differences[k] - by_hand[k]) <= 1e-6 * scale,
               qPrintable(QString("∂f/∂%1: differences %2, formula %3 (off by %4)")
                              .arg("xy"[k]).arg(by_differences[k], 0, 'g', 12).arg(by_hand[k], 0, 'g', 12)
                              .arg(std::abs(by_differences[k] - by_hand[k]), 0, 'g', 3)));
    }
  }

  void minimaAreMinima_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("tolerance");  // himmelblau's three irrational minima are given to 6 decimals
    QTest::newRow("quadratic") << QString(R"({"name": "quadratic", "a": 3, "b": 0.5})") << 1 << 0.0;
    QTest::newRow("rosenbrock: (a, a²) = (1, 1)") << QString(R"({"name": "rosenbrock"})") << 1 << 0.0;
    QTest::newRow("rosenbrock a=2: (2, 4)") << QString(R"({"name": "rosenbrock", "a": 2, "b": 5})") << 1 << 0.0;
    QTest::newRow("beale") << QString(R"({"name": "beale"})") << 1 << 0.0;
    QTest::newRow("himmelblau") << QString(R"({"name": "himmelblau"})") << 4 << 1e-3;
  }
  void minimaAreMinima() {
    QFETCH(QString, spec);
    QFETCH(int, count);
    QFETCH(double, tolerance);
    const landscape::Function f = landscape::parse_function(json::parse(spec.toStdString()));
    const auto minima = f.minima();
    QCOMPARE(static_cast<int>(minima.size()), count);
    for (const Point& m : minima) {
      // f = 0 there (every function here is a sum of squares), the gradient vanishes, and every
      // neighbour is higher.
      QVERIFY2(std::abs(f.value(m[0], m[1])) <= std::max(1e-15, tolerance * tolerance), qPrintable(str(m)));
      const Point g = autograd_gradient(f, m[0], m[1]);
      QVERIFY2(std::hypot(g[0], g[1]) <= tolerance, qPrintable(QString("|∇f| = %1 at %2").arg(std::hypot(g[0], g[1])).arg(str(m))));
      for (const Point d : {Point{1e-3, 0}, Point{-1e-3, 0}, Point{0, 1e-3}, Point{0, -1e-3}, Point{1e-3, 1e-3}, Point{-1e-3, 1e-3}})
        QVERIFY2(f.value(m[0] + d[0], m[1] + d[1]) > f.value(m[0], m[1]), qPrintable(str(m) + " + " + str(d)));
    }
  }

  void defaultViewsShowTheMinima() {
    const std::map<std::string, Range> views = {{"quadratic", {-2, 2, -2, 2}}, {"rosenbrock", {-2, 2, -1, 3}},
                                                {"beale", {-4.5, 4.5, -4.5, 4.5}}, {"himmelblau", {-5, 5, -5, 5}},
                                                {"saddle", {-2, 2, -2, 2}}};
    for (const auto& [name, view] : views) {
      const landscape::Function f = landscape::parse_function(json{{"name", name}});
      QCOMPARE(f.default_range(), view);
      for (const Point& m : f.minima())
        QVERIFY2(view[0] < m[0] && m[0] < view[1] && view[2] < m[1] && m[1] < view[3], qPrintable(QString::fromStdString(name) + " " + str(m)));
    }
  }

  void theSaddlePointIsNoMinimum() {
    const landscape::Function f = landscape::parse_function(json{{"name", "saddle"}});
    QCOMPARE(f.minima(), (std::vector<Point>{{0.0, 0.0}}));
    QCOMPARE(autograd_gradient(f, 0, 0), (Point{0, 0}));
    QVERIFY(f.value(0.1, 0) > 0 && f.value(0, 0.1) < 0);  // up along x, down along y
  }

  void parseFunctionAppliesDefaultsAndNamesTheField() {
    const landscape::Function rosen = landscape::parse_function(json{{"name", "rosenbrock"}});
    QCOMPARE(rosen.a, 1.0);
    QCOMPARE(rosen.b, 100.0);  // the classic banana, not the struct's default b = 1
    const landscape::Function quad = landscape::parse_function(json{{"name", "quadratic"}, {"b", 4}});
    QCOMPARE(quad.a, 1.0);
    QCOMPARE(quad.b, 4.0);
    QCOMPARE(error_of([] { landscape::parse_function(json{{"a", 1}}); }),
             std::string("function.name: missing (one of quadratic, rosenbrock, beale, himmelblau, saddle)"));
    QCOMPARE(error_of([] { landscape::parse_function(json{{"name", "sphere"}}, "landscape"); }),
             std::string("landscape.name: unknown function \"sphere\" (known: quadratic, rosenbrock, beale, himmelblau, saddle)"));
    QCOMPARE(error_of([] { landscape::parse_function(json{{"name", "quadratic"}, {"c", 1}}); }),
             std::string("function.c: unknown parameter of quadratic (it takes a and b)"));
    QCOMPARE(error_of([] { landscape::parse_function(json{{"name", "beale"}, {"a", 1}}); }),
             std::string("function.a: unknown parameter of beale (it has none)"));
    QCOMPARE(error_of([] { landscape::parse_function(json{{"name", "rosenbrock"}, {"b", "ten"}}); }),
             std::string("function.b: expected a finite number, got \"ten\""));
  }

  void gridValuesAreRowMajorWithYOuter() {
    const landscape::Function f = landscape::parse_function(json{{"name", "quadratic"}, {"a", 1}, {"b", 10}});
    const Range r{-1.0, 2.0, 0.0, 1.0};
    const std::vector<double> grid = landscape::grid_values(f, r, 4, 3);  // x = −1, 0, 1, 2; y = 0, 0.5, 1
    QCOMPARE(grid.size(), std::size_t(12));
    for (int j = 0; j < 3; ++j)
      for (int i = 0; i < 4; ++i) QCOMPARE(grid[static_cast<std::size_t>(j) * 4 + i], f.value(-1.0 + i, 0.5 * j));
    QCOMPARE(grid.front(), 1.0);  // (x_min, y_min)
    QCOMPARE(grid.back(), 14.0);  // (x_max, y_max): 4 + 10
  }

  // ------------------------------------------------------------------ runs of the optimizers
  void runOptimizerAppliesTheSchedulerAfterEachStep() {
    // f = x² with SGD and StepLR(step_size 1, γ = ½): lr_k = lr·γᵏ, so x_k = x₀·Π_{i<k}(1 − 2·lr·γⁱ).
    const landscape::Function f = landscape::parse_function(json{{"name", "quadratic"}, {"a", 1}, {"b", 1}});
    const double lr = 0.3, gamma = 0.5;
    const landscape::Path path = landscape::run_optimizer(f, {2.0, 0.0}, json{{"name", "SGD"}, {"lr", lr}}, 12,
                                                          json{{"name", "StepLR"}, {"step_size", 1}, {"gamma", gamma}});
    QCOMPARE(path.points.size(), std::size_t(13));
    QCOMPARE(path.diverged_at, -1);
    double x = 2.0;
    for (int k = 0; k <= 12; ++k) {
      QVERIFY2(std::abs(path.points[k][0] - x) <= 1e-14, qPrintable(QString("step %1: %2 vs %3").arg(k).arg(path.points[k][0]).arg(x)));
      QCOMPARE(path.points[k][2], f.value(path.points[k][0], path.points[k][1]));  // (x, y, f)
      x *= 1 - 2 * lr * std::pow(gamma, k);
    }
    // No steps: the start alone. Out-of-range step counts are refused with the count.
    QCOMPARE(landscape::run_optimizer(f, {2.0, 1.0}, json{{"name", "SGD"}, {"lr", lr}}, 0).points,
             (std::vector<std::array<double, 3>>{{2.0, 1.0, 5.0}}));
    QCOMPARE(error_of([&] { landscape::run_optimizer(f, {0, 0}, json{{"name", "SGD"}, {"lr", lr}}, -1); }),
             std::string("steps: expected 0 to 100000, got -1"));
  }

  void adamRecordsTheStepsItTook_data() {
    QTest::addColumn<QString>("scheduler");
    QTest::newRow("no scheduler") << QString("null");
    QTest::newRow("StepLR") << QString(R"({"name": "StepLR", "step_size": 10, "gamma": 0.5})");
    QTest::newRow("CosineAnnealingLR") << QString(R"({"name": "CosineAnnealingLR", "T_max": 40})");
  }
  void adamRecordsTheStepsItTook() {
    // The lab draws Adam's per-coordinate step lr·m̂/(√v̂ + eps) along the path: it must be the
    // step of this very run (θₖ − θₖ₊₁), scheduler included, and the lr the scheduler set.
    QFETCH(QString, scheduler);
    const json sched = json::parse(scheduler.toStdString());
    const landscape::Function f = landscape::parse_function(json{{"name", "rosenbrock"}});
    const landscape::Path path = landscape::run_optimizer(f, {-1.5, 2.0}, json{{"name", "Adam"}, {"lr", 0.05}}, 40, sched);
    QCOMPARE(path.points.size(), std::size_t(41));
    QCOMPARE(path.adam_steps.size(), std::size_t(40));
    QCOMPARE(path.lr.size(), std::size_t(40));
    QVERIFY(path.momentum_buffers.empty());
    for (std::size_t k = 0; k < path.adam_steps.size(); ++k)
      for (int c = 0; c < 2; ++c) {
        const double moved = path.points[k][c] - path.points[k + 1][c];
        QVERIFY2(std::abs(path.adam_steps[k][c] - moved) <= 1e-12,
                 qPrintable(QString("step %1, coordinate %2: recorded %3, moved %4 (off by %5)").arg(k).arg(c).arg(path.adam_steps[k][c]).arg(moved).arg(path.adam_steps[k][c] - moved)));
      }
    if (sched.is_null()) {
      for (double lr : path.lr) QCOMPARE(lr, 0.05);
    } else {
      QVERIFY(path.lr.back() < 0.05 / 2);  // the schedule lowered it ...
      const landscape::Path plain = landscape::run_optimizer(f, {-1.5, 2.0}, json{{"name", "Adam"}, {"lr", 0.05}}, 40);
      QVERIFY(std::abs(plain.adam_steps.back()[0] - path.adam_steps.back()[0]) > 1e-6);  // ... and so the steps
    }
    if (sched.is_object() && sched["name"] == "StepLR")
      for (std::size_t k = 0; k < path.lr.size(); ++k) QCOMPARE(path.lr[k], 0.05 * std::pow(0.5, static_cast<double>(k / 10)));
  }

  void momentumRecordsItsBuffer_data() {
    QTest::addColumn<QString>("scheduler");
    QTest::newRow("no scheduler") << QString("null");
    QTest::newRow("ExponentialLR") << QString(R"({"name": "ExponentialLR", "gamma": 0.9})");
  }
  void momentumRecordsItsBuffer() {
    // b ← μ·b + g (b₀ = g₀, PyTorch's first step) with g = ∇f at the point the step started from,
    // and plain momentum moves by lr·b.
    QFETCH(QString, scheduler);
    const double mu = 0.9;
    const landscape::Function f = landscape::parse_function(json{{"name", "quadratic"}, {"a", 1}, {"b", 10}});
    const landscape::Path path =
        landscape::run_optimizer(f, {-1.7, 1.2}, json{{"name", "SGD"}, {"lr", 0.01}, {"momentum", mu}}, 30, json::parse(scheduler.toStdString()));
    QCOMPARE(path.momentum_buffers.size(), std::size_t(30));
    QVERIFY(path.adam_steps.empty());
    Point b{0, 0};
    for (std::size_t k = 0; k < path.momentum_buffers.size(); ++k) {
      const Point g = autograd_gradient(f, path.points[k][0], path.points[k][1]);
      for (int c = 0; c < 2; ++c) {
        b[c] = k == 0 ? g[c] : mu * b[c] + g[c];
        QVERIFY2(std::abs(path.momentum_buffers[k][c] - b[c]) <= 1e-12 * std::max(1.0, std::abs(b[c])),
                 qPrintable(QString("step %1, coordinate %2: recorded %3, expected %4").arg(k).arg(c).arg(path.momentum_buffers[k][c]).arg(b[c])));
        const double moved = path.points[k][c] - path.points[k + 1][c];
        QVERIFY2(std::abs(path.lr[k] * path.momentum_buffers[k][c] - moved) <= 1e-12,
                 qPrintable(QString("step %1, coordinate %2: lr·b = %3, moved %4").arg(k).arg(c).arg(path.lr[k] * path.momentum_buffers[k][c]).arg(moved)));
      }
    }
    // Without momentum there is no buffer to record.
    QVERIFY(landscape::run_optimizer(f, {-1.7, 1.2}, json{{"name", "SGD"}, {"lr", 0.01}}, 5).momentum_buffers.empty());
  }

  void minValueIsTheValueAtTheMinima() {
    for (const char* name : {"quadratic", "rosenbrock", "beale", "himmelblau"}) {
      const std::optional<double> m = landscape::parse_function(json{{"name", name}}).min_value();
      QVERIFY2(m.has_value(), name);
      QVERIFY2(std::abs(*m) <= 1e-9, qPrintable(QString("%1: %2").arg(name).arg(*m)));  // sums of squares reaching 0
    }
    QCOMPARE(landscape::parse_function(json{{"name", "rosenbrock"}, {"a", 2}, {"b", 5}}).min_value(), std::optional<double>(0.0));
    QVERIFY(!landscape::parse_function(json{{"name", "saddle"}}).min_value().has_value());  // unbounded below
  }

  void stepsToReachIsTheFirstStepWithinEps() {
    landscape::Path path;
    path.points = {{2, 0, 0}, {1, 0, 0}, {0.5, 0, 0}, {0.05, 0, 0}, {0.005, 0, 0}, {-0.001, 0, 0}};
    QCOMPARE(path.steps_to_reach({{0, 0}}, 0.1), 3);
    QCOMPARE(path.steps_to_reach({{0, 0}}, 0.01), 4);
    QCOMPARE(path.steps_to_reach({{0, 0}}, 0.05), 4);  // strictly within
    QCOMPARE(path.steps_to_reach({{0, 0}}, 1e-4), -1);
    QCOMPARE(path.steps_to_reach({{5, 5}, {1, 0.01}}, 0.1), 1);  // any of several minima
    QCOMPARE(path.steps_to_reach({}, 1.0), -1);
    QCOMPARE(landscape::Path{}.steps_to_reach({{0, 0}}, 1.0), -1);
  }

  void quadraticGradientDescentFollowsTheClosedForm_data() {
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("lr");
    QTest::newRow("crawls") << 1.0 << 10.0 << 0.001;
    QTest::newRow("converges") << 1.0 << 10.0 << 0.05;
    QTest::newRow("zig-zags along y") << 1.0 << 10.0 << 0.09;
    QTest::newRow("diverges along y") << 1.0 << 10.0 << 0.11;
    QTest::newRow("steeper along x") << 4.0 << 0.5 << 0.2;
  }
  void quadraticGradientDescentFollowsTheClosedForm() {
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, lr);
    const landscape::Quadratic q{.a = a, .b = b};
    const Point x0{1.6, 0.8};
    const landscape::Path path = landscape::run_optimizer(q.function(), x0, json{{"name", "SGD"}, {"lr", lr}}, 60);
    QCOMPARE(path.points.size(), std::size_t(61));
    for (int k = 0; k <= 60; ++k) {
      const Point closed = q.gd_iterate(k, lr, x0);
      for (int c = 0; c < 2; ++c)
        QVERIFY2(std::abs(path.points[k][c] - closed[c]) <= 1e-12 * std::max(1.0, std::abs(closed[c])),
                 qPrintable(QString("step %1, coordinate %2: SGD %3, closed form %4").arg(k).arg(c).arg(path.points[k][c], 0, 'g', 17).arg(closed[c], 0, 'g', 17)));
    }
    QCOMPARE(q.gd_iterate(0, lr, x0), x0);
    // Below the bound the iterates shrink, above it they grow.
    const Point last = q.gd_iterate(60, lr, x0);
    QCOMPARE(std::hypot(last[0], last[1]) < std::hypot(x0[0], x0[1]), lr < q.max_stable_lr());
  }

  void quadraticMaxStableLrIsOneOverTheSteeperCurvature() {
    QCOMPARE((landscape::Quadratic{.a = 1, .b = 10}.max_stable_lr()), 0.1);
    QCOMPARE((landscape::Quadratic{.a = 4, .b = 0.5}.max_stable_lr()), 0.25);
    QCOMPARE((landscape::Quadratic{.a = 1, .b = 1}.max_stable_lr()), 1.0);
    // At the bound the steeper coordinate flips sign forever: |1 − 2·b·lr| = 1.
    const landscape::Quadratic q{.a = 1, .b = 10};
    const Point at = q.gd_iterate(51, q.max_stable_lr(), {0, 1});
    QVERIFY(std::abs(at[1] + 1) <= 1e-12);
    QCOMPARE(q.function().value(2, 1), 14.0);  // a·x² + b·y²
  }

  void rosenbrockViewAndCodeFollowItsParameters() {
    const landscape::Function f = landscape::parse_function(json{{"name", "rosenbrock"}, {"a", 2}, {"b", 5}});
    const Range r = f.default_range();
    QCOMPARE(r, (Range{-3, 3, -1, 5}));
    const Point m = f.minima()[0];
    QVERIFY2(r[0] < m[0] && m[0] < r[1] && r[2] < m[1] && m[1] < r[3], qPrintable(str(m)));
    QCOMPARE(f.python_body(), (std::vector<std::string>{"return (2 - p[0]) ** 2 + 5 * (p[1] - p[0] ** 2) ** 2"}));
    QCOMPARE(landscape::parse_function(json{{"name", "rosenbrock"}}).python_body(),
             (std::vector<std::string>{"return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2"}));
    QCOMPARE(landscape::parse_function(json{{"name", "quadratic"}, {"a", 0.5}, {"b", 12.25}}).python_body(),
             (std::vector<std::string>{"return 0.5 * p[0] ** 2 + 12.25 * p[1] ** 2"}));
    QCOMPARE(landscape::parse_function(json{{"name", "himmelblau"}}).python_body().size(), std::size_t(2));
  }

  void defaultStartsAreInsideTheViewAndAwayFromTheMinima() {
    for (const char* name : {"quadratic", "rosenbrock", "beale", "himmelblau", "saddle"}) {
      const landscape::Function f = landscape::parse_function(json{{"name", name}});
      const Point s = f.default_start();
      const Range r = f.default_range();
      QVERIFY2(r[0] < s[0] && s[0] < r[1] && r[2] < s[1] && s[1] < r[3], qPrintable(QString(name) + " " + str(s)));
      for (const Point& m : f.minima()) QVERIFY2(distance(s, m) > 1, qPrintable(QString(name) + " " + str(s) + " near " + str(m)));
    }
    QCOMPARE(landscape::parse_function(json{{"name", "rosenbrock"}}).default_start(), (Point{-1.5, 2.0}));
  }

  void regressionCostIsTheMeanSquaredError() {
    const landscape::RegressionProblem line{{0, 1, 2}, {1, 3, 5}};  // y = 2x + 1 exactly
    QCOMPARE(line.cost(2, 1), 0.0);
    QCOMPARE(line.cost(0, 0), (1.0 + 9 + 25) / 3);
    QCOMPARE(line.cost(0, 0, {2}), 25.0);       // a batch of one sample
    QCOMPARE(line.cost(0, 0, {0, 2}), 13.0);    // mean over the batch
    QCOMPARE(line.cost(1, 1, {1, 1}), 1.0);     // a sample drawn twice counts twice
    QCOMPARE(landscape::RegressionProblem{}.cost(1, 1), 0.0);
  }

  void batchGradientDescentOnTheLineFitFollowsTheGradient() {
    // Batch GD by hand: e_i = w·x_i + b − y_i, ∂MSE/∂w = 2/n·Σ e_i·x_i, ∂MSE/∂b = 2/n·Σ e_i.
    const landscape::RegressionProblem problem{{-1, 0, 1, 2}, {1, 2, 2.5, 5}};
    const double lr = 0.1;
    const landscape::Path path = landscape::run_regression(problem, {0, 0}, lr, 4, 20, 7);
    QCOMPARE(path.points.size(), std::size_t(21));
    double w = 0, b = 0;
    for (int k = 0; k <= 20; ++k) {
      QVERIFY2(std::abs(path.points[k][0] - w) <= 1e-12 && std::abs(path.points[k][1] - b) <= 1e-12,
               qPrintable(QString("step %1: (%2, %3) vs (%4, %5)").arg(k).arg(path.points[k][0]).arg(path.points[k][1]).arg(w).arg(b)));
      QVERIFY(std::abs(path.points[k][2] - problem.cost(w, b)) <= 1e-12);
      if (k > 0) QVERIFY2(path.points[k][2] < path.points[k - 1][2], qPrintable(QString("cost rose at step %1").arg(k)));
      double gw = 0, gb = 0;
      for (std::size_t i = 0; i < problem.x.size(); ++i) {
        const double e = w * problem.x[i] + b - problem.y[i];
        gw += 2 * e * problem.x[i] / 4;
        gb += 2 * e / 4;
      }
      w -= lr * gw;
      b -= lr * gb;
    }
    // A batch larger than the data is the whole data; the seed only reorders the sum.
    QCOMPARE(landscape::run_regression(problem, {0, 0}, lr, 100, 20, 7).points, path.points);
    const landscape::Path reseeded = landscape::run_regression(problem, {0, 0}, lr, 4, 20, 99);
    for (int k = 0; k <= 20; ++k)
      for (int c = 0; c < 3; ++c) QVERIFY(std::abs(reseeded.points[k][c] - path.points[k][c]) <= 1e-12);
  }

  void sgdDrawsEverySampleOncePerEpoch() {
    // With one sample per step, Δw/Δb = x_i reveals which sample a step used: each block of n
    // steps must use every sample once (a shuffle), and the seed fixes the order.
    const landscape::RegressionProblem problem{{-2, -1, 0, 1, 2}, {3, -1, 4, 1, 5}};
    auto order = [&](std::uint64_t seed) {
      const landscape::Path path = landscape::run_regression(problem, {0.5, -0.5}, 0.01, 1, 15, seed);
      std::vector<int> used;
      for (std::size_t k = 1; k < path.points.size(); ++k) {
        const double dw = path.points[k][0] - path.points[k - 1][0], db = path.points[k][1] - path.points[k - 1][1];
        const double x = db == 0 ? NAN : dw / db;
        const auto it = std::find_if(problem.x.begin(), problem.x.end(), [&](double xi) { return std::abs(xi - x) < 1e-6; });
        used.push_back(it == problem.x.end() ? -1 : static_cast<int>(it - problem.x.begin()));
      }
      return used;
    };
    const std::vector<int> a = order(11);
    QCOMPARE(a.size(), std::size_t(15));
    for (int epoch = 0; epoch < 3; ++epoch) {
      std::vector<int> block(a.begin() + 5 * epoch, a.begin() + 5 * epoch + 5);
      std::sort(block.begin(), block.end());
      QCOMPARE(block, (std::vector<int>{0, 1, 2, 3, 4}));
    }
    QCOMPARE(order(11), a);
    QVERIFY(order(12) != a);
  }

  void regressionRefusesBadArguments() {
    QCOMPARE(error_of([] { landscape::run_regression({}, {0, 0}, 0.1, 1, 5, 1); }), std::string("regression: no data"));
    const landscape::RegressionProblem p{{0, 1}, {0, 1}};
    QCOMPARE(error_of([&] { landscape::run_regression(p, {0, 0}, 0.1, 0, 5, 1); }), std::string("batch_size must be at least 1, got 0"));
    QCOMPARE(error_of([&] { landscape::run_regression(p, {0, 0}, 0.1, 1, 100001, 1); }),
             std::string("steps: expected 0 to 100000, got 100001"));
  }

  void regressionDivergenceStopsAtTheFirstNonFiniteStep() {
    const landscape::RegressionProblem p{{-1, 0, 1, 2}, {1, 2, 2.5, 5}};
    const landscape::Path path = landscape::run_regression(p, {0, 0}, 50.0, 4, 1000, 1);
    QVERIFY(path.diverged_at > 0);
    QCOMPARE(static_cast<int>(path.points.size()), path.diverged_at + 1);
    const auto& last = path.points.back();
    QVERIFY(!std::isfinite(last[0]) || !std::isfinite(last[1]) || !std::isfinite(last[2]));
    for (int k = 0; k < path.diverged_at; ++k) QVERIFY(std::isfinite(path.points[k][2]));
  }

  // ------------------------------------------------------------------ marching squares
  void circleIsOneClosedLineOnTheCircle_data() {
    QTest::addColumn<double>("r");
    QTest::addColumn<double>("cx");
    QTest::addColumn<double>("cy");
    QTest::addColumn<int>("n");
    // No sample lies exactly on these circles (that case: levelOnGridValuesPassesThroughThoseSamples).
    QTest::newRow("unit circle, 100² grid") << 1.0 << 0.0 << 0.0 << 100;
    QTest::newRow("r = 0.53 off centre, 41² grid") << 0.53 << 0.3 << -0.2 << 41;
    QTest::newRow("r = 1.7, coarse 21² grid") << 1.7 << 0.0 << 0.0 << 21;
  }
  void circleIsOneClosedLineOnTheCircle() {
    QFETCH(double, r);
    QFETCH(double, cx);
    QFETCH(double, cy);
    QFETCH(int, n);
    const Range range{-2, 2, -2, 2};
    const double h = 4.0 / (n - 1);
    const auto grid = sample([&](double x, double y) { return (x - cx) * (x - cx) + (y - cy) * (y - cy); }, range, n, n);
    const std::vector<Polyline> lines = landscape::iso_lines(grid, n, n, range, r * r);
    QCOMPARE(lines.size(), std::size_t(1));
    const Polyline& line = lines.front();
    QVERIFY2(closed(line), qPrintable(str(line.front()) + " … " + str(line.back())));
    // NOTE: interpolating a convex f linearly along a cell edge overestimates it by at most
    // h²/4, so each crossing lies inside the circle by at most h²/(8r).
    const double inward = h * h / (8 * r);
    std::vector<double> angles;
    for (const Point& p : line) {
      const double d = std::hypot(p[0] - cx, p[1] - cy);
      QVERIFY2(d <= r + 1e-12 && d >= r - inward - 1e-12,
               qPrintable(QString("%1 is %2 from the centre, r = %3 (allowed inward %4)").arg(str(p)).arg(d, 0, 'g', 12).arg(r).arg(inward)));
      angles.push_back(std::atan2(p[1] - cy, p[0] - cx));
    }
    // All the way round: no angular gap wider than one cell's diagonal seen from the centre.
    std::sort(angles.begin(), angles.end());
    double widest = angles.front() + 2 * std::numbers::pi - angles.back();
    for (std::size_t k = 1; k < angles.size(); ++k) widest = std::max(widest, angles[k] - angles[k - 1]);
    const double allowed = 2 * std::asin(std::min(1.0, h * std::sqrt(2.0) / (2 * (r - inward))));
    QVERIFY2(widest <= allowed + 1e-12, qPrintable(QString("gap of %1 rad, allowed %2").arg(widest).arg(allowed)));
    // An inscribed polygon: a little shorter than 2πr (chords ≤ h·√2, vertices ≤ h²/(8r) inside).
    const double L = length(line), circumference = 2 * std::numbers::pi * r;
    QVERIFY2(L <= circumference * (1 + 1e-12) && L >= circumference * (1 - 0.25 * (h / r) * (h / r)),
             qPrintable(QString("length %1 vs 2πr = %2").arg(L, 0, 'g', 10).arg(circumference, 0, 'g', 10)));
  }

  void twoCirclesAreTwoClosedLines() {
    // f = distance² to the nearer of (±1, 0): the level 0.52² is two circles of radius 0.52.
    const Range range{-2, 2, -1.5, 1.5};
    const int nx = 81, ny = 61;
    const auto grid = sample([](double x, double y) { return std::min((x - 1) * (x - 1), (x + 1) * (x + 1)) + y * y; }, range, nx, ny);
    const std::vector<Polyline> lines = landscape::iso_lines(grid, nx, ny, range, 0.52 * 0.52);
    QCOMPARE(lines.size(), std::size_t(2));
    std::vector<double> centres;
    for (const Polyline& line : lines) {
      QVERIFY(closed(line));
      const double c = line.front()[0] > 0 ? 1.0 : -1.0;
      centres.push_back(c);
      for (const Point& p : line) QVERIFY2(std::abs(std::hypot(p[0] - c, p[1]) - 0.52) <= 0.05 * 0.05 / (8 * 0.52) + 1e-12, qPrintable(str(p)));
    }
    std::sort(centres.begin(), centres.end());
    QCOMPARE(centres, (std::vector<double>{-1.0, 1.0}));
  }

  void planeGivesTheStraightLineAcrossTheView() {
    // f = 2x + 3y is linear along every edge, so each crossing lies exactly on 2x + 3y = c.
    const Range range{-1, 1, -1, 1};
    const int n = 26;
    const double c = 0.37;
    const auto grid = sample([](double x, double y) { return 2 * x + 3 * y; }, range, n, n);
    const std::vector<Polyline> lines = landscape::iso_lines(grid, n, n, range, c);
    QCOMPARE(lines.size(), std::size_t(1));
    Polyline line = lines.front();
    QVERIFY(!closed(line));
    for (const Point& p : line) QVERIFY2(std::abs(2 * p[0] + 3 * p[1] - c) < 1e-12, qPrintable(str(p)));
    if (line.front()[0] > line.back()[0]) std::reverse(line.begin(), line.end());
    // It enters at x = −1 and leaves at x = 1 (y = (c ∓ 2)/3 are both inside the view), and never
    // turns back: x grows strictly along it.
    QVERIFY2(distance(line.front(), {-1, (c + 2) / 3}) < 1e-12, qPrintable(str(line.front())));
    QVERIFY2(distance(line.back(), {1, (c - 2) / 3}) < 1e-12, qPrintable(str(line.back())));
    for (std::size_t k = 1; k < line.size(); ++k) QVERIFY2(line[k][0] > line[k - 1][0], qPrintable(QString("vertex %1").arg(k)));
    QVERIFY(std::abs(length(line) - distance(line.front(), line.back())) < 1e-12);
  }

  void saddleGivesTwoBranchesThatTurnAtTheCrossing() {
    // The landscape's saddle x² − y² at level 0 is the pair of diagonals y = ±x. The grid is
    // shifted so no sample sits on them; the cell holding the crossing has its lower corners
    // above the level (|x| > |y| there), so the left and right wedges join under it and the
    // two polylines are the top "V" and the bottom "Λ".
    const landscape::Function f = landscape::parse_function(json{{"name", "saddle"}});
    const Range range{-1, 1, -1.1, 0.9};
    const int n = 20;
    const double h = 2.0 / (n - 1);
    const std::vector<Polyline> lines = landscape::iso_lines(landscape::grid_values(f, range, n, n), n, n, range, 0);
    QCOMPARE(lines.size(), std::size_t(2));
    std::vector<Point> ends;
    for (const Polyline& line : lines) {
      QVERIFY(!closed(line));
      // Linear interpolation of x² − y² along an edge misses the level by at most h²/4.
      for (const Point& p : line) QVERIFY2(std::abs(f.value(p[0], p[1])) <= h * h / 4 + 1e-12, qPrintable(str(p)));
      QVERIFY2((line.front()[1] > 0) == (line.back()[1] > 0), qPrintable(str(line.front()) + " … " + str(line.back())));
      ends.push_back(line.front());
      ends.push_back(line.back());
    }
    // The four arms reach the border where the diagonals leave the view.
    for (const Point want : {Point{-0.9, 0.9}, Point{0.9, 0.9}, Point{-1, -1}, Point{1, -1}}) {
      const bool found = std::any_of(ends.begin(), ends.end(), [&](Point e) { return distance(e, want) < h; });
      QVERIFY2(found, qPrintable("no branch ends near " + str(want)));
    }
  }

  void ambiguousCellIsResolvedByItsCentre_data() {
    QTest::addColumn<double>("y_min");
    QTest::addColumn<bool>("centreAbove");
    // f = x·y at level 0: the axes. The cell around the origin is a saddle case (corners + − + −);
    // its centre value x_c·y_c decides which wedges stay connected through it.
    QTest::newRow("centre in the first quadrant: f(centre) > 0") << -1.03 << true;
    QTest::newRow("centre in the fourth quadrant: f(centre) < 0") << -0.97 << false;
  }
  void ambiguousCellIsResolvedByItsCentre() {
    QFETCH(double, y_min);
    QFETCH(bool, centreAbove);
    const Range range{-1.03, 0.97, y_min, y_min + 2};  // x_c = 0.02; y_c = ±0.02
    const int n = 21;
    const auto grid = sample([](double x, double y) { return x * y; }, range, n, n);
    const std::vector<Polyline> lines = landscape::iso_lines(grid, n, n, range, 0);
    QCOMPARE(lines.size(), std::size_t(2));
    for (const Polyline& line : lines) {
      // x·y is linear along each edge: every crossing lies exactly on an axis.
      for (const Point& p : line) QVERIFY2(std::abs(p[0]) < 1e-12 || std::abs(p[1]) < 1e-12, qPrintable(str(p)));
      // Each branch is an L: one end on the x-axis at the left or right border, one on the y-axis.
      Point on_x = line.front(), on_y = line.back();
      if (std::abs(on_x[1]) > 1e-12) std::swap(on_x, on_y);
      QVERIFY2(std::abs(on_x[1]) < 1e-12 && std::abs(on_y[0]) < 1e-12, qPrintable(str(on_x) + " … " + str(on_y)));
      // Centre above the level: the + corners (quadrants I and III) join, so the − wedges are cut
      // off: left arm with upper arm (around quadrant II) and right arm with lower arm (IV).
      // Centre below: the − corners join, so left pairs with lower (III) and right with upper (I).
      const bool left = on_x[0] < 0, up = on_y[1] > 0;
      QVERIFY2(centreAbove ? left == up : left != up, qPrintable(str(on_x) + " … " + str(on_y)));
    }
  }

  void levelsOutsideTheRangeGiveNothing_data() {
    QTest::addColumn<double>("level");
    QTest::newRow("below the minimum") << -0.5;
    QTest::newRow("above the maximum") << 8.5;
    QTest::newRow("exactly the maximum: nothing lies above it") << 8.0;
    QTest::newRow("NaN") << double(NAN);
  }
  void levelsOutsideTheRangeGiveNothing() {
    QFETCH(double, level);
    const Range range{-2, 2, -2, 2};
    const auto grid = sample([](double x, double y) { return x * x + y * y; }, range, 41, 41);  // values 0 … 8
    QVERIFY(landscape::iso_lines(grid, 41, 41, range, level).empty());
  }

  void nanSamplesCutTheLine() {
    // Cells with a non-finite corner are skipped: a hole in the data is a gap in the circle.
    const Range range{-2, 2, -2, 2};
    const int n = 41;  // h = 0.1; (1, 0) is sample (30, 20)
    for (double bad : {double(NAN), double(INFINITY)}) {
      auto grid = sample([](double x, double y) { return x * x + y * y; }, range, n, n);
      grid[20 * n + 30] = bad;
      const std::vector<Polyline> lines = landscape::iso_lines(grid, n, n, range, 1.0);
      QCOMPARE(lines.size(), std::size_t(1));
      const Polyline& line = lines.front();
      QVERIFY(!closed(line));
      for (const Point& p : line) {
        QVERIFY2(std::abs(std::hypot(p[0], p[1]) - 1) <= 0.1 * 0.1 / 8 + 1e-12, qPrintable(str(p)));
        QVERIFY2(!(std::abs(p[0] - 1) < 0.1 - 1e-9 && std::abs(p[1]) < 0.1 - 1e-9), qPrintable(str(p) + " is in a skipped cell"));
      }
      // The two ends sit where the circle meets the skipped cells' border, y = ±0.1.
      QVERIFY2(std::abs(std::abs(line.front()[1]) - 0.1) < 1e-12 && std::abs(std::abs(line.back()[1]) - 0.1) < 1e-12,
               qPrintable(str(line.front()) + " … " + str(line.back())));
      QVERIFY(line.front()[1] * line.back()[1] < 0);
    }
    std::vector<double> all_nan(25, NAN);
    QVERIFY(landscape::iso_lines(all_nan, 5, 5, range, 0).empty());
  }

  void levelOnGridValuesPassesThroughThoseSamples() {
    // A sample equal to the level counts as below it (the test is v > level), so the crossing on
    // each edge from it to a higher neighbour is the sample itself. x² + y² = 1 on a 5 × 5 grid
    // of step 1 touches the level only at (±1, 0) and (0, ±1): the line is the diamond through
    // exactly those four samples.
    const Range range{-2, 2, -2, 2};
    const auto grid = sample([](double x, double y) { return x * x + y * y; }, range, 5, 5);
    const std::vector<Polyline> lines = landscape::iso_lines(grid, 5, 5, range, 1.0);
    const std::vector<Point> on_level{{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    std::vector<bool> seen(on_level.size(), false);
    std::vector<Polyline> drawn;  // the lines of non-zero length
    for (const Polyline& line : lines) {
      for (const Point& p : line) {
        const auto it = std::find_if(on_level.begin(), on_level.end(), [&](Point q) { return distance(p, q) < 1e-12; });
        QVERIFY2(it != on_level.end(), qPrintable(str(p) + " is not a sample on the level"));
        seen[it - on_level.begin()] = true;
      }
      if (length(line) > 0) drawn.push_back(line);
    }
    QCOMPARE(seen, std::vector<bool>(4, true));
    QCOMPARE(drawn.size(), std::size_t(1));
    QVERIFY(closed(drawn.front()));
    QVERIFY(std::abs(length(drawn.front()) - 4 * std::sqrt(2.0)) < 1e-12);
    // The cells that only touch the level at one corner add nothing: one closed diamond.
    QCOMPARE(lines.size(), std::size_t(1));
    // The level of the minimum itself touches only the minimum's sample.
    for (const Polyline& line : landscape::iso_lines(grid, 5, 5, range, 0.0))
      for (const Point& p : line) QVERIFY2(distance(p, {0, 0}) < 1e-12, qPrintable(str(p)));
  }

  void tinyAndFlatGrids() {
    // One cell (2 × 2 samples): f = x + 2y on the unit square at 1.5 crosses the left edge at
    // y = 0.75 and the right edge at y = 0.25.
    const std::vector<Polyline> one = landscape::iso_lines({0, 1, 2, 3}, 2, 2, {0, 1, 0, 1}, 1.5);
    QCOMPARE(one.size(), std::size_t(1));
    Polyline segment = one.front();
    if (segment.front()[0] > segment.back()[0]) std::reverse(segment.begin(), segment.end());
    QCOMPARE(segment, (Polyline{{0, 0.75}, {1, 0.25}}));
    // No cell at all: a single row or column, or a single sample.
    QVERIFY(landscape::iso_lines({0, 1, 2}, 3, 1, {0, 1, 0, 1}, 0.5).empty());
    QVERIFY(landscape::iso_lines({0, 1, 2}, 1, 3, {0, 1, 0, 1}, 0.5).empty());
    QVERIFY(landscape::iso_lines({0}, 1, 1, {0, 1, 0, 1}, 0.5).empty());
    // A plateau at the level crosses nothing.
    QVERIFY(landscape::iso_lines(std::vector<double>(16, 2.0), 4, 4, {0, 1, 0, 1}, 2.0).empty());
  }

  void contourLevelsAreGeometricAboveTheMinimum() {
    // lo + 0.999·first·(span/first)^(k/(count−1)) with first = span/1000: from just above the
    // bottom to just below the rim, each gap q = 1000^(1/(count−1)) times the one before.
    std::vector<double> grid{5, 7, NAN, 105, 55};  // NaN ignored: lo = 5, span = 100
    const std::vector<double> levels = landscape::contour_levels(grid, 4);
    QCOMPARE(levels.size(), std::size_t(4));
    const double expected[4] = {5 + 0.999 * 0.1, 5 + 0.999 * 1, 5 + 0.999 * 10, 5 + 0.999 * 100};
    for (int k = 0; k < 4; ++k)
      QVERIFY2(std::abs(levels[k] - expected[k]) < 1e-12, qPrintable(QString("level %1: %2 vs %3").arg(k).arg(levels[k], 0, 'g', 15).arg(expected[k], 0, 'g', 15)));
    for (double level : levels) QVERIFY(level > 5 && level < 105);
    QCOMPARE(landscape::contour_levels(grid, 1), (std::vector<double>{5 + 0.999 * 0.1}));
    // Nothing to draw on a flat or empty grid, or for no levels.
    QVERIFY(landscape::contour_levels({3, 3, 3}, 5).empty());
    QVERIFY(landscape::contour_levels({NAN, INFINITY}, 5).empty());
    QVERIFY(landscape::contour_levels(grid, 0).empty());
    // Every level of a bowl yields a closed line.
    const Range range{-2, 2, -2, 2};
    const auto bowl = sample([](double x, double y) { return x * x + 4 * y * y; }, range, 61, 61);
    for (double level : landscape::contour_levels(bowl, 8)) {
      if (level >= 4) break;  // from 4 on the ellipse leaves the view through its left and right sides
      const auto lines = landscape::iso_lines(bowl, 61, 61, range, level);
      QCOMPARE(lines.size(), std::size_t(1));
      QVERIFY2(closed(lines.front()), qPrintable(QString("level %1").arg(level)));
    }
  }
};

QTEST_APPLESS_MAIN(TestLandscape)
#include "tst_landscape.moc"
