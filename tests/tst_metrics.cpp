// Metrics against scikit-learn (tests/golden/metrics.json): ROC with ties, AUC, PR, AP,
// confusion matrices and per-class scores.
#include <QtTest>

#include "golden.h"
#include "test_helpers.h"
#include "metrics/metrics.h"

using namespace gs;
using nlohmann::json;

namespace {
bool close(const std::vector<double>& a, const json& b, double tol = 1e-12) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::abs(a[i] - b[i].get<double>()) > tol) return false;
  return true;
}
}  // namespace

class TestMetrics : public QObject {
  Q_OBJECT
  json golden_;

 private slots:
  void initTestCase() { golden_ = gs::testing::load_json(gs::testing::golden_path("metrics.json")); }

  void binaryMatchesScikitLearn_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < golden_["binary"].size(); ++i) QTest::newRow(std::to_string(i).c_str()) << static_cast<int>(i);
  }
  void binaryMatchesScikitLearn() {
    QFETCH(int, index);
    const json& c = golden_["binary"][index];
    const std::vector<int> y = c["labels"].get<std::vector<int>>();
    const std::vector<double> s = c["scores"].get<std::vector<double>>();
    const metrics::Curve roc = metrics::roc_curve(y, s);
    QVERIFY(close(roc.x, c["roc"]["fpr"]));
    QVERIFY(close(roc.y, c["roc"]["tpr"]));
    QVERIFY(close(roc.thresholds, c["roc"]["thresholds"]));
    QVERIFY(std::abs(metrics::roc_auc_score(y, s) - c["auc"].get<double>()) < 1e-12);
    const metrics::Curve pr = metrics::precision_recall_curve(y, s);
    QVERIFY(close(pr.y, c["pr"]["precision"]));
    QVERIFY(close(pr.x, c["pr"]["recall"]));
    QVERIFY(close(pr.thresholds, c["pr"]["thresholds"]));
    QVERIFY(std::abs(metrics::average_precision_score(y, s) - c["average_precision"].get<double>()) < 1e-12);
    const metrics::BinaryScores b = metrics::binary_scores(y, s, c["threshold"].get<double>());
    QCOMPARE(b.tn, c["confusion"][0][0].get<std::int64_t>());
    QCOMPARE(b.fp, c["confusion"][0][1].get<std::int64_t>());
    QCOMPARE(b.fn, c["confusion"][1][0].get<std::int64_t>());
    QCOMPARE(b.tp, c["confusion"][1][1].get<std::int64_t>());
    QVERIFY(std::abs(b.accuracy - c["accuracy"].get<double>()) < 1e-12);
    QVERIFY(std::abs(b.precision - c["precision"].get<double>()) < 1e-12);
    QVERIFY(std::abs(b.recall - c["recall"].get<double>()) < 1e-12);
    QVERIFY(std::abs(b.f1 - c["f1"].get<double>()) < 1e-12);
  }

  void multiclassMatchesScikitLearn() {
    for (const json& c : golden_["multiclass"]) {
      const auto m = metrics::confusion_matrix(c["y_true"].get<std::vector<std::int64_t>>(), c["y_pred"].get<std::vector<std::int64_t>>(),
                                               c["classes"].get<int>());
      QCOMPARE(json(m), c["confusion"]);
      const metrics::ClassScores s = metrics::class_scores(m);
      QVERIFY(close(s.precision, c["precision"]));
      QVERIFY(close(s.recall, c["recall"]));
      QVERIFY(close(s.f1, c["f1"]));
      QCOMPARE(json(s.support), c["support"]);
      QVERIFY(std::abs(s.macro_f1 - c["macro_f1"].get<double>()) < 1e-12);
      QVERIFY(std::abs(s.macro_precision - c["macro_precision"].get<double>()) < 1e-12);
      QVERIFY(std::abs(metrics::accuracy(m) - c["accuracy"].get<double>()) < 1e-12);
    }
  }

  void regressionMatchesScikitLearn() {
    QCOMPARE(golden_["regression"].size(), std::size_t(4));
    for (const json& c : golden_["regression"]) {
      const auto y = c["y_true"].get<std::vector<double>>(), p = c["y_pred"].get<std::vector<double>>();
      QVERIFY(std::abs(metrics::mean_squared_error(y, p) - c["mse"].get<double>()) < 1e-12);
      QVERIFY(std::abs(metrics::mean_absolute_error(y, p) - c["mae"].get<double>()) < 1e-12);
      QVERIFY2(std::abs(metrics::r2_score(y, p) - c["r2"].get<double>()) < 1e-12, c.dump().substr(0, 80).c_str());
    }
    QVERIFY(metrics::r2_score({1, 2, 3}, {1, 2, 3}) == 1.0);
    QVERIFY_CONTAINS(error_of([] { metrics::r2_score({1, 2}, {1}); }), "targets and predictions differ in length (2 and 1)");
  }

  void perfectAndRandomScores() {
    QCOMPARE(metrics::roc_auc_score({0, 0, 1, 1}, {0.1, 0.2, 0.8, 0.9}), 1.0);
    QCOMPARE(metrics::roc_auc_score({0, 1, 0, 1}, {0.5, 0.5, 0.5, 0.5}), 0.5);  // all tied: the diagonal
    QVERIFY_EXCEPTION_THROWN(metrics::roc_curve({1, 1}, {0.1, 0.2}), Error);     // no negatives
    QVERIFY_EXCEPTION_THROWN(metrics::binary_scores({0, 2}, {0.1, 0.2}, 0.5), Error);
  }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
