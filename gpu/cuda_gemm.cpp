// CUDA batched matrix products (bmm) through cuBLAS, in FP32 or FP64 with no TF32, so products
// match the CPU's to rounding. Host code only: no kernels here, so the host compiler builds it.
#include <algorithm>

#include "cuda_backend.h"
#include "cuda_check.h"

namespace gs::cuda {

cublasHandle_t CudaBackend::blas() {
  std::lock_guard lock(mutex_);
  if (!blas_) check(cublasCreate(&blas_), "cublasCreate");
  return blas_;
}

void CudaBackend::bmm(const Tensor& a, const Tensor& b, Tensor& out) {
  const i64 batch = out.size(0), m = out.size(1), n = out.size(2), k = a.size(2);
  if (batch * m * n == 0) return;
  if (k == 0) return fill(out, 0.0);
  // Row-major out = a·b is column-major outᵀ = bᵀ·aᵀ: cuBLAS computes it with b first.
  struct Operand {
    cublasOperation_t op;
    int ld;
  };
  auto describe = [](const Tensor& t, i64 rows, i64 cols, bool& ok) -> Operand {
    const i64 sr = t.strides()[1], sc = t.strides()[2];
    ok = true;
    if (sc == 1 || cols == 1) return {CUBLAS_OP_N, static_cast<int>(std::max<i64>(sr, cols))};
    if (sr == 1 || rows == 1) return {CUBLAS_OP_T, static_cast<int>(std::max<i64>(sc, rows))};
    ok = false;
    return {CUBLAS_OP_N, 0};
  };
  bool ok_a, ok_b;
  Operand da = describe(a, m, k, ok_a), db = describe(b, k, n, ok_b);
  if (!ok_a || !ok_b) {
    Tensor ac = ok_a ? a : a.contiguous(), bc = ok_b ? b : b.contiguous();
    return bmm(ac, bc, out);
  }
  dispatch_float(out.dtype(), "matmul", [&](auto tag) {
    using T = decltype(tag);
    const T one = 1, zero = 0;
    if constexpr (std::is_same_v<T, float>) {
      check(cublasSgemmStridedBatched(blas(), db.op, da.op, int(n), int(m), int(k), &one, ptr<T>(b), db.ld,
                                      b.strides()[0], ptr<T>(a), da.ld, a.strides()[0], &zero, ptr<T>(out), int(n),
                                      m * n, int(batch)),
            "sgemm");
    } else {
      check(cublasDgemmStridedBatched(blas(), db.op, da.op, int(n), int(m), int(k), &one, ptr<T>(b), db.ld,
                                      b.strides()[0], ptr<T>(a), da.ld, a.strides()[0], &zero, ptr<T>(out), int(n),
                                      m * n, int(batch)),
            "dgemm");
    }
  });
}

}  // namespace gs::cuda
