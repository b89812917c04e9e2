#include "app/background_job.h"

#include <pthread.h>

namespace gsui {

BackgroundJob::~BackgroundJob() {
  cancel_ = true;
  join();
}

bool BackgroundJob::start(Work work) {
  if (running_) return false;
  join();  // the previous job's thread has returned; reap it
  cancel_ = false;
  running_ = true;
  const std::uint64_t generation = ++generation_;
  thread_ = std::thread([this, generation, work = std::move(work)] {
    pthread_setname_np(pthread_self(), "GradScope job");
    QString error;
    try {
      work(*this);
    } catch (const std::exception& e) {
      error = QString::fromUtf8(e.what());
    }
    // running_ turns false in the UI thread, just before finished(): a caller that sees
    // running() == false can start the next job at once.
    post([this, generation, error] {
      if (generation != generation_) return;  // a cancelled job's: a newer job runs now
      running_ = false;
      emit finished(error);
    });
  });
  return true;
}

void BackgroundJob::cancel() {
  cancel_ = true;
  join();
  running_ = false;
  ++generation_;
}

void BackgroundJob::post(std::function<void()> fn) { QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection); }

void BackgroundJob::join() {
  if (thread_.joinable()) thread_.join();
}

}  // namespace gsui
