// Perceptron lab: sliders set the neuron, Step applies the perceptron rule as core computes it,
// XOR never converges, and the 2-2-1 MLP solves it.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/language.h"
#include "app/palette.h"
#include "labs/perceptron/perceptron_lab.h"
#include "labs/playground/playground_views.h"
#include "plots/plot_style.h"
#include "nn/perceptron.h"
#include "ops/functional.h"

using namespace gsui;

class TestLabPerceptron : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void slidersSetTheDecisionLine() {
    PerceptronLab lab;
    lab.setGate("AND");
    QCOMPARE(lab.misclassified(), 2);  // the start line (w = 1, 1, b = −0.5) computes OR
    lab.biasSlider()->setValue(-15);    // b = −1.5: now only (1, 1) is on the positive side
    QCOMPARE(lab.bias(), -1.5);
    QCOMPARE(lab.misclassified(), 0);
    lab.setGate("OR");
    QCOMPARE(lab.w1(), 1.0);  // a new gate resets the neuron
    QCOMPARE(lab.misclassified(), 0);
  }

  void stepAppliesThePerceptronRule() {
    PerceptronLab lab;
    lab.setGate("AND");
    // The same rule by hand with core's Perceptron: the lab must match it update for update.
    gs::nn::Perceptron ref(2, 1.0);
    ref.weight.copy_(gs::tensor({1.0, 1.0}, gs::TensorOptions{.dtype = gs::kFloat64}));
    ref.bias.fill_(-0.5);
    const double xs[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    const double ys[4] = {0, 0, 0, 1};
    for (int s = 0; s < 40; ++s) {
      lab.step();
      ref.update(gs::tensor({xs[s % 4][0], xs[s % 4][1]}, gs::TensorOptions{.dtype = gs::kFloat64}), ys[s % 4]);
      QCOMPARE(lab.w1(), ref.weight.to_vector<double>()[0]);
      QCOMPARE(lab.w2(), ref.weight.to_vector<double>()[1]);
      QCOMPARE(lab.bias(), ref.bias.item());
    }
    QCOMPARE(lab.misclassified(), 0);  // AND is separable: the rule converges
    QCOMPARE(lab.w1Slider()->value(), static_cast<int>(std::lround(lab.w1() * 10)));  // sliders follow
    for (int s = 0; s < 4; ++s) lab.step();
    QVERIFY(lab.statusLabel()->text().contains("Converged"));
  }

  void xorNeverConvergesAndTheMlpSolvesIt() {
    PerceptronLab lab;
    lab.setGate("XOR");
    QVERIFY(lab.solveWithMlpButton()->isVisibleTo(lab.controls()));
    for (int s = 0; s < 40; ++s) lab.step();
    QVERIFY(lab.misclassified() > 0);
    QVERIFY(lab.statusLabel()->text().contains("not linearly separable"));
    QTest::mouseClick(lab.solveWithMlpButton(), Qt::LeftButton);
    QCOMPARE(lab.mode(), PerceptronLab::Mode::Mlp);
    QCOMPARE(lab.mlpSteps(), std::int64_t(0));  // the untrained network is shown at once
    const double start_loss = lab.mlpLoss();
    QVERIFY(start_loss > 0);
    // Each Step trains a batch of gradient steps in the worker; the view follows when it publishes.
    for (int s = 0; s < 80 && lab.misclassified() > 0; ++s) {
      const std::int64_t before = lab.mlpSteps();
      lab.step();
      QTRY_VERIFY(lab.mlpSteps() > before);
    }
    QCOMPARE(lab.misclassified(), 0);
    QVERIFY(lab.mlpLoss() < start_loss);
    QVERIFY(lab.statusLabel()->text().contains("XOR is solved"));
    QVERIFY(lab.pytorchCode().contains("BCEWithLogitsLoss"));
    QVERIFY(lab.pytorchCode().contains("optimizer.zero_grad()"));
  }

  void gateComboIsDrivenByKeyboard() {
    PerceptronLab lab;
    lab.gateBox()->setFocus();
    QTest::keyClick(lab.gateBox(), Qt::Key_Down);
    QCOMPARE(lab.gate(), QString("OR"));
    QVERIFY(lab.pytorchCode().contains("# OR"));
  }

  void classesLookAsInThePlaygroundAndTrainingPointsAreFilled() {
    // The four points are training points: filled, never hollow (hollow means a test point in
    // every lab). Class k has the Playground's colour for class k.
    PerceptronLab lab;
    QCustomPlot* plane = lab.inputPlot();
    PlaygroundViews playground;
    PlanePoints points;
    points.x = {-1, 1, -1, 1};
    points.y = {0, 0, 1, 1};
    points.groups = {0, 1, 0, 1};
    points.n_train = 2;  // two training points, then two test points
    playground.setPoints(points);
    playground.setShowTest(true);
    playground.showFrame(PlaygroundFrame{}, {"x₁", "x₂"}, false);
    QCustomPlot* other = playground.boundaryPlot();
    QCOMPARE(other->graphCount(), 4);  // train class 0, 1; test class 0, 1
    for (int cls = 0; cls < 2; ++cls) {
      const QCPScatterStyle mine = plane->graph(1 + cls)->scatterStyle();  // (graph 0: the decision line)
      QCOMPARE(plane->graph(1 + cls)->dataCount(), cls == 0 ? 3 : 1);    // AND: three points of class 0, one of class 1
      QCOMPARE(mine.brush().color(), palette::classColor(cls));
      QVERIFY(mine.brush().style() != Qt::NoBrush);
      const QCPScatterStyle train = other->graph(cls)->scatterStyle(), test = other->graph(2 + cls)->scatterStyle();
      QCOMPARE(train.brush().color(), mine.brush().color());  // the same class colour in both labs
      QCOMPARE(train.shape(), mine.shape());                  // and the same marker
      QCOMPARE(test.pen().color(), palette::classColor(cls));  // a test point: a ring in the class colour
      QCOMPARE(test.brush().color(), Appearance::instance().plotBackground());
    }
    QVERIFY(palette::classColor(0) != palette::classColor(1));
  }

  void errorPlotShowsTheStartBeforeTheFirstStep() {
    PerceptronLab lab;
    lab.setGate("AND");
    QCustomPlot* errors = lab.secondPlot();
    QCOMPARE(errors->graph(0)->dataCount(), 1);  // the count before any update: 2 of 4 wrong
    QCOMPARE(errors->graph(0)->data()->at(0)->value, 2.0);
    QVERIFY(errors->graph(0)->scatterStyle().shape() != QCPScatterStyle::ssNone);  // a dot, since a line needs two counts
    QVERIFY(plotHint(errors).contains("misclassified"));
    // Wrapped to the plot: no line of it wider than the axis rectangle.
    errors->resize(260, 240);
    errors->setViewport(errors->rect());  // (the plot is not shown: its resize event has not set it)
    errors->replot();
    for (int i = 0; i < errors->itemCount(); ++i)
      if (auto* t = qobject_cast<QCPItemText*>(errors->item(i)); t && t->visible())
        for (const QString& line : t->text().split('\n'))
          QVERIFY2(QFontMetrics(t->font()).horizontalAdvance(line) <= errors->axisRect()->width(), qPrintable(line));
    lab.step();
    QCOMPARE(errors->graph(0)->dataCount(), 2);
    QVERIFY(plotHint(errors).isEmpty());
  }

  void planeKeepsEqualScalesAndViewsStackWhenNarrow() {
    PerceptronLab lab;
    lab.resize(1000, 600);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    QCustomPlot* plane = lab.inputPlot();
    auto equal = [&] { return std::abs(pixelsPerUnitX(plane) / pixelsPerUnitY(plane) - 1) < 0.01; };
    QTRY_VERIFY2(equal(), qPrintable(QString("%1 px per unit of x₁, %2 of x₂").arg(pixelsPerUnitX(plane)).arg(pixelsPerUnitY(plane))));
    QVERIFY(lab.table()->geometry().left() >= plane->parentWidget()->geometry().right());  // wide: beside the plane
    lab.resize(620, 720);
    QTRY_VERIFY(lab.table()->geometry().top() >= plane->parentWidget()->geometry().bottom());  // narrow: under it
    QTRY_VERIFY(equal());
    QVERIFY(lab.secondPlot()->width() >= 250 && lab.table()->width() >= 250);
    QTRY_VERIFY(!lab.table()->horizontalScrollBar()->isVisible());
  }
};

QTEST_MAIN(TestLabPerceptron)
#include "tst_lab_perceptron.moc"
