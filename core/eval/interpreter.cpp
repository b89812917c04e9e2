// The gs::eval interpreter: evaluates parsed statements on the engine. Every value, stride and
// error comes from gs::Tensor; this file only maps Python's spelling onto it (arguments, Python
// scalars and their type promotion, indexing, in-place assignment) and records what happened.
#include "eval/interpreter.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "autograd/grad_mode.h"
#include "eval/syntax.h"
#include "tensor/random.h"
#include "util/error.h"

namespace gs::eval {

Value Value::tuple(ValueList v, bool size) {
  Value x;
  x.kind = Kind::Tuple;
  x.items = std::make_shared<ValueList>(std::move(v));
  x.is_size = size;
  return x;
}
Value Value::list(ValueList v) {
  Value x;
  x.kind = Kind::List;
  x.items = std::make_shared<ValueList>(std::move(v));
  return x;
}

std::string Outcome::error_text() const {
  if (ok) return "";
  if (!torch_message.empty()) return torch_message;
  if (error_type == "NotSupported") return message;
  return error_type + ": " + message;
}

namespace {

// ---------------------------------------------------------------- errors
EvalError type_error(const std::string& message, const std::string& torch = "") {
  return {"TypeError", message, torch.empty() ? "" : "TypeError: " + torch};
}

/// Python's exception type for an engine error, from the PyTorch message it carries.
std::string python_type(const gs::Error& e) {
  const std::string& t = e.torch_message();
  for (const char* type : {"IndexError", "RuntimeError", "TypeError", "ValueError"}) {
    if (t.rfind(type, 0) == 0) return type;
  }
  const std::string m = e.what();
  if (m.find("too many indices") != std::string::npos || m.find("out of range") != std::string::npos)
    return "IndexError";
  return "RuntimeError";
}

/// The teaching part of an engine message (without the "(PyTorch: ...)" suffix).
std::string teaching_part(const gs::Error& e) {
  std::string m = e.what();
  const std::size_t p = m.find("\n(PyTorch: ");
  return p == std::string::npos ? m : m.substr(0, p);
}

std::string shape_text(const Shape& s) {
  std::string out = "(";
  for (std::size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
  if (s.size() == 1) out += ",";
  return out + ")";
}

std::string python_float(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  // Python writes 1e-05 / 1e+16 the same way %g does.
  return s;
}

// ---------------------------------------------------------------- value helpers
bool is_number(const Value& v) {
  return v.kind == Value::Kind::Int || v.kind == Value::Kind::Float || v.kind == Value::Kind::Bool;
}
double number(const Value& v) {
  return v.kind == Value::Kind::Float ? v.f : v.kind == Value::Kind::Int ? static_cast<double>(v.i) : (v.b ? 1 : 0);
}
bool is_sequence(const Value& v) { return v.kind == Value::Kind::Tuple || v.kind == Value::Kind::List; }

Value function_value(std::string name, std::shared_ptr<Value> self = nullptr) {
  Value v;
  v.kind = Value::Kind::Function;
  v.s = std::move(name);
  v.self = std::move(self);
  return v;
}
Value dtype_value(Dtype d) {
  Value v;
  v.kind = Value::Kind::Dtype;
  v.dtype = d;
  return v;
}

const std::vector<std::string>& tensor_methods() {
  static const std::vector<std::string> kMethods = {
      "view", "reshape", "permute", "transpose", "t", "squeeze", "unsqueeze", "flatten", "expand", "expand_as",
      "view_as", "reshape_as", "contiguous", "clone", "sum", "mean", "argmax", "argmin", "max", "min", "float",
      "double", "long", "int", "half", "bool", "to", "item", "tolist", "size", "stride", "is_contiguous", "numel",
      "dim", "storage_offset", "add_", "sub_", "mul_", "div_", "zero_", "fill_", "copy_", "add", "sub", "mul",
      "div", "pow", "matmul", "mm", "bmm", "exp", "log", "sqrt", "abs", "neg", "relu", "sigmoid", "tanh",
      "detach", "numpy", "cuda", "cpu", "type", "data_ptr"};
  return kMethods;
}
const std::vector<std::string>& torch_functions() {
  static const std::vector<std::string> kFunctions = {
      "tensor", "arange", "zeros", "ones", "full", "eye", "linspace", "zeros_like", "ones_like", "full_like",
      "rand", "randn", "randint", "manual_seed", "cat", "concat", "stack", "mm", "bmm", "matmul", "exp", "log",
      "sqrt", "abs", "neg", "relu", "sigmoid", "tanh", "sum", "mean", "argmax", "argmin", "max", "min",
      "reshape", "flatten", "squeeze", "unsqueeze", "transpose", "permute", "t", "add", "sub", "mul", "div",
      "pow", "clone", "numel", "is_tensor"};
  return kFunctions;
}

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
        if (k == name) throw type_error(fn_ + "() got multiple values for argument '" + name + "'");
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
    if (!v) throw type_error(fn_ + "() is missing the argument '" + name + "'",
                             fn_ + "() missing 1 required positional arguments: \"" + name + "\"");
    return *v;
  }
  /// Throws for arguments nothing consumed.
  void done(std::size_t positional_used) const {
    const std::size_t used = std::max(positional_used, max_pos_);
    if (pos_.size() > used)
      throw type_error(fn_ + "() takes " + std::to_string(used) + " positional argument(s) but " +
                       std::to_string(pos_.size()) + " were given");
    for (const auto& [k, v] : kw_)
      if (!used_.count(k))
        throw type_error(fn_ + "() got an unexpected keyword argument '" + k + "'",
                         fn_ + "() got an unexpected keyword argument '" + k + "'");
  }
  void done() const { done(0); }

 private:
  std::string fn_;
  std::vector<Value> pos_;
  std::vector<std::pair<std::string, Value>> kw_;
  std::set<std::string> used_;
  std::size_t max_pos_ = 0;
};

std::int64_t to_int(const Value& v, const std::string& what) {
  if (v.kind == Value::Kind::Int) return v.i;
  if (v.kind == Value::Kind::Bool) return v.b ? 1 : 0;
  if (v.is_tensor() && v.tensor.numel() == 1 && v.tensor.dtype() == kInt64) return static_cast<std::int64_t>(v.tensor.item());
  throw type_error(what + " must be an integer, but got " + v.repr() + " (" + v.type_name() + ")",
                   what + " must be int, not " + v.type_name());
}
bool to_bool(const Value& v, const std::string& what) {
  if (v.kind == Value::Kind::Bool) return v.b;
  if (v.kind == Value::Kind::Int) return v.i != 0;
  throw type_error(what + " must be True or False, but got " + v.repr());
}
Dtype to_dtype(const Value& v, const std::string& what) {
  if (v.kind == Value::Kind::Dtype) return v.dtype;
  throw type_error(what + " must be a dtype such as torch.float32, but got " + v.repr());
}

/// Sizes given as varargs (`view(2, 3)`) or as one sequence (`view((2, 3))`, `view(x.shape)`).
Shape sizes_of(const Args& args, std::size_t from, const std::string& what) {
  const auto& pos = args.all_positional();
  Shape out;
  if (pos.size() == from + 1 && is_sequence(pos[from])) {
    for (const Value& v : *pos[from].items) out.push_back(to_int(v, what));
    return out;
  }
  for (std::size_t i = from; i < pos.size(); ++i) {
    if (!(pos[i].kind == Value::Kind::Int || pos[i].kind == Value::Kind::Bool ||
          (pos[i].is_tensor() && pos[i].tensor.numel() == 1 && pos[i].tensor.dtype() == kInt64)))
      throw type_error(args.fn() + "(): " + what + " must be a tuple of ints, but found element of type " +
                           pos[i].type_name() + " at pos " + std::to_string(i - from),
                       args.fn() + "(): argument '" + what + "' must be tuple of ints, but found element of type " +
                           pos[i].type_name() + " at pos " + std::to_string(i - from));
    out.push_back(to_int(pos[i], what));
  }
  return out;
}

/// A dim argument that may be an int or a tuple of ints.
Shape dims_of(const Value& v, const std::string& what) {
  if (is_sequence(v)) {
    Shape out;
    for (const Value& x : *v.items) out.push_back(to_int(x, what));
    return out;
  }
  return {to_int(v, what)};
}

Value tensor_to_list(const Tensor& t) {
  const std::vector<double> values = t.to_vector<double>();
  const bool ints = t.dtype() == kInt64;
  std::size_t k = 0;
  std::function<Value(std::size_t)> build = [&](std::size_t d) -> Value {
    if (d == t.shape().size()) {
      const double x = values[k++];
      return ints ? Value::integer(static_cast<std::int64_t>(x)) : Value::real(x);
    }
    ValueList items;
    for (std::int64_t i = 0; i < t.shape()[d]; ++i) items.push_back(build(d + 1));
    return Value::list(std::move(items));
  };
  return build(0);
}

/// Nested Python lists of numbers → NestedValues (rejecting bools and tensors inside).
NestedValues nested_of(const Value& v, bool& any_float) {
  if (v.kind == Value::Kind::Int) return NestedValues(v.i);
  if (v.kind == Value::Kind::Float) {
    any_float = true;
    return NestedValues(v.f);
  }
  if (v.kind == Value::Kind::Bool) throw not_supported("bool tensors (torch.tensor of True/False)", "Use 1 and 0.");
  if (is_sequence(v)) {
    std::vector<NestedValues> children;
    const bool lists = !v.items->empty() && is_sequence(v.items->front());
    for (const Value& x : *v.items) {
      if (is_sequence(x) != lists)
        throw type_error("torch.tensor() needs every element of a level to be a list, or every one a number, but this "
                         "level mixes them: " + v.repr(),
                         "'list' object cannot be interpreted as an integer");
      children.push_back(nested_of(x, any_float));
    }
    return NestedValues(std::move(children));
  }
  if (v.is_tensor()) throw not_supported("torch.tensor of a list of tensors", "Use torch.stack to join tensors.");
  throw type_error("torch.tensor() needs numbers or (nested) lists of numbers, but got " + v.type_name(),
                   "new(): invalid data type '" + v.type_name() + "'");
}

}  // namespace

