// The gs::eval interpreter: evaluates parsed statements on the engine. Every value, stride and
// error comes from gs::Tensor; this file only maps Python's spelling onto it (Python scalars and
// their type promotion, indexing, in-place assignment) and records what happened.
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "autograd/grad_mode.h"
#include "eval/evaluator.h"
#include "util/error.h"

namespace gs::eval {

using namespace detail;

void Interpreter::Impl::execute(const Stmt& st, Outcome& out) {
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
      if (!st.unpack) {
        assign(*st.targets[0], value, out);
      } else {
        if (!is_sequence(value) && !value.is_tensor())
          throw coded_type_error("eval_cannot_unpack", {value.type_name(), std::to_string(st.targets.size())},
                                 "cannot unpack non-iterable " + value.type_name() + " object");
        std::vector<Value> parts;
        if (value.is_tensor()) {
          if (value.tensor.dim() == 0) throw coded_type_error("eval_unpack_0d", {}, "iteration over a 0-d tensor");
          for (std::int64_t i = 0; i < value.tensor.size(0); ++i) parts.push_back(Value::of(value.tensor.select(0, i)));
        } else {
          parts = *value.items;
        }
        if (parts.size() != st.targets.size())
          throw coded_eval_error("ValueError", "eval_unpack_count", {std::to_string(parts.size()), std::to_string(st.targets.size())},
                                 parts.size() > st.targets.size()
                                     ? "ValueError: too many values to unpack (expected " + std::to_string(st.targets.size()) + ")"
                                     : "ValueError: not enough values to unpack (expected " + std::to_string(st.targets.size()) +
                                           ", got " + std::to_string(parts.size()) + ")");
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
        if (!base.is_tensor()) throw unsupported_value("eval_item_assignment", {base.type_name()});
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

void Interpreter::Impl::assign(const Expr& target, const Value& value, Outcome& out) {
  if (target.kind == Expr::Kind::Name) {
    if (target.text == "torch") throw not_supported("word_eval_rebinding_torch");
    pending.emplace_back(target.text, value);
    out.assigned.push_back(target.text);
    return;
  }
  // x[i] = v
  Value base = eval(*target.a);
  if (!base.is_tensor()) throw unsupported_value("eval_item_assignment", {base.type_name()});
  std::vector<TensorIndex> ix;
  bool advanced = false;
  indices(target, base.tensor, ix, advanced);
  set_item(base.tensor, ix, value);
  if (const std::string root = root_name(target); !root.empty()) out.assigned.push_back(root);
}

Value Interpreter::Impl::lookup(const std::string& name) const {
  for (auto it = pending.rbegin(); it != pending.rend(); ++it)
    if (it->first == name) return it->second;
  if (const Value* v = owner_.variable(name)) return *v;
  if (name == "torch") return function_value("torch");
  static const std::vector<std::string> kBuiltins = {"print", "len", "int", "float", "bool", "list", "tuple", "slice",
                                                     "abs", "round", "range", "min", "max", "sum", "type"};
  if (std::find(kBuiltins.begin(), kBuiltins.end(), name) != kBuiltins.end()) return function_value(name);
  if (name == "np" || name == "numpy") throw not_supported("NumPy (" + name + ")", "word_eval_hint_use_torch_functions");
  if (name == "nn" || name == "F") throw not_supported("torch.nn (" + name + ")", "word_eval_hint_lab_is_about_tensors");
  throw coded_eval_error("NameError", "eval_name_not_defined", {name}, "NameError: name '" + name + "' is not defined");
}

std::string Interpreter::Impl::root_name(const Expr& e) {
  const Expr* p = &e;
  while (p && (p->kind == Expr::Kind::Subscript || p->kind == Expr::Kind::Attribute || p->kind == Expr::Kind::Call))
    p = p->a.get();
  return p && p->kind == Expr::Kind::Name ? p->text : "";
}

std::string Interpreter::Impl::inplace_root(const Expr& e) {
  if (e.kind != Expr::Kind::Call || !e.a || e.a->kind != Expr::Kind::Attribute) return "";
  const std::string& m = e.a->text;
  if (m.empty() || m.back() != '_') return "";
  return root_name(*e.a->a);
}

bool Interpreter::Impl::changed_in_place() const {
  return events && std::any_of(events->begin(), events->end(), [](const Event& e) { return e.kind == Event::Kind::InPlace; });
}

void Interpreter::Impl::record(Event::Kind kind, std::string op, std::vector<Tensor> operands, Tensor result, std::int64_t dim) {
  if (!events) return;
  Event e;
  e.kind = kind;
  e.op = std::move(op);
  e.operands = std::move(operands);
  e.result = std::move(result);
  e.dim = dim;
  events->push_back(std::move(e));
}

Value Interpreter::Impl::shaped(const std::string& op, const Tensor& in, Tensor out) {
  record(out.shares_storage_with(in) ? Event::Kind::View : Event::Kind::Copy, op, {in}, out);
  return Value::of(std::move(out));
}

Value Interpreter::Impl::eval(const Expr& e) {
  Value v = eval_unchecked(e);
  if (v.is_tensor()) check_tensor(v.tensor, "word_eval_the_result");
  return v;
}

Value Interpreter::Impl::eval_unchecked(const Expr& e) {
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
          throw unsupported_value("eval_slicing", {base.type_name()});
        const std::int64_t n = static_cast<std::int64_t>(base.items->size());
        const char* index = base.kind == Value::Kind::List ? "word_eval_list_index"
                            : base.is_size                   ? "word_eval_size_index"
                                                             : "word_eval_tuple_index";  // "list index", ...
        std::int64_t i = to_int(eval(*e.items[0]), index);
        if (i < -n || i >= n)
          throw coded_eval_error("IndexError", "eval_index_out_of_range", {std::to_string(i), base.type_name(), std::to_string(n)},
                                 "IndexError: " + std::string(base.kind == Value::Kind::List ? "list" : "tuple") +
                                     " index out of range");
        return (*base.items)[i < 0 ? i + n : i];
      }
      throw coded_type_error("eval_not_subscriptable", {base.type_name()}, "'" + base.type_name() + "' object is not subscriptable");
    }
    case Expr::Kind::Slice:
      throw coded_eval_error("SyntaxError", "eval_slice_outside_index", {}, "SyntaxError: invalid syntax");
    case Expr::Kind::Binary: return binary(e.text, eval(*e.a), eval(*e.b));
    case Expr::Kind::Unary: {
      Value v = eval(*e.a);
      if (e.text == "+") {
        if (!v.is_tensor() && !is_number(v)) throw coded_type_error("eval_bad_unary", {"+", v.type_name()});
        return v;
      }
      if (v.is_tensor()) return Value::of(-v.tensor);
      if (v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool) return Value::integer(-static_cast<std::int64_t>(number(v)));
      if (v.kind == Value::Kind::Float) return Value::real(-v.f);
      throw coded_type_error("eval_bad_unary", {"-", v.type_name()}, "bad operand type for unary -: '" + v.type_name() + "'");
    }
  }
  throw not_supported("word_eval_this_expression");
}

