// CPU elementwise kernels: fill, copy (converting dtypes), the unary ops and their derivatives,
// the binary ops, add_scaled, where and clamp. Every kernel takes any strides: the map helpers
// run contiguous operands as one flat loop (split across the kernel threads when large) and
// strided ones row by row (strided.h), with plain loops for unit and zero inner strides so that
// broadcasts vectorise too.
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>

#include "backend/cpu_backend.h"
#include "backend/strided.h"

namespace gs::cpu {
namespace {

/// out[i] = f(x[i]) for same-shape x, out.
template <typename T, typename F>
void map1(const Tensor& x, Tensor& out, F f) {
  T* o = ptr<T>(out);
  const T* a = ptr<T>(x);
  if (all_contiguous({&x, &out})) {
    const std::int64_t n = out.numel();
    if (n >= kParallelGrain && kernel_threads() > 1) {
#pragma omp parallel for num_threads(kernel_threads())
      for (std::int64_t i = 0; i < n; ++i) o[i] = f(a[i]);
    } else {
      for (std::int64_t i = 0; i < n; ++i) o[i] = f(a[i]);
    }
    return;
  }
  strided_rows<2>(out.shape(), {&out.strides(), &x.strides()}, {0, 0},
                       [&](const std::array<std::int64_t, 2>& off, std::int64_t len, const std::array<std::int64_t, 2>& st) {
                         T* po = o + off[0];
                         const T* pa = a + off[1];
                         if (st[0] == 1 && st[1] == 1) {
                           for (std::int64_t j = 0; j < len; ++j) po[j] = f(pa[j]);
                         } else {
                           for (std::int64_t j = 0; j < len; ++j) po[j * st[0]] = f(pa[j * st[1]]);
                         }
                       });
}

/// out = f(x) for contiguous float32 data as an Eigen array expression: vectorised exp, tanh and
/// logistic (glibc's scalar tanhf alone was a tenth of a Playground step). Eigen's float versions
/// are within a few ulp of the correctly rounded value, well inside float32's golden tolerance.
/// Split across the kernel threads when large. False (nothing done) when not contiguous.
template <typename F>
bool map1_float_vectorised(const Tensor& x, Tensor& out, F f) {
  if (!all_contiguous({&x, &out})) return false;
  const float* a = ptr<float>(x);
  float* o = ptr<float>(out);
  const std::int64_t n = out.numel();
  auto run = [&](std::int64_t begin, std::int64_t end) {
    Eigen::Map<Eigen::ArrayXf>(o + begin, end - begin) = f(Eigen::Map<const Eigen::ArrayXf>(a + begin, end - begin));
  };
  const int threads = n >= kParallelGrain ? kernel_threads() : 1;
  if (threads > 1) {
#pragma omp parallel for num_threads(threads)
    for (int t = 0; t < threads; ++t) run(n * t / threads, n * (t + 1) / threads);
  } else {
    run(0, n);
  }
  return true;
}

/// out[i] = f(a[i], b[i]); a or b may be a one-element broadcast.
template <typename T, typename F>
void map2(const Tensor& x, const Tensor& y, Tensor& out, F f) {
  T* o = ptr<T>(out);
  const T* a = ptr<T>(x);
  const T* b = ptr<T>(y);
  const std::int64_t n = out.numel();
  if (out.is_contiguous()) {
    if (x.is_contiguous() && y.is_contiguous()) {
      if (n >= kParallelGrain && kernel_threads() > 1) {
#pragma omp parallel for num_threads(kernel_threads())
        for (std::int64_t i = 0; i < n; ++i) o[i] = f(a[i], b[i]);
      } else {
        for (std::int64_t i = 0; i < n; ++i) o[i] = f(a[i], b[i]);
      }
      return;
    }
    const bool b_scalar = std::all_of(y.strides().begin(), y.strides().end(), [](auto s) { return s == 0; });
    if (x.is_contiguous() && b_scalar) {
      const T bv = *b;
      for (std::int64_t i = 0; i < n; ++i) o[i] = f(a[i], bv);
      return;
    }
  }
  // Rows with unit or zero inner strides (a permuted conv output plus its bias, broadcasts) run
  // as plain loops the compiler vectorises.
  strided_rows<3>(out.shape(), {&out.strides(), &x.strides(), &y.strides()}, {0, 0, 0},
                       [&](const std::array<std::int64_t, 3>& off, std::int64_t len, const std::array<std::int64_t, 3>& st) {
                         T* po = o + off[0];
                         const T* pa = a + off[1];
                         const T* pb = b + off[2];
                         if (st[0] == 1 && st[1] == 1 && st[2] == 1) {
                           for (std::int64_t j = 0; j < len; ++j) po[j] = f(pa[j], pb[j]);
                         } else if (st[0] == 1 && st[1] == 1 && st[2] == 0) {
                           const T bv = *pb;
                           for (std::int64_t j = 0; j < len; ++j) po[j] = f(pa[j], bv);
                         } else if (st[0] == 1 && st[1] == 0 && st[2] == 1) {
                           const T av = *pa;
                           for (std::int64_t j = 0; j < len; ++j) po[j] = f(av, pb[j]);
                         } else {
                           for (std::int64_t j = 0; j < len; ++j) po[j * st[0]] = f(pa[j * st[1]], pb[j * st[2]]);
                         }
                       });
}

template <typename T, typename F>
void map3(const Tensor& x, const Tensor& y, const Tensor& z, Tensor& out, F f) {
  T* o = ptr<T>(out);
  const T* a = ptr<T>(x);
  const T* b = ptr<T>(y);
  const T* c = ptr<T>(z);
  if (all_contiguous({&x, &y, &z, &out})) {
    const std::int64_t n = out.numel();
    for (std::int64_t i = 0; i < n; ++i) o[i] = f(a[i], b[i], c[i]);
    return;
  }
  strided_loop<4>(out.shape(), {&out.strides(), &x.strides(), &y.strides(), &z.strides()}, {0, 0, 0, 0},
                  [&](const std::array<std::int64_t, 4>& off) { o[off[0]] = f(a[off[1]], b[off[2]], c[off[3]]); });
}

template <typename T>
T sigmoid_of(T x) {
  // NOTE: split on sign so exp never overflows.
  if (x >= 0) return T(1) / (T(1) + std::exp(-x));
  const T e = std::exp(x);
  return e / (T(1) + e);
}

constexpr double kInvSqrt2 = 0.70710678118654752440;
constexpr double kInvSqrt2Pi = 0.39894228040143267794;
constexpr double kSqrt2OverPi = 0.79788456080286535588;

template <typename T>
void unary_impl(UnaryOp op, const Tensor& x, Tensor& out, const UnaryArgs& args) {
  const T alpha = static_cast<T>(args.alpha);
  const T threshold = static_cast<T>(args.threshold);
  switch (op) {
    case UnaryOp::Neg: return map1<T>(x, out, [](T v) { return -v; });
    case UnaryOp::Exp:
      if constexpr (std::is_same_v<T, float>)
        if (map1_float_vectorised(x, out, [](const auto& v) { return v.exp(); })) return;
      return map1<T>(x, out, [](T v) { return std::exp(v); });
    case UnaryOp::Log: return map1<T>(x, out, [](T v) { return std::log(v); });
    case UnaryOp::Sqrt: return map1<T>(x, out, [](T v) { return std::sqrt(v); });
    case UnaryOp::Abs: return map1<T>(x, out, [](T v) { return v < 0 ? -v : v; });
    case UnaryOp::Sign: return map1<T>(x, out, [](T v) { return T((v > 0) - (v < 0)); });
    case UnaryOp::Sigmoid:
      if constexpr (std::is_same_v<T, float>)
        if (map1_float_vectorised(x, out, [](const auto& v) { return v.logistic(); })) return;
      return map1<T>(x, out, [](T v) { return sigmoid_of(v); });
    case UnaryOp::Tanh:
      if constexpr (std::is_same_v<T, float>)
        if (map1_float_vectorised(x, out, [](const auto& v) { return v.tanh(); })) return;
      return map1<T>(x, out, [](T v) { return std::tanh(v); });
    case UnaryOp::Relu: return map1<T>(x, out, [](T v) { return v > 0 ? v : T(0); });
    case UnaryOp::Step: return map1<T>(x, out, [](T v) { return v > 0 ? T(1) : T(0); });
    case UnaryOp::LeakyRelu: return map1<T>(x, out, [=](T v) { return v > 0 ? v : alpha * v; });
    case UnaryOp::Elu: return map1<T>(x, out, [=](T v) { return v > 0 ? v : alpha * (std::exp(v) - T(1)); });
    case UnaryOp::Gelu:
      return map1<T>(x, out, [](T v) { return T(0.5) * v * (T(1) + std::erf(v * T(kInvSqrt2))); });
    case UnaryOp::GeluTanh:
      return map1<T>(x, out, [](T v) {
        return T(0.5) * v * (T(1) + std::tanh(T(kSqrt2OverPi) * (v + T(0.044715) * v * v * v)));
      });
    case UnaryOp::Softplus:
      return map1<T>(x, out, [=](T v) {
        return v * alpha > threshold ? v : std::log1p(std::exp(v * alpha)) / alpha;
      });
    case UnaryOp::Square: return map1<T>(x, out, [](T v) { return v * v; });
    case UnaryOp::Reciprocal: return map1<T>(x, out, [](T v) { return T(1) / v; });
    case UnaryOp::Log1p: return map1<T>(x, out, [](T v) { return std::log1p(v); });
    case UnaryOp::Sin: return map1<T>(x, out, [](T v) { return std::sin(v); });
  }
}

template <typename T>
void unary_backward_impl(UnaryOp op, const Tensor& g, const Tensor& x, const Tensor& y, Tensor& out,
                         const UnaryArgs& args) {
  const T alpha = static_cast<T>(args.alpha);
  const T threshold = static_cast<T>(args.threshold);
  switch (op) {
    case UnaryOp::Neg: return map1<T>(g, out, [](T d) { return -d; });
    case UnaryOp::Exp: return map2<T>(g, y, out, [](T d, T r) { return d * r; });
    case UnaryOp::Log: return map2<T>(g, x, out, [](T d, T v) { return d / v; });
    case UnaryOp::Sqrt: return map2<T>(g, y, out, [](T d, T r) { return d / (T(2) * r); });
    case UnaryOp::Abs: return map2<T>(g, x, out, [](T d, T v) { return d * T((v > 0) - (v < 0)); });
    case UnaryOp::Sign:
    case UnaryOp::Step: return map1<T>(g, out, [](T) { return T(0); });
    case UnaryOp::Sigmoid: return map2<T>(g, y, out, [](T d, T r) { return d * r * (T(1) - r); });
    case UnaryOp::Tanh: return map2<T>(g, y, out, [](T d, T r) { return d * (T(1) - r * r); });
    case UnaryOp::Relu: return map2<T>(g, x, out, [](T d, T v) { return v > 0 ? d : T(0); });
    case UnaryOp::LeakyRelu: return map2<T>(g, x, out, [=](T d, T v) { return v > 0 ? d : d * alpha; });
    case UnaryOp::Elu: return map2<T>(g, x, out, [=](T d, T v) { return v > 0 ? d : d * alpha * std::exp(v); });
    case UnaryOp::Gelu:
      return map2<T>(g, x, out, [](T d, T v) {
        const T cdf = T(0.5) * (T(1) + std::erf(v * T(kInvSqrt2)));
        const T pdf = T(kInvSqrt2Pi) * std::exp(T(-0.5) * v * v);
        return d * (cdf + v * pdf);
      });
    case UnaryOp::GeluTanh:
      return map2<T>(g, x, out, [](T d, T v) {
        const T inner = T(kSqrt2OverPi) * (v + T(0.044715) * v * v * v);
        const T t = std::tanh(inner);
        const T dinner = T(kSqrt2OverPi) * (T(1) + T(3 * 0.044715) * v * v);
        return d * (T(0.5) * (T(1) + t) + T(0.5) * v * (T(1) - t * t) * dinner);
      });
    case UnaryOp::Softplus:
      return map2<T>(g, x, out, [=](T d, T v) { return v * alpha > threshold ? d : d * sigmoid_of(v * alpha); });
    case UnaryOp::Square: return map2<T>(g, x, out, [](T d, T v) { return d * T(2) * v; });
    case UnaryOp::Reciprocal: return map2<T>(g, y, out, [](T d, T r) { return -d * r * r; });
    case UnaryOp::Log1p: return map2<T>(g, x, out, [](T d, T v) { return d / (T(1) + v); });
    case UnaryOp::Sin: return map2<T>(g, x, out, [](T d, T v) { return d * std::cos(v); });
  }
}

template <typename T>
void binary_impl(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) {
  switch (op) {
    case BinaryOp::Add: return map2<T>(a, b, out, [](T x, T y) { return x + y; });
    case BinaryOp::Sub: return map2<T>(a, b, out, [](T x, T y) { return x - y; });
    case BinaryOp::Mul: return map2<T>(a, b, out, [](T x, T y) { return x * y; });
    case BinaryOp::Div:
      if constexpr (std::is_integral_v<T>) {
        return map2<T>(a, b, out, [](T x, T y) {
          if (y == 0) throw Error("integer division by zero", "RuntimeError: ZeroDivisionError");
          return x / y;
        });
      } else {
        return map2<T>(a, b, out, [](T x, T y) { return x / y; });
      }
    case BinaryOp::Pow: return map2<T>(a, b, out, [](T x, T y) { return static_cast<T>(std::pow(x, y)); });
    case BinaryOp::Maximum: return map2<T>(a, b, out, [](T x, T y) { return x > y ? x : y; });
    case BinaryOp::Minimum: return map2<T>(a, b, out, [](T x, T y) { return x < y ? x : y; });
    case BinaryOp::Eq: return map2<T>(a, b, out, [](T x, T y) { return T(x == y); });
    case BinaryOp::Lt: return map2<T>(a, b, out, [](T x, T y) { return T(x < y); });
    case BinaryOp::Le: return map2<T>(a, b, out, [](T x, T y) { return T(x <= y); });
    case BinaryOp::Gt: return map2<T>(a, b, out, [](T x, T y) { return T(x > y); });
    case BinaryOp::Ge: return map2<T>(a, b, out, [](T x, T y) { return T(x >= y); });
  }
}

}  // namespace

void CpuBackend::fill(Tensor& out, double value) {
  dispatch_dtype(out.dtype(), [&]<typename T>() {
    const T v = static_cast<T>(value);
    T* o = ptr<T>(out);
    if (out.is_contiguous()) {
      std::fill(o, o + out.numel(), v);
    } else {
      strided_loop<1>(out.shape(), {&out.strides()}, {0}, [&](const std::array<std::int64_t, 1>& off) { o[off[0]] = v; });
    }
  });
}

void CpuBackend::copy(const Tensor& src, Tensor& out) {
  dispatch_dtype(out.dtype(), [&]<typename TO>() {
    dispatch_dtype(src.dtype(), [&]<typename TI>() {
      TO* o = ptr<TO>(out);
      const TI* s = ptr<TI>(src);
      if (src.is_contiguous() && out.is_contiguous()) {
        const std::int64_t n = out.numel();
        if constexpr (std::is_same_v<TO, TI>) {
          std::memcpy(o, s, n * sizeof(TO));
        } else {
          for (std::int64_t i = 0; i < n; ++i) o[i] = static_cast<TO>(s[i]);
        }
        return;
      }
      strided_rows<2>(out.shape(), {&out.strides(), &src.strides()}, {0, 0},
                           [&](const std::array<std::int64_t, 2>& off, std::int64_t len, const std::array<std::int64_t, 2>& st) {
                             TO* po = o + off[0];
                             const TI* ps = s + off[1];
                             if (st[0] == 1 && st[1] == 1) {
                               if constexpr (std::is_same_v<TO, TI>) std::memcpy(po, ps, len * sizeof(TO));
                               else for (std::int64_t j = 0; j < len; ++j) po[j] = static_cast<TO>(ps[j]);
                             } else {
                               for (std::int64_t j = 0; j < len; ++j) po[j * st[0]] = static_cast<TO>(ps[j * st[1]]);
                             }
                           });
    });
  });
}

void CpuBackend::unary(UnaryOp op, const Tensor& x, Tensor& out, const UnaryArgs& args) {
  dispatch_dtype(out.dtype(), [&]<typename T>() { unary_impl<T>(op, x, out, args); });
}

void CpuBackend::unary_backward(UnaryOp op, const Tensor& grad, const Tensor& x, const Tensor& y, Tensor& out,
                                const UnaryArgs& args) {
  dispatch_floating(out.dtype(), "backward", [&]<typename T>() { unary_backward_impl<T>(op, grad, x, y, out, args); });
}

void CpuBackend::binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) {
  dispatch_dtype(out.dtype(), [&]<typename T>() { binary_impl<T>(op, a, b, out); });
}

void CpuBackend::add_scaled(const Tensor& a, const Tensor& b, double alpha, Tensor& out) {
  dispatch_dtype(out.dtype(), [&]<typename T>() {
    const T s = static_cast<T>(alpha);
    map2<T>(a, b, out, [=](T x, T y) { return x + s * y; });
  });
}

void CpuBackend::where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) {
  dispatch_dtype(out.dtype(), [&]<typename T>() {
    map3<T>(cond, a, b, out, [](T c, T x, T y) { return c != T(0) ? x : y; });
  });
}

void CpuBackend::clamp(const Tensor& x, double lo, double hi, Tensor& out) {
  dispatch_dtype(out.dtype(), [&]<typename T>() {
    const bool has_lo = !std::isnan(lo), has_hi = !std::isnan(hi);
    const T l = has_lo ? static_cast<T>(lo) : T(0), h = has_hi ? static_cast<T>(hi) : T(0);
    map1<T>(x, out, [=](T v) {
      if (has_lo && v < l) v = l;
      if (has_hi && v > h) v = h;
      return v;
    });
  });
}

}  // namespace gs::cpu
