// CPU convolution and pooling kernels on contiguous NCHW data: im2col / col2im (a convolution
// is then one GEMM over the whole batch), max pooling with its argmax and avg pooling, forward
// and backward. Loops run over whole rows with the padding's bounds worked out once per row.
#include <algorithm>
#include <cmath>
#include <limits>

#include "backend/cpu_backend.h"

namespace gs::cpu {
namespace {

/// The output columns ox whose input column ox·stride − pad + offset lies in [0, width): [lo, hi).
inline void valid_columns(std::int64_t ow, std::int64_t stride, std::int64_t pad, std::int64_t offset, std::int64_t width,
                          std::int64_t& lo, std::int64_t& hi) {
  const std::int64_t shift = offset - pad;  // ix = ox·stride + shift
  lo = shift >= 0 ? 0 : (-shift + stride - 1) / stride;
  hi = width - 1 - shift < 0 ? 0 : (width - 1 - shift) / stride + 1;
  lo = std::min(lo, ow);
  hi = std::clamp(hi, lo, ow);
}

}  // namespace

void CpuBackend::im2col(const Tensor& x, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& cols) {
  const std::int64_t batch = x.size(0), c = x.size(1), h = x.size(2), wd = x.size(3);
  dispatch_floating(x.dtype(), "conv2d", [&]<typename T>() {
    const T* in = ptr<T>(x);
    T* col = ptr<T>(cols);
    const std::int64_t L = oh * ow;
#pragma omp parallel for collapse(2) num_threads(kernel_threads()) if (parallel_worth(batch * c * L))
    for (std::int64_t nb = 0; nb < batch; ++nb) {
      for (std::int64_t ch = 0; ch < c; ++ch) {
        const T* plane = in + (nb * c + ch) * h * wd;
        for (std::int64_t ki = 0; ki < w.kernel_h; ++ki) {
          for (std::int64_t kj = 0; kj < w.kernel_w; ++kj) {
            T* row = col + ((ch * w.kernel_h * w.kernel_w + ki * w.kernel_w + kj) * batch + nb) * L;
            for (std::int64_t oy = 0; oy < oh; ++oy) {
              const std::int64_t iy = oy * w.stride_h - w.pad_h + ki * w.dilation_h;
              T* r = row + oy * ow;
              if (iy < 0 || iy >= h) {
                std::fill(r, r + ow, T(0));
                continue;
              }
              // Zeros where the window hangs over the padding, a plain copy in between.
              std::int64_t lo, hi;
              valid_columns(ow, w.stride_w, w.pad_w, kj * w.dilation_w, wd, lo, hi);
              std::fill(r, r + lo, T(0));
              const T* src = plane + iy * wd + kj * w.dilation_w - w.pad_w;
              if (w.stride_w == 1) {
                std::copy(src + lo, src + hi, r + lo);
              } else {
                for (std::int64_t ox = lo; ox < hi; ++ox) r[ox] = src[ox * w.stride_w];
              }
              std::fill(r + hi, r + ow, T(0));
            }
          }
        }
      }
    }
  });
}

void CpuBackend::col2im(const Tensor& cols, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& xg) {
  const std::int64_t batch = xg.size(0), c = xg.size(1), h = xg.size(2), wd = xg.size(3);
  dispatch_floating(xg.dtype(), "conv2d", [&]<typename T>() {
    T* out = ptr<T>(xg);
    const T* col = ptr<T>(cols);
    const std::int64_t L = oh * ow;
    // Each (sample, channel) plane is written by one iteration only: safe to split.
#pragma omp parallel for collapse(2) num_threads(kernel_threads()) if (parallel_worth(batch * c * L))
    for (std::int64_t nb = 0; nb < batch; ++nb) {
      for (std::int64_t ch = 0; ch < c; ++ch) {
        T* plane = out + (nb * c + ch) * h * wd;
        for (std::int64_t ki = 0; ki < w.kernel_h; ++ki) {
          for (std::int64_t kj = 0; kj < w.kernel_w; ++kj) {
            const T* row = col + ((ch * w.kernel_h * w.kernel_w + ki * w.kernel_w + kj) * batch + nb) * L;
            for (std::int64_t oy = 0; oy < oh; ++oy) {
              const std::int64_t iy = oy * w.stride_h - w.pad_h + ki * w.dilation_h;
              if (iy < 0 || iy >= h) continue;
              std::int64_t lo, hi;
              valid_columns(ow, w.stride_w, w.pad_w, kj * w.dilation_w, wd, lo, hi);
              T* dst = plane + iy * wd + kj * w.dilation_w - w.pad_w;
              const T* src = row + oy * ow;
              if (w.stride_w == 1) {
                for (std::int64_t ox = lo; ox < hi; ++ox) dst[ox] += src[ox];
              } else {
                for (std::int64_t ox = lo; ox < hi; ++ox) dst[ox * w.stride_w] += src[ox];
              }
            }
          }
        }
      }
    }
  });
}

void CpuBackend::max_pool2d(const Tensor& x, const Window2d& w, Tensor& out, Tensor& argmax) {
  const std::int64_t planes = x.size(0) * x.size(1), h = x.size(2), wd = x.size(3);
  const std::int64_t oh = out.size(2), ow = out.size(3);
  dispatch_floating(x.dtype(), "max_pool2d", [&]<typename T>() {
    const T* in = ptr<T>(x);
    T* o = ptr<T>(out);
    std::int64_t* am = ptr<std::int64_t>(argmax);
    if (w.kernel_h == 2 && w.kernel_w == 2 && w.stride_h == 2 && w.stride_w == 2 && w.pad_h == 0 && w.pad_w == 0 &&
        w.dilation_h == 1 && w.dilation_w == 1) {
      // The common 2×2 / stride 2: max by vmax, the index of the first maximum by integer
      // selects; the rare NaN window takes the careful path.
#pragma omp parallel for num_threads(kernel_threads()) if (parallel_worth(planes * h * wd))
      for (std::int64_t p = 0; p < planes; ++p) {
        const T* plane = in + p * h * wd;
        T* op = o + p * oh * ow;
        std::int64_t* ap = am + p * oh * ow;
        for (std::int64_t oy = 0; oy < oh; ++oy) {
          const T* r0 = plane + 2 * oy * wd;
          const T* r1 = r0 + wd;
          const std::int64_t base = 2 * oy * wd;
          for (std::int64_t ox = 0; ox < ow; ++ox) {
            const T a = r0[2 * ox], b = r0[2 * ox + 1], c = r1[2 * ox], d = r1[2 * ox + 1];
            T m = std::max(std::max(a, b), std::max(c, d));
            // First maximum as arithmetic on 0/1 comparisons (no jumps):
            // k = 0 if a is it, else 1 if b, else 2 if c, else 3.
            const std::int64_t na = a != m, nb = b != m, nc = c != m;
            std::int64_t k = na * (1 + nb * (1 + nc));
            if (std::isnan(a + b + c + d)) {
              k = std::isnan(a) ? 0 : std::isnan(b) ? 1 : std::isnan(c) ? 2 : 3;
              m = std::numeric_limits<T>::quiet_NaN();
            }
            op[oy * ow + ox] = m;
            ap[oy * ow + ox] = base + 2 * ox + (k & 1) + (k >> 1) * wd;
          }
        }
      }
      return;
    }
    if (w.pad_h == 0 && w.pad_w == 0 && w.dilation_h == 1 && w.dilation_w == 1) {
      // Every window lies inside the image: no bounds checks.
      for (std::int64_t p = 0; p < planes; ++p) {
        const T* plane = in + p * h * wd;
        T* op = o + p * oh * ow;
        std::int64_t* ap = am + p * oh * ow;
        for (std::int64_t oy = 0; oy < oh; ++oy)
          for (std::int64_t ox = 0; ox < ow; ++ox) {
            std::int64_t arg = oy * w.stride_h * wd + ox * w.stride_w;
            T best = plane[arg];
            for (std::int64_t ki = 0; ki < w.kernel_h; ++ki) {
              const std::int64_t row = (oy * w.stride_h + ki) * wd + ox * w.stride_w;
              for (std::int64_t kj = 0; kj < w.kernel_w; ++kj) {
                // NOTE: branchless (selects, not jumps): on real data the comparison is a coin toss.
                const T v = plane[row + kj];
                const bool take = v > best || v != v;
                best = take ? v : best;
                arg = take ? row + kj : arg;
              }
            }
            op[oy * ow + ox] = best;
            ap[oy * ow + ox] = arg;
          }
      }
      return;
    }
    for (std::int64_t p = 0; p < planes; ++p) {
      const T* plane = in + p * h * wd;
      for (std::int64_t oy = 0; oy < oh; ++oy) {
        for (std::int64_t ox = 0; ox < ow; ++ox) {
          T best = -std::numeric_limits<T>::infinity();
          std::int64_t arg = -1;
          for (std::int64_t ki = 0; ki < w.kernel_h; ++ki) {
            const std::int64_t iy = oy * w.stride_h - w.pad_h + ki * w.dilation_h;
            if (iy < 0 || iy >= h) continue;
            for (std::int64_t kj = 0; kj < w.kernel_w; ++kj) {
              const std::int64_t ix = ox * w.stride_w - w.pad_w + kj * w.dilation_w;
              if (ix < 0 || ix >= wd) continue;
              const T v = plane[iy * wd + ix];
              if (arg < 0 || v > best || std::isnan(static_cast<double>(v))) {
                best = v;
                arg = iy * wd + ix;
              }
            }
          }
          o[(p * oh + oy) * ow + ox] = best;
          am[(p * oh + oy) * ow + ox] = arg;
        }
      }
    }
  });
}

void CpuBackend::max_pool2d_backward(const Tensor& grad, const Tensor& argmax, Tensor& xg) {
  const std::int64_t planes = xg.size(0) * xg.size(1), hw = xg.size(2) * xg.size(3);
  const std::int64_t ohw = grad.size(2) * grad.size(3);
  dispatch_floating(xg.dtype(), "max_pool2d", [&]<typename T>() {
    const T* g = ptr<T>(grad);
    const std::int64_t* am = ptr<std::int64_t>(argmax);
    T* o = ptr<T>(xg);
#pragma omp parallel for num_threads(kernel_threads()) if (parallel_worth(planes * hw))
    for (std::int64_t p = 0; p < planes; ++p)
      for (std::int64_t i = 0; i < ohw; ++i)
        if (am[p * ohw + i] >= 0) o[p * hw + am[p * ohw + i]] += g[p * ohw + i];
  });
}

void CpuBackend::avg_pool2d(const Tensor& x, const Window2d& w, Tensor& out) {
  const std::int64_t planes = x.size(0) * x.size(1), h = x.size(2), wd = x.size(3);
  const std::int64_t oh = out.size(2), ow = out.size(3);
  dispatch_floating(x.dtype(), "avg_pool2d", [&]<typename T>() {
    const T* in = ptr<T>(x);
    T* o = ptr<T>(out);
    const T divisor = static_cast<T>(w.kernel_h * w.kernel_w);
    for (std::int64_t p = 0; p < planes; ++p) {
      const T* plane = in + p * h * wd;
      for (std::int64_t oy = 0; oy < oh; ++oy)
        for (std::int64_t ox = 0; ox < ow; ++ox) {
          T sum = 0;
          for (std::int64_t ki = 0; ki < w.kernel_h; ++ki) {
            const std::int64_t iy = oy * w.stride_h - w.pad_h + ki;
            if (iy < 0 || iy >= h) continue;
            for (std::int64_t kj = 0; kj < w.kernel_w; ++kj) {
              const std::int64_t ix = ox * w.stride_w - w.pad_w + kj;
              if (ix >= 0 && ix < wd) sum += plane[iy * wd + ix];
            }
          }
          o[(p * oh + oy) * ow + ox] = sum / divisor;
        }
    }
  });
}

void CpuBackend::avg_pool2d_backward(const Tensor& grad, const Window2d& w, Tensor& xg) {
  const std::int64_t planes = xg.size(0) * xg.size(1), h = xg.size(2), wd = xg.size(3);
  const std::int64_t oh = grad.size(2), ow = grad.size(3);
  dispatch_floating(xg.dtype(), "avg_pool2d", [&]<typename T>() {
    const T* g = ptr<T>(grad);
    T* o = ptr<T>(xg);
    const T divisor = static_cast<T>(w.kernel_h * w.kernel_w);
    for (std::int64_t p = 0; p < planes; ++p) {
      T* plane = o + p * h * wd;
      for (std::int64_t oy = 0; oy < oh; ++oy)
        for (std::int64_t ox = 0; ox < ow; ++ox) {
          const T share = g[(p * oh + oy) * ow + ox] / divisor;
          for (std::int64_t ki = 0; ki < w.kernel_h; ++ki) {
            const std::int64_t iy = oy * w.stride_h - w.pad_h + ki;
            if (iy < 0 || iy >= h) continue;
            for (std::int64_t kj = 0; kj < w.kernel_w; ++kj) {
              const std::int64_t ix = ox * w.stride_w - w.pad_w + kj;
              if (ix >= 0 && ix < wd) plane[iy * wd + ix] += share;
            }
          }
        }
    }
  });
}

}  // namespace gs::cpu
