// CPU convolution and pooling kernels on contiguous NCHW data: im2col / col2im of one sample
// (the fused convolution in cpu_gemm.cpp) or of a whole batch (the backend interface's), max
// pooling with its argmax and avg pooling, forward and backward.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "backend/cpu_backend.h"

namespace gs::cpu {
namespace {

/// A thread's zero-padded plane, reused across calls (OpenMP keeps its threads).
template <typename T>
T* padded_scratch(std::int64_t n) {
  thread_local std::vector<T> buffer;
  if (static_cast<std::int64_t>(buffer.size()) < n) buffer.resize(n);
  return buffer.data();
}

/// The padded plane's width and height.
inline std::int64_t padded_w(std::int64_t wd, const Window2d& w) { return wd + 2 * w.pad_w; }
inline std::int64_t padded_h(std::int64_t h, const Window2d& w) { return h + 2 * w.pad_h; }

/// Copies n elements in blocks of B, the last block overlapping the one before (n ≥ B).
template <int B, typename T>
inline void copy_blocks(const T* __restrict src, T* __restrict dst, std::int64_t n) {
  auto block = [&](std::int64_t at) {
    for (int k = 0; k < B; ++k) dst[at + k] = src[at + k];
  };
  for (std::int64_t at = 0; at + B <= n; at += B) block(at);
  if (n % B) block(n - B);
}

// NOTE: the rows here are short (14 pixels in LeNet's second layer): blocks of 8 or 4 compile
// to a few inline vector moves, where std::copy calls memmove once per row.
template <typename T>
inline void copy_short_row(const T* src, T* dst, std::int64_t n) {
  if (n >= 8) {
    copy_blocks<8>(src, dst, n);
  } else if (n >= 4) {
    copy_blocks<4>(src, dst, n);
  } else {
    for (std::int64_t i = 0; i < n; ++i) dst[i] = src[i];
  }
}

/// The first pixel kernel tap (ki, kj) meets in a plane `pitch` wide (its padding included).
template <typename T>
T* tap_origin(T* plane, std::int64_t ki, std::int64_t kj, std::int64_t pitch, const Window2d& w) {
  return plane + ki * w.dilation_h * pitch + kj * w.dilation_w;
}

/// The kh·kw rows of one input plane's columns, `row_stride` apart: row ki·kw + kj holds the
/// pixels kernel tap (ki, kj) meets at each output position, zero over the padding.
// NOTE: the plane is first copied into a zero-padded one, so each row is a strided window copy
// with no bounds to test.
template <typename T>
void im2col_plane(const T* plane, std::int64_t h, std::int64_t wd, const Window2d& w, std::int64_t oh, std::int64_t ow,
                  T* rows, std::int64_t row_stride) {
  const T* source = plane;
  std::int64_t pitch = wd;
  if (w.pad_h > 0 || w.pad_w > 0) {
    pitch = padded_w(wd, w);
    T* padded = padded_scratch<T>(padded_h(h, w) * pitch);
    std::fill(padded, padded + padded_h(h, w) * pitch, T(0));
    for (std::int64_t y = 0; y < h; ++y) std::copy(plane + y * wd, plane + (y + 1) * wd, padded + (y + w.pad_h) * pitch + w.pad_w);
    source = padded;
  }
  for (std::int64_t ki = 0; ki < w.kernel_h; ++ki)
    for (std::int64_t kj = 0; kj < w.kernel_w; ++kj) {
      const T* origin = tap_origin(source, ki, kj, pitch, w);
      T* row = rows + (ki * w.kernel_w + kj) * row_stride;
      for (std::int64_t oy = 0; oy < oh; ++oy) {
        const T* src = origin + oy * w.stride_h * pitch;
        if (w.stride_w == 1) {
          copy_short_row(src, row + oy * ow, ow);
        } else {
          for (std::int64_t ox = 0; ox < ow; ++ox) row[oy * ow + ox] = src[ox * w.stride_w];
        }
      }
    }
}

/// Adjoint of im2col_plane: adds the kh·kw rows back into one plane's gradient (through a
/// zero-padded plane whose border, the padding's share, is dropped).
template <typename T>
void col2im_plane(const T* rows, std::int64_t row_stride, const Window2d& w, std::int64_t oh, std::int64_t ow,
                  std::int64_t h, std::int64_t wd, T* plane) {
  const bool padded = w.pad_h > 0 || w.pad_w > 0;
  const std::int64_t pitch = padded ? padded_w(wd, w) : wd;
  T* target = plane;
  if (padded) {
    target = padded_scratch<T>(padded_h(h, w) * pitch);
    std::fill(target, target + padded_h(h, w) * pitch, T(0));
  }
  for (std::int64_t ki = 0; ki < w.kernel_h; ++ki)
    for (std::int64_t kj = 0; kj < w.kernel_w; ++kj) {
      T* origin = tap_origin(target, ki, kj, pitch, w);
      const T* row = rows + (ki * w.kernel_w + kj) * row_stride;
      for (std::int64_t oy = 0; oy < oh; ++oy) {
        T* dst = origin + oy * w.stride_h * pitch;
        const T* src = row + oy * ow;
        for (std::int64_t ox = 0; ox < ow; ++ox) dst[ox * w.stride_w] += src[ox];
      }
    }
  if (padded) {
    for (std::int64_t y = 0; y < h; ++y) {
      const T* src = target + (y + w.pad_h) * pitch + w.pad_w;
      for (std::int64_t x = 0; x < wd; ++x) plane[y * wd + x] += src[x];
    }
  }
}

}  // namespace

template <typename T>
void im2col_sample(const T* x, std::int64_t c, std::int64_t h, std::int64_t wd, const Window2d& w, std::int64_t oh,
                   std::int64_t ow, T* cols) {
  const std::int64_t L = oh * ow, taps = w.kernel_h * w.kernel_w;
  for (std::int64_t ch = 0; ch < c; ++ch) im2col_plane(x + ch * h * wd, h, wd, w, oh, ow, cols + ch * taps * L, L);
}

template <typename T>
void col2im_sample(const T* cols, const Window2d& w, std::int64_t oh, std::int64_t ow, std::int64_t c, std::int64_t h,
                   std::int64_t wd, T* x_grad) {
  const std::int64_t L = oh * ow, taps = w.kernel_h * w.kernel_w;
  for (std::int64_t ch = 0; ch < c; ++ch) col2im_plane(cols + ch * taps * L, L, w, oh, ow, h, wd, x_grad + ch * h * wd);
}

template void im2col_sample<float>(const float*, std::int64_t, std::int64_t, std::int64_t, const Window2d&, std::int64_t,
                                   std::int64_t, float*);
template void im2col_sample<double>(const double*, std::int64_t, std::int64_t, std::int64_t, const Window2d&, std::int64_t,
                                    std::int64_t, double*);
template void col2im_sample<float>(const float*, const Window2d&, std::int64_t, std::int64_t, std::int64_t, std::int64_t,
                                   std::int64_t, float*);
template void col2im_sample<double>(const double*, const Window2d&, std::int64_t, std::int64_t, std::int64_t, std::int64_t,
                                    std::int64_t, double*);

void CpuBackend::im2col(const Tensor& x, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& cols) {
  const std::int64_t batch = x.size(0), c = x.size(1), h = x.size(2), wd = x.size(3);
  dispatch_floating(x.dtype(), "conv2d", [&]<typename T>() {
    const std::int64_t L = oh * ow, taps = w.kernel_h * w.kernel_w;
#pragma omp parallel for collapse(2) num_threads(kernel_threads()) if (parallel_worth(batch * c * L))
    for (std::int64_t nb = 0; nb < batch; ++nb)
      for (std::int64_t ch = 0; ch < c; ++ch)
        im2col_plane(ptr<T>(x) + (nb * c + ch) * h * wd, h, wd, w, oh, ow, ptr<T>(cols) + (ch * taps * batch + nb) * L,
                     batch * L);
  });
}

void CpuBackend::col2im(const Tensor& cols, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& xg) {
  const std::int64_t batch = xg.size(0), c = xg.size(1), h = xg.size(2), wd = xg.size(3);
  dispatch_floating(xg.dtype(), "conv2d", [&]<typename T>() {
    const std::int64_t L = oh * ow, taps = w.kernel_h * w.kernel_w;
    // Each (sample, channel) plane is written by one iteration only: safe to split.
#pragma omp parallel for collapse(2) num_threads(kernel_threads()) if (parallel_worth(batch * c * L))
    for (std::int64_t nb = 0; nb < batch; ++nb)
      for (std::int64_t ch = 0; ch < c; ++ch)
        col2im_plane(ptr<T>(cols) + (ch * taps * batch + nb) * L, batch * L, w, oh, ow, h, wd,
                     ptr<T>(xg) + (nb * c + ch) * h * wd);
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
