// CUDA optimizer steps: Adam and AdamW (amsgrad too) as one fused kernel over a contiguous
// parameter, one thread per element, with the formulas of Backend::AdamArgs.
#include "cuda_launch.cuh"

namespace gs::cuda {
namespace {

template <typename T>
__global__ void k_adam(T* p, const T* g, T* m, T* v, T* vmax, T* step_out, i64 n, Backend::AdamArgs a) {
  const T b1 = T(a.beta1), b2 = T(a.beta2), eps = T(a.eps), wd = T(a.weight_decay);
  const T step_size = T(a.lr / a.bias_correction1), inv_sqrt_bc2 = T(1.0 / sqrt(a.bias_correction2));
  GRID_STRIDE(i, n) {
    T gi = g[i], pi = p[i];
    if (a.decoupled) pi *= T(1) - T(a.lr) * wd;
    else gi += wd * pi;
    const T mi = b1 * m[i] + (T(1) - b1) * gi;
    const T vi = b2 * v[i] + (T(1) - b2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    T second = vi;
    if (vmax) {
      second = vmax[i] > vi ? vmax[i] : vi;
      vmax[i] = second;
    }
    const T st = step_size * mi / (sqrt(second) * inv_sqrt_bc2 + eps);
    p[i] = pi - st;
    if (step_out) step_out[i] = st;
  }
}

}  // namespace

void CudaBackend::adam_step(Tensor& param, const Tensor& grad, Tensor& m, Tensor& v, Tensor* vmax, Tensor* step_out,
                            const AdamArgs& a) {
  const i64 n = param.numel();
  if (!n) return;
  dispatch_float(param.dtype(), "adam", [&](auto tag) {
    using T = decltype(tag);
    k_adam<T><<<blocks_for(n), kThreads>>>(ptr<T>(param), ptr<T>(grad), ptr<T>(m), ptr<T>(v),
                                           vmax ? ptr<T>(*vmax) : nullptr, step_out ? ptr<T>(*step_out) : nullptr, n, a);
  });
  after_launch("adam step");
}

}  // namespace gs::cuda
