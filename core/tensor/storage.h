#pragma once
/// A block of device memory shared by a tensor and all its views.
#include <atomic>
#include <cstddef>
#include <cstdint>

#include "tensor/dtype.h"

namespace gs {

class Storage {
 public:
  /// Allocates nbytes on device through that device's backend (uninitialised).
  Storage(std::size_t nbytes, Device device);
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  void* data() const { return data_; }
  std::size_t nbytes() const { return nbytes_; }
  Device device() const { return device_; }

  /// Bumped by every in-place write; autograd compares it with the version it saved.
  std::uint64_t version() const { return version_.load(std::memory_order_relaxed); }
  void bump_version() { version_.fetch_add(1, std::memory_order_relaxed); }

 private:
  void* data_ = nullptr;
  std::size_t nbytes_ = 0;
  Device device_;
  std::atomic<std::uint64_t> version_{0};
};

}  // namespace gs
