// conv2d (the backend's own, or im2col + one GEMM over the batch) and 2-D pooling, each with its
// backward.
#include "autograd/node.h"
#include "ops/functional.h"
#include "tensor/internal.h"

namespace gs {
namespace {

using detail::backend_of;
using detail::make_tensor;

std::int64_t output_size(std::int64_t in, std::int64_t kernel, std::int64_t stride, std::int64_t pad, std::int64_t dilation) {
  return window_output_size(in, kernel, stride, 2 * pad, dilation);
}

void check_4d(const Tensor& x, const char* op) {
  if (x.dim() != 4) {
    throw Error(std::string(op) + " expects a 4-D input [N, C, H, W] but got shape " + shape_str(x.shape()) +
                    (x.dim() == 2 ? ": a flat [N, features] batch has no image layout; give the model an input_shape "
                                    "[C, H, W] or reshape the batch to [N, C, H, W]."
                                  : "."),
                "RuntimeError: Expected 3D (unbatched) or 4D (batched) input to " + std::string(op) +
                    ", but got input of size: " + shape_str(x.shape()));
  }
}

void check_positive(const std::array<std::int64_t, 2>& v, const char* what, const char* op, std::int64_t minimum) {
  for (auto s : v)
    GS_CHECK(s >= minimum, std::string(op) + ": " + what + " must be at least " + std::to_string(minimum) + ", got " +
                            std::to_string(s));
}

/// A matrix as a batch of one, for the bmm kernel.
Tensor batch1(const Tensor& m) {
  return detail::alias(m, {1, m.size(0), m.size(1)}, {0, m.strides()[0], m.strides()[1]}, m.storage_offset());
}

/// The whole batch's columns: x [N, C, H, W] → [C·kh·kw, N·OH·OW].
Tensor columns(const Tensor& x, const Window2d& win, std::int64_t ckk, std::int64_t oh, std::int64_t ow) {
  Tensor cols = make_tensor({ckk, x.size(0) * oh * ow}, x.dtype(), x.device());
  backend_of(x).im2col(x, win, oh, ow, cols);
  return cols;
}

/// conv2d where the backend has no convolution of its own: one GEMM for the whole batch,
/// W [O, C·kh·kw] @ cols [C·kh·kw, N·L] → [O, N·L], then [O, N, L] → [N, O, L] adding the bias
/// in the same pass.
void conv2d_by_gemm(const Tensor& x, const Tensor& weight, const Tensor& bias, const Window2d& win, Tensor& out) {
  const std::int64_t n = x.size(0), o = out.size(1), oh = out.size(2), ow = out.size(3), L = oh * ow;
  const Tensor w2 = weight.reshape({o, weight.numel() / o});
  const Tensor cols = columns(x, win, w2.size(1), oh, ow);
  Tensor prod = make_tensor({1, o, n * L}, x.dtype(), x.device());
  backend_of(x).bmm(batch1(w2), batch1(cols), prod);
  const Tensor permuted = detail::alias(prod, {n, o, oh, ow}, {L, n * L, ow, 1}, 0);
  if (bias.defined()) {
    const Tensor b4 = detail::alias(bias, {n, o, oh, ow}, {0, bias.strides()[0], 0, 0}, bias.storage_offset());
    backend_of(x).binary(BinaryOp::Add, permuted, b4, out);
  } else {
    backend_of(x).copy(permuted, out);
  }
}

/// The backward of conv2d_by_gemm, with the columns recomputed; writes each gradient given.
void conv2d_backward_by_gemm(const Tensor& g, const Tensor& x, const Tensor& weight, const Window2d& win, Tensor* gx,
                             Tensor* gw, Tensor* gb) {
  const std::int64_t n = g.size(0), o = g.size(1), oh = g.size(2), ow = g.size(3), L = oh * ow, NL = n * L;
  const std::int64_t ckk = weight.numel() / o;
  // The output gradient as [O, N·L]: the layout the GEMMs want.
  Tensor g2 = make_tensor({o, NL}, g.dtype(), g.device());
  Tensor g2_view = detail::alias(g2, {n, o, L}, {L, NL, 1}, 0);
  backend_of(g).copy(detail::alias(g, {n, o, L}, {o * L, L, 1}, g.storage_offset()), g2_view);
  if (gx) {
    const Tensor wt = weight.reshape({o, ckk}).t();  // [CKK, O], column-major view
    Tensor gcols = make_tensor({1, ckk, NL}, g.dtype(), g.device());
    backend_of(g).bmm(batch1(wt), batch1(g2), gcols);
    backend_of(g).fill(*gx, 0.0);
    backend_of(g).col2im(gcols, win, oh, ow, *gx);
  }
  if (gw) {
    Tensor gw3 = detail::alias(*gw, {1, o, ckk}, {0, ckk, 1}, 0);
    backend_of(g).bmm(batch1(g2), batch1(columns(x, win, ckk, oh, ow).t()), gw3);
  }
  if (gb) {
    Tensor gb2 = detail::alias(*gb, {o, 1}, {1, 1}, 0);
    backend_of(g).reduce(ReduceOp::Sum, g2, 1, gb2, nullptr);
  }
}

}  // namespace

Tensor conv2d(const Tensor& x_in, const Tensor& weight, const Tensor& bias, std::array<std::int64_t, 2> stride,
              std::array<std::int64_t, 2> padding, std::array<std::int64_t, 2> dilation) {
  check_4d(x_in, "conv2d");
  GS_CHECK(weight.dim() == 4, "conv2d: weight must be 4-D [out_channels, in_channels, kH, kW], got " + shape_str(weight.shape()));
  check_positive(stride, "stride", "conv2d", 1);
  check_positive(dilation, "dilation", "conv2d", 1);
  check_positive(padding, "padding", "conv2d", 0);
  detail::check_same_device(x_in, weight, "conv2d");
  const Tensor x = x_in.dtype() == weight.dtype() ? x_in : x_in.to(weight.dtype());
  const std::int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  const std::int64_t o = weight.size(0), kh = weight.size(2), kw = weight.size(3);
  if (weight.size(1) != c) {
    throw Error("Conv2d with weight " + shape_str(weight.shape()) + " expects inputs with " + std::to_string(weight.size(1)) +
                    " channels, but the input " + shape_str(x.shape()) + " has " + std::to_string(c) +
                    ": in_channels must equal the channels of the previous layer's output.",
                "RuntimeError: Given groups=1, weight of size " + shape_str(weight.shape()) + ", expected input" +
                    shape_str(x.shape()) + " to have " + std::to_string(weight.size(1)) + " channels, but got " +
                    std::to_string(c) + " channels instead");
  }
  if (bias.defined()) {
    GS_CHECK(bias.dim() == 1 && bias.size(0) == o,
          "conv2d: bias must have shape [" + std::to_string(o) + "], got " + shape_str(bias.shape()));
  }
  const std::int64_t oh = output_size(h, kh, stride[0], padding[0], dilation[0]);
  const std::int64_t ow = output_size(w, kw, stride[1], padding[1], dilation[1]);
  if (oh <= 0 || ow <= 0) {
    throw Error("Conv2d: the kernel " + std::to_string(kh) + "x" + std::to_string(kw) + " (dilation " +
                    std::to_string(dilation[0]) + ") does not fit in the padded input " + std::to_string(h + 2 * padding[0]) +
                    "x" + std::to_string(w + 2 * padding[1]) + ": use a smaller kernel_size, add padding, or remove a "
                    "pooling layer before it.",
                "RuntimeError: Calculated padded input size per channel: (" + std::to_string(h + 2 * padding[0]) + " x " +
                    std::to_string(w + 2 * padding[1]) + "). Kernel size: (" + std::to_string(kh) + " x " +
                    std::to_string(kw) + "). Kernel size can't be greater than actual input size");
  }
  const Window2d win{kh, kw, stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1]};
  const Tensor xc = detail::contiguous(x);
  const Tensor wc = detail::contiguous(weight).detach();
  const Tensor bc = bias.defined() ? detail::contiguous(detail::cast(bias, x.dtype())).detach() : Tensor();
  Tensor out = make_tensor({n, o, oh, ow}, x.dtype(), x.device());
  if (!backend_of(x).conv2d(xc, wc, bc, win, out)) conv2d_by_gemm(xc, wc, bc, win, out);

