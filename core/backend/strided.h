#pragma once
/// Strided iteration for CPU kernels: visits every element of a shape in row-major order with the
/// element offsets of N operands, each with its own strides (0 on broadcast dims).
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "util/shape.h"

namespace gs::cpu {

/// Calls row(offsets, n, inner_strides) for every row of shape: n elements along the innermost
/// dimension, starting at offsets[i] into operand i and stepping by inner_strides[i]. Dimensions
/// of size 1 are dropped and neighbours that are contiguous in every operand are merged first
/// (a [N, C, H, W] view whose H and W are dense runs as rows of H·W), so rows are long and kernels
/// can special-case unit and zero inner strides. Rows come in row-major order.
template <std::size_t N, typename Row>
void strided_rows(const Shape& shape, const std::array<const Shape*, N>& strides, std::array<std::int64_t, N> offsets, Row&& row) {
  for (auto s : shape)
    if (s == 0) return;
  // The coalesced geometry lives on the stack (no allocation per call: small tensors run many
  // strided ops per step); only shapes of more than kMax dimensions spill to the heap.
  constexpr std::size_t kMax = 12;
  const std::size_t cap = std::max(shape.size(), kMax);
  std::array<std::int64_t, kMax * (N + 2)> local{};
  std::vector<std::int64_t> heap;
  std::int64_t* buf = local.data();
  if (cap > kMax) {
    heap.assign(cap * (N + 2), 0);
    buf = heap.data();
  }
  std::int64_t* dims = buf;                 // [cap]
  std::int64_t* counter = buf + cap;        // [cap]
  auto st = [&](std::size_t i) { return buf + (2 + i) * cap; };  // operand i's strides [cap]
  // Coalesce: keep dims of size > 1, merging each into the one outside it when contiguous in all.
  std::size_t nd = 0;
  for (std::size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == 1) continue;
    bool merge = nd > 0;
    for (std::size_t i = 0; i < N && merge; ++i) merge = st(i)[nd - 1] == (*strides[i])[d] * shape[d];
    if (merge) {
      dims[nd - 1] *= shape[d];
      for (std::size_t i = 0; i < N; ++i) st(i)[nd - 1] = (*strides[i])[d];
    } else {
      dims[nd] = shape[d];
      for (std::size_t i = 0; i < N; ++i) st(i)[nd] = (*strides[i])[d];
      ++nd;
    }
  }
  std::array<std::int64_t, N> inner_stride{};
  if (nd == 0) {
    row(offsets, std::int64_t(1), inner_stride);
    return;
  }
  const std::int64_t inner = dims[nd - 1];
  for (std::size_t i = 0; i < N; ++i) inner_stride[i] = st(i)[nd - 1];
  while (true) {
    row(offsets, inner, inner_stride);
    std::int64_t d = static_cast<std::int64_t>(nd) - 2;
    for (; d >= 0; --d) {
      ++counter[d];
      for (std::size_t i = 0; i < N; ++i) offsets[i] += st(i)[d];
      if (counter[d] < dims[d]) break;
      for (std::size_t i = 0; i < N; ++i) offsets[i] -= st(i)[d] * dims[d];
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}

/// Calls fn(offsets) for every index of shape; offsets[i] is the element offset into operand i.
/// The innermost (coalesced) dimension runs as a tight loop, so fn is inlined there.
template <std::size_t N, typename Fn>
void strided_loop(const Shape& shape, const std::array<const Shape*, N>& strides,
                  std::array<std::int64_t, N> offsets, Fn&& fn) {
  strided_rows<N>(shape, strides, offsets,
                  [&](std::array<std::int64_t, N> o, std::int64_t n, const std::array<std::int64_t, N>& step) {
                    for (std::int64_t j = 0; j < n; ++j) {
                      fn(o);
                      for (std::size_t i = 0; i < N; ++i) o[i] += step[i];
                    }
                  });
}

}  // namespace gs::cpu
