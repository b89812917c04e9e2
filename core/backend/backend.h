#pragma once
/// The backend interface: every kernel a device must provide. core/ops computes shapes, dtypes and
/// autograd, then calls these on the backend of the tensors' device. A new pure virtual here makes
/// every backend fail to compile until it implements it.
///
/// Contract: output tensors are allocated by the caller with the right shape and dtype; inputs
/// already have the output's dtype (promotion happens before) and, for elementwise kernels, are
/// already expanded to the output's shape (stride 0 on broadcast dims). Any strides are allowed
/// unless a kernel says "contiguous".
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace gs {

enum class UnaryOp {
  Neg, Exp, Log, Sqrt, Abs, Sign, Sigmoid, Tanh, Relu, Step, LeakyRelu, Elu, Gelu, GeluTanh,
  Softplus, Square, Reciprocal, Log1p, Sin,
};
/// Extra scalars of parameterised unary ops (negative_slope, alpha, beta, threshold).
struct UnaryArgs {
  double alpha = 0;      ///< LeakyReLU negative_slope, ELU alpha, Softplus beta
  double threshold = 0;  ///< Softplus threshold
};

enum class BinaryOp { Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Lt, Le, Gt, Ge };

enum class ReduceOp { Sum, Max, Min };

/// Geometry of a 2-D convolution or pooling window.
struct Window2d {
  std::int64_t kernel_h, kernel_w, stride_h, stride_w, pad_h, pad_w, dilation_h = 1, dilation_w = 1;
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual Device device() const = 0;
  /// Why the backend cannot be used here ("" when it can).
  virtual std::string unavailable_reason() const = 0;
  /// The same reason as a code of core/util/error_codes.h and its arguments, so that a front end
  /// can say it in the learner's language; "" (the default) for a reason without a code.
  virtual std::string unavailable_code(std::vector<std::string>* args) const {
    (void)args;
    return {};
  }

  // memory
  virtual void* allocate(std::size_t nbytes) = 0;
  virtual void deallocate(void* data, std::size_t nbytes) = 0;
  virtual void copy_to_host(void* host_dst, const void* src, std::size_t nbytes) = 0;
  virtual void copy_from_host(void* dst, const void* host_src, std::size_t nbytes) = 0;

  // elementwise
  virtual void fill(Tensor& out, double value) = 0;
  /// out = src, element by element, any strides; converts dtype when they differ.
  virtual void copy(const Tensor& src, Tensor& out) = 0;
  virtual void unary(UnaryOp op, const Tensor& x, Tensor& out, const UnaryArgs& args) = 0;
  /// out = grad * d op(x)/dx, where y = op(x) is given too (sigmoid/tanh use y, the rest x).
  virtual void unary_backward(UnaryOp op, const Tensor& grad, const Tensor& x, const Tensor& y,
                              Tensor& out, const UnaryArgs& args) = 0;
  virtual void binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) = 0;
  /// out = a + alpha * b (the fused axpy of add(alpha=) and the optimizers).
  virtual void add_scaled(const Tensor& a, const Tensor& b, double alpha, Tensor& out) = 0;
  /// out = cond != 0 ? a : b.
  virtual void where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) = 0;
  /// out = min(max(x, lo), hi); NaN bounds are ignored.
  virtual void clamp(const Tensor& x, double lo, double hi, Tensor& out) = 0;

  /// One Adam/AdamW update of a contiguous parameter, in place (torch.optim.Adam's formulas):
  /// g ← grad (+ wd·θ unless decoupled); θ ← θ·(1 − lr·wd) if decoupled; m ← β₁m + (1 − β₁)g;
  /// v ← β₂v + (1 − β₂)g²; v_max ← max(v_max, v) if amsgrad; step = lr/bc₁ · m / (√v̂/√bc₂ + eps);
  /// θ ← θ − step. `step_out` (may be null) receives the step taken.
  struct AdamArgs {
    double lr, beta1, beta2, eps, weight_decay, bias_correction1, bias_correction2;
    bool amsgrad, decoupled;
  };
  virtual void adam_step(Tensor& param, const Tensor& grad, Tensor& exp_avg, Tensor& exp_avg_sq, Tensor* max_exp_avg_sq,
                         Tensor* step_out, const AdamArgs& args) = 0;

  // reductions
  /// Reduces x over dim (keepdim shape in out); indices (int64, may be null) gets arg of Max/Min.
  virtual void reduce(ReduceOp op, const Tensor& x, std::int64_t dim, Tensor& out, Tensor* indices) = 0;
  /// Sum of all elements into a 0-d out.
  virtual void reduce_all(ReduceOp op, const Tensor& x, Tensor& out) = 0;

  // linear algebra
  /// out[b] = a[b] @ b[b]. a: [B, M, K], b: [B, K, N] (each matrix row- or column-major, batch
  /// stride arbitrary, 0 allowed), out: contiguous [B, M, N].
  virtual void bmm(const Tensor& a, const Tensor& b, Tensor& out) = 0;

  // softmax family, x contiguous
  virtual void softmax(const Tensor& x, std::int64_t dim, bool log, Tensor& out) = 0;
  /// grad_in from grad_out and the saved output y.
  virtual void softmax_backward(const Tensor& grad, const Tensor& y, std::int64_t dim, bool log,
                                Tensor& out) = 0;

  // convolution and pooling, contiguous NCHW
  /// x [N, C, H, W] → cols [C*kh*kw, N*OH*OW] (so one GEMM covers the whole batch).
  virtual void im2col(const Tensor& x, const Window2d& w, std::int64_t out_h, std::int64_t out_w,
                      Tensor& cols) = 0;
  /// Adjoint of im2col: scatters-adds cols into x_grad (zeroed by the caller).
  virtual void col2im(const Tensor& cols, const Window2d& w, std::int64_t out_h, std::int64_t out_w,
                      Tensor& x_grad) = 0;
  /// A backend's own convolution, where it has a faster one than im2col + one bmm over the batch:
  /// x [N, C, H, W], weight [O, C, kh, kw], bias [O] (or undefined) → out [N, O, OH, OW]. Returns
  /// false when it has none (conv2d then runs im2col + bmm).
  virtual bool conv2d(const Tensor& /*x*/, const Tensor& /*weight*/, const Tensor& /*bias*/, const Window2d& /*w*/,
                      Tensor& /*out*/) {
    return false;
  }
  /// The backward of that convolution from grad [N, O, OH, OW]: writes each gradient whose
  /// pointer is not null (x_grad [N, C, H, W], weight_grad [O, C, kh, kw], bias_grad [O]).
  /// Returns false when the backend has none.
  virtual bool conv2d_backward(const Tensor& /*grad*/, const Tensor& /*x*/, const Tensor& /*weight*/,
                               const Window2d& /*w*/, Tensor* /*x_grad*/, Tensor* /*weight_grad*/,
                               Tensor* /*bias_grad*/) {
    return false;
  }
  /// out and argmax (int64, flat index into each H*W plane) of max pooling.
  virtual void max_pool2d(const Tensor& x, const Window2d& w, Tensor& out, Tensor& argmax) = 0;
  virtual void max_pool2d_backward(const Tensor& grad, const Tensor& argmax, Tensor& x_grad) = 0;
  /// count_include_pad=True, as PyTorch's default.
  virtual void avg_pool2d(const Tensor& x, const Window2d& w, Tensor& out) = 0;
  virtual void avg_pool2d_backward(const Tensor& grad, const Window2d& w, Tensor& x_grad) = 0;

  // indexing
  /// out = x.index_select(dim, index); index int64 1-D contiguous.
  virtual void index_select(const Tensor& x, std::int64_t dim, const Tensor& index, Tensor& out) = 0;
  /// out.index_add_(dim, index, src).
  virtual void index_add(Tensor& out, std::int64_t dim, const Tensor& index, const Tensor& src) = 0;
  /// out[i] = x[i, target[i]] for x [N, C] (NLL's pick). Throws naming a target outside [0, C).
  virtual void gather_rows(const Tensor& x, const Tensor& target, Tensor& out) = 0;
  /// out[i, target[i]] += src[i]; out zeroed by the caller.
  virtual void scatter_rows(const Tensor& src, const Tensor& target, Tensor& out) = 0;
};

