#include "app/training_session.h"

#include "app/engine_message.h"
#include "app/play_speed.h"
#include "util/error.h"

#include <algorithm>
#include <chrono>

#include <pthread.h>

namespace gsui {

TrainingSessionBase::TrainingSessionBase(QObject* parent) : QObject(parent) {
  max_rate_ = PlaySpeed::instance().stepsPerSecond();
  connect(&PlaySpeed::instance(), &PlaySpeed::changed, this, &TrainingSessionBase::setMaxStepsPerSecond);
}

TrainingSessionBase::~TrainingSessionBase() { stop(); }

void TrainingSessionBase::setMaxStepsPerSecond(double steps_per_second) {
  {
    std::lock_guard lock(mutex_);
    max_rate_ = steps_per_second > 0 ? steps_per_second : 0;
  }
  wake_.notify_all();
}

double TrainingSessionBase::maxStepsPerSecond() const {
  std::lock_guard lock(mutex_);
  return max_rate_;
}

QString TrainingSessionBase::readoutOf(const gs::train::Snapshot& s) {
  QString text = tr("step %1 · epoch %2 · loss %3").arg(s.step).arg(std::max(s.epoch, s.passes)).arg(s.last_loss, 0, 'g', 4);
  if (s.lr > 0) text += tr(" · lr %1").arg(s.lr, 0, 'g', 3);
  return text;
}

QString TrainingSessionBase::reasonOf(const gs::train::Snapshot& snapshot) {
  return engineMessage(snapshot.reason_code, snapshot.reason_args, QString::fromStdString(snapshot.reason));
}

void TrainingSessionBase::startWorker(std::unique_ptr<gs::train::Trainer> trainer, int frame_interval_ms) {
  trainer_ = std::move(trainer);
  frame_interval_ms_ = frame_interval_ms;
  {
    std::lock_guard lock(mutex_);
    quit_ = playing_ = failed_ = false;
    pending_steps_ = 0;
    changes_.clear();
    rate_ = 0;
  }
  {
    std::lock_guard lock(frame_mutex_);
    version_ = 0;
  }
  publishFrame(*trainer_);  // the untrained model's frame, built here before the worker owns the model
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "GradScope train");
    loop();
  });
}

void TrainingSessionBase::stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  trainer_->request_stop();
  wake_.notify_all();
  thread_.join();
  trainer_.reset();
}

void TrainingSessionBase::setPlaying(bool playing) {
  {
    std::lock_guard lock(mutex_);
    playing_ = playing;
  }
  wake_.notify_all();
}

bool TrainingSessionBase::playing() const {
  std::lock_guard lock(mutex_);
  return playing_;
}

void TrainingSessionBase::step(int steps) {
  {
    std::lock_guard lock(mutex_);
    pending_steps_ += steps;
  }
  wake_.notify_all();
}

void TrainingSessionBase::post(Change change) {
  {
    std::lock_guard lock(mutex_);
    changes_.push_back(std::move(change));
  }
  wake_.notify_all();
}

gs::train::Snapshot TrainingSessionBase::snapshot() const { return trainer_ ? trainer_->snapshot() : gs::train::Snapshot{}; }

double TrainingSessionBase::stepsPerSecond() const {
  std::lock_guard lock(mutex_);
  return rate_;
}

std::uint64_t TrainingSessionBase::frameVersion() const {
  std::lock_guard lock(frame_mutex_);
  return version_;
}

void TrainingSessionBase::stopWith(const QString& reason) {
  {
    std::lock_guard lock(mutex_);
    playing_ = false;
    pending_steps_ = 0;
  }
  QMetaObject::invokeMethod(this, [this, reason] { emit stoppedByItself(reason); }, Qt::QueuedConnection);
}

void TrainingSessionBase::failWith(const std::exception& e) {
  // A coded engine error in the learner's language (with PyTorch's message); anything else as it reads.
  const auto* error = dynamic_cast<const gs::Error*>(&e);
  stopWith(tr("Training stopped: %1").arg(error ? engineMessage(*error) : QString::fromStdString(e.what())));
  std::lock_guard lock(mutex_);
  failed_ = true;
}

bool TrainingSessionBase::applyChanges() {
  std::vector<Change> changes;
  {
    std::lock_guard lock(mutex_);
    changes.swap(changes_);
    failed_ = false;  // a change may have fixed what failed: the next Play tries again
  }
  for (auto& change : changes) {
    try {
      change(*trainer_);
    } catch (const std::exception& e) {
      failWith(e);
      return false;
    }
  }
  return true;
}

