#pragma once
/// Strided iteration for CPU kernels: visits every element of a shape in row-major order with the
/// element offsets of N operands, each with its own strides (0 on broadcast dims).
#include <array>
#include <cstdint>
#include <vector>

#include "util/shape.h"

namespace gs::cpu {

/// Calls fn(offsets) for every index of shape; offsets[i] is the element offset into operand i.
/// The innermost dimension runs as a tight loop, so fn is inlined there.
template <std::size_t N, typename Fn>
void strided_loop(const Shape& shape, const std::array<const Shape*, N>& strides,
                  std::array<std::int64_t, N> offsets, Fn&& fn) {
  const std::size_t nd = shape.size();
  for (auto s : shape)
    if (s == 0) return;
  if (nd == 0) {
    fn(offsets);
    return;
  }
  const std::int64_t inner = shape[nd - 1];
  std::array<std::int64_t, N> inner_stride;
  for (std::size_t i = 0; i < N; ++i) inner_stride[i] = (*strides[i])[nd - 1];
  std::vector<std::int64_t> counter(nd, 0);
  while (true) {
    auto o = offsets;
    for (std::int64_t j = 0; j < inner; ++j) {
      fn(o);
      for (std::size_t i = 0; i < N; ++i) o[i] += inner_stride[i];
    }
    std::int64_t d = static_cast<std::int64_t>(nd) - 2;
    for (; d >= 0; --d) {
      ++counter[d];
      for (std::size_t i = 0; i < N; ++i) offsets[i] += (*strides[i])[d];
      if (counter[d] < shape[d]) break;
      for (std::size_t i = 0; i < N; ++i) offsets[i] -= (*strides[i])[d] * shape[d];
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}

}  // namespace gs::cpu
