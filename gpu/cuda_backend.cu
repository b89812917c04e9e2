// The CUDA backend: the Backend interface of core/backend/backend.h on an NVIDIA GPU.
//
// Memory is plain cudaMalloc behind a caching allocator (never managed memory); GEMM is cuBLAS
// (FP32/FP64, no TF32, so results match the CPU); everything else is one kernel per backend
// call. Elementwise kernels take any strides (broadcast dims have stride 0), as the interface
// requires. Kernels that add into one place from many threads (col2im, pooling backward,
// index_add) use atomicAdd, so their float32 sums may differ from the CPU's in the last bits.
#include <cublas_v2.h>
#include <cuda_runtime.h>

#include <cmath>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "backend/backend.h"

namespace gs {
namespace {

using i64 = std::int64_t;

void check(cudaError_t e, const char* what) {
  if (e != cudaSuccess) throw Error(std::string("CUDA error in ") + what + ": " + cudaGetErrorString(e));
}
void check(cublasStatus_t s, const char* what) {
  if (s != CUBLAS_STATUS_SUCCESS) throw Error(std::string("cuBLAS error ") + std::to_string(int(s)) + " in " + what);
}

constexpr int kMaxDims = 8;
constexpr int kThreads = 256;

/// Shape plus the strides of up to four operands: element i (row-major over size) lives at
/// sum(index_d * stride[k][d]) in operand k.
struct Geo {
  int nd = 0;
  int nops = 0;
  bool contiguous = true;
  i64 size[kMaxDims] = {};
  i64 stride[4][kMaxDims] = {};
};

Geo make_geo(const Shape& shape, std::initializer_list<const Tensor*> ops) {
  if (shape.size() > kMaxDims)
    throw Error("the CUDA backend supports tensors of at most " + std::to_string(kMaxDims) + " dimensions, got " +
                std::to_string(shape.size()));
  Geo g;
  g.nd = static_cast<int>(shape.size());
  g.nops = static_cast<int>(ops.size());
  for (int d = 0; d < g.nd; ++d) g.size[d] = shape[d];
  int k = 0;
  for (const Tensor* t : ops) {
    // An operand a kernel does not read may be undefined (unary_backward's x or y): stride 0.
    if (t->defined()) {
      if (!t->is_contiguous() || t->shape() != shape) g.contiguous = false;
      for (int d = 0; d < g.nd; ++d) g.stride[k][d] = t->strides()[d];
    }
    ++k;
  }
  return g;
}

__device__ inline void offsets_of(const Geo& g, i64 i, i64* off) {
  if (g.contiguous) {
    for (int k = 0; k < 4; ++k) off[k] = i;
    return;
  }
  for (int k = 0; k < 4; ++k) off[k] = 0;
  for (int d = g.nd - 1; d >= 0; --d) {
    const i64 idx = i % g.size[d];
    i /= g.size[d];
    for (int k = 0; k < g.nops; ++k) off[k] += idx * g.stride[k][d];
  }
}

template <typename T>
T* ptr(const Tensor& t) {
  if (!t.defined()) return nullptr;
  return static_cast<T*>(t.impl()->storage->data()) + t.impl()->offset;
}

int blocks_for(i64 n) {
  const i64 b = (n + kThreads - 1) / kThreads;
  return static_cast<int>(b < 65535 * 16 ? (b < 1 ? 1 : b) : 65535 * 16);
}

#define GRID_STRIDE(i, n) for (i64 i = blockIdx.x * i64(blockDim.x) + threadIdx.x; i < (n); i += i64(blockDim.x) * gridDim.x)

void after_launch(const char* what) { check(cudaGetLastError(), what); }

template <typename T>
__device__ inline T dev_atomic_add(T* p, T v) {
  if constexpr (std::is_same_v<T, i64>) {
    return static_cast<T>(atomicAdd(reinterpret_cast<unsigned long long*>(p), static_cast<unsigned long long>(v)));
  } else {
    return atomicAdd(p, v);
  }
}

template <typename T>
__device__ inline bool is_nan(T v) {
  if constexpr (std::is_same_v<T, i64>) return false;
  else return v != v;
}

// ------------------------------------------------------------------ elementwise kernels
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

// ------------------------------------------------------------------ reductions
template <typename T>
using Acc = std::conditional_t<std::is_same_v<T, float>, double, T>;

/// One thread per output element (p, k) of a contiguous [outer, n, inner] input.
template <typename T>
__global__ void k_reduce(ReduceOp op, const T* x, T* o, i64* idx, i64 outer, i64 n, i64 inner) {
  GRID_STRIDE(t, outer * inner) {
    const i64 p = t / inner, k = t % inner;
    const T* base = x + p * n * inner + k;
    if (op == ReduceOp::Sum) {
      Acc<T> s = 0;
      for (i64 i = 0; i < n; ++i) s += base[i * inner];
      o[t] = static_cast<T>(s);
    } else {
      const bool is_max = op == ReduceOp::Max;
      T best = base[0];
      i64 arg = 0;
      for (i64 i = 1; i < n; ++i) {
        if (is_nan(best)) break;
        const T v = base[i * inner];
        if (is_nan(v) || (is_max ? v > best : v < best)) {
          best = v;
          arg = i;
        }
      }
      o[t] = best;
      if (idx) idx[t] = arg;
    }
  }
}

/// One block per output element, for few outputs over a long dim (a conv bias gradient sums
/// N·H·W values into each of a handful of channels: one thread each would leave the GPU idle).
template <typename T>
__global__ void k_reduce_block(ReduceOp op, const T* x, T* o, i64* idx, i64 n, i64 inner) {
  __shared__ Acc<T> part[256];
  __shared__ i64 arg[256];
  const i64 t = blockIdx.x, p = t / inner, k = t % inner;
  const T* base = x + p * n * inner + k;
  const bool is_sum = op == ReduceOp::Sum, is_max = op == ReduceOp::Max;
  Acc<T> acc = is_sum ? Acc<T>(0) : Acc<T>(base[0]);
  i64 best = 0;
  for (i64 i = threadIdx.x; i < n; i += blockDim.x) {
    const Acc<T> v = base[i * inner];
    if (is_sum) acc += v;
    else if (!is_nan(acc) && (is_nan(v) || (is_max ? v > acc : v < acc))) acc = v, best = i;
  }
  part[threadIdx.x] = acc;
  arg[threadIdx.x] = best;
  __syncthreads();
  for (unsigned s = blockDim.x / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) {
      const Acc<T> a = part[threadIdx.x], b = part[threadIdx.x + s];
      const i64 ia = arg[threadIdx.x], ib = arg[threadIdx.x + s];
      if (is_sum) {
        part[threadIdx.x] = a + b;
      } else if (!is_nan(a) && (is_nan(b) || (is_max ? b > a : b < a) || (b == a && ib < ia))) {
        part[threadIdx.x] = b;  // ties go to the first index, as on the CPU
        arg[threadIdx.x] = ib;
      }
    }
    __syncthreads();
  }
  if (threadIdx.x == 0) {
    o[t] = static_cast<T>(part[0]);
    if (idx) idx[t] = arg[0];
  }
}

/// One block reduces everything (a tree in shared memory).
template <typename T>
__global__ void k_reduce_all(ReduceOp op, const T* x, T* o, i64 n) {
  __shared__ Acc<T> part[1024];
  const bool is_sum = op == ReduceOp::Sum, is_max = op == ReduceOp::Max;
  Acc<T> acc = is_sum ? Acc<T>(0) : Acc<T>(x[0]);
  for (i64 i = threadIdx.x; i < n; i += blockDim.x) {
    const Acc<T> v = x[i];
    if (is_sum) acc += v;
    else if (!is_nan(acc) && (is_nan(v) || (is_max ? v > acc : v < acc))) acc = v;
  }
  part[threadIdx.x] = acc;
  __syncthreads();
  for (unsigned s = blockDim.x / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) {
      const Acc<T> a = part[threadIdx.x], b = part[threadIdx.x + s];
      if (is_sum) part[threadIdx.x] = a + b;
      else if (!is_nan(a) && (is_nan(b) || (is_max ? b > a : b < a))) part[threadIdx.x] = b;
    }
    __syncthreads();
  }
  if (threadIdx.x == 0) *o = static_cast<T>(part[0]);
}