// ---------------------------------------------------------------- Value text
std::string Value::type_name() const {
  switch (kind) {
    case Kind::None: return "NoneType";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::Str: return "str";
    case Kind::Dtype: return "torch.dtype";
    case Kind::Tuple: return is_size ? "torch.Size" : "tuple";
    case Kind::List: return "list";
    case Kind::Ellipsis: return "ellipsis";
    case Kind::Slice: return "slice";
    case Kind::Tensor: return "Tensor";
    case Kind::Function: return self ? "method" : (s == "torch" ? "module" : "builtin_function_or_method");
  }
  return "object";
}

std::string Value::repr() const {
  switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return b ? "True" : "False";
    case Kind::Int: return std::to_string(i);
    case Kind::Float: return python_float(f);
    case Kind::Str: return "'" + s + "'";
    case Kind::Dtype: return gs::to_string(dtype);
    case Kind::Tuple:
    case Kind::List: {
      std::string out;
      for (std::size_t k = 0; k < items->size(); ++k) out += (k ? ", " : "") + (*items)[k].repr();
      if (kind == Kind::List) return "[" + out + "]";
      if (is_size) return "torch.Size([" + out + "])";
      return "(" + out + (items->size() == 1 ? ",)" : ")");
    }
    case Kind::Ellipsis: return "Ellipsis";
    case Kind::Slice: return "slice(...)";
    case Kind::Tensor: return tensor.to_string();
    case Kind::Function: return s == "torch" && !self ? "<module 'torch'>" : "<built-in method " + s + ">";
  }
  return "?";
}

nlohmann::json values_json(const Tensor& t) {
  const std::vector<double> values = t.to_vector<double>();
  const bool ints = t.dtype() == kInt64;
  std::size_t k = 0;
  std::function<nlohmann::json(std::size_t)> build = [&](std::size_t d) -> nlohmann::json {
    if (d == t.shape().size()) {
      const double x = values[k++];
      if (ints) return nlohmann::json(static_cast<std::int64_t>(x));
      // JSON has no inf or nan: they are written as the strings Python prints.
      if (std::isnan(x)) return nlohmann::json("nan");
      if (std::isinf(x)) return nlohmann::json(x > 0 ? "inf" : "-inf");
      return nlohmann::json(x);
    }
    nlohmann::json a = nlohmann::json::array();
    for (std::int64_t i = 0; i < t.shape()[d]; ++i) a.push_back(build(d + 1));
    return a;
  };
  return build(0);
}

nlohmann::json to_json(const Value& v, const Interpreter& in) {
  switch (v.kind) {
    case Value::Kind::None: return nullptr;
    case Value::Kind::Bool: return v.b;
    case Value::Kind::Int: return v.i;
    case Value::Kind::Float:
      if (!std::isfinite(v.f)) return python_float(v.f);
      return v.f;
    case Value::Kind::Str: return v.s;
    case Value::Kind::Dtype: return gs::to_string(v.dtype);
    case Value::Kind::Tuple:
    case Value::Kind::List: {
      nlohmann::json a = nlohmann::json::array();
      for (const Value& x : *v.items) a.push_back(to_json(x, in));
      return a;
    }
    case Value::Kind::Tensor: {
      const Tensor& t = v.tensor;
      return {{"shape", t.shape()},
              {"stride", t.strides()},
              {"storage_offset", t.storage_offset()},
              {"dtype", gs::to_string(t.dtype())},
              {"values", values_json(t)},
              {"is_contiguous", t.is_contiguous()},
              {"shares_storage_with", in.names_sharing_storage(t)}};
    }
    default: return v.repr();
  }
}

// ---------------------------------------------------------------- the interpreter
class Interpreter::Impl {
 public:
  explicit Impl(Interpreter& owner) : owner_(owner) {}

  Generator generator{0};
  std::vector<Event>* events = nullptr;
  std::vector<std::string>* printed = nullptr;
  std::vector<std::pair<std::string, Value>> pending;  ///< bindings made by the running statement

  // -------------------------------------------------------------- statements
  void execute(const Stmt& st, Outcome& out) {
    switch (st.kind) {
      case Stmt::Kind::Pass:
        return;
      case Stmt::Kind::Import:
        return;
      case Stmt::Kind::Expression: {
        out.is_expression = true;
        out.value = eval(*st.value);
        if (const std::string root = inplace_root(*st.value); !root.empty() && changed_in_place())
          out.assigned.push_back(root);
        return;
      }
      case Stmt::Kind::Assign: {
        Value value = eval(*st.value);
        if (st.targets.size() == 1 && !(st.targets[0]->kind == Expr::Kind::Tuple)) {
          assign(*st.targets[0], value, out);
        } else {
          if (!is_sequence(value) && !value.is_tensor())
            throw type_error("cannot unpack " + value.type_name() + " into " + std::to_string(st.targets.size()) + " names",
                             "cannot unpack non-iterable " + value.type_name() + " object");
          std::vector<Value> parts;
          if (value.is_tensor()) {
            if (value.tensor.dim() == 0) throw type_error("a 0-d tensor cannot be unpacked", "iteration over a 0-d tensor");
            for (std::int64_t i = 0; i < value.tensor.size(0); ++i) parts.push_back(Value::of(value.tensor.select(0, i)));
          } else {
            parts = *value.items;
          }
          if (parts.size() != st.targets.size())
            throw EvalError{"ValueError",
                            "there are " + std::to_string(parts.size()) + " values to unpack into " +
                                std::to_string(st.targets.size()) + " names",
                            parts.size() > st.targets.size()
                                ? "ValueError: too many values to unpack (expected " + std::to_string(st.targets.size()) + ")"
                                : "ValueError: not enough values to unpack (expected " + std::to_string(st.targets.size()) +
                                      ", got " + std::to_string(parts.size()) + ")"};
          for (std::size_t k = 0; k < parts.size(); ++k) assign(*st.targets[k], parts[k], out);
        }
        out.value = value;
        return;
      }
      case Stmt::Kind::AugAssign: {
        const Expr& target = *st.targets[0];
        Value rhs = eval(*st.value);
        if (target.kind == Expr::Kind::Name) {
          Value current = lookup(target.text);
          if (current.is_tensor()) {
            inplace_binary(current.tensor, st.op, rhs, st.op + "=");
            out.assigned.push_back(target.text);
            out.value = current;
          } else {
            Value updated = binary(st.op, current, rhs);
            bind(target.text, updated);
            out.assigned.push_back(target.text);
            out.value = updated;
          }
        } else {  // x[i] op= v: read the item, change it in place, write it back (as Python does)
          Value base = eval(*target.a);
          if (!base.is_tensor()) throw not_supported("item assignment on a " + base.type_name());
          std::vector<TensorIndex> ix;
          bool advanced = false;
          indices(target, base.tensor, ix, advanced);
          Tensor item = base.tensor.index(ix);
          inplace_binary(item, st.op, rhs, st.op + "=");
          if (advanced) set_item(base.tensor, ix, Value::of(item));
          if (const std::string root = root_name(target); !root.empty()) out.assigned.push_back(root);
          out.value = base;
        }
        return;
      }
    }
  }

  void assign(const Expr& target, const Value& value, Outcome& out) {
    if (target.kind == Expr::Kind::Name) {
      if (target.text == "torch") throw not_supported("rebinding the name torch");
      pending.emplace_back(target.text, value);
      out.assigned.push_back(target.text);
      return;
    }
    // x[i] = v
    Value base = eval(*target.a);
    if (!base.is_tensor()) throw not_supported("item assignment on a " + base.type_name());
    std::vector<TensorIndex> ix;
    bool advanced = false;
    indices(target, base.tensor, ix, advanced);
    set_item(base.tensor, ix, value);
    if (const std::string root = root_name(target); !root.empty()) out.assigned.push_back(root);
  }

  // -------------------------------------------------------------- names
  Value lookup(const std::string& name) const {
    for (auto it = pending.rbegin(); it != pending.rend(); ++it)
      if (it->first == name) return it->second;
    if (const Value* v = owner_.variable(name)) return *v;
    if (name == "torch") return function_value("torch");
    static const std::vector<std::string> kBuiltins = {"print", "len", "int", "float", "bool", "list", "tuple",
                                                       "abs", "round", "range", "min", "max", "sum", "type"};
    if (std::find(kBuiltins.begin(), kBuiltins.end(), name) != kBuiltins.end()) return function_value(name);
    if (name == "np" || name == "numpy") throw not_supported("NumPy (" + name + ")", "Use torch functions.");
    if (name == "nn" || name == "F") throw not_supported("torch.nn (" + name + ")", "This lab is about tensors.");
    throw EvalError{"NameError", name + " is not defined: assign it first (" + name + " = ...).",
                    "NameError: name '" + name + "' is not defined"};
  }
  void bind(const std::string& name, const Value& v) { pending.emplace_back(name, v); }

