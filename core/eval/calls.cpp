// gs::eval's calls: Python's built-ins (print, len, int, ...) and the torch functions the
// subset knows (creation, joining, the matmul family), each bound to the engine.
#include <algorithm>
#include <cstdio>
#include <cmath>
#include <functional>
#include <set>

#include "autograd/grad_mode.h"
#include "eval/evaluator.h"
#include "util/error.h"

namespace gs::eval {

using namespace detail;

Value Interpreter::Impl::call(const Value& fn, Args args) {
  if (fn.kind != Value::Kind::Function)
    throw coded_type_error("eval_not_callable", {fn.type_name()}, "'" + fn.type_name() + "' object is not callable");
  if (fn.self) return method(*fn.self, fn.s, args);
  if (fn.s.rfind("torch.", 0) == 0) return torch_function(fn.s.substr(6), args);
  return builtin(fn.s, args);
}

Value Interpreter::Impl::builtin(const std::string& name, Args& args) {
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
      if (x.tensor.dim() == 0) throw coded_type_error("eval_len_of_0d", {}, "len() of a 0-d tensor");
      return Value::integer(x.tensor.size(0));
    }
    if (is_sequence(x)) return Value::integer(static_cast<std::int64_t>(x.items->size()));
    if (x.kind == Value::Kind::Str)  // characters, not UTF-8 bytes: len('한국어') is 3
      return Value::integer(std::count_if(x.s.begin(), x.s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    throw coded_type_error("eval_no_len", {x.type_name()}, "object of type '" + x.type_name() + "' has no len()");
  }
  if (name == "int" || name == "float" || name == "bool") {
    args.done(1);
    double v;
    if (x.is_tensor()) {
      if (x.tensor.numel() != 1)
        throw coded_eval_error("ValueError", "eval_scalar_of_tensor", {name, std::to_string(x.tensor.numel())},
                               "ValueError: only one element tensors can be converted to Python scalars");
      v = x.tensor.item();
    } else if (is_number(x)) {
      v = number(x);
    } else if (x.kind == Value::Kind::Str && name == "float" && (x.s == "nan" || x.s == "inf" || x.s == "-inf")) {
      v = x.s == "nan" ? std::nan("") : x.s == "inf" ? HUGE_VAL : -HUGE_VAL;
    } else {
      throw unsupported_value("eval_builtin_of_type", {name, x.type_name()});
    }
    if (name == "int" && !std::isfinite(v))
      throw coded_eval_error("ValueError", "eval_int_of_nonfinite", {python_float(v)},
                             std::isnan(v) ? "ValueError: cannot convert float NaN to integer" : "OverflowError: cannot convert float infinity to integer");
    if (name == "int") return Value::integer(static_cast<std::int64_t>(std::trunc(v)));
    if (name == "float") return Value::real(v);
    return Value::boolean(v != 0);
  }
  if (name == "list" || name == "tuple") {
    args.done(1);
    ValueList items;
    if (x.is_tensor()) {
      if (x.tensor.dim() == 0) throw coded_type_error("eval_iterate_0d", {}, "iteration over a 0-d tensor");
      for (std::int64_t i = 0; i < x.tensor.size(0); ++i) items.push_back(Value::of(x.tensor.select(0, i)));
    } else if (is_sequence(x)) {
      items = *x.items;
    } else {
      throw coded_type_error("eval_not_iterable", {x.type_name()}, "'" + x.type_name() + "' object is not iterable");
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
      // Python rounds the decimal value the float really holds (2.675 is 2.67499…): so does %.*f.
      char buf[512];
      std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(std::clamp<std::int64_t>(to_int(*nd, "ndigits"), 0, 300)), number(x));
      return Value::real(std::strtod(buf, nullptr));
    }
    return Value::integer(static_cast<std::int64_t>(std::nearbyint(number(x))));
  }
  if (name == "type") {
    args.done(1);
    return Value::str("<class '" + std::string(x.is_tensor() ? "torch.Tensor" : x.type_name()) + "'>");
  }
  throw unsupported_value("eval_builtin", {name});
}

Tensor Interpreter::Impl::abs_tensor(const Tensor& t) {
  if (t.dtype() == kInt64) return t.to(kFloat64).abs().to(kInt64);
  return t.abs();
}

Tensor Interpreter::Impl::tensor_arg(Args& args, std::size_t i, const std::string& name) {
  const Value& v = args.need(i, name);
  if (!v.is_tensor())
    throw coded_type_error("eval_argument_not_tensor", {args.fn(), name, v.type_name()},
                           args.fn() + "(): argument '" + name + "' (position " + std::to_string(i + 1) +
                               ") must be Tensor, not " + v.type_name());
  return v.tensor;
}

