#include "io/json_tensor.h"

#include <cmath>
#include <functional>

#include "util/error.h"

namespace gs::io {

nlohmann::json to_json(const Tensor& t) {
  const std::vector<double> v = t.to_vector<double>();
  std::size_t pos = 0;
  const bool integral = t.dtype() == kInt64;
  std::function<nlohmann::json(std::size_t)> rec = [&](std::size_t d) -> nlohmann::json {
    if (d == t.shape().size()) {
      const double x = v[pos++];
      if (integral) return static_cast<std::int64_t>(x);
      if (!std::isfinite(x)) return std::isnan(x) ? nlohmann::json("nan") : nlohmann::json(x > 0 ? "inf" : "-inf");
      return x;
    }
    nlohmann::json arr = nlohmann::json::array();
    for (std::int64_t i = 0; i < t.shape()[d]; ++i) arr.push_back(rec(d + 1));
    return arr;
  };
  return rec(0);
}

namespace {

/// A tensor has at most this many dims here (PyTorch allows 64; a value nested deeper is a
/// hostile or broken file, refused before the recursion below can exhaust the stack).
constexpr std::size_t kMaxDims = 16;

/// Whether `value` nests arrays deeper than `max_depth`, walked without recursion (the first
/// element of each array: a regular nested list is as deep as its first path).
bool deeper_than(const nlohmann::json& value, std::size_t max_depth) {
  const nlohmann::json* j = &value;
  for (std::size_t depth = 0; j->is_array(); ++depth) {
    if (depth >= max_depth) return true;
    if (j->empty()) return false;
    j = &(*j)[0];
  }
  return false;
}

}  // namespace

Tensor tensor_from_json(const nlohmann::json& value, Dtype dtype, const std::string& field) {
  if (deeper_than(value, kMaxDims))
    throw Error(field + ": nested more than " + std::to_string(kMaxDims) + " lists deep (a tensor here has at most " +
                std::to_string(kMaxDims) + " dims)");
  std::vector<double> flat;
  Shape shape;
  std::function<void(const nlohmann::json&, std::size_t, const std::string&)> rec =
      [&](const nlohmann::json& j, std::size_t depth, const std::string& where) {
        if (j.is_number()) {
          if (depth != shape.size() && !(depth == 0 && shape.empty()))
            throw Error(field + where + ": expected a list here (the value is ragged), got a number");
          if (depth < shape.size()) throw Error(field + where + ": expected a list, got a number");
          flat.push_back(j.get<double>());
          return;
        }
        if (!j.is_array()) throw Error(field + where + ": expected a number or a list of numbers, got " + std::string(j.type_name()));
        if (depth == shape.size()) {
          if (!flat.empty()) throw Error(field + where + ": expected a number here (the value is ragged), got a list");
          shape.push_back(static_cast<std::int64_t>(j.size()));
        } else if (depth > shape.size() || shape[depth] != static_cast<std::int64_t>(j.size())) {
          throw Error(field + where + ": has " + std::to_string(j.size()) + " values but the first list at this depth has " +
                      std::to_string(depth < shape.size() ? shape[depth] : 0) + "; every row must have the same length");
        }
        // A later element may nest deeper than the first: the shape's length bounds the recursion.
        if (depth + 1 > kMaxDims) throw Error(field + where + ": nested more than " + std::to_string(kMaxDims) + " lists deep");
        for (std::size_t i = 0; i < j.size(); ++i) rec(j[i], depth + 1, where + "[" + std::to_string(i) + "]");
      };
  rec(value, 0, "");
  if (static_cast<std::int64_t>(flat.size()) != numel_of(shape))
    throw Error(field + ": nested lists are ragged (" + std::to_string(flat.size()) + " numbers for shape " + shape_str(shape) + ")");
  if (dtype == kInt64) {
    for (double x : flat)
      if (std::floor(x) != x) throw Error(field + ": expected integers (class indices), got " + std::to_string(x));
  }
  return from_vector(flat, shape, {.dtype = dtype});
}

}  // namespace gs::io
