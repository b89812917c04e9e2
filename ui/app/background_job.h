#pragma once
// One-off work off the UI thread (DESIGN.md, Threading): timing training steps, loading a large
// data set. A lab owns a BackgroundJob and hands it the work; labs never start threads themselves,
// and training goes through TrainingSession instead.
//
// The work runs in a std::thread (visible to ThreadSanitizer). It reports back with post(), which
// runs a function in the UI thread, and checks cancelled() between pieces of work. The destructor
// cancels and joins, so a lab that closes mid-job neither waits for the whole job nor receives
// its posts afterwards (queued calls to a destroyed QObject are dropped by Qt).
#include <QObject>
#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>

namespace gsui {

class BackgroundJob : public QObject {
  Q_OBJECT
 public:
  using Work = std::function<void(BackgroundJob& job)>;

  explicit BackgroundJob(QObject* parent = nullptr) : QObject(parent) {}
  ~BackgroundJob() override;

  /// Runs `work` in a worker thread; false (nothing started) while a job still runs.
  bool start(Work work);
  /// Asks the running job to stop at its next cancelled() check and waits for it.
  void cancel();
  /// True from start() until finished() is emitted.
  bool running() const { return running_.load(); }

  // Called from the work, in the worker thread:
  /// Whether the job should stop now.
  bool cancelled() const { return cancel_.load(); }
  /// Runs `fn` in the thread this object lives in (the UI thread), in order.
  void post(std::function<void()> fn);

 signals:
  /// The work returned (or threw: `error` is its message, else empty). Emitted in the UI thread.
  void finished(const QString& error);

 private:
  void join();

  std::thread thread_;
  std::atomic<bool> running_{false}, cancel_{false};
  std::uint64_t generation_ = 0;  ///< (UI thread only) which job's finished() is still awaited
};

}  // namespace gsui
