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

Tensor tensor_from_json(const nlohmann::json& value, Dtype dtype, const std::string& field) {
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
