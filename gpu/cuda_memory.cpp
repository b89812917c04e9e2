// CUDA memory: the caching allocator and the host <-> device copies. Host code only (the CUDA
// runtime API), so the host compiler builds it.
#include <cuda_runtime.h>

#include "cuda_backend.h"
#include "cuda_check.h"

namespace gs::cuda {

// NOTE: a caching allocator, as PyTorch's: cudaMalloc/cudaFree synchronise the device and
// cost tens of microseconds, and training frees and reallocates the same sizes every step.
void* CudaBackend::allocate(std::size_t nbytes) {
  const std::size_t size = rounded(nbytes);
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(size);
    if (it != cache_.end() && !it->second.empty()) {
      void* p = it->second.back();
      it->second.pop_back();
      return p;
    }
  }
  void* p = nullptr;
  cudaError_t e = cudaMalloc(&p, size);
  if (e == cudaErrorMemoryAllocation) {  // give the cached blocks back and try once more
    cudaGetLastError();
    release_cache();
    e = cudaMalloc(&p, size);
  }
  if (e != cudaSuccess) {
    cudaGetLastError();
    throw Error("CUDA out of memory: could not allocate " + std::to_string(nbytes) + " bytes (" +
                    cudaGetErrorString(e) + ")",
                "torch.OutOfMemoryError: CUDA out of memory.");
  }
  return p;
}

void CudaBackend::deallocate(void* data, std::size_t nbytes) {
  std::lock_guard lock(mutex_);
  cache_[rounded(nbytes)].push_back(data);
}

void CudaBackend::release_cache() {
  std::lock_guard lock(mutex_);
  for (auto& [size, blocks] : cache_)
    for (void* p : blocks) cudaFree(p);
  cache_.clear();
}

void CudaBackend::copy_to_host(void* dst, const void* src, std::size_t n) {
  if (n) check(cudaMemcpy(dst, src, n, cudaMemcpyDeviceToHost), "copy to host");
}

void CudaBackend::copy_from_host(void* dst, const void* src, std::size_t n) {
  if (n) check(cudaMemcpy(dst, src, n, cudaMemcpyHostToDevice), "copy to device");
}

}  // namespace gs::cuda
