#pragma once
/// Shapes and their arithmetic: broadcasting, dim wrapping, printing as PyTorch does.
#include <cstdint>
#include <string>
#include <vector>

namespace gs {

using Shape = std::vector<std::int64_t>;

/// "[2, 3]" (PyTorch prints torch.Size([2, 3])).
std::string shape_str(const Shape& shape);
/// Product of the sizes (1 for a 0-d shape).
std::int64_t numel_of(const Shape& shape);
/// Row-major strides for a contiguous tensor of this shape.
Shape contiguous_strides(const Shape& shape);
/// Wraps a possibly negative dim into [0, ndim); throws PyTorch's IndexError text otherwise.
std::int64_t wrap_dim(std::int64_t dim, std::int64_t ndim);
/// The broadcast of two shapes (aligned from the right, sizes equal or 1); throws naming both.
Shape broadcast_shapes(const Shape& a, const Shape& b);

/// PyTorch's output size of a convolution or pooling window along one axis:
/// ⌊(in + pad_total − dilation·(kernel − 1) − 1) / stride⌋ + 1, rounded toward −∞ (C++'s
/// division rounds toward 0, which would give 1 where PyTorch gives 0 for a window larger than
/// its padded input). ≤ 0 means the window does not fit: callers refuse it, as PyTorch does.
inline std::int64_t window_output_size(std::int64_t in, std::int64_t kernel, std::int64_t stride, std::int64_t pad_total, std::int64_t dilation) {
  const std::int64_t n = in + pad_total - dilation * (kernel - 1) - 1;
  return (n >= 0 ? n / stride : -((-n + stride - 1) / stride)) + 1;
}

}  // namespace gs
