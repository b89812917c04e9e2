#pragma once
// The Autograd lab's example programs, and the leaf values the learner types: "0.5" is a scalar,
// "1, 2, 3" a vector (as torch.tensor(0.5) and torch.tensor([1, 2, 3])).
#include <QString>
#include <optional>
#include <tuple>
#include <vector>

#include "tensor/tensor.h"

namespace gsui {

struct AutogradExample {
  const char* title;  ///< translated in the AutogradLab context
  const char* source;
  std::vector<std::tuple<const char*, const char*, bool>> leaves;  ///< name, value, requires_grad
};

/// The examples offered in the lab's combo box, in order (the last two are mistakes on purpose).
const std::vector<AutogradExample>& autogradExamples();

/// "0.5" → scalar, "1, 2, 3" → vector (float64, at most 16 values); nullopt with `error` naming
/// the bad value.
std::optional<gs::Tensor> parseLeafValue(const QString& name, const QString& text, QString& error);

/// The leaf value as a Python literal for torch.tensor(): "0.5", or "[1, 2, 3]" for a list.
QString leafValueAsPython(const QString& text);

}  // namespace gsui
