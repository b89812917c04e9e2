// Optimizer lab: the paths are core's optimizers on core's landscapes, the table reports where
// they ended and when they reached the minimum, schedules are applied and previewed.
#include <QtTest>
#include <QCheckBox>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <set>
#include <QTableWidget>
#include <cmath>
#include <qcustomplot.h>

#include "app/language.h"
#include "app/palette.h"
#include "labs/optimizers/optimizers_lab.h"
#include "plots/plot_style.h"
#include "landscape/landscape.h"

using namespace gsui;

class TestLabOptimizers : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void pathsAreCoreRuns() {
    OptimizersLab lab;
    lab.setFunction("rosenbrock");
    for (const QString& r : OptimizersLab::racerNames()) lab.setRacer(r, r == "Adam", 0.05);
    QCOMPARE(lab.paths().size(), std::size_t(1));
    const gs::landscape::Function f = gs::landscape::parse_function({{"name", "rosenbrock"}});
    const gs::landscape::Path expected = gs::landscape::run_optimizer(f, {-1.5, 2.0}, {{"name", "Adam"}, {"lr", 0.05}}, 200);
    QCOMPARE(lab.paths()[0].points.size(), expected.points.size());
    for (std::size_t k = 0; k < expected.points.size(); ++k) QCOMPARE(lab.paths()[0].points[k][0], expected.points[k][0]);
  }

  void tableReportsTheRace() {
    OptimizersLab lab;
    lab.setFunction("quadratic");
    QCOMPARE(lab.table()->rowCount(), static_cast<int>(lab.paths().size()));
    QVERIFY(lab.stepsToMinimum("Momentum") > 0);
    QVERIFY(lab.stepsToMinimum("SGD") < 0);  // lr 0.01 on a·x² with a = 1 is too slow in 200 steps
    QCOMPARE(lab.table()->item(0, 0)->text(), QString("SGD"));
  }

  void everyOptimizerRunsOnEveryLandscape() {
    OptimizersLab lab;
    for (const QString& r : OptimizersLab::racerNames()) lab.setRacer(r, true);
    for (const char* f : {"quadratic", "rosenbrock", "beale", "himmelblau", "saddle"}) {
      lab.setFunction(f);
      QCOMPARE(lab.paths().size(), std::size_t(10));
      for (const PathView& p : lab.paths()) QVERIFY(p.points.size() >= 2);
    }
  }

  void velocityAndStepArrowsOnDemand() {
    OptimizersLab lab;
    auto arrows = [&] {
      int n = 0;
      for (int i = 0; i < lab.contourPlot()->itemCount(); ++i) n += qobject_cast<QCPItemLine*>(lab.contourPlot()->item(i)) != nullptr;
      return n;
    };
    QCOMPARE(arrows(), 0);
    lab.setShowArrows(true);
    QVERIFY(arrows() > 50);  // Momentum and Adam, every third step of 200
    lab.setRacer("Momentum", false);
    lab.setRacer("Adam", false);
    QCOMPARE(arrows(), 0);
  }

  void arrowsComeFromTheScheduledRun() {
    // With StepLR on Adam, the arrows are the steps of that run: each one, ×4, points from a
    // path point towards the next (Adam's step is θₖ − θₖ₊₁), not along an unscheduled run.
    OptimizersLab lab;
    lab.setFunction("rosenbrock");
    for (const QString& r : OptimizersLab::racerNames()) lab.setRacer(r, r == "Adam");
    lab.setScheduler("StepLR");
    lab.setShowArrows(true);
    QCOMPARE(lab.paths().size(), std::size_t(1));
    QCOMPARE(lab.paths()[0].name, QString("Adam + StepLR"));
    const auto& points = lab.paths()[0].points;
    int checked = 0;
    for (int i = 0; i < lab.contourPlot()->itemCount(); ++i) {
      auto* arrow = qobject_cast<QCPItemLine*>(lab.contourPlot()->item(i));
      if (!arrow) continue;
      const int s = 3 * checked++;  // every third step
      QCOMPARE(arrow->start->coords(), QPointF(points[s][0], points[s][1]));
      const QPointF expected(points[s][0] + 4 * (points[s + 1][0] - points[s][0]), points[s][1] + 4 * (points[s + 1][1] - points[s][1]));
      QVERIFY2(std::hypot(arrow->end->coords().x() - expected.x(), arrow->end->coords().y() - expected.y()) <= 1e-9,
               qPrintable(QString("arrow at step %1 misses the step by %2").arg(s).arg(std::hypot(arrow->end->coords().x() - expected.x(), arrow->end->coords().y() - expected.y()))));
    }
    QVERIFY(checked > 50);
  }

  void stepsToMinimumIsCoresStepsToReach() {
    OptimizersLab lab;
    lab.setFunction("quadratic");
    const gs::landscape::Function f = gs::landscape::parse_function({{"name", "quadratic"}, {"a", 1.0}, {"b", 10.0}});
    const gs::landscape::Path run = gs::landscape::run_optimizer(f, f.default_start(), {{"name", "SGD"}, {"lr", 0.01}, {"momentum", 0.9}}, 200);
    QCOMPARE(lab.stepsToMinimum("Momentum"), run.steps_to_reach(f.minima(), 1e-2));
    QCOMPARE(lab.stepsToMinimum("Nesterov"), -1);  // not racing
  }

  void pytorchCodeUsesTheFunctionsOwnParameters() {
    OptimizersLab lab;
    lab.setFunction("rosenbrock");
    QVERIFY(lab.pytorchCode().contains("def f(p):  # rosenbrock\n    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2\n"));
    QVERIFY(lab.pytorchCode().contains("p = torch.tensor([-1.5, 2], requires_grad=True)"));
    lab.setFunction("beale");
    QVERIFY(lab.pytorchCode().contains("    x, y = p\n    return (1.5 - x + x*y) ** 2"));
  }

  void schedulerIsAppliedAndPreviewed() {
    OptimizersLab lab;
    lab.setScheduler("StepLR");
    bool scheduled = false;
    for (const PathView& p : lab.paths()) scheduled = scheduled || p.name == "Adam + StepLR";
    QVERIFY(scheduled);
    QCPGraph* curve = lab.schedulePlot()->graph(0);
    QVERIFY(curve->data()->size() > 100);
    QVERIFY(curve->data()->at(0)->value > curve->data()->at(curve->data()->size() - 1)->value);  // it decays
    QVERIFY(lab.pytorchCode().contains("lr_scheduler.StepLR"));
  }

  void stepAdvancesOneStepEvenBeforePlay() {
    // The app's --steps N calls step() N times on a fresh lab: the race shows step N.
    OptimizersLab lab;
    for (int k = 0; k < 30; ++k) lab.step();
    QCOMPARE(lab.currentStep(), 30);
    for (int k = 0; k < lab.contourPlot()->plotLayout()->elementCount(); ++k)
      if (auto* title = qobject_cast<QCPTextElement*>(lab.contourPlot()->plotLayout()->elementAt(k)))
        QVERIFY2(title->text().endsWith("step 30"), qPrintable(title->text()));
    const PathView& p = lab.paths()[0];
    QCOMPARE(lab.table()->item(0, 2)->text(), QString::number(p.points[30][2], 'g', 3));  // the table is at step 30 too
    lab.step();
    QCOMPARE(lab.currentStep(), 31);
    lab.reset();
    lab.step();
    QCOMPARE(lab.currentStep(), 1);
  }

  void codeWritesTheRateTheOptimizerUses() {
    // The spin box keeps 4 decimals: 0.03981 becomes 0.0398, and the run, the box and the code
    // all say 0.0398 (not 0.04 in one place and 0.0398 in another).
    OptimizersLab lab;
    lab.setFunction("rosenbrock");
    for (const QString& r : OptimizersLab::racerNames()) lab.setRacer(r, r == "Adam", 0.03981);
    QCOMPARE(lab.racerLearningRate("Adam"), 0.0398);
    QCOMPARE(lab.racerLearningRateText("Adam"), QString("0.0398"));
    auto* box = lab.controls()->findChild<QDoubleSpinBox*>("lrAdam");
    QVERIFY(box);
    QCOMPARE(box->text(), QString("0.0398"));
    QVERIFY2(lab.pytorchCode().contains("torch.optim.Adam([p], lr=0.0398)"), qPrintable(lab.pytorchCode()));
    const gs::landscape::Function f = gs::landscape::parse_function({{"name", "rosenbrock"}});
    const gs::landscape::Path run = gs::landscape::run_optimizer(f, f.default_start(), {{"name", "Adam"}, {"lr", 0.0398}}, 200);
    QCOMPARE(lab.paths()[0].points.back()[0], run.points.back()[0]);
    lab.setRacer("SGD", true, 0.01);
    QCOMPARE(lab.controls()->findChild<QDoubleSpinBox*>("lrSGD")->text(), QString("0.01"));
    QVERIFY(lab.pytorchCode().contains("torch.optim.SGD([p], lr=0.01)"));
  }

  void schedulerArgumentsAreEditableAndInTheCode() {
    OptimizersLab lab;
    lab.setFunction("rosenbrock");
    for (const QString& r : OptimizersLab::racerNames()) lab.setRacer(r, r == "Adam", 0.05);
    lab.setScheduler("StepLR");
    QVERIFY(lab.schedulerParamBox("step_size") && lab.schedulerParamBox("gamma"));
    QVERIFY(lab.schedulerParamBox("step_size")->isVisibleTo(lab.controls()));
    lab.setSchedulerParam("step_size", 30);
    lab.setSchedulerParam("gamma", 0.25);
    QCOMPARE(lab.currentSchedulerSpec(), (nlohmann::json{{"name", "StepLR"}, {"step_size", 30}, {"gamma", 0.25}}));
    const gs::landscape::Function f = gs::landscape::parse_function({{"name", "rosenbrock"}});
    const gs::landscape::Path run = gs::landscape::run_optimizer(f, f.default_start(), {{"name", "Adam"}, {"lr", 0.05}}, 200,
                                                                 {{"name", "StepLR"}, {"step_size", 30}, {"gamma", 0.25}});
    QCOMPARE(lab.paths()[0].points.back()[0], run.points.back()[0]);
    const QString code = lab.pytorchCode();
    QVERIFY2(code.contains("torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.25) if name == 'Adam' else None"), qPrintable(code));
    QVERIFY2(code.contains("        optimizer.step()\n        if scheduler is not None:\n            scheduler.step()\n"), qPrintable(code));
    // The preview is the edited schedule: 0.05 for 30 steps, then 0.0125.
    QCPGraph* curve = lab.schedulePlot()->graph(0);
    QCOMPARE(curve->data()->at(29)->value, 0.05);
    QCOMPARE(curve->data()->at(30)->value, 0.0125);

    lab.setScheduler("CosineAnnealingLR");
    QVERIFY(!lab.schedulerParamBox("step_size"));
    lab.setSchedulerParam("T_max", 50);
    QVERIFY2(lab.pytorchCode().contains("CosineAnnealingLR(optimizer, T_max=50, eta_min=0)"), qPrintable(lab.pytorchCode()));
    lab.setScheduler("MultiStepLR");
    lab.setSchedulerParam("milestones[0]", 120);
    lab.setSchedulerParam("milestones[1]", 40);
    QVERIFY2(lab.pytorchCode().contains("MultiStepLR(optimizer, milestones=[40, 120], gamma=0.3)"), qPrintable(lab.pytorchCode()));
    lab.setScheduler("ReduceLROnPlateau");
    lab.setSchedulerParam("patience", 3);
    QVERIFY2(lab.pytorchCode().contains("ReduceLROnPlateau(optimizer, factor=0.5, patience=3)"), qPrintable(lab.pytorchCode()));
    QVERIFY(lab.pytorchCode().contains("scheduler.step(f(p).item())"));
    for (const char* s : {"ExponentialLR", "LinearLR"}) {
      lab.setScheduler(s);
      QVERIFY(lab.pytorchCode().contains("            scheduler.step()\n"));
    }
    QVERIFY(lab.schedulerParamBox("start_factor") && lab.schedulerParamBox("total_iters"));
  }

  void tenOptimizersHaveTenDistinctPens() {
    // Ten colours, and a line style besides: no two racers look alike, and the loss curve of a
    // racer is drawn as its path is.
    OptimizersLab lab;
    for (const QString& r : OptimizersLab::racerNames()) lab.setRacer(r, true);
    QCOMPARE(lab.paths().size(), std::size_t(10));
    std::set<QRgb> colours;
    std::set<std::pair<QRgb, int>> looks;
    for (const PathView& p : lab.paths()) {
      colours.insert(p.color.rgb());
      looks.insert({p.color.rgb(), static_cast<int>(p.style)});
    }
    QCOMPARE(colours.size(), std::size_t(10));
    QCOMPARE(looks.size(), std::size_t(10));
    // Similar hues differ in style: SGD (blue) and Adam (sky blue), Momentum and RMSprop.
    QVERIFY(palette::optimizerLineStyle(0) != palette::optimizerLineStyle(5));
    QVERIFY(palette::optimizerLineStyle(1) != palette::optimizerLineStyle(4));
    int solid = 0;
    for (int i = 0; i < palette::kOptimizerStyles; ++i) solid += palette::optimizerLineStyle(i) == Qt::SolidLine;
    QVERIFY2(solid <= 5, "most optimizers should not be plain solid lines");
    // Colours far enough apart to tell on a projector: at least 40 (of 441) in RGB distance.
    for (const PathView& a : lab.paths())
      for (const PathView& b : lab.paths())
        if (&a != &b) {
          const double d = std::hypot(a.color.red() - b.color.red(), a.color.green() - b.color.green(), a.color.blue() - b.color.blue());
          QVERIFY2(d >= 40, qPrintable(QString("%1 and %2 are %3 apart").arg(a.name, b.name).arg(d)));
        }
  }

  // The names (check boxes, the table's first column) in their optimizer's colour, but dark
  // enough to read on a projector: RMSprop's orange and Adam's sky blue as they are are not.
  void optimizerNamesAreReadableInTheirColours() {
    OptimizersLab lab;
    for (const QString& r : OptimizersLab::racerNames()) lab.setRacer(r, true);
    const QColor white(Qt::white);
    QVERIFY(palette::contrastRatio(palette::optimizerColor(4), white) < 4.5);  // (why this matters)
    QCOMPARE(palette::contrastRatio(Qt::black, white), 21.0);
    for (int i = 0; i < palette::kOptimizerStyles; ++i) {
      const QColor c = palette::optimizerColor(i), text = palette::readableText(c, white);
      QVERIFY2(palette::contrastRatio(text, white) >= 4.5, qPrintable(QString::number(i)));
      QVERIFY(std::abs(text.toHsl().hslHue() - c.toHsl().hslHue()) <= 2);  // the hue kept
      // and a colour that reads already is left as it is
      if (palette::contrastRatio(c, white) >= 4.5) QCOMPARE(text, c);
      // lighter on a dark background
      QVERIFY(palette::contrastRatio(palette::readableText(c, QColor(30, 30, 30)), QColor(30, 30, 30)) >= 4.5);
    }
    for (int i = 0; i < static_cast<int>(OptimizersLab::racerNames().size()); ++i) {
      auto* box = lab.controls()->findChild<QCheckBox*>("racer" + OptimizersLab::racerNames()[i]);
      QVERIFY(box);
      const QColor text = box->palette().color(QPalette::WindowText), panel = box->palette().color(QPalette::Window);
      QVERIFY2(palette::contrastRatio(text, panel) >= 4.5, qPrintable(box->text()));
    }
    for (int row = 0; row < lab.table()->rowCount(); ++row) {
      const QColor text = lab.table()->item(row, 0)->foreground().color();
      QVERIFY2(palette::contrastRatio(text, lab.table()->palette().color(QPalette::Base)) >= 4.5, qPrintable(lab.table()->item(row, 0)->text()));
    }
  }

  void lrPlotSaysSomethingAtStepZeroWithoutScheduler() {
    OptimizersLab lab;
    lab.setScheduler("None");
    lab.reset();
    QCOMPARE(lab.currentStep(), 0);
    QCPGraph* line = lab.schedulePlot()->graph(0);
    QVERIFY(line->data()->size() >= 2);
    const double adam = lab.racerLearningRate("Adam");
    for (int k = 0; k < line->data()->size(); ++k) QCOMPARE(line->data()->at(k)->value, adam);  // constant: the lr Adam runs with
    QCOMPARE(line->data()->at(line->data()->size() - 1)->key, 200.0);  // across the whole run
    QCPGraph* now = lab.schedulePlot()->graph(1);  // where the race is: step 0
    QCOMPARE(now->data()->size(), 1);
    QCOMPARE(now->data()->at(0)->key, 0.0);
    QCOMPARE(now->data()->at(0)->value, adam);
    QVERIFY2(plotTitle(lab.schedulePlot()).contains("constant (no scheduler)"), qPrintable(plotTitle(lab.schedulePlot())));
    QVERIFY(lab.schedulePlot()->yAxis->range().contains(adam));
    lab.step();
    QCOMPARE(lab.schedulePlot()->graph(1)->data()->at(0)->key, 1.0);
  }

  void contourKeepsEqualScales() {
    // Rosenbrock's range is 4 wide and 4 tall, Beale's 9 by 9, the quadratic's wider than tall:
    // in every case one unit of x is as many pixels as one unit of y.
    OptimizersLab lab;
    lab.resize(1100, 700);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    for (const char* f : {"quadratic", "rosenbrock", "himmelblau"}) {
      lab.setFunction(f);
      QCustomPlot* plot = lab.contourPlot();
      QTRY_VERIFY2(std::abs(pixelsPerUnitX(plot) / pixelsPerUnitY(plot) - 1) < 0.01,
                   qPrintable(QString("%1: %2 px per unit of x, %3 of y").arg(f).arg(pixelsPerUnitX(plot)).arg(pixelsPerUnitY(plot))));
      QVERIFY(plot->width() >= 200 && plot->height() >= 200);
    }
  }

  void namesInTheCombosAreTranslatedAndTheIdsKept() {
    // The combo shows tr()'s names (Korean once the catalogue has them); the runs and the code
    // use core's ids.
    OptimizersLab lab;
    QVERIFY(Language::instance().setLanguage("ko"));
    QApplication::processEvents();
    QComboBox* functions = lab.functionBox();
    const QStringList ids = {"quadratic", "rosenbrock", "beale", "himmelblau", "saddle"};
    const QStringList shown = {OptimizersLab::tr("quadratic bowl"), OptimizersLab::tr("Rosenbrock"), OptimizersLab::tr("Beale"),
                               OptimizersLab::tr("Himmelblau"), OptimizersLab::tr("saddle")};
    for (int i = 0; i < ids.size(); ++i) {
      QCOMPARE(functions->itemData(i).toString(), ids[i]);
      QCOMPARE(functions->itemText(i), shown[i]);
    }
    QCOMPARE(lab.schedulerBox()->itemText(lab.schedulerBox()->findData(QString("None"))), OptimizersLab::tr("None"));
    lab.setFunction("rosenbrock");
    QCOMPARE(lab.functionId(), QString("rosenbrock"));
    QVERIFY(lab.pytorchCode().contains("# rosenbrock"));
    QVERIFY(Language::instance().setLanguage("en"));
    QApplication::processEvents();
    QCOMPARE(functions->itemText(1), QString("Rosenbrock"));
  }
};

QTEST_MAIN(TestLabOptimizers)
#include "tst_lab_optimizers.moc"