  static std::string root_name(const Expr& e) {
    const Expr* p = &e;
    while (p && (p->kind == Expr::Kind::Subscript || p->kind == Expr::Kind::Attribute || p->kind == Expr::Kind::Call))
      p = p->a.get();
    return p && p->kind == Expr::Kind::Name ? p->text : "";
  }
  /// For `x.add_(1)` / `x[0].zero_()`: the variable an in-place method call changes.
  static std::string inplace_root(const Expr& e) {
    if (e.kind != Expr::Kind::Call || !e.a || e.a->kind != Expr::Kind::Attribute) return "";
    const std::string& m = e.a->text;
    if (m.empty() || m.back() != '_') return "";
    return root_name(*e.a->a);
  }
  bool changed_in_place() const {
    return events && std::any_of(events->begin(), events->end(), [](const Event& e) { return e.kind == Event::Kind::InPlace; });
  }

  // -------------------------------------------------------------- events
  void record(Event::Kind kind, std::string op, std::vector<Tensor> operands, Tensor result, std::int64_t dim = 0) {
    if (!events) return;
    Event e;
    e.kind = kind;
    e.op = std::move(op);
    e.operands = std::move(operands);
    e.result = std::move(result);
    e.dim = dim;
    events->push_back(std::move(e));
  }
  /// A shape op's result: a View when it shares the operand's storage, a Copy otherwise.
  Value shaped(const std::string& op, const Tensor& in, Tensor out) {
    record(out.shares_storage_with(in) ? Event::Kind::View : Event::Kind::Copy, op, {in}, out);
    return Value::of(std::move(out));
  }

