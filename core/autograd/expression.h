#pragma once
/// Small Python-like programs for the Autograd lab, evaluated with core ops so the graph they
/// build is the real autograd graph:
///     h = tanh(w1*x + b1)
///     y = sigmoid(w2*h + b2)
///     loss = (y - t)**2
/// Statements `name = expr` on separate lines (or separated by ';'). Operators + - * / ** and
/// unary −, parentheses, numbers; functions sigmoid tanh relu exp log sqrt abs sum mean
/// softmax; methods .sum() .mean() .sigmoid() .tanh() .relu() .exp() .log(). A name used before
/// it is assigned is a leaf whose value the caller provides.
#include <map>
#include <string>
#include <vector>

#include "autograd/node.h"
#include "tensor/tensor.h"

namespace gs::expr {

/// The leaves a program needs (names used before being assigned), in order of first use.
/// Throws a syntax error naming line and column.
std::vector<std::string> free_variables(const std::string& source);

struct Evaluation {
  Tensor output;              ///< the last assigned variable
  std::string output_name;
  std::vector<std::pair<std::string, Tensor>> variables;  ///< assigned variables, in order
  std::map<const Node*, Tensor> node_values;              ///< the forward value each node produced
  std::map<const Node*, std::string> node_labels;         ///< variable name of a node's output, if any
};

/// Evaluates the program with the given leaves (every free variable must be given).
Evaluation evaluate(const std::string& source, const std::map<std::string, Tensor>& leaves);

}  // namespace gs::expr
