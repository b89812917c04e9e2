#pragma once
/// The shared shape of ops that apply one kernel elementwise and differentiate with its
/// derivative kernel (exp, log, the activations). Internal to core/ops.
#include <string>
#include <vector>

#include "backend/backend.h"

namespace gs {

/// out = op(x) recorded as `name`; backward uses the saved input (or result if save_result).
/// Integer inputs are converted to float32 first, as PyTorch does for these ops.
Tensor unary_op(UnaryOp op, const char* name, const Tensor& x, UnaryArgs args, bool save_result,
                std::vector<std::string> attributes);

}  // namespace gs
