// CPU indexing kernels: index_select / index_add along one dim (embedding-style gathers and their
// gradient) and the row gather / scatter of NLL loss, which names a class index out of range.
#include <algorithm>
#include <string>

#include "backend/cpu_backend.h"

namespace gs::cpu {

void CpuBackend::index_select(const Tensor& x, std::int64_t dim, const Tensor& index, Tensor& out) {
  std::int64_t outer, n, inner;
  split_dim(x.shape(), dim, outer, n, inner);
  const std::int64_t* idx = ptr<std::int64_t>(index);
  const std::int64_t m = index.numel();
  dispatch_dtype(x.dtype(), [&]<typename T>() {
    const T* a = ptr<T>(x);
    T* o = ptr<T>(out);
    for (std::int64_t p = 0; p < outer; ++p)
      for (std::int64_t i = 0; i < m; ++i)
        std::copy_n(a + (p * n + idx[i]) * inner, inner, o + (p * m + i) * inner);
  });
}

void CpuBackend::index_add(Tensor& out, std::int64_t dim, const Tensor& index, const Tensor& src) {
  std::int64_t outer, n, inner;
  split_dim(out.shape(), dim, outer, n, inner);
  const std::int64_t* idx = ptr<std::int64_t>(index);
  const std::int64_t m = index.numel();
  dispatch_dtype(out.dtype(), [&]<typename T>() {
    const T* s = ptr<T>(src);
    T* o = ptr<T>(out);
    for (std::int64_t p = 0; p < outer; ++p)
      for (std::int64_t i = 0; i < m; ++i)
        for (std::int64_t k = 0; k < inner; ++k) o[(p * n + idx[i]) * inner + k] += s[(p * m + i) * inner + k];
  });
}

void CpuBackend::gather_rows(const Tensor& x, const Tensor& target, Tensor& out) {
  const std::int64_t rows = x.size(0), c = x.size(1);
  const std::int64_t* t = ptr<std::int64_t>(target);
  dispatch_floating(x.dtype(), "nll_loss", [&]<typename T>() {
    const T* a = ptr<T>(x);
    T* o = ptr<T>(out);
    for (std::int64_t i = 0; i < rows; ++i) {
      if (t[i] < 0 || t[i] >= c)
        throw Error("target " + std::to_string(t[i]) + " (sample " + std::to_string(i) + ") is not a class index in [0, " +
                        std::to_string(c) + "): the model has " + std::to_string(c) + " outputs.",
                    "IndexError: Target " + std::to_string(t[i]) + " is out of bounds.");
      o[i] = a[i * c + t[i]];
    }
  });
}

void CpuBackend::scatter_rows(const Tensor& src, const Tensor& target, Tensor& out) {
  const std::int64_t rows = out.size(0), c = out.size(1);
  const std::int64_t* t = ptr<std::int64_t>(target);
  dispatch_floating(out.dtype(), "nll_loss", [&]<typename T>() {
    const T* s = ptr<T>(src);
    T* o = ptr<T>(out);
    for (std::int64_t i = 0; i < rows; ++i) o[i * c + t[i]] += s[i];
  });
}

}  // namespace gs::cpu
