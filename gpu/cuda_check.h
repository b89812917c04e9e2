#pragma once
/// Error checking for the CUDA backend: a failed CUDA or cuBLAS call becomes a gs::Error naming
/// the call, so a GPU fault reaches the learner as a message, not as a crash later on.
#include <cublas_v2.h>
#include <cuda_runtime.h>

#include <string>

#include "util/error.h"

namespace gs::cuda {

/// Throws an Error naming `what` unless e is cudaSuccess.
inline void check(cudaError_t e, const char* what) {
  if (e != cudaSuccess) throw Error(std::string("CUDA error in ") + what + ": " + cudaGetErrorString(e));
}
/// Throws an Error naming `what` unless s is CUBLAS_STATUS_SUCCESS.
inline void check(cublasStatus_t s, const char* what) {
  if (s != CUBLAS_STATUS_SUCCESS) throw Error(std::string("cuBLAS error ") + std::to_string(int(s)) + " in " + what);
}

}  // namespace gs::cuda
