#pragma once
// The private side of gs::eval: the helpers that turn Python values into engine arguments, and
// Interpreter::Impl, whose members are defined in interpreter.cpp (statements, expressions,
// arithmetic, indexing), calls.cpp (built-ins and torch functions) and tensor_methods.cpp.
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "eval/interpreter.h"
#include "eval/syntax.h"
#include "tensor/random.h"

namespace gs::eval {
namespace detail {

/// A TypeError saying the coded sentence `code` with `args`, and Python's own message after
/// "TypeError: " (when given).
EvalError coded_type_error(const std::string& code, std::vector<std::string> args, const std::string& torch = "");
/// Python's exception type for an engine error, from the PyTorch message it carries.
std::string python_type(const gs::Error& e);
/// The teaching part of an engine message (without the "(PyTorch: ...)" suffix).
std::string teaching_part(const gs::Error& e);
/// "(3,)" / "(2, 3)": a shape as Python writes a tuple.
std::string shape_text(const Shape& s);
/// A float as Python's repr writes it ("0.1", "1.0", "1e-05", "inf").
std::string python_float(double v);
/// bool, int or float (a bool counts as an int, as in Python).
bool is_number(const Value& v);
double number(const Value& v);
/// number(v) for a value that goes into a tensor: the engine's creation paths carry values as
/// doubles, so an integer beyond 2^53, which a double cannot hold exactly, is refused by name.
/// `what` (where the value goes) is program text (torch.tensor) or a coded word (word_eval_…).
double exact_number(const Value& v, const std::string& what);
inline bool is_sequence(const Value& v) { return v.kind == Value::Kind::Tuple || v.kind == Value::Kind::List; }

/// A callable: "torch" (the module), "torch.cat", a built-in ("len"), or a method bound to `self`.
Value function_value(std::string name, std::shared_ptr<Value> self = nullptr);
Value dtype_value(Dtype d);
/// The names x.NAME and torch.NAME resolve to (anything else is "not supported here").
const std::vector<std::string>& tensor_methods();
const std::vector<std::string>& torch_functions();

/// The most elements one tensor of a program may have: the lab draws small tensors, and a
/// mistyped size (torch.arange(10**10)) must not exhaust the memory of a classroom's laptop.
constexpr std::int64_t kMaxElements = 1'000'000;
/// Refuses more than kMaxElements elements. `what` is program text (torch.arange) or a coded word
/// (word_eval_the_result), quoted by `code`: eval_too_many_elements ("%1 would have …"), or
/// eval_too_many_elements_result / _from, whose %1 is an operator or a function's name.
void check_elements(double n, const std::string& what, const std::string& code = "eval_too_many_elements");
/// PyTorch's refusal of an in-place write whose source overlaps the destination in part (x[1:] +=
/// x[:-1], a.copy_(a.t())): the result would depend on the order of the writes. Two dense views
/// of one storage overlap in part when their memory ranges meet but are not the same view.
void check_no_partial_overlap(const Tensor& written, const Tensor& read);
/// check_elements for a tensor that exists already (a view can claim sizes no memory backs:
/// torch.zeros(0, 10**18) is empty, yet its drawing or JSON would walk 10^18 rows). `what` is
/// program text or a coded word (word_eval_the_result).
void check_tensor(const Tensor& t, const std::string& what);
/// The arguments of one call, with Python's binding of positional and keyword arguments.
class Args {
 public:
  Args(std::string fn, std::vector<Value> pos, std::vector<std::pair<std::string, Value>> kw)
      : fn_(std::move(fn)), pos_(std::move(pos)), kw_(std::move(kw)) {}
  const std::string& fn() const { return fn_; }
  std::size_t positional() const { return pos_.size(); }
  const std::vector<Value>& all_positional() const { return pos_; }
  /// Argument `i` (positional) or `name` (keyword); null when absent.
  const Value* get(std::size_t i, const std::string& name) {
    used_.insert(name);
    if (i < pos_.size()) {
      for (const auto& [k, v] : kw_)
        if (k == name) throw coded_type_error("eval_multiple_values", {fn_, name});
      max_pos_ = std::max(max_pos_, i + 1);
      return &pos_[i];
    }
    for (const auto& [k, v] : kw_)
      if (k == name) return &v;
    return nullptr;
  }
  const Value* keyword(const std::string& name) {
    used_.insert(name);
    for (const auto& [k, v] : kw_)
      if (k == name) return &v;
    return nullptr;
  }
  const Value& need(std::size_t i, const std::string& name) {
    const Value* v = get(i, name);
    if (!v) throw coded_type_error("eval_missing_argument", {fn_, name},
                                   fn_ + "() missing 1 required positional arguments: \"" + name + "\"");
    return *v;
  }
  /// Throws for arguments nothing consumed.
  void done(std::size_t positional_used) const {
    const std::size_t used = std::max(positional_used, max_pos_);
    if (pos_.size() > used)
      throw coded_type_error("eval_too_many_positional", {fn_, std::to_string(used), std::to_string(pos_.size())});
    for (const auto& [k, v] : kw_)
      if (!used_.count(k))
        throw coded_type_error("eval_unexpected_keyword", {fn_, k}, fn_ + "() got an unexpected keyword argument '" + k + "'");
  }
  void done() const { done(0); }