// ------------------------------------------------------------------ softmax
template <typename T>
__global__ void k_softmax(const T* x, T* o, i64 outer, i64 n, i64 inner, bool log_out) {
  GRID_STRIDE(t, outer * inner) {
    const i64 p = t / inner, k = t % inner;
    const T* in = x + p * n * inner + k;
    T* res = o + p * n * inner + k;
    T mx = -INFINITY;
    for (i64 i = 0; i < n; ++i) mx = in[i * inner] > mx ? in[i * inner] : mx;
    if (isinf(mx)) mx = 0;
    T sum = 0;
    for (i64 i = 0; i < n; ++i) sum += exp(in[i * inner] - mx);
    if (log_out) {
      const T lse = log(sum) + mx;
      for (i64 i = 0; i < n; ++i) res[i * inner] = in[i * inner] - lse;
    } else {
      for (i64 i = 0; i < n; ++i) res[i * inner] = exp(in[i * inner] - mx) / sum;
    }
  }
}

template <typename T>
__global__ void k_softmax_backward(const T* g, const T* y, T* o, i64 outer, i64 n, i64 inner, bool log_out) {
  GRID_STRIDE(t, outer * inner) {
    const i64 p = t / inner, k = t % inner;
    const i64 base = p * n * inner + k;
    T dot = 0;
    if (log_out) {
      for (i64 i = 0; i < n; ++i) dot += g[base + i * inner];
      for (i64 i = 0; i < n; ++i) o[base + i * inner] = g[base + i * inner] - exp(y[base + i * inner]) * dot;
    } else {
      for (i64 i = 0; i < n; ++i) dot += g[base + i * inner] * y[base + i * inner];
      for (i64 i = 0; i < n; ++i) o[base + i * inner] = y[base + i * inner] * (g[base + i * inner] - dot);
    }
  }
}

