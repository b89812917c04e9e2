// A convolution or pooling explained one output cell at a time (see conv_explain.h). The
// outputs themselves come from ops/conv.cpp; this file only reads the window behind a cell.
#include "ops/conv_explain.h"

#include <limits>

#include "ops/functional.h"
#include "util/error_codes.h"

namespace gs {
namespace {

std::int64_t rule(std::int64_t in, std::int64_t pad_total, std::int64_t kernel, std::int64_t stride, std::int64_t dilation) {
  return window_output_size(in, kernel, stride, pad_total, dilation);
}

std::string num(std::int64_t v) { return std::to_string(v); }

/// The image [C, H, W] as values, and its sizes (the window readers take one unbatched image).
struct Image {
  std::vector<double> values;
  std::int64_t c, h, w;
  double at(std::int64_t ch, std::int64_t y, std::int64_t x) const { return values[(ch * h + y) * w + x]; }
  bool inside(std::int64_t y, std::int64_t x) const { return y >= 0 && y < h && x >= 0 && x < w; }
};

Image image_of(const Tensor& input, const char* op) {
  GS_CHECK(input.dim() == 3, std::string(op) + ": the explained input is one image [C, H, W], got " + shape_str(input.shape()));
  return {input.contiguous().to_vector<double>(), input.size(0), input.size(1), input.size(2)};
}

void check_cell(const char* op, std::int64_t channel, std::int64_t channels, std::int64_t oy, std::int64_t ox,
                const std::array<std::int64_t, 2>& out) {
  GS_CHECK(channel >= 0 && channel < channels && oy >= 0 && oy < out[0] && ox >= 0 && ox < out[1],
           std::string(op) + ": output cell [" + num(channel) + ", " + num(oy) + ", " + num(ox) + "] is outside the output [" +
               num(channels) + ", " + num(out[0]) + ", " + num(out[1]) + "]");
}

std::array<std::int64_t, 2> pool_stride(const Pool2dArgs& args) {
  return args.stride == std::array<std::int64_t, 2>{0, 0} ? args.kernel_size : args.stride;
}

}  // namespace

Padding2d conv2d_padding(std::array<std::int64_t, 2> kernel_size, const Conv2dArgs& args) {
  switch (args.padding_mode) {
    case PaddingMode::Valid:
      return {};
    case PaddingMode::Same: {
      if (args.stride[0] != 1 || args.stride[1] != 1) {
        throw coded_error("conv_same_padding_stride", {},
                    "RuntimeError: padding='same' is not supported for strided convolutions");
      }
      const std::int64_t total_h = args.dilation[0] * (kernel_size[0] - 1), total_w = args.dilation[1] * (kernel_size[1] - 1);
      return {total_h / 2, total_h - total_h / 2, total_w / 2, total_w - total_w / 2};
    }
    case PaddingMode::Explicit:
      break;
  }
  return {args.padding[0], args.padding[0], args.padding[1], args.padding[1]};
}

std::array<std::int64_t, 2> conv2d_output_size(std::array<std::int64_t, 2> input_size, std::array<std::int64_t, 2> kernel_size,
                                               const Conv2dArgs& args) {
  const Padding2d p = conv2d_padding(kernel_size, args);
  return {rule(input_size[0], p.top + p.bottom, kernel_size[0], args.stride[0], args.dilation[0]),
          rule(input_size[1], p.left + p.right, kernel_size[1], args.stride[1], args.dilation[1])};
}

Tensor conv2d_with_args(const Tensor& x, const Tensor& weight, const Tensor& bias, const Conv2dArgs& args) {
  GS_CHECK(weight.dim() == 4, "conv2d: weight must be 4-D [out_channels, in_channels, kH, kW], got " + shape_str(weight.shape()));
  const Padding2d p = conv2d_padding({weight.size(2), weight.size(3)}, args);
  if (p.symmetric()) return conv2d(x, weight, bias, args.stride, {p.top, p.left}, args.dilation);
  // NOTE: as PyTorch's _convolution_same: the extra row / column of an odd total goes to the
  // bottom / right as explicit zeros, the rest is the symmetric padding of the op.
  GS_CHECK(x.dim() == 4, "conv2d expects a 4-D input [N, C, H, W] but got shape " + shape_str(x.shape()));
  Tensor padded = x;
  const TensorOptions options{.dtype = x.dtype()};
  if (p.bottom > p.top)
    padded = cat({padded, zeros({x.size(0), x.size(1), p.bottom - p.top, x.size(3)}, options)}, 2);
  if (p.right > p.left)
    padded = cat({padded, zeros({x.size(0), x.size(1), padded.size(2), p.right - p.left}, options)}, 3);
  return conv2d(padded, weight, bias, args.stride, {p.top, p.left}, args.dilation);
}

ConvWindow conv2d_window(const Tensor& input, const Tensor& weight, const Tensor& bias, const Conv2dArgs& args,
                         std::int64_t out_channel, std::int64_t oy, std::int64_t ox) {
  const Image img = image_of(input, "conv2d_window");
  GS_CHECK(weight.dim() == 4 && weight.size(1) == img.c,
           "conv2d_window: weight " + shape_str(weight.shape()) + " does not match an input with " + num(img.c) + " channels");
  const std::int64_t kh = weight.size(2), kw = weight.size(3);
  const Padding2d pad = conv2d_padding({kh, kw}, args);
  check_cell("conv2d_window", out_channel, weight.size(0), oy, ox, conv2d_output_size({img.h, img.w}, {kh, kw}, args));
  const std::vector<double> w = weight.contiguous().to_vector<double>();
  ConvWindow win{.out_channel = out_channel, .oy = oy, .ox = ox};
  win.terms.reserve(static_cast<std::size_t>(img.c * kh * kw));
  for (std::int64_t c = 0; c < img.c; ++c) {
    for (std::int64_t ky = 0; ky < kh; ++ky) {
      for (std::int64_t kx = 0; kx < kw; ++kx) {
        ConvTerm t{.channel = c, .ky = ky, .kx = kx};
        t.iy = oy * args.stride[0] - pad.top + ky * args.dilation[0];
        t.ix = ox * args.stride[1] - pad.left + kx * args.dilation[1];
        t.in_padding = !img.inside(t.iy, t.ix);
        t.input = t.in_padding ? 0.0 : img.at(c, t.iy, t.ix);
        t.weight = w[((out_channel * img.c + c) * kh + ky) * kw + kx];
        t.product = t.input * t.weight;
        win.sum += t.product;
        win.terms.push_back(t);
      }
    }
  }
  if (bias.defined()) win.bias = bias.to_vector<double>().at(static_cast<std::size_t>(out_channel));
  win.output = win.sum + win.bias;
  return win;
}

Tensor pool2d(const Tensor& x, PoolKind kind, const Pool2dArgs& args) {
  return kind == PoolKind::Max ? max_pool2d(x, args.kernel_size, args.stride, args.padding)
                               : avg_pool2d(x, args.kernel_size, args.stride, args.padding);
}

std::array<std::int64_t, 2> pool2d_output_size(std::array<std::int64_t, 2> input_size, const Pool2dArgs& args) {
  const auto s = pool_stride(args);
  return {rule(input_size[0], 2 * args.padding[0], args.kernel_size[0], s[0], 1),
          rule(input_size[1], 2 * args.padding[1], args.kernel_size[1], s[1], 1)};
}

PoolWindow pool2d_window(const Tensor& input, PoolKind kind, const Pool2dArgs& args, std::int64_t channel, std::int64_t oy,
                         std::int64_t ox) {
  const Image img = image_of(input, "pool2d_window");
  check_cell("pool2d_window", channel, img.c, oy, ox, pool2d_output_size({img.h, img.w}, args));
  const auto s = pool_stride(args);
  const double pad_value = kind == PoolKind::Max ? -std::numeric_limits<double>::infinity() : 0.0;
  PoolWindow win{.channel = channel, .oy = oy, .ox = ox};
  win.divisor = static_cast<double>(args.kernel_size[0] * args.kernel_size[1]);
  double best = 0;
  for (std::int64_t ky = 0; ky < args.kernel_size[0]; ++ky) {
    for (std::int64_t kx = 0; kx < args.kernel_size[1]; ++kx) {
      PoolTerm t{.iy = oy * s[0] - args.padding[0] + ky, .ix = ox * s[1] - args.padding[1] + kx};
      t.in_padding = !img.inside(t.iy, t.ix);
      t.input = t.in_padding ? pad_value : img.at(channel, t.iy, t.ix);
      // NOTE: strictly greater, so the first maximum wins (PyTorch's argmax, and the backward's
      // route); padding is −∞ and never wins because padding ≤ kernel_size / 2.
      if (win.winner < 0 || t.input > best) {
        win.winner = static_cast<int>(win.terms.size());
        best = t.input;
      }
      if (!t.in_padding) win.sum += t.input;
      win.terms.push_back(t);
    }
  }
  if (kind == PoolKind::Max) {
    win.output = best;
  } else {
    win.winner = -1;
    win.output = win.sum / win.divisor;
  }
  return win;
}

WindowCheck check_conv2d(std::array<std::int64_t, 2> input_size, std::array<std::int64_t, 2> kernel_size,
                         const Conv2dArgs& args) {
  WindowCheck check;
  for (int i = 0; i < 2; ++i) check.extent[i] = args.dilation[i] * (kernel_size[i] - 1) + 1;
  if (args.padding_mode == PaddingMode::Same && (args.stride[0] != 1 || args.stride[1] != 1)) {
    check.problem = WindowProblem::SameWithStride;
    check.padded = input_size;
    return check;
  }
  const Padding2d p = conv2d_padding(kernel_size, args);
  check.padded = {input_size[0] + p.top + p.bottom, input_size[1] + p.left + p.right};
  check.output = conv2d_output_size(input_size, kernel_size, args);
  if (check.output[0] <= 0 || check.output[1] <= 0) check.problem = WindowProblem::KernelLargerThanInput;
  return check;
}

WindowCheck check_pool2d(std::array<std::int64_t, 2> input_size, const Pool2dArgs& args) {
  WindowCheck check;
  check.extent = args.kernel_size;
  check.padded = {input_size[0] + 2 * args.padding[0], input_size[1] + 2 * args.padding[1]};
  check.output = pool2d_output_size(input_size, args);
  if (args.padding[0] * 2 > args.kernel_size[0] || args.padding[1] * 2 > args.kernel_size[1])
    check.problem = WindowProblem::PoolPaddingOverHalf;
  else if (check.output[0] <= 0 || check.output[1] <= 0)
    check.problem = WindowProblem::KernelLargerThanInput;
  return check;
}

}  // namespace gs
