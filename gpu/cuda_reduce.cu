// CUDA reductions (sum, max, min over one dim or over everything) and the softmax family.
// float32 sums accumulate in float64, as on the CPU; the block-wide ones (a long dim into few
// outputs, or everything into one) add as a tree in shared memory, another order than the CPU's,
// so they may differ from it in the last bits. Max and min propagate NaN and keep the first
// index of equal values, as PyTorch.
#include "cuda_launch.cuh"

namespace gs::cuda {
namespace {

template <typename T>
using Acc = std::conditional_t<std::is_same_v<T, float>, double, T>;

/// One thread per output element (p, k) of a contiguous [outer, n, inner] input.
template <typename T>
__global__ void k_reduce(ReduceOp op, const T* x, T* o, i64* idx, i64 outer, i64 n, i64 inner) {
  GRID_STRIDE(t, outer * inner) {
    const i64 p = t / inner, k = t % inner;
    const T* base = x + p * n * inner + k;
    if (op == ReduceOp::Sum) {
      Acc<T> s = 0;
      for (i64 i = 0; i < n; ++i) s += base[i * inner];
      o[t] = static_cast<T>(s);
    } else {
      const bool is_max = op == ReduceOp::Max;
      T best = base[0];
      i64 arg = 0;
      for (i64 i = 1; i < n; ++i) {
        if (is_nan(best)) break;
        const T v = base[i * inner];
        if (is_nan(v) || (is_max ? v > best : v < best)) {
          best = v;
          arg = i;
        }
      }
      o[t] = best;
      if (idx) idx[t] = arg;
    }
  }
}

/// One block per output element, for few outputs over a long dim (a conv bias gradient sums
/// N·H·W values into each of a handful of channels: one thread each would leave the GPU idle).
template <typename T>
__global__ void k_reduce_block(ReduceOp op, const T* x, T* o, i64* idx, i64 n, i64 inner) {
  __shared__ Acc<T> part[256];
  __shared__ i64 arg[256];
  const i64 t = blockIdx.x, p = t / inner, k = t % inner;
  const T* base = x + p * n * inner + k;
  const bool is_sum = op == ReduceOp::Sum, is_max = op == ReduceOp::Max;
  Acc<T> acc = is_sum ? Acc<T>(0) : Acc<T>(base[0]);
  i64 best = 0;
  for (i64 i = threadIdx.x; i < n; i += blockDim.x) {
    const Acc<T> v = base[i * inner];
    if (is_sum) acc += v;
    else if (!is_nan(acc) && (is_nan(v) || (is_max ? v > acc : v < acc))) acc = v, best = i;
  }
  part[threadIdx.x] = acc;
  arg[threadIdx.x] = best;
  __syncthreads();
  for (unsigned s = blockDim.x / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) {
      const Acc<T> a = part[threadIdx.x], b = part[threadIdx.x + s];
      const i64 ia = arg[threadIdx.x], ib = arg[threadIdx.x + s];
      if (is_sum) {
        part[threadIdx.x] = a + b;
      } else if (!is_nan(a) && (is_nan(b) || (is_max ? b > a : b < a) || (b == a && ib < ia))) {
        part[threadIdx.x] = b;  // ties go to the first index, as on the CPU
        arg[threadIdx.x] = ib;
      }
    }
    __syncthreads();
  }
  if (threadIdx.x == 0) {
    o[t] = static_cast<T>(part[0]);
    if (idx) idx[t] = arg[0];
  }
}

/// One block reduces everything (a tree in shared memory).
template <typename T>
__global__ void k_reduce_all(ReduceOp op, const T* x, T* o, i64 n) {
  __shared__ Acc<T> part[1024];
  const bool is_sum = op == ReduceOp::Sum, is_max = op == ReduceOp::Max;
  Acc<T> acc = is_sum ? Acc<T>(0) : Acc<T>(x[0]);
  for (i64 i = threadIdx.x; i < n; i += blockDim.x) {
    const Acc<T> v = x[i];
    if (is_sum) acc += v;
    else if (!is_nan(acc) && (is_nan(v) || (is_max ? v > acc : v < acc))) acc = v;
  }
  part[threadIdx.x] = acc;
  __syncthreads();
  for (unsigned s = blockDim.x / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) {
      const Acc<T> a = part[threadIdx.x], b = part[threadIdx.x + s];
      if (is_sum) part[threadIdx.x] = a + b;
      else if (!is_nan(a) && (is_nan(b) || (is_max ? b > a : b < a))) part[threadIdx.x] = b;
    }
    __syncthreads();
  }
  if (threadIdx.x == 0) *o = static_cast<T>(part[0]);
}

