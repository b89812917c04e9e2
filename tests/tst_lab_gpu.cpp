// GPU lab: pressing Measure times real training steps at every batch size off the UI thread; the
// curves hold exactly what was measured and are named; without a GPU the lab names the reason and
// draws the CPU curve alone; closing mid-measurement stops the work and drops its late results.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <cmath>
#include <qcustomplot.h>

#include "app/engine_message.h"
#include "app/language.h"
#include "backend/backend.h"
#include "labs/gpu/gpu_lab.h"
#include "plots/plot_style.h"

using namespace gsui;

namespace {

/// The lab's status line.
QString statusText(const GpuLab& lab) { return lab.controls()->findChild<QLabel*>("status")->text(); }

}  // namespace

class TestLabGpu : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void measureFillsTheCurvesWithoutBlockingTheWindow() {
    GpuLab lab;
    lab.resize(900, 600);
    lab.show();
    QSignalSpy done(&lab, &GpuLab::measured);
    QCOMPARE(lab.workloadCombo()->currentData().toString(), QString("W2"));
    // (the button names what it will time: no GPU, no GPU in its name)
    QCOMPARE(lab.measureButton()->text(), lab.gpuAvailable() ? QString("Measure CPU and GPU") : QString("Measure the CPU"));
    QCOMPARE(statusText(lab), QString("Press Measure: each point times real training steps."));
    QCOMPARE(lab.timePlot()->graph(0)->dataCount(), 0);  // nothing measured yet
    // ... but the empty plot says what will appear on it.
    QVERIFY(lab.placeholder()->visible());
    QVERIFY2(lab.placeholderText().startsWith("Press Measure: for each batch size from 1 to 1024"), qPrintable(lab.placeholderText()));
    QCOMPARE(lab.placeholderText().contains("GPU"), lab.gpuAvailable());
    // Wrapped to the plot's width: no line wider than the axis rectangle.
    lab.timePlot()->replot();
    for (const QString& line : lab.placeholder()->text().split('\n'))
      QVERIFY2(QFontMetrics(lab.placeholder()->font()).horizontalAdvance(line) <= lab.timePlot()->axisRect()->width(), qPrintable(line));
    QTest::mouseClick(lab.measureButton(), Qt::LeftButton);
    QVERIFY(lab.measuring());
    QVERIFY(!lab.measureButton()->isEnabled());
    QVERIFY(!lab.workloadCombo()->isEnabled());
    QCOMPARE(statusText(lab), QString::fromUtf8("Measuring… (the window stays usable)"));
    // The event loop keeps running while the worker measures: a timer still fires.
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, [&] { ++ticks; });
    timer.start(20);
    QVERIFY(done.wait(120000));
    QCOMPARE(done.count(), 1);
    QVERIFY2(ticks > 5, qPrintable(QString::number(ticks)));
    QVERIFY(!lab.measuring());
    QVERIFY(lab.measureButton()->isEnabled());
    QVERIFY(lab.workloadCombo()->isEnabled());
    QVERIFY(statusText(lab) != QString::fromUtf8("Measuring… (the window stays usable)"));
    QVERIFY(!lab.placeholder()->visible());  // the curves speak for themselves

    const int n = GpuLab::batchSizes().size();
    QCOMPARE(GpuLab::batchSizes(), (QVector<int>{1, 4, 16, 64, 256, 1024}));
    QCOMPARE(lab.cpuMillis().size(), n);
    // Every batch size was timed (how the times compare is for the plot to show: a timed unit
    // test would be flaky on a loaded machine, and the first point also pays the warm-up).
    for (double ms : lab.cpuMillis()) QVERIFY(std::isfinite(ms) && ms > 0);

    // The plotted CPU curve is exactly the measured one, named with the thread count, in the legend.
    QCustomPlot* plot = lab.timePlot();
    QCPGraph* cpu = plot->graph(0);
    QCOMPARE(cpu->name(), QString("CPU (threads: %1)").arg(gs::get_num_threads()));
    QVERIFY(plot->legend->visible() && plot->legend->itemWithPlottable(cpu));
    QCOMPARE(cpu->dataCount(), n);
    for (int i = 0; i < n; ++i) {
      QCOMPARE(cpu->data()->at(i)->key, double(GpuLab::batchSizes()[i]));
      QCOMPARE(cpu->data()->at(i)->value, lab.cpuMillis()[i]);
    }
    QCOMPARE(plot->xAxis->label(), QString("batch size"));
    QCOMPARE(plot->yAxis->label(), QString("milliseconds per step"));
    QCOMPARE(plotTitle(plot), QString("Where does the GPU overtake the CPU?"));
    // Both axes are logarithmic and the time axis spans every measured point with room around it.
    QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
    double lo = INFINITY, hi = 0;
    for (const QVector<double>* v : {&lab.cpuMillis(), &lab.gpuMillis()})
      for (double ms : *v)
        if (std::isfinite(ms)) lo = std::min(lo, ms), hi = std::max(hi, ms);
    QCOMPARE(plot->yAxis->range().lower, lo / 2);
    QCOMPARE(plot->yAxis->range().upper, hi * 2);

    std::string why;
    if (gs::device_available(gs::Device::CUDA, &why)) {
      QVERIFY(lab.gpuAvailable());
      QCOMPARE(lab.deviceLabel()->text(), QString("GPU: CUDA is available (cuda:0)."));
      QCOMPARE(plot->graphCount(), 2);
      QCOMPARE(plot->graph(1)->name(), QString("GPU (CUDA)"));
      QCOMPARE(plot->graph(1)->dataCount(), n);
      for (int i = 0; i < n; ++i) {
        QVERIFY(std::isfinite(lab.gpuMillis()[i]) && lab.gpuMillis()[i] > 0);
        QCOMPARE(plot->graph(1)->data()->at(i)->value, lab.gpuMillis()[i]);
      }
      // The verdict names the first batch size where the GPU step was faster, or says it never was.
      int crossing = -1;
      for (int i = 0; i < n && crossing < 0; ++i)
        if (lab.gpuMillis()[i] < lab.cpuMillis()[i]) crossing = i;
      if (crossing >= 0)
        QVERIFY2(lab.verdictLabel()->text().startsWith(QString("The GPU is faster from batch %1 on.").arg(GpuLab::batchSizes()[crossing])),
                 qPrintable(lab.verdictLabel()->text()));
      else
        QCOMPARE(lab.verdictLabel()->text(), QString("The CPU won at every batch size here: this model is too small to fill the GPU."));
    } else {
      QVERIFY(!lab.gpuAvailable());
      QVERIFY(!why.empty());
      QCOMPARE(lab.deviceLabel()->text(),
               QString("CUDA is not available here: %1. That is fine: the CPU curve is measured alone. On a machine with an "
                       "NVIDIA GPU, the GPU curve appears beside it.")
                   .arg(QString::fromStdString(why)));
      QCOMPARE(plot->graphCount(), 1);
      for (double ms : lab.gpuMillis()) QVERIFY(std::isnan(ms));  // never measured
      QCOMPARE(lab.verdictLabel()->text(), QString());
    }

    // Another workload clears the curves: they showed the old model.
    lab.workloadCombo()->setCurrentIndex(lab.workloadCombo()->findData("W3"));
    for (double ms : lab.cpuMillis()) QVERIFY(std::isnan(ms));
    QCOMPARE(plot->graph(0)->dataCount(), 0);
    QCOMPARE(statusText(lab), QString("Press Measure: each point times real training steps."));
    QVERIFY(lab.placeholder()->visible());
  }

  void reasonsAreTranslatedByTheirText() {
    // core's known reasons come back word for word in English (and through tr() in Korean); the
    // driver's words, the GPU's name and the architectures are quoted unchanged.
    const QStringList known = {
        "this GradScope was built without the CUDA backend (configure it with the CUDA toolkit installed and -DGRADSCOPE_CUDA=ON)",
        "no NVIDIA GPU was found",
        "no usable NVIDIA driver or GPU (CUDA driver version is insufficient for CUDA runtime version)",
        "NVIDIA H200 (compute capability 9.0) cannot run this GradScope's CUDA kernels, which were built for the architectures 80 "
        "(CMAKE_CUDA_ARCHITECTURES)",
        "the GPU cannot load this GradScope's CUDA kernels (invalid argument)",
        "something new"};
    for (const QString& why : known) QCOMPARE(GpuLab::translatedReason(why), why);
    Language::instance().setLanguage("ko");
    QCOMPARE(GpuLab::translatedReason("something new"), QString("something new"));  // unknown: as core says it
    const QString arch = GpuLab::translatedReason(known[3]);
    QVERIFY2(arch.contains("NVIDIA H200") && arch.contains("9.0") && arch.contains("80"), qPrintable(arch));
    Language::instance().setLanguage("en");
  }

  // The CUDA runtime's own reasons (cudaGetErrorString) are coded words: said in Korean inside the
  // Korean sentence, not left in English.
  void theDriversReasonIsSaidInKorean() {
    Language::instance().setLanguage("ko");
    const QString said = engineMessage("cuda_no_driver", {"CUDA driver version is insufficient for CUDA runtime version"},
                                       "no usable NVIDIA driver or GPU (CUDA driver version is insufficient for CUDA runtime version)");
    QVERIFY2(said.contains(QString::fromUtf8("오래되었습니다")) && !said.contains("insufficient"), qPrintable(said));
    const QString none = engineMessage("cuda_no_driver", {"no CUDA-capable device is detected"}, QString());
    QVERIFY2(!none.contains("detected"), qPrintable(none));
    // A reason the table does not know is quoted as the driver said it.
    QVERIFY(engineMessage("cuda_no_driver", {"unknown error"}, QString()).contains("unknown error"));
    Language::instance().setLanguage("en");
    QCOMPARE(engineMessage("cuda_no_driver", {"no CUDA-capable device is detected"}, QString()),
             QString("no usable NVIDIA driver or GPU (no CUDA-capable device is detected)"));
  }

  void closingWhileMeasuringIsSafe() {
    QPointer<GpuLab> lab = new GpuLab;
    QSignalSpy measured(lab.data(), &GpuLab::measured);
    QSignalSpy destroyed(lab.data(), &QObject::destroyed);
    lab->workloadCombo()->setCurrentIndex(lab->workloadCombo()->findData("W3"));  // the CNN: slow enough to be mid-run
    lab->measure();
    QVERIFY(lab->measuring());
    // Mid-run: the first point has come back to the UI thread, the largest batch has not.
    QTRY_VERIFY_WITH_TIMEOUT(std::isfinite(lab->cpuMillis().front()), 60000);
    QVERIFY(lab->measuring());
    QVERIFY(std::isnan(lab->cpuMillis().back()));
    delete lab.data();  // cancels and joins the timing
    QVERIFY(lab.isNull());
    QCOMPARE(destroyed.count(), 1);
    // Whatever the worker posted before it stopped is dropped with the lab: nothing is delivered
    // to the dead object, and the run never reports itself finished.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(measured.count(), 0);
  }

  void pytorchCodeFollowsTheWorkload() {
    GpuLab lab;
    QVERIFY(lab.pytorchCode().contains("nn.Linear(784, 256)"));
    QVERIFY(lab.pytorchCode().contains("torch.optim.Adam(model.parameters(), lr=1e-3)"));
    QVERIFY(lab.pytorchCode().contains("torch.cuda.synchronize()"));
    lab.workloadCombo()->setCurrentIndex(lab.workloadCombo()->findData("W3"));
    QVERIFY(lab.pytorchCode().contains("nn.Conv2d(1, 8, 3, padding=1)"));
    QVERIFY(lab.pytorchCode().contains("torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)"));
  }
};

QTEST_MAIN(TestLabGpu)
#include "tst_lab_gpu.moc"
