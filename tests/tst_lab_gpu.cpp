// GPU lab: pressing Measure times real training steps at every batch size off the UI thread; the
// curves hold exactly what was measured; without a GPU the lab names the reason and draws the CPU
// curve alone.
#include <QtTest>

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <cmath>
#include <qcustomplot.h>

#include "backend/backend.h"
#include "labs/gpu/gpu_lab.h"

using namespace gsui;

class TestLabGpu : public QObject {
  Q_OBJECT
 private slots:
  void measureFillsTheCurvesWithoutBlockingTheWindow() {
    GpuLab lab;
    lab.resize(900, 600);
    lab.show();
    QSignalSpy done(&lab, &GpuLab::measured);
    QCOMPARE(lab.workloadCombo()->currentData().toString(), QString("W2"));
    QTest::mouseClick(lab.measureButton(), Qt::LeftButton);
    QVERIFY(lab.measuring());
    QVERIFY(!lab.measureButton()->isEnabled());
    // The event loop keeps running while the worker measures: a timer still fires.
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, [&] { ++ticks; });
    timer.start(20);
    QVERIFY(done.wait(120000));
    QVERIFY2(ticks > 5, qPrintable(QString::number(ticks)));
    QVERIFY(lab.measureButton()->isEnabled());

    const int n = GpuLab::batchSizes().size();
    QCOMPARE(lab.cpuMillis().size(), n);
    for (double ms : lab.cpuMillis()) QVERIFY(std::isfinite(ms) && ms > 0);
    // A step on 1024 samples costs more than a step on 1 (the CPU does the work serially).
    QVERIFY(lab.cpuMillis().back() > lab.cpuMillis().front());
    // The plotted CPU curve is exactly the measured one.
    QCPGraph* cpu = lab.timePlot()->graph(0);
    QCOMPARE(cpu->dataCount(), n);
    for (int i = 0; i < n; ++i) {
      QCOMPARE(cpu->data()->at(i)->key, double(GpuLab::batchSizes()[i]));
      QCOMPARE(cpu->data()->at(i)->value, lab.cpuMillis()[i]);
    }
    if (gs::device_available(gs::Device::CUDA)) {
      QCOMPARE(lab.timePlot()->graphCount(), 2);
      for (double ms : lab.gpuMillis()) QVERIFY(std::isfinite(ms) && ms > 0);
    } else {
      QCOMPARE(lab.timePlot()->graphCount(), 1);
      QVERIFY(lab.deviceLabel()->text().contains("CUDA is not available here"));
      std::string why;
      gs::device_available(gs::Device::CUDA, &why);
      QVERIFY(lab.deviceLabel()->text().contains(QString::fromStdString(why)));
      QVERIFY(lab.verdictLabel()->text().isEmpty());
    }
  }

  void closingWhileMeasuringIsSafe() {
    auto* lab = new GpuLab;
    lab->workloadCombo()->setCurrentIndex(1);  // the CNN: slow enough to be mid-run
    lab->measure();
    QTest::qWait(50);
    delete lab;  // joins the worker; queued points to the dead lab are dropped
    QVERIFY(true);
  }

  void pytorchCodeFollowsTheWorkload() {
    GpuLab lab;
    QVERIFY(lab.pytorchCode().contains("nn.Linear(784, 256)"));
    QVERIFY(lab.pytorchCode().contains("torch.cuda.synchronize()"));
    lab.workloadCombo()->setCurrentIndex(1);
    QVERIFY(lab.pytorchCode().contains("nn.Conv2d(1, 8, 3, padding=1)"));
  }
};

QTEST_MAIN(TestLabGpu)
#include "tst_lab_gpu.moc"
