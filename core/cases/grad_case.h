#pragma once
/// `gradscope-cli grad CASE.json`: one forward and backward pass of a model spec with given
/// parameters, input and target, reported as JSON (what the golden tests compare with PyTorch).
#include <nlohmann/json.hpp>

namespace gs::cases {

/// Reads {"dtype", "mode", "model", "params", "input", "target", "loss"} and returns
/// {"output", "loss", "grads": {name: ...}, "input_grad", "buffers": {name: ...}}.
/// Throws gs::Error naming the field on malformed input; nothing is printed.
nlohmann::json run_grad_case(const nlohmann::json& grad_case);

}  // namespace gs::cases
