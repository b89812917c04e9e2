// CUDA convolution and pooling kernels on contiguous NCHW data: im2col / col2im (a convolution
// is then one cuBLAS GEMM over the whole batch), max pooling with its argmax and avg pooling,
// forward and backward. One thread per output element; the backward passes add into the input
// gradient with atomicAdd, so overlapping windows sum in no fixed order.
#include "cuda_launch.cuh"

namespace gs::cuda {
namespace {

/// cols[(ch·kh·kw + ki·kw + kj), nb, oy, ox] = x[nb, ch, iy, ix] (0 in the padding).
template <typename T>
__global__ void k_im2col(const T* x, T* cols, i64 batch, i64 c, i64 h, i64 w, Window2d win, i64 oh, i64 ow, bool add_back) {
  const i64 L = oh * ow, total = c * win.kernel_h * win.kernel_w * batch * L;
  GRID_STRIDE(t, total) {
    const i64 ox = t % ow, oy = (t / ow) % oh, nb = (t / L) % batch, r = t / (L * batch);
    const i64 kj = r % win.kernel_w, ki = (r / win.kernel_w) % win.kernel_h, ch = r / (win.kernel_w * win.kernel_h);
    const i64 iy = oy * win.stride_h - win.pad_h + ki * win.dilation_h;
    const i64 ix = ox * win.stride_w - win.pad_w + kj * win.dilation_w;
    const bool inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
    const i64 src = ((nb * c + ch) * h + iy) * w + ix;
    if (add_back) {  // col2im: x is the gradient being accumulated
      if (inside) dev_atomic_add(const_cast<T*>(x) + src, cols[t]);
    } else {
      cols[t] = inside ? x[src] : T(0);
    }
  }
}

template <typename T>
__global__ void k_max_pool(const T* x, T* o, i64* am, i64 planes, i64 h, i64 w, Window2d win, i64 oh, i64 ow) {
  GRID_STRIDE(t, planes * oh * ow) {
    const i64 ox = t % ow, oy = (t / ow) % oh, p = t / (oh * ow);
    const T* plane = x + p * h * w;
    T best = -INFINITY;
    i64 arg = -1;
    for (i64 ki = 0; ki < win.kernel_h; ++ki) {
      const i64 iy = oy * win.stride_h - win.pad_h + ki * win.dilation_h;
      if (iy < 0 || iy >= h) continue;
      for (i64 kj = 0; kj < win.kernel_w; ++kj) {
        const i64 ix = ox * win.stride_w - win.pad_w + kj * win.dilation_w;
        if (ix < 0 || ix >= w) continue;
        const T v = plane[iy * w + ix];
        if (arg < 0 || v > best || (is_nan(v) && !is_nan(best))) {
          best = v;
          arg = iy * w + ix;
        }
      }
    }
    o[t] = best;
    am[t] = arg;
  }
}

template <typename T>
__global__ void k_max_pool_backward(const T* g, const i64* am, T* xg, i64 planes, i64 hw, i64 ohw) {
  GRID_STRIDE(t, planes * ohw) {
    const i64 p = t / ohw;
    if (am[t] >= 0) dev_atomic_add(xg + p * hw + am[t], g[t]);
  }
}

template <typename T>
__global__ void k_avg_pool(const T* x, T* o, const T* g, T* xg, i64 planes, i64 h, i64 w, Window2d win, i64 oh, i64 ow) {
  const T divisor = T(win.kernel_h * win.kernel_w);
  GRID_STRIDE(t, planes * oh * ow) {
    const i64 ox = t % ow, oy = (t / ow) % oh, p = t / (oh * ow);
    T sum = 0;
    const T share = g ? g[t] / divisor : T(0);
    for (i64 ki = 0; ki < win.kernel_h; ++ki) {
      const i64 iy = oy * win.stride_h - win.pad_h + ki;
      if (iy < 0 || iy >= h) continue;
      for (i64 kj = 0; kj < win.kernel_w; ++kj) {
        const i64 ix = ox * win.stride_w - win.pad_w + kj;
        if (ix < 0 || ix >= w) continue;
        if (g) dev_atomic_add(xg + p * h * w + iy * w + ix, share);
        else sum += x[p * h * w + iy * w + ix];
      }
    }
    if (!g) o[t] = sum / divisor;
  }
}

}  // namespace

void CudaBackend::im2col(const Tensor& x, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& cols) {
  const i64 total = cols.numel();
  if (!total) return;
  dispatch_float(x.dtype(), "conv2d", [&](auto tag) {
    using T = decltype(tag);
    k_im2col<T><<<blocks_for(total), kThreads>>>(ptr<T>(x), ptr<T>(cols), x.size(0), x.size(1), x.size(2), x.size(3),
                                                 w, oh, ow, false);
  });
  after_launch("im2col");
}

void CudaBackend::col2im(const Tensor& cols, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& xg) {
  const i64 total = cols.numel();
  if (!total) return;
  dispatch_float(xg.dtype(), "conv2d", [&](auto tag) {
    using T = decltype(tag);
    k_im2col<T><<<blocks_for(total), kThreads>>>(ptr<T>(xg), ptr<T>(cols), xg.size(0), xg.size(1), xg.size(2),
                                                 xg.size(3), w, oh, ow, true);
  });
  after_launch("col2im");
}

void CudaBackend::max_pool2d(const Tensor& x, const Window2d& w, Tensor& out, Tensor& argmax) {
  const i64 planes = x.size(0) * x.size(1), oh = out.size(2), ow = out.size(3);
  if (!out.numel()) return;
  dispatch_float(x.dtype(), "max_pool2d", [&](auto tag) {
    using T = decltype(tag);
    k_max_pool<T><<<blocks_for(out.numel()), kThreads>>>(ptr<T>(x), ptr<T>(out), ptr<i64>(argmax), planes, x.size(2),
                                                         x.size(3), w, oh, ow);
  });
  after_launch("max_pool2d");
}

void CudaBackend::max_pool2d_backward(const Tensor& grad, const Tensor& argmax, Tensor& xg) {
  const i64 planes = xg.size(0) * xg.size(1), hw = xg.size(2) * xg.size(3), ohw = grad.size(2) * grad.size(3);
  if (!grad.numel()) return;
  dispatch_float(xg.dtype(), "max_pool2d", [&](auto tag) {
    using T = decltype(tag);
    k_max_pool_backward<T><<<blocks_for(grad.numel()), kThreads>>>(ptr<T>(grad), ptr<i64>(argmax), ptr<T>(xg), planes,
                                                                   hw, ohw);
  });
  after_launch("max_pool2d backward");
}

void CudaBackend::avg_pool2d(const Tensor& x, const Window2d& w, Tensor& out) {
  if (!out.numel()) return;
  dispatch_float(x.dtype(), "avg_pool2d", [&](auto tag) {
    using T = decltype(tag);
    k_avg_pool<T><<<blocks_for(out.numel()), kThreads>>>(ptr<T>(x), ptr<T>(out), nullptr, nullptr,
                                                         x.size(0) * x.size(1), x.size(2), x.size(3), w, out.size(2),
                                                         out.size(3));
  });
  after_launch("avg_pool2d");
}

void CudaBackend::avg_pool2d_backward(const Tensor& grad, const Window2d& w, Tensor& xg) {
  if (!grad.numel()) return;
  dispatch_float(xg.dtype(), "avg_pool2d", [&](auto tag) {
    using T = decltype(tag);
    k_avg_pool<T><<<blocks_for(grad.numel()), kThreads>>>(nullptr, nullptr, ptr<T>(grad), ptr<T>(xg),
                                                          xg.size(0) * xg.size(1), xg.size(2), xg.size(3), w,
                                                          grad.size(2), grad.size(3));
  });
  after_launch("avg_pool2d backward");
}

}  // namespace gs::cuda
