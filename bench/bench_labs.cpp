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
#include "backend/backend.h"
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

  void cnnTrainSpeedWhileShowing_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("1 kernel thread") << 1;
    QTest::newRow("2 kernel threads") << 2;
  }
  void cnnTrainSpeedWhileShowing() {
    // Training steps per second and frames per second drawn while the Train page plays, with the
    // CPU kernels on 1 or 2 threads (the UI thread needs a core too).
    QFETCH(int, threads);
    const int before = gs::get_num_threads();
    gs::set_num_threads(threads);
    CnnTrainPage page;
    if (!fashionPage(page)) QSKIP("Fashion-MNIST is not installed (Debian's dataset-fashion-mnist)");
    page.setCurrent(true);  // the display timer runs
    page.setPlaying(true);
    QTest::qWait(1000);
    // Over 5 s (epoch ends and their evaluations included): steps, new frames drawn, and the UI
    // thread's own pace (how many 33 ms display ticks it served: 30/s when it never stalls).
    int ticks = 0;
    QTimer probe;
    connect(&probe, &QTimer::timeout, [&ticks] { ++ticks; });
    probe.start(33);
    const std::int64_t frames = page.framesShown(), steps = page.session().snapshot().step;
    QTest::qWait(5000);
    const double fps = (page.framesShown() - frames) / 5.0, sps = (page.session().snapshot().step - steps) / 5.0;
    page.setPlaying(false);
    gs::set_num_threads(before);
    qInfo("CNN Train page (Fashion-MNIST 6,000, LeNet-like, batch 64, %d kernel threads): %.1f training steps/s, "
          "%.1f new frames/s drawn, UI thread %.1f ticks/s", threads, sps, fps, ticks / 5.0);
  }
};

QTEST_MAIN(BenchLabs)
#include "bench_labs.moc"
