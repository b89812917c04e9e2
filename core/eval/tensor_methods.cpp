// gs::eval's tensor methods: x.view(...), x.sum(dim=...), x.add_(...) and the rest, with
// PyTorch's argument rules and messages, each calling the engine.
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "autograd/grad_mode.h"
#include "eval/evaluator.h"
#include "util/error.h"

namespace gs::eval {

using namespace detail;

Value Interpreter::Impl::method(const Value& self_v, const std::string& name, Args& args) {
  const Tensor& t = self_v.tensor;
  const std::string fn = name;
  auto dim_arg = [&](std::size_t i, const std::string& key) -> std::optional<std::int64_t> {
    const Value* v = args.get(i, key);
    if (!v || v->kind == Value::Kind::None) return std::nullopt;
    return to_int(*v, key);
  };
  if (name == "view" || name == "reshape") {
    if (args.positional() == 1 && args.all_positional()[0].kind == Value::Kind::Dtype)
      throw not_supported("view(dtype)", "word_eval_hint_use_to_dtype");
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
    check_elements(elements_of(other.shape()), "expand_as");
    return shaped(name, t, t.expand(other.shape()));
  }
  if (name == "permute") {
    if (args.positional() == 0 && !args.keyword("dims"))
      throw coded_type_error("eval_permute_needs_dims", {}, "permute() missing 1 required positional arguments: \"dims\"");
    Shape dims;
    if (const Value* d = args.keyword("dims"); d && args.positional() == 0) dims = dims_of(*d, "dims");
    else dims = sizes_of(args, 0, "dims");
    args.done(args.positional());
    if (static_cast<std::int64_t>(dims.size()) != t.dim())
      throw coded_eval_error("RuntimeError", "eval_permute_count", {std::to_string(t.dim()), std::to_string(dims.size())},
                             "RuntimeError: permute(sparse_coo): number of dimensions in the tensor input does not match the "
                             "length of the desired ordering of dimensions i.e. input.dim() = " + std::to_string(t.dim()) +
                                 " is not equal to len(dims) = " + std::to_string(dims.size()));
    std::vector<bool> seen(t.dim(), false);
    for (std::int64_t d : dims) {
      const std::int64_t w = wrap_dim(d, t.dim());
      if (seen[w]) throw coded_eval_error("RuntimeError", "eval_permute_repeated", {std::to_string(w)}, "RuntimeError: repeated dim in permute");
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
      throw coded_eval_error("RuntimeError", "eval_t_dims", {std::to_string(t.dim())},
                             "RuntimeError: t() expects a tensor with <= 2 dimensions, but self is " + std::to_string(t.dim()) + "D");
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
      throw coded_eval_error("RuntimeError", "eval_flatten_dims", {}, "RuntimeError: flatten() has invalid args: start_dim cannot come after end_dim");
    return shaped(name, t, t.flatten(s, e));
  }
  if (name == "expand") {
    Shape shape = sizes_of(args, 0, "size");
    args.done(args.positional());
    if (static_cast<std::int64_t>(shape.size()) < t.dim())
      throw coded_eval_error("RuntimeError", "eval_expand_sizes", {std::to_string(t.dim()), std::to_string(shape.size())},
                             "RuntimeError: expand(torch.LongTensor{" + shape_str(t.shape()) + "}, size=" + shape_str(shape) +
                                 "): the number of sizes provided (" + std::to_string(shape.size()) +
                                 ") must be greater or equal to the number of dimensions in the tensor (" + std::to_string(t.dim()) + ")");
    Tensor out = t.expand(shape);
    check_elements(elements_of(out.shape()), "expand");
    return shaped(name, t, out);
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
    for (std::int64_t dim : dims) wrap_dim(dim, x.dim());  // a 0-d tensor has dims 0 and -1 only, as in PyTorch
    return Value::of(name == "sum" ? x.sum(dims, keep) : x.mean(dims, keep));
  }
  if (name == "argmax" || name == "argmin" || name == "max" || name == "min") {
    if (args.positional() > 0 && args.all_positional()[0].is_tensor())
      throw unsupported_value("eval_elementwise_of_two_tensors", {name});
    const std::optional<std::int64_t> d = dim_arg(0, "dim");
    const Value* k = args.get(1, "keepdim");
    args.done(args.positional());
    const bool keep = k && to_bool(*k, "keepdim");
    if (name == "argmin") {
      const Tensor neg = -t;
      return Value::of(d ? neg.argmax(*d, keep) : neg.argmax());
    }
    if (name == "argmax") {
      if (d) return Value::of(t.argmax(*d, keep));
      // The index into the flattened tensor; keepdim keeps one size-1 dim per dim, as PyTorch.
      Tensor flat = t.argmax();
      return Value::of(keep ? flat.reshape(Shape(t.dim(), 1)) : flat);
    }
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
    throw not_supported("x." + name + "()", "word_eval_hint_float_double_long");
  if (name == "to") {
    const Value* d = args.get(0, "dtype");
    if (const Value* k = args.keyword("dtype")) d = k;
    if (const Value* dev = args.keyword("device"))
      if (!(dev->kind == Value::Kind::Str && dev->s == "cpu")) throw not_supported("to(device=" + dev->repr() + ")", "word_eval_hint_runs_on_cpu");
    args.done(args.positional());
    if (!d) return Value::of(t);
    if (d->kind == Value::Kind::Str) {
      if (d->s == "cpu") return Value::of(t);
      throw not_supported("to('" + d->s + "')", "word_eval_hint_gpu_lab");
    }
    return shaped("to", t, t.to(to_dtype(*d, "dtype")));
  }
  if (name == "cuda") throw not_supported("x.cuda()", "word_eval_hint_gpu_lab");
  if (name == "type") throw not_supported("x.type()", "word_eval_hint_use_dtype");
  if (name == "numpy") throw not_supported("x.numpy()", "word_eval_hint_use_tolist");
  if (name == "data_ptr") throw not_supported("x.data_ptr()", "word_eval_hint_storage_offsets");
  if (name == "item") {
    args.done();
    if (t.numel() != 1)
      throw coded_eval_error("ValueError", "eval_item_not_one_element", {std::to_string(t.numel()), shape_text(t.shape())},
                             "ValueError: only one element tensors can be converted to Python scalars");
    const double v = t.item();
    return t.dtype() == kInt64 ? Value::integer(static_cast<std::int64_t>(v)) : Value::real(v);
  }
  if (name == "tolist") {
    args.done();
    if (t.numel() > 100'000)
      throw not_supported("word_eval_tolist_too_long", "word_eval_hint_index_a_part");
    return tensor_to_list(t);
  }
  if (name == "size" || name == "stride") {
    const std::optional<std::int64_t> d = dim_arg(0, "dim");
    args.done(d ? 1 : 0);
    const Shape& s = name == "size" ? t.shape() : t.strides();
    if (d) {
      if (t.dim() == 0)
        throw coded_eval_error("IndexError", "eval_0d_no_dims", {},
                               "IndexError: dimension specified as " + std::to_string(*d) + " but tensor has no dimensions");
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
      throw coded_type_error("eval_fills_with_number", {"fill_", v->type_name()});
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
    broadcastable(src, target, /*strip_leading_ones=*/false);
    check_no_partial_overlap(target, src);
    target.copy_(src.to(target.dtype()));
    record(Event::Kind::InPlace, name, {src}, target);
    return self_v;
  }
  if (name == "div" && args.keyword("rounding_mode")) throw not_supported("div(..., rounding_mode=...)", "word_eval_hint_divide_then_floor");
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
    if (name == "relu") return Value::of(t.dtype() == kInt64 ? t.to(kFloat64).relu().to(kInt64) : t.relu());
    if (name == "exp") return Value::of(t.exp());
    if (name == "log") return Value::of(t.log());
    if (name == "sqrt") return Value::of(t.sqrt());
    if (name == "sigmoid") return Value::of(t.sigmoid());
    return Value::of(t.tanh());
  }
  throw not_supported("Tensor." + name + "()");
}

}  // namespace gs::eval