  const Tensor b = bias;
  if (auto node = record("ConvolutionBackward0", {&x, &weight, &b}, out, nullptr)) {
    // NOTE: input and weight only, as PyTorch saves: the backward recomputes the columns, which
    // costs less than keeping C·kh·kw copies of every input pixel alive until then.
    node->save("input", xc);
    node->save("weight", wc);
    node->add_attribute("stride=[" + std::to_string(stride[0]) + ", " + std::to_string(stride[1]) + "]");
    node->add_attribute("padding=[" + std::to_string(padding[0]) + ", " + std::to_string(padding[1]) + "]");
    Shape x_shape = x.shape(), w_shape = weight.shape();
    node->set_backward([=](Node& nd, const Tensor& g) {
      const Tensor gc = detail::contiguous(g);
      Tensor gx = nd.needs_input_grad(0) ? make_tensor(x_shape, g.dtype(), g.device()) : Tensor();
      Tensor gw = nd.needs_input_grad(1) ? make_tensor(w_shape, g.dtype(), g.device()) : Tensor();
      Tensor gb = nd.needs_input_grad(2) ? make_tensor({o}, g.dtype(), g.device()) : Tensor();
      Tensor* gxp = gx.defined() ? &gx : nullptr;
      Tensor* gwp = gw.defined() ? &gw : nullptr;
      Tensor* gbp = gb.defined() ? &gb : nullptr;
      if (!backend_of(g).conv2d_backward(gc, nd.saved(0), nd.saved(1), win, gxp, gwp, gbp))
        conv2d_backward_by_gemm(gc, nd.saved(0), nd.saved(1), win, gxp, gwp, gbp);
      return std::vector<Tensor>{gx, gw, gb};
    });
  }
  return out;
}