 private:
  std::string fn_;
  std::vector<Value> pos_;
  std::vector<std::pair<std::string, Value>> kw_;
  std::set<std::string> used_;
  std::size_t max_pos_ = 0;
};

/// `what` (the argument's name, or a coded word such as word_eval_slice_start) is quoted by the
/// TypeError when v is not an integer; so for to_bool, to_dtype, sizes_of and dims_of.
std::int64_t to_int(const Value& v, const std::string& what);
bool to_bool(const Value& v, const std::string& what);
Dtype to_dtype(const Value& v, const std::string& what);
/// Sizes given as varargs (`view(2, 3)`) or as one sequence (`view((2, 3))`, `view(x.shape)`).
Shape sizes_of(const Args& args, std::size_t from, const std::string& what);
/// A dim argument that may be an int or a tuple of ints.
Shape dims_of(const Value& v, const std::string& what);
Value tensor_to_list(const Tensor& t);
/// Nested Python lists of numbers → NestedValues (rejecting bools and tensors inside).
NestedValues nested_of(const Value& v, bool& any_float);
}  // namespace detail

using detail::Args;

class Interpreter::Impl {
 public:
  explicit Impl(Interpreter& owner) : owner_(owner) {}

  Generator generator{0};
  std::vector<Event>* events = nullptr;
  std::vector<std::string>* printed = nullptr;
  std::vector<std::pair<std::string, Value>> pending;  ///< bindings made by the running statement

  // -------------------------------------------------------------- statements
  void execute(const Stmt& st, Outcome& out);
  void assign(const Expr& target, const Value& value, Outcome& out);

  // -------------------------------------------------------------- names
  Value lookup(const std::string& name) const;
  void bind(const std::string& name, const Value& v) { pending.emplace_back(name, v); }

  static std::string root_name(const Expr& e);
  /// For `x.add_(1)` / `x[0].zero_()`: the variable an in-place method call changes.
  static std::string inplace_root(const Expr& e);
  bool changed_in_place() const;

  // -------------------------------------------------------------- events
  void record(Event::Kind kind, std::string op, std::vector<Tensor> operands, Tensor result, std::int64_t dim = 0);
  /// A shape op's result: a View when it shares the operand's storage, a Copy otherwise.
  Value shaped(const std::string& op, const Tensor& in, Tensor out);

  // -------------------------------------------------------------- expressions
  /// Evaluates e; every tensor it yields is within the lab's bounds (check_tensor).
  Value eval(const Expr& e);
  Value eval_unchecked(const Expr& e);
  Value attribute(const Value& base, const std::string& name);
  static Value size_value(const Tensor& t);

  // -------------------------------------------------------------- arithmetic
  /// A Python scalar as a 0-d tensor, typed the way PyTorch types it against `like`: an int takes
  /// the tensor's dtype, a float makes an int64 tensor float32 (the default dtype).
  static Tensor scalar_for(const Value& v, const Tensor& like);
  Tensor as_tensor(const Value& v, const Tensor& like, const std::string& op);
  Value binary(const std::string& op, const Value& a, const Value& b);
  static Value number_binary(const std::string& op, const Value& a, const Value& b);
  Tensor tensor_binary(const std::string& op, const Tensor& x, const Tensor& y);
  /// x ** y with PyTorch's dtypes: int64 ** int64 stays int64 (computed exactly in float64).
  static Tensor power(const Tensor& x, const Tensor& y);
  /// mm / bmm / matmul / @. PyTorch multiplies int64 matrices too; the engine's kernels are
  /// floating-point, so integers go through float64 (exact for the sizes a learner types).
  Tensor matmul(const std::string& op, const std::string& kind, const Tensor& a, const Tensor& b);
  /// self op= v in place, refusing what PyTorch refuses (a float result into an int64 tensor).
  void inplace_binary(Tensor& self, const std::string& op, const Value& v, const std::string& spelled);

  // -------------------------------------------------------------- indexing
  /// Translates a subscript into engine indices, expanding `...`; `advanced` is set when an
  /// integer list (or tensor) takes part.
  void indices(const Expr& sub, const Tensor& t, std::vector<TensorIndex>& out, bool& advanced);
  /// x[ix] = value. Basic indexing writes through the view; with an index list the positions
  /// are found by indexing a tensor of positions the same way, then written one by one.
  void set_item(Tensor& x, const std::vector<TensorIndex>& ix, const Value& value);
  /// `value` as it broadcasts to `target`'s shape (throws PyTorch's error when it does not);
  /// x[i] = v also drops v's leading 1s first (as PyTorch's setitem does), copy_ does not.
  static Tensor broadcastable(const Tensor& value, const Tensor& target, bool strip_leading_ones);
  /// A Python number about to be written into a tensor of `dtype` (an int64 one refuses what
  /// does not fit, as PyTorch does).
  static double scalar_into(const Value& v, Dtype dtype);

  // -------------------------------------------------------------- calls
  Value call(const Value& fn, Args args);
  Value builtin(const std::string& name, Args& args);
  static Tensor abs_tensor(const Tensor& t);
  Tensor tensor_arg(Args& args, std::size_t i, const std::string& name);
  std::optional<TensorOptions> dtype_option(Args& args);
  Value torch_function(const std::string& name, Args& args);
  static void check_sizes(const Shape& size, const std::string& fn);
  static double elements_of(const Shape& shape);
  Value method(const Value& self_v, const std::string& name, Args& args);

 private:
  Interpreter& owner_;
};

}  // namespace gs::eval
