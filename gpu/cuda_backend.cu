// The CUDA backend: the Backend interface of core/backend/backend.h on an NVIDIA GPU.
//
// Memory is plain cudaMalloc behind a caching allocator (never managed memory); GEMM is cuBLAS
// (FP32/FP64, no TF32, so results match the CPU); everything else is one kernel per backend
// call. Elementwise kernels take any strides (broadcast dims have stride 0), as the interface
// requires. Kernels that add into one place from many threads (col2im, pooling backward,
// index_add) use atomicAdd, so their float32 sums may differ from the CPU's in the last bits.
//
// This file registers the backend and says whether it can run here; the kernels live by family
// beside it: cuda_elementwise.cu, cuda_optim.cu, cuda_reduce.cu, cuda_conv.cu, cuda_index.cu,
// with cuda_gemm.cpp (cuBLAS) and cuda_memory.cpp (the allocator) on the host compiler.
#include <cuda_runtime.h>

#include <string>

#include "cuda_backend.h"
#include "util/error_codes.h"

#ifndef GRADSCOPE_CUDA_ARCHITECTURES
#error "gpu/CMakeLists.txt passes the CUDA architectures this backend is compiled for"
#endif

namespace gs::cuda {
namespace {

/// Does nothing: whether the GPU can load it says whether this build has code for the GPU.
__global__ void k_probe() {}

/// "" when the current GPU can run this build's kernels; otherwise why not. The kernels exist
/// as machine code for each real architecture of GRADSCOPE_CUDA_ARCHITECTURES (a GPU runs code
/// of its own major version and an equal or lower minor one) and as PTX for the newest, which
/// the driver compiles for any newer GPU. cudaFuncGetAttributes asks the driver to load one
/// kernel: it fails (cudaErrorNoKernelImageForDevice) exactly where every kernel would.
/// The problem as a code of core/util/error_codes.h and its arguments ("" when there is none):
/// the GPU's name and compute capability when the driver tells them.
std::string kernel_image_problem(std::vector<std::string>& args) {
  cudaFuncAttributes attributes{};
  const cudaError_t e = cudaFuncGetAttributes(&attributes, k_probe);
  if (e == cudaSuccess) return "";
  cudaGetLastError();  // not sticky: clear it so later calls do not report it again
  int device = 0;
  cudaDeviceProp prop{};
  const bool named = cudaGetDevice(&device) == cudaSuccess && cudaGetDeviceProperties(&prop, device) == cudaSuccess;
  cudaGetLastError();
  if (named) args = {std::string(prop.name), std::to_string(prop.major) + "." + std::to_string(prop.minor)};
  if (e == cudaErrorNoKernelImageForDevice || e == cudaErrorInvalidDeviceFunction) {
    args.push_back(GRADSCOPE_CUDA_ARCHITECTURES);
    return named ? "cuda_arch_unsupported" : "cuda_arch_unsupported_unnamed";
  }
  args.push_back(cudaGetErrorString(e));
  return named ? "cuda_kernels_unloadable" : "cuda_kernels_unloadable_unnamed";
}

// Enters the backend into core's registry when the program starts. gpu/ is linked as object
// files (core/CMakeLists.txt), so this initialiser is always linked in and always runs.
[[maybe_unused]] const bool registered = (register_backend(Device::CUDA, &cuda_backend), true);

}  // namespace

Backend& cuda_backend() {
  static CudaBackend instance;
  return instance;
}

std::string CudaBackend::unavailable_reason() const {
  auto* self = const_cast<CudaBackend*>(this);
  std::call_once(self->probe_once_, [self] {
    int count = 0;
    const cudaError_t e = cudaGetDeviceCount(&count);
    if (e != cudaSuccess) {
      self->reason_code_ = "cuda_no_driver";
      self->reason_args_ = {cudaGetErrorString(e)};
      cudaGetLastError();
    } else if (count == 0) {
      self->reason_code_ = "cuda_no_gpu";
    } else {
      self->reason_code_ = kernel_image_problem(self->reason_args_);
    }
    if (!self->reason_code_.empty()) self->reason_ = format_message(self->reason_code_, self->reason_args_);
  });
  return reason_;
}

std::string CudaBackend::unavailable_code(std::vector<std::string>* args) const {
  (void)unavailable_reason();  // probes once
  if (args) *args = reason_args_;
  return reason_code_;
}

}  // namespace gs::cuda
