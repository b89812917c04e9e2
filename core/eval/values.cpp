// gs::eval's values: Python's text for them, their JSON, and the helpers that read call
// arguments (ints, dtypes, sizes, nested lists) with Python's errors.
#include <algorithm>
#include <optional>
#include <cmath>
#include <functional>
#include <set>

#include "autograd/grad_mode.h"
#include "eval/evaluator.h"
#include "util/error_codes.h"

namespace gs::eval {

using namespace detail;


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

EvalError::EvalError(std::string type_, const std::string& code_, std::vector<std::string> args_, std::string torch_message_)
    : type(std::move(type_)), message(format_message(code_, args_)), torch_message(std::move(torch_message_)), code(code_),
      args(std::move(args_)) {}

EvalError coded_eval_error(std::string type, const std::string& code, std::vector<std::string> args, std::string torch_message) {
  return EvalError(std::move(type), code, std::move(args), std::move(torch_message));
}

namespace detail {

// ---------------------------------------------------------------- errors
EvalError coded_type_error(const std::string& code, std::vector<std::string> args, const std::string& torch) {
  return coded_eval_error("TypeError", code, std::move(args), torch.empty() ? "" : "TypeError: " + torch);
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


double exact_number(const Value& v, const std::string& what) {
  if (v.kind == Value::Kind::Int && (v.i > (std::int64_t{1} << 53) || v.i < -(std::int64_t{1} << 53)))
    throw unsupported_value("eval_integer_beyond_2_53", {std::to_string(v.i), coded_word(what)});
  return number(v);
}

Value function_value(std::string name, std::shared_ptr<Value> self) {
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

void check_elements(double n, const std::string& what, const std::string& code) {
  if (n > static_cast<double>(kMaxElements))
    throw coded_eval_error("NotSupported", code,
                           {coded_word(what), n >= 1e15 ? coded_word("word_eval_more_than_10_15") : std::to_string(static_cast<std::int64_t>(n))});
}

namespace {
/// The storage range [first, end) of a non-overlapping, dense tensor; none for any other (a
/// strided slice or an expanded view), where PyTorch, too, leaves the check out.
std::optional<std::pair<std::int64_t, std::int64_t>> dense_range(const Tensor& t) {
  std::vector<std::pair<std::int64_t, std::int64_t>> dims;  // (stride, size) of dims longer than 1
  for (std::int64_t d = 0; d < t.dim(); ++d)
    if (t.shape()[d] > 1) dims.emplace_back(t.strides()[d], t.shape()[d]);
  std::sort(dims.begin(), dims.end());
  std::int64_t expected = 1;
  for (const auto& [stride, size] : dims) {
    if (stride != expected) return std::nullopt;
    expected *= size;
  }
  return std::make_pair(t.storage_offset(), t.storage_offset() + t.numel());
}
}  // namespace

void check_no_partial_overlap(const Tensor& written, const Tensor& read) {
  if (!written.shares_storage_with(read) || written.numel() == 0 || read.numel() == 0) return;
  const auto a = dense_range(written), b = dense_range(read);
  if (!a || !b) return;
  const bool partial = *a == *b ? written.strides() != read.strides() : a->first < b->second && b->first < a->second;
  if (partial)
    throw coded_eval_error("RuntimeError", "eval_partial_overlap", {},
                           "RuntimeError: unsupported operation: some elements of the input tensor and the written-to tensor "
                           "refer to a single memory location. Please clone() the tensor before performing the operation.");
}

void check_tensor(const Tensor& t, const std::string& what) {
  if (t.dim() > 16)
    throw unsupported_value("eval_too_many_dimensions", {coded_word(what), std::to_string(t.dim())});
  double n = 1;
  for (std::int64_t s : t.shape()) {
    if (s > kMaxElements)
      throw coded_eval_error("NotSupported", "eval_dimension_too_large", {coded_word(what), std::to_string(s)});
    n *= static_cast<double>(s);
  }
  check_elements(n, what);
}

std::int64_t to_int(const Value& v, const std::string& what) {
  if (v.kind == Value::Kind::Int) return v.i;
  if (v.kind == Value::Kind::Bool) return v.b ? 1 : 0;
  if (v.is_tensor() && v.tensor.numel() == 1 && v.tensor.dtype() == kInt64) return static_cast<std::int64_t>(v.tensor.item());
  throw coded_type_error("eval_must_be_integer", {coded_word(what), v.repr(), v.type_name()},
                         coded_word(what) + " must be int, not " + v.type_name());
}

bool to_bool(const Value& v, const std::string& what) {
  if (v.kind == Value::Kind::Bool) return v.b;
  if (v.kind == Value::Kind::Int) return v.i != 0;
  throw coded_type_error("eval_must_be_bool", {coded_word(what), v.repr()});
}

Dtype to_dtype(const Value& v, const std::string& what) {
  if (v.kind == Value::Kind::Dtype) return v.dtype;
  throw coded_type_error("eval_must_be_dtype", {coded_word(what), v.repr()});
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
      throw coded_type_error("eval_sizes_tuple_of_ints", {args.fn(), what, pos[i].type_name(), std::to_string(i - from)},
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
  if (v.kind == Value::Kind::Int) return NestedValues(static_cast<std::int64_t>(exact_number(v, "torch.tensor")));
  if (v.kind == Value::Kind::Float) {
    any_float = true;
    return NestedValues(v.f);
  }
  if (v.kind == Value::Kind::Bool) throw not_supported("word_eval_tensor_of_bools", "word_eval_hint_use_1_and_0");
  if (is_sequence(v)) {
    std::vector<NestedValues> children;
    const bool lists = !v.items->empty() && is_sequence(v.items->front());
    for (const Value& x : *v.items) {
      if (is_sequence(x) != lists)
        throw coded_type_error("eval_tensor_ragged_levels", {v.repr()}, "'list' object cannot be interpreted as an integer");
      children.push_back(nested_of(x, any_float));
    }
    return NestedValues(std::move(children));
  }
  if (v.is_tensor()) throw not_supported("word_eval_tensor_of_tensors", "word_eval_hint_use_stack");
  throw coded_type_error("eval_tensor_data_type", {v.type_name()}, "new(): invalid data type '" + v.type_name() + "'");
}

}  // namespace detail

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

}  // namespace gs::eval
