#pragma once
/// Tensors to and from JSON nested lists (the CLI's and the golden files' format).
#include <nlohmann/json.hpp>
#include <string>

#include "tensor/tensor.h"

namespace gs::io {

/// Nested lists of numbers in row-major order; a 0-d tensor is a bare number.
nlohmann::json to_json(const Tensor& t);
/// Parses nested lists of numbers (rectangular) into a tensor of dtype. `field` names the value in
/// errors: "input: row 2 has 3 values but row 0 has 4".
Tensor tensor_from_json(const nlohmann::json& value, Dtype dtype, const std::string& field);

}  // namespace gs::io
