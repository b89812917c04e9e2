#pragma once
/// The CUDA backend's class and the host-side helpers its files share. Private to gpu/: core
/// reaches the backend only through the registry (backend(Device::CUDA)). The class is
/// implemented by kernel family in gpu/cuda_*.cu (kernels) and gpu/cuda_*.cpp (host only).
#include <cublas_v2.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "backend/backend.h"

namespace gs::cuda {

using i64 = std::int64_t;

/// The CUDA backend (constructed on first use; cuda_backend.cu registers this factory).
Backend& cuda_backend();

/// The first element of t on the device, typed; null for an undefined tensor (an operand a
/// kernel does not read).
template <typename T>
T* ptr(const Tensor& t) {
  if (!t.defined()) return nullptr;
  return static_cast<T*>(t.impl()->storage->data()) + t.impl()->offset;
}

/// Calls fn(T{}) with T the C++ type of dtype.
template <typename Fn>
void dispatch_all(Dtype dtype, Fn&& fn) {
  switch (dtype) {
    case Dtype::Float32: fn(float{}); return;
    case Dtype::Float64: fn(double{}); return;
    case Dtype::Int64: fn(i64{}); return;
  }
}
/// Like dispatch_all for float32/float64; int64 is refused naming the op.
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

/// Splits a contiguous shape around dim into [outer, n, inner].
inline void split_dim(const Shape& shape, i64 dim, i64& outer, i64& n, i64& inner) {
  outer = 1;
  inner = 1;
  for (i64 i = 0; i < dim; ++i) outer *= shape[i];
  n = shape.empty() ? 1 : shape[dim];
  for (std::size_t i = dim + 1; i < shape.size(); ++i) inner *= shape[i];
}

/// The Backend interface on an NVIDIA GPU. Each group of kernels below is defined in the file
/// its comment names.
class CudaBackend final : public Backend {
 public:
  // availability: cuda_backend.cu
  Device device() const override { return Device::CUDA; }
  std::string unavailable_reason() const override;
  std::string unavailable_code(std::vector<std::string>* args) const override;

  // memory: cuda_memory.cpp
  void* allocate(std::size_t nbytes) override;
  void deallocate(void* data, std::size_t nbytes) override;
  void copy_to_host(void* host_dst, const void* src, std::size_t nbytes) override;
  void copy_from_host(void* dst, const void* host_src, std::size_t nbytes) override;

  // elementwise: cuda_elementwise.cu
  void fill(Tensor& out, double value) override;
  void copy(const Tensor& src, Tensor& out) override;
  void unary(UnaryOp op, const Tensor& x, Tensor& out, const UnaryArgs& args) override;
  void unary_backward(UnaryOp op, const Tensor& grad, const Tensor& x, const Tensor& y, Tensor& out,
                      const UnaryArgs& args) override;
  void binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) override;
  void add_scaled(const Tensor& a, const Tensor& b, double alpha, Tensor& out) override;
  void where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) override;
  void clamp(const Tensor& x, double lo, double hi, Tensor& out) override;

  // optimizer steps: cuda_optim.cu
  void adam_step(Tensor& param, const Tensor& grad, Tensor& exp_avg, Tensor& exp_avg_sq, Tensor* max_exp_avg_sq,
                 Tensor* step_out, const AdamArgs& args) override;

  // reductions and softmax: cuda_reduce.cu
  void reduce(ReduceOp op, const Tensor& x, std::int64_t dim, Tensor& out, Tensor* indices) override;
  void reduce_all(ReduceOp op, const Tensor& x, Tensor& out) override;
  void softmax(const Tensor& x, std::int64_t dim, bool log, Tensor& out) override;
  void softmax_backward(const Tensor& grad, const Tensor& y, std::int64_t dim, bool log, Tensor& out) override;

  // GEMM (cuBLAS): cuda_gemm.cpp
  void bmm(const Tensor& a, const Tensor& b, Tensor& out) override;

  // convolution and pooling: cuda_conv.cu
  void im2col(const Tensor& x, const Window2d& w, std::int64_t out_h, std::int64_t out_w, Tensor& cols) override;
  void col2im(const Tensor& cols, const Window2d& w, std::int64_t out_h, std::int64_t out_w, Tensor& x_grad) override;
  void max_pool2d(const Tensor& x, const Window2d& w, Tensor& out, Tensor& argmax) override;
  void max_pool2d_backward(const Tensor& grad, const Tensor& argmax, Tensor& x_grad) override;
  void avg_pool2d(const Tensor& x, const Window2d& w, Tensor& out) override;
  void avg_pool2d_backward(const Tensor& grad, const Window2d& w, Tensor& x_grad) override;

  // indexing: cuda_index.cu
  void index_select(const Tensor& x, std::int64_t dim, const Tensor& index, Tensor& out) override;
  void index_add(Tensor& out, std::int64_t dim, const Tensor& index, const Tensor& src) override;
  void gather_rows(const Tensor& x, const Tensor& target, Tensor& out) override;
  void scatter_rows(const Tensor& src, const Tensor& target, Tensor& out) override;

 private:
  /// The cuBLAS handle, created on first use (cuda_gemm.cpp).
  cublasHandle_t blas();
  /// Frees every cached block (cuda_memory.cpp; on an out-of-memory before retrying).
  void release_cache();
  /// Throws the CPU's message for a class index outside [0, c) (cuda_index.cu).
  void check_targets(const Tensor& target, i64 c);

  static std::size_t rounded(std::size_t n) { return ((n < 1 ? 1 : n) + 511) / 512 * 512; }

  std::once_flag probe_once_;
  std::string reason_;
  std::string reason_code_;               // core/util/error_codes.h, with its arguments
  std::vector<std::string> reason_args_;
  std::mutex mutex_;
  std::unordered_map<std::size_t, std::vector<void*>> cache_;
  cublasHandle_t blas_ = nullptr;
};

}  // namespace gs::cuda
