#pragma once
/// Launch helpers of the CUDA kernels (included by gpu/*.cu only): the strided geometry every
/// elementwise kernel takes (a shape and up to four operands' strides, 0 on broadcast dims),
/// grid sizing, the grid-stride loop, launch checking and a few device helpers.
#include <cuda_runtime.h>

#include <initializer_list>
#include <string>
#include <type_traits>

#include "cuda_backend.h"
#include "cuda_check.h"

namespace gs::cuda {

/// Dimensions a strided kernel handles (Geo's arrays are passed by value to every launch).
constexpr int kMaxDims = 8;
/// Threads per block of the one-thread-per-element kernels.
constexpr int kThreads = 256;

/// Shape plus the strides of up to four operands: element i (row-major over size) lives at
/// sum(index_d * stride[k][d]) in operand k.
struct Geo {
  int nd = 0;
  int nops = 0;
  bool contiguous = true;
  i64 size[kMaxDims] = {};
  i64 stride[4][kMaxDims] = {};
};

/// The geometry of shape for the operands ops, in order (out first); throws past kMaxDims dims.
inline Geo make_geo(const Shape& shape, std::initializer_list<const Tensor*> ops) {
  if (shape.size() > kMaxDims)
    throw Error("the CUDA backend supports tensors of at most " + std::to_string(kMaxDims) + " dimensions, got " +
                std::to_string(shape.size()));
  Geo g;
  g.nd = static_cast<int>(shape.size());
  g.nops = static_cast<int>(ops.size());
  for (int d = 0; d < g.nd; ++d) g.size[d] = shape[d];
  int k = 0;
  for (const Tensor* t : ops) {
    // An operand a kernel does not read may be undefined (unary_backward's x or y): stride 0.
    if (t->defined()) {
      if (!t->is_contiguous() || t->shape() != shape) g.contiguous = false;
      for (int d = 0; d < g.nd; ++d) g.stride[k][d] = t->strides()[d];
    }
    ++k;
  }
  return g;
}

/// off[k] = the offset of element i (row-major over g.size) in operand k.
__device__ inline void offsets_of(const Geo& g, i64 i, i64* off) {
  if (g.contiguous) {
    for (int k = 0; k < 4; ++k) off[k] = i;
    return;
  }
  for (int k = 0; k < 4; ++k) off[k] = 0;
  for (int d = g.nd - 1; d >= 0; --d) {
    const i64 idx = i % g.size[d];
    i /= g.size[d];
    for (int k = 0; k < g.nops; ++k) off[k] += idx * g.stride[k][d];
  }
}

/// Blocks for n elements at kThreads each, capped: GRID_STRIDE loops cover the rest.
inline int blocks_for(i64 n) {
  const i64 b = (n + kThreads - 1) / kThreads;
  return static_cast<int>(b < 65535 * 16 ? (b < 1 ? 1 : b) : 65535 * 16);
}

/// A grid-stride loop over [0, n): each thread takes every (gridDim·blockDim)-th index.
#define GRID_STRIDE(i, n) for (i64 i = blockIdx.x * i64(blockDim.x) + threadIdx.x; i < (n); i += i64(blockDim.x) * gridDim.x)

/// Throws naming `what` when the launch just made failed (bad configuration, no kernel image).
inline void after_launch(const char* what) { check(cudaGetLastError(), what); }

/// atomicAdd for float, double and int64 (CUDA has no signed 64-bit atomicAdd: int64 goes
/// through unsigned long long, whose two's-complement sum is the same bits).
template <typename T>
__device__ inline T dev_atomic_add(T* p, T v) {
  if constexpr (std::is_same_v<T, i64>) {
    return static_cast<T>(atomicAdd(reinterpret_cast<unsigned long long*>(p), static_cast<unsigned long long>(v)));
  } else {
    return atomicAdd(p, v);
  }
}

/// NaN test that compiles for int64 too (never NaN).
template <typename T>
__device__ inline bool is_nan(T v) {
  if constexpr (std::is_same_v<T, i64>) return false;
  else return v != v;
}

}  // namespace gs::cuda