std::optional<TensorOptions> Interpreter::Impl::dtype_option(Args& args) {
  std::optional<TensorOptions> out;
  if (const Value* d = args.keyword("dtype"); d && d->kind != Value::Kind::None)
    out = TensorOptions{.dtype = to_dtype(*d, "dtype")};
  if (const Value* dev = args.keyword("device"); dev && dev->kind != Value::Kind::None) {
    if (!(dev->kind == Value::Kind::Str && dev->s == "cpu"))
      throw not_supported("device=" + dev->repr(), "word_eval_hint_runs_on_cpu");
  }
  if (const Value* rg = args.keyword("requires_grad"); rg && to_bool(*rg, "requires_grad"))
    throw not_supported("word_eval_requires_grad_here", "word_eval_hint_autograd_lab");
  return out;
}

Value Interpreter::Impl::torch_function(const std::string& name, Args& args) {
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
    if (opt->dtype == kInt64)
      for (double v : flat)
        if (!std::isfinite(v) || std::fabs(v) >= 9.2e18)
          throw coded_eval_error("RuntimeError", "eval_value_not_int64", {python_float(v)},
                                 "RuntimeError: value cannot be converted to type int64 without overflow");
    return Value::of(gs::tensor(nested, opt));
  }
  if (name == "arange") {
    // torch.arange(end) / (start, end[, step]); start=, end=, step= as keywords too.
    bool any_float = false;
    auto read = [&](const Value* v, double fallback) {
      if (!v) return fallback;
      if (!is_number(v[0])) throw coded_type_error("eval_arange_needs_numbers", {v->type_name()});
      any_float |= v->kind == Value::Kind::Float;
      return exact_number(*v, "torch.arange");
    };
    const std::size_t n = args.positional();
    if (n > 3) throw coded_type_error("eval_arange_arity", {});
    const Value* end_kw = args.keyword("end");
    double start = 0, end = 0, step = 1;
    if (n == 1 && !end_kw) {
      end = read(&args.all_positional()[0], 0);
    } else {
      start = read(n >= 1 ? &args.all_positional()[0] : args.keyword("start"), 0);
      const Value* end_v = n >= 2 ? &args.all_positional()[1] : end_kw;
      if (!end_v) throw coded_type_error("eval_arange_needs_end", {}, "arange() missing required argument 'end'");
      end = read(end_v, 0);
      step = read(n >= 3 ? &args.all_positional()[2] : args.keyword("step"), 1);
    }
    if (n >= 1 && args.keyword("start")) throw coded_type_error("eval_arange_start_twice", {});
    if (n == 1 && !end_kw) (void)args.keyword("step");
    std::optional<TensorOptions> opt = dtype_option(args);
    args.done(n);
    if (!opt) opt = TensorOptions{.dtype = any_float ? kFloat32 : kInt64};
    if (step == 0) throw coded_eval_error("RuntimeError", "eval_arange_zero_step", {}, "RuntimeError: step must be nonzero");
    const double count = std::ceil((end - start) / step);
    if (!std::isfinite(count))
      throw coded_eval_error("RuntimeError", "eval_arange_finite", {},
                             "RuntimeError: unsupported range: " + python_float(start) + " -> " + python_float(end));
    if (count < 0)
      throw coded_eval_error("RuntimeError", "eval_arange_step_sign", {python_float(start), python_float(end), python_float(step)},
                             "RuntimeError: upper bound and larger bound inconsistent with step sign");
    check_elements(count, "torch.arange");
    return Value::of(gs::arange(start, end, step, opt));
  }
  if (name == "zeros" || name == "ones" || name == "rand" || name == "randn") {
    std::optional<TensorOptions> opt = dtype_option(args);
    const Value* size_kw = args.positional() == 0 ? args.keyword("size") : nullptr;
    Shape size = size_kw ? dims_of(*size_kw, "size") : sizes_of(args, 0, "size");
    if (!size_kw && args.positional() == 0)
      throw coded_type_error("eval_needs_size", {fn}, name + "() received an invalid combination of arguments");
    args.done(args.positional());
    check_sizes(size, fn);
    const TensorOptions o = opt.value_or(TensorOptions{});
    if (name == "zeros") return Value::of(gs::zeros(size, o));
    if (name == "ones") return Value::of(gs::ones(size, o));
    if (!is_floating_point(o.dtype))
      throw coded_eval_error("RuntimeError", "eval_random_needs_float", {fn},
                             "RuntimeError: \"" + std::string(name == "rand" ? "check_uniform_bounds" : "normal_kernel_cpu") + "\" not implemented for 'Long'");
    return Value::of(name == "rand" ? gs::rand(size, o, &generator) : gs::randn(size, o, &generator));
  }
  if (name == "randint") {
    std::vector<std::int64_t> bounds;
    std::size_t k = 0;
    for (; k < args.positional() && !is_sequence(args.all_positional()[k]); ++k)
      bounds.push_back(to_int(args.all_positional()[k], "word_eval_randint_bound"));
    const Value* size_v = k < args.positional() ? &args.all_positional()[k] : args.keyword("size");
    args.keyword("dtype");
    args.done(args.positional());
    if (!size_v || bounds.empty() || bounds.size() > 2) throw coded_type_error("eval_randint_usage", {});
    Shape size = dims_of(*size_v, "size");
    check_sizes(size, fn);
    const std::int64_t low = bounds.size() == 2 ? bounds[0] : 0, high = bounds.back();
    if (low >= high)
      throw coded_eval_error("RuntimeError", "eval_randint_bounds", {},
                             "RuntimeError: random_ expects 'from' to be less than 'to', but got from=" + std::to_string(low) +
                                 " >= to=" + std::to_string(high));
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
    if (!is_sequence(size_v)) throw coded_type_error("eval_full_size_tuple", {}, "full() received an invalid combination of arguments");
    Shape size = dims_of(size_v, "size");
    check_sizes(size, fn);
    if (!is_number(fill)) throw coded_type_error("eval_fills_with_number", {fn, fill.type_name()});
    if (fill.kind == Value::Kind::Bool) throw not_supported("word_eval_full_of_bools");
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
      throw coded_eval_error("RuntimeError", "eval_eye_negative", {}, "RuntimeError: n must be greater or equal to 0, got " + std::to_string(std::min(n, m)));
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
      throw coded_eval_error("RuntimeError", "eval_linspace_steps", {}, "RuntimeError: number of steps must be non-negative");
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
    if (fill) return Value::of(gs::full_like(t, exact_number(*fill, "torch.full_like"), opt));
    return Value::of(name == "zeros_like" ? gs::zeros_like(t, opt) : gs::ones_like(t, opt));
  }
  if (name == "cat" || name == "concat" || name == "stack") {
    const Value& seq = args.need(0, "tensors");
    const Value* dim_v = args.get(1, "dim");
    args.done(dim_v ? 2 : 1);
    if (!is_sequence(seq))
      throw coded_type_error("eval_join_needs_list", {fn},
                             name + "(): argument 'tensors' (position 1) must be tuple of Tensors, not " + seq.type_name());
    std::vector<Tensor> ts;
    for (const Value& v : *seq.items) {
      if (!v.is_tensor())
        throw coded_type_error("eval_join_non_tensor", {fn, v.type_name()},
                               "expected Tensor as element " + std::to_string(ts.size()) + " in argument 0, but got " + v.type_name());
      ts.push_back(v.tensor);
    }
    if (ts.empty())
      throw coded_eval_error("RuntimeError", "eval_join_empty", {fn},
                             "RuntimeError: " + std::string(name == "stack" ? "stack expects a non-empty TensorList" : "torch.cat(): expected a non-empty list of Tensors"));
    const std::int64_t dim = dim_v ? to_int(*dim_v, "dim") : 0;
    const bool stack = name == "stack";
    const std::int64_t wrapped = wrap_dim(dim, ts[0].dim() + (stack ? 1 : 0));
    record(stack ? Event::Kind::Stack : Event::Kind::Cat, fn, ts, Tensor(), wrapped);
    double total = 0;
    for (const Tensor& t : ts) total += elements_of(t.shape());
    check_elements(total, fn);
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
      throw coded_eval_error("RuntimeError", "eval_mm_dims", {std::to_string(a.dim()), std::to_string(b.dim())},
                             "RuntimeError: " + std::string(a.dim() != 2 ? "self" : "mat2") + " must be a matrix");
    if (name == "bmm" && (a.dim() != 3 || b.dim() != 3))
      throw coded_eval_error("RuntimeError", "eval_bmm_dims", {std::to_string(a.dim()), std::to_string(b.dim())},
                             "RuntimeError: batch1 must be a 3D tensor");
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
  // torch.add(1, t), torch.pow(2, t): the operators, with a Python number on either side.
  static const std::vector<std::pair<std::string, std::string>> kOperators = {
      {"add", "+"}, {"sub", "-"}, {"mul", "*"}, {"div", "/"}, {"pow", "**"}};
  for (const auto& [fname, op] : kOperators) {
    if (name == fname && args.positional() == 2 && !args.keyword("alpha") && !args.keyword("rounding_mode")) {
      const Value a = args.all_positional()[0], b = args.all_positional()[1];
      args.done(2);
      if (!a.is_tensor() && !b.is_tensor())
        throw coded_type_error("eval_needs_a_tensor", {fn}, fname + "(): argument 'input' must be Tensor, not " + a.type_name());
      return binary(op, a, b);
    }
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

void Interpreter::Impl::check_sizes(const Shape& size, const std::string& fn) {
  double n = 1;
  for (std::int64_t s : size) {
    if (s < 0)
      throw coded_eval_error("RuntimeError", "eval_negative_size", {fn, std::to_string(s)},
                             "RuntimeError: Trying to create tensor with negative dimension " + std::to_string(s) + ": " + shape_str(size));
    n *= static_cast<double>(s);
  }
  check_elements(n, fn, "eval_too_many_elements_from");
}

double Interpreter::Impl::elements_of(const Shape& shape) {
  double n = 1;
  for (std::int64_t s : shape) n *= static_cast<double>(s);
  return n;
}

}  // namespace gs::eval
