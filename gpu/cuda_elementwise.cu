// CUDA elementwise kernels: fill, copy (converting dtypes), the unary ops and their derivatives,
// the binary ops, add_scaled, where and clamp. One thread per output element in a grid-stride
// loop; every kernel takes any strides through Geo (cuda_launch.cuh), so broadcasts need no
// copies. The formulas are the CPU's (cpu_elementwise.cpp), written once more for the device.
#include <cmath>

#include "cuda_launch.cuh"

namespace gs::cuda {
namespace {

template <typename T>
__global__ void k_fill(T* o, Geo g, i64 n, T v) {
  GRID_STRIDE(i, n) {
    i64 off[4];
    offsets_of(g, i, off);
    o[off[0]] = v;
  }
}

template <typename TO, typename TI>
__global__ void k_copy(TO* o, const TI* s, Geo g, i64 n) {
  GRID_STRIDE(i, n) {
    i64 off[4];
    offsets_of(g, i, off);
    o[off[0]] = static_cast<TO>(s[off[1]]);
  }
}

template <typename T>
__device__ inline T sigmoid_of(T x) {
  if (x >= T(0)) return T(1) / (T(1) + exp(-x));
  const T e = exp(x);
  return e / (T(1) + e);
}

constexpr double kInvSqrt2 = 0.70710678118654752440;
constexpr double kInvSqrt2Pi = 0.39894228040143267794;
constexpr double kSqrt2OverPi = 0.79788456080286535588;

template <typename T>
__device__ T unary_value(UnaryOp op, T v, T alpha, T threshold) {
  if constexpr (std::is_same_v<T, i64>) {
    switch (op) {
      case UnaryOp::Neg: return -v;
      case UnaryOp::Abs: return v < 0 ? -v : v;
      case UnaryOp::Sign: return T((v > 0) - (v < 0));
      case UnaryOp::Relu: return v > 0 ? v : 0;
      case UnaryOp::Step: return v > 0 ? 1 : 0;
      case UnaryOp::Square: return v * v;
      default: return 0;  // rejected on the host
    }
  } else {
    switch (op) {
      case UnaryOp::Neg: return -v;
      case UnaryOp::Exp: return exp(v);
      case UnaryOp::Log: return log(v);
      case UnaryOp::Sqrt: return sqrt(v);
      case UnaryOp::Abs: return v < 0 ? -v : v;
      case UnaryOp::Sign: return T((v > 0) - (v < 0));
      case UnaryOp::Sigmoid: return sigmoid_of(v);
      case UnaryOp::Tanh: return tanh(v);
      case UnaryOp::Relu: return v > 0 ? v : T(0);
      case UnaryOp::Step: return v > 0 ? T(1) : T(0);
      case UnaryOp::LeakyRelu: return v > 0 ? v : alpha * v;
      case UnaryOp::Elu: return v > 0 ? v : alpha * (exp(v) - T(1));
      case UnaryOp::Gelu: return T(0.5) * v * (T(1) + erf(v * T(kInvSqrt2)));
      case UnaryOp::GeluTanh: return T(0.5) * v * (T(1) + tanh(T(kSqrt2OverPi) * (v + T(0.044715) * v * v * v)));
      case UnaryOp::Softplus: return v * alpha > threshold ? v : log1p(exp(v * alpha)) / alpha;
      case UnaryOp::Square: return v * v;
      case UnaryOp::Reciprocal: return T(1) / v;
      case UnaryOp::Log1p: return log1p(v);
      case UnaryOp::Sin: return sin(v);
    }
    return T(0);
  }
}

template <typename T>
__global__ void k_unary(UnaryOp op, const T* x, T* o, Geo g, i64 n, T alpha, T threshold) {
  GRID_STRIDE(i, n) {
    i64 off[4];
    offsets_of(g, i, off);
    o[off[0]] = unary_value(op, x[off[1]], alpha, threshold);
  }
}

/// d op(x)/dx · d, with r = op(x).
template <typename T>
__device__ T unary_grad(UnaryOp op, T d, T v, T r, T alpha, T threshold) {
  switch (op) {
    case UnaryOp::Neg: return -d;
    case UnaryOp::Exp: return d * r;
    case UnaryOp::Log: return d / v;
    case UnaryOp::Sqrt: return d / (T(2) * r);
    case UnaryOp::Abs: return d * T((v > 0) - (v < 0));
    case UnaryOp::Sign:
    case UnaryOp::Step: return T(0);
    case UnaryOp::Sigmoid: return d * r * (T(1) - r);
    case UnaryOp::Tanh: return d * (T(1) - r * r);
    case UnaryOp::Relu: return v > 0 ? d : T(0);
    case UnaryOp::LeakyRelu: return v > 0 ? d : d * alpha;
    case UnaryOp::Elu: return v > 0 ? d : d * alpha * exp(v);
    case UnaryOp::Gelu: {
      const T cdf = T(0.5) * (T(1) + erf(v * T(kInvSqrt2)));
      const T pdf = T(kInvSqrt2Pi) * exp(T(-0.5) * v * v);
      return d * (cdf + v * pdf);
    }
    case UnaryOp::GeluTanh: {
      const T inner = T(kSqrt2OverPi) * (v + T(0.044715) * v * v * v);
      const T t = tanh(inner);
      const T dinner = T(kSqrt2OverPi) * (T(1) + T(3 * 0.044715) * v * v);
      return d * (T(0.5) * (T(1) + t) + T(0.5) * v * (T(1) - t * t) * dinner);
    }
    case UnaryOp::Softplus: return v * alpha > threshold ? d : d * sigmoid_of(v * alpha);
    case UnaryOp::Square: return d * T(2) * v;
    case UnaryOp::Reciprocal: return -d * r * r;
    case UnaryOp::Log1p: return d / (T(1) + v);
    case UnaryOp::Sin: return d * cos(v);
  }
  return T(0);
}

template <typename T>
__global__ void k_unary_backward(UnaryOp op, const T* gr, const T* x, const T* y, T* o, Geo g, i64 n, T alpha,
                                 T threshold) {
  GRID_STRIDE(i, n) {
    i64 off[4];
    offsets_of(g, i, off);
    o[off[0]] = unary_grad(op, gr[off[1]], x ? x[off[2]] : T(0), y ? y[off[3]] : T(0), alpha, threshold);
  }
}

template <typename T>
__device__ T binary_value(BinaryOp op, T x, T y) {
  switch (op) {
    case BinaryOp::Add: return x + y;
    case BinaryOp::Sub: return x - y;
    case BinaryOp::Mul: return x * y;
    case BinaryOp::Div:
      if constexpr (std::is_same_v<T, i64>) return y == 0 ? 0 : x / y;
      else return x / y;
    case BinaryOp::Pow:
      if constexpr (std::is_same_v<T, i64>) return static_cast<T>(pow(double(x), double(y)));
      else return pow(x, y);
    case BinaryOp::Maximum: return x > y ? x : y;
    case BinaryOp::Minimum: return x < y ? x : y;
    case BinaryOp::Eq: return T(x == y);
    case BinaryOp::Lt: return T(x < y);
    case BinaryOp::Le: return T(x <= y);
    case BinaryOp::Gt: return T(x > y);
    case BinaryOp::Ge: return T(x >= y);
  }
  return T(0);
}

template <typename T>
__global__ void k_binary(BinaryOp op, const T* a, const T* b, T* o, Geo g, i64 n) {
  GRID_STRIDE(i, n) {
    i64 off[4];
    offsets_of(g, i, off);
    o[off[0]] = binary_value(op, a[off[1]], b[off[2]]);
  }
}

template <typename T>
__global__ void k_add_scaled(const T* a, const T* b, T* o, Geo g, i64 n, T s) {
  GRID_STRIDE(i, n) {
    i64 off[4];
    offsets_of(g, i, off);
    o[off[0]] = a[off[1]] + s * b[off[2]];
  }
}

template <typename T>
__global__ void k_where(const T* c, const T* a, const T* b, T* o, Geo g, i64 n) {
  GRID_STRIDE(i, n) {
    i64 off[4];
    offsets_of(g, i, off);
    o[off[0]] = c[off[1]] != T(0) ? a[off[2]] : b[off[3]];
  }
}

template <typename T>
__global__ void k_clamp(const T* x, T* o, Geo g, i64 n, bool has_lo, T lo, bool has_hi, T hi) {
  GRID_STRIDE(i, n) {
    i64 off[4];
    offsets_of(g, i, off);
    T v = x[off[1]];
    if (has_lo && v < lo) v = lo;
    if (has_hi && v > hi) v = hi;
    o[off[0]] = v;
  }
}

}  // namespace

void CudaBackend::fill(Tensor& out, double value) {
  const i64 n = out.numel();
  if (!n) return;
  dispatch_all(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    k_fill<T><<<blocks_for(n), kThreads>>>(ptr<T>(out), make_geo(out.shape(), {&out}), n, static_cast<T>(value));
  });
  after_launch("fill");
}