bool TrainingSessionBase::trainOneStep(bool single) {
  // A step that throws (a shape the model refuses, BatchNorm given one sample) stops the run
  // with the reason; the window keeps going.
  bool stepped = false;
  try {
    stepped = trainer_->step();
    if (stepped && evaluate_each_epoch_ && trainer_->passes() > trainer_->epoch()) {
      trainer_->finish_epoch();
      // A frame at every epoch end, however short the epochs (a one-batch data set): a lab that
      // keeps each epoch's numbers sees them all, not only the epochs a timed frame fell on.
      publishFrame(*trainer_);
    }
  } catch (const std::exception& e) {
    failWith(e);
    return false;
  }
  if (!stepped) {
    {
      std::lock_guard lock(mutex_);
      playing_ = false;
      pending_steps_ = 0;
    }
    if (trainer_->diverged()) {
      const gs::train::Snapshot s = trainer_->snapshot();
      // Said on the UI thread, in the language of the moment.
      QMetaObject::invokeMethod(
          this,
          [this, s] { emit stoppedByItself(reasonOf(s)); },
          Qt::QueuedConnection);
    }
    return true;  // the diverged state is worth a frame
  }
  std::lock_guard lock(mutex_);
  if (single && pending_steps_ > 0) --pending_steps_;
  return true;
}

void TrainingSessionBase::loop() {
  using clock = std::chrono::steady_clock;
  auto last_frame = clock::now(), rate_start = clock::now(), last_step = clock::time_point();
  std::int64_t steps_since = 0;
  bool dirty = false;  // trained or changed since the last published frame
  for (;;) {
    bool has_changes = false, train = false, single = false;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return quit_ || playing_ || pending_steps_ > 0 || !changes_.empty() || dirty; });
      if (quit_) return;
      has_changes = !changes_.empty();
    }
    if (has_changes) dirty = applyChanges() || dirty;
    {
      std::lock_guard lock(mutex_);
      single = pending_steps_ > 0;
      train = !failed_ && (playing_ || single);
      // No steps until a change: the last good frame stays. (A change posted meanwhile is
      // applied next round, and the steps asked for with it are kept for after it.)
      if (failed_ && changes_.empty()) {
        playing_ = false;
        pending_steps_ = 0;
        dirty = false;
      }
    }
    if (train && !single) {
      // Play at the window's speed: the next step waits its turn (a change, a Step, a pause or
      // quitting wakes the worker at once). The last step's frame is on screen meanwhile.
      std::unique_lock lock(mutex_);
      const double limit = max_rate_;
      if (limit > 0) {
        const auto next = last_step + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(1.0 / limit));
        if (clock::now() < next) {
          const bool publish_first = dirty && !failed_;
          lock.unlock();
          if (publish_first) {
            try {
              publishFrame(*trainer_);
            } catch (const std::exception& e) {
              failWith(e);
            }
            last_frame = clock::now();
            dirty = false;
          }
          lock.lock();
          wake_.wait_until(lock, next, [&] { return quit_ || !playing_ || pending_steps_ > 0 || !changes_.empty() || max_rate_ != limit; });
          continue;
        }
      }
    }
    if (train && trainOneStep(single)) {
      ++steps_since;
      dirty = true;
      if (!single) last_step = clock::now();
    }
    const auto now = clock::now();
    const double since_rate = std::chrono::duration<double>(now - rate_start).count();
    if (since_rate >= 1.0) {
      std::lock_guard lock(mutex_);
      rate_ = steps_since / since_rate;
      steps_since = 0;
      rate_start = now;
    }
    // Publish a frame: at most every frame_interval_ms while playing, at once when idle.
    bool idle = false, failed = false;
    {
      std::lock_guard lock(mutex_);
      idle = !playing_ && pending_steps_ == 0;
      failed = failed_;
    }
    const bool due = std::chrono::duration<double, std::milli>(now - last_frame).count() >= frame_interval_ms_;
    if (dirty && !failed && (due || idle)) {
      try {
        publishFrame(*trainer_);
      } catch (const std::exception& e) {
        failWith(e);
      }
      last_frame = now;
      dirty = false;
    }
  }
}

}  // namespace gsui
