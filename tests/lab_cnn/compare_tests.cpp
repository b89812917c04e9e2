// The CNN lab's "MLP vs CNN" page: the two scenarios are the issue's networks; "Train both" trains
// them in the background to the end, and what the page shows (curves, bars, parameter counts)
// equals a run of the same scenario file trained directly here, bit for bit — also when Play is
// paused mid-epoch and resumed; Reset or closing mid-training returns at once and drops the job's
// late reports; a missing Fashion-MNIST names its Debian package and digits keep working.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <qcustomplot.h>

#include "app/language.h"
#include "labs/cnn/cnn_compare_page.h"
#include "spec/scenario.h"
#include "train/inspect.h"

using namespace gsui;
using nlohmann::json;

namespace {

constexpr int kTimeoutMs = 120000;

/// The issue's scenario for one model, written out here independently of the page.
json issueScenario(bool mlp, int epochs) {
  const json mlpLayers = json::parse(R"([{"type": "Flatten"}, {"type": "Linear", "out_features": 128}, {"type": "ReLU"},
                                         {"type": "Linear", "out_features": 10}])");
  const json cnnLayers = json::parse(R"([
      {"type": "Conv2d", "out_channels": 16, "kernel_size": 5, "padding": 2}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
      {"type": "Conv2d", "out_channels": 32, "kernel_size": 5, "padding": 2}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
      {"type": "Flatten"}, {"type": "Linear", "out_features": 64}, {"type": "ReLU"}, {"type": "Linear", "out_features": 10}])");
  return {{"version", 1},
          {"title", mlp ? "MLP vs CNN: the MLP" : "MLP vs CNN: the CNN"},
          {"lab", "cnn"},
          {"dataset", {{"name", "digits"}, {"n", 1797}, {"standardize", false}, {"seed", 0}}},
          {"model", {{"input_shape", {1, 8, 8}}, {"layers", mlp ? mlpLayers : cnnLayers}}},
          {"loss", "CrossEntropyLoss"},
          {"optimizer", {{"name", "Adam"}, {"lr", 0.001}}},
          {"batch_size", 64},
          {"epochs", epochs},
          {"seed", 0}};
}

/// Test accuracy per epoch and the shift test of the scenario trained here with run_epoch.
struct DirectRun {
  QVector<double> accuracy;
  std::vector<double> shifted;
};
DirectRun trainDirectly(bool mlp, int epochs) {
  gs::spec::Scenario s = gs::spec::parse_scenario(issueScenario(mlp, epochs));
  gs::spec::Run run = gs::spec::make_run(s);
  DirectRun r;
  for (int e = 0; e < epochs; ++e) {
    if (!run.trainer->run_epoch()) break;
    r.accuracy << run.trainer->snapshot().test_accuracy;
  }
  for (int shift = 0; shift <= kMaxShift; ++shift)
    r.shifted.push_back(gs::train::shifted_accuracy(run.trainer->model(), run.trainer->test_set(), shift, 0, false));
  return r;
}

template <typename T>
T* find(const CnnComparePage& page, const char* name) {
  T* w = page.findChild<T*>(name);
  if (!w) w = page.controls()->findChild<T*>(name);
  return w;
}

QString statusText(const CnnComparePage& page) { return find<QLabel>(page, "status")->text(); }

}  // namespace

class CnnCompareTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void scenariosAreTheIssueNetworks() {
    const CompareSettings digits{.dataset = "digits", .subset = 1797, .epochs = 4};
    QVERIFY(compareScenario(CompareModel::Mlp, digits) == gs::spec::parse_scenario(issueScenario(true, 4)));
    QVERIFY(compareScenario(CompareModel::Cnn, digits) == gs::spec::parse_scenario(issueScenario(false, 4)));
    // Core's count, by shape inference and by the built model's parameters alike.
    for (CompareModel m : kCompareModels) {
      gs::spec::Scenario s = compareScenario(m, digits);
      std::int64_t built = 0;
      for (const gs::Tensor& p : gs::spec::build_model(s.model)->parameters()) built += p.numel();
      QCOMPARE(parameterCount(m, digits), built);
    }
    QCOMPARE(parameterCount(CompareModel::Mlp, digits), std::int64_t(64 * 128 + 128 + 128 * 10 + 10));
    QCOMPARE(parameterCount(CompareModel::Cnn, digits), std::int64_t(416 + 12832 + 128 * 64 + 64 + 650));
    const CompareSettings fashion{.dataset = "fashion_mnist", .subset = 6000, .epochs = 4};
    QCOMPARE(parameterCount(CompareModel::Mlp, fashion), std::int64_t(784 * 128 + 128 + 1290));
    QCOMPARE(parameterCount(CompareModel::Cnn, fashion), std::int64_t(416 + 12832 + 1568 * 64 + 64 + 650));
  }

  void trainsBothToTheEndAsCoreDoes() {
    CnnComparePage page;
    page.resize(900, 600);
    page.show();
    QCOMPARE(find<QComboBox>(page, "dataset")->currentData().toString(), QString("digits"));
    find<QSpinBox>(page, "epochs")->setValue(3);
    QSignalSpy finished(&page, &CnnComparePage::trainingFinished);
    QTest::mouseClick(find<QPushButton>(page, "trainBoth"), Qt::LeftButton);
    QVERIFY(page.training());
    QVERIFY(!find<QPushButton>(page, "trainBoth")->isEnabled());
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY(!page.training());
    QVERIFY2(statusText(page).startsWith("After epoch 3:"), qPrintable(statusText(page)));

    auto* curves = find<QCustomPlot>(page, "accuracyPlot");
    auto* bars = find<QCustomPlot>(page, "shiftPlot");
    for (CompareModel m : kCompareModels) {
      const int i = static_cast<int>(m);
      const DirectRun direct = trainDirectly(m == CompareModel::Mlp, 3);
      QCOMPARE(page.accuracy(m), direct.accuracy);  // exact: the same run, epoch for epoch
      QCOMPARE(curves->graph(i)->dataCount(), 3);
      for (int e = 0; e < 3; ++e) {
        QCOMPARE(curves->graph(i)->data()->at(e)->key, double(e + 1));
        QCOMPARE(curves->graph(i)->data()->at(e)->value, direct.accuracy[e] * 100.0);
      }
      QCOMPARE(page.shiftReport().accuracy[i], direct.shifted);
      QCOMPARE(page.shiftReport().accuracy[i][0], direct.accuracy.last());  // shift 0 is the plain test
      auto* shown = qobject_cast<QCPBars*>(bars->plottable(i));
      QVERIFY(shown);
      QCOMPARE(shown->dataCount(), kMaxShift + 1);
      for (int k = 0; k <= kMaxShift; ++k) QCOMPARE(shown->data()->at(k)->value, direct.shifted[k] * 100.0);
      // The legend and the side panel name core's parameter count.
      const QString count = QLocale().toString(static_cast<qlonglong>(parameterCount(m, page.settings())));
      QVERIFY2(curves->graph(i)->name().contains(count), qPrintable(curves->graph(i)->name()));
      const QString label = find<QLabel>(page, i == 0 ? "mlpParameters" : "cnnParameters")->text();
      QVERIFY2(label.contains(count), qPrintable(label));
    }
    QCOMPARE(find<QLabel>(page, "mlpParameters")->text().contains(QLocale().toString(9610)), true);
    QVERIFY(find<QLabel>(page, "cnnParameters")->text().contains(QLocale().toString(22154)));

    // The conclusion is the numbers' own: the drop at 2 pixels of each model, to one decimal.
    const auto& a = page.shiftReport().accuracy;
    const QString conclusion = find<QLabel>(page, "conclusion")->text();
    QVERIFY2(conclusion.startsWith("Shifted by 2 pixels"), qPrintable(conclusion));
    for (int m = 0; m < 2; ++m) {
      const double drop = (a[m][0] - a[m][2]) * 100;
      QVERIFY2(conclusion.contains(QLocale().toString(drop >= 0 && (a[1 - m][0] - a[1 - m][2]) >= 0 ? drop : -drop, 'f', 1)),
               qPrintable(conclusion));
    }
    QCOMPARE(page.shiftReport().examples.size(), std::size_t(kExampleCount));
    QVERIFY(page.pytorchCode().contains("nn.Conv2d(1, 16, kernel_size=5, padding=2)"));
    QVERIFY(page.pytorchCode().contains("F.pad(X, (k, 0))"));
  }

  void pausedMidEpochAndResumedIsTheSameRun() {
    CnnComparePage page;
    find<QSpinBox>(page, "epochs")->setValue(3);
    QSignalSpy finished(&page, &CnnComparePage::trainingFinished);
    QSignalSpy stopped(&page, &CnnPage::stoppedPlaying);
    page.setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(!page.accuracy(CompareModel::Mlp).isEmpty(), kTimeoutMs);
    page.setPlaying(false);  // somewhere in the CNN's first epoch or later
    QVERIFY(!page.training());
    const int before = page.accuracy(CompareModel::Mlp).size();
    page.setPlaying(true);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(stopped.count(), 1);
    QVERIFY(before <= 3);
    QCOMPARE(page.accuracy(CompareModel::Mlp), trainDirectly(true, 3).accuracy);
    QCOMPARE(page.accuracy(CompareModel::Cnn), trainDirectly(false, 3).accuracy);
    // Step adds one more epoch of both.
    page.step();
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(page.accuracy(CompareModel::Mlp).size(), 4);
    QCOMPARE(page.accuracy(CompareModel::Cnn), trainDirectly(false, 4).accuracy);
  }

  void resetMidTrainingIsPromptAndDropsLateReports() {
    CnnComparePage page;
    find<QSpinBox>(page, "epochs")->setValue(50);
    QTest::mouseClick(find<QPushButton>(page, "trainBoth"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page.accuracy(CompareModel::Mlp).isEmpty(), kTimeoutMs);
    QElapsedTimer clock;
    clock.start();
    page.reset();
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!page.training());
    QTest::qWait(200);  // reports the job queued before it stopped arrive now, and are dropped
    QVERIFY(page.accuracy(CompareModel::Mlp).isEmpty());
    QVERIFY(page.accuracy(CompareModel::Cnn).isEmpty());
    QCOMPARE(find<QCustomPlot>(page, "accuracyPlot")->graph(0)->dataCount(), 0);
    QVERIFY(find<QPushButton>(page, "trainBoth")->isEnabled());
  }

  void closingMidTrainingIsPrompt() {
    auto* page = new CnnComparePage;
    find<QSpinBox>(*page, "epochs")->setValue(50);
    page->step();
    QTRY_VERIFY_WITH_TIMEOUT(page->training(), 1000);
    QElapsedTimer clock;
    clock.start();
    delete page;
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QTest::qWait(100);  // late queued reports to the deleted page must not arrive
  }

  void missingFashionMnistNamesThePackage() {
    qputenv("GRADSCOPE_FASHION_MNIST_DIR", "/nonexistent/fashion-mnist");
    CnnComparePage page;
    QSignalSpy finished(&page, &CnnComparePage::trainingFinished);
    auto* dataset = find<QComboBox>(page, "dataset");
    dataset->setCurrentIndex(dataset->findData("fashion_mnist"));
    QCOMPARE(find<QSpinBox>(page, "subset")->value(), 6000);
    QTest::mouseClick(find<QPushButton>(page, "trainBoth"), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(statusText(page).contains("dataset-fashion-mnist"), qPrintable(statusText(page)));
    QVERIFY(page.accuracy(CompareModel::Mlp).isEmpty());
    qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
    // Digits still train.
    dataset->setCurrentIndex(dataset->findData("digits"));
    QCOMPARE(find<QSpinBox>(page, "subset")->value(), 1797);
    find<QSpinBox>(page, "epochs")->setValue(1);
    QTest::mouseClick(find<QPushButton>(page, "trainBoth"), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(page.accuracy(CompareModel::Cnn), trainDirectly(false, 1).accuracy);
  }
};

int runCompareTests(int argc, char** argv) {
  CnnCompareTest tests;
  return QTest::qExec(&tests, argc, argv);
}

bool hasCompareTest(const char* name) {
  return CnnCompareTest::staticMetaObject.indexOfMethod(QByteArray(name) + "()") >= 0;
}

#include "compare_tests.moc"
