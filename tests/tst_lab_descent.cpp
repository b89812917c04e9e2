// Descent lab: the paths shown are core's optimizer runs (GD on a·x² follows (1 − 2·a·lr)^k·x₀
// exactly), divergence is reported at the right step in words and on the plot, controls drive the
// model, and a slider move redraws every plot with the new paths. (How long that redraw takes is
// measured in bench/bench_labs.cpp, outside the default test run.)
#include <QtTest>

#include <QCheckBox>
#include <QGroupBox>

#include <QLabel>
#include <QSlider>
#include <QTabBar>
#include <QTabWidget>
#include <cmath>
#include <qcustomplot.h>

#include "app/language.h"
#include "app/palette.h"
#include "labs/descent/descent_lab.h"
#include "plots/plot_style.h"
#include "landscape/quadratic.h"

using namespace gsui;

namespace {

/// Every line of every label in the lab's controls.
QStringList controlLines(DescentLab& lab) {
  QStringList lines;
  for (const QLabel* label : lab.controls()->findChildren<QLabel*>()) lines << label->text().split('\n');
  return lines;
}

/// The lines of the lab's status label.
QStringList statusLines(DescentLab& lab) { return lab.controls()->findChild<QLabel*>("status")->text().split('\n'); }

using CurveData = QVector<QPair<double, double>>;

/// The points of the plot's curves named `name` ("iso": the contour lines), in drawing order.
QVector<CurveData> curves(QCustomPlot* plot, const QString& name) {
  QVector<CurveData> out;
  for (int i = 0; i < plot->plottableCount(); ++i) {
    auto* curve = qobject_cast<QCPCurve*>(plot->plottable(i));
    if (!curve || curve->name() != name) continue;
    CurveData d;
    for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it) d << qMakePair(it->key, it->value);
    out << d;
  }
  return out;
}

/// Where the loss plot differs from the paths (empty when it holds, per path, f at steps
/// 0 … currentStep() up to the first value past 1e12).
QString lossPlotMismatch(DescentLab& lab) {
  if (lab.lossPlot()->graphCount() != static_cast<int>(lab.paths().size())) return "graph count";
  for (std::size_t i = 0; i < lab.paths().size(); ++i) {
    const auto& points = lab.paths()[i].points;
    const QCPGraph* g = lab.lossPlot()->graph(static_cast<int>(i));
    int shown = 0;
    while (shown <= lab.currentStep() && shown < static_cast<int>(points.size()) && std::isfinite(points[shown][2]) &&
           points[shown][2] <= 1e12)
      ++shown;
    if (g->dataCount() != shown) return QString("path %1: %2 points drawn, %3 expected").arg(i).arg(g->dataCount()).arg(shown);
    for (int k = 0; k < shown; ++k)
      if (g->data()->at(k)->key != k || g->data()->at(k)->value != std::max(points[k][2], 1e-12))
        return QString("path %1 step %2: drawn %3, computed %4").arg(i).arg(k).arg(g->data()->at(k)->value).arg(points[k][2]);
  }
  return {};
}

/// Where the contour plot differs from the paths (empty when each path is drawn from its start
/// as one curve named like the path, with at least two points).
QString contourMismatch(DescentLab& lab) {
  for (const PathView& p : lab.paths()) {
    const QVector<CurveData> drawn = curves(lab.contour().plot(), p.name);
    if (drawn.size() != 1 || drawn[0].size() < 2) return p.name + ": not drawn";
    for (int k = 0; k < drawn[0].size(); ++k)
      if (drawn[0][k] != qMakePair(p.points[k][0], p.points[k][1])) return QString("%1: point %2 differs").arg(p.name).arg(k);
  }
  return {};
}