  // -------------------------------------------------------------- expressions
  Value eval(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::Name: return lookup(e.text);
      case Expr::Kind::Int: return Value::integer(e.integer);
      case Expr::Kind::Float: return Value::real(e.real);
      case Expr::Kind::Str: return Value::str(e.text);
      case Expr::Kind::True: return Value::boolean(true);
      case Expr::Kind::False: return Value::boolean(false);
      case Expr::Kind::None: return Value::none();
      case Expr::Kind::Ellipsis: {
        Value v;
        v.kind = Value::Kind::Ellipsis;
        return v;
      }
      case Expr::Kind::List:
      case Expr::Kind::Tuple: {
        ValueList items;
        for (const ExprPtr& x : e.items) items.push_back(eval(*x));
        return e.kind == Expr::Kind::List ? Value::list(std::move(items)) : Value::tuple(std::move(items));
      }
      case Expr::Kind::Attribute: return attribute(eval(*e.a), e.text);
      case Expr::Kind::Call: {
        Value fn = eval(*e.a);
        std::vector<Value> pos;
        for (const ExprPtr& x : e.items) pos.push_back(eval(*x));
        std::vector<std::pair<std::string, Value>> kw;
        for (const auto& [k, x] : e.kwargs) kw.emplace_back(k, eval(*x));
        return call(fn, Args(fn.s, std::move(pos), std::move(kw)));
      }
      case Expr::Kind::Subscript: {
        Value base = eval(*e.a);
        if (base.is_tensor()) {
          std::vector<TensorIndex> ix;
          bool advanced = false;
          indices(e, base.tensor, ix, advanced);
          Tensor out = base.tensor.index(ix);
          return shaped("[]", base.tensor, out);
        }
        if (is_sequence(base)) {
          if (e.items.size() != 1 || e.items[0]->kind == Expr::Kind::Slice)
            throw not_supported("slicing a " + base.type_name(), "Index one element, e.g. x.shape[0].");
          const std::int64_t n = static_cast<std::int64_t>(base.items->size());
          std::int64_t i = to_int(eval(*e.items[0]), base.type_name() + " index");
          if (i < -n || i >= n)
            throw EvalError{"IndexError", "index " + std::to_string(i) + " is out of range for a " + base.type_name() +
                                              " of length " + std::to_string(n),
                            "IndexError: " + std::string(base.kind == Value::Kind::List ? "list" : "tuple") +
                                " index out of range"};
          return (*base.items)[i < 0 ? i + n : i];
        }
        throw type_error("'" + base.type_name() + "' object is not subscriptable",
                         "'" + base.type_name() + "' object is not subscriptable");
      }
      case Expr::Kind::Slice:
        throw EvalError{"SyntaxError", "a slice (a:b) can only appear inside [...]", "SyntaxError: invalid syntax"};
      case Expr::Kind::Binary: return binary(e.text, eval(*e.a), eval(*e.b));
      case Expr::Kind::Unary: {
        Value v = eval(*e.a);
        if (e.text == "+") {
          if (!v.is_tensor() && !is_number(v)) throw type_error("bad operand type for unary +: '" + v.type_name() + "'");
          return v;
        }
        if (v.is_tensor()) return Value::of(-v.tensor);
        if (v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool) return Value::integer(-static_cast<std::int64_t>(number(v)));
        if (v.kind == Value::Kind::Float) return Value::real(-v.f);
        throw type_error("bad operand type for unary -: '" + v.type_name() + "'",
                         "bad operand type for unary -: '" + v.type_name() + "'");
      }
    }
    throw not_supported("this expression");
  }

  Value attribute(const Value& base, const std::string& name) {
    if (base.kind == Value::Kind::Function && base.s == "torch" && !base.self) {
      static const std::vector<std::pair<std::string, Dtype>> kDtypes = {
          {"float32", kFloat32}, {"float", kFloat32}, {"float64", kFloat64}, {"double", kFloat64},
          {"int64", kInt64},     {"long", kInt64}};
      for (const auto& [n, d] : kDtypes)
        if (n == name) return dtype_value(d);
      static const std::vector<std::string> kOtherDtypes = {"int32", "int", "int16", "int8", "uint8", "bool",
                                                           "float16", "half", "bfloat16", "complex64", "complex128"};
      if (std::find(kOtherDtypes.begin(), kOtherDtypes.end(), name) != kOtherDtypes.end())
        throw not_supported("torch." + name, "The engine has torch.float32, torch.float64 and torch.int64.");
      if (std::find(torch_functions().begin(), torch_functions().end(), name) != torch_functions().end())
        return function_value("torch." + name);
      throw not_supported("torch." + name);
    }
    if (base.is_tensor()) {
      const Tensor& t = base.tensor;
      if (name == "shape") return size_value(t);
      if (name == "T") {
        if (t.dim() > 2) throw not_supported("x.T on a tensor with more than 2 dims", "Use permute().");
        return shaped(".T", t, t.t());
      }
      if (name == "mT") return shaped(".mT", t, t.transpose(-2, -1));
      if (name == "dtype") return dtype_value(t.dtype());
      if (name == "ndim") return Value::integer(t.dim());
      if (name == "is_leaf") return Value::boolean(t.is_leaf());
      if (name == "requires_grad") return Value::boolean(t.requires_grad());
      if (name == "data") return Value::of(t.detach());
      if (std::find(tensor_methods().begin(), tensor_methods().end(), name) != tensor_methods().end())
        return function_value(name, std::make_shared<Value>(base));
      throw not_supported("Tensor." + name);
    }
    if (base.kind == Value::Kind::Dtype && name == "is_floating_point")
      return Value::boolean(is_floating_point(base.dtype));
    if (base.kind == Value::Kind::Function && base.s == "torch.Size") throw not_supported("torch.Size." + name);
    throw EvalError{"AttributeError", "a " + base.type_name() + " has no attribute " + name,
                    "AttributeError: '" + base.type_name() + "' object has no attribute '" + name + "'"};
  }

  static Value size_value(const Tensor& t) {
    ValueList items;
    for (std::int64_t s : t.shape()) items.push_back(Value::integer(s));
    return Value::tuple(std::move(items), /*is_size=*/true);
  }

  // -------------------------------------------------------------- arithmetic
  /// A Python scalar as a 0-d tensor, typed the way PyTorch types it against `like`: an int takes
  /// the tensor's dtype, a float makes an int64 tensor float32 (the default dtype).
  static Tensor scalar_for(const Value& v, const Tensor& like) {
    Dtype d = like.dtype();
    if (v.kind == Value::Kind::Float && d == kInt64) d = kFloat32;
    return scalar_tensor(number(v), {.dtype = d, .device = like.device()});
  }
  Tensor as_tensor(const Value& v, const Tensor& like, const std::string& op) {
    if (v.is_tensor()) return v.tensor;
    if (is_number(v)) return scalar_for(v, like);
    throw type_error("unsupported operand type(s) for " + op + ": 'Tensor' and '" + v.type_name() + "'",
                     "unsupported operand type(s) for " + op + ": 'Tensor' and '" + v.type_name() + "'");
  }

  Value binary(const std::string& op, const Value& a, const Value& b) {
    if (a.is_tensor() || b.is_tensor()) {
      const Tensor& like = a.is_tensor() ? a.tensor : b.tensor;
      const Tensor x = as_tensor(a, like, op), y = as_tensor(b, like, op);
      return Value::of(tensor_binary(op, x, y, a.is_tensor() && b.is_tensor()));
    }
    if (is_number(a) && is_number(b)) return number_binary(op, a, b);
    if (op == "+" && a.kind == b.kind && (is_sequence(a) || a.kind == Value::Kind::Str)) {
      if (a.kind == Value::Kind::Str) return Value::str(a.s + b.s);
      ValueList items = *a.items;
      items.insert(items.end(), b.items->begin(), b.items->end());
      return a.kind == Value::Kind::List ? Value::list(std::move(items)) : Value::tuple(std::move(items), a.is_size);
    }
    throw type_error("unsupported operand type(s) for " + op + ": '" + a.type_name() + "' and '" + b.type_name() + "'",
                     "unsupported operand type(s) for " + op + ": '" + a.type_name() + "' and '" + b.type_name() + "'");
  }

  static Value number_binary(const std::string& op, const Value& a, const Value& b) {
    const bool ints = a.kind != Value::Kind::Float && b.kind != Value::Kind::Float;
    const double x = number(a), y = number(b);
    auto zero = [&] {
      return EvalError{"ZeroDivisionError", "division by zero", "ZeroDivisionError: division by zero"};
    };
    if (op == "+") return ints ? Value::integer(static_cast<std::int64_t>(x + y)) : Value::real(x + y);
    if (op == "-") return ints ? Value::integer(static_cast<std::int64_t>(x - y)) : Value::real(x - y);
    if (op == "*") return ints ? Value::integer(static_cast<std::int64_t>(x * y)) : Value::real(x * y);
    if (op == "/") {
      if (y == 0) throw zero();
      return Value::real(x / y);
    }
    if (op == "//" || op == "%") {
      if (y == 0) throw zero();
      const double q = std::floor(x / y);
      if (op == "//") return ints ? Value::integer(static_cast<std::int64_t>(q)) : Value::real(q);
      const double r = x - q * y;
      return ints ? Value::integer(static_cast<std::int64_t>(r)) : Value::real(r);
    }
    if (op == "**") {
      if (ints && y >= 0) return Value::integer(static_cast<std::int64_t>(std::llround(std::pow(x, y))));
      return Value::real(std::pow(x, y));
    }
    if (op == "@") throw type_error("unsupported operand type(s) for @: numbers");
    throw not_supported("the operator " + op);
  }

  Tensor tensor_binary(const std::string& op, const Tensor& x, const Tensor& y, bool both_tensors) {
    if (op == "@") return matmul("@", "matmul", x, y);
    if (op == "//" || op == "%") throw not_supported("the operator " + op + " on tensors");
    const bool broadcast = both_tensors && x.shape() != y.shape();
    if (broadcast) record(Event::Kind::Broadcast, op, {x, y}, Tensor());
    Tensor out;
    if (op == "+") out = x + y;
    else if (op == "-") out = x - y;
    else if (op == "*") out = x * y;
    else if (op == "/") out = x / y;
    else if (op == "**") out = power(x, y);
    else throw not_supported("the operator " + op);
    if (broadcast) events->back().result = out;
    return out;
  }

  /// x ** y with PyTorch's dtypes: int64 ** int64 stays int64 (computed exactly in float64).
  static Tensor power(const Tensor& x, const Tensor& y) {
    if (x.dtype() == kInt64 && y.dtype() == kInt64) {
      if (y.dim() == 0 && y.item() < 0)
        throw EvalError{"RuntimeError", "an integer tensor cannot be raised to a negative integer power",
                        "RuntimeError: Integers to negative integer powers are not allowed."};
      return x.to(kFloat64).pow(y.to(kFloat64)).to(kInt64);
    }
    if (y.dim() == 0 && x.dim() != 0 && (is_floating_point(x.dtype()) || !is_floating_point(y.dtype()))) {
      const Dtype d = x.dtype() == kInt64 ? kFloat32 : x.dtype();
      return x.to(d).pow(y.item());
    }
    return x.pow(y);
  }

  /// mm / bmm / matmul / @. PyTorch multiplies int64 matrices too; the engine's kernels are
  /// floating-point, so integers go through float64 (exact for the sizes a learner types).
  Tensor matmul(const std::string& op, const std::string& kind, const Tensor& a, const Tensor& b) {
    record(Event::Kind::Matmul, op, {a, b}, Tensor());
    if (a.dtype() != b.dtype()) {
      auto name = [](Dtype d) { return d == kInt64 ? std::string("Long") : d == kFloat32 ? "Float" : "Double"; };
      throw EvalError{"RuntimeError",
                      op + " needs both operands to have the same dtype, but they are " + gs::to_string(a.dtype()) +
                          " and " + gs::to_string(b.dtype()) + ": convert one with .to(...).",
                      "RuntimeError: expected scalar type " + name(a.dtype()) + " but found " + name(b.dtype())};
    }
    const bool ints = a.dtype() == kInt64;
    const Tensor x = ints ? a.to(kFloat64) : a, y = ints ? b.to(kFloat64) : b;
    Tensor out = kind == "mm" ? x.mm(y) : kind == "bmm" ? x.bmm(y) : x.matmul(y);
    if (ints) out = out.to(kInt64);
    events->back().result = out;
    return out;
  }

  /// self op= v in place, refusing what PyTorch refuses (a float result into an int64 tensor).
  void inplace_binary(Tensor& self, const std::string& op, const Value& v, const std::string& spelled) {
    const Tensor other = as_tensor(v, self, op);
    Dtype result = promote_types(self.dtype(), other.dtype());
    if (other.dim() == 0 && self.dim() != 0 && (is_floating_point(self.dtype()) || !is_floating_point(other.dtype())))
      result = self.dtype();
    if (op == "/" && result == kInt64) result = kFloat32;
    if (result != self.dtype() && !(is_floating_point(self.dtype()) && is_floating_point(result)))
      throw EvalError{"RuntimeError",
                      spelled + " would put " + gs::to_string(result) + " results into the " + gs::to_string(self.dtype()) +
                          " tensor in place; an in-place op cannot change a tensor's dtype. Write x = x " + op +
                          " ... (a new tensor) or convert x first with .float().",
                      "RuntimeError: result type " + std::string(result == kFloat64 ? "Double" : "Float") +
                          " can't be cast to the desired output type Long"};
    if (op == "@") throw not_supported("in-place matrix product (@=)", "Write x = x @ y.");
    Tensor updated;
    if (op == "+") updated = self + other;
    else if (op == "-") updated = self - other;
    else if (op == "*") updated = self * other;
    else if (op == "/") updated = self / other;
    else if (op == "**") updated = power(self, other);
    else throw not_supported("the operator " + op + "= on tensors");
    if (updated.shape() != self.shape())
      throw EvalError{"RuntimeError",
                      spelled + " cannot change the shape of the tensor it updates in place: the result would be " +
                          shape_text(updated.shape()) + ", but the tensor is " + shape_text(self.shape()) + ".",
                      "RuntimeError: output with shape " + shape_str(self.shape()) +
                          " doesn't match the broadcast shape " + shape_str(updated.shape())};
    self.copy_(updated);
    record(Event::Kind::InPlace, spelled, v.is_tensor() ? std::vector<Tensor>{v.tensor} : std::vector<Tensor>{}, self);
  }

  // -------------------------------------------------------------- indexing
  /// Translates a subscript into engine indices, expanding `...`; `advanced` is set when an
  /// integer list (or tensor) takes part.
  void indices(const Expr& sub, const Tensor& t, std::vector<TensorIndex>& out, bool& advanced) {
    std::vector<Value> items;
    for (const ExprPtr& x : sub.items) {
      if (x->kind == Expr::Kind::Slice) {
        Value s;
        s.kind = Value::Kind::Slice;
        const Value start = x->items[0] ? eval(*x->items[0]) : Value::none();
        const Value stop = x->items[1] ? eval(*x->items[1]) : Value::none();
        const Value step = x->items[2] ? eval(*x->items[2]) : Value::none();
        if (start.kind != Value::Kind::None) s.slice.start = to_int(start, "a slice start");
        if (stop.kind != Value::Kind::None) s.slice.stop = to_int(stop, "a slice stop");
        if (step.kind != Value::Kind::None) s.slice.step = to_int(step, "a slice step");
        if (s.slice.step <= 0)
          throw EvalError{"ValueError",
                          "a slice step must be positive, got " + std::to_string(s.slice.step) +
                              " (PyTorch has no negative steps; use torch.flip)",
                          s.slice.step == 0 ? "ValueError: slice step cannot be zero"
                                            : "ValueError: step must be greater than zero"};
        items.push_back(s);
      } else {
        Value v = eval(*x);
        if (v.kind == Value::Kind::Tuple && sub.items.size() == 1) {
          for (const Value& inner : *v.items) items.push_back(inner);
        } else {
          items.push_back(v);
        }
      }
    }
    int ellipses = 0, consuming = 0;
    for (const Value& v : items) {
      if (v.kind == Value::Kind::Ellipsis) ++ellipses;
      else if (v.kind != Value::Kind::None) ++consuming;
    }
    if (ellipses > 1)
      throw EvalError{"IndexError", "an index can contain ... only once", "IndexError: an index can only have a single ellipsis ('...')"};
    if (consuming > t.dim())
      throw EvalError{"IndexError",
                      "too many indices: the tensor has " + std::to_string(t.dim()) + " dimension(s) but the index names " +
                          std::to_string(consuming),
                      "IndexError: too many indices for tensor of dimension " + std::to_string(t.dim())};
    for (const Value& v : items) {
      switch (v.kind) {
        case Value::Kind::Int: out.emplace_back(v.i); break;
        case Value::Kind::Bool: throw not_supported("indexing with True/False");
        case Value::Kind::Slice: out.emplace_back(v.slice); break;
        case Value::Kind::None: out.emplace_back(gs::None); break;
        case Value::Kind::Ellipsis:
          for (int k = 0; k < t.dim() - consuming; ++k) out.emplace_back(Slice{});
          break;
        case Value::Kind::List:
        case Value::Kind::Tuple: {
          std::vector<std::int64_t> list;
          for (const Value& x : *v.items) {
            if (x.kind != Value::Kind::Int) {
              if (is_sequence(x)) throw not_supported("nested lists as an index", "Index with one list of ints.");
              throw EvalError{"IndexError", "an index list must hold integers, but it holds " + x.type_name(),
                              "IndexError: tensors used as indices must be long, int, byte or bool tensors"};
            }
            list.push_back(x.i);
          }
          out.emplace_back(std::move(list));
          advanced = true;
          break;
        }
        case Value::Kind::Tensor: {
          const Tensor& it = v.tensor;
          if (it.dtype() != kInt64)
            throw EvalError{"IndexError", "a tensor used as an index must be int64, but this one is " + gs::to_string(it.dtype()),
                            "IndexError: tensors used as indices must be long, int, byte or bool tensors"};
          if (it.dim() == 0) {
            out.emplace_back(static_cast<std::int64_t>(it.item()));
            break;
          }
          if (it.dim() > 1) throw not_supported("indexing with a tensor of more than one dimension");
          out.emplace_back(it.to_vector<std::int64_t>());
          advanced = true;
          break;
        }
        default:
          throw EvalError{"IndexError", "a tensor cannot be indexed with " + v.type_name(),
                          "IndexError: only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables "
                          "are valid indices (got " + v.type_name() + ")"};
      }
    }
    const int lists = static_cast<int>(std::count_if(out.begin(), out.end(), [](const TensorIndex& ix) {
      return ix.kind() == TensorIndex::Kind::List;
    }));
    if (lists > 1) throw not_supported("more than one index list in one index (x[[0, 1], [1, 2]])", "Index with one list at a time.");
  }

  /// x[ix] = value. Basic indexing writes through the view; with an index list the positions
  /// are found by indexing a tensor of positions the same way, then written one by one.
  void set_item(Tensor& x, const std::vector<TensorIndex>& ix, const Value& value) {
    if (!value.is_tensor() && !is_number(value))
      throw type_error("can only assign a number or a tensor into a tensor, not a " + value.type_name());
    const bool advanced = std::any_of(ix.begin(), ix.end(), [](const TensorIndex& i) { return i.kind() == TensorIndex::Kind::List; });
    if (!advanced) {
      Tensor view = x.index(ix);
      if (value.is_tensor()) {
        check_broadcastable(value.tensor, view);
        view.copy_(value.tensor.to(view.dtype()));
      } else {
        view.fill_(number(value));
      }
      record(Event::Kind::InPlace, "[]=", value.is_tensor() ? std::vector<Tensor>{value.tensor} : std::vector<Tensor>{}, view);
      return;
    }
    const Tensor positions = arange(0, static_cast<double>(x.numel()), 1, TensorOptions{.dtype = kInt64}).view(x.shape()).index(ix);
    Tensor src = value.is_tensor() ? value.tensor : scalar_tensor(number(value), {.dtype = kFloat64});
    check_broadcastable(src, positions);
    const std::vector<double> values = src.to(kFloat64).expand(positions.shape()).contiguous().to_vector<double>();
    const std::vector<std::int64_t> flat = positions.contiguous().to_vector<std::int64_t>();
    const Shape& shape = x.shape();
    const Shape& strides = x.strides();
    dispatch_dtype(x.dtype(), [&]<typename T>() {
      T* base = x.data_ptr<T>();
      for (std::size_t k = 0; k < flat.size(); ++k) {
        std::int64_t rest = flat[k], offset = 0;
        for (std::size_t d = shape.size(); d-- > 0;) {
          offset += (rest % shape[d]) * strides[d];
          rest /= shape[d];
        }
        base[offset] = static_cast<T>(values[k]);
      }
    });
    x.impl()->storage->bump_version();
    record(Event::Kind::InPlace, "[]=", value.is_tensor() ? std::vector<Tensor>{value.tensor} : std::vector<Tensor>{}, x);
  }

  static void check_broadcastable(const Tensor& value, const Tensor& target) {
    bool ok = value.dim() <= target.dim();
    for (std::int64_t k = 1; ok && k <= value.dim(); ++k) {
      const std::int64_t v = value.shape()[value.dim() - k], t = target.shape()[target.dim() - k];
      ok = v == t || v == 1;
    }
    if (!ok) {
      // PyTorch drops leading 1s of the value first: (1, 3) fits a (3,) slot.
      Shape trimmed = value.shape();
      while (!trimmed.empty() && trimmed.front() == 1 && trimmed.size() > static_cast<std::size_t>(target.dim()))
        trimmed.erase(trimmed.begin());
      if (trimmed.size() < value.shape().size()) {
        check_broadcastable(value.reshape(trimmed), target);
        return;
      }
      throw EvalError{"RuntimeError",
                      "a value of shape " + shape_text(value.shape()) + " cannot fill the indexed part of shape " +
                          shape_text(target.shape()) + ": the shapes must match or broadcast.",
                      "RuntimeError: shape mismatch: value tensor of shape " + shape_str(value.shape()) +
                          " cannot be broadcast to indexing result of shape " + shape_str(target.shape())};
    }
  }

  // -------------------------------------------------------------- calls
  Value call(const Value& fn, Args args) {
    if (fn.kind != Value::Kind::Function)
      throw type_error("'" + fn.type_name() + "' object is not callable", "'" + fn.type_name() + "' object is not callable");
    if (fn.self) return method(*fn.self, fn.s, args);
    if (fn.s.rfind("torch.", 0) == 0) return torch_function(fn.s.substr(6), args);
    return builtin(fn.s, args);
  }

  Value builtin(const std::string& name, Args& args) {
    if (name == "print") {
      std::string line;
      for (std::size_t k = 0; k < args.positional(); ++k) {
        const Value& v = args.all_positional()[k];
        line += (k ? " " : "") + (v.kind == Value::Kind::Str ? v.s : v.repr());
      }
      args.keyword("sep");
      args.keyword("end");
      args.done(args.positional());
      if (printed) {
        std::size_t start = 0;
        while (true) {
          const std::size_t nl = line.find('\n', start);
          printed->push_back(line.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
      }
      return Value::none();
    }
    const Value& x = args.need(0, "x");
    if (name == "len") {
      args.done(1);
      if (x.is_tensor()) {
        if (x.tensor.dim() == 0) throw type_error("len() of a 0-d tensor", "len() of a 0-d tensor");
        return Value::integer(x.tensor.size(0));
      }
      if (is_sequence(x)) return Value::integer(static_cast<std::int64_t>(x.items->size()));
      if (x.kind == Value::Kind::Str) return Value::integer(static_cast<std::int64_t>(x.s.size()));
      throw type_error("object of type '" + x.type_name() + "' has no len()", "object of type '" + x.type_name() + "' has no len()");
    }
    if (name == "int" || name == "float" || name == "bool") {
      args.done(1);
      double v;
      if (x.is_tensor()) v = x.tensor.item();
      else if (is_number(x)) v = number(x);
      else throw type_error(name + "() cannot convert a " + x.type_name());
      if (name == "int") return Value::integer(static_cast<std::int64_t>(std::trunc(v)));
      if (name == "float") return Value::real(v);
      return Value::boolean(v != 0);
    }
    if (name == "list" || name == "tuple") {
      args.done(1);
      ValueList items;
      if (x.is_tensor()) {
        if (x.tensor.dim() == 0) throw type_error("iteration over a 0-d tensor", "iteration over a 0-d tensor");
        for (std::int64_t i = 0; i < x.tensor.size(0); ++i) items.push_back(Value::of(x.tensor.select(0, i)));
      } else if (is_sequence(x)) {
        items = *x.items;
      } else {
        throw type_error("'" + x.type_name() + "' object is not iterable", "'" + x.type_name() + "' object is not iterable");
      }
      return name == "list" ? Value::list(std::move(items)) : Value::tuple(std::move(items));
    }
    if (name == "abs") {
      args.done(1);
      if (x.is_tensor()) return Value::of(abs_tensor(x.tensor));
      if (x.kind == Value::Kind::Float) return Value::real(std::fabs(x.f));
      return Value::integer(std::llabs(to_int(x, "abs()")));
    }
    if (name == "round") {
      const Value* nd = args.get(1, "ndigits");
      args.done(nd ? 2 : 1);
      if (nd) {
        const double scale = std::pow(10.0, static_cast<double>(to_int(*nd, "ndigits")));
        return Value::real(std::nearbyint(number(x) * scale) / scale);
      }
      return Value::integer(static_cast<std::int64_t>(std::nearbyint(number(x))));
    }
    if (name == "type") {
      args.done(1);
      return Value::str("<class '" + std::string(x.is_tensor() ? "torch.Tensor" : x.type_name()) + "'>");
    }
    throw not_supported("the built-in " + name + "()");
  }

  static Tensor abs_tensor(const Tensor& t) {
    if (t.dtype() == kInt64) return t.to(kFloat64).abs().to(kInt64);
    return t.abs();
  }

  Tensor tensor_arg(Args& args, std::size_t i, const std::string& name) {
    const Value& v = args.need(i, name);
    if (!v.is_tensor())
      throw type_error(args.fn() + "(): argument '" + name + "' must be a Tensor, not " + v.type_name(),
                       args.fn() + "(): argument '" + name + "' (position " + std::to_string(i + 1) +
                           ") must be Tensor, not " + v.type_name());
    return v.tensor;
  }

  std::optional<TensorOptions> dtype_option(Args& args) {
    if (const Value* d = args.keyword("dtype"); d && d->kind != Value::Kind::None)
      return TensorOptions{.dtype = to_dtype(*d, "dtype")};
    if (const Value* dev = args.keyword("device"); dev && dev->kind != Value::Kind::None) {
      if (!(dev->kind == Value::Kind::Str && dev->s == "cpu"))
        throw not_supported("device=" + dev->repr(), "The Tensors lab runs on the CPU.");
    }
    if (const Value* rg = args.keyword("requires_grad"); rg && to_bool(*rg, "requires_grad"))
      throw not_supported("requires_grad=True here", "Gradients live in the Autograd lab.");
    return std::nullopt;
  }

  Value torch_function(const std::string& name, Args& args) {
    const std::string fn = "torch." + name;
    if (name == "tensor") {
      const Value& data = args.need(0, "data");
      std::optional<TensorOptions> opt = dtype_option(args);
      args.done(1);
      bool any_float = false;
      NestedValues nested = nested_of(data, any_float);
      std::vector<double> flat;
      nested.flatten_into(flat);
      // Floats, or no numbers at all (torch.tensor([])), give the default dtype, float32.
      if (!opt) opt = TensorOptions{.dtype = any_float || flat.empty() ? kFloat32 : kInt64};
      return Value::of(gs::tensor(nested, opt));
    }
    if (name == "arange") {
      std::vector<double> nums;
      bool any_float = false;
      for (std::size_t k = 0; k < args.positional(); ++k) {
        const Value& v = args.all_positional()[k];
        if (!is_number(v)) throw type_error("torch.arange() needs numbers, but got " + v.type_name());
        any_float |= v.kind == Value::Kind::Float;
        nums.push_back(number(v));
      }
      const Value* end = args.keyword("end");
      const Value* start = args.keyword("start");
      const Value* step = args.keyword("step");
      for (const Value* v : {start, end, step})
        if (v) any_float |= v->kind == Value::Kind::Float;
      std::optional<TensorOptions> opt = dtype_option(args);
      args.done(std::min<std::size_t>(args.positional(), 3));
      if (nums.empty() && end) nums = {start ? number(*start) : 0.0, number(*end)};
      if (nums.empty() || nums.size() > 3) throw type_error("torch.arange() takes 1 to 3 numbers (end, or start, end, step)");
      if (step) nums.resize(2), nums.push_back(number(*step));
      if (!opt) opt = TensorOptions{.dtype = any_float ? kFloat32 : kInt64};
      if (nums.size() == 1) return Value::of(gs::arange(0, nums[0], 1, opt));
      if (nums.size() == 3 && nums[2] == 0)
        throw EvalError{"RuntimeError", "torch.arange needs a non-zero step", "RuntimeError: step must be nonzero"};
      return Value::of(gs::arange(nums[0], nums[1], nums.size() == 3 ? nums[2] : 1.0, opt));
    }
    if (name == "zeros" || name == "ones" || name == "rand" || name == "randn") {
      std::optional<TensorOptions> opt = dtype_option(args);
      Shape size = sizes_of(args, 0, "size");
      args.done(args.positional());
      check_sizes(size, fn);
      const TensorOptions o = opt.value_or(TensorOptions{});
      if (name == "zeros") return Value::of(gs::zeros(size, o));
      if (name == "ones") return Value::of(gs::ones(size, o));
      if (!is_floating_point(o.dtype)) throw EvalError{"RuntimeError", fn + " makes floating-point numbers; ask for torch.float32 or torch.float64",
                                                       "RuntimeError: \"" + std::string(name == "rand" ? "check_uniform_bounds" : "normal_kernel_cpu") + "\" not implemented for 'Long'"};
      return Value::of(name == "rand" ? gs::rand(size, o, &generator) : gs::randn(size, o, &generator));
    }
    if (name == "randint") {
      std::vector<std::int64_t> bounds;
      std::size_t k = 0;
      for (; k < args.positional() && !is_sequence(args.all_positional()[k]); ++k)
        bounds.push_back(to_int(args.all_positional()[k], "randint bound"));
      const Value* size_v = k < args.positional() ? &args.all_positional()[k] : args.keyword("size");
      args.keyword("dtype");
      args.done(args.positional());
      if (!size_v || bounds.empty() || bounds.size() > 2) throw type_error("torch.randint(low, high, size) or torch.randint(high, size)");
      Shape size = dims_of(*size_v, "size");
      check_sizes(size, fn);
      const std::int64_t low = bounds.size() == 2 ? bounds[0] : 0, high = bounds.back();
      if (low >= high)
        throw EvalError{"RuntimeError", "torch.randint needs low < high",
                        "RuntimeError: random_ expects 'from' to be less than 'to', but got from=" + std::to_string(low) +
                            " >= to=" + std::to_string(high)};
      return Value::of(gs::randint(low, high, size, &generator));
    }
    if (name == "manual_seed") {
      const std::int64_t seed = to_int(args.need(0, "seed"), "seed");
      args.done(1);
      generator.manual_seed(static_cast<std::uint64_t>(seed));
      return Value::none();
    }
    if (name == "full") {
      const Value& size_v = args.need(0, "size");
      const Value& fill = args.need(1, "fill_value");
      std::optional<TensorOptions> opt = dtype_option(args);
      args.done(2);
      if (!is_sequence(size_v)) throw type_error("torch.full() needs its size as a tuple, e.g. torch.full((2, 3), 7)",
                                                 "full() received an invalid combination of arguments");
      Shape size = dims_of(size_v, "size");
      check_sizes(size, fn);
      if (!is_number(fill)) throw type_error("torch.full() fills with a number, not a " + fill.type_name());
      if (fill.kind == Value::Kind::Bool) throw not_supported("bool tensors (torch.full with True/False)");
      if (!opt) opt = TensorOptions{.dtype = fill.kind == Value::Kind::Float ? kFloat32 : kInt64};
      return Value::of(gs::full(size, number(fill), *opt));
    }
    if (name == "eye") {
      const std::int64_t n = to_int(args.need(0, "n"), "n");
      const Value* m_v = args.get(1, "m");
      const std::int64_t m = m_v && m_v->kind != Value::Kind::None ? to_int(*m_v, "m") : n;
      std::optional<TensorOptions> opt = dtype_option(args);
      args.done(m_v ? 2 : 1);
      if (n < 0 || m < 0)
        throw EvalError{"RuntimeError", "torch.eye needs non-negative sizes", "RuntimeError: n must be greater or equal to 0, got " + std::to_string(std::min(n, m))};
      check_sizes({n, m}, fn);
      Tensor out = gs::zeros({n, m}, opt.value_or(TensorOptions{}));
      for (std::int64_t i = 0; i < std::min(n, m); ++i) out.select(0, i).select(0, i).fill_(1);
      return Value::of(out);
    }
    if (name == "linspace") {
      const double start = number(args.need(0, "start")), end = number(args.need(1, "end"));
      const std::int64_t steps = to_int(args.need(2, "steps"), "steps");
      std::optional<TensorOptions> opt = dtype_option(args);
      args.done(3);
      if (steps < 0)
        throw EvalError{"RuntimeError", "torch.linspace needs steps ≥ 0", "RuntimeError: number of steps must be non-negative"};
      check_sizes({steps}, fn);
      const TensorOptions o = opt.value_or(TensorOptions{});
      if (o.dtype == kInt64) return Value::of(gs::linspace(start, end, steps, {.dtype = kFloat64}).to(kInt64));
      return Value::of(gs::linspace(start, end, steps, o));
    }
    if (name == "zeros_like" || name == "ones_like" || name == "full_like") {
      const Tensor t = tensor_arg(args, 0, "input");
      const Value* fill = name == "full_like" ? &args.need(1, "fill_value") : nullptr;
      std::optional<TensorOptions> opt = dtype_option(args);
      args.done(fill ? 2 : 1);
      if (fill) {
        Dtype d = opt ? opt->dtype : t.dtype();
        return Value::of(gs::full(t.shape(), number(*fill), {.dtype = d}));
      }
      return Value::of(name == "zeros_like" ? gs::zeros_like(t, opt) : gs::ones_like(t, opt));
    }
    if (name == "cat" || name == "concat" || name == "stack") {
      const Value& seq = args.need(0, "tensors");
      const Value* dim_v = args.get(1, "dim");
      args.done(dim_v ? 2 : 1);
      if (!is_sequence(seq))
        throw type_error(fn + "() takes a list or tuple of tensors, e.g. " + fn + "([a, b], dim=0)",
                         name + "(): argument 'tensors' (position 1) must be tuple of Tensors, not " + seq.type_name());
      std::vector<Tensor> ts;
      for (const Value& v : *seq.items) {
        if (!v.is_tensor())
          throw type_error(fn + "() joins tensors, but the list holds a " + v.type_name(),
                           "expected Tensor as element " + std::to_string(ts.size()) + " in argument 0, but got " + v.type_name());
        ts.push_back(v.tensor);
      }
      if (ts.empty())
        throw EvalError{"RuntimeError", fn + "() needs at least one tensor",
                        "RuntimeError: " + std::string(name == "stack" ? "stack expects a non-empty TensorList" : "torch.cat(): expected a non-empty list of Tensors")};
      const std::int64_t dim = dim_v ? to_int(*dim_v, "dim") : 0;
      const bool stack = name == "stack";
      const std::int64_t wrapped = wrap_dim(dim, ts[0].dim() + (stack ? 1 : 0));
      record(stack ? Event::Kind::Stack : Event::Kind::Cat, fn, ts, Tensor(), wrapped);
      Dtype d = ts[0].dtype();
      for (const Tensor& t : ts) d = promote_types(d, t.dtype());
      std::vector<Tensor> same;
      for (const Tensor& t : ts) same.push_back(t.to(d));
      Tensor out = stack ? gs::stack(same, dim) : gs::cat(same, dim);
      events->back().result = out;
      return Value::of(out);
    }
    if (name == "mm" || name == "bmm" || name == "matmul") {
      const Tensor a = tensor_arg(args, 0, "input"), b = tensor_arg(args, 1, name == "matmul" ? "other" : "mat2");
      args.done(2);
      if (name == "mm" && (a.dim() != 2 || b.dim() != 2))
        throw EvalError{"RuntimeError", "torch.mm multiplies two matrices (2-D); got " + std::to_string(a.dim()) + "-D and " +
                                            std::to_string(b.dim()) + "-D. torch.matmul handles other shapes.",
                        "RuntimeError: " + std::string(a.dim() != 2 ? "self" : "mat2") + " must be a matrix"};
      if (name == "bmm" && (a.dim() != 3 || b.dim() != 3))
        throw EvalError{"RuntimeError", "torch.bmm multiplies two batches of matrices (3-D); got " + std::to_string(a.dim()) +
                                            "-D and " + std::to_string(b.dim()) + "-D.",
                        "RuntimeError: batch1 must be a 3D tensor"};
      return Value::of(matmul(fn, name, a, b));
    }
    if (name == "is_tensor") {
      const Value& v = args.need(0, "obj");
      args.done(1);
      return Value::boolean(v.is_tensor());
    }
    if (name == "numel") {
      const Tensor t = tensor_arg(args, 0, "input");
      args.done(1);
      return Value::integer(t.numel());
    }
    // The rest are methods spelled as functions: torch.sum(x, dim=1) is x.sum(dim=1).
    const Tensor self = tensor_arg(args, 0, "input");
    std::vector<Value> rest(args.all_positional().begin() + 1, args.all_positional().end());
    std::vector<std::pair<std::string, Value>> kw;
    for (const char* k : {"dim", "keepdim", "other", "exponent", "start_dim", "end_dim", "dim0", "dim1", "dims", "shape", "alpha"})
      if (const Value* v = args.keyword(k)) kw.emplace_back(k, *v);
    args.done(args.positional());
    Args method_args(fn, std::move(rest), std::move(kw));
    return method(Value::of(self), name, method_args);
  }

  static void check_sizes(const Shape& size, const std::string& fn) {
    std::int64_t n = 1;
    for (std::int64_t s : size) {
      if (s < 0)
        throw EvalError{"RuntimeError", fn + " got the negative size " + std::to_string(s),
                        "RuntimeError: Trying to create tensor with negative dimension " + std::to_string(s) + ": " + shape_str(size)};
      n *= std::max<std::int64_t>(s, 1);
      if (n > 10'000'000) throw not_supported("a tensor of more than 10 million elements", "The lab draws small tensors.");
    }
  }

  Value method(const Value& self_v, const std::string& name, Args& args) {
    const Tensor& t = self_v.tensor;
    const std::string fn = name;
    auto dim_arg = [&](std::size_t i, const std::string& key) -> std::optional<std::int64_t> {
      const Value* v = args.get(i, key);
      if (!v || v->kind == Value::Kind::None) return std::nullopt;
      return to_int(*v, key);
    };
    if (name == "view" || name == "reshape") {
      if (args.positional() == 1 && args.all_positional()[0].kind == Value::Kind::Dtype)
        throw not_supported("view(dtype)", "Use .to(dtype) to convert.");
      if (const Value* s = args.keyword("shape"); s && args.positional() == 0) {
        Args a(fn, {*s}, {});
        Shape shape = sizes_of(a, 0, "size");
        return shaped(name, t, name == "view" ? t.view(shape) : t.reshape(shape));
      }
      Shape shape = sizes_of(args, 0, "size");
      args.done(args.positional());
      return shaped(name, t, name == "view" ? t.view(shape) : t.reshape(shape));
    }
    if (name == "view_as" || name == "reshape_as" || name == "expand_as") {
      const Tensor other = tensor_arg(args, 0, "other");
      args.done(1);
      if (name == "view_as") return shaped(name, t, t.view(other.shape()));
      if (name == "reshape_as") return shaped(name, t, t.reshape(other.shape()));
      return shaped(name, t, t.expand(other.shape()));
    }
    if (name == "permute") {
      Shape dims;
      if (const Value* d = args.keyword("dims"); d && args.positional() == 0) dims = dims_of(*d, "dims");
      else dims = sizes_of(args, 0, "dims");
      args.done(args.positional());
      if (static_cast<std::int64_t>(dims.size()) != t.dim())
        throw EvalError{"RuntimeError",
                        "permute needs one entry per dimension: the tensor has " + std::to_string(t.dim()) + " dims but " +
                            std::to_string(dims.size()) + " were given.",
                        "RuntimeError: permute(sparse_coo): number of dimensions in the tensor input does not match the "
                        "length of the desired ordering of dimensions i.e. input.dim() = " + std::to_string(t.dim()) +
                            " is not equal to len(dims) = " + std::to_string(dims.size())};
      std::vector<bool> seen(t.dim(), false);
      for (std::int64_t d : dims) {
        const std::int64_t w = wrap_dim(d, t.dim());
        if (seen[w]) throw EvalError{"RuntimeError", "permute lists dim " + std::to_string(w) + " twice", "RuntimeError: repeated dim in permute"};
        seen[w] = true;
      }
      return shaped(name, t, t.permute(dims));
    }
    if (name == "transpose") {
      const std::int64_t a = to_int(args.need(0, "dim0"), "dim0"), b = to_int(args.need(1, "dim1"), "dim1");
      args.done(2);
      return shaped(name, t, t.transpose(a, b));
    }
    if (name == "t") {
      args.done();
      if (t.dim() > 2)
        throw EvalError{"RuntimeError", "t() transposes tensors of at most 2 dims; this one has " + std::to_string(t.dim()) + ". Use transpose(dim0, dim1) or permute.",
                        "RuntimeError: t() expects a tensor with <= 2 dimensions, but self is " + std::to_string(t.dim()) + "D"};
      return shaped(name, t, t.t());
    }
    if (name == "squeeze") {
      const std::optional<std::int64_t> d = dim_arg(0, "dim");
      args.done(d ? 1 : 0);
      return shaped(name, t, d ? t.squeeze(*d) : t.squeeze());
    }
    if (name == "unsqueeze") {
      const std::int64_t d = to_int(args.need(0, "dim"), "dim");
      args.done(1);
      return shaped(name, t, t.unsqueeze(d));
    }
    if (name == "flatten") {
      const std::int64_t s = dim_arg(0, "start_dim").value_or(0), e = dim_arg(1, "end_dim").value_or(-1);
      args.done(args.positional());
      const std::int64_t ws = wrap_dim(s, t.dim()), we = wrap_dim(e, t.dim());
      if (ws > we)
        throw EvalError{"RuntimeError", "flatten needs start_dim ≤ end_dim",
                        "RuntimeError: flatten() has invalid args: start_dim cannot come after end_dim"};
      return shaped(name, t, t.flatten(s, e));
    }
    if (name == "expand") {
      Shape shape = sizes_of(args, 0, "size");
      args.done(args.positional());
      if (static_cast<std::int64_t>(shape.size()) < t.dim())
        throw EvalError{"RuntimeError",
                        "expand needs at least as many sizes as the tensor has dims (" + std::to_string(t.dim()) + "), got " +
                            std::to_string(shape.size()),
                        "RuntimeError: expand(torch.LongTensor{" + shape_str(t.shape()) + "}, size=" + shape_str(shape) +
                            "): the number of sizes provided (" + std::to_string(shape.size()) +
                            ") must be greater or equal to the number of dimensions in the tensor (" + std::to_string(t.dim()) + ")"};
      return shaped(name, t, t.expand(shape));
    }
    if (name == "contiguous" || name == "clone" || name == "detach" || name == "cpu") {
      args.keyword("memory_format");
      args.done();
      if (name == "detach" || name == "cpu") return shaped(name, t, name == "detach" ? t.detach() : t);
      return shaped(name, t, name == "clone" ? t.clone() : t.contiguous());
    }
    if (name == "sum" || name == "mean") {
      const Value* d = args.get(0, "dim");
      const Value* k = args.get(1, "keepdim");
      const Value* dt = args.keyword("dtype");
      args.done(args.positional());
      Tensor x = dt && dt->kind != Value::Kind::None ? t.to(to_dtype(*dt, "dtype")) : t;
      const bool keep = k && to_bool(*k, "keepdim");
      if (!d || d->kind == Value::Kind::None) {
        if (keep) {
          Shape all;
          for (std::int64_t i = 0; i < x.dim(); ++i) all.push_back(i);
          return Value::of(name == "sum" ? x.sum(all, true) : x.mean(all, true));
        }
        return Value::of(name == "sum" ? x.sum() : x.mean());
      }
      const Shape dims = dims_of(*d, "dim");
      return Value::of(name == "sum" ? x.sum(dims, keep) : x.mean(dims, keep));
    }
    if (name == "argmax" || name == "argmin" || name == "max" || name == "min") {
      const std::optional<std::int64_t> d = dim_arg(0, "dim");
      const Value* k = args.get(1, "keepdim");
      args.done(args.positional());
      const bool keep = k && to_bool(*k, "keepdim");
      if (name == "argmin") {
        const Tensor neg = -t;
        return Value::of(d ? neg.argmax(*d, keep) : neg.argmax());
      }
      if (name == "argmax") return Value::of(d ? t.argmax(*d, keep) : t.argmax());
      if (!d) return Value::of(name == "max" ? t.max() : t.min());
      auto [values, idx] = name == "max" ? t.max(*d, keep) : t.min(*d, keep);
      return Value::tuple({Value::of(values), Value::of(idx)});
    }
    if (name == "float" || name == "double" || name == "long") {
      args.done();
      const Dtype d = name == "float" ? kFloat32 : name == "double" ? kFloat64 : kInt64;
      return shaped(name, t, t.to(d));
    }
    if (name == "int" || name == "half" || name == "bool")
      throw not_supported("x." + name + "()", "The engine has float(), double() and long().");
    if (name == "to") {
      const Value* d = args.get(0, "dtype");
      if (const Value* k = args.keyword("dtype")) d = k;
      if (const Value* dev = args.keyword("device"))
        if (!(dev->kind == Value::Kind::Str && dev->s == "cpu")) throw not_supported("to(device=" + dev->repr() + ")", "The Tensors lab runs on the CPU.");
      args.done(args.positional());
      if (!d) return Value::of(t);
      if (d->kind == Value::Kind::Str) {
        if (d->s == "cpu") return Value::of(t);
        throw not_supported("to('" + d->s + "')", "The Tensors lab runs on the CPU; the GPU lab shows devices.");
      }
      return shaped("to", t, t.to(to_dtype(*d, "dtype")));
    }
    if (name == "cuda") throw not_supported("x.cuda()", "The Tensors lab runs on the CPU; the GPU lab shows devices.");
    if (name == "type") throw not_supported("x.type()", "Use x.dtype.");
    if (name == "numpy") throw not_supported("x.numpy()", "Use x.tolist().");
    if (name == "data_ptr") throw not_supported("x.data_ptr()", "The lab shows storage offsets instead of addresses.");
    if (name == "item") {
      args.done();
      if (t.numel() != 1)
        throw EvalError{"ValueError",
                        "item() turns a one-element tensor into a Python number, but this tensor has " +
                            std::to_string(t.numel()) + " elements (shape " + shape_text(t.shape()) + ").",
                        "ValueError: only one element tensors can be converted to Python scalars"};
      const double v = t.item();
      return t.dtype() == kInt64 ? Value::integer(static_cast<std::int64_t>(v)) : Value::real(v);
    }
    if (name == "tolist") {
      args.done();
      return tensor_to_list(t);
    }
    if (name == "size" || name == "stride") {
      const std::optional<std::int64_t> d = dim_arg(0, "dim");
      args.done(d ? 1 : 0);
      const Shape& s = name == "size" ? t.shape() : t.strides();
      if (d) {
        if (t.dim() == 0)
          throw EvalError{"IndexError", "a 0-d tensor has no dimensions to ask about",
                          "IndexError: dimension specified as " + std::to_string(*d) + " but tensor has no dimensions"};
        return Value::integer(s[wrap_dim(*d, t.dim())]);
      }
      ValueList items;
      for (std::int64_t x : s) items.push_back(Value::integer(x));
      return Value::tuple(std::move(items), name == "size");
    }
    if (name == "is_contiguous") { args.done(); return Value::boolean(t.is_contiguous()); }
    if (name == "numel") { args.done(); return Value::integer(t.numel()); }
    if (name == "dim") { args.done(); return Value::integer(t.dim()); }
    if (name == "storage_offset") { args.done(); return Value::integer(t.storage_offset()); }
    if (name == "zero_" || name == "fill_") {
      const Value* v = name == "fill_" ? &args.need(0, "value") : nullptr;
      args.done(v ? 1 : 0);
      Tensor target = t;
      if (v && !is_number(*v) && !(v->is_tensor() && v->tensor.dim() == 0))
        throw type_error("fill_() fills with a number, not a " + v->type_name());
      target.fill_(v ? (v->is_tensor() ? v->tensor.item() : number(*v)) : 0.0);
      record(Event::Kind::InPlace, name, {}, target);
      return self_v;
    }
    if (name == "add_" || name == "sub_" || name == "mul_" || name == "div_") {
      Value other = args.need(0, "other");
      const Value* alpha = args.keyword("alpha");
      args.done(1);
      if (alpha && (name == "add_" || name == "sub_")) other = binary("*", other, *alpha);
      Tensor target = t;
      const std::string op = name == "add_" ? "+" : name == "sub_" ? "-" : name == "mul_" ? "*" : "/";
      inplace_binary(target, op, other, name);
      return self_v;
    }
    if (name == "copy_") {
      const Tensor src = tensor_arg(args, 0, "src");
      args.done(1);
      Tensor target = t;
      check_broadcastable(src, target);
      target.copy_(src.to(target.dtype()));
      record(Event::Kind::InPlace, name, {src}, target);
      return self_v;
    }
    if (name == "add" || name == "sub" || name == "mul" || name == "div" || name == "pow") {
      Value other = args.need(0, name == "pow" ? "exponent" : "other");
      const Value* alpha = args.keyword("alpha");
      args.done(1);
      if (alpha && (name == "add" || name == "sub")) other = binary("*", other, *alpha);
      const std::string op = name == "add" ? "+" : name == "sub" ? "-" : name == "mul" ? "*" : name == "div" ? "/" : "**";
      return binary(op, self_v, other);
    }
    if (name == "matmul" || name == "mm" || name == "bmm") {
      Args a(fn, {self_v, args.need(0, "other")}, {});
      args.done(1);
      return torch_function(name, a);
    }
    if (name == "exp" || name == "log" || name == "sqrt" || name == "abs" || name == "neg" || name == "relu" ||
        name == "sigmoid" || name == "tanh") {
      args.done();
      if (name == "abs") return Value::of(abs_tensor(t));
      if (name == "neg") return Value::of(-t);
      if (name == "relu") return Value::of(t.relu());
      if (name == "exp") return Value::of(t.exp());
      if (name == "log") return Value::of(t.log());
      if (name == "sqrt") return Value::of(t.sqrt());
      if (name == "sigmoid") return Value::of(t.sigmoid());
      return Value::of(t.tanh());
    }
    throw not_supported("Tensor." + name + "()");
  }

 private:
  Interpreter& owner_;
};

// ---------------------------------------------------------------- Interpreter
Interpreter::Interpreter() : impl_(std::make_unique<Impl>(*this)) {}
Interpreter::~Interpreter() = default;

const Value* Interpreter::variable(const std::string& name) const {
  for (const auto& [n, v] : variables_)
    if (n == name) return &v;
  return nullptr;
}

std::vector<std::string> Interpreter::names_sharing_storage(const Tensor& t) const {
  std::vector<std::string> out;
  if (!t.defined()) return out;
  for (const auto& [n, v] : variables_)
    if (v.is_tensor() && v.tensor.shares_storage_with(t)) out.push_back(n);
  return out;
}

void Interpreter::reset() {
  variables_.clear();
  impl_->generator.manual_seed(0);
}

Outcome Interpreter::run(const Statement& statement) {
  Outcome out;
  Impl& in = *impl_;
  in.pending.clear();
  in.events = &out.events;
  in.printed = &out.printed;
  NoGradGuard no_grad;
  try {
    const Stmt st = parse_statement(statement.text);
    in.execute(st, out);
    for (auto& [name, value] : in.pending) {
      auto it = std::find_if(variables_.begin(), variables_.end(), [&](const auto& p) { return p.first == name; });
      if (it != variables_.end()) it->second = value;
      else variables_.emplace_back(name, value);
    }
  } catch (const EvalError& e) {
    out.ok = false;
    out.error_type = e.type;
    out.message = e.message;
    out.torch_message = e.torch_message;
  } catch (const gs::Error& e) {
    out.ok = false;
    out.error_type = python_type(e);
    out.message = teaching_part(e);
    out.torch_message = e.torch_message();
  } catch (const std::exception& e) {
    out.ok = false;
    out.error_type = "RuntimeError";
    out.message = e.what();
  }
  in.pending.clear();
  in.events = nullptr;
  in.printed = nullptr;
  if (!out.ok) out.value = Value::none();
  return out;
}

Outcome Interpreter::run_program(const std::string& program, std::vector<Outcome>* outcomes) {
  std::vector<Statement> statements;
  try {
    statements = split_statements(program);
  } catch (const gs::Error& e) {
    Outcome out;
    out.ok = false;
    out.error_type = "SyntaxError";
    out.message = e.what();
    out.torch_message = "SyntaxError: " + std::string(e.what());
    if (outcomes) outcomes->push_back(out);
    return out;
  }
  Outcome last;
  for (const Statement& s : statements) {
    last = run(s);
    if (outcomes) outcomes->push_back(last);
    if (!last.ok) break;
  }
  return last;
}

}  // namespace gs::eval
