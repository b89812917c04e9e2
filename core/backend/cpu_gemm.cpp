// CPU batched matrix products (bmm): Eigen's GEMM on strided views of the operands, or a plain
// loop for the tiny products of the Playground's layers, where any GEMM's set-up costs more than
// the arithmetic. And convolution as GEMMs, one sample at a time (conv2d, conv2d_backward).
#include <Eigen/Core>
#include <algorithm>
#include <vector>

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

/// NOTE: per-thread scratch, reused by every call on the thread (OpenMP keeps its threads): one
/// sample's columns stay in L2 between the im2col that writes them and the GEMM that reads them,
/// where a [C·kh·kw, N·OH·OW] tensor per step (20 MB for W4's second layer) missed the caches
/// and paid page faults.
template <typename T>
T* thread_columns(std::int64_t n) {
  thread_local std::vector<T> buffer;
  if (static_cast<std::int64_t>(buffer.size()) < n) buffer.resize(n);
  return buffer.data();
}

/// A convolution's sizes: batch, channels in and out, input and output planes, C·kh·kw.
struct ConvSizes {
  std::int64_t n, c, h, w, o, oh, ow, L, ckk;
};
ConvSizes conv_sizes(const Tensor& x, const Tensor& weight, std::int64_t oh, std::int64_t ow) {
  return {x.size(0), x.size(1), x.size(2), x.size(3), weight.size(0), oh, ow, oh * ow, weight.numel() / weight.size(0)};
}

/// Shares of the batch run in parallel: one per thread when there is enough work (a parallel
/// region costs microseconds), each a contiguous run of samples.
int conv_shares(const ConvSizes& s) {
  const std::int64_t macs = s.n * s.o * s.L * s.ckk;
  return macs >= (std::int64_t(1) << 18) ? static_cast<int>(std::min<std::int64_t>(kernel_threads(), s.n)) : 1;
}
inline std::int64_t share_begin(std::int64_t n, int share, int shares) { return n * share / shares; }

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

// NOTE: one GEMM per sample, out[n] [O, L] = W [O, C·kh·kw] @ cols[n] [C·kh·kw, L], all three
// plain contiguous row-major (Eigen's kernel at full speed), written straight into the NCHW
// output (no [O, N, L] → [N, O, L] permute) on top of the bias. The batch is split into one
// run of samples per thread; Eigen runs single-threaded inside (it does not nest OpenMP), so
// two threads cost one fork and join per layer instead of one per GEMM.
bool CpuBackend::conv2d(const Tensor& x, const Tensor& weight, const Tensor& bias, const Window2d& w, Tensor& out) {
  const ConvSizes s = conv_sizes(x, weight, out.size(2), out.size(3));
  dispatch_floating(x.dtype(), "conv2d", [&]<typename T>() {
    const Eigen::Map<const RowMajor<T>> wm(ptr<T>(weight), s.o, s.ckk);
    const T* bp = bias.defined() ? ptr<T>(bias) : nullptr;
    const int shares = conv_shares(s);
#pragma omp parallel for schedule(static) num_threads(shares) if (shares > 1)
    for (int t = 0; t < shares; ++t) {
      T* cols = thread_columns<T>(s.ckk * s.L);
      const Eigen::Map<const RowMajor<T>> cm(cols, s.ckk, s.L);
      for (std::int64_t i = share_begin(s.n, t, shares); i < share_begin(s.n, t + 1, shares); ++i) {
        im2col_sample(ptr<T>(x) + i * s.c * s.h * s.w, s.c, s.h, s.w, w, s.oh, s.ow, cols);
        Eigen::Map<RowMajor<T>> om(ptr<T>(out) + i * s.o * s.L, s.o, s.L);
        if (bp) {
          for (std::int64_t r = 0; r < s.o; ++r) om.row(r).setConstant(bp[r]);
          om.noalias() += wm * cm;
        } else {
          om.noalias() = wm * cm;
        }
      }
    }
  });
  return true;
}

// NOTE: per sample, from the columns recomputed by im2col (cheaper than keeping the whole
// batch's columns from the forward): grad_W += g[n] @ cols[n]ᵀ, grad_b += Σ_L g[n], and
// grad_x[n] = col2im(Wᵀ @ g[n]) (Wᵀ @ g[n] in the same buffer, once the columns are used).
// Each thread's share sums its own weight and bias gradients;
// the shares are added in order afterwards (bit-identical run to run for a thread count).
bool CpuBackend::conv2d_backward(const Tensor& grad, const Tensor& x, const Tensor& weight, const Window2d& w,
                                 Tensor* x_grad, Tensor* weight_grad, Tensor* bias_grad) {
  const ConvSizes s = conv_sizes(x, weight, grad.size(2), grad.size(3));
  dispatch_floating(x.dtype(), "conv2d", [&]<typename T>() {
    const Eigen::Map<const RowMajor<T>> wm(ptr<T>(weight), s.o, s.ckk);
    const int shares = conv_shares(s);
    const std::int64_t part = s.o * s.ckk + s.o;  // one share's weight and bias gradients
    std::vector<T> partial(weight_grad || bias_grad ? shares * part : 0, T(0));
#pragma omp parallel for schedule(static) num_threads(shares) if (shares > 1)
    for (int t = 0; t < shares; ++t) {
      T* cols = thread_columns<T>(s.ckk * s.L);
      Eigen::Map<RowMajor<T>> cm(cols, s.ckk, s.L);
      Eigen::Map<RowMajor<T>> gw(partial.data() + t * part, s.o, s.ckk);
      Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, 1>> gb(partial.data() + t * part + s.o * s.ckk, s.o);
      for (std::int64_t i = share_begin(s.n, t, shares); i < share_begin(s.n, t + 1, shares); ++i) {
        const Eigen::Map<const RowMajor<T>> gm(ptr<T>(grad) + i * s.o * s.L, s.o, s.L);
        if (weight_grad) {
          im2col_sample(ptr<T>(x) + i * s.c * s.h * s.w, s.c, s.h, s.w, w, s.oh, s.ow, cols);
          gw.noalias() += gm * cm.transpose();
        }
        if (bias_grad) gb += gm.rowwise().sum();
        if (x_grad) {
          cm.noalias() = wm.transpose() * gm;
          T* gx = ptr<T>(*x_grad) + i * s.c * s.h * s.w;
          std::fill(gx, gx + s.c * s.h * s.w, T(0));
          col2im_sample(cols, w, s.oh, s.ow, s.c, s.h, s.w, gx);
        }
      }
    }
    auto add_shares = [&](Tensor* out, std::int64_t offset, std::int64_t count) {
      if (!out) return;
      T* o = ptr<T>(*out);
      std::copy(partial.data() + offset, partial.data() + offset + count, o);
      for (int t = 1; t < shares; ++t)
        for (std::int64_t k = 0; k < count; ++k) o[k] += partial[t * part + offset + k];
    };
    add_shares(weight_grad, 0, s.o * s.ckk);
    add_shares(bias_grad, s.o * s.ckk, s.o);
  });
  return true;
}

}  // namespace gs::cpu
