// The CPU backend: Eigen for GEMM, tight loops (vectorised by the compiler) for the rest.
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "backend/backend.h"
#include "backend/strided.h"

namespace gs {
#ifdef GRADSCOPE_WITH_CUDA
Backend* cuda_backend_instance();  // gpu/cuda_backend.cu
#endif
namespace {

using cpu::strided_loop;

int kernel_threads();
/// Work below this many elements runs on one thread (a parallel region costs microseconds).
constexpr std::int64_t kParallelGrain = 1 << 15;
inline bool parallel_worth(std::int64_t work) { return work >= kParallelGrain && kernel_threads() > 1; }

template <typename T>
T* ptr(const Tensor& t) {
  return static_cast<T*>(t.impl()->storage->data()) + t.impl()->offset;
}

bool all_contiguous(std::initializer_list<const Tensor*> ts) {
  for (auto* t : ts)
    if (!t->is_contiguous()) return false;
  return true;
}

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
  cpu::strided_rows<2>(out.shape(), {&out.strides(), &x.strides()}, {0, 0},
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
  cpu::strided_rows<3>(out.shape(), {&out.strides(), &x.strides(), &y.strides()}, {0, 0, 0},
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

/// Splits a contiguous shape around dim into [outer, n, inner].
void split_dim(const Shape& shape, std::int64_t dim, std::int64_t& outer, std::int64_t& n, std::int64_t& inner) {
  outer = 1;
  inner = 1;
  for (std::int64_t i = 0; i < dim; ++i) outer *= shape[i];
  n = shape.empty() ? 1 : shape[dim];
  for (std::size_t i = dim + 1; i < shape.size(); ++i) inner *= shape[i];
}

/// The output columns ox whose input column ox·stride − pad + offset lies in [0, width): [lo, hi).
inline void valid_columns(std::int64_t ow, std::int64_t stride, std::int64_t pad, std::int64_t offset, std::int64_t width,
                          std::int64_t& lo, std::int64_t& hi) {
  const std::int64_t shift = offset - pad;  // ix = ox·stride + shift
  lo = shift >= 0 ? 0 : (-shift + stride - 1) / stride;
  hi = width - 1 - shift < 0 ? 0 : (width - 1 - shift) / stride + 1;
  lo = std::min(lo, ow);
  hi = std::clamp(hi, lo, ow);
}

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

class CpuBackend final : public Backend {
  static constexpr std::size_t kCacheLimit = std::size_t(512) << 20;
  static std::size_t rounded(std::size_t n) { return ((std::max<std::size_t>(n, 1) + 63) / 64) * 64; }
  std::mutex cache_mutex_;
  std::unordered_map<std::size_t, std::vector<void*>> cache_;
  std::size_t cached_bytes_ = 0;

 public:
  ~CpuBackend() override {
    for (auto& [size, blocks] : cache_)
      for (void* p : blocks) std::free(p);
  }
  Device device() const override { return Device::CPU; }
  std::string unavailable_reason() const override { return ""; }

  // NOTE: a caching allocator. Training allocates the same sizes every step; reusing freed
  // blocks avoids malloc/mmap and the page faults of fresh large blocks. Blocks are kept per
  // exact (rounded) size, up to kCacheLimit bytes in all.
  void* allocate(std::size_t nbytes) override {
    const std::size_t size = rounded(nbytes);
    {
      std::lock_guard lock(cache_mutex_);
      auto it = cache_.find(size);
      if (it != cache_.end() && !it->second.empty()) {
        void* p = it->second.back();
        it->second.pop_back();
        cached_bytes_ -= size;
        return p;
      }
    }
    void* p = std::aligned_alloc(64, size);
    if (!p) throw Error("out of memory: could not allocate " + std::to_string(nbytes) + " bytes on the CPU");
    return p;
  }
  void deallocate(void* data, std::size_t nbytes) override {
    const std::size_t size = rounded(nbytes);
    {
      std::lock_guard lock(cache_mutex_);
      if (cached_bytes_ + size <= kCacheLimit) {
        cache_[size].push_back(data);
        cached_bytes_ += size;
        return;
      }
    }
    std::free(data);
  }
  void copy_to_host(void* dst, const void* src, std::size_t n) override { std::memcpy(dst, src, n); }
  void copy_from_host(void* dst, const void* src, std::size_t n) override { std::memcpy(dst, src, n); }

  void fill(Tensor& out, double value) override {
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

  void copy(const Tensor& src, Tensor& out) override {
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
        cpu::strided_rows<2>(out.shape(), {&out.strides(), &src.strides()}, {0, 0},
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

  void unary(UnaryOp op, const Tensor& x, Tensor& out, const UnaryArgs& args) override {
    dispatch_dtype(out.dtype(), [&]<typename T>() { unary_impl<T>(op, x, out, args); });
  }

  void unary_backward(UnaryOp op, const Tensor& grad, const Tensor& x, const Tensor& y, Tensor& out,
                      const UnaryArgs& args) override {
    dispatch_floating(out.dtype(), "backward", [&]<typename T>() { unary_backward_impl<T>(op, grad, x, y, out, args); });
  }

  void binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) override {
    dispatch_dtype(out.dtype(), [&]<typename T>() { binary_impl<T>(op, a, b, out); });
  }

  void add_scaled(const Tensor& a, const Tensor& b, double alpha, Tensor& out) override {
    dispatch_dtype(out.dtype(), [&]<typename T>() {
      const T s = static_cast<T>(alpha);
      map2<T>(a, b, out, [=](T x, T y) { return x + s * y; });
    });
  }

  void adam_step(Tensor& param, const Tensor& grad, Tensor& m, Tensor& v, Tensor* vmax, Tensor* step_out,
                 const AdamArgs& a) override {
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

  void where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) override {
    dispatch_dtype(out.dtype(), [&]<typename T>() {
      map3<T>(cond, a, b, out, [](T c, T x, T y) { return c != T(0) ? x : y; });
    });
  }

  void clamp(const Tensor& x, double lo, double hi, Tensor& out) override {
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

  void reduce(ReduceOp op, const Tensor& x, std::int64_t dim, Tensor& out, Tensor* indices) override {
    std::int64_t outer, n, inner;
    split_dim(x.shape(), dim, outer, n, inner);
    dispatch_dtype(x.dtype(), [&]<typename T>() {
      const T* a = ptr<T>(x);
      T* o = ptr<T>(out);
      std::int64_t* idx = indices ? ptr<std::int64_t>(*indices) : nullptr;
      using Acc = std::conditional_t<std::is_same_v<T, float>, double, T>;
      std::vector<Acc> acc(op == ReduceOp::Sum && inner > 1 ? inner : 0);
      for (std::int64_t p = 0; p < outer; ++p) {
        const T* base = a + p * n * inner;
        T* ob = o + p * inner;
        if (op == ReduceOp::Sum) {
          if (inner == 1) {  // reducing the last dim: blocks summed in T (vectorised), totals in Acc
            Acc s = 0;
            std::int64_t i = 0;
            for (; i + 256 <= n; i += 256) {
              T block = 0;
              for (std::int64_t k = 0; k < 256; ++k) block += base[i + k];
              s += block;
            }
            for (; i < n; ++i) s += base[i];
            ob[0] = static_cast<T>(s);
            continue;
          }
          std::fill(acc.begin(), acc.end(), Acc(0));
          for (std::int64_t i = 0; i < n; ++i) {
            const T* row = base + i * inner;
            for (std::int64_t k = 0; k < inner; ++k) acc[k] += row[k];
          }
          for (std::int64_t k = 0; k < inner; ++k) ob[k] = static_cast<T>(acc[k]);
        } else {
          const bool is_max = op == ReduceOp::Max;
          for (std::int64_t k = 0; k < inner; ++k) {
            T best = base[k];
            std::int64_t arg = 0;
            for (std::int64_t i = 1; i < n; ++i) {
              const T v = base[i * inner + k];
              // NOTE: NaN propagates (as in PyTorch); the first of equal values wins.
              if (std::isnan(static_cast<double>(best))) break;
              if (std::isnan(static_cast<double>(v)) || (is_max ? v > best : v < best)) {
                best = v;
                arg = i;
              }
            }
            ob[k] = best;
            if (idx) idx[p * inner + k] = arg;
          }
        }
      }
    });
  }

  void reduce_all(ReduceOp op, const Tensor& x, Tensor& out) override {
    Tensor flat = x.contiguous();
    dispatch_dtype(x.dtype(), [&]<typename T>() {
      const T* a = ptr<T>(flat);
      const std::int64_t n = flat.numel();
      T* o = ptr<T>(out);
      if (op == ReduceOp::Sum) {
        using Acc = std::conditional_t<std::is_same_v<T, float>, double, T>;
        Acc acc = 0;
        for (std::int64_t i = 0; i < n; ++i) acc += a[i];
        *o = static_cast<T>(acc);
        return;
      }
      if (n == 0) throw Error("max()/min() of an empty tensor is undefined; give a dim or a non-empty tensor.");
      T best = a[0];
      for (std::int64_t i = 1; i < n && !std::isnan(static_cast<double>(best)); ++i) {
        if (std::isnan(static_cast<double>(a[i])) || (op == ReduceOp::Max ? a[i] > best : a[i] < best)) best = a[i];
      }
      *o = best;
    });
  }

  void bmm(const Tensor& a, const Tensor& b, Tensor& out) override {
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

  void softmax(const Tensor& x, std::int64_t dim, bool log, Tensor& out) override {
    std::int64_t outer, n, inner;
    split_dim(x.shape(), dim, outer, n, inner);
    dispatch_floating(x.dtype(), "softmax", [&]<typename T>() {
      const T* a = ptr<T>(x);
      T* o = ptr<T>(out);
      for (std::int64_t p = 0; p < outer; ++p) {
        for (std::int64_t k = 0; k < inner; ++k) {
          const T* in = a + p * n * inner + k;
          T* res = o + p * n * inner + k;
          // NOTE: log-sum-exp shifted by the max, so large logits do not overflow.
          T mx = -std::numeric_limits<T>::infinity();
          for (std::int64_t i = 0; i < n; ++i) mx = std::max(mx, in[i * inner]);
          if (std::isinf(mx)) mx = 0;
          T sum = 0;
          for (std::int64_t i = 0; i < n; ++i) sum += std::exp(in[i * inner] - mx);
          if (log) {
            const T lse = std::log(sum) + mx;
            for (std::int64_t i = 0; i < n; ++i) res[i * inner] = in[i * inner] - lse;
          } else {
            for (std::int64_t i = 0; i < n; ++i) res[i * inner] = std::exp(in[i * inner] - mx) / sum;
          }
        }
      }
    });
  }

  void softmax_backward(const Tensor& grad, const Tensor& y, std::int64_t dim, bool log, Tensor& out) override {
    std::int64_t outer, n, inner;
    split_dim(y.shape(), dim, outer, n, inner);
    dispatch_floating(y.dtype(), "softmax", [&]<typename T>() {
      const T* g = ptr<T>(grad);
      const T* yy = ptr<T>(y);
      T* o = ptr<T>(out);
      for (std::int64_t p = 0; p < outer; ++p) {
        for (std::int64_t k = 0; k < inner; ++k) {
          const std::int64_t base = p * n * inner + k;
          T dot = 0;
          if (log) {
            for (std::int64_t i = 0; i < n; ++i) dot += g[base + i * inner];
            for (std::int64_t i = 0; i < n; ++i)
              o[base + i * inner] = g[base + i * inner] - std::exp(yy[base + i * inner]) * dot;
          } else {
            for (std::int64_t i = 0; i < n; ++i) dot += g[base + i * inner] * yy[base + i * inner];
            for (std::int64_t i = 0; i < n; ++i)
              o[base + i * inner] = yy[base + i * inner] * (g[base + i * inner] - dot);
          }
        }
      }
    });
  }

  void im2col(const Tensor& x, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& cols) override {
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

  void col2im(const Tensor& cols, const Window2d& w, std::int64_t oh, std::int64_t ow, Tensor& xg) override {
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

  void max_pool2d(const Tensor& x, const Window2d& w, Tensor& out, Tensor& argmax) override {
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

  void max_pool2d_backward(const Tensor& grad, const Tensor& argmax, Tensor& xg) override {
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

  void avg_pool2d(const Tensor& x, const Window2d& w, Tensor& out) override {
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

  void avg_pool2d_backward(const Tensor& grad, const Window2d& w, Tensor& xg) override {
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

  void index_select(const Tensor& x, std::int64_t dim, const Tensor& index, Tensor& out) override {
    std::int64_t outer, n, inner;
    split_dim(x.shape(), dim, outer, n, inner);
    const std::int64_t* idx = ptr<std::int64_t>(index);
    const std::int64_t m = index.numel();
    dispatch_dtype(x.dtype(), [&]<typename T>() {
      const T* a = ptr<T>(x);
      T* o = ptr<T>(out);
      for (std::int64_t p = 0; p < outer; ++p)
        for (std::int64_t i = 0; i < m; ++i)
          std::copy_n(a + (p * n + idx[i]) * inner, inner, o + (p * m + i) * inner);
    });
  }

  void index_add(Tensor& out, std::int64_t dim, const Tensor& index, const Tensor& src) override {
    std::int64_t outer, n, inner;
    split_dim(out.shape(), dim, outer, n, inner);
    const std::int64_t* idx = ptr<std::int64_t>(index);
    const std::int64_t m = index.numel();
    dispatch_dtype(out.dtype(), [&]<typename T>() {
      const T* s = ptr<T>(src);
      T* o = ptr<T>(out);
      for (std::int64_t p = 0; p < outer; ++p)
        for (std::int64_t i = 0; i < m; ++i)
          for (std::int64_t k = 0; k < inner; ++k) o[(p * n + idx[i]) * inner + k] += s[(p * m + i) * inner + k];
    });
  }

  void gather_rows(const Tensor& x, const Tensor& target, Tensor& out) override {
    const std::int64_t rows = x.size(0), c = x.size(1);
    const std::int64_t* t = ptr<std::int64_t>(target);
    dispatch_floating(x.dtype(), "nll_loss", [&]<typename T>() {
      const T* a = ptr<T>(x);
      T* o = ptr<T>(out);
      for (std::int64_t i = 0; i < rows; ++i) {
        if (t[i] < 0 || t[i] >= c)
          throw Error("target " + std::to_string(t[i]) + " (sample " + std::to_string(i) + ") is not a class index in [0, " +
                          std::to_string(c) + "): the model has " + std::to_string(c) + " outputs.",
                      "IndexError: Target " + std::to_string(t[i]) + " is out of bounds.");
        o[i] = a[i * c + t[i]];
      }
    });
  }

  void scatter_rows(const Tensor& src, const Tensor& target, Tensor& out) override {
    const std::int64_t rows = out.size(0), c = out.size(1);
    const std::int64_t* t = ptr<std::int64_t>(target);
    dispatch_floating(out.dtype(), "nll_loss", [&]<typename T>() {
      const T* s = ptr<T>(src);
      T* o = ptr<T>(out);
      for (std::int64_t i = 0; i < rows; ++i) o[i * c + t[i]] += s[i];
    });
  }
};

struct Registry {
  CpuBackend cpu;
#ifdef GRADSCOPE_WITH_CUDA
  Backend* cuda = cuda_backend_instance();
#else
  Backend* cuda = nullptr;
#endif
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

void register_backend(Device device, Backend* b) {
  if (device == Device::CUDA) registry().cuda = b;
}

bool device_available(Device device, std::string* reason) {
  if (device == Device::CPU) return true;
  Backend* b = registry().cuda;
  std::string why = b ? b->unavailable_reason()
                      : "this build of GradScope has no CUDA backend (configure with CUDA installed and "
                        "-DGRADSCOPE_CUDA=ON)";
  if (reason) *reason = why;
  return why.empty();
}

Backend& backend(Device device) {
  if (device == Device::CPU) return registry().cpu;
  std::string why;
  if (!device_available(device, &why))
    throw Error("CUDA is not available: " + why + ". Use device 'cpu'.",
                "RuntimeError: Torch not compiled with CUDA enabled / No CUDA GPUs are available");
  return *registry().cuda;
}

namespace {
int& thread_count() {
  static int n = std::max(1u, std::thread::hardware_concurrency());
  return n;
}
int kernel_threads() { return thread_count(); }
}  // namespace

void set_num_threads(int threads) {
  GS_CHECK(threads >= 1, "set_num_threads: threads must be at least 1, got " + std::to_string(threads));
  thread_count() = threads;
  Eigen::setNbThreads(threads);
}
int get_num_threads() { return thread_count(); }

}  // namespace gs