Value Interpreter::Impl::attribute(const Value& base, const std::string& name) {
  if (base.kind == Value::Kind::Function && base.s == "torch" && !base.self) {
    static const std::vector<std::pair<std::string, Dtype>> kDtypes = {
        {"float32", kFloat32}, {"float", kFloat32}, {"float64", kFloat64}, {"double", kFloat64},
        {"int64", kInt64},     {"long", kInt64}};
    for (const auto& [n, d] : kDtypes)
      if (n == name) return dtype_value(d);
    static const std::vector<std::string> kOtherDtypes = {"int32", "int", "int16", "int8", "uint8", "bool",
                                                         "float16", "half", "bfloat16", "complex64", "complex128"};
    if (std::find(kOtherDtypes.begin(), kOtherDtypes.end(), name) != kOtherDtypes.end())
      throw not_supported("torch." + name, "word_eval_hint_three_dtypes");
    if (std::find(torch_functions().begin(), torch_functions().end(), name) != torch_functions().end())
      return function_value("torch." + name);
    throw not_supported("torch." + name);
  }
  if (base.is_tensor()) {
    const Tensor& t = base.tensor;
    if (name == "shape") return size_value(t);
    if (name == "T") {
      if (t.dim() > 2) throw not_supported("word_eval_transpose_more_than_2d", "word_eval_hint_use_permute");
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
  throw coded_eval_error("AttributeError", "eval_no_attribute", {base.type_name(), name},
                         "AttributeError: '" + base.type_name() + "' object has no attribute '" + name + "'");
}

Value Interpreter::Impl::size_value(const Tensor& t) {
  ValueList items;
  for (std::int64_t s : t.shape()) items.push_back(Value::integer(s));
  return Value::tuple(std::move(items), /*is_size=*/true);
}

Tensor Interpreter::Impl::scalar_for(const Value& v, const Tensor& like) {
  Dtype d = like.dtype();
  if (v.kind == Value::Kind::Float && d == kInt64) d = kFloat32;
  return scalar_tensor(number(v), {.dtype = d, .device = like.device()});
}

Tensor Interpreter::Impl::as_tensor(const Value& v, const Tensor& like, const std::string& op) {
  if (v.is_tensor()) return v.tensor;
  if (is_number(v)) return scalar_for(v, like);
  throw coded_type_error("eval_unsupported_operands", {op, "Tensor", v.type_name()},
                         "unsupported operand type(s) for " + op + ": 'Tensor' and '" + v.type_name() + "'");
}

Value Interpreter::Impl::binary(const std::string& op, const Value& a, const Value& b) {
  if (a.is_tensor() || b.is_tensor()) {
    const Tensor& like = a.is_tensor() ? a.tensor : b.tensor;
    const Tensor x = as_tensor(a, like, op), y = as_tensor(b, like, op);
    return Value::of(tensor_binary(op, x, y));
  }
  if (is_number(a) && is_number(b)) return number_binary(op, a, b);
  if (op == "*" && (is_sequence(a) || is_sequence(b) || a.kind == Value::Kind::Str || b.kind == Value::Kind::Str))
    throw not_supported("word_eval_repeating_sequences", "word_eval_hint_write_elements_out");
  if (op == "+" && a.kind == b.kind && (is_sequence(a) || a.kind == Value::Kind::Str)) {
    if (a.kind == Value::Kind::Str) return Value::str(a.s + b.s);
    ValueList items = *a.items;
    items.insert(items.end(), b.items->begin(), b.items->end());
    return a.kind == Value::Kind::List ? Value::list(std::move(items)) : Value::tuple(std::move(items), a.is_size);
  }
  throw coded_type_error("eval_unsupported_operands", {op, a.type_name(), b.type_name()},
                         "unsupported operand type(s) for " + op + ": '" + a.type_name() + "' and '" + b.type_name() + "'");
}

Value Interpreter::Impl::number_binary(const std::string& op, const Value& a, const Value& b) {
  const bool ints = a.kind != Value::Kind::Float && b.kind != Value::Kind::Float;
  const double x = number(a), y = number(b);
  if (ints) {
    // Python's integers are unbounded; this subset stops at 64 bits rather than wrap around.
    const double exact = op == "+" ? x + y : op == "-" ? x - y : op == "*" ? x * y : op == "**" ? std::pow(x, y) : 0;
    if (std::fabs(exact) >= 9.2e18) throw unsupported_value("eval_integers_beyond_64_bits", {a.repr() + " " + op + " " + b.repr()});
  }
  auto zero = [&] {
    return coded_eval_error("ZeroDivisionError", "eval_division_by_zero", {}, "ZeroDivisionError: division by zero");
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
    if (x < 0 && std::floor(y) != y) throw not_supported("word_eval_complex_power");
    if (x == 0 && y < 0)
      throw coded_eval_error("ZeroDivisionError", "eval_zero_negative_power", {}, "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    return Value::real(std::pow(x, y));
  }
  if (op == "@") throw coded_type_error("eval_matmul_numbers", {});
  throw unsupported_value("eval_operator", {op});
}

Tensor Interpreter::Impl::tensor_binary(const std::string& op, const Tensor& x, const Tensor& y) {
  if (op == "@") return matmul("@", "matmul", x, y);
  if (op == "//" || op == "%") throw unsupported_value("eval_operator_on_tensors", {op});
  check_elements(elements_of(broadcast_shapes(x.shape(), y.shape())), op, "eval_too_many_elements_result");
  // A Python number takes part as a 0-d tensor: it is broadcast too (one value over every cell).
  const bool broadcast = x.shape() != y.shape();
  if (broadcast) record(Event::Kind::Broadcast, op, {x, y}, Tensor());
  Tensor out;
  if (op == "+") out = x + y;
  else if (op == "-") out = x - y;
  else if (op == "*") out = x * y;
  else if (op == "/") out = x / y;
  else if (op == "**") out = power(x, y);
  else throw unsupported_value("eval_operator", {op});
  if (broadcast) events->back().result = out;
  return out;
}

Tensor Interpreter::Impl::power(const Tensor& x, const Tensor& y) {
  if (x.dtype() == kInt64 && y.dtype() == kInt64) {
    if (y.dim() == 0 && y.item() < 0)
      throw coded_eval_error("RuntimeError", "eval_int_negative_power", {}, "RuntimeError: Integers to negative integer powers are not allowed.");
    if (y.numel() > 0 && y.to(kFloat64).min().item() < 0)  // elementwise, PyTorch truncates 2 ** -1 to 0
      throw not_supported("word_eval_negative_integer_powers", "word_eval_hint_float_base_first");
    return x.to(kFloat64).pow(y.to(kFloat64)).to(kInt64);
  }
  if (y.dim() == 0 && x.dim() != 0 && (is_floating_point(x.dtype()) || !is_floating_point(y.dtype()))) {
    const Dtype d = x.dtype() == kInt64 ? kFloat32 : x.dtype();
    return x.to(d).pow(y.item());
  }
  return x.pow(y);
}

Tensor Interpreter::Impl::matmul(const std::string& op, const std::string& kind, const Tensor& a, const Tensor& b) {
  record(Event::Kind::Matmul, op, {a, b}, Tensor());
  if (a.dtype() != b.dtype()) {
    auto name = [](Dtype d) { return d == kInt64 ? std::string("Long") : d == kFloat32 ? "Float" : "Double"; };
    throw coded_eval_error("RuntimeError", "eval_matmul_dtypes", {op, gs::to_string(a.dtype()), gs::to_string(b.dtype())},
                           "RuntimeError: expected scalar type " + name(a.dtype()) + " but found " + name(b.dtype()));
  }
  if (a.dim() >= 1 && b.dim() >= 1) {
    // The result's size and the work, bounded before the product allocates anything: rows of a
    // × columns of b × the broadcast batch, and that × the inner dimension.
    const double rows = a.dim() >= 2 ? static_cast<double>(a.shape()[a.dim() - 2]) : 1;
    const double cols = b.dim() >= 2 ? static_cast<double>(b.shape()[b.dim() - 1]) : 1;
    const Shape batch_a(a.shape().begin(), a.shape().end() - std::min<std::int64_t>(a.dim(), 2));
    const Shape batch_b(b.shape().begin(), b.shape().end() - std::min<std::int64_t>(b.dim(), 2));
    double batch = 1;
    for (std::size_t k = 0; k < std::max(batch_a.size(), batch_b.size()); ++k) {
      const double da = k < batch_a.size() ? static_cast<double>(batch_a[batch_a.size() - 1 - k]) : 1;
      const double db = k < batch_b.size() ? static_cast<double>(batch_b[batch_b.size() - 1 - k]) : 1;
      batch *= std::max(da, db);
    }
    check_elements(rows * cols * batch, op, "eval_too_many_elements_result");
    // The lab runs a statement while the learner waits: a product that would take seconds is
    // refused rather than freezing the window (10^9 multiply-adds is about a second here).
    const double inner = static_cast<double>(a.shape().back());
    if (rows * cols * batch * inner > 2e8)
      throw coded_eval_error("NotSupported", "eval_product_too_large",
                             {shape_text(a.shape()), op, shape_text(b.shape()),
                              std::to_string(static_cast<std::int64_t>(rows * cols * batch * inner / 1e6))});
  }
  const bool ints = a.dtype() == kInt64;
  const Tensor x = ints ? a.to(kFloat64) : a, y = ints ? b.to(kFloat64) : b;
  Tensor out = kind == "mm" ? x.mm(y) : kind == "bmm" ? x.bmm(y) : x.matmul(y);
  if (ints) out = out.to(kInt64);
  events->back().result = out;
  return out;
}

void Interpreter::Impl::inplace_binary(Tensor& self, const std::string& op, const Value& v, const std::string& spelled) {
  const Tensor other = as_tensor(v, self, op);
  check_no_partial_overlap(self, other);
  Dtype result = promote_types(self.dtype(), other.dtype());
  if (other.dim() == 0 && self.dim() != 0 && (is_floating_point(self.dtype()) || !is_floating_point(other.dtype())))
    result = self.dtype();
  if (op == "/" && result == kInt64) result = kFloat32;
  if (result != self.dtype() && !(is_floating_point(self.dtype()) && is_floating_point(result)))
    throw coded_eval_error("RuntimeError", "eval_inplace_dtype", {spelled, gs::to_string(result), gs::to_string(self.dtype()), op},
                           "RuntimeError: result type " + std::string(result == kFloat64 ? "Double" : "Float") +
                               " can't be cast to the desired output type Long");
  if (op == "@") throw not_supported("word_eval_inplace_matmul", "word_eval_hint_write_matmul");
  Tensor updated;
  if (op == "+") updated = self + other;
  else if (op == "-") updated = self - other;
  else if (op == "*") updated = self * other;
  else if (op == "/") updated = self / other;
  else if (op == "**") updated = power(self, other);
  else throw unsupported_value("eval_operator_on_tensors", {op + "="});
  if (updated.shape() != self.shape())
    throw coded_eval_error("RuntimeError", "eval_inplace_shape", {spelled, shape_text(updated.shape()), shape_text(self.shape())},
                           "RuntimeError: output with shape " + shape_str(self.shape()) +
                               " doesn't match the broadcast shape " + shape_str(updated.shape()));
  self.copy_(updated);
  record(Event::Kind::InPlace, spelled, v.is_tensor() ? std::vector<Tensor>{v.tensor} : std::vector<Tensor>{}, self);
}

void Interpreter::Impl::indices(const Expr& sub, const Tensor& t, std::vector<TensorIndex>& out, bool& advanced) {
  std::vector<Value> items;
  for (const ExprPtr& x : sub.items) {
    if (x->kind == Expr::Kind::Slice) {
      Value s;
      s.kind = Value::Kind::Slice;
      const Value start = x->items[0] ? eval(*x->items[0]) : Value::none();
      const Value stop = x->items[1] ? eval(*x->items[1]) : Value::none();
      const Value step = x->items[2] ? eval(*x->items[2]) : Value::none();
      if (start.kind != Value::Kind::None) s.slice.start = to_int(start, "word_eval_slice_start");
      if (stop.kind != Value::Kind::None) s.slice.stop = to_int(stop, "word_eval_slice_stop");
      if (step.kind != Value::Kind::None) s.slice.step = to_int(step, "word_eval_slice_step");
      if (s.slice.step <= 0)
        throw coded_eval_error("ValueError", "eval_slice_step", {std::to_string(s.slice.step)},
                               s.slice.step == 0 ? "ValueError: slice step cannot be zero" : "ValueError: step must be greater than zero");
      items.push_back(s);
    } else {
      Value v = eval(*x);
      if (v.kind == Value::Kind::Tuple && sub.items.size() == 1 && sub.text != ",") {
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
    throw coded_eval_error("IndexError", "eval_one_ellipsis", {}, "IndexError: an index can only have a single ellipsis ('...')");
  if (consuming > t.dim())
    throw coded_eval_error("IndexError", "eval_too_many_indices", {std::to_string(t.dim()), std::to_string(consuming)},
                           "IndexError: too many indices for tensor of dimension " + std::to_string(t.dim()));
  for (const Value& v : items) {
    switch (v.kind) {
      case Value::Kind::Int: out.emplace_back(v.i); break;
      case Value::Kind::Bool: throw not_supported("word_eval_index_with_bools");
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
            if (is_sequence(x)) throw not_supported("word_eval_nested_index_lists", "word_eval_hint_one_list_of_ints");
            throw coded_eval_error("IndexError", "eval_index_list_ints", {x.type_name()},
                                   "IndexError: tensors used as indices must be long, int, byte or bool tensors");
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
          throw coded_eval_error("IndexError", "eval_index_tensor_dtype", {gs::to_string(it.dtype())},
                                 "IndexError: tensors used as indices must be long, int, byte or bool tensors");
        if (it.dim() == 0) {
          out.emplace_back(static_cast<std::int64_t>(it.item()));
          break;
        }
        if (it.dim() > 1) throw not_supported("word_eval_index_tensor_2d");
        out.emplace_back(it.to_vector<std::int64_t>());
        advanced = true;
        break;
      }
      default:
        throw coded_eval_error("IndexError", "eval_bad_index", {v.type_name()},
                               "IndexError: only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables "
                               "are valid indices (got " + v.type_name() + ")");
    }
  }
  const int lists = static_cast<int>(std::count_if(out.begin(), out.end(), [](const TensorIndex& ix) {
    return ix.kind() == TensorIndex::Kind::List;
  }));
  if (lists > 1) throw not_supported("word_eval_two_index_lists", "word_eval_hint_one_list_at_a_time");
}

void Interpreter::Impl::set_item(Tensor& x, const std::vector<TensorIndex>& ix, const Value& value) {
  if (!value.is_tensor() && !is_number(value))
    throw coded_type_error("eval_assign_into_tensor", {value.type_name()});
  const bool advanced = std::any_of(ix.begin(), ix.end(), [](const TensorIndex& i) { return i.kind() == TensorIndex::Kind::List; });
  if (!advanced) {
    Tensor view = x.index(ix);
    if (value.is_tensor()) {
      const Tensor fitted = broadcastable(value.tensor, view, /*strip_leading_ones=*/true);
      check_no_partial_overlap(view, value.tensor);
      view.copy_(fitted.to(view.dtype()));
    } else {
      view.fill_(scalar_into(value, view.dtype()));
    }
    record(Event::Kind::InPlace, "[]=", value.is_tensor() ? std::vector<Tensor>{value.tensor} : std::vector<Tensor>{}, view);
    return;
  }
  const Tensor positions = arange(0, static_cast<double>(x.numel()), 1, TensorOptions{.dtype = kInt64}).view(x.shape()).index(ix);
  if (value.is_tensor() && value.tensor.dtype() != x.dtype()) {
    auto name = [](Dtype d) { return d == kInt64 ? std::string("Long") : d == kFloat32 ? "Float" : "Double"; };
    throw coded_eval_error("RuntimeError", "eval_index_put_dtype", {gs::to_string(x.dtype()), gs::to_string(value.tensor.dtype())},
                           "RuntimeError: Index put requires the source and destination dtypes match, got " + name(x.dtype()) +
                               " for the destination and " + name(value.tensor.dtype()) + " for the source.");
  }
  if (value.is_tensor()) check_no_partial_overlap(x, value.tensor);
  Tensor src = value.is_tensor() ? value.tensor : scalar_tensor(scalar_into(value, x.dtype()), {.dtype = kFloat64});
  src = broadcastable(src, positions, /*strip_leading_ones=*/true);
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

double Interpreter::Impl::scalar_into(const Value& v, Dtype dtype) {
  const double x = exact_number(v, "word_eval_an_assignment");
  if (dtype == kInt64 && (!std::isfinite(x) || std::fabs(x) >= 9.2e18))
    throw coded_eval_error("RuntimeError", "eval_value_not_int64", {v.repr()},
                           "RuntimeError: value cannot be converted to type int64_t without overflow");
  return x;
}

Tensor Interpreter::Impl::broadcastable(const Tensor& value, const Tensor& target, bool strip_leading_ones) {
  bool ok = value.dim() <= target.dim();
  for (std::int64_t k = 1; ok && k <= value.dim(); ++k) {
    const std::int64_t v = value.shape()[value.dim() - k], t = target.shape()[target.dim() - k];
    ok = v == t || v == 1;
  }
  if (ok) return value;
  // x[i] = v drops v's leading 1s first, as PyTorch's setitem does: (1, 3) fits a (3,) slot.
  Shape trimmed = value.shape();
  while (!trimmed.empty() && trimmed.front() == 1 && trimmed.size() > static_cast<std::size_t>(target.dim()))
    trimmed.erase(trimmed.begin());
  if (strip_leading_ones && trimmed.size() < value.shape().size()) return broadcastable(value.reshape(trimmed), target, false);
  throw coded_eval_error("RuntimeError", "eval_fill_shape", {shape_text(value.shape()), shape_text(target.shape())},
                         "RuntimeError: shape mismatch: value tensor of shape " + shape_str(value.shape()) +
                             " cannot be broadcast to indexing result of shape " + shape_str(target.shape()));
}

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

/// Refuses a statement whose bindings would make the variables hold more than kMaxBytes of
/// tensor memory (each storage counted once): a program of many large tensors must not exhaust
/// the machine the lab runs on.
void Interpreter::check_memory(const std::vector<std::pair<std::string, Value>>& pending) const {
  std::vector<const Storage*> seen;
  double bytes = 0;
  auto count = [&](const std::string& name, const Value& v) {
    if (std::any_of(pending.begin(), pending.end(), [&](const auto& p) { return p.first == name && &p.second != &v; }))
      return;  // rebound by this statement: its old value is about to go
    if (!v.is_tensor()) return;
    const Storage* s = v.tensor.impl()->storage.get();
    if (std::find(seen.begin(), seen.end(), s) != seen.end()) return;
    seen.push_back(s);
    bytes += static_cast<double>(s->nbytes());
  };
  for (const auto& [name, v] : pending) count(name, v);
  for (const auto& [name, v] : variables_) count(name, v);
  if (bytes > static_cast<double>(kMaxBytes))
    throw coded_eval_error("NotSupported", "eval_memory",
                           {std::to_string(static_cast<std::int64_t>(bytes / 1e6)), std::to_string(kMaxBytes / 1'000'000)});
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
    check_memory(in.pending);
    for (auto& [name, value] : in.pending) {
      // (a copy of the binding: clang before 16, the fuzzing build's, cannot capture one)
      auto it = std::find_if(variables_.begin(), variables_.end(), [&name = name](const auto& p) { return p.first == name; });
      if (it != variables_.end()) it->second = value;
      else variables_.emplace_back(name, value);
    }
  } catch (const EvalError& e) {
    out.ok = false;
    out.error_type = e.type;
    out.message = e.message;
    out.torch_message = e.torch_message;
    out.code = e.code;
    out.args = e.args;
  } catch (const gs::Error& e) {
    out.ok = false;
    out.error_type = python_type(e);
    out.message = teaching_part(e);
    out.torch_message = e.torch_message();
    out.code = e.code();
    out.args = e.args();
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
