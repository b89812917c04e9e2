// CPU batched matrix products (bmm): Eigen's GEMM on strided views of the operands, or a plain
// loop for the tiny products of the Playground's layers, where any GEMM's set-up costs more than
// the arithmetic.
#include <Eigen/Core>
#include <algorithm>

#include "backend/cpu_backend.h"

namespace gs::cpu {
namespace {

template <typename T>
using RowMajor = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T>
using ColMajor = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;

template <typename T, typename Fn>
void with_matrix(const T* data, std::int64_t rows, std::int64_t cols, std::int64_t row_stride,
                 std::int64_t col_stride, Fn&& fn) {
  if (col_stride == 1 || cols == 1) {
    Eigen::Map<const RowMajor<T>, 0, Eigen::OuterStride<>> m(data, rows, cols,
                                                            Eigen::OuterStride<>(std::max<std::int64_t>(row_stride, cols)));
    fn(m);
  } else {
    Eigen::Map<const ColMajor<T>, 0, Eigen::OuterStride<>> m(data, rows, cols,
                                                            Eigen::OuterStride<>(std::max<std::int64_t>(col_stride, rows)));
    fn(m);
  }
}

}  // namespace

void CpuBackend::bmm(const Tensor& a, const Tensor& b, Tensor& out) {
  const std::int64_t batch = out.size(0), m = out.size(1), n = out.size(2), k = a.size(2);
  dispatch_floating(out.dtype(), "matmul", [&]<typename T>() {
    for (std::int64_t i = 0; i < batch; ++i) {
      Eigen::Map<RowMajor<T>> o(ptr<T>(out) + i * m * n, m, n);
      if (k == 0) {
        o.setZero();
        continue;
      }
      const T* pa = ptr<T>(a) + i * a.strides()[0];
      const T* pb = ptr<T>(b) + i * b.strides()[0];
      if (m * n * k <= 4096) {
        // NOTE: tiny products (the Playground's layers): a plain i-k-j loop beats any GEMM
        // set-up; the inner loop runs along b's rows (vectorised when b is row-major).
        T* po = o.data();
        const std::int64_t ar = a.strides()[1], ac = a.strides()[2], br = b.strides()[1], bc = b.strides()[2];
        if (ac == 1 && br == 1) {
          // x · Wᵀ (a Linear's forward): rows of a against rows of W, both contiguous: dot products.
          for (std::int64_t r = 0; r < m; ++r)
            for (std::int64_t j = 0; j < n; ++j) {
              const T* arow = pa + r * ar;
              const T* wrow = pb + j * bc;
              T acc = 0;
              for (std::int64_t kk = 0; kk < k; ++kk) acc += arow[kk] * wrow[kk];
              po[r * n + j] = acc;
            }
          continue;
        }
        std::fill(po, po + m * n, T(0));
        for (std::int64_t r = 0; r < m; ++r) {
          T* orow = po + r * n;
          for (std::int64_t kk = 0; kk < k; ++kk) {
            const T av = pa[r * ar + kk * ac];
            const T* brow = pb + kk * br;
            if (bc == 1) {
              for (std::int64_t j = 0; j < n; ++j) orow[j] += av * brow[j];
            } else {
              for (std::int64_t j = 0; j < n; ++j) orow[j] += av * brow[j * bc];
            }
          }
        }
        continue;
      }
      with_matrix<T>(pa, m, k, a.strides()[1], a.strides()[2], [&](const auto& ma) {
        with_matrix<T>(pb, k, n, b.strides()[1], b.strides()[2], [&](const auto& mb) {
          o.noalias() = ma * mb;
        });
      });
    }
  });
}

}  // namespace gs::cpu
