// CPU reductions (sum, max, min over one dim or over everything) and the softmax family.
// float32 sums accumulate in float64 (blocks of 256 in float32 first along a contiguous last
// dim, so that the inner loop vectorises); max and min propagate NaN and keep the first index of
// equal values, as PyTorch.
#include <cmath>
#include <limits>
#include <vector>

#include "backend/cpu_backend.h"

namespace gs::cpu {

void CpuBackend::reduce(ReduceOp op, const Tensor& x, std::int64_t dim, Tensor& out, Tensor* indices) {
  std::int64_t outer, n, inner;
  split_dim(x.shape(), dim, outer, n, inner);
  dispatch_dtype(x.dtype(), [&]<typename T>() {
    const T* a = ptr<T>(x);
    T* o = ptr<T>(out);
    std::int64_t* idx = indices ? ptr<std::int64_t>(*indices) : nullptr;
    using Acc = std::conditional_t<std::is_same_v<T, float>, double, T>;
    std::vector<Acc> acc(op == ReduceOp::Sum && inner > 1 ? inner : 0);
    for (std::int64_t p = 0; p < outer; ++p) {
      const T* base = a + p * n * inner;
      T* ob = o + p * inner;
      if (op == ReduceOp::Sum) {
        if (inner == 1) {  // reducing the last dim: blocks summed in T (vectorised), totals in Acc
          Acc s = 0;
          std::int64_t i = 0;
          for (; i + 256 <= n; i += 256) {
            T block = 0;
            for (std::int64_t k = 0; k < 256; ++k) block += base[i + k];
            s += block;
          }
          for (; i < n; ++i) s += base[i];
          ob[0] = static_cast<T>(s);
          continue;
        }
        std::fill(acc.begin(), acc.end(), Acc(0));
        for (std::int64_t i = 0; i < n; ++i) {
          const T* row = base + i * inner;
          for (std::int64_t k = 0; k < inner; ++k) acc[k] += row[k];
        }
        for (std::int64_t k = 0; k < inner; ++k) ob[k] = static_cast<T>(acc[k]);
      } else {
        const bool is_max = op == ReduceOp::Max;
        for (std::int64_t k = 0; k < inner; ++k) {
          T best = base[k];
          std::int64_t arg = 0;
          for (std::int64_t i = 1; i < n; ++i) {
            const T v = base[i * inner + k];
            // NOTE: NaN propagates (as in PyTorch); the first of equal values wins.
            if (std::isnan(static_cast<double>(best))) break;
            if (std::isnan(static_cast<double>(v)) || (is_max ? v > best : v < best)) {
              best = v;
              arg = i;
            }
          }
          ob[k] = best;
          if (idx) idx[p * inner + k] = arg;
        }
      }
    }
  });
}

void CpuBackend::reduce_all(ReduceOp op, const Tensor& x, Tensor& out) {
  Tensor flat = x.contiguous();
  dispatch_dtype(x.dtype(), [&]<typename T>() {
    const T* a = ptr<T>(flat);
    const std::int64_t n = flat.numel();
    T* o = ptr<T>(out);
    if (op == ReduceOp::Sum) {
      using Acc = std::conditional_t<std::is_same_v<T, float>, double, T>;
      Acc acc = 0;
      for (std::int64_t i = 0; i < n; ++i) acc += a[i];
      *o = static_cast<T>(acc);
      return;
    }
    if (n == 0) throw Error("max()/min() of an empty tensor is undefined; give a dim or a non-empty tensor.");
    T best = a[0];
    for (std::int64_t i = 1; i < n && !std::isnan(static_cast<double>(best)); ++i) {
      if (std::isnan(static_cast<double>(a[i])) || (op == ReduceOp::Max ? a[i] > best : a[i] < best)) best = a[i];
    }
    *o = best;
  });
}

void CpuBackend::softmax(const Tensor& x, std::int64_t dim, bool log, Tensor& out) {
  std::int64_t outer, n, inner;
  split_dim(x.shape(), dim, outer, n, inner);
  dispatch_floating(x.dtype(), "softmax", [&]<typename T>() {
    const T* a = ptr<T>(x);
    T* o = ptr<T>(out);
    for (std::int64_t p = 0; p < outer; ++p) {
      for (std::int64_t k = 0; k < inner; ++k) {
        const T* in = a + p * n * inner + k;
        T* res = o + p * n * inner + k;
        // NOTE: log-sum-exp shifted by the max, so large logits do not overflow.
        T mx = -std::numeric_limits<T>::infinity();
        for (std::int64_t i = 0; i < n; ++i) mx = std::max(mx, in[i * inner]);
        if (std::isinf(mx)) mx = 0;
        T sum = 0;
        for (std::int64_t i = 0; i < n; ++i) sum += std::exp(in[i * inner] - mx);
        if (log) {
          const T lse = std::log(sum) + mx;
          for (std::int64_t i = 0; i < n; ++i) res[i * inner] = in[i * inner] - lse;
        } else {
          for (std::int64_t i = 0; i < n; ++i) res[i * inner] = std::exp(in[i * inner] - mx) / sum;
        }
      }
    }
  });
}

void CpuBackend::softmax_backward(const Tensor& grad, const Tensor& y, std::int64_t dim, bool log, Tensor& out) {
  std::int64_t outer, n, inner;
  split_dim(y.shape(), dim, outer, n, inner);
  dispatch_floating(y.dtype(), "softmax", [&]<typename T>() {
    const T* g = ptr<T>(grad);
    const T* yy = ptr<T>(y);
    T* o = ptr<T>(out);
    for (std::int64_t p = 0; p < outer; ++p) {
      for (std::int64_t k = 0; k < inner; ++k) {
        const std::int64_t base = p * n * inner + k;
        T dot = 0;
        if (log) {
          for (std::int64_t i = 0; i < n; ++i) dot += g[base + i * inner];
          for (std::int64_t i = 0; i < n; ++i)
            o[base + i * inner] = g[base + i * inner] - std::exp(yy[base + i * inner]) * dot;
        } else {
          for (std::int64_t i = 0; i < n; ++i) dot += g[base + i * inner] * yy[base + i * inner];
          for (std::int64_t i = 0; i < n; ++i)
            o[base + i * inner] = yy[base + i * inner] * (g[base + i * inner] - dot);
        }
      }
    }
  });
}

}  // namespace gs::cpu
