#pragma once
/// gs::eval: a small interpreter for the subset of Python + PyTorch that the course's tensor
/// pages use (`x = torch.arange(12).view(3, 4)`, `y = x.t()`, `x[:, 1] += 1`, `a @ b`, ...).
/// It runs on the engine, so every value, stride and error is the engine's; syntax outside the
/// subset is refused with "not supported here", naming the construct, never given a wrong
/// meaning. The Tensors lab and `gradscope-cli eval` run programs through it.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "tensor/tensor.h"

namespace gs::eval {

struct Value;
using ValueList = std::vector<Value>;

/// A Python value the subset knows: None, bool, int, float, str, a dtype (`torch.float32`),
/// a tuple/list (also torch.Size and stride tuples), `...`, or a tensor.
struct Value {
  enum class Kind { None, Bool, Int, Float, Str, Dtype, Tuple, List, Ellipsis, Slice, Tensor, Function };
  Kind kind = Kind::None;
  bool b = false;
  std::int64_t i = 0;
  double f = 0;
  std::string s;          ///< Str; for Function the qualified name ("torch.cat", "x.view")
  gs::Dtype dtype = gs::kFloat32;
  std::shared_ptr<ValueList> items;  ///< Tuple / List elements
  bool is_size = false;   ///< a Tuple that is a torch.Size (prints as torch.Size([...]))
  gs::Slice slice;        ///< Slice (only inside subscripts)
  gs::Tensor tensor;
  std::shared_ptr<Value> self;  ///< Function: the bound object of a method

  static Value none() { return {}; }
  static Value boolean(bool v) { Value x; x.kind = Kind::Bool; x.b = v; return x; }
  static Value integer(std::int64_t v) { Value x; x.kind = Kind::Int; x.i = v; return x; }
  static Value real(double v) { Value x; x.kind = Kind::Float; x.f = v; return x; }
  static Value str(std::string v) { Value x; x.kind = Kind::Str; x.s = std::move(v); return x; }
  static Value of(gs::Tensor t) { Value x; x.kind = Kind::Tensor; x.tensor = std::move(t); return x; }
  static Value tuple(ValueList v, bool is_size = false);
  static Value list(ValueList v);

  bool is_tensor() const { return kind == Kind::Tensor; }
  /// Python's repr-like text: "tensor([[0, 1], [2, 3]])", "torch.Size([2, 2])", "3.5", "True".
  std::string repr() const;
  /// The type name Python would report ("Tensor", "int", "float", "tuple", ...).
  std::string type_name() const;
};

/// One statement of a program with where it is in the source (1-based lines, inclusive).
struct Statement {
  std::string text;
  int first_line = 0;
  int last_line = 0;
};

/// An operation the lab draws: which tensors went in, what came out, along which dimension.
struct Event {
  enum class Kind {
    Broadcast,  ///< an elementwise op whose operands have different shapes (a Python number is a 0-d operand)
    Cat,
    Stack,
    Matmul,     ///< mm, bmm, matmul and @
    InPlace,    ///< an in-place change (add_, x += 1, x[i] = v): `result` is the changed tensor
    View,       ///< a result sharing its operand's storage (view, t, permute, indexing, ...)
    Copy,       ///< a result with new storage made from an operand (reshape that copied, contiguous, clone)
  };
  Kind kind = Kind::View;
  std::string op;                    ///< the Python spelling: "torch.cat", "view", "@", "+", "+=", "[]"
  std::vector<gs::Tensor> operands;  ///< operands in order (Broadcast: a Python number as a 0-d tensor; otherwise numbers are left out)
  gs::Tensor result;
  std::int64_t dim = 0;              ///< Cat / Stack: the dimension (wrapped, non-negative)
};

/// How one statement ended.
struct Outcome {
  bool ok = true;
  /// The value of an expression statement, or of the assigned value for an assignment; None for
  /// `import torch`.
  Value value;
  /// Names bound by this statement (`x = ...`, `a, b = ...`), or the name changed by an in-place
  /// statement (`x += 1`, `x[0] = 5`, `x.add_(1)`).
  std::vector<std::string> assigned;
  bool is_expression = false;  ///< the statement was a bare expression (its value is "the result")
  // On an error:
  std::string error_type;      ///< "RuntimeError", "IndexError", "TypeError", "NameError", "SyntaxError", "NotSupported"
  std::string message;         ///< the teaching sentence
  std::string torch_message;   ///< what PyTorch itself says ("RuntimeError: view size is ..."), when known
  std::string code;               ///< the teaching sentence's code (core/util/error_codes.h), "" when it has none
  std::vector<std::string> args;  ///< and the values it quotes
  std::vector<Event> events;   ///< what the statement did, in order
  std::vector<std::string> printed;  ///< lines written by print(...)
  /// "RuntimeError: ..." as Python would print it (falls back to the teaching sentence).
  std::string error_text() const;
};

/// Splits a program into statements (newlines and `;`, a statement continuing over lines inside
/// brackets; `#` comments and blank lines dropped). Throws gs::Error for an unclosed bracket or
/// string, naming the line.
std::vector<Statement> split_statements(const std::string& program);

/// Runs statements one at a time against a set of variables.
class Interpreter {
 public:
  Interpreter();
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  /// Runs one statement. On an error nothing the statement would have bound is bound (in-place
  /// changes made before the error inside the statement remain, as in Python).
  Outcome run(const Statement& statement);
  /// Runs a whole program, stopping at the first error; the outcome of the last statement run.
  /// `outcomes`, when given, receives every statement's outcome.
  Outcome run_program(const std::string& program, std::vector<Outcome>* outcomes = nullptr);
  /// Forgets all variables.
  void reset();

  /// The variables in the order they were first bound.
  const std::vector<std::pair<std::string, Value>>& variables() const { return variables_; }
  const Value* variable(const std::string& name) const;
  /// Names of tensor variables whose storage `t` shares (in binding order), `t`'s own name included.
  std::vector<std::string> names_sharing_storage(const gs::Tensor& t) const;

 private:
  /// All variables together may hold this much tensor memory.
  static constexpr std::int64_t kMaxBytes = 400'000'000;
  void check_memory(const std::vector<std::pair<std::string, Value>>& pending) const;
  class Impl;
  friend class Impl;
  std::vector<std::pair<std::string, Value>> variables_;
  std::unique_ptr<Impl> impl_;
};

/// The JSON `gradscope-cli eval` prints for a value: for a tensor {"shape", "stride",
/// "storage_offset", "dtype", "values", "is_contiguous", "shares_storage_with"}; a number,
/// bool or null as itself; a tuple/list/torch.Size as a list; a dtype as "torch.float32".
nlohmann::json to_json(const Value& value, const Interpreter& interpreter);

/// A tensor's values as nested JSON lists (ints for int64, numbers for floating dtypes; inf and
/// nan, which JSON cannot write, as the strings "inf", "-inf", "nan").
nlohmann::json values_json(const gs::Tensor& t);

}  // namespace gs::eval
