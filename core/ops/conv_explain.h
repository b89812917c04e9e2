#pragma once
/// A convolution or pooling explained one output cell at a time: which input values the window
/// covers, what each is multiplied by, and how they add up to the cell. The CNN lab's convolution
/// page animates these; its whole output map still comes from gs::conv2d / max_pool2d /
/// avg_pool2d (the tests check that the explanation and the op agree, cell by cell).
///
/// Also PyTorch's string paddings ('valid', 'same') on top of gs::conv2d's numeric padding, and
/// the output-size rule ⌊(H + 2P − D·(K−1) − 1)/S⌋ + 1 as a function, so the page shows it
/// without computing it itself.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace gs {

/// F.conv2d's padding argument: numbers (`padding=1`), or the strings 'valid' (no padding) and
/// 'same' (the output keeps the input's size; stride 1 only).
enum class PaddingMode { Explicit, Valid, Same };

/// The geometry arguments of F.conv2d (groups=1).
struct Conv2dArgs {
  std::array<std::int64_t, 2> stride{1, 1};    ///< default 1
  std::array<std::int64_t, 2> padding{0, 0};   ///< zeros on each side; used when padding_mode is Explicit
  std::array<std::int64_t, 2> dilation{1, 1};  ///< default 1 (gaps of dilation − 1 between kernel taps)
  PaddingMode padding_mode = PaddingMode::Explicit;
};

/// Padding on each side after resolving 'valid' / 'same'.
struct Padding2d {
  std::int64_t top = 0, bottom = 0, left = 0, right = 0;
  bool symmetric() const { return top == bottom && left == right; }
};

/// The padding F.conv2d applies. 'same' pads dilation·(kernel − 1) in total per axis, the smaller
/// half before and the larger after (PyTorch's split: an even kernel pads one more at the
/// bottom/right). Throws PyTorch's error for 'same' with a stride other than 1.
Padding2d conv2d_padding(std::array<std::int64_t, 2> kernel_size, const Conv2dArgs& args);

/// ⌊(H + P_before + P_after − D·(K − 1) − 1) / S⌋ + 1 per axis; ≤ 0 means the kernel does not fit
/// (the input is [H, W], the kernel [kh, kw]). Throws like conv2d_padding.
std::array<std::int64_t, 2> conv2d_output_size(std::array<std::int64_t, 2> input_size, std::array<std::int64_t, 2> kernel_size,
                                               const Conv2dArgs& args);

/// F.conv2d(x, weight, bias, stride, padding, dilation) with padding as numbers, 'valid' or
/// 'same'. Computed by gs::conv2d; an asymmetric 'same' pads the input's bottom/right first, as
/// PyTorch does. x [N, C, H, W], weight [O, C, kh, kw], bias [O] or undefined. (Named apart from
/// gs::conv2d so that a braced stride `{1, 1}` never reads as a Conv2dArgs.)
Tensor conv2d_with_args(const Tensor& x, const Tensor& weight, const Tensor& bias, const Conv2dArgs& args);

/// One tap of the kernel on the input: input[channel, iy, ix] · weight[out_channel, channel, ky, kx].
struct ConvTerm {
  std::int64_t channel = 0, ky = 0, kx = 0;
  std::int64_t iy = 0, ix = 0;  ///< in the unpadded input (negative or ≥ H / W inside the padding)
  bool in_padding = false;      ///< the tap reads a padded zero
  double input = 0, weight = 0, product = 0;
};

/// Output cell [out_channel, oy, ox] of a convolution, term by term.
struct ConvWindow {
  std::int64_t out_channel = 0, oy = 0, ox = 0;
  std::vector<ConvTerm> terms;  ///< in weight order: channel, then ky, then kx
  double sum = 0;               ///< Σ products
  double bias = 0;              ///< 0 without a bias
  double output = 0;            ///< sum + bias
};

/// The window behind output[out_channel, oy, ox] of conv2d(input, weight, bias, args), for one
/// unbatched image input [C, H, W]. Throws for a cell outside the output.
ConvWindow conv2d_window(const Tensor& input, const Tensor& weight, const Tensor& bias, const Conv2dArgs& args,
                         std::int64_t out_channel, std::int64_t oy, std::int64_t ox);

/// Max or average pooling.
enum class PoolKind { Max, Avg };

/// The arguments of F.max_pool2d / F.avg_pool2d (ceil_mode=False, count_include_pad=True).
struct Pool2dArgs {
  std::array<std::int64_t, 2> kernel_size{2, 2};
  std::array<std::int64_t, 2> stride{0, 0};   ///< {0, 0}: kernel_size (PyTorch's default)
  std::array<std::int64_t, 2> padding{0, 0};  ///< at most kernel_size / 2; −∞ for max, 0 for avg
};

/// max_pool2d or avg_pool2d of x [N, C, H, W], computed by core's ops.
Tensor pool2d(const Tensor& x, PoolKind kind, const Pool2dArgs& args);

/// The output size of pooling an [H, W] input (≤ 0: the window does not fit).
std::array<std::int64_t, 2> pool2d_output_size(std::array<std::int64_t, 2> input_size, const Pool2dArgs& args);

/// One input value a pooling window covers.
struct PoolTerm {
  std::int64_t iy = 0, ix = 0;  ///< in the unpadded input
  bool in_padding = false;
  double input = 0;  ///< −∞ for max pooling's padding, 0 for average pooling's
};

/// Output cell [channel, oy, ox] of a pooling, value by value.
struct PoolWindow {
  std::int64_t channel = 0, oy = 0, ox = 0;
  std::vector<PoolTerm> terms;  ///< row by row
  int winner = -1;              ///< max: the index of the first maximum (the one PyTorch's argmax returns)
  double sum = 0;               ///< avg: Σ inputs (padding counts as 0)
  double divisor = 1;           ///< avg: kh·kw (count_include_pad=True)
  double output = 0;
};

/// The window behind output[channel, oy, ox] of pool2d(input, kind, args) for an unbatched
/// input [C, H, W]. Throws for a cell outside the output.
PoolWindow pool2d_window(const Tensor& input, PoolKind kind, const Pool2dArgs& args, std::int64_t channel, std::int64_t oy,
                         std::int64_t ox);

/// Why a setting has no output, as a code and the numbers to explain it with, so that the UI
/// can word it in the learner's language (gs::conv2d's exception carries PyTorch's own message).
enum class WindowProblem {
  None,
  KernelLargerThanInput,  ///< the (dilated) kernel is larger than the padded input
  SameWithStride,         ///< padding='same' needs stride 1
  PoolPaddingOverHalf,    ///< pooling padding > kernel_size / 2
};

struct WindowCheck {
  WindowProblem problem = WindowProblem::None;
  std::array<std::int64_t, 2> padded{0, 0};  ///< the padded input's size
  std::array<std::int64_t, 2> extent{0, 0};  ///< the kernel's extent D·(K − 1) + 1
  std::array<std::int64_t, 2> output{0, 0};  ///< the output size the rule gives (may be ≤ 0)
};

/// The same checks conv2d makes (and conv2d_padding for 'same'), as a code. Never throws.
WindowCheck check_conv2d(std::array<std::int64_t, 2> input_size, std::array<std::int64_t, 2> kernel_size,
                         const Conv2dArgs& args);
/// The same checks max_pool2d / avg_pool2d make, as a code. Never throws.
WindowCheck check_pool2d(std::array<std::int64_t, 2> input_size, const Pool2dArgs& args);

}  // namespace gs
