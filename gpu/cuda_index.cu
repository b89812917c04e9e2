// CUDA indexing kernels: index_select / index_add along one dim and the row gather / scatter of
// NLL loss. Class indices are checked on the host first, so a bad target gets the CPU's message
// instead of an out-of-bounds read on the device.
#include <vector>

#include "cuda_launch.cuh"

namespace gs::cuda {
namespace {

template <typename T>
__global__ void k_index_select(const T* x, const i64* idx, T* o, i64 outer, i64 n, i64 m, i64 inner) {
  GRID_STRIDE(t, outer * m * inner) {
    const i64 k = t % inner, i = (t / inner) % m, p = t / (inner * m);
    o[t] = x[(p * n + idx[i]) * inner + k];
  }
}

template <typename T>
__global__ void k_index_add(T* o, const i64* idx, const T* s, i64 outer, i64 n, i64 m, i64 inner) {
  GRID_STRIDE(t, outer * m * inner) {
    const i64 k = t % inner, i = (t / inner) % m, p = t / (inner * m);
    dev_atomic_add(o + (p * n + idx[i]) * inner + k, s[t]);
  }
}

template <typename T>
__global__ void k_rows(const T* x, const i64* target, T* o, i64 rows, i64 c, bool scatter) {
  GRID_STRIDE(i, rows) {
    if (scatter) dev_atomic_add(o + i * c + target[i], x[i]);
    else o[i] = x[i * c + target[i]];
  }
}

}  // namespace

void CudaBackend::index_select(const Tensor& x, std::int64_t dim, const Tensor& index, Tensor& out) {
  i64 outer, n, inner;
  split_dim(x.shape(), dim, outer, n, inner);
  const i64 m = index.numel();
  if (!out.numel()) return;
  dispatch_all(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    k_index_select<T><<<blocks_for(out.numel()), kThreads>>>(ptr<T>(x), ptr<i64>(index), ptr<T>(out), outer, n, m, inner);
  });
  after_launch("index_select");
}

void CudaBackend::index_add(Tensor& out, std::int64_t dim, const Tensor& index, const Tensor& src) {
  i64 outer, n, inner;
  split_dim(out.shape(), dim, outer, n, inner);
  const i64 m = index.numel();
  if (!src.numel()) return;
  dispatch_all(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    k_index_add<T><<<blocks_for(src.numel()), kThreads>>>(ptr<T>(out), ptr<i64>(index), ptr<T>(src), outer, n, m, inner);
  });
  after_launch("index_add");
}


/// Class indices are checked on the host (a small copy) so a bad target gets the CPU's message.
void CudaBackend::check_targets(const Tensor& target, i64 c) {
  std::vector<i64> t(target.numel());
  copy_to_host(t.data(), ptr<i64>(target), t.size() * sizeof(i64));
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t[i] < 0 || t[i] >= c)
      throw Error("target " + std::to_string(t[i]) + " (sample " + std::to_string(i) + ") is not a class index in [0, " +
                      std::to_string(c) + "): the model has " + std::to_string(c) + " outputs.",
                  "IndexError: Target " + std::to_string(t[i]) + " is out of bounds.");
}

void CudaBackend::gather_rows(const Tensor& x, const Tensor& target, Tensor& out) {
  const i64 rows = x.size(0), c = x.size(1);
  check_targets(target, c);
  if (!rows) return;
  dispatch_float(x.dtype(), "nll_loss", [&](auto tag) {
    using T = decltype(tag);
    k_rows<T><<<blocks_for(rows), kThreads>>>(ptr<T>(x), ptr<i64>(target), ptr<T>(out), rows, c, false);
  });
  after_launch("nll_loss");
}

void CudaBackend::scatter_rows(const Tensor& src, const Tensor& target, Tensor& out) {
  const i64 rows = out.size(0), c = out.size(1);
  if (!rows) return;
  dispatch_float(out.dtype(), "nll_loss", [&](auto tag) {
    using T = decltype(tag);
    k_rows<T><<<blocks_for(rows), kThreads>>>(ptr<T>(src), ptr<i64>(target), ptr<T>(out), rows, c, true);
  });
  after_launch("nll_loss backward");
}

}  // namespace gs::cuda