// ------------------------------------------------------------------ softmax
template <typename T>
__global__ void k_softmax(const T* x, T* o, i64 outer, i64 n, i64 inner, bool log_out) {
  GRID_STRIDE(t, outer * inner) {
    const i64 p = t / inner, k = t % inner;
    const T* in = x + p * n * inner + k;
    T* res = o + p * n * inner + k;
    T mx = -INFINITY;
    for (i64 i = 0; i < n; ++i) mx = in[i * inner] > mx ? in[i * inner] : mx;
    if (isinf(mx)) mx = 0;
    T sum = 0;
    for (i64 i = 0; i < n; ++i) sum += exp(in[i * inner] - mx);
    if (log_out) {
      const T lse = log(sum) + mx;
      for (i64 i = 0; i < n; ++i) res[i * inner] = in[i * inner] - lse;
    } else {
      for (i64 i = 0; i < n; ++i) res[i * inner] = exp(in[i * inner] - mx) / sum;
    }
  }
}

template <typename T>
__global__ void k_softmax_backward(const T* g, const T* y, T* o, i64 outer, i64 n, i64 inner, bool log_out) {
  GRID_STRIDE(t, outer * inner) {
    const i64 p = t / inner, k = t % inner;
    const i64 base = p * n * inner + k;
    T dot = 0;
    if (log_out) {
      for (i64 i = 0; i < n; ++i) dot += g[base + i * inner];
      for (i64 i = 0; i < n; ++i) o[base + i * inner] = g[base + i * inner] - exp(y[base + i * inner]) * dot;
    } else {
      for (i64 i = 0; i < n; ++i) dot += g[base + i * inner] * y[base + i * inner];
      for (i64 i = 0; i < n; ++i) o[base + i * inner] = y[base + i * inner] * (g[base + i * inner] - dot);
    }
  }
}

}  // namespace

void CudaBackend::reduce(ReduceOp op, const Tensor& x, std::int64_t dim, Tensor& out, Tensor* indices) {
  i64 outer, n, inner;
  split_dim(x.shape(), dim, outer, n, inner);
  if (outer * inner == 0) return;
  dispatch_all(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    if (n >= 512 && outer * inner < 16384) {
      k_reduce_block<T><<<static_cast<unsigned>(outer * inner), 256>>>(op, ptr<T>(x), ptr<T>(out),
                                                                      indices ? ptr<i64>(*indices) : nullptr, n, inner);
      return;
    }
    k_reduce<T><<<blocks_for(outer * inner), kThreads>>>(op, ptr<T>(x), ptr<T>(out),
                                                         indices ? ptr<i64>(*indices) : nullptr, outer, n, inner);
  });
  after_launch("reduce");
}

void CudaBackend::reduce_all(ReduceOp op, const Tensor& x, Tensor& out) {
  Tensor flat = x.contiguous();
  const i64 n = flat.numel();
  if (n == 0 && op != ReduceOp::Sum)
    throw Error("max()/min() of an empty tensor is undefined; give a dim or a non-empty tensor.");
  if (n == 0) return fill(out, 0.0);
  dispatch_all(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    k_reduce_all<T><<<1, 1024>>>(op, ptr<T>(flat), ptr<T>(out), n);
  });
  after_launch("reduce");
}

void CudaBackend::softmax(const Tensor& x, std::int64_t dim, bool log, Tensor& out) {
  i64 outer, n, inner;
  split_dim(x.shape(), dim, outer, n, inner);
  if (outer * inner == 0) return;
  dispatch_float(x.dtype(), "softmax", [&](auto tag) {
    using T = decltype(tag);
    k_softmax<T><<<blocks_for(outer * inner), kThreads>>>(ptr<T>(x), ptr<T>(out), outer, n, inner, log);
  });
  after_launch("softmax");
}

void CudaBackend::softmax_backward(const Tensor& grad, const Tensor& y, std::int64_t dim, bool log, Tensor& out) {
  i64 outer, n, inner;
  split_dim(y.shape(), dim, outer, n, inner);
  if (outer * inner == 0) return;
  dispatch_float(y.dtype(), "softmax", [&](auto tag) {
    using T = decltype(tag);
    k_softmax_backward<T><<<blocks_for(outer * inner), kThreads>>>(ptr<T>(grad), ptr<T>(y), ptr<T>(out), outer, n,
                                                                   inner, log);
  });
  after_launch("softmax backward");
}

}  // namespace gs::cuda
