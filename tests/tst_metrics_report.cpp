// classification_report (core/metrics/report.h) against scikit-learn 1.2.1. The expected values
// below were printed by:
//   from sklearn.metrics import precision_recall_fscore_support as prfs, accuracy_score
//   prfs(y_true, y_pred, labels=labels, average=None | "micro" | "macro" | "weighted", zero_division=0)
// for the two cases in reportMatchesScikitLearn_data (case B: class 2 never occurs and class 3 is
// never predicted, so zero_division=0 decides their rows).
#include <QtTest>

#include "metrics/report.h"
#include "test_helpers.h"

using namespace gs;

Q_DECLARE_METATYPE(std::vector<std::int64_t>)
Q_DECLARE_METATYPE(std::vector<double>)

namespace {
/// "precision 0.6 expected 0.75 (off by 0.15)" when a value misses.
void expectNear(const char* what, double got, double want) {
  const double tolerance = 1e-12;
  QVERIFY2(std::abs(got - want) <= tolerance,
           qPrintable(QString("%1: got %2, expected %3 (off by %4)").arg(what).arg(got, 0, 'g', 17).arg(want, 0, 'g', 17).arg(std::abs(got - want))));
}
void expectRow(const char* what, const metrics::ReportRow& row, double p, double r, double f1) {
  expectNear((std::string(what) + " precision").c_str(), row.precision, p);
  expectNear((std::string(what) + " recall").c_str(), row.recall, r);
  expectNear((std::string(what) + " f1").c_str(), row.f1, f1);
}
}  // namespace

class TestMetricsReport : public QObject {
  Q_OBJECT
 private slots:
  void reportMatchesScikitLearn_data() {
    QTest::addColumn<std::vector<std::int64_t>>("y_true");
    QTest::addColumn<std::vector<std::int64_t>>("y_pred");
    QTest::addColumn<int>("classes");
    // per class: precision, recall, f1 (flattened), then support; averages: micro, macro, weighted (p, r, f1 each)
    QTest::addColumn<std::vector<double>>("per_class");
    QTest::addColumn<std::vector<std::int64_t>>("support");
    QTest::addColumn<std::vector<double>>("averages");
    QTest::addColumn<double>("accuracy");
    QTest::newRow("A: three classes") << std::vector<std::int64_t>{0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2}
                                      << std::vector<std::int64_t>{0, 1, 0, 1, 1, 2, 1, 2, 2, 0, 2, 1} << 3
                                      << std::vector<double>{0.6666666666666666, 0.6666666666666666, 0.6666666666666666,  //
                                                             0.6, 0.75, 0.6666666666666665,                             //
                                                             0.75, 0.6, 0.6666666666666665}
                                      << std::vector<std::int64_t>{3, 4, 5}
                                      << std::vector<double>{0.6666666666666666, 0.6666666666666666, 0.6666666666666666,  //
                                                             0.6722222222222222, 0.6722222222222222, 0.6666666666666665,  //
                                                             0.6791666666666667, 0.6666666666666666, 0.6666666666666665}
                                      << 0.6666666666666666;
    QTest::newRow("B: zero_division=0") << std::vector<std::int64_t>{0, 0, 1, 1, 1, 3, 3} << std::vector<std::int64_t>{0, 1, 1, 1, 2, 2, 0}
                                        << 4
                                        << std::vector<double>{0.5, 0.5, 0.5,                                              //
                                                               0.6666666666666666, 0.6666666666666666, 0.6666666666666666,  //
                                                               0, 0, 0,                                                     //
                                                               0, 0, 0}
                                        << std::vector<std::int64_t>{2, 3, 0, 2}
                                        << std::vector<double>{0.42857142857142855, 0.42857142857142855, 0.42857142857142855,  //
                                                               0.29166666666666663, 0.29166666666666663, 0.29166666666666663,  //
                                                               0.42857142857142855, 0.42857142857142855, 0.42857142857142855}
                                        << 0.42857142857142855;
  }
  void reportMatchesScikitLearn() {
    QFETCH(std::vector<std::int64_t>, y_true);
    QFETCH(std::vector<std::int64_t>, y_pred);
    QFETCH(int, classes);
    QFETCH(std::vector<double>, per_class);
    QFETCH(std::vector<std::int64_t>, support);
    QFETCH(std::vector<double>, averages);
    QFETCH(double, accuracy);
    const metrics::ClassificationReport r = metrics::classification_report(y_true, y_pred, classes);
    QCOMPARE(static_cast<int>(r.classes.size()), classes);
    for (int c = 0; c < classes; ++c) {
      const std::string name = "class " + std::to_string(c);
      expectRow(name.c_str(), r.classes[c], per_class[3 * c], per_class[3 * c + 1], per_class[3 * c + 2]);
      QCOMPARE(r.classes[c].support, support[c]);
    }
    expectRow("micro", r.micro, averages[0], averages[1], averages[2]);
    expectRow("macro", r.macro, averages[3], averages[4], averages[5]);
    expectRow("weighted", r.weighted, averages[6], averages[7], averages[8]);
    expectNear("accuracy", r.accuracy, accuracy);
    QCOMPARE(r.macro.support, static_cast<std::int64_t>(y_true.size()));
  }

  void microEqualsAccuracyForSingleLabelData() {
    const std::vector<std::int64_t> t = {0, 1, 2, 2, 1, 0, 0, 2}, p = {0, 2, 2, 1, 1, 0, 1, 2};
    const auto r = metrics::classification_report(t, p, 3);
    expectNear("micro precision", r.micro.precision, r.accuracy);
    expectNear("micro recall", r.micro.recall, r.accuracy);
    expectNear("accuracy", r.accuracy, 5.0 / 8.0);
  }

  void badInputIsRefused() {
    QVERIFY_CONTAINS(error_of([] { metrics::classification_report(metrics::Matrix{}); }), "empty");
    QVERIFY_CONTAINS(error_of([] { metrics::classification_report(metrics::Matrix{{1, 2}, {3}}); }), "not square");
    QVERIFY_CONTAINS(error_of([] { metrics::classification_report({0, 1}, {0, 5}, 2); }), "outside");
  }
};

QTEST_APPLESS_MAIN(TestMetricsReport)
#include "tst_metrics_report.moc"
