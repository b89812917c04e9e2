// CPU optimizer steps: Adam and AdamW (amsgrad too) as one fused pass over a contiguous
// parameter, instead of the dozen tensor ops the formulas would otherwise take.
#include <cmath>

#include "backend/cpu_backend.h"

namespace gs::cpu {

void CpuBackend::adam_step(Tensor& param, const Tensor& grad, Tensor& m, Tensor& v, Tensor* vmax, Tensor* step_out,
                           const AdamArgs& a) {
  dispatch_floating(param.dtype(), "adam", [&]<typename T>() {
    // NOTE: the options are template parameters so each combination is one branch-free loop
    // the compiler vectorises (sqrt included, with -fno-math-errno).
    auto run = [&]<bool Decoupled, bool Decay, bool Ams, bool Out>() {
      T* __restrict p = ptr<T>(param);
      const T* __restrict g = ptr<T>(grad);
      T* __restrict mp = ptr<T>(m);
      T* __restrict vp = ptr<T>(v);
      T* __restrict vm = Ams ? ptr<T>(*vmax) : nullptr;
      T* __restrict so = Out ? ptr<T>(*step_out) : nullptr;
      const T b1 = T(a.beta1), b2 = T(a.beta2), eps = T(a.eps), wd = T(a.weight_decay);
      const T shrink = T(1) - T(a.lr) * wd;
      const T step_size = T(a.lr / a.bias_correction1), inv_sqrt_bc2 = T(1.0 / std::sqrt(a.bias_correction2));
      const std::int64_t n = param.numel();
      for (std::int64_t i = 0; i < n; ++i) {
        T gi = g[i];
        T pi = p[i];
        if constexpr (Decoupled) pi *= shrink;
        if constexpr (Decay && !Decoupled) gi += wd * pi;
        const T mi = b1 * mp[i] + (T(1) - b1) * gi;
        const T vi = b2 * vp[i] + (T(1) - b2) * gi * gi;
        mp[i] = mi;
        vp[i] = vi;
        T second = vi;
        if constexpr (Ams) {
          second = vm[i] > vi ? vm[i] : vi;
          vm[i] = second;
        }
        const T st = step_size * mi / (std::sqrt(second) * inv_sqrt_bc2 + eps);
        p[i] = pi - st;
        if constexpr (Out) so[i] = st;
      }
    };
    const bool decay = a.weight_decay != 0, ams = vmax != nullptr, out = step_out != nullptr;
    // The combinations in use: plain Adam / AdamW, with or without amsgrad, with the step kept.
    if (a.decoupled) {
      if (ams) out ? run.template operator()<true, true, true, true>() : run.template operator()<true, true, true, false>();
      else out ? run.template operator()<true, true, false, true>() : run.template operator()<true, true, false, false>();
    } else if (decay) {
      if (ams) out ? run.template operator()<false, true, true, true>() : run.template operator()<false, true, true, false>();
      else out ? run.template operator()<false, true, false, true>() : run.template operator()<false, true, false, false>();
    } else {
      if (ams) out ? run.template operator()<false, false, true, true>() : run.template operator()<false, false, true, false>();
      else out ? run.template operator()<false, false, false, true>() : run.template operator()<false, false, false, false>();
    }
  });
}

}  // namespace gs::cpu