// ------------------------------------------------------------------ convolution and pooling
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

// ------------------------------------------------------------------ indexing
template <typename T>
__global__ void k_index_select(const T* x, const i64* idx, T* o, i64 outer, i64 n, i64 m, i64 inner) {
  GRID_STRIDE(t, outer * m * inner) {
    const i64 k = t % inner, i = (t / inner) % m, p = t / (inner * m);
    o[t] = x[(p * n + idx[i]) * inner + k];
  }
}

template <typename T>
__global__ void k_index_add(T* o, const i64* idx, const T* s, i64 outer, i64 n, i64 m, i64 inner) {
  GRID_STRIDE(t, outer * m * inner) {
    const i64 k = t % inner, i = (t / inner) % m, p = t / (inner * m);
    dev_atomic_add(o + (p * n + idx[i]) * inner + k, s[t]);
  }
}

template <typename T>
__global__ void k_rows(const T* x, const i64* target, T* o, i64 rows, i64 c, bool scatter) {
  GRID_STRIDE(i, rows) {
    if (scatter) dev_atomic_add(o + i * c + target[i], x[i]);
    else o[i] = x[i * c + target[i]];
  }
}

template <typename Fn>
void dispatch_all(Dtype dtype, Fn&& fn) {
  switch (dtype) {
    case Dtype::Float32: fn(float{}); return;
    case Dtype::Float64: fn(double{}); return;
    case Dtype::Int64: fn(i64{}); return;
  }
}
template <typename Fn>
void dispatch_float(Dtype dtype, const char* op, Fn&& fn) {
  switch (dtype) {
    case Dtype::Float32: fn(float{}); return;
    case Dtype::Float64: fn(double{}); return;
    case Dtype::Int64: break;
  }
  throw Error(std::string(op) + " is only defined for floating-point tensors, got torch.int64. "
              "Convert first with .to(torch.float32).");
}

