// How long the labs take to react, measured with QBENCHMARK. Not part of ctest: timings are
// reported, never asserted (the behaviour they time is asserted in tests/tst_lab_*.cpp).
//
//   cmake --build build --target bench_labs && QT_QPA_PLATFORM=offscreen build/bench/bench_labs
//
// Qt Test's options apply: `build/bench/bench_labs descentSliderMove -iterations 20`, or
// `-tickcounter` / `-perf` for other clocks (see `build/bench/bench_labs -help`).
#include <QtTest>

#include <QSlider>
#include <qcustomplot.h>

#include "app/language.h"
#include "labs/cnn/cnn_train_page.h"
#include "labs/descent/descent_lab.h"
#include "labs/playground/playground_lab.h"

using namespace gsui;

class BenchLabs : public QObject {
  Q_OBJECT

  /// Draws the Descent lab's three plots now (a real frame, not a queued replot).
  static void drawDescent(DescentLab& lab) {
    lab.contour().plot()->replot(QCustomPlot::rpImmediateRefresh);
    lab.lossPlot()->replot(QCustomPlot::rpImmediateRefresh);
    lab.sidePlot()->replot(QCustomPlot::rpImmediateRefresh);
  }

 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void descentSliderMove() {
    // A bowl slider move recomputes 4 paths and redraws the 200×200 contour.
    DescentLab lab;
    lab.resize(1000, 700);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    int v = 50;
    QBENCHMARK {
      lab.aSlider()->setValue(++v % 100);
      drawDescent(lab);
    }
  }

  void descentLearningRateDrag() {
    // Dragging a learning rate: 4 paths recomputed, the surface kept.
    DescentLab lab;
    lab.resize(1000, 700);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    int v = 0;
    QBENCHMARK {
      lab.setLearningRate(1, 0.01 + 0.0005 * (++v % 50));
      drawDescent(lab);
    }
  }

  void descentSliderMoveWith500Steps() {
    // The reference size: a 200×200 contour and paths of 500 steps.
    DescentLab lab;
    lab.resize(1000, 700);
    lab.reset();
    lab.setSteps(500);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    int v = 50;
    QBENCHMARK {
      lab.aSlider()->setValue(++v % 100);
      drawDescent(lab);
    }
  }

  void playgroundSpeedWhileShowing() {
    // Steps per second of the worker and frames per second drawn by the UI while both run
    // (spiral, 3×8 Tanh, the window at 1200×700): printed, the figures the README quotes.
    PlaygroundLab lab;
    lab.resize(1200, 700);
    lab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    lab.setDataset("spiral");
    lab.setHiddenLayers({8, 8, 8});
    lab.setPlaying(true);
    QTest::qWait(3000);  // the display timer draws meanwhile; the rates cover the last full second
    const double steps = lab.session().stepsPerSecond(), fps = lab.framesPerSecond();
    lab.setPlaying(false);
    qInfo("Playground speed: %.0f training steps/s, %.1f frames/s drawn", steps, fps);
  }

  /// The CNN lab's Train page on Fashion-MNIST (6,000 images, the LeNet-like preset) at 1200×700.
  static bool fashionPage(CnnTrainPage& page) {
    page.resize(1200, 700);
    page.show();
    CnnTrainSetup setup;
    setup.dataset = "fashion_mnist";
    page.setSetup(setup);
    return QTest::qWaitFor([&] { return page.ready() || !page.problem().isEmpty(); }, 60000) && page.ready();
  }

  void cnnTrainPageFrame() {
    // One frame of the Train page: the curves, 10 rows of feature maps and filters, the
    // confusion matrix, drawn from the latest frame.
    CnnTrainPage page;
    if (!fashionPage(page)) QSKIP("Fashion-MNIST is not installed (Debian's dataset-fashion-mnist)");
    page.session().step(100);
    QVERIFY2(QTest::qWaitFor([&] { return page.session().snapshot().step >= 100; }, 60000), qPrintable(page.problem()));
    QBENCHMARK {
      page.showLatestFrame();
      page.repaint();
    }
  }

  void cnnTrainSpeedWhileShowing() {
    // Training steps per second and frames per second drawn while the Train page plays.
    CnnTrainPage page;
    if (!fashionPage(page)) QSKIP("Fashion-MNIST is not installed (Debian's dataset-fashion-mnist)");
    page.setCurrent(true);  // the display timer runs
    page.setPlaying(true);
    QTest::qWait(1000);
    const std::int64_t frames = page.framesShown();
    QTest::qWait(3000);
    const double fps = (page.framesShown() - frames) / 3.0, steps = page.session().stepsPerSecond();
    page.setPlaying(false);
    qInfo("CNN Train page (Fashion-MNIST, LeNet-like, batch 64): %.1f training steps/s, %.1f frames/s drawn", steps, fps);
  }
};

QTEST_MAIN(BenchLabs)
#include "bench_labs.moc"