namespace {
Window2d pool_window(const char* op, const Tensor& x, std::array<std::int64_t, 2> k, std::array<std::int64_t, 2> s,
                     std::array<std::int64_t, 2> p, std::array<std::int64_t, 2> d, std::int64_t& oh, std::int64_t& ow) {
  check_4d(x, op);
  check_positive(k, "kernel_size", op, 1);
  if (s[0] == 0 && s[1] == 0) s = k;
  check_positive(s, "stride", op, 1);
  check_positive(p, "padding", op, 0);
  for (int i = 0; i < 2; ++i) {
    if (p[i] * 2 > k[i]) {
      throw Error(std::string(op) + ": padding " + std::to_string(p[i]) + " is more than half the kernel size " +
                      std::to_string(k[i]) + "; windows would see only padding.",
                  "RuntimeError: pad should be at most half of effective kernel size, but got pad=" + std::to_string(p[i]) +
                      ", kernel_size=" + std::to_string(k[i]));
    }
  }
  oh = output_size(x.size(2), k[0], s[0], p[0], d[0]);
  ow = output_size(x.size(3), k[1], s[1], p[1], d[1]);
  if (oh <= 0 || ow <= 0) {
    throw Error(std::string(op) + ": the " + std::to_string(k[0]) + "x" + std::to_string(k[1]) + " window does not fit in the " +
                    std::to_string(x.size(2)) + "x" + std::to_string(x.size(3)) +
                    " input; the feature map is already too small for another pooling layer.",
                "RuntimeError: Given input size: (" + std::to_string(x.size(1)) + "x" + std::to_string(x.size(2)) + "x" +
                    std::to_string(x.size(3)) + "). Calculated output size: (" + std::to_string(x.size(1)) + "x" +
                    std::to_string(oh) + "x" + std::to_string(ow) + "). Output size is too small");
  }
  return {k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1]};
}
}  // namespace

Tensor max_pool2d(const Tensor& x_in, std::array<std::int64_t, 2> kernel_size, std::array<std::int64_t, 2> stride,
                  std::array<std::int64_t, 2> padding, std::array<std::int64_t, 2> dilation) {
  std::int64_t oh, ow;
  const Window2d win = pool_window("max_pool2d", x_in, kernel_size, stride, padding, dilation, oh, ow);
  const Tensor x = detail::contiguous(x_in);
  Tensor out = make_tensor({x.size(0), x.size(1), oh, ow}, x.dtype(), x.device());
  Tensor argmax = make_tensor(out.shape(), kInt64, x.device());
  backend_of(x).max_pool2d(x, win, out, argmax);
  if (auto node = record("MaxPool2DWithIndicesBackward0", {&x_in}, out, nullptr)) {
    node->save("indices", argmax);
    Shape in_shape = x.shape();
    node->set_backward([in_shape](Node& n, const Tensor& g) {
      Tensor gx = zeros(in_shape, options_of(g));
      backend_of(g).max_pool2d_backward(detail::contiguous(g), n.saved(0), gx);
      return std::vector<Tensor>{gx};
    });
  }
  return out;
}

Tensor avg_pool2d(const Tensor& x_in, std::array<std::int64_t, 2> kernel_size, std::array<std::int64_t, 2> stride,
                  std::array<std::int64_t, 2> padding) {
  std::int64_t oh, ow;
  const Window2d win = pool_window("avg_pool2d", x_in, kernel_size, stride, padding, {1, 1}, oh, ow);
  const Tensor x = detail::contiguous(x_in);
  Tensor out = make_tensor({x.size(0), x.size(1), oh, ow}, x.dtype(), x.device());
  backend_of(x).avg_pool2d(x, win, out);
  Shape in_shape = x.shape();
  record("AvgPool2DBackward0", {&x_in}, out, [in_shape, win](Node&, const Tensor& g) {
    Tensor gx = zeros(in_shape, options_of(g));
    backend_of(g).avg_pool2d_backward(detail::contiguous(g), win, gx);
    return std::vector<Tensor>{gx};
  });
  return out;
}

}  // namespace gs
