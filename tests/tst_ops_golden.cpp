// Every op's forward and backward against PyTorch (tests/golden/ops.json, written by
// generate_golden.py), in float64 and float32.
#include <QtTest>

#include <set>

#include "golden.h"
#include "op_table.h"

using namespace gs;
using gs::testing::tolerance_ratio;

class TestOpsGolden : public QObject {
  Q_OBJECT
  nlohmann::json cases_;

 private slots:
  void initTestCase() {
    cases_ = gs::testing::load_json(gs::testing::golden_path("ops.json"))["cases"];
    QVERIFY(cases_.size() > 60);
  }

  void everyOpHasAGoldenCase() {
    std::set<std::string> golden;
    for (const auto& c : cases_) golden.insert(c["op"]);
    for (const auto& [name, fn] : gs::testing::op_table()) QVERIFY2(golden.count(name), name.c_str());
    QCOMPARE(golden.size(), gs::testing::op_table().size());
  }

  void forwardAndBackward_data() { gs::testing::add_case_rows(cases_); }
  void forwardAndBackward() {
    QFETCH(int, index);
    QFETCH(int, dtype);
    const auto& c = cases_[index];
    const Dtype dt = static_cast<Dtype>(dtype);
    const auto [atol, rtol] = gs::testing::golden_tolerance(dt);
    const auto fn = gs::testing::op_table().at(c["op"]);
    std::vector<Tensor> inputs = gs::testing::case_inputs(c, dt);

    Tensor out = fn(inputs);
    QCOMPARE(out.shape(), c["output_shape"].get<Shape>());
    QVERIFY(out.dtype() == dt);
    const double fwd = tolerance_ratio(out.to_vector<double>(), c["output"].get<std::vector<double>>(), atol, rtol);
    QVERIFY2(fwd <= 1.0, ("forward off by " + std::to_string(fwd) + "× the tolerance").c_str());

    if (!c.contains("grads")) {
      QVERIFY(!out.requires_grad());
      return;
    }
    out.backward(from_vector(c["upstream"].get<std::vector<double>>(), out.shape(), {.dtype = dt}));
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (c["grads"][i].is_null()) {
        QVERIFY(!inputs[i].grad().defined());
        continue;
      }
      QVERIFY2(inputs[i].grad().defined(), ("input " + std::to_string(i) + " has no grad").c_str());
      QCOMPARE(inputs[i].grad().shape(), inputs[i].shape());
      const double r = tolerance_ratio(inputs[i].grad().to_vector<double>(), c["grads"][i].get<std::vector<double>>(), atol, rtol);
      QVERIFY2(r <= 1.0, ("grad of input " + std::to_string(i) + " off by " + std::to_string(r) + "× the tolerance").c_str());
    }
  }
};

QTEST_APPLESS_MAIN(TestOpsGolden)
#include "tst_ops_golden.moc"
