#include "app/training_session.h"

#include <chrono>

#include <pthread.h>

namespace gsui {

TrainingSession::TrainingSession(QObject* parent) : QObject(parent) {}

TrainingSession::~TrainingSession() { stop(); }

void TrainingSession::start(std::unique_ptr<gs::train::Trainer> trainer, FrameFn frame, int frame_interval_ms) {
  stop();
  trainer_ = std::move(trainer);
  frame_fn_ = std::move(frame);
  frame_interval_ms_ = frame_interval_ms;
  quit_ = false;
  failed_ = false;
  playing_ = false;
  pending_steps_ = 0;
  {
    std::lock_guard lock(mutex_);
    posts_.clear();
    frame_ = frame_fn_(*trainer_);  // the untrained model's frame, built here before the worker owns it
  }
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "GradScope train");
    loop();
  });
}

void TrainingSession::stop() {
  if (!thread_.joinable()) return;
  quit_ = true;
  if (trainer_) trainer_->request_stop();
  wake_.notify_all();
  thread_.join();
  trainer_.reset();
}

void TrainingSession::setPlaying(bool playing) {
  playing_ = playing;
  wake_.notify_all();
}

void TrainingSession::step(int steps) {
  pending_steps_ += steps;
  wake_.notify_all();
}

void TrainingSession::post(std::function<void(gs::train::Trainer&)> fn) {
  {
    std::lock_guard lock(mutex_);
    posts_.push_back(std::move(fn));
  }
  wake_.notify_all();
}

std::any TrainingSession::latestFrame() const {
  std::lock_guard lock(mutex_);
  return frame_;
}

gs::train::Snapshot TrainingSession::snapshot() const {
  return trainer_ ? trainer_->snapshot() : gs::train::Snapshot{};
}

void TrainingSession::loop() {
  using clock = std::chrono::steady_clock;
  auto last_frame = clock::now(), rate_start = clock::now();
  std::int64_t steps_since = 0;
  bool dirty = false;
  while (!quit_) {
    std::vector<std::function<void(gs::train::Trainer&)>> posts;
    {
      std::unique_lock lock(mutex_);
      if (!playing_ && pending_steps_ == 0 && posts_.empty() && !dirty)
        wake_.wait_for(lock, std::chrono::milliseconds(100));
      posts.swap(posts_);
    }
    if (quit_) break;
    // A step that throws (a shape the model refuses, BatchNorm given one sample) stops the run
    // with the reason; the window keeps going.
    auto stop_with = [this](const std::string& what) {
      playing_ = false;
      pending_steps_ = 0;
      const QString reason = tr("Training stopped: %1").arg(QString::fromStdString(what));
      QMetaObject::invokeMethod(this, [this, reason] { emit stoppedByItself(reason); }, Qt::QueuedConnection);
    };
    if (!posts.empty()) failed_ = false;  // a change may have fixed what failed: the next Play tries again
    for (auto& fn : posts) {
      try {
        fn(*trainer_);
      } catch (const std::exception& e) {
        stop_with(e.what());
        failed_ = true;
      }
    }
    if (!posts.empty()) dirty = true;
    const bool single = pending_steps_ > 0;
    if (failed_) {
      playing_ = false;
      pending_steps_ = 0;
      dirty = false;  // nothing to publish: the last good frame stays
    } else if (playing_ || single) {
      bool stepped = false;
      try {
        stepped = trainer_->step();
      } catch (const std::exception& e) {
        stop_with(e.what());
        failed_ = true;
      }
      if (failed_) {
        dirty = false;
      } else if (!stepped) {
        playing_ = false;
        pending_steps_ = 0;
        if (trainer_->diverged()) {
          const QString reason = QString::fromStdString(trainer_->snapshot().reason);
          QMetaObject::invokeMethod(this, [this, reason] { emit stoppedByItself(reason); }, Qt::QueuedConnection);
        }
        dirty = true;
      } else {
        ++steps_since;
        dirty = true;
        if (single) --pending_steps_;
      }
    }
    const auto now = clock::now();
    if (std::chrono::duration<double>(now - rate_start).count() >= 1.0) {
      rate_ = steps_since / std::chrono::duration<double>(now - rate_start).count();
      steps_since = 0;
      rate_start = now;
    }
    // Publish a frame: at most every frame_interval_ms while playing, at once after single steps.
    const bool due = std::chrono::duration<double, std::milli>(now - last_frame).count() >= frame_interval_ms_;
    if (dirty && !failed_ && (due || (!playing_ && pending_steps_ == 0))) {
      std::any frame;
      try {
        frame = frame_fn_(*trainer_);
      } catch (const std::exception& e) {
        stop_with(e.what());
        failed_ = true;
      }
      std::lock_guard lock(mutex_);
      if (frame.has_value()) frame_ = std::move(frame);
      last_frame = now;
      dirty = false;
    }
  }
}

}  // namespace gsui