void split_dim(const Shape& shape, i64 dim, i64& outer, i64& n, i64& inner) {
  outer = 1;
  inner = 1;
  for (i64 i = 0; i < dim; ++i) outer *= shape[i];
  n = shape.empty() ? 1 : shape[dim];
  for (std::size_t i = dim + 1; i < shape.size(); ++i) inner *= shape[i];
}

class CudaBackend final : public Backend {
  std::once_flag probe_once_;
  std::string reason_;
  std::mutex mutex_;
  std::unordered_map<std::size_t, std::vector<void*>> cache_;
  cublasHandle_t blas_ = nullptr;

  static std::size_t rounded(std::size_t n) { return ((n < 1 ? 1 : n) + 511) / 512 * 512; }

  cublasHandle_t blas() {
    std::lock_guard lock(mutex_);
    if (!blas_) check(cublasCreate(&blas_), "cublasCreate");
    return blas_;
  }

 public:
  Device device() const override { return Device::CUDA; }

  std::string unavailable_reason() const override {
    auto* self = const_cast<CudaBackend*>(this);
    std::call_once(self->probe_once_, [self] {
      int count = 0;
      const cudaError_t e = cudaGetDeviceCount(&count);
      if (e != cudaSuccess) {
        self->reason_ = std::string("no usable NVIDIA driver or GPU (") + cudaGetErrorString(e) + ")";
        cudaGetLastError();
      } else if (count == 0) {
        self->reason_ = "no NVIDIA GPU was found";
      }
    });
    return reason_;
  }

  // NOTE: a caching allocator, as PyTorch's: cudaMalloc/cudaFree synchronise the device and
  // cost tens of microseconds, and training frees and reallocates the same sizes every step.
  void* allocate(std::size_t nbytes) override {
    const std::size_t size = rounded(nbytes);
    {
      std::lock_guard lock(mutex_);
      auto it = cache_.find(size);
      if (it != cache_.end() && !it->second.empty()) {
        void* p = it->second.back();
        it->second.pop_back();
        return p;
      }
    }
    void* p = nullptr;
    cudaError_t e = cudaMalloc(&p, size);
    if (e == cudaErrorMemoryAllocation) {  // give the cached blocks back and try once more
      cudaGetLastError();
      release_cache();
      e = cudaMalloc(&p, size);
    }
    if (e != cudaSuccess) {
      cudaGetLastError();
      throw Error("CUDA out of memory: could not allocate " + std::to_string(nbytes) + " bytes (" +
                      cudaGetErrorString(e) + ")",
                  "torch.OutOfMemoryError: CUDA out of memory.");
    }
    return p;
  }
  void deallocate(void* data, std::size_t nbytes) override {
    std::lock_guard lock(mutex_);
    cache_[rounded(nbytes)].push_back(data);
  }
  void release_cache() {
    std::lock_guard lock(mutex_);
    for (auto& [size, blocks] : cache_)
      for (void* p : blocks) cudaFree(p);
    cache_.clear();
  }
  void copy_to_host(void* dst, const void* src, std::size_t n) override {
    if (n) check(cudaMemcpy(dst, src, n, cudaMemcpyDeviceToHost), "copy to host");
  }
  void copy_from_host(void* dst, const void* src, std::size_t n) override {
    if (n) check(cudaMemcpy(dst, src, n, cudaMemcpyHostToDevice), "copy to device");
  }

  void fill(Tensor& out, double value) override {
    const i64 n = out.numel();
    if (!n) return;
    dispatch_all(out.dtype(), [&](auto tag) {
      using T = decltype(tag);
      k_fill<T><<<blocks_for(n), kThreads>>>(ptr<T>(out), make_geo(out.shape(), {&out}), n, static_cast<T>(value));
    });
    after_launch("fill");
  }