void CudaBackend::copy(const Tensor& src, Tensor& out) {
  const i64 n = out.numel();
  if (!n) return;
  const Geo g = make_geo(out.shape(), {&out, &src});
  dispatch_all(out.dtype(), [&](auto to) {
    dispatch_all(src.dtype(), [&](auto ti) {
      using TO = decltype(to);
      using TI = decltype(ti);
      k_copy<TO, TI><<<blocks_for(n), kThreads>>>(ptr<TO>(out), ptr<TI>(src), g, n);
    });
  });
  after_launch("copy");
}

void CudaBackend::unary(UnaryOp op, const Tensor& x, Tensor& out, const UnaryArgs& args) {
  const i64 n = out.numel();
  if (!n) return;
  const bool int_ok = op == UnaryOp::Neg || op == UnaryOp::Abs || op == UnaryOp::Sign || op == UnaryOp::Relu ||
                      op == UnaryOp::Step || op == UnaryOp::Square;
  if (out.dtype() == kInt64 && !int_ok)
    throw Error("this function is only defined for floating-point tensors on CUDA, got torch.int64. "
                "Convert first with .to(torch.float32).");
  const Geo g = make_geo(out.shape(), {&out, &x});
  dispatch_all(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    k_unary<T><<<blocks_for(n), kThreads>>>(op, ptr<T>(x), ptr<T>(out), g, n, T(args.alpha), T(args.threshold));
  });
  after_launch("unary op");
}

