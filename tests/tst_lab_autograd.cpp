// Autograd lab: the graph shown is core's graph, backward steps node by node, the mistakes give
// the engine's errors, and the finite-difference panel agrees with the analytic derivative.
#include <QtTest>

#include <QScrollBar>
#include <QSlider>

#include "app/appearance.h"
#include "app/language.h"
#include "app/layout_check.h"
#include "autograd/engine.h"
#include "labs/autograd/autograd_lab.h"
#include "labs/autograd/graph_view.h"
#include "plots/plot_style.h"
#include <qcustomplot.h>

using namespace gsui;

class TestLabAutograd : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void neuronGraphAndStepwiseBackward() {
    AutogradLab lab;
    lab.chooseExample(0);  // z = sigmoid(w*x + b)
    QCOMPARE(lab.graphView()->nodeCount(), 5);
    QCOMPARE(lab.graphView()->nodeTitles().first(), QString("SigmoidBackward0"));
    QVERIFY(lab.graphView()->nodeTitles().contains("MulBackward0"));
    QVERIFY(!lab.leaf("w").grad().defined());
    lab.step();  // SigmoidBackward0
    lab.step();  // AddBackward0
    QVERIFY(!lab.leaf("w").grad().defined());  // not there yet
    for (int i = 0; i < 3; ++i) lab.step();
    const double s = 1.0 / (1.0 + std::exp(-1.1));
    QVERIFY(std::abs(lab.leaf("w").grad().item() - s * (1 - s) * 2.0) < 1e-12);
    QVERIFY(std::abs(lab.leaf("b").grad().item() - s * (1 - s)) < 1e-12);
    QVERIFY(!lab.leaf("x").grad().defined());  // requires_grad=False: no .grad
  }

  // A narrow view draws the graph top to bottom, a wide one left to right; a view too short for
  // the graph scrolls (the text not shrunk below 70 %) and shows the node backward() runs next.
  void theGraphRunsDownInANarrowView() {
    AutogradLab lab;
    lab.chooseExample(0);
    GraphView* view = lab.graphView();
    QWidget* home = view->parentWidget();
    view->setParent(nullptr);  // a window of its own, sized by the test
    view->resize(360, 700);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    QVERIFY(view->downward());
    QVERIFY(view->transform().m11() >= 0.7 - 1e-9);
    view->resize(1400, 360);
    QVERIFY(!view->downward());
    view->resize(330, 240);  // too short for either: scrolls down, showing the next node
    lab.step();
    lab.step();
    QVERIFY(view->downward());
    QTRY_VERIFY(view->verticalScrollBar()->isVisible());
    bool next_in_view = false;
    for (QGraphicsItem* item : view->items(view->viewport()->rect()))
      if (auto* t = dynamic_cast<QGraphicsTextItem*>(item); t && t->toPlainText().contains("Backward0") &&
                                                            view->mapFromScene(t->sceneBoundingRect()).boundingRect().intersects(view->viewport()->rect()))
        next_in_view = true;
    QVERIFY(next_in_view);
    view->hide();
    view->setParent(home);
  }

  void accumulationWhenZeroGradIsForgotten() {
    AutogradLab lab;
    lab.chooseExample(1);  // y = (x**2).sum(), x = [1, 2, 3]
    lab.setZeroGradBeforeBackward(false);
    lab.setRetainGraph(true);
    lab.backwardAll();
    lab.backwardAll();
    QCOMPARE(lab.leaf("x").grad().to_vector<double>(), (std::vector<double>{4, 8, 12}));  // 2 × 2x
    lab.setZeroGradBeforeBackward(true);
    lab.backwardAll();
    QCOMPARE(lab.leaf("x").grad().to_vector<double>(), (std::vector<double>{2, 4, 6}));
    QVERIFY(lab.errorText().isEmpty());
  }

  void zeroGradHintSaysWhatReallyHappens() {
    // retain_graph off (the default): two backward() on one graph are the freed-graph error, not
    // accumulation, so the hint asks for Forward between them, and that does add up.
    AutogradLab lab;
    lab.chooseExample(1);  // y = (x**2).sum(), x = [1, 2, 3]
    lab.setZeroGradBeforeBackward(false);
    QVERIFY(!lab.zeroGradHint().contains("backward() twice:"));
    QVERIFY(lab.zeroGradHint().contains("Forward, backward(), Forward, backward()"));
    QVERIFY(lab.zeroGradHint().contains("retain_graph=True"));
    lab.backwardAll();
    lab.backwardAll();  // what the old hint said: an error, the gradients do not add up
    QVERIFY(lab.errorText().contains("Trying to backward through the graph a second time"));
    QCOMPARE(lab.leaf("x").grad().to_vector<double>(), (std::vector<double>{2, 4, 6}));
    QVERIFY(lab.forward());  // what the hint says
    lab.backwardAll();
    QVERIFY(lab.forward());
    lab.backwardAll();
    QVERIFY(lab.errorText().isEmpty());
    QCOMPARE(lab.leaf("x").grad().to_vector<double>(), (std::vector<double>{6, 12, 18}));  // 3 backward passes, 3 × 2x
    // With the graph kept, backward() twice does add up, and the hint says so.
    lab.setRetainGraph(true);
    QCOMPARE(lab.zeroGradHint(), QString("Untick it and run backward() twice: the gradients add up."));
  }

  void secondBackwardThroughAFreedGraph() {
    AutogradLab lab;
    lab.chooseExample(0);
    lab.backwardAll();
    QVERIFY(lab.errorText().isEmpty());
    lab.backwardAll();
    QVERIFY(lab.errorText().contains("Trying to backward through the graph a second time"));
    QVERIFY(lab.forward());
    QVERIFY(lab.errorText().isEmpty());
  }

  void mistakesShowTheEnginesErrors() {
    AutogradLab lab;
    lab.chooseExample(4);  // y = x * 2 on a vector
    lab.backwardAll();
    QVERIFY(lab.errorText().contains("grad can be implicitly created only for scalar outputs"));
    QVERIFY(lab.errorText().contains(".sum().backward()"));
    lab.chooseExample(5);  // nothing requires grad
    QCOMPARE(lab.graphView()->nodeCount(), 0);
    lab.backwardAll();
    QVERIFY(lab.errorText().contains("does not require grad"));
  }

  void typedProgramsAndBadInput() {
    AutogradLab lab;
    lab.setProgram("a = x*y\nb = x + y\nz = a*b");
    lab.setLeaf("x", "2", true);
    lab.setLeaf("y", "3", true);
    lab.backwardAll();
    // z = x²y + xy²: dz/dx = 2xy + y² = 21, dz/dy = x² + 2xy = 16 (gradients from both paths add).
    QCOMPARE(lab.leaf("x").grad().item(), 21.0);
    QCOMPARE(lab.leaf("y").grad().item(), 16.0);
    lab.setProgram("z = sigmod(x)");
    QVERIFY(lab.errorText().contains("unknown function 'sigmod'"));
    QVERIFY(lab.errorText().contains("Did you mean 'sigmoid'"));
    lab.setProgram("z = x * 2");
    lab.setLeaf("x", "1, two", true);
    QVERIFY(lab.errorText().contains("“two” is not a number"));
    QVERIFY(!lab.forward());
  }

  void numericalDerivativeAgreesAtAGoodStepSize() {
    AutogradLab lab;
    lab.chooseExample(0);
    lab.stepSizeSlider()->setValue(-5);
    QVERIFY(std::abs(lab.numericalDerivative() - lab.analyticDerivative()) < 1e-9);
    lab.stepSizeSlider()->setValue(-1);  // truncation error
    const double big = std::abs(lab.numericalDerivative() - lab.analyticDerivative());
    lab.stepSizeSlider()->setValue(-14);  // rounding error
    const double tiny = std::abs(lab.numericalDerivative() - lab.analyticDerivative());
    QVERIFY(big > 1e-5);
    QVERIFY(tiny > 1e-9);
    QVERIFY(lab.pytorchCode().contains("w = torch.tensor(0.5, requires_grad=True)"));
    QVERIFY(lab.pytorchCode().contains("z = torch.sigmoid(w*x + b)"));
  }

  void errorPlotKeepsAReadableHeight() {
    // Under a tall graph in a short window the error plot keeps its title, its axis and a data
    // area a class can read; in presentation mode all of it grows with the fonts.
    AutogradLab lab;
    lab.resize(900, 480);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    QCustomPlot* plot = lab.errorPlot();
    const int normal = plot->minimumHeight();
    QCOMPARE(normal, readablePlotHeight(plot));
    plot->replot();
    QVERIFY2(plot->axisRect()->height() >= kMinPlotHeight,
             qPrintable(QString("data area %1 px high in a plot of %2").arg(plot->axisRect()->height()).arg(plot->height())));
    Appearance::instance().setPresentation(true);
    lab.applyAppearance();
    const double scale = Appearance::instance().scale();
    QVERIFY2(plot->minimumHeight() >= normal * scale * 0.9, qPrintable(QString("%1 px at scale %2, %3 at 1").arg(plot->minimumHeight()).arg(scale).arg(normal)));
    lab.resize(1400, 1000);
    QTRY_VERIFY(plot->height() >= plot->minimumHeight());
    plot->replot();
    QVERIFY2(plot->axisRect()->height() >= kMinPlotHeight * scale * 0.95,
             qPrintable(QString("data area %1 px high at scale %2").arg(plot->axisRect()->height()).arg(scale)));
    Appearance::instance().setPresentation(false);
    lab.applyAppearance();
  }
};

QTEST_MAIN(TestLabAutograd)
#include "tst_lab_autograd.moc"