// ------------------------------------------------------------------ the backend registry
// Which Backend serves each device (core/backend/registry.cpp). The CPU backend is built into
// core. Any other backend lives in its own library (gpu/ for CUDA) and registers itself from a
// static initialiser, so core never names it: a build without that library simply has no entry,
// and the device reports that it was built without its backend.

/// Returns a device's backend, constructing it on the first call (a function-local static), so
/// that linking a backend costs nothing until its device is used.
using BackendFactory = Backend& (*)();

/// Enters the backend of a non-CPU device into the registry; called by the backend's own library
/// at start-up. The factory runs only when the device is first used. Throws if the device is the
/// CPU (built in) or already has a backend.
void register_backend(Device device, BackendFactory factory);
/// Whether a device can be used here; otherwise `reason` says why: no backend in this build
/// ("this GradScope was built without the CUDA backend"), or the backend's
/// unavailable_reason() (no driver, no GPU, no kernel for its compute capability).
bool device_available(Device device, std::string* reason = nullptr);
/// Why a device cannot be used, as device_available says it, with its code and arguments.
struct DeviceStatus {
  bool available = true;
  std::string reason;             ///< in English ("" when available)
  std::string code;               ///< core/util/error_codes.h ("" when available or without a code)
  std::vector<std::string> args;  ///< the values the reason quotes (driver message, GPU name, …)
};
DeviceStatus device_status(Device device);
/// The backend of a device. Throws an Error naming the reason when the device is unavailable.
Backend& backend(Device device);

/// Threads used by CPU kernels (Eigen GEMM). Default: all hardware threads.
void set_num_threads(int threads);
int get_num_threads();

}  // namespace gs
