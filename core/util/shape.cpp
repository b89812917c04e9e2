#include "util/shape.h"

#include <algorithm>

#include "util/error_codes.h"

namespace gs {

std::string shape_str(const Shape& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + "]";
}

std::int64_t numel_of(const Shape& shape) {
  std::int64_t n = 1;
  for (auto s : shape) n *= s;
  return n;
}

Shape contiguous_strides(const Shape& shape) {
  Shape strides(shape.size());
  std::int64_t stride = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    strides[i] = stride;
    stride *= std::max<std::int64_t>(shape[i], 1);
  }
  return strides;
}

std::int64_t wrap_dim(std::int64_t dim, std::int64_t ndim) {
  const std::int64_t rank = std::max<std::int64_t>(ndim, 1);
  if (dim < -rank || dim >= rank) {
    const std::string range = "[" + std::to_string(-rank) + ", " + std::to_string(rank - 1) + "]";
    throw coded_error("dim_out_of_range", {std::to_string(dim), std::to_string(ndim), range},
                "IndexError: Dimension out of range (expected to be in range of " + range +
                    ", but got " + std::to_string(dim) + ")");
  }
  return dim < 0 ? dim + rank : dim;
}

Shape broadcast_shapes(const Shape& a, const Shape& b) {
  const std::size_t n = std::max(a.size(), b.size());
  Shape out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t sa = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const std::int64_t sb = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (sa != sb && sa != 1 && sb != 1) {
      throw coded_error("broadcast_mismatch",
                        {shape_str(a), shape_str(b), std::to_string(i), std::to_string(sa), std::to_string(sb)},
                  "RuntimeError: The size of tensor a (" + std::to_string(sa) +
                      ") must match the size of tensor b (" + std::to_string(sb) +
                      ") at non-singleton dimension " + std::to_string(i));
    }
    out[i] = sa == 1 ? sb : sa;
  }
  return out;
}

}  // namespace gs
