#pragma once
// The one way labs train (DESIGN.md, Threading): a worker thread owns the Trainer and the model;
// the UI posts changes to it and reads the latest published frame on its own timer, never
// blocking on training. Play / pause / step are atomics; frames are copies.
#include <QObject>
#include <any>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "train/trainer.h"

namespace gsui {

class TrainingSession : public QObject {
  Q_OBJECT
 public:
  /// Runs in the worker thread with the trainer (so it may use the model): builds what the UI
  /// draws. Called every `frame_interval_ms` while training, and after single steps.
  using FrameFn = std::function<std::any(gs::train::Trainer&)>;

  explicit TrainingSession(QObject* parent = nullptr);
  ~TrainingSession() override;

  /// Stops any previous run and starts a paused one on a new trainer.
  void start(std::unique_ptr<gs::train::Trainer> trainer, FrameFn frame, int frame_interval_ms = 33);
  /// Stops the worker and waits for it (the model is destroyed with it).
  void stop();
  bool running() const { return thread_.joinable(); }
  void setPlaying(bool playing);
  bool playing() const { return playing_.load(); }
  /// Runs `steps` steps, then publishes a frame.
  void step(int steps = 1);
  /// Runs fn in the worker before its next step (a hyperparameter change takes effect there).
  void post(std::function<void(gs::train::Trainer&)> fn);
  /// The latest frame (empty before the first).
  std::any latestFrame() const;
  gs::train::Snapshot snapshot() const;
  /// Steps per second over the last second of training.
  double stepsPerSecond() const { return rate_.load(); }

 signals:
  /// The run stopped by itself (divergence, or a step that threw), with the reason. Emitted in
  /// the UI thread.
  void stoppedByItself(const QString& reason);

 private:
  void loop();

  std::thread thread_;  ///< (a std::thread: its start and join are visible to ThreadSanitizer)
  std::unique_ptr<gs::train::Trainer> trainer_;
  FrameFn frame_fn_;
  int frame_interval_ms_ = 33;
  std::atomic<bool> quit_{false}, playing_{false};
  std::atomic<bool> failed_{false};  ///< a step threw: no steps until a posted change or the next start()
  std::atomic<int> pending_steps_{0};
  std::atomic<double> rate_{0};
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::function<void(gs::train::Trainer&)>> posts_;
  std::any frame_;
};

}  // namespace gsui
