#pragma once
// Reading tests/golden/ops.json: each case's inputs as tensors of a chosen float dtype.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tensor/tensor.h"

namespace gs::testing {

/// Path of a file under tests/golden (GRADSCOPE_GOLDEN_DIR is set by CMake).
std::string golden_path(const std::string& name);
nlohmann::json load_json(const std::string& path);
/// The case's inputs; float inputs in `dtype`, requires_grad as recorded.
std::vector<Tensor> case_inputs(const nlohmann::json& c, Dtype dtype);
/// The rows of a data-driven test over the cases: columns "index" and "dtype", one row per case
/// and float dtype ("add float64", "add float32", ...). Call from a test's _data() slot.
void add_case_rows(const nlohmann::json& cases);
/// Largest |a − b| / (atol + rtol·|b|) over the elements; <= 1 means within tolerance.
/// The tolerances every golden op case is held to: {atol, rtol}, float64 or float32.
inline std::pair<double, double> golden_tolerance(Dtype dtype) {
  return dtype == kFloat64 ? std::pair{1e-10, 1e-8} : std::pair{2e-5, 2e-4};
}
double tolerance_ratio(const std::vector<double>& actual, const std::vector<double>& expected, double atol, double rtol);

}  // namespace gs::testing
