// Descent lab: the paths shown are core's optimizer runs (GD on a·x² follows (1 − 2·a·lr)^k·x₀
// exactly), divergence is marked at the right step, controls drive the model, and the time of a
// slider move is measured (QBENCHMARK, never asserted).
#include <QtTest>

#include <QSlider>
#include <qcustomplot.h>

#include "app/language.h"
#include "labs/descent/descent_lab.h"

using namespace gsui;

class TestLabDescent : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void pathsFollowTheClosedForm() {
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.setStart(1.5, 0.8);
    QCOMPARE(lab.paths().size(), std::size_t(4));
    for (int i = 0; i < DescentLab::kRates; ++i) {
      const double lr = lab.learningRate(i);
      const PathView& p = lab.paths()[i];
      for (std::size_t k = 0; k < p.points.size() && k < 30; ++k) {
        const double x = std::pow(1 - 2 * 1.0 * lr, static_cast<double>(k)) * 1.5;
        const double y = std::pow(1 - 2 * 10.0 * lr, static_cast<double>(k)) * 0.8;
        QVERIFY2(std::abs(p.points[k][0] - x) <= 1e-9 * std::max(1.0, std::abs(x)), qPrintable(QString("rate %1 step %2").arg(i).arg(k)));
        QVERIFY(std::abs(p.points[k][1] - y) <= 1e-9 * std::max(1.0, std::abs(y)));
      }
    }
  }

  void divergenceIsMarkedAtTheRightStep() {
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.setStart(1.0, 1.0);
    lab.setSteps(500);
    lab.setLearningRate(3, 1.0);  // y_k = (1 − 2·10·1)^k = (−19)^k, x_k = (−1)^k: f = 1 + 10·361^k
    const PathView& p = lab.paths()[3];
    QVERIFY(p.diverged_at > 0);
    int expected = 0;  // the first step whose value is no longer finite
    while (std::isfinite(1.0 + 10.0 * std::pow(361.0, expected))) ++expected;
    QCOMPARE(p.diverged_at, expected);
    // The plot cuts the path where it leaves the view and writes the step there.
    bool marked = false;
    for (int i = 0; i < lab.contour().plot()->itemCount(); ++i)
      if (auto* t = qobject_cast<QCPItemText*>(lab.contour().plot()->item(i)))
        marked = marked || t->text().startsWith(QString::fromUtf8("✕ diverged at step"));
    QVERIFY(marked);
  }

  void slidersAndRuleFollowTheBowl() {
    DescentLab lab;
    lab.bSlider()->setValue(100);  // b = 10
    QVERIFY(std::abs(lab.maxStableRate() - 0.1) < 1e-12);
    QVERIFY(std::abs(lab.rateSlider(0)->stableLimit() - 0.1) < 1e-12);
    QVERIFY(lab.ruleLabel()->text().contains("0.1"));
    lab.bSlider()->setValue(0);  // b = 1, a = 1: round bowl
    QVERIFY(std::abs(lab.maxStableRate() - 1.0) < 1e-12);
    QTest::keyClick(lab.aSlider(), Qt::Key_Right);
    QVERIFY(lab.maxStableRate() < 1.0);
    QVERIFY(lab.pytorchCode().contains("torch.optim.SGD([p], lr=lr)"));
  }

  void stepAndResetAnimate() {
    DescentLab lab;
    lab.reset();
    QCOMPARE(lab.currentStep(), 0);
    lab.step();
    lab.step();
    QCOMPARE(lab.currentStep(), 2);
  }

  void batchVersusSgdOnTheLineFit() {
    DescentLab lab;
    lab.setMode(DescentLab::Mode::LineFit);
    lab.setBatchComparison(true);
    QCOMPARE(lab.paths().size(), std::size_t(3));
    // Batch GD decreases the full-data cost monotonically at a small rate; SGD wanders.
    const PathView& batch = lab.paths()[0];
    const PathView& sgd = lab.paths()[1];
    bool monotone = true, wandered = false;
    for (std::size_t k = 1; k < batch.points.size(); ++k) monotone = monotone && batch.points[k][2] <= batch.points[k - 1][2] + 1e-12;
    for (std::size_t k = 1; k < sgd.points.size(); ++k) wandered = wandered || sgd.points[k][2] > sgd.points[k - 1][2];
    QVERIFY(monotone);
    QVERIFY(wandered);
    QVERIFY(lab.pytorchCode().contains("batch_size"));
  }

  void benchmarkSliderMove() {
    // A slider move recomputes 4 paths and redraws the 200×200 contour: measured, not asserted.
    DescentLab lab;
    lab.resize(1000, 700);
    int v = 50;
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    QBENCHMARK {
      lab.aSlider()->setValue(++v % 100);
      lab.contour().plot()->replot(QCustomPlot::rpImmediateRefresh);  // include the drawing
      lab.lossPlot()->replot(QCustomPlot::rpImmediateRefresh);
      lab.sidePlot()->replot(QCustomPlot::rpImmediateRefresh);
    }
  }

  void benchmarkLearningRateDrag() {
    // Dragging a learning rate: 4 paths recomputed, the surface kept.
    DescentLab lab;
    lab.resize(1000, 700);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    int v = 0;
    QBENCHMARK {
      lab.setLearningRate(1, 0.01 + 0.0005 * (++v % 50));
      lab.contour().plot()->replot(QCustomPlot::rpImmediateRefresh);
      lab.lossPlot()->replot(QCustomPlot::rpImmediateRefresh);
      lab.sidePlot()->replot(QCustomPlot::rpImmediateRefresh);
    }
  }

  void benchmarkSliderMoveWith500Steps() {
    // The reference size: a 200×200 contour and paths of 500 steps.
    DescentLab lab;
    lab.resize(1000, 700);
    lab.setSteps(500);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    int v = 50;
    QBENCHMARK {
      lab.aSlider()->setValue(++v % 100);
      lab.contour().plot()->replot(QCustomPlot::rpImmediateRefresh);
      lab.lossPlot()->replot(QCustomPlot::rpImmediateRefresh);
      lab.sidePlot()->replot(QCustomPlot::rpImmediateRefresh);
    }
  }
};

QTEST_MAIN(TestLabDescent)
#include "tst_lab_descent.moc"