/// How many entries of the plot's legend read `name`.
int legendEntries(QCustomPlot* plot, const QString& name) {
  int n = 0;
  for (int i = 0; i < plot->legend->itemCount(); ++i)
    if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i)); item && item->plottable()->name() == name) ++n;
  return n;
}

}  // namespace

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

  void divergenceIsMarkedAtTheRightStep_data() {
    QTest::addColumn<double>("lr");
    // All above 1/b = 0.1, so y_k = (1 − 20·lr)^k·y₀ grows; x_k = (1 − 2·lr)^k·x₀ does not.
    QTest::newRow("lr = 1: y grows 19× a step") << 1.0;
    QTest::newRow("lr = 0.5: 9× a step") << 0.5;
    QTest::newRow("lr = 0.2: 3× a step") << 0.2;
  }
  void divergenceIsMarkedAtTheRightStep() {
    QFETCH(double, lr);
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.setStart(1.0, 1.0);
    lab.setSteps(500);
    lab.setLearningRate(3, lr);
    const double rate = lab.learningRate(3);  // the slider's value: lr to 4 significant digits
    QVERIFY(rate > lab.maxStableRate());
    const PathView& p = lab.paths()[3];
    QCOMPARE(p.name, QString("lr = %1").arg(rate, 0, 'g', 4));
    // f_k = (1 − 2·lr)^(2k) + 10·(1 − 20·lr)^(2k): the first step whose value is no longer finite.
    int expected = 0;
    while (std::isfinite(std::pow(1 - 2 * rate, 2.0 * expected) + 10 * std::pow(1 - 20 * rate, 2.0 * expected))) ++expected;
    QVERIFY(expected > 100 && expected < 500);
    QCOMPARE(p.diverged_at, expected);
    QCOMPARE(static_cast<int>(p.points.size()), expected + 1);  // the run stops there
    QVERIFY(std::isfinite(p.points[expected - 1][2]));

    // In words, in the status: "flying off" while the values are huge but finite, then the step.
    lab.reset();
    for (int k = 0; k < expected - 1; ++k) lab.step();
    QCOMPARE(lab.currentStep(), expected - 1);
    QVERIFY2(statusLines(lab).contains(p.name + ": flying off"), qPrintable(statusLines(lab).join(" | ")));
    QVERIFY(!statusLines(lab).join('\n').contains("diverged"));
    lab.step();
    QCOMPARE(lab.currentStep(), expected);
    const QString sentence = QString("%1: diverged at step %2").arg(p.name).arg(expected);
    QVERIFY2(statusLines(lab).contains(sentence), qPrintable(statusLines(lab).join(" | ")));
    // The rates below the limit are still reported by their loss.
    QVERIFY(statusLines(lab).contains(QString("%1: loss %2 at step %3").arg(lab.paths()[0].name,
                                                                              QString::number(lab.paths()[0].points[expected][2], 'g', 3))
                                                                         .arg(expected)));

    // On the contour, the path is cut where it leaves the view: y₁ = 1 − 20·lr is already below
    // −2, so the cross sits on the start with step 1, in the path's colour.
    QVector<QCPItemText*> marks;
    for (int i = 0; i < lab.contour().plot()->itemCount(); ++i)
      if (auto* t = qobject_cast<QCPItemText*>(lab.contour().plot()->item(i))) marks << t;
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks[0]->text().replace('\n', ' '), QString::fromUtf8("✕ leaves the view at step 1"));  // (the numbers overflow later: the status line says when)
    QCOMPARE(ContourPlot::crossOf(marks[0]), QPointF(1.0, 1.0));
    QCOMPARE(marks[0]->color(), p.color);
    QCOMPARE(curves(lab.contour().plot(), p.name), (QVector<CurveData>{{qMakePair(1.0, 1.0)}}));
  }

  void rateJustBelowTheLimitConvergesAndJustAboveFliesOff() {
    // The rule in the panel: plain GD on b·y² converges iff lr < 1/b. Two rates 1/100 decade
    // either side of 1/b = 0.1: |1 − 20·lr| = 0.95 shrinks y, 1.05 grows it (finite for 500 steps).
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.setStart(1.0, 1.0);
    lab.setLearningRate(2, std::pow(10.0, -1.01));
    lab.setLearningRate(3, std::pow(10.0, -0.99));
    lab.reset();
    lab.setSteps(500);
    QCOMPARE(lab.currentStep(), 500);
    QCOMPARE(lab.ruleLabel()->text(),
             QString::fromUtf8("Plain GD on a·x² converges iff 0 < lr < 1/a and zig-zags above 1/(2a). The steepest direction "
                               "here has a = 10: the largest stable rate is 0.1 (red mark)."));
    const PathView& below = lab.paths()[2];
    const PathView& above = lab.paths()[3];
    QCOMPARE(below.diverged_at, -1);
    QCOMPARE(above.diverged_at, -1);
    for (int k = 1; k <= 500; ++k) {
      QVERIFY(std::abs(below.points[k][1]) < std::abs(below.points[k - 1][1]));
      QVERIFY(std::abs(above.points[k][1]) > std::abs(above.points[k - 1][1]));
    }
    QVERIFY(std::abs(below.points[500][1]) < 1e-9 && std::abs(above.points[500][1]) > 1e9);
    QVERIFY(statusLines(lab).contains(QString("%1: loss %2 at step 500").arg(below.name, QString::number(below.points[500][2], 'g', 3))));
    QVERIFY(statusLines(lab).contains(above.name + ": flying off"));
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

  void iteratesPlotDrawsCoresClosedForm() {
    // The side view's dashed line is Quadratic::gd_iterate along the steeper axis (y here).
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.setStart(1.5, 0.8);
    const gs::landscape::Quadratic bowl{.a = 1.0, .b = 10.0};
    QCPGraph* line = lab.sidePlot()->graph(1);  // rate 0: dots, then its closed-form line
    QVERIFY(line->data()->size() > 10);
    for (int k = 0; k < line->data()->size(); ++k) {
      const double expected = bowl.gd_iterate(k, lab.learningRate(0), {1.5, 0.8})[1];
      QVERIFY2(std::abs(line->data()->at(k)->value - expected) <= 1e-9 * std::max(1.0, std::abs(expected)),
               qPrintable(QString("step %1: drawn %2, closed form %3").arg(k).arg(line->data()->at(k)->value).arg(expected)));
    }
    QVERIFY(std::abs(lab.maxStableRate() - bowl.max_stable_lr()) <= 1e-9);
  }

  void stepAdvancesOneStepEvenBeforePlay() {
    // The app's --steps N calls step() N times on a fresh lab: it shows step N, not the whole paths.
    DescentLab lab;
    QCOMPARE(lab.currentStep(), 60);  // the whole paths at first
    for (int k = 0; k < 30; ++k) lab.step();
    QCOMPARE(lab.currentStep(), 30);
    for (int i = 0; i < lab.contour().plot()->plotLayout()->elementCount(); ++i)
      if (auto* title = qobject_cast<QCPTextElement*>(lab.contour().plot()->plotLayout()->elementAt(i)))
        QVERIFY2(title->text().endsWith("step 30"), qPrintable(title->text()));
    QCOMPARE(lab.lossPlot()->graph(0)->data()->size(), 31);  // steps 0 … 30
  }

  void rateLabelPathAndCodeSayTheRateTheOptimizerUses() {
    // 0.04 is not a 1/100-decade position of the slider (10^-1.4 = 0.0398…): it stays 0.04, and the
    // label, the path and the code say 0.04; a drag gives 3 significant digits, written the same.
    DescentLab lab;
    QCOMPARE(lab.learningRate(1), 0.04);
    QVERIFY(controlLines(lab).contains("lr = 0.04"));
    QCOMPARE(lab.paths()[1].name, QString("lr = 0.04"));
    QVERIFY2(lab.pytorchCode().contains("for lr in [0.01, 0.04, 0.09, 0.11]:"), qPrintable(lab.pytorchCode()));
    lab.rateSlider(1)->slider()->setValue(159);  // a drag to 10^-1.41 = 0.038904…
    QCOMPARE(lab.learningRate(1), 0.0389);
    QVERIFY(controlLines(lab).contains("lr = 0.0389"));
    QCOMPARE(lab.paths()[1].name, QString("lr = 0.0389"));
    QVERIFY(lab.pytorchCode().contains("for lr in [0.01, 0.0389, 0.09, 0.11]:"));
    const gs::landscape::Path run = gs::landscape::run_optimizer(gs::landscape::Quadratic{.a = 1.0, .b = 10.0}.function(), {1.6, 0.8}, {{"name", "SGD"}, {"lr", 0.0389}}, 60);
    QCOMPARE(lab.paths()[1].points.back()[1], run.points.back()[1]);
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
    {
      // The comparison belongs to the line fit: the bowl has no data to batch.
      DescentLab bowl;
      QVERIFY(!bowl.controls()->findChild<QGroupBox*>("batchGroup")->isVisibleTo(bowl.controls()));
      bowl.setMode(DescentLab::Mode::LineFit);
      QVERIFY(bowl.controls()->findChild<QGroupBox*>("batchGroup")->isVisibleTo(bowl.controls()));
    }
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

  void sliderMoveRecomputesThePathsAndRedraws() {
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.setStart(1.5, 0.8);
    const QVector<CurveData> iso_before = curves(lab.contour().plot(), "iso");
    QVERIFY(!iso_before.isEmpty());
    const double loss_before = lab.lossPlot()->graph(0)->data()->at(1)->value;
    lab.aSlider()->setValue(50);  // a = 10^0.5
    const double a = std::pow(10.0, 0.5);
    // The paths are recomputed on the new bowl...
    for (int i = 0; i < DescentLab::kRates; ++i)
      for (int k = 0; k <= 30; ++k) {
        const double x = std::pow(1 - 2 * a * lab.learningRate(i), k) * 1.5;
        QVERIFY2(std::abs(lab.paths()[i].points[k][0] - x) <= 1e-9 * std::max(1.0, std::abs(x)), qPrintable(QString("rate %1 step %2").arg(i).arg(k)));
      }
    // ... and every plot now shows them: new contour lines, the new paths on them, the new losses.
    QVERIFY(curves(lab.contour().plot(), "iso") != iso_before);
    QVERIFY2(contourMismatch(lab).isEmpty(), qPrintable(contourMismatch(lab)));
    QVERIFY2(lossPlotMismatch(lab).isEmpty(), qPrintable(lossPlotMismatch(lab)));
    QVERIFY(lab.lossPlot()->graph(0)->data()->at(1)->value != loss_before);
    QVERIFY(controlLines(lab).contains("a = 3.16"));
    QVERIFY(lab.pytorchCode().contains("a, b = 3.16, 10"));
  }

  void learningRateDragRedrawsThePathButKeepsTheSurface() {
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.setStart(1.5, 0.8);
    const QVector<CurveData> iso_before = curves(lab.contour().plot(), "iso");
    const QString old_name = lab.paths()[1].name;
    lab.setLearningRate(1, 0.05);
    const PathView& p = lab.paths()[1];
    QCOMPARE(p.name, QString("lr = 0.05"));
    for (int k = 0; k <= 30; ++k) {
      const double y = std::pow(1 - 2 * 10.0 * lab.learningRate(1), k) * 0.8;
      QVERIFY2(std::abs(p.points[k][1] - y) <= 1e-9 * std::max(1.0, std::abs(y)), qPrintable(QString("step %1").arg(k)));
    }
    QCOMPARE(curves(lab.contour().plot(), "iso"), iso_before);  // same bowl: the contour lines stay
    QVERIFY(curves(lab.contour().plot(), old_name).isEmpty());
    QVERIFY2(contourMismatch(lab).isEmpty(), qPrintable(contourMismatch(lab)));
    QVERIFY2(lossPlotMismatch(lab).isEmpty(), qPrintable(lossPlotMismatch(lab)));
  }

  void pathsOf500Steps() {
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.setStart(1.5, 0.8);
    lab.reset();
    lab.setSteps(500);
    QCOMPARE(lab.currentStep(), 500);  // after Reset, a new length shows the whole paths
    for (const PathView& p : lab.paths()) {
      QCOMPARE(p.diverged_at, -1);  // the default rates stay finite for 500 steps
      QCOMPARE(p.points.size(), std::size_t(501));
    }
    QCOMPARE(lab.lossPlot()->xAxis->range(), QCPRange(0, 500));
    QCOMPARE(lab.sidePlot()->xAxis->range(), QCPRange(0, 500));
    QVERIFY2(contourMismatch(lab).isEmpty(), qPrintable(contourMismatch(lab)));
    QVERIFY2(lossPlotMismatch(lab).isEmpty(), qPrintable(lossPlotMismatch(lab)));
    QVERIFY(lab.pytorchCode().contains("for step in range(500):"));
  }

  void sameRateSameColourInEveryPanel() {
    // Rate i: its path on the contour, its loss curve, its iterates and its label in the panel
    // all in learning-rate colour i (a new lab: each rate is new and takes its slider's colour).
    DescentLab lab;
    QCOMPARE(lab.paths().size(), std::size_t(DescentLab::kRates));
    for (int i = 0; i < DescentLab::kRates; ++i) {
      const QColor c = palette::learningRateColor(i);
      const PathView& p = lab.paths()[i];
      QCOMPARE(p.color, c);
      QCPCurve* path = nullptr;
      for (int k = 0; k < lab.contour().plot()->plottableCount(); ++k)
        if (auto* curve = qobject_cast<QCPCurve*>(lab.contour().plot()->plottable(k)); curve && curve->name() == p.name) path = curve;
      QVERIFY(path);
      QCOMPARE(path->pen().color(), c);
      QCOMPARE(lab.lossPlot()->graph(i)->pen().color(), c);
      QCOMPARE(lab.sidePlot()->graph(2 * i)->scatterStyle().pen().color(), c);  // the iterates' dots
      QCOMPARE(lab.sidePlot()->graph(2 * i + 1)->pen().color(), c);             // and the closed form
      auto* label = lab.controls()->findChild<QLabel*>(QString("rateLabel%1").arg(i));
      QVERIFY(label);
      // (the same hue, dark enough to read as text on the panel)
      const QColor text = label->palette().color(QPalette::WindowText), panel = label->palette().color(QPalette::Window);
      QCOMPARE(text, palette::readableText(c, panel));
      QVERIFY(std::abs(text.toHsl().hslHue() - c.toHsl().hslHue()) <= 2 || c.toHsl().hslSaturation() == 0);
      QVERIFY2(palette::contrastRatio(text, panel) >= 4.5, qPrintable(QString("lr label %1: contrast %2").arg(i).arg(palette::contrastRatio(text, panel))));
    }
    // Four rates, four colours.
    QCOMPARE(QSet<QRgb>({lab.paths()[0].color.rgb(), lab.paths()[1].color.rgb(), lab.paths()[2].color.rgb(), lab.paths()[3].color.rgb()}).size(), 4);
  }

  void aRateHasOneColourAndOneLegendEntry() {
    // The learning-rate lesson's last steps: 0.09 on the first slider, then on the second (with
    // the third still at its default 0.09). The colour follows the value, and two sliders at one
    // rate draw one path, named once in each legend.
    DescentLab lab;
    auto on = [&](int i, bool checked) { lab.controls()->findChild<QCheckBox*>(QString("rateOn%1").arg(i))->setChecked(checked); };
    on(2, false);
    on(3, false);
    lab.setLearningRate(0, 0.09);
    lab.setLearningRate(1, 0.11);
    const QColor colour_009 = lab.rateColor(0), colour_011 = lab.rateColor(1);
    QVERIFY(colour_009 != colour_011);
    QCOMPARE(lab.paths().size(), std::size_t(2));
    QCOMPARE(lab.paths()[0].color, colour_009);
    on(2, true);  // the third slider: 0.09 too
    on(3, true);
    QCOMPARE(lab.rateColor(2), colour_009);
    lab.setLearningRate(0, 0.05);
    lab.setLearningRate(1, 0.09);
    QCOMPARE(lab.rateColor(1), colour_009);  // 0.09 moved to the second slider: the same colour
    QCOMPARE(lab.rateColor(2), colour_009);
    QCOMPARE(lab.rateColor(3), colour_011);
    // Different rates, different colours: 0.05, 0.09 (twice), 0.11.
    QCOMPARE(QSet<QRgb>({lab.rateColor(0).rgb(), lab.rateColor(1).rgb(), lab.rateColor(3).rgb()}).size(), 3);
    QCOMPARE(lab.paths().size(), std::size_t(3));
    QStringList names;
    for (const PathView& p : lab.paths()) names << p.name;
    QCOMPARE(names, QStringList({"lr = 0.05", "lr = 0.09", "lr = 0.11"}));
    QCOMPARE(lab.paths()[1].color, colour_009);
    QCOMPARE(legendEntries(lab.contour().plot(), "lr = 0.09"), 1);
    QCOMPARE(legendEntries(lab.sidePlot(), "lr = 0.09"), 1);
    QCOMPARE(lab.lossPlot()->graphCount(), 3);
    QVERIFY2(contourMismatch(lab).isEmpty(), qPrintable(contourMismatch(lab)));
    QVERIFY2(lossPlotMismatch(lab).isEmpty(), qPrintable(lossPlotMismatch(lab)));
    QCOMPARE(statusLines(lab).filter("lr = 0.09").size(), 1);
    QVERIFY(lab.pytorchCode().contains("for lr in [0.05, 0.09, 0.11]:"));
  }

  void batchSgdAndMiniBatchDifferInColourAndStyle() {
    DescentLab lab;
    lab.setMode(DescentLab::Mode::LineFit);
    lab.setBatchComparison(true);
    QCOMPARE(lab.paths().size(), std::size_t(3));
    QCOMPARE(lab.paths()[0].style, Qt::SolidLine);
    QVERIFY(lab.paths()[1].style != Qt::SolidLine && lab.paths()[2].style != Qt::SolidLine && lab.paths()[1].style != lab.paths()[2].style);
    QVERIFY(lab.paths()[0].color != lab.paths()[1].color && lab.paths()[1].color != lab.paths()[2].color);
    QCOMPARE(lab.lossPlot()->graph(1)->pen().style(), lab.paths()[1].style);
  }

  void contourKeepsEqualScalesAndStacksWhenNarrow() {
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.resize(1100, 650);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    QCustomPlot* plot = lab.contour().plot();
    auto equal = [&] { return std::abs(pixelsPerUnitX(plot) / pixelsPerUnitY(plot) - 1) < 0.01; };
    QTRY_VERIFY2(equal(), qPrintable(QString("%1 px per unit of x, %2 of y").arg(pixelsPerUnitX(plot)).arg(pixelsPerUnitY(plot))));
    QVERIFY(lab.topTabs()->geometry().left() > plot->parentWidget()->geometry().left());  // wide: beside the contour
    lab.setMode(DescentLab::Mode::LineFit);  // w from −2 to 5, b from −2 to 3: wider than tall
    QTRY_VERIFY2(equal(), qPrintable(QString("%1 px per unit of w, %2 of b; frame %3x%4, plot %5x%6, axes %7x%8").arg(pixelsPerUnitX(plot)).arg(pixelsPerUnitY(plot))
    .arg(plot->parentWidget()->width()).arg(plot->parentWidget()->height()).arg(plot->width()).arg(plot->height()).arg(plot->axisRect()->width()).arg(plot->axisRect()->height())));
    QVERIFY(plot->axisRect()->width() > plot->axisRect()->height());
    // Narrow (a laptop at a projector's scale): the other views go under the contour, and every
    // plot keeps a readable size.
    lab.resize(560, 700);
    QTRY_VERIFY(lab.topTabs()->geometry().top() >= plot->parentWidget()->geometry().bottom());
    QTRY_VERIFY(equal());
    for (QWidget* w : std::initializer_list<QWidget*>{plot->parentWidget(), lab.topTabs(), lab.sidePlot()}) QVERIFY2(w->width() >= 250, qPrintable(QString::number(w->width())));
    // The tabs' names fit their bar: no scroll arrows hide one.
    const QTabBar* bar = lab.topTabs()->tabBar();
    const int last = bar->tabRect(bar->count() - 1).right();
    QVERIFY2(last <= bar->width(), qPrintable(QString("the tabs end at %1 px in %2").arg(last).arg(bar->width())));
  }

  void divergedLabelLeavesItsPathClear() {
    // The label of a path that flies off sits beside the path, not on it.
    DescentLab lab;
    lab.setBowl(1.0, 10.0);
    lab.setLearningRate(3, 0.105);  // zig-zags out of the view over some steps
    lab.resize(1000, 650);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    QCustomPlot* plot = lab.contour().plot();
    plot->replot();
    QApplication::processEvents();
    plot->replot();
    const std::vector<QCPItemText*> labels = lab.contour().divergenceLabels();
    QCOMPARE(labels.size(), std::size_t(1));
    const QRectF box(labels[0]->topLeft->pixelPosition(), labels[0]->bottomRight->pixelPosition());
    QVERIFY(plot->axisRect()->rect().contains(box.toRect().adjusted(1, 1, -1, -1)));  // inside the view
    const PathView& p = lab.paths()[3];
    int covered = 0;
    for (const auto& pt : p.points) {
      if (!std::isfinite(pt[0]) || std::abs(pt[0]) > 2 || std::abs(pt[1]) > 2) break;
      covered += box.contains(plot->xAxis->coordToPixel(pt[0]), plot->yAxis->coordToPixel(pt[1]));
    }
    QVERIFY2(covered <= 1, qPrintable(QString("the label covers %1 points of its path").arg(covered)));  // (its own cross at most)
  }
};

QTEST_MAIN(TestLabDescent)
#include "tst_lab_descent.moc"