  void copy(const Tensor& src, Tensor& out) override {
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

  void unary(UnaryOp op, const Tensor& x, Tensor& out, const UnaryArgs& args) override {
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

  void unary_backward(UnaryOp op, const Tensor& grad, const Tensor& x, const Tensor& y, Tensor& out,
                      const UnaryArgs& args) override {
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

  void binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) override {
    const i64 n = out.numel();
    if (!n) return;
    const Geo g = make_geo(out.shape(), {&out, &a, &b});
    dispatch_all(out.dtype(), [&](auto tag) {
      using T = decltype(tag);
      k_binary<T><<<blocks_for(n), kThreads>>>(op, ptr<T>(a), ptr<T>(b), ptr<T>(out), g, n);
    });
    after_launch("binary op");
  }

  void add_scaled(const Tensor& a, const Tensor& b, double alpha, Tensor& out) override {
    const i64 n = out.numel();
    if (!n) return;
    const Geo g = make_geo(out.shape(), {&out, &a, &b});
    dispatch_all(out.dtype(), [&](auto tag) {
      using T = decltype(tag);
      k_add_scaled<T><<<blocks_for(n), kThreads>>>(ptr<T>(a), ptr<T>(b), ptr<T>(out), g, n, static_cast<T>(alpha));
    });
    after_launch("add");
  }

  void where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) override {
    const i64 n = out.numel();
    if (!n) return;
    const Geo g = make_geo(out.shape(), {&out, &cond, &a, &b});
    dispatch_all(out.dtype(), [&](auto tag) {
      using T = decltype(tag);
      k_where<T><<<blocks_for(n), kThreads>>>(ptr<T>(cond), ptr<T>(a), ptr<T>(b), ptr<T>(out), g, n);
    });
    after_launch("where");
  }

  void clamp(const Tensor& x, double lo, double hi, Tensor& out) override {
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

  void adam_step(Tensor& param, const Tensor& grad, Tensor& m, Tensor& v, Tensor* vmax, Tensor* step_out,
                 const AdamArgs& a) override {
    const i64 n = param.numel();
    if (!n) return;
    dispatch_float(param.dtype(), "adam", [&](auto tag) {
      using T = decltype(tag);
      k_adam<T><<<blocks_for(n), kThreads>>>(ptr<T>(param), ptr<T>(grad), ptr<T>(m), ptr<T>(v),
                                             vmax ? ptr<T>(*vmax) : nullptr, step_out ? ptr<T>(*step_out) : nullptr, n, a);
    });
    after_launch("adam step");
  }

  void reduce(ReduceOp op, const Tensor& x, std::int64_t dim, Tensor& out, Tensor* indices) override {
    i64 outer, n, inner;
    split_dim(x.shape(), dim, outer, n, inner);
    if (outer * inner == 0) return;
    dispatch_all(x.dtype(), [&](auto tag) {
      using T = decltype(tag);
      if (n >= 512 && outer * inner < 16384) {
        k_reduce_block<T><<<static_cast<unsigned>(outer * inner), 256>>>(op, ptr<T>(x), ptr<T>(out),
                                                                        indices ? ptr<i64>(*indices) : nullptr, n, inner);
        return;
      }
      k_reduce<T><<<blocks_for(outer * inner), kThreads>>>(op, ptr<T>(x), ptr<T>(out),
                                                           indices ? ptr<i64>(*indices) : nullptr, outer, n, inner);
    });
    after_launch("reduce");
  }

  void reduce_all(ReduceOp op, const Tensor& x, Tensor& out) override {
    Tensor flat = x.contiguous();
    const i64 n = flat.numel();
    if (n == 0 && op != ReduceOp::Sum)
      throw Error("max()/min() of an empty tensor is undefined; give a dim or a non-empty tensor.");
    if (n == 0) return fill(out, 0.0);
    dispatch_all(x.dtype(), [&](auto tag) {
      using T = decltype(tag);
      k_reduce_all<T><<<1, 1024>>>(op, ptr<T>(flat), ptr<T>(out), n);
    });
    after_launch("reduce");
  }

  void bmm(const Tensor& a, const Tensor& b, Tensor& out) override {
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

  void softmax(const Tensor& x, std::int64_t dim, bool log, Tensor& out) override {
    i64 outer, n, inner;
    split_dim(x.shape(), dim, outer, n, inner);
    if (outer * inner == 0) return;
    dispatch_float(x.dtype(), "softmax", [&](auto tag) {
      using T = decltype(tag);
      k_softmax<T><<<blocks_for(outer * inner), kThreads>>>(ptr<T>(x), ptr<T>(out), outer, n, inner, log);
    });
    after_launch("softmax");
  }

  void softmax_backward(const Tensor& grad, const Tensor& y, std::int64_t dim, bool log, Tensor& out) override {
    i64 outer, n, inner;
    split_dim(y.shape(), dim, outer, n, inner);
    if (outer * inner == 0) return;
    dispatch_float(y.dtype(), "softmax", [&](auto tag) {
      using T = decltype(tag);
      k_softmax_backward<T><<<blocks_for(outer * inner), kThreads>>>(ptr<T>(grad), ptr<T>(y), ptr<T>(out), outer, n,
                                                                     inner, log);
    });
    after_launch("softmax backward");
  }

  void im2col(const Tensor& x, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& cols) override {
    const i64 total = cols.numel();
    if (!total) return;
    dispatch_float(x.dtype(), "conv2d", [&](auto tag) {
      using T = decltype(tag);
      k_im2col<T><<<blocks_for(total), kThreads>>>(ptr<T>(x), ptr<T>(cols), x.size(0), x.size(1), x.size(2), x.size(3),
                                                   w, oh, ow, false);
    });
    after_launch("im2col");
  }

  void col2im(const Tensor& cols, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& xg) override {
    const i64 total = cols.numel();
    if (!total) return;
    dispatch_float(xg.dtype(), "conv2d", [&](auto tag) {
      using T = decltype(tag);
      k_im2col<T><<<blocks_for(total), kThreads>>>(ptr<T>(xg), ptr<T>(cols), xg.size(0), xg.size(1), xg.size(2),
                                                   xg.size(3), w, oh, ow, true);
    });
    after_launch("col2im");
  }

  void max_pool2d(const Tensor& x, const Window2d& w, Tensor& out, Tensor& argmax) override {
    const i64 planes = x.size(0) * x.size(1), oh = out.size(2), ow = out.size(3);
    if (!out.numel()) return;
    dispatch_float(x.dtype(), "max_pool2d", [&](auto tag) {
      using T = decltype(tag);
      k_max_pool<T><<<blocks_for(out.numel()), kThreads>>>(ptr<T>(x), ptr<T>(out), ptr<i64>(argmax), planes, x.size(2),
                                                           x.size(3), w, oh, ow);
    });
    after_launch("max_pool2d");
  }

  void max_pool2d_backward(const Tensor& grad, const Tensor& argmax, Tensor& xg) override {
    const i64 planes = xg.size(0) * xg.size(1), hw = xg.size(2) * xg.size(3), ohw = grad.size(2) * grad.size(3);
    if (!grad.numel()) return;
    dispatch_float(xg.dtype(), "max_pool2d", [&](auto tag) {
      using T = decltype(tag);
      k_max_pool_backward<T><<<blocks_for(grad.numel()), kThreads>>>(ptr<T>(grad), ptr<i64>(argmax), ptr<T>(xg), planes,
                                                                     hw, ohw);
    });
    after_launch("max_pool2d backward");
  }

  void avg_pool2d(const Tensor& x, const Window2d& w, Tensor& out) override {
    if (!out.numel()) return;
    dispatch_float(x.dtype(), "avg_pool2d", [&](auto tag) {
      using T = decltype(tag);
      k_avg_pool<T><<<blocks_for(out.numel()), kThreads>>>(ptr<T>(x), ptr<T>(out), nullptr, nullptr,
                                                           x.size(0) * x.size(1), x.size(2), x.size(3), w, out.size(2),
                                                           out.size(3));
    });
    after_launch("avg_pool2d");
  }

  void avg_pool2d_backward(const Tensor& grad, const Window2d& w, Tensor& xg) override {
    if (!grad.numel()) return;
    dispatch_float(xg.dtype(), "avg_pool2d", [&](auto tag) {
      using T = decltype(tag);
      k_avg_pool<T><<<blocks_for(grad.numel()), kThreads>>>(nullptr, nullptr, ptr<T>(grad), ptr<T>(xg),
                                                            xg.size(0) * xg.size(1), xg.size(2), xg.size(3), w,
                                                            grad.size(2), grad.size(3));
    });
    after_launch("avg_pool2d backward");
  }

  void index_select(const Tensor& x, std::int64_t dim, const Tensor& index, Tensor& out) override {
    i64 outer, n, inner;
    split_dim(x.shape(), dim, outer, n, inner);
    const i64 m = index.numel();
    if (!out.numel()) return;
    dispatch_all(x.dtype(), [&](auto tag) {
      using T = decltype(tag);
      k_index_select<T><<<blocks_for(out.numel()), kThreads>>>(ptr<T>(x), ptr<i64>(index), ptr<T>(out), outer, n, m, inner);
    });
    after_launch("index_select");
  }

  void index_add(Tensor& out, std::int64_t dim, const Tensor& index, const Tensor& src) override {
    i64 outer, n, inner;
    split_dim(out.shape(), dim, outer, n, inner);
    const i64 m = index.numel();
    if (!src.numel()) return;
    dispatch_all(out.dtype(), [&](auto tag) {
      using T = decltype(tag);
      k_index_add<T><<<blocks_for(src.numel()), kThreads>>>(ptr<T>(out), ptr<i64>(index), ptr<T>(src), outer, n, m, inner);
    });
    after_launch("index_add");
  }

  /// Class indices are checked on the host (a small copy) so a bad target gets the CPU's message.
  void check_targets(const Tensor& target, i64 c) {
    std::vector<i64> t(target.numel());
    copy_to_host(t.data(), ptr<i64>(target), t.size() * sizeof(i64));
    for (std::size_t i = 0; i < t.size(); ++i)
      if (t[i] < 0 || t[i] >= c)
        throw Error("target " + std::to_string(t[i]) + " (sample " + std::to_string(i) + ") is not a class index in [0, " +
                        std::to_string(c) + "): the model has " + std::to_string(c) + " outputs.",
                    "IndexError: Target " + std::to_string(t[i]) + " is out of bounds.");
  }

  void gather_rows(const Tensor& x, const Tensor& target, Tensor& out) override {
    const i64 rows = x.size(0), c = x.size(1);
    check_targets(target, c);
    if (!rows) return;
    dispatch_float(x.dtype(), "nll_loss", [&](auto tag) {
      using T = decltype(tag);
      k_rows<T><<<blocks_for(rows), kThreads>>>(ptr<T>(x), ptr<i64>(target), ptr<T>(out), rows, c, false);
    });
    after_launch("nll_loss");
  }

  void scatter_rows(const Tensor& src, const Tensor& target, Tensor& out) override {
    const i64 rows = out.size(0), c = out.size(1);
    if (!rows) return;
    dispatch_float(out.dtype(), "nll_loss", [&](auto tag) {
      using T = decltype(tag);
      k_rows<T><<<blocks_for(rows), kThreads>>>(ptr<T>(src), ptr<i64>(target), ptr<T>(out), rows, c, true);
    });
    after_launch("nll_loss backward");
  }
};

}  // namespace

/// The CUDA backend (core/backend/cpu_backend.cpp registers it when GRADSCOPE_WITH_CUDA is set).
Backend* cuda_backend_instance() {
  static CudaBackend instance;
  return &instance;
}

}  // namespace gs
