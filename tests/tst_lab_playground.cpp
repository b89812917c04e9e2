// Playground lab: training in the worker reaches the accuracy the CLI reaches on the same
// problem, the threshold slider changes the confusion matrix as core's metrics say, live
// hyperparameter changes reach the worker, and the worker starts, stops and restarts cleanly.
#include <QtTest>

#include <QSpinBox>
#include <QTableWidget>

#include "app/language.h"
#include "labs/playground/playground_lab.h"
#include "metrics/metrics.h"

using namespace gsui;

class TestLabPlayground : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void trainsInTheWorkerToAGoodAccuracy() {
    PlaygroundLab lab;
    lab.setDataset("gaussian");
    QVERIFY(lab.trainSteps(400));
    QVERIFY2(lab.frame().test_accuracy >= 0.95, qPrintable(QString::number(lab.frame().test_accuracy)));
    lab.setDataset("xor");
    lab.setHiddenLayers({8, 8});
    QVERIFY(lab.trainSteps(2000));
    QVERIFY2(lab.frame().test_accuracy >= 0.9, qPrintable(QString::number(lab.frame().test_accuracy)));
  }

  void thresholdSliderMovesTheConfusionMatrix() {
    PlaygroundLab lab;
    lab.setDataset("moons");
    QVERIFY(lab.trainSteps(300));
    const std::vector<int> y = lab.testLabels();
    const std::vector<double> scores = lab.frame().test_scores;
    QCOMPARE(scores.size(), y.size());
    for (double t : {0.2, 0.5, 0.8}) {
      lab.setThreshold(t);
      const gs::metrics::BinaryScores b = gs::metrics::binary_scores(y, scores, t);
      QCOMPARE(lab.confusionTable()->item(0, 0)->text().toLongLong(), b.tn);
      QCOMPARE(lab.confusionTable()->item(0, 1)->text().toLongLong(), b.fp);
      QCOMPARE(lab.confusionTable()->item(1, 0)->text().toLongLong(), b.fn);
      QCOMPARE(lab.confusionTable()->item(1, 1)->text().toLongLong(), b.tp);
    }
    // Lowering the threshold never loses a true positive.
    lab.setThreshold(0.9);
    const auto tp_high = lab.confusionTable()->item(1, 1)->text().toLongLong();
    QTest::keyClick(lab.thresholdSlider(), Qt::Key_Home);
    QVERIFY(lab.confusionTable()->item(1, 1)->text().toLongLong() >= tp_high);
  }

  void liveLearningRateChangeReachesTheWorker() {
    PlaygroundLab lab;
    QVERIFY(lab.trainSteps(5));
    lab.setLearningRate(0.3);
    QVERIFY(lab.trainSteps(1));
    double seen = -1;
    lab.session().post([&seen](gs::train::Trainer& t) { seen = t.optimizer().lr(); });
    QVERIFY(lab.trainSteps(1));
    QCOMPARE(seen, 0.3);
    QVERIFY(lab.pytorchCode().contains("lr=0.3"));
    QVERIFY(lab.pytorchCode().contains("optimizer.zero_grad()"));
  }

  void workerStartStopRestart() {
    PlaygroundLab lab;
    for (int round = 0; round < 5; ++round) {
      lab.setPlaying(true);
      QTest::qWait(30);
      lab.setPlaying(false);
      lab.reset();  // stops the worker, builds a fresh model, starts again paused
      QVERIFY(lab.session().running());
    }
    lab.setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(lab.session().snapshot().step > 50, 10000);
    lab.session().stop();
    QVERIFY(!lab.session().running());
  }

  void tooHighALearningRateDivergesAndSaysSo() {
    PlaygroundLab lab;
    lab.setLearningRate(10);
    lab.setDataset("spiral");
    QVERIFY(lab.trainSteps(3000, 60000));
    // Either it diverged (and says why) or it is stuck far from a fit: both are the lesson.
    QVERIFY(lab.frame().diverged || lab.frame().test_accuracy < 0.9);
  }
};

QTEST_MAIN(TestLabPlayground)
#include "tst_lab_playground.moc"
