// The UI's two ways to run work off its thread: TrainingSession<Frame> (training, with typed
// immutable frames and a version number) and BackgroundJob (one-off jobs). Frames are not copied
// while nothing changed; play, step and posted changes reach the worker; a throwing step stops
// the run with its reason; a job reports back in order on the UI thread and can be cancelled.
#include <QtTest>

#include <atomic>

#include "app/background_job.h"
#include "app/play_speed.h"
#include "app/training_session.h"
#include "nn/linear.h"
#include "nn/loss.h"
#include "optim/sgd.h"

using namespace gsui;

namespace {

struct StepFrame {
  std::int64_t step = 0;
  double lr = 0;
};

/// A Trainer on y = 2x with a Linear(1, 1): enough to step, cheap enough to step fast.
std::unique_ptr<gs::train::Trainer> tinyTrainer() {
  gs::Generator g(1);
  auto model = std::make_shared<gs::nn::Linear>(gs::nn::LinearOptions{.in_features = 1, .out_features = 1}, gs::kFloat32, &g);
  gs::data::Dataset data{gs::from_vector({0, 1, 2, 3}, {4, 1}), gs::from_vector({0, 2, 4, 6}, {4, 1})};
  auto optimizer = std::make_unique<gs::optim::SGD>(model->parameters(), gs::optim::SGDOptions{.lr = 0.01});
  return std::make_unique<gs::train::Trainer>(model, gs::nn::make_loss("MSELoss"), std::move(optimizer), gs::optim::Scheduler{}, data,
                                              data, gs::train::TrainerConfig{.batch_size = 2});
}

StepFrame frameOf(gs::train::Trainer& t) { return {t.snapshot().step, t.optimizer().lr()}; }

}  // namespace

class TestThreads : public QObject {
  Q_OBJECT
 private slots:
  void framesAreVersionedAndSharedNotCopied() {
    TrainingSession<StepFrame> session;
    session.start(tinyTrainer(), frameOf);
    QCOMPARE(session.frameVersion(), std::uint64_t(1));  // the untrained model's frame, before the worker runs
    const std::shared_ptr<const StepFrame> first = session.latestFrame();
    QCOMPARE(first->step, std::int64_t(0));
    // Reading again copies nothing: the same frame object, the same version.
    QCOMPARE(session.latestFrame().get(), first.get());
    QCOMPARE(session.frameVersion(), std::uint64_t(1));
    session.step(3);
    QTRY_COMPARE(session.latestFrame()->step, std::int64_t(3));
    QVERIFY(session.frameVersion() > 1);
    QCOMPARE(first->step, std::int64_t(0));  // a published frame never changes
  }

  void playPauseAndPostedChangesReachTheWorker() {
    TrainingSession<StepFrame> session;
    session.start(tinyTrainer(), frameOf, 1);
    session.setPlaying(true);
    QVERIFY(session.playing());
    QTRY_VERIFY(session.latestFrame()->step > 20);
    session.setPlaying(false);
    QVERIFY(!session.playing());
    // (A step already under way when Pause came finishes; the change is applied after it.)
    session.post([](gs::train::Trainer& t) { t.optimizer().set_lr(0.5); });
    QTRY_COMPARE(session.latestFrame()->lr, 0.5);  // a change publishes a frame of its own
    const std::int64_t stopped = session.latestFrame()->step;
    session.post([](gs::train::Trainer& t) { t.optimizer().set_lr(0.25); });
    QTRY_COMPARE(session.latestFrame()->lr, 0.25);
    QCOMPARE(session.latestFrame()->step, stopped);  // paused: changes, but no steps
    session.stop();
    QVERIFY(!session.running());
  }

