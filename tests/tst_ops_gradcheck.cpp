// Every op's analytic gradient against central finite differences in float64: the golden
// cases' inputs, random broadcasting shapes for the binary ops, and graph shapes (diamond,
// a tensor used twice, deep chains).
#include <QtTest>

#include "autograd/gradcheck.h"
#include "golden.h"
#include "op_table.h"
#include "ops/functional.h"

using namespace gs;

class TestOpsGradcheck : public QObject {
  Q_OBJECT
  nlohmann::json cases_;

 private slots:
  void initTestCase() { cases_ = gs::testing::load_json(gs::testing::golden_path("ops.json"))["cases"]; }

  void everyOp_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < cases_.size(); ++i)
      if (cases_[i].contains("grads")) QTest::newRow(cases_[i]["op"].get<std::string>().c_str()) << int(i);
  }
  void everyOp() {
    QFETCH(int, index);
    const auto& c = cases_[index];
    const auto fn = gs::testing::op_table().at(c["op"]);
    const GradcheckResult r = gradcheck(fn, gs::testing::case_inputs(c, kFloat64));
    QVERIFY2(r.ok, r.message.c_str());
    QVERIFY(r.max_abs_error < 1e-5);
  }

  void broadcastingShapes_data() {
    QTest::addColumn<QString>("op");
    QTest::addColumn<int>("seed");
    for (const char* op : {"add", "sub", "mul", "div", "pow", "where", "maximum"})
      for (int seed = 0; seed < 6; ++seed) QTest::newRow((std::string(op) + " #" + std::to_string(seed)).c_str()) << QString(op) << seed;
  }
  void broadcastingShapes() {
    QFETCH(QString, op);
    QFETCH(int, seed);
    Generator g(seed + 100);
    // A random shape of 1–3 dims, and a second shape that broadcasts against it: dims dropped
    // from the left or set to 1.
    const int nd = 1 + static_cast<int>(g.integer(0, 3));
    Shape a, b;
    for (int i = 0; i < nd; ++i) a.push_back(g.integer(1, 4));
    for (int i = static_cast<int>(g.integer(0, nd)); i < nd; ++i) b.push_back(g.uniform() < 0.4 ? 1 : a[i]);
    if (g.uniform() < 0.5) std::swap(a, b);
    const bool positive_base = op == "pow" || op == "div";
    Tensor x = positive_base ? rand(a, {.dtype = kFloat64}, &g) + 0.5 : randn(a, {.dtype = kFloat64}, &g);
    Tensor y = op == "div" ? rand(b, {.dtype = kFloat64}, &g) + 0.5 : randn(b, {.dtype = kFloat64}, &g);
    x.requires_grad_(true);
    y.requires_grad_(true);
    const std::string name = op.toStdString();
    DifferentiableFn f = [name](const std::vector<Tensor>& v) -> Tensor {
      if (name == "add") return v[0] + v[1];
      if (name == "sub") return v[0] - v[1];
      if (name == "mul") return v[0] * v[1];
      if (name == "div") return v[0] / v[1];
      if (name == "pow") return pow(v[0], v[1]);
      if (name == "where") return where(gt(v[1], zeros_like(v[1])), v[0] * v[1], v[0]);
      return maximum(v[0], v[1]);
    };
    const Tensor out = f({x, y});
    QCOMPARE(out.shape(), broadcast_shapes(a, b));
    const GradcheckResult r = gradcheck(f, {x, y});
    QVERIFY2(r.ok, (shape_str(a) + " with " + shape_str(b) + ": " + r.message).c_str());
  }

  void diamondGraphAddsGradients() {
    // x feeds two branches that meet again: dz/dx = 2x·3 + cos-free terms, checked numerically.
    Tensor x = tensor({0.3, -1.2, 2.0}, TensorOptions{.dtype = kFloat64, .requires_grad = true});
    DifferentiableFn f = [](const std::vector<Tensor>& v) {
      const Tensor a = v[0] * v[0];
      const Tensor b = sigmoid(v[0]);
      return (a * 3.0 + b) * (a - b);
    };
    const GradcheckResult r = gradcheck(f, {x});
    QVERIFY2(r.ok, r.message.c_str());
  }

  void tensorUsedTwiceInOneOp() {
    Tensor x = tensor({1.5, -2.0}, TensorOptions{.dtype = kFloat64, .requires_grad = true});
    (x * x).sum().backward();
    QCOMPARE(x.grad().to_vector<double>(), (std::vector<double>{3.0, -4.0}));
  }

  void deepChainDoesNotOverflowTheStack() {
    Tensor x = tensor({0.5}, TensorOptions{.dtype = kFloat64, .requires_grad = true});
    Tensor y = x;
    for (int i = 0; i < 20000; ++i) y = y * 1.0;
    y.sum().backward();
    QCOMPARE(x.grad().item(), 1.0);
  }

  void centralDifferenceShowsTruncationAndRounding() {
    // f(x) = exp(x) at x = 1: the error of the central difference is O(h²) for large h and
    // grows again like ε/h for tiny h: the Autograd lab's step-size slider shows both.
    Tensor x = tensor({1.0}, TensorOptions{.dtype = kFloat64});
    DifferentiableFn f = [](const std::vector<Tensor>& v) { return exp(v[0]).sum(); };
    const double exact = std::exp(1.0);
    const double err_big = std::abs(central_difference(f, {x}, 0, 0, 1e-1) - exact);
    const double err_good = std::abs(central_difference(f, {x}, 0, 0, 1e-5) - exact);
    const double err_tiny = std::abs(central_difference(f, {x}, 0, 0, 1e-13) - exact);
    QVERIFY(err_big > 1e-4);
    QVERIFY(err_good < 1e-8);
    QVERIFY(err_tiny > err_good * 10);
  }
};

QTEST_APPLESS_MAIN(TestOpsGradcheck)
#include "tst_ops_gradcheck.moc"
