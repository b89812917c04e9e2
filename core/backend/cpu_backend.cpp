// The CPU backend's home: its instance, its caching allocator and the kernel thread count. The
// kernels live by family beside it: cpu_elementwise.cpp, cpu_optim.cpp, cpu_reduce.cpp,
// cpu_gemm.cpp, cpu_conv.cpp and cpu_index.cpp (the class is declared in cpu_backend.h).
#include "backend/cpu_backend.h"

#include <Eigen/Core>
#include <cstdlib>
#include <cstring>

namespace gs {
namespace cpu {

Backend& cpu_backend() {
  static CpuBackend instance;
  return instance;
}

CpuBackend::~CpuBackend() {
  for (auto& [size, blocks] : cache_)
    for (void* p : blocks) std::free(p);
}

// NOTE: a caching allocator. Training allocates the same sizes every step; reusing freed
// blocks avoids malloc/mmap and the page faults of fresh large blocks. Blocks are kept per
// exact (rounded) size, up to kCacheLimit bytes in all.
void* CpuBackend::allocate(std::size_t nbytes) {
  const std::size_t size = rounded(nbytes);
  {
    std::lock_guard lock(cache_mutex_);
    auto it = cache_.find(size);
    if (it != cache_.end() && !it->second.empty()) {
      void* p = it->second.back();
      it->second.pop_back();
      cached_bytes_ -= size;
      return p;
    }
  }
  void* p = std::aligned_alloc(64, size);
  if (!p) throw Error("out of memory: could not allocate " + std::to_string(nbytes) + " bytes on the CPU");
  return p;
}

void CpuBackend::deallocate(void* data, std::size_t nbytes) {
  const std::size_t size = rounded(nbytes);
  {
    std::lock_guard lock(cache_mutex_);
    if (cached_bytes_ + size <= kCacheLimit) {
      cache_[size].push_back(data);
      cached_bytes_ += size;
      return;
    }
  }
  std::free(data);
}

void CpuBackend::copy_to_host(void* dst, const void* src, std::size_t n) { std::memcpy(dst, src, n); }
void CpuBackend::copy_from_host(void* dst, const void* src, std::size_t n) { std::memcpy(dst, src, n); }

}  // namespace cpu

void set_num_threads(int threads) {
  GS_CHECK(threads >= 1, "set_num_threads: threads must be at least 1, got " + std::to_string(threads));
  cpu::kernel_thread_count().store(threads, std::memory_order_relaxed);
  Eigen::setNbThreads(threads);
}
int get_num_threads() { return cpu::kernel_threads(); }

}  // namespace gs
