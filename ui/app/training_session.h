#pragma once
// The one way labs train (DESIGN.md, Threading): a worker thread owns the Trainer and the model;
// the UI posts changes to it and reads the latest published frame on its own timer, never
// blocking on training.
//
// Frames are typed (TrainingSession<Frame>, no std::any) and immutable once published: the worker
// builds a Frame, wraps it in a shared_ptr<const Frame> and bumps a version number, so the UI
// compares versions and copies nothing (not even the pointer) while nothing changed.
//
// Every change of the worker's state (play, pause, a step, a posted change, quit) is made under
// the mutex the worker waits on, so a wake-up cannot fall between the worker's check and its wait.
#include <QObject>
#include <QString>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "train/trainer.h"

namespace gsui {

/// The thread, the play state and the change queue; TrainingSession<Frame> adds the frames.
class TrainingSessionBase : public QObject {
  Q_OBJECT
 public:
  using Change = std::function<void(gs::train::Trainer&)>;

  /// Follows the window's Play speed (PlaySpeed) while playing.
  explicit TrainingSessionBase(QObject* parent = nullptr);
  /// Subclasses must call stop() in their own destructor (the worker calls their makeFrame()).
  ~TrainingSessionBase() override;

  /// Why a run stopped by itself (divergence, early stopping) in the learner's language, from the
  /// snapshot's reason code; its English reason when it has none. For labs that show a frame's snapshot.
  static QString reasonOf(const gs::train::Snapshot& snapshot);

  /// Stops the worker and waits for it (the model is destroyed with it).
  void stop();
  bool running() const { return thread_.joinable(); }
  void setPlaying(bool playing);
  bool playing() const;
  /// Runs `steps` steps, then publishes a frame.
  void step(int steps = 1);
  /// Runs `change` in the worker before its next step (a hyperparameter change takes effect
  /// there). A change that throws stops the run with its reason.
  void post(Change change);
  /// The trainer's snapshot (safe from any thread); empty before the first start().
  gs::train::Snapshot snapshot() const;
  /// Steps per second over the last second of training.
  double stepsPerSecond() const;
  /// The most steps per second Play takes (0: flat out). Single steps are never held back.
  void setMaxStepsPerSecond(double steps_per_second);
  double maxStepsPerSecond() const;
  /// The numbers of the last step, as a slow Play shows them: "step 12 · epoch 3 · loss 0.412 · lr 0.03".
  static QString readoutOf(const gs::train::Snapshot& snapshot);
  /// The number of frames published since start(): equal numbers, the same frame.
  std::uint64_t frameVersion() const;
  /// Whether each pass over the training data ends with Trainer::finish_epoch() (evaluation on
  /// train and test, the scheduler's step), so that epochs match `gradscope-cli train`'s. Set
  /// before start(); off by default (the Playground's passes are too short to evaluate each).
  void setEvaluateEachEpoch(bool on) { evaluate_each_epoch_ = on; }

 signals:
  /// The run stopped by itself (divergence, or a step or change that threw), with the reason.
  /// Emitted in the UI thread.
  void stoppedByItself(const QString& reason);

 protected:
  /// Starts a paused worker on `trainer`, after publishing the untrained model's frame.
  void startWorker(std::unique_ptr<gs::train::Trainer> trainer, int frame_interval_ms);
  /// Builds and stores the frame of the trainer's current state (called in the worker, and in
  /// start() before the worker exists). Throws what the frame function throws.
  virtual void publishFrame(gs::train::Trainer& trainer) = 0;
  /// Counts a published frame; called by publishFrame() under frameMutex().
  void bumpVersion() { ++version_; }
  std::mutex& frameMutex() const { return frame_mutex_; }

 private:
  void loop();
  /// Runs the posted changes; false when one threw (the run stopped with its reason).
  bool applyChanges();
  /// One training step; false when the run stopped (divergence, an error).
  bool trainOneStep(bool single);
  void stopWith(const QString& reason);
  /// A change, a step or a frame threw: the run stops with the reason and takes no steps until
  /// the next change.
  void failWith(const std::exception& e);

  std::thread thread_;  ///< (a std::thread: its start and join are visible to ThreadSanitizer)
  std::unique_ptr<gs::train::Trainer> trainer_;
  int frame_interval_ms_ = 33;
  bool evaluate_each_epoch_ = false;  ///< read by the worker; set only while it does not run

  // The worker's state: changed only under mutex_, which the worker waits on.
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool quit_ = false, playing_ = false;
  bool failed_ = false;  ///< a step threw: no steps until a posted change or the next start()
  int pending_steps_ = 0;
  std::vector<Change> changes_;
  double rate_ = 0;
  double max_rate_ = 0;  ///< Play's limit in steps per second (0: none)

  mutable std::mutex frame_mutex_;  ///< guards version_ and the subclass's frame
  std::uint64_t version_ = 0;
};

/// A training session whose worker publishes frames of type Frame (what the lab draws, copied
/// out of the model in the worker; the UI never touches the model).
template <class Frame>
class TrainingSession : public TrainingSessionBase {
 public:
  /// Runs in the worker with the trainer (so it may use the model): builds what the UI draws.
  /// Called every `frame_interval_ms` while training, and after single steps and changes.
  using FrameFn = std::function<Frame(gs::train::Trainer&)>;

  using TrainingSessionBase::TrainingSessionBase;
  ~TrainingSession() override { stop(); }

  /// Stops any previous run and starts a paused one on a new trainer.
  void start(std::unique_ptr<gs::train::Trainer> trainer, FrameFn frame, int frame_interval_ms = 33) {
    stop();
    frame_fn_ = std::move(frame);
    startWorker(std::move(trainer), frame_interval_ms);
  }
  /// The latest frame (null before the first start()). Immutable: the worker never changes a
  /// frame once published, it publishes a new one.
  std::shared_ptr<const Frame> latestFrame() const {
    std::lock_guard lock(frameMutex());
    return frame_;
  }

 protected:
  void publishFrame(gs::train::Trainer& trainer) override {
    auto frame = std::make_shared<const Frame>(frame_fn_(trainer));
    std::lock_guard lock(frameMutex());
    frame_ = std::move(frame);
    bumpVersion();
  }

 private:
  FrameFn frame_fn_;
  std::shared_ptr<const Frame> frame_;
};

}  // namespace gsui