void CudaBackend::unary_backward(UnaryOp op, const Tensor& grad, const Tensor& x, const Tensor& y, Tensor& out,
                                 const UnaryArgs& args) {
  const i64 n = out.numel();
  if (!n) return;
  const Geo g = make_geo(out.shape(), {&out, &grad, &x, &y});
  dispatch_float(out.dtype(), "backward", [&](auto tag) {
    using T = decltype(tag);
    k_unary_backward<T><<<blocks_for(n), kThreads>>>(op, ptr<T>(grad), ptr<T>(x), ptr<T>(y), ptr<T>(out), g, n,
                                                     T(args.alpha), T(args.threshold));
  });
  after_launch("unary backward");
}

void CudaBackend::binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) {
  const i64 n = out.numel();
  if (!n) return;
  const Geo g = make_geo(out.shape(), {&out, &a, &b});
  dispatch_all(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    k_binary<T><<<blocks_for(n), kThreads>>>(op, ptr<T>(a), ptr<T>(b), ptr<T>(out), g, n);
  });
  after_launch("binary op");
}

void CudaBackend::add_scaled(const Tensor& a, const Tensor& b, double alpha, Tensor& out) {
  const i64 n = out.numel();
  if (!n) return;
  const Geo g = make_geo(out.shape(), {&out, &a, &b});
  dispatch_all(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    k_add_scaled<T><<<blocks_for(n), kThreads>>>(ptr<T>(a), ptr<T>(b), ptr<T>(out), g, n, static_cast<T>(alpha));
  });
  after_launch("add");
}

void CudaBackend::where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) {
  const i64 n = out.numel();
  if (!n) return;
  const Geo g = make_geo(out.shape(), {&out, &cond, &a, &b});
  dispatch_all(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    k_where<T><<<blocks_for(n), kThreads>>>(ptr<T>(cond), ptr<T>(a), ptr<T>(b), ptr<T>(out), g, n);
  });
  after_launch("where");
}

void CudaBackend::clamp(const Tensor& x, double lo, double hi, Tensor& out) {
  const i64 n = out.numel();
  if (!n) return;
  const Geo g = make_geo(out.shape(), {&out, &x});
  dispatch_all(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const bool has_lo = !std::isnan(lo), has_hi = !std::isnan(hi);
    k_clamp<T><<<blocks_for(n), kThreads>>>(ptr<T>(x), ptr<T>(out), g, n, has_lo, has_lo ? T(lo) : T(0), has_hi,
                                            has_hi ? T(hi) : T(0));
  });
  after_launch("clamp");
}

}  // namespace gs::cuda
