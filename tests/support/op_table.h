#pragma once
// The ops of tests/golden/generate_golden.py, by the same names and with the same fixed
// arguments, so golden values and finite-difference checks run the same code.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace gs::testing {

using OpFn = std::function<Tensor(const std::vector<Tensor>&)>;
const std::map<std::string, OpFn>& op_table();

}  // namespace gs::testing
