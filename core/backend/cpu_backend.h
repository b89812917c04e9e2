#pragma once
/// The CPU backend: Eigen for GEMM, tight loops (vectorised by the compiler) for the rest. One
/// class, implemented by kernel family in core/backend/cpu_*.cpp, and the few helpers those files
/// share. Private to core/backend: the rest of core reaches it through backend(Device::CPU).
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "backend/backend.h"

namespace gs::cpu {

/// The CPU backend (built into core; the registry returns it for Device::CPU).
Backend& cpu_backend();

/// Threads used by the CPU kernels (set_num_threads); all hardware threads by default. Atomic:
/// a lab's background job sets it while the UI thread reads it (ThreadSanitizer saw the race).
inline std::atomic<int>& kernel_thread_count() {
  static std::atomic<int> n{static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))};
  return n;
}
inline int kernel_threads() { return kernel_thread_count().load(std::memory_order_relaxed); }

/// Work below this many elements runs on one thread (a parallel region costs microseconds).
constexpr std::int64_t kParallelGrain = 1 << 15;
inline bool parallel_worth(std::int64_t work) { return work >= kParallelGrain && kernel_threads() > 1; }

/// The first element of t, typed.
template <typename T>
T* ptr(const Tensor& t) {
  return static_cast<T*>(t.impl()->storage->data()) + t.impl()->offset;
}

/// Whether every tensor of ts is contiguous (then kernels run one flat loop).
inline bool all_contiguous(std::initializer_list<const Tensor*> ts) {
  for (auto* t : ts)
    if (!t->is_contiguous()) return false;
  return true;
}

/// Splits a contiguous shape around dim into [outer, n, inner].
inline void split_dim(const Shape& shape, std::int64_t dim, std::int64_t& outer, std::int64_t& n, std::int64_t& inner) {
  outer = 1;
  inner = 1;
  for (std::int64_t i = 0; i < dim; ++i) outer *= shape[i];
  n = shape.empty() ? 1 : shape[dim];
  for (std::size_t i = dim + 1; i < shape.size(); ++i) inner *= shape[i];
}

/// One sample's im2col: x [C, H, W] → cols [C·kh·kw, OH·OW] (float and double; cpu_conv.cpp).
template <typename T>
void im2col_sample(const T* x, std::int64_t c, std::int64_t h, std::int64_t w, const Window2d& win, std::int64_t out_h,
                   std::int64_t out_w, T* cols);
/// Adjoint of im2col_sample: adds cols [C·kh·kw, OH·OW] into x_grad [C, H, W].
template <typename T>
void col2im_sample(const T* cols, const Window2d& win, std::int64_t out_h, std::int64_t out_w, std::int64_t c,
                   std::int64_t h, std::int64_t w, T* x_grad);

/// The Backend interface on the CPU. Each group of kernels below is defined in the file its
/// comment names.
class CpuBackend final : public Backend {
 public:
  ~CpuBackend() override;
  Device device() const override { return Device::CPU; }
  std::string unavailable_reason() const override { return ""; }

  // memory: cpu_backend.cpp
  void* allocate(std::size_t nbytes) override;
  void deallocate(void* data, std::size_t nbytes) override;
  void copy_to_host(void* host_dst, const void* src, std::size_t nbytes) override;
  void copy_from_host(void* dst, const void* host_src, std::size_t nbytes) override;

  // elementwise: cpu_elementwise.cpp
  void fill(Tensor& out, double value) override;
  void copy(const Tensor& src, Tensor& out) override;
  void unary(UnaryOp op, const Tensor& x, Tensor& out, const UnaryArgs& args) override;
  void unary_backward(UnaryOp op, const Tensor& grad, const Tensor& x, const Tensor& y, Tensor& out,
                      const UnaryArgs& args) override;
  void binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) override;
  void add_scaled(const Tensor& a, const Tensor& b, double alpha, Tensor& out) override;
  void where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) override;
  void clamp(const Tensor& x, double lo, double hi, Tensor& out) override;

  // optimizer steps: cpu_optim.cpp
  void adam_step(Tensor& param, const Tensor& grad, Tensor& exp_avg, Tensor& exp_avg_sq, Tensor* max_exp_avg_sq,
                 Tensor* step_out, const AdamArgs& args) override;

  // reductions and softmax: cpu_reduce.cpp
  void reduce(ReduceOp op, const Tensor& x, std::int64_t dim, Tensor& out, Tensor* indices) override;
  void reduce_all(ReduceOp op, const Tensor& x, Tensor& out) override;
  void softmax(const Tensor& x, std::int64_t dim, bool log, Tensor& out) override;
  void softmax_backward(const Tensor& grad, const Tensor& y, std::int64_t dim, bool log, Tensor& out) override;

  // GEMM, and convolution as per-sample GEMMs: cpu_gemm.cpp
  void bmm(const Tensor& a, const Tensor& b, Tensor& out) override;
  bool conv2d(const Tensor& x, const Tensor& weight, const Tensor& bias, const Window2d& w, Tensor& out) override;
  bool conv2d_backward(const Tensor& grad, const Tensor& x, const Tensor& weight, const Window2d& w, Tensor* x_grad,
                       Tensor* weight_grad, Tensor* bias_grad) override;

  // convolution and pooling: cpu_conv.cpp
  void im2col(const Tensor& x, const Window2d& w, std::int64_t out_h, std::int64_t out_w, Tensor& cols) override;
  void col2im(const Tensor& cols, const Window2d& w, std::int64_t out_h, std::int64_t out_w, Tensor& x_grad) override;
  void max_pool2d(const Tensor& x, const Window2d& w, Tensor& out, Tensor& argmax) override;
  void max_pool2d_backward(const Tensor& grad, const Tensor& argmax, Tensor& x_grad) override;
  void avg_pool2d(const Tensor& x, const Window2d& w, Tensor& out) override;
  void avg_pool2d_backward(const Tensor& grad, const Window2d& w, Tensor& x_grad) override;

  // indexing: cpu_index.cpp
  void index_select(const Tensor& x, std::int64_t dim, const Tensor& index, Tensor& out) override;
  void index_add(Tensor& out, std::int64_t dim, const Tensor& index, const Tensor& src) override;
  void gather_rows(const Tensor& x, const Tensor& target, Tensor& out) override;
  void scatter_rows(const Tensor& src, const Tensor& target, Tensor& out) override;

 private:
  static constexpr std::size_t kCacheLimit = std::size_t(512) << 20;
  static std::size_t rounded(std::size_t n) { return ((std::max<std::size_t>(n, 1) + 63) / 64) * 64; }
  std::mutex cache_mutex_;
  std::unordered_map<std::size_t, std::vector<void*>> cache_;
  std::size_t cached_bytes_ = 0;
};

}  // namespace gs::cpu