  // Play at the window's speed: at 4 steps a second the worker takes about 4 steps a second
  // (never more), each shown in a frame; single steps are not held back; flat out is fast again.
  void playFollowsTheWindowsSpeed() {
    TrainingSession<StepFrame> session;
    QCOMPARE(session.maxStepsPerSecond(), 0.0);  // flat out unless asked
    session.start(tinyTrainer(), frameOf, 1);
    PlaySpeed::instance().setStepsPerSecond(5);
    QCOMPARE(session.maxStepsPerSecond(), 5.0);
    QElapsedTimer clock;
    clock.start();
    session.setPlaying(true);
    QTest::qWait(1000);
    session.setPlaying(false);
    QTest::qWait(50);
    const std::int64_t slow = session.snapshot().step;
    const double seconds = clock.elapsed() / 1000.0;
    QVERIFY2(slow >= 1 && slow <= 5 * seconds + 1, qPrintable(QString("%1 steps in %2 s").arg(slow).arg(seconds)));
    QCOMPARE(session.latestFrame()->step, slow);  // each step was shown
    session.step(50);  // Step is never held back
    QTRY_COMPARE_WITH_TIMEOUT(session.latestFrame()->step, slow + 50, 2000);
    PlaySpeed::instance().setStepsPerSecond(0);
    QCOMPARE(session.maxStepsPerSecond(), 0.0);
    session.setPlaying(true);
    QTRY_VERIFY(session.latestFrame()->step > slow + 500);
    session.stop();
    QCOMPARE(PlaySpeed::label(1), QString("1 step/s"));
    QCOMPARE(PlaySpeed::label(30), QString("30 steps/s"));
    QCOMPARE(PlaySpeed::levels()[PlaySpeed::levelOf(8)], 10.0);
  }

  void aThrowingChangeStopsTheRunWithItsReason() {
    TrainingSession<StepFrame> session;
    session.start(tinyTrainer(), frameOf);
    QSignalSpy stopped(&session, &TrainingSessionBase::stoppedByItself);
    session.post([](gs::train::Trainer&) { throw std::runtime_error("batch_size: expected a positive integer, got 0"); });
    session.setPlaying(true);
    QVERIFY(stopped.wait(5000));
    QCOMPARE(stopped.first().first().toString(), QString("Training stopped: batch_size: expected a positive integer, got 0"));
    QTRY_VERIFY(!session.playing());
    // A later change lets the run try again.
    session.post([](gs::train::Trainer& t) { t.optimizer().set_lr(0.02); });
    session.step(2);
    QTRY_COMPARE(session.latestFrame()->step, std::int64_t(2));
  }

  void aJobReportsInOrderOnTheUiThread() {
    BackgroundJob job;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    std::vector<int> seen;
    const QThread* ui = QThread::currentThread();
    bool all_on_ui = true;
    QVERIFY(job.start([&](BackgroundJob& j) {
      for (int i = 0; i < 5; ++i) j.post([&, i] {
          seen.push_back(i);
          all_on_ui = all_on_ui && QThread::currentThread() == ui;
        });
    }));
    QVERIFY(!job.start([](BackgroundJob&) {}));  // one job at a time
    QVERIFY(finished.wait(5000));
    QCOMPARE(seen, (std::vector<int>{0, 1, 2, 3, 4}));
    QVERIFY(all_on_ui);
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(!job.running());
  }

  void aJobThatThrowsSaysWhy() {
    BackgroundJob job;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    job.start([](BackgroundJob&) { throw std::runtime_error("CUDA is not available: no GPU"); });
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toString(), QString("CUDA is not available: no GPU"));
  }

  void cancellingStopsAJobAndDropsItsLatePosts() {
    std::atomic<int> rounds{0};
    int posted = 0;
    {
      BackgroundJob job;
      job.start([&](BackgroundJob& j) {
        while (!j.cancelled()) {
          ++rounds;
          j.post([&] { ++posted; });
          QThread::msleep(1);
        }
      });
      QTRY_VERIFY(rounds > 3);
      job.cancel();
      QVERIFY(!job.running());
      const int after_cancel = rounds;
      QCoreApplication::processEvents();
      QCOMPARE(rounds.load(), after_cancel);  // the worker has returned
      QVERIFY(job.start([](BackgroundJob&) {}));  // and a new job may start
    }
    const int before = posted;
    QCoreApplication::processEvents();  // the job is destroyed: its queued posts are dropped
    QCOMPARE(posted, before);
  }
};

QTEST_MAIN(TestThreads)
#include "tst_threads.moc"
