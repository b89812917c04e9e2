// The engine's messages in the learner's language (issue 15): every coded message of core has
// one English template (the text core throws) and a Korean translation with the same
// placeholders; real mistakes give the expected code and values; what the Tensors lab refuses, and
// every other error its evaluator raises (TypeError, IndexError, its limits, ...), is said in coded
// sentences and words; and what the Autograd, Tensors and Losses labs show in Korean has no English
// left but PyTorch's own words.
#include <QtTest>

#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGraphicsView>

#include "english_in.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QFile>
#include <QTemporaryDir>
#include <QTextDocument>
#include <functional>
#include <set>
#include <type_traits>

#include "app/engine_message.h"
#include "app/language.h"
#include "app/layout_check.h"
#include "autograd/expression.h"
#include "backend/backend.h"
#include "builder/network_builder.h"
#include "data/csv_import.h"
#include "data/loaders.h"
#include "eval/interpreter.h"
#include "eval/syntax.h"
#include "io/safetensors.h"
#include "labs/autograd/autograd_lab.h"
#include "labs/gpu/gpu_lab.h"
#include "labs/losses/losses_lab.h"
#include "labs/losses/mistakes_page.h"
#include "labs/tensors/tensors_lab.h"
#include "ops/conv_explain.h"
#include "ops/functional.h"
#include "spec/model_spec.h"
#include "util/error_codes.h"

using namespace gsui;
using Args = std::vector<std::string>;

namespace {

/// The placeholders %1 … %9 a sentence uses.
std::set<int> placeholders(const QString& text) {
  std::set<int> out;
  static const QRegularExpression p("%([1-9])");
  for (auto it = p.globalMatch(text); it.hasNext();) out.insert(it.next().captured(1).toInt());
  return out;
}


/// Rich text as a learner reads it, with the <code> spans (PyTorch's words, program text) left out.
QString withoutCode(const QString& html) {
  QString h = html;
  h.remove(QRegularExpression("<code>.*?</code>", QRegularExpression::DotMatchesEverythingOption));
  QTextDocument doc;
  doc.setHtml(h);
  return doc.toPlainText();
}

/// Runs f and returns the gs::Error it throws (fails the test if it throws none).
gs::Error errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const gs::Error& e) {
    return e;
  }
  return gs::Error("(no error)");
}

gs::Tensor leaf(std::vector<double> v) {
  gs::Tensor x = gs::from_vector(v, {static_cast<std::int64_t>(v.size())});
  x.requires_grad_(true);
  return x;
}

/// The explanation part of what() (without "(PyTorch: …)").
std::string explanationOf(const gs::Error& e) {
  const std::string what = e.what();
  const std::size_t p = what.find("\n(PyTorch: ");
  return p == std::string::npos ? what : what.substr(0, p);
}

struct Trigger {
  const char* name;
  std::function<void()> run;
  const char* code;
  Args args;
};

/// Real mistakes, made by calling core as the labs do.
const std::vector<Trigger>& triggers() {
  using namespace gs;
  static const std::vector<Trigger> list = {
      {"backward twice", [] { Tensor x = leaf({1, 2, 3}); Tensor y = sum(x * x); y.backward(); y.backward(); },
       "backward_freed_graph", {"MulBackward0"}},
      {"backward on a non-scalar", [] { (leaf({1, 2, 3}) * 2.0).backward(); }, "backward_non_scalar", {"[3]", "3"}},
      {"nothing requires grad", [] { sum(from_vector({1, 2, 3}, {3})).backward(); }, "backward_nothing_requires_grad", {}},
      {"in place on a leaf", [] { leaf({1, 2, 3}).add_(1.0); }, "inplace_leaf_requires_grad", {"add_"}},
      {"saved tensor modified", [] { Tensor a = leaf({1, 1, 1}) * 2.0; Tensor y = sum(a * a); a.add_(1.0); y.backward(); },
       "saved_tensor_modified", {"MulBackward0", "self", "[3]"}},
      {"view on a transposed tensor", [] { arange(6).view({2, 3}).t().view({6}); }, "view_not_contiguous", {"[6]", "[1, 3]"}},
      {"broadcasting mismatch", [] { (void)(ones({2, 3}) + ones({2})); }, "broadcast_mismatch", {"[2, 3]", "[2]", "1", "3", "2"}},
      {"matmul shapes", [] { matmul(ones({2, 3}), ones({2, 3})); }, "mm_shapes", {"2x3", "2x3", "3", "2"}},
      {"cat shapes", [] { cat({ones({2, 3}), ones({2, 2})}, 0); }, "cat_sizes", {"1", "[2, 2]", "[2, 3]", "0"}},
      {"item on many", [] { ones({3}).item(); }, "item_not_one_element", {"[3]", "3"}},
      {"dim out of range", [] { ones({3}).unsqueeze(5); }, "dim_out_of_range", {"5", "2", "[-2, 1]"}},
      {"BCELoss on 3.0", [] { binary_cross_entropy(from_vector({3.0}, {1}), from_vector({1.0}, {1})); },
       "bce_needs_probabilities", {"0", "3.000000"}},
      {"CE with float indices", [] { cross_entropy(ones({4, 3}), from_vector({0, 1, 2, 0}, {4})); }, "nll_target_dtype",
       {"torch.float32"}},
      {"(N, 1) vs (N,)", [] { mse_loss(ones({4, 1}), ones({4})); }, "loss_shape_mismatch", {"MSELoss", "[4, 1]", "[4]"}},
      {"padding same with stride 2",
       [] { conv2d_padding({3, 3}, {.stride = {2, 2}, .padding_mode = PaddingMode::Same}); }, "conv_same_padding_stride", {}},
      {"unknown function",
       [] { gs::expr::evaluate("y = sigmod(x)", {{"x", scalar_tensor(1.0)}}); }, "expr_unknown_function_hint",
       {"1", "5", "sigmod", "sigmoid"}},
      {"unclosed bracket", [] { gs::expr::evaluate("y = (x", {{"x", scalar_tensor(1.0)}}); }, "expr_expected",
       {"1", "7", ")", "the end of the program"}},
  };
  return list;
}

/// "<construct> is not supported here: …" as the Tensors lab's evaluator has always said it.
std::string refusedEnglish(const std::string& construct, const std::string& hint = "") {
  return construct + " is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor "
                     "pages use." + (hint.empty() ? "" : " " + hint);
}

/// A program the Tensors lab refuses by name: the coded sentence and values it gets (a "word_…"
/// value is one of core's coded words, any other value is program text quoted as it is), and the
/// English the evaluator printed before its refusals were coded.
struct Refusal {
  const char* name;
  const char* program;
  const char* code;
  Args args;
  std::string english;
};

const std::vector<Refusal>& refusals() {
  static const std::vector<Refusal> list = {
      {"x.cuda()", "x = torch.ones(2)\nx.cuda()", "eval_not_supported_hint", {"x.cuda()", "word_eval_hint_gpu_lab"},
       refusedEnglish("x.cuda()", "The Tensors lab runs on the CPU; the GPU lab shows devices.")},
      {"view(dtype)", "x = torch.ones(2)\nx.view(torch.float64)", "eval_not_supported_hint", {"view(dtype)", "word_eval_hint_use_to_dtype"},
       refusedEnglish("view(dtype)", "Use .to(dtype) to convert.")},
      {"x.numpy()", "x = torch.ones(2)\nx.numpy()", "eval_not_supported_hint", {"x.numpy()", "word_eval_hint_use_tolist"},
       refusedEnglish("x.numpy()", "Use x.tolist().")},
      {"a tensor of bools", "torch.tensor([True, False])", "eval_not_supported_hint",
       {"word_eval_tensor_of_bools", "word_eval_hint_use_1_and_0"}, refusedEnglish("bool tensors (torch.tensor of True/False)", "Use 1 and 0.")},
      {"requires_grad", "torch.ones(2, requires_grad=True)", "eval_not_supported_hint",
       {"word_eval_requires_grad_here", "word_eval_hint_autograd_lab"},
       refusedEnglish("requires_grad=True here", "Gradients live in the Autograd lab.")},
      {"x.T of three dims", "x = torch.ones(2, 2, 2)\nx.T", "eval_not_supported_hint",
       {"word_eval_transpose_more_than_2d", "word_eval_hint_use_permute"}, refusedEnglish("x.T on a tensor with more than 2 dims", "Use permute().")},
      {"@=", "x = torch.ones(2, 2)\nx @= x", "eval_not_supported_hint", {"word_eval_inplace_matmul", "word_eval_hint_write_matmul"},
       refusedEnglish("in-place matrix product (@=)", "Write x = x @ y.")},
      {"nested index lists", "x = torch.arange(6)\nx[[[0]]]", "eval_not_supported_hint",
       {"word_eval_nested_index_lists", "word_eval_hint_one_list_of_ints"}, refusedEnglish("nested lists as an index", "Index with one list of ints.")},
      {"rebinding torch", "torch = 1", "eval_not_supported", {"word_eval_rebinding_torch"}, refusedEnglish("rebinding the name torch")},
      {"elementwise max", "x = torch.ones(2)\nx.max(x)", "eval_elementwise_of_two_tensors", {"max"},
       refusedEnglish("x.max(other) (the elementwise max of two tensors)", "Use torch.where or clamp.")},
      {"int() of a list", "int([1, 2])", "eval_builtin_of_type", {"int", "list"}, refusedEnglish("int() of a list")},
      {"// on tensors", "x = torch.arange(3)\nx // 2", "eval_operator_on_tensors", {"//"}, refusedEnglish("the operator // on tensors")},
      {"an integer beyond 2^53", "x = torch.zeros(2)\nx[0] = 9007199254740993", "eval_integer_beyond_2_53",
       {"9007199254740993", "word_eval_an_assignment"},
       refusedEnglish("the integer 9007199254740993 in an assignment (beyond 2^53)", "Values this large lose digits on the way into a tensor here.")},
      {"slicing a shape", "x = torch.ones(2, 3)\nx.shape[0:1]", "eval_slicing", {"torch.Size"},
       refusedEnglish("slicing a torch.Size", "Index one element, e.g. x.shape[0].")},
      {"an integer beyond 64 bits", "y = 2 ** 70", "eval_integers_beyond_64_bits", {"2 ** 70"}, refusedEnglish("integers beyond 64 bits (2 ** 70)")},
      {"item assignment on a list", "a = [1, 2]\na[0] = 3", "eval_item_assignment", {"list"}, refusedEnglish("item assignment on a list")},
  };
  return list;
}

/// A refusal's values as the evaluator gives them: its coded words in English.
Args valuesOf(const Refusal& r) {
  Args out;
  for (const std::string& a : r.args) out.push_back(gs::eval::coded_word(a));
  return out;
}

/// The Tensors lab's own sentences for Python's errors and its limits (TypeError, ValueError,
/// IndexError, ...): a program that makes one, Python's exception type, the coded sentence and its
/// values ("word_…" a coded word, anything else program text or a Python value), the English the
/// evaluator printed before these sentences were coded, and Python's own line (kept as it was).
struct EvalMistake {
  const char* name;
  const char* program;
  const char* type;
  const char* code;
  Args args;
  std::string english;
  std::string torch;
};

const std::vector<EvalMistake>& evalMistakes() {
  static const std::string tooMany =
      " elements: tensors of more than a million elements are not supported here. The Tensors lab is for tensors you can look "
      "at; make it smaller.";
  static const std::vector<EvalMistake> list = {
      // Arguments (evaluator.h's Args)
      {"two values for dim", "x = torch.ones(3)\nx.sum(0, dim=0)", "TypeError", "eval_multiple_values", {"sum", "dim"},
       "sum() got multiple values for argument 'dim'", ""},
      {"a missing argument", "torch.full((2, 3))", "TypeError", "eval_missing_argument", {"torch.full", "fill_value"},
       "torch.full() is missing the argument 'fill_value'", "TypeError: torch.full() missing 1 required positional arguments: \"fill_value\""},
      {"too many positional", "len([1], 2)", "TypeError", "eval_too_many_positional", {"len", "1", "2"},
       "len() takes 1 positional argument(s) but 2 were given", ""},
      {"an unexpected keyword", "torch.zeros(2, colour=1)", "TypeError", "eval_unexpected_keyword", {"torch.zeros", "colour"},
       "torch.zeros() got an unexpected keyword argument 'colour'", "TypeError: torch.zeros() got an unexpected keyword argument 'colour'"},
      // Built-ins
      {"calling an int", "a = 3\na()", "TypeError", "eval_not_callable", {"int"}, "'int' object is not callable",
       "TypeError: 'int' object is not callable"},
      {"len of a 0-d tensor", "len(torch.tensor(3))", "TypeError", "eval_len_of_0d", {}, "len() of a 0-d tensor",
       "TypeError: len() of a 0-d tensor"},
      {"len of an int", "len(5)", "TypeError", "eval_no_len", {"int"}, "object of type 'int' has no len()",
       "TypeError: object of type 'int' has no len()"},
      {"int of three elements", "int(torch.ones(3))", "ValueError", "eval_scalar_of_tensor", {"int", "3"},
       "int() needs a one-element tensor, but this one has 3 elements", "ValueError: only one element tensors can be converted to Python scalars"},
      {"int of inf", "int(float('inf'))", "ValueError", "eval_int_of_nonfinite", {"inf"}, "int() of inf has no integer value",
       "OverflowError: cannot convert float infinity to integer"},
      {"list of a 0-d tensor", "list(torch.tensor(1.5))", "TypeError", "eval_iterate_0d", {}, "iteration over a 0-d tensor",
       "TypeError: iteration over a 0-d tensor"},
      {"tuple of an int", "tuple(3)", "TypeError", "eval_not_iterable", {"int"}, "'int' object is not iterable",
       "TypeError: 'int' object is not iterable"},
      // torch functions
      {"zeros_like of a list", "torch.zeros_like([1, 2])", "TypeError", "eval_argument_not_tensor", {"torch.zeros_like", "input", "list"},
       "torch.zeros_like(): argument 'input' must be a Tensor, not list",
       "TypeError: torch.zeros_like(): argument 'input' (position 1) must be Tensor, not list"},
      {"inf in an int64 tensor", "torch.tensor([float('inf')], dtype=torch.int64)", "RuntimeError", "eval_value_not_int64", {"inf"},
       "the value inf does not fit in an int64 tensor", "RuntimeError: value cannot be converted to type int64 without overflow"},
      {"1e19 into an int64 tensor", "x = torch.zeros(2, dtype=torch.int64)\nx[0] = 1e19", "RuntimeError", "eval_value_not_int64", {"1e+19"},
       "the value 1e+19 does not fit in an int64 tensor", "RuntimeError: value cannot be converted to type int64_t without overflow"},
      {"arange of a string", "torch.arange('a')", "TypeError", "eval_arange_needs_numbers", {"str"}, "torch.arange() needs numbers, but got str", ""},
      {"arange of four numbers", "torch.arange(1, 2, 3, 4)", "TypeError", "eval_arange_arity", {},
       "torch.arange() takes 1 to 3 numbers (end, or start, end, step)", ""},
      {"arange without an end", "torch.arange(start=1)", "TypeError", "eval_arange_needs_end", {}, "torch.arange() needs an end",
       "TypeError: arange() missing required argument 'end'"},
      {"arange with start twice", "torch.arange(1, 5, start=0)", "TypeError", "eval_arange_start_twice", {}, "torch.arange() got start twice", ""},
      {"arange with step 0", "torch.arange(0, 5, 0)", "RuntimeError", "eval_arange_zero_step", {}, "torch.arange needs a non-zero step",
       "RuntimeError: step must be nonzero"},
      {"arange to inf", "torch.arange(float('inf'))", "RuntimeError", "eval_arange_finite", {}, "torch.arange needs finite bounds",
       "RuntimeError: unsupported range: 0.0 -> inf"},
      {"arange stepping away", "torch.arange(5, 0, 1)", "RuntimeError", "eval_arange_step_sign", {"5.0", "0.0", "1.0"},
       "torch.arange's step goes away from the end: start 5.0, end 0.0, step 1.0",
       "RuntimeError: upper bound and larger bound inconsistent with step sign"},
      {"zeros without a size", "torch.zeros()", "TypeError", "eval_needs_size", {"torch.zeros"}, "torch.zeros() needs a size, e.g. torch.zeros(2, 3)",
       "TypeError: zeros() received an invalid combination of arguments"},
      {"rand of int64", "torch.rand(2, dtype=torch.int64)", "RuntimeError", "eval_random_needs_float", {"torch.rand"},
       "torch.rand makes floating-point numbers; ask for torch.float32 or torch.float64",
       "RuntimeError: \"check_uniform_bounds\" not implemented for 'Long'"},
      {"randint without a size", "torch.randint(5)", "TypeError", "eval_randint_usage", {},
       "torch.randint(low, high, size) or torch.randint(high, size)", ""},
      {"randint with low > high", "torch.randint(5, 2, (3,))", "RuntimeError", "eval_randint_bounds", {}, "torch.randint needs low < high",
       "RuntimeError: random_ expects 'from' to be less than 'to', but got from=5 >= to=2"},
      {"randint of 1.5", "torch.randint(1.5, (3,))", "TypeError", "eval_must_be_integer", {"word_eval_randint_bound", "1.5", "float"},
       "randint bound must be an integer, but got 1.5 (float)", "TypeError: randint bound must be int, not float"},
      {"full of an int size", "torch.full(3, 7)", "TypeError", "eval_full_size_tuple", {},
       "torch.full() needs its size as a tuple, e.g. torch.full((2, 3), 7)", "TypeError: full() received an invalid combination of arguments"},
      {"full of a string", "torch.full((2,), 'a')", "TypeError", "eval_fills_with_number", {"torch.full", "str"},
       "torch.full() fills with a number, not a str", ""},
      {"fill_ with a list", "x = torch.ones(2)\nx.fill_([1])", "TypeError", "eval_fills_with_number", {"fill_", "list"},
       "fill_() fills with a number, not a list", ""},
      {"eye of -1", "torch.eye(-1)", "RuntimeError", "eval_eye_negative", {}, "torch.eye needs non-negative sizes",
       "RuntimeError: n must be greater or equal to 0, got -1"},
      {"linspace of -2 steps", "torch.linspace(0, 1, -2)", "RuntimeError", "eval_linspace_steps", {}, "torch.linspace needs steps \u2265 0",
       "RuntimeError: number of steps must be non-negative"},
      {"cat of a tensor", "x = torch.ones(2)\ntorch.cat(x)", "TypeError", "eval_join_needs_list", {"torch.cat"},
       "torch.cat() takes a list or tuple of tensors, e.g. torch.cat([a, b], dim=0)",
       "TypeError: cat(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor"},
      {"stack of a number", "torch.stack([torch.ones(2), 3])", "TypeError", "eval_join_non_tensor", {"torch.stack", "int"},
       "torch.stack() joins tensors, but the list holds a int", "TypeError: expected Tensor as element 1 in argument 0, but got int"},
      {"cat of nothing", "torch.cat([])", "RuntimeError", "eval_join_empty", {"torch.cat"}, "torch.cat() needs at least one tensor",
       "RuntimeError: torch.cat(): expected a non-empty list of Tensors"},
      {"mm of a vector", "torch.mm(torch.ones(3), torch.ones(3, 2))", "RuntimeError", "eval_mm_dims", {"1", "2"},
       "torch.mm multiplies two matrices (2-D); got 1-D and 2-D. torch.matmul handles other shapes.", "RuntimeError: self must be a matrix"},
      {"bmm of matrices", "torch.bmm(torch.ones(2, 2), torch.ones(2, 2))", "RuntimeError", "eval_bmm_dims", {"2", "2"},
       "torch.bmm multiplies two batches of matrices (3-D); got 2-D and 2-D.", "RuntimeError: batch1 must be a 3D tensor"},
      {"torch.add of numbers", "torch.add(1, 2)", "TypeError", "eval_needs_a_tensor", {"torch.add"}, "torch.add() needs a tensor among its arguments",
       "TypeError: add(): argument 'input' must be Tensor, not int"},
      {"a negative size", "torch.zeros(2, -3)", "RuntimeError", "eval_negative_size", {"torch.zeros", "-3"}, "torch.zeros got the negative size -3",
       "RuntimeError: Trying to create tensor with negative dimension -3: [2, -3]"},
      // Statements, subscripts, operators
      {"unpacking an int", "a, b = 3", "TypeError", "eval_cannot_unpack", {"int", "2"}, "cannot unpack int into 2 names",
       "TypeError: cannot unpack non-iterable int object"},
      {"unpacking a 0-d tensor", "a, b = torch.tensor(1)", "TypeError", "eval_unpack_0d", {}, "a 0-d tensor cannot be unpacked",
       "TypeError: iteration over a 0-d tensor"},
      {"three values into two names", "a, b = [1, 2, 3]", "ValueError", "eval_unpack_count", {"3", "2"}, "there are 3 values to unpack into 2 names",
       "ValueError: too many values to unpack (expected 2)"},
      {"a list index out of range", "a = [1, 2]\na[5]", "IndexError", "eval_index_out_of_range", {"5", "list", "2"},
       "index 5 is out of range for a list of length 2", "IndexError: list index out of range"},
      {"a float list index", "a = [1, 2]\na[0.5]", "TypeError", "eval_must_be_integer", {"word_eval_list_index", "0.5", "float"},
       "list index must be an integer, but got 0.5 (float)", "TypeError: list index must be int, not float"},
      {"a string shape index", "x = torch.ones(2, 3)\nx.shape['a']", "TypeError", "eval_must_be_integer", {"word_eval_size_index", "'a'", "str"},
       "torch.Size index must be an integer, but got 'a' (str)", "TypeError: torch.Size index must be int, not str"},
      {"indexing an int", "a = 3\na[0]", "TypeError", "eval_not_subscriptable", {"int"}, "'int' object is not subscriptable",
       "TypeError: 'int' object is not subscriptable"},
      {"minus a string", "-'a'", "TypeError", "eval_bad_unary", {"-", "str"}, "bad operand type for unary -: 'str'",
       "TypeError: bad operand type for unary -: 'str'"},
      {"plus a list", "+[1]", "TypeError", "eval_bad_unary", {"+", "list"}, "bad operand type for unary +: 'list'", ""},
      {"an int's attribute", "a = 3\na.foo", "AttributeError", "eval_no_attribute", {"int", "foo"}, "a int has no attribute foo",
       "AttributeError: 'int' object has no attribute 'foo'"},
      {"list minus list", "[1] - [2]", "TypeError", "eval_unsupported_operands", {"-", "list", "list"},
       "unsupported operand type(s) for -: 'list' and 'list'", "TypeError: unsupported operand type(s) for -: 'list' and 'list'"},
      {"tensor plus string", "torch.ones(2) + 'a'", "TypeError", "eval_unsupported_operands", {"+", "Tensor", "str"},
       "unsupported operand type(s) for +: 'Tensor' and 'str'", "TypeError: unsupported operand type(s) for +: 'Tensor' and 'str'"},
      {"1 / 0", "1 / 0", "ZeroDivisionError", "eval_division_by_zero", {}, "division by zero", "ZeroDivisionError: division by zero"},
      {"0.0 ** -1", "0.0 ** -1", "ZeroDivisionError", "eval_zero_negative_power", {}, "0 cannot be raised to a negative power",
       "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
      {"2 @ 3", "2 @ 3", "TypeError", "eval_matmul_numbers", {}, "unsupported operand type(s) for @: numbers", ""},
      {"int tensor ** -1", "torch.arange(3) ** -1", "RuntimeError", "eval_int_negative_power", {},
       "an integer tensor cannot be raised to a negative integer power", "RuntimeError: Integers to negative integer powers are not allowed."},
      {"float @ int64", "torch.ones(2, 2) @ torch.arange(4).view(2, 2)", "RuntimeError", "eval_matmul_dtypes", {"@", "torch.float32", "torch.int64"},
       "@ needs both operands to have the same dtype, but they are torch.float32 and torch.int64: convert one with .to(...).",
       "RuntimeError: expected scalar type Float but found Long"},
      {"a product too long", "torch.ones(1000, 1000) @ torch.ones(1000, 1000)", "NotSupported", "eval_product_too_large",
       {"(1000, 1000)", "@", "(1000, 1000)", "1000"},
       "the product (1000, 1000) @ (1000, 1000) would take 1000 million multiply-adds: products of more than 200 million are not "
       "supported here. The Tensors lab is for tensors you can look at; make them smaller.", ""},
      {"int64 += 0.5", "x = torch.arange(3)\nx += 0.5", "RuntimeError", "eval_inplace_dtype", {"+=", "torch.float32", "torch.int64", "+"},
       "+= would put torch.float32 results into the torch.int64 tensor in place; an in-place op cannot change a tensor's dtype. "
       "Write x = x + ... (a new tensor) or convert x first with .float().",
       "RuntimeError: result type Float can't be cast to the desired output type Long"},
      {"add_ that broadcasts", "x = torch.ones(3)\nx.add_(torch.ones(2, 3))", "RuntimeError", "eval_inplace_shape", {"add_", "(2, 3)", "(3,)"},
       "add_ cannot change the shape of the tensor it updates in place: the result would be (2, 3), but the tensor is (3,).",
       "RuntimeError: output with shape [3] doesn't match the broadcast shape [2, 3]"},
      {"partial overlap", "x = torch.arange(6.0)\nx[1:].copy_(x[:-1])", "RuntimeError", "eval_partial_overlap", {},
       "this in-place write reads from the same memory it writes (the two overlap in part), so its result would depend on the order "
       "of the writes. clone() the right-hand side first.",
       "RuntimeError: unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory "
       "location. Please clone() the tensor before performing the operation."},
      // Indexing
      {"a negative slice step", "x = torch.arange(5)\nx[::-1]", "ValueError", "eval_slice_step", {"-1"},
       "a slice step must be positive, got -1 (PyTorch has no negative steps; use torch.flip)", "ValueError: step must be greater than zero"},
      {"a float slice start", "x = torch.arange(5)\nx[1.5:]", "TypeError", "eval_must_be_integer", {"word_eval_slice_start", "1.5", "float"},
       "a slice start must be an integer, but got 1.5 (float)", "TypeError: a slice start must be int, not float"},
      {"two ellipses", "x = torch.ones(2, 2)\nx[..., ...]", "IndexError", "eval_one_ellipsis", {}, "an index can contain ... only once",
       "IndexError: an index can only have a single ellipsis ('...')"},
      {"too many indices", "x = torch.ones(2)\nx[0, 0]", "IndexError", "eval_too_many_indices", {"1", "2"},
       "too many indices: the tensor has 1 dimension(s) but the index names 2", "IndexError: too many indices for tensor of dimension 1"},
      {"a float in an index list", "x = torch.ones(3)\nx[[0, 1.5]]", "IndexError", "eval_index_list_ints", {"float"},
       "an index list must hold integers, but it holds float", "IndexError: tensors used as indices must be long, int, byte or bool tensors"},
      {"a float index tensor", "x = torch.ones(3)\nx[torch.ones(2)]", "IndexError", "eval_index_tensor_dtype", {"torch.float32"},
       "a tensor used as an index must be int64, but this one is torch.float32",
       "IndexError: tensors used as indices must be long, int, byte or bool tensors"},
      {"a string index", "x = torch.ones(3)\nx['a']", "IndexError", "eval_bad_index", {"str"}, "a tensor cannot be indexed with str",
       "IndexError: only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got str)"},
      {"a string into a tensor", "x = torch.ones(3)\nx[0] = 'a'", "TypeError", "eval_assign_into_tensor", {"str"},
       "can only assign a number or a tensor into a tensor, not a str", ""},
      {"int64 values through a list", "x = torch.ones(3)\nx[[0, 1]] = torch.arange(2)", "RuntimeError", "eval_index_put_dtype",
       {"torch.float32", "torch.int64"},
       "assigning through an index list needs the values in the tensor's own dtype (torch.float32), but they are torch.int64: convert "
       "them with .to(...) first.",
       "RuntimeError: Index put requires the source and destination dtypes match, got Float for the destination and Long for the source."},
      {"three values into two", "x = torch.ones(3)\nx[0:2] = torch.ones(3)", "RuntimeError", "eval_fill_shape", {"(3,)", "(2,)"},
       "a value of shape (3,) cannot fill the part of shape (2,): the shapes must match or broadcast.",
       "RuntimeError: shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2]"},
      // Tensor methods
      {"permute()", "x = torch.ones(2, 3)\nx.permute()", "TypeError", "eval_permute_needs_dims", {},
       "permute() needs the new order of the dims, e.g. x.permute(1, 0)", "TypeError: permute() missing 1 required positional arguments: \"dims\""},
      {"permute(0) of 2 dims", "x = torch.ones(2, 3)\nx.permute(0)", "RuntimeError", "eval_permute_count", {"2", "1"},
       "permute needs one entry per dimension: the tensor has 2 dims but 1 were given.",
       "RuntimeError: permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering "
       "of dimensions i.e. input.dim() = 2 is not equal to len(dims) = 1"},
      {"permute(1, 1)", "x = torch.ones(2, 3)\nx.permute(1, 1)", "RuntimeError", "eval_permute_repeated", {"1"}, "permute lists dim 1 twice",
       "RuntimeError: repeated dim in permute"},
      {"t() of 3 dims", "x = torch.ones(2, 2, 2)\nx.t()", "RuntimeError", "eval_t_dims", {"3"},
       "t() transposes tensors of at most 2 dims; this one has 3. Use transpose(dim0, dim1) or permute.",
       "RuntimeError: t() expects a tensor with <= 2 dimensions, but self is 3D"},
      {"flatten(2, 1)", "x = torch.ones(2, 3, 4)\nx.flatten(2, 1)", "RuntimeError", "eval_flatten_dims", {}, "flatten needs start_dim \u2264 end_dim",
       "RuntimeError: flatten() has invalid args: start_dim cannot come after end_dim"},
      {"expand(3) of 2 dims", "x = torch.ones(2, 3)\nx.expand(3)", "RuntimeError", "eval_expand_sizes", {"2", "1"},
       "expand needs at least as many sizes as the tensor has dims (2), got 1",
       "RuntimeError: expand(torch.LongTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater or equal to the "
       "number of dimensions in the tensor (2)"},
      {"size(0) of a 0-d tensor", "x = torch.tensor(1.0)\nx.size(0)", "IndexError", "eval_0d_no_dims", {},
       "a 0-d tensor has no dimensions to ask about", "IndexError: dimension specified as 0 but tensor has no dimensions"},
      {"unsqueeze('a')", "x = torch.ones(2)\nx.unsqueeze('a')", "TypeError", "eval_must_be_integer", {"dim", "'a'", "str"},
       "dim must be an integer, but got 'a' (str)", "TypeError: dim must be int, not str"},
      {"keepdim='yes'", "x = torch.ones(2)\nx.sum(0, keepdim='yes')", "TypeError", "eval_must_be_bool", {"keepdim", "'yes'"},
       "keepdim must be True or False, but got 'yes'", ""},
      {"dtype='float'", "torch.zeros(2, dtype='float')", "TypeError", "eval_must_be_dtype", {"dtype", "'float'"},
       "dtype must be a dtype such as torch.float32, but got 'float'", ""},
      {"view(2, 'a')", "x = torch.ones(6)\nx.view(2, 'a')", "TypeError", "eval_sizes_tuple_of_ints", {"view", "size", "str", "1"},
       "view(): size must be a tuple of ints, but found element of type str at pos 1",
       "TypeError: view(): argument 'size' must be tuple of ints, but found element of type str at pos 1"},
      {"a ragged list", "torch.tensor([[1, 2], 3])", "TypeError", "eval_tensor_ragged_levels", {"[[1, 2], 3]"},
       "torch.tensor() needs every element of a level to be a list, or every one a number, but this level mixes them: [[1, 2], 3]",
       "TypeError: 'list' object cannot be interpreted as an integer"},
      {"tensor of a string", "torch.tensor('a')", "TypeError", "eval_tensor_data_type", {"str"},
       "torch.tensor() needs numbers or (nested) lists of numbers, but got str", "TypeError: new(): invalid data type 'str'"},
      // The lab's limits
      {"arange(2000000)", "torch.arange(2000000)", "NotSupported", "eval_too_many_elements", {"torch.arange", "2000000"},
       "torch.arange would have 2000000" + tooMany, ""},
      {"a broadcast too large", "torch.ones(1000, 1) + torch.ones(1, 1001)", "NotSupported", "eval_too_many_elements_result", {"+", "1001000"},
       "the result of + would have 1001000" + tooMany, ""},
      {"zeros(10000, 10000)", "torch.zeros(10000, 10000)", "NotSupported", "eval_too_many_elements_from", {"torch.zeros", "100000000"},
       "a tensor from torch.zeros would have 100000000" + tooMany, ""},
      {"zeros(10**8, 10**8)", "torch.zeros(10**8, 10**8)", "NotSupported", "eval_too_many_elements_from",
       {"torch.zeros", "word_eval_more_than_10_15"}, "a tensor from torch.zeros would have more than 10^15" + tooMany, ""},
      {"an empty tensor 2000000 wide", "x = torch.zeros(0, 2000000)", "NotSupported", "eval_dimension_too_large", {"word_eval_the_result", "2000000"},
       "the result has a dimension of size 2000000: dimensions of more than a million are not supported here, even in an empty tensor.", ""},
  };
  return list;
}

/// A mistake's values as the evaluator gives them: its coded words in English.
Args valuesOf(const EvalMistake& m) {
  Args out;
  for (const std::string& a : m.args) out.push_back(gs::eval::coded_word(a));
  return out;
}

}  // namespace

class TestEngineMessages : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }
  void cleanup() { Language::instance().setLanguage("en"); }

  void theRuleFindsEnglish() {
    // The Korean checks below mean something only if the rule sees English where there is some.
    QVERIFY(!englishIn("view() cannot give shape [6] to this tensor without copying").isEmpty());
    QVERIFY(englishIn("view()는 복사 없이 이 텐서에 모양 [6]을(를) 줄 수 없습니다").isEmpty());
    QCOMPARE(withoutCode("설명<br><code>PyTorch's message: RuntimeError: boom</code>"), QString("설명\n"));
  }

  void everyTemplateIsWellFormed() {
    std::set<std::string> codes;
    for (const gs::MessageTemplate& m : gs::message_templates()) {
      QVERIFY2(codes.insert(m.code).second, m.code);  // codes are unique
      std::set<int> expected;
      for (int i = 1; i <= m.arity; ++i) expected.insert(i);
      QVERIFY2(placeholders(QString::fromUtf8(m.english)) == expected, m.code);
    }
  }

  void uiSourcesAreCoresTemplates() {
    // One source of truth: the texts marked for translation are core's templates, one for one.
    const auto sources = engineMessageSources();
    const auto& table = gs::message_templates();
    QCOMPARE(sources.size(), static_cast<qsizetype>(table.size()));
    for (std::size_t i = 0; i < table.size(); ++i) {
      QCOMPARE(sources[qsizetype(i)].first, QString::fromLatin1(table[i].code));
      QCOMPARE(sources[qsizetype(i)].second, QString::fromUtf8(table[i].english));
    }
  }

  void englishIsFormattedFromTheTemplate() {
    QCOMPARE(gs::format_message("backward_non_scalar", {"[3]", "3"}),
             std::string("backward() can only start from a single number (a scalar), but this output has shape [3] (3 values). "
                         "Reduce it to one number first, e.g. y.sum().backward() or y.mean().backward(), or pass a gradient "
                         "of the same shape: y.backward(torch.ones_like(y))."));
    // An argument holding "%2" is not substituted again; an unknown code keeps its values.
    QCOMPARE(gs::format_message("dot_lengths", {"%2", "4"}), std::string("dot product of vectors of different lengths (%2 and 4)"));
    QCOMPARE(gs::format_message("no_such_code", {"a", "b"}), std::string("no_such_code a b"));
    const gs::Error e = gs::coded_error("huber_delta", {"-1"}, "ValueError: x");
    QCOMPARE(e.code(), std::string("huber_delta"));
    QCOMPARE(std::string(e.what()), std::string("HuberLoss: delta must be positive, got -1\n(PyTorch: ValueError: x)"));
  }

  void realMistakesCarryTheirCode_data() {
    QTest::addColumn<int>("row");
    for (std::size_t i = 0; i < triggers().size(); ++i) QTest::newRow(triggers()[i].name) << int(i);
  }
  void realMistakesCarryTheirCode() {
    QFETCH(int, row);
    const Trigger& t = triggers()[std::size_t(row)];
    const gs::Error e = errorOf(t.run);
    QCOMPARE(e.code(), std::string(t.code));
    QCOMPARE(e.args(), t.args);
    // The English the engine throws is the template filled with those values.
    QCOMPARE(explanationOf(e), gs::format_message(t.code, t.args));
    // In English, the UI shows exactly that.
    QCOMPARE(engineExplanation(e), QString::fromStdString(explanationOf(e)));
  }

  void builderAndDeviceReasonsCarryTheirCode() {
    const auto report = gs::spec::infer_shapes(gs::spec::parse_model_spec(nlohmann::json::parse(
        R"({"input_shape": [1, 28, 28], "layers": [{"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1},
            {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Linear", "out_features": 10}]})")));
    QCOMPARE(report.error_code, std::string("linear_needs_flat"));
    QCOMPARE(report.error_args, (Args{"[N, 8, 14, 14]", "1568"}));
    QCOMPARE(report.error_sentence, gs::format_message("linear_needs_flat", report.error_args));
    QCOMPARE(report.error_layer_type, std::string("Linear"));
    QCOMPARE(report.error, "layer 2 (Linear): " + report.error_sentence);
    const gs::DeviceStatus cuda = gs::device_status(gs::Device::CUDA);
    if (!cuda.available) {
      QVERIFY(!cuda.code.empty());
      QCOMPARE(cuda.reason, gs::format_message(cuda.code, cuda.args));
      std::string why;
      QVERIFY(!gs::device_available(gs::Device::CUDA, &why));
      QCOMPARE(why, cuda.reason);
    }
  }

  void missingFashionMnistIsCoded() {
    const QByteArray before = qgetenv("GRADSCOPE_FASHION_MNIST_DIR");
    qputenv("GRADSCOPE_FASHION_MNIST_DIR", "/nonexistent/fashion-mnist");
    const gs::Error e = errorOf([] { gs::data::load_builtin("fashion_mnist"); });
    if (before.isEmpty()) qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
    else qputenv("GRADSCOPE_FASHION_MNIST_DIR", before);
    QCOMPARE(e.code(), std::string("fashion_mnist_missing"));
    QCOMPARE(e.args(), (Args{"/nonexistent/fashion-mnist"}));
    QCOMPARE(explanationOf(e), gs::format_message(e.code(), e.args()));
  }

  // CSV tables, safetensors files and the Tensors lab's parser: coded, with the English they
  // always had (the template filled in), a Korean sentence, and core's words said as words.
  void filesAndTheParserAreCoded() {
    QTemporaryDir dir;
    auto write = [&dir](const QString& name, const QByteArray& bytes) {
      QFile f(dir.filePath(name));
      if (f.open(QIODevice::WriteOnly)) f.write(bytes);
      return dir.filePath(name).toStdString();
    };
    auto check = [](const gs::Error& e, const char* code) {
      QCOMPARE(e.code(), std::string(code));
      QCOMPARE(explanationOf(e), gs::format_message(e.code(), e.args()));
      QCOMPARE(engineExplanation(e), QString::fromStdString(explanationOf(e)));
    };
    const std::string ragged = write("ragged.csv", "a,b,label\n1,2,x\n3,4\n");
    gs::Error e = errorOf([&] { gs::data::read_csv_table(ragged); });
    check(e, "csv_ragged");
    QCOMPARE(std::string(e.what()), ragged + ":3: 2 fields where the header names 3 (every row needs one value per column)");
    QByteArray rows = "a,b,label\n1,,x\n";
    for (int i = 0; i < 30; ++i) rows += QByteArray::number(i) + "," + QByteArray::number(i) + (i % 2 ? ",x\n" : ",y\n");
    const std::string empty_field = write("empty.csv", rows);
    e = errorOf([&] {
      gs::data::table_to_dataset(gs::data::read_csv_table(empty_field), {.features = {"a", "b"}, .target = "label"});
    });
    check(e, "csv_not_a_number");
    QCOMPARE(e.args().at(3), std::string());  // (the Playground's dialog says "the value is missing")
    const std::string short_file = write("short.safetensors", "abcd");
    e = errorOf([&] { gs::io::read_safetensors(short_file); });
    check(e, "safetensors_too_short");
    QCOMPARE(std::string(e.what()), short_file + ": not a safetensors file we can read: it has 4 bytes, fewer than the 8 of the header length");
    // A file of another network: the sentence after the file's name, PyTorch's words kept.
    auto small = gs::spec::build_model(gs::spec::parse_model_spec(nlohmann::json::parse(R"({"input_shape": [2], "layers": [{"type": "Linear", "out_features": 3}]})")));
    auto other = gs::spec::build_model(gs::spec::parse_model_spec(nlohmann::json::parse(R"({"input_shape": [4], "layers": [{"type": "Linear", "out_features": 3}]})")));
    const std::string weights = dir.filePath("small.safetensors").toStdString();
    gs::io::save_weights(weights, *small);
    e = errorOf([&] { gs::io::load_weights(weights, *other); });
    check(e, "weights_shape");
    QCOMPARE(e.args().at(0), weights);
    QVERIFY(e.torch_message().find("size mismatch for 0.weight") != std::string::npos);
    QVERIFY(std::string(e.what()).starts_with(weights + ": the weights' \"0.weight\" has shape [3, 2] but this network's has [3, 4]\n(PyTorch: "));
    // The parser: a construct, a token expected, a bracket never closed.
    auto parseError = [](const std::string& text) {
      try {
        gs::eval::parse_statement(text);
      } catch (const gs::eval::EvalError& error) {
        return error;
      }
      return gs::eval::EvalError{};
    };
    gs::eval::EvalError p = parseError("y = x if x else 1");
    QCOMPARE(p.code, std::string("eval_not_supported"));
    QCOMPARE(p.args, (Args{"conditional expressions (a if c else b)"}));
    QCOMPARE(p.message, gs::format_message(p.code, p.args));
    QCOMPARE(p.message, std::string("conditional expressions (a if c else b) is not supported here: the Tensors lab runs the part of "
                                    "Python and PyTorch that the course's tensor pages use."));
    gs::eval::EvalError q = parseError("import");
    QCOMPARE(q.code, std::string("eval_expected"));
    QCOMPARE(QString::fromStdString(q.message), QString("expected a module name at column 7, found the end of the statement"));
    e = errorOf([] { gs::eval::split_statements("y = (x"); });
    check(e, "eval_line_bracket_never_closed");
    QCOMPARE(std::string(e.what()), std::string("line 1: '(' is never closed"));
    // In Korean: the sentence, and the coded words in it, in Korean.
    QVERIFY(Language::instance().setLanguage("ko"));
    const QString korean = engineMessage(q.code, q.args, QString::fromStdString(q.message));
    QVERIFY2(korean.contains(QString::fromUtf8("모듈 이름")) && korean.contains(QString::fromUtf8("문장의 끝")), qPrintable(korean));
    QVERIFY2(englishIn(korean).isEmpty(), qPrintable(englishIn(korean).join("; ")));
    const QString construct = engineMessage(p.code, p.args, QString::fromStdString(p.message));
    QVERIFY2(construct.contains(QString::fromUtf8("조건식")), qPrintable(construct));
  }

  // A Korean sentence written for any argument ("%1은(는)") takes the particle that the argument's
  // last sound asks for, where its spelling tells: Hangul, a number, a letter on its own.
  void koreanParticlesFollowTheWord_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const char* text, const char* expected) {
      QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(expected);
    };
    row("vowel", "가중치은(는) 텐서입니다", "가중치는 텐서입니다");
    row("consonant", "샌들을(를) 봅니다", "샌들을 봅니다");
    row("rieul + ro", "샌들(으)로 예측", "샌들로 예측");
    row("consonant + ro", "가방(으)로 예측", "가방으로 예측");
    row("vowel + ro", "셔츠(으)로 예측", "셔츠로 예측");
    row("digit 0.3", "임계값을 0.3(으)로 낮춥니다", "임계값을 0.3으로 낮춥니다");
    row("digit 0.25", "0.25(으)로", "0.25로");
    row("digit 7", "7(으)로", "7로");
    row("digit 10", "10이(가)", "10이");
    row("digit 32", "float32이(가)", "float32가");
    row("quoted letter", "'x'와(과) 'y'", "'x'와 'y'");
    row("quoted m", "‘m’와(과) 메모리 공유", "‘m’과 메모리 공유");
    row("letter l", "l은(는)", "l은");
    row("call", "f(x)이(가)", "f(x)가");
    row("english word kept", "Tensor이(가) 아닙니다", "Tensor이(가) 아닙니다");
    row("file name kept", "\"data.csv\"을(를) 열 수 없습니다", "\"data.csv\"을(를) 열 수 없습니다");
    row("several", "값 5은(는) 인덱스 1을(를) 벗어나 3와(과) 다릅니다", "값 5는 인덱스 1을 벗어나 3과 다릅니다");
    row("no pair", "(가) 목록", "(가) 목록");
    row("english untouched", "a is (not) b", "a is (not) b");
  }
  void koreanParticlesFollowTheWord() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(withKoreanParticles(text), expected);
  }

  void codedKoreanMessagesChooseTheirParticles() {
    QVERIFY(Language::instance().setLanguage("ko"));
    // "index %1 is out of range for a %2 of length %3": 인덱스 %1은(는) …
    const QString seven = engineMessage("eval_index_out_of_range", {"7", "list", "3"}, QString());
    const QString two = engineMessage("eval_index_out_of_range", {"2", "list", "3"}, QString());
    QVERIFY(!seven.isEmpty() && !two.isEmpty());
    QVERIFY2(seven.contains(QString::fromUtf8("인덱스 7은")) && !seven.contains(QString::fromUtf8("은(는)")), qPrintable(seven));
    QVERIFY2(two.contains(QString::fromUtf8("인덱스 2는")), qPrintable(two));
  }

  // The Tensors lab's refusals (core/eval): a coded sentence with the English it always had; its
  // prose values are core's coded words, each with its entry in the UI's table.
  void evaluatorRefusalsAreCoded_data() {
    QTest::addColumn<int>("row");
    for (std::size_t i = 0; i < refusals().size(); ++i) QTest::newRow(refusals()[i].name) << int(i);
  }
  void evaluatorRefusalsAreCoded() {
    QFETCH(int, row);
    const Refusal& r = refusals()[std::size_t(row)];
    gs::eval::Interpreter interpreter;
    const gs::eval::Outcome o = interpreter.run_program(r.program);
    QVERIFY(!o.ok);
    QCOMPARE(o.error_type, std::string("NotSupported"));
    QCOMPARE(o.code, std::string(r.code));
    QCOMPARE(o.args, valuesOf(r));
    QCOMPARE(o.message, r.english);
    QCOMPARE(o.message, gs::format_message(o.code, o.args));
    QCOMPARE(engineMessage(o.code, o.args, {}), QString::fromStdString(r.english));
    const auto sources = engineMessageSources();
    for (const std::string& a : r.args)
      if (a.starts_with("word_"))
        QVERIFY2(sources.contains(qMakePair(QString::fromStdString(a), QString::fromStdString(gs::eval::coded_word(a)))), a.c_str());
  }

  // Every other sentence of the evaluator (Python's errors, the lab's limits) is coded too: the
  // English it always printed, Python's own line as it was, and each code and word in the UI's table.
  void evaluatorErrorsAreCoded_data() {
    QTest::addColumn<int>("row");
    for (std::size_t i = 0; i < evalMistakes().size(); ++i) QTest::newRow(evalMistakes()[i].name) << int(i);
  }
  void evaluatorErrorsAreCoded() {
    QFETCH(int, row);
    const EvalMistake& m = evalMistakes()[std::size_t(row)];
    gs::eval::Interpreter interpreter;
    const gs::eval::Outcome o = interpreter.run_program(m.program);
    QVERIFY(!o.ok);
    QCOMPARE(o.error_type, std::string(m.type));
    QCOMPARE(o.code, std::string(m.code));
    QCOMPARE(o.args, valuesOf(m));
    QCOMPARE(o.message, m.english);
    QCOMPARE(o.torch_message, m.torch);
    QCOMPARE(o.message, gs::format_message(o.code, o.args));
    QCOMPARE(engineMessage(o.code, o.args, {}), QString::fromStdString(m.english));
    const auto sources = engineMessageSources();
    const gs::MessageTemplate* t = gs::find_message(m.code);
    QVERIFY(t);
    QVERIFY2(sources.contains(qMakePair(QString::fromLatin1(m.code), QString::fromUtf8(t->english))), m.code);
    for (const std::string& a : m.args)
      if (a.starts_with("word_"))
        QVERIFY2(sources.contains(qMakePair(QString::fromStdString(a), QString::fromStdString(gs::eval::coded_word(a)))), a.c_str());
  }

  void evaluatorSaysNothingUncoded() {
    // An EvalError gets its sentence only from a code (there is no {type, "sentence", torch} form
    // left to write), so every error the evaluator raises has one; the programs above and the
    // refusals cover the codes of every kind of sentence it says.
    static_assert(!std::is_aggregate_v<gs::eval::EvalError>);
    static_assert(!std::is_constructible_v<gs::eval::EvalError, const char*, const char*, const char*>);
    static_assert(!std::is_constructible_v<gs::eval::EvalError, std::string, std::string, std::string>);
    std::set<std::string> codes;
    for (const EvalMistake& m : evalMistakes()) codes.insert(m.code);
    for (const Refusal& r : refusals()) codes.insert(r.code);
    QVERIFY(codes.size() >= 80);
    for (const std::string& code : codes) QVERIFY2(gs::find_message(code), code.c_str());
  }

  void uncodedErrorsFallBackToEnglish() {
    const gs::Error plain("something only core says", "RuntimeError: boom");
    QCOMPARE(engineExplanation(plain), QString("something only core says"));
    QCOMPARE(engineMessage(plain), QString("something only core says\nPyTorch's message: RuntimeError: boom"));
    // A code whose values do not fit its sentence is shown as core wrote it.
    QCOMPARE(engineMessage("backward_non_scalar", {"[3]"}, "as core wrote it"), QString("as core wrote it"));
  }

  // ---------------------------------------------------------------- Korean (needs the catalogue)

  void everyCodeHasAKoreanSentence() {
    QVERIFY(Language::instance().setLanguage("ko"));
    QStringList missing;
    for (const gs::MessageTemplate& m : gs::message_templates()) {
      const QString english = QString::fromUtf8(m.english);
      const QString korean = QCoreApplication::translate("gsui::EngineMessage", m.english);
      if (korean == english) {
        missing << m.code;
        continue;
      }
      QVERIFY2(placeholders(korean) == placeholders(english), m.code);
    }
    QVERIFY2(missing.isEmpty(), qPrintable("no Korean for: " + missing.join(", ")));
  }

  void evaluatorWordsAreSaidInKorean() {
    // Every coded word of the evaluator (a construct or a hint) has its entry in the UI's table
    // and is said in Korean inside the sentence that quotes it.
    QVERIFY(Language::instance().setLanguage("ko"));
    const auto sources = engineMessageSources();
    int words = 0;
    for (const gs::MessageTemplate& m : gs::message_templates()) {
      if (!std::string_view(m.code).starts_with("word_eval_")) continue;
      ++words;
      const QString english = QString::fromUtf8(m.english);
      QVERIFY2(m.arity == 0, m.code);
      QVERIFY2(sources.contains(qMakePair(QString::fromLatin1(m.code), english)), m.code);
      const QString korean = engineMessage("eval_not_supported", {m.english}, QString());
      QVERIFY2(!korean.isEmpty() && !korean.contains(english), qPrintable(QString(m.code) + ": " + korean));
      const QStringList found = englishIn(korean);
      QVERIFY2(found.isEmpty(), qPrintable(QString(m.code) + ": " + found.join("; ")));
    }
    QVERIFY(words >= 70);  // the parser's words and the evaluator's
  }

  void evaluatorRefusalsInKorean_data() { evaluatorRefusalsAreCoded_data(); }
  void evaluatorRefusalsInKorean() {
    QFETCH(int, row);
    const Refusal& r = refusals()[std::size_t(row)];
    QVERIFY(Language::instance().setLanguage("ko"));
    gs::eval::Interpreter interpreter;
    const gs::eval::Outcome o = interpreter.run_program(r.program);
    const QString korean = engineMessage(o.code, o.args, QString::fromStdString(o.message));
    QVERIFY2(korean != QString::fromStdString(o.message), qPrintable(korean));
    // The coded words are said in Korean; program text is quoted as written, and nothing else is English.
    QString ours = korean;
    for (const std::string& a : r.args) {
      const QString value = QString::fromStdString(gs::eval::coded_word(a));
      if (a.starts_with("word_")) {
        QVERIFY2(!korean.contains(value), qPrintable(value + " in " + korean));
      } else {
        QVERIFY2(ours.contains(value), qPrintable(value + " not in " + korean));
        ours.remove(value);
      }
    }
    const QStringList english = englishIn(ours);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
  }

  void evaluatorErrorsInKorean_data() { evaluatorErrorsAreCoded_data(); }
  void evaluatorErrorsInKorean() {
    QFETCH(int, row);
    const EvalMistake& m = evalMistakes()[std::size_t(row)];
    QVERIFY(Language::instance().setLanguage("ko"));
    gs::eval::Interpreter interpreter;
    const gs::eval::Outcome o = interpreter.run_program(m.program);
    const QString korean = engineMessage(o.code, o.args, QString::fromStdString(o.message));
    QVERIFY2(korean != QString::fromStdString(o.message), qPrintable(korean));
    // Coded words in Korean; program text and Python's values (type names) quoted as they are.
    QString ours = korean;
    for (const std::string& a : m.args) {
      const QString value = QString::fromStdString(gs::eval::coded_word(a));
      if (a.starts_with("word_")) {
        QVERIFY2(!korean.contains(value), qPrintable(value + " in " + korean));
      } else {  // (a value may be quoted twice: 'list' and 'list')
        QVERIFY2(korean.contains(value), qPrintable(value + " not in " + korean));
        ours.remove(value);
      }
    }
    const QStringList english = englishIn(ours);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
  }

  void realMistakesInKorean_data() { realMistakesCarryTheirCode_data(); }
  void realMistakesInKorean() {
    QFETCH(int, row);
    const Trigger& t = triggers()[std::size_t(row)];
    QVERIFY(Language::instance().setLanguage("ko"));
    const gs::Error e = errorOf(t.run);
    const QString korean = engineExplanation(e);
    QVERIFY2(korean != QString::fromStdString(explanationOf(e)), qPrintable(korean));
    for (const std::string& a : e.args()) {
      if (a == "the end of the program") continue;  // a coded word: said in Korean
      QVERIFY2(korean.contains(QString::fromStdString(a)), qPrintable(QString::fromStdString(a) + " not in " + korean));
    }
    const QStringList english = englishIn(korean);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
    if (!e.torch_message().empty()) {
      // PyTorch's own words stay as PyTorch says them, labelled in Korean.
      QVERIFY(engineMessage(e).contains(QString::fromStdString(e.torch_message())));
      QVERIFY(engineMessage(e).contains("PyTorch의 메시지"));
    }
  }

  void fashionMnistMissingInKorean() {
    const QByteArray before = qgetenv("GRADSCOPE_FASHION_MNIST_DIR");
    qputenv("GRADSCOPE_FASHION_MNIST_DIR", "/nonexistent/fashion-mnist");
    const gs::Error e = errorOf([] { gs::data::load_builtin("fashion_mnist_test"); });
    if (before.isEmpty()) qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
    else qputenv("GRADSCOPE_FASHION_MNIST_DIR", before);
    QVERIFY(Language::instance().setLanguage("ko"));
    const QString korean = engineExplanation(e);
    QVERIFY2(korean != QString::fromStdString(explanationOf(e)), qPrintable(korean));
    QVERIFY2(korean.contains("/nonexistent/fashion-mnist") && korean.contains("dataset-fashion-mnist"), qPrintable(korean));
    const QStringList english = englishIn(korean);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
  }

  void builderSaysTheLayersMistakeInKorean() {
    // The builder's shape error: core's code and values, said at the layer at fault in Korean.
    QVERIFY(Language::instance().setLanguage("ko"));
    NetworkBuilder builder;
    builder.resize(1280, 720);
    builder.show();
    QCOMPARE(builder.setSpecJson(nlohmann::json::parse(
                 R"({"input_shape": [1, 28, 28], "layers": [{"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1},
                     {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Linear", "out_features": 10}]})")),
             QString());
    QCOMPARE(builder.report().error_code, std::string("linear_needs_flat"));
    const QString text = builder.errorText();
    QVERIFY2(text.startsWith(QString::fromUtf8("2번 층 (Linear)")) || text.startsWith("Layer 2 (Linear)"), qPrintable(text));
    QVERIFY2(text.contains("[N, 8, 14, 14]") && text.contains("1568"), qPrintable(text));
    QVERIFY2(!text.contains(QString::fromStdString(builder.report().error_sentence)), qPrintable(text));
    QStringList english = englishIn(text);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
    auto* label = builder.findChild<QLabel*>("builderError");
    QVERIFY(label);
    QCOMPARE(label->text(), text);
    // So does the sentence on the canvas, beside the layer at fault.
    auto canvasSentence = [&builder]() -> QString {
      for (QGraphicsItem* item : builder.view()->scene()->items())
        if (auto* t = dynamic_cast<QGraphicsTextItem*>(item); t && t->objectName() == "faultSentence") return t->toPlainText();
      return {};
    };
    QCOMPARE(canvasSentence(), text);
    // Back in English: the sentence core throws, word for word.
    QVERIFY(Language::instance().setLanguage("en"));
    QTRY_VERIFY(label->text().contains(QString::fromStdString(builder.report().error_sentence)));
    QTRY_VERIFY(canvasSentence().contains(QString::fromStdString(builder.report().error_sentence)));
  }

  void gpuLabSaysWhyCudaIsMissingInKorean() {
    const gs::DeviceStatus cuda = gs::device_status(gs::Device::CUDA);
    if (cuda.available) QSKIP("CUDA is available on this machine: no reason to say");
    const QString english = QString::fromStdString(cuda.reason);
    QCOMPARE(GpuLab::translatedReason(english), english);
    QVERIFY(Language::instance().setLanguage("ko"));
    const QString korean = GpuLab::translatedReason(english);
    QVERIFY2(korean != english, qPrintable(korean));
    // What the driver says (cudaGetErrorString, an argument) is said in Korean when it is one of
    // the runtime's reasons core knows as a coded word ("CUDA driver version is insufficient …"),
    // else quoted in its own words; nothing else is left in English.
    QString ours = korean;
    for (const std::string& a : cuda.args) ours.remove(QString::fromStdString(a));
    const QStringList found = englishIn(ours);
    QVERIFY2(found.isEmpty(), qPrintable(found.join("; ")));
    QCOMPARE(GpuLab::translatedReason("something new"), QString("something new"));  // not this machine's reason: as it is
  }

  void autogradLabSpeaksKorean() {
    QVERIFY(Language::instance().setLanguage("ko"));
    AutogradLab lab;
    lab.resize(1280, 720);
    lab.show();
    auto* backward = lab.controls()->findChild<QPushButton*>("backward");
    auto* error = lab.findChild<QLabel*>("error");
    QVERIFY(backward && error);
    int errors = 0;
    for (int i = 0; i < lab.exampleCount(); ++i) {
      lab.chooseExample(i);
      QTest::mouseClick(backward, Qt::LeftButton);
      QTest::mouseClick(backward, Qt::LeftButton);  // a second time: the freed graph, or the example's mistake
      QVERIFY2(!error->text().isEmpty(), qPrintable(QString::number(i)));
      ++errors;
      const QStringList english = englishIn(error->text());
      QVERIFY2(english.isEmpty(), qPrintable(QString::number(i) + ": " + english.join("; ")));
    }
    QCOMPARE(errors, lab.exampleCount());
    lab.setProgram("y = sigmod(x)");
    QVERIFY(englishIn(error->text()).isEmpty());
    QVERIFY(error->text().contains("sigmod"));
  }

  void tensorsLabSpeaksKorean() {
    QVERIFY(Language::instance().setLanguage("ko"));
    TensorsLab lab;
    lab.resize(1280, 720);
    lab.show();
    int errors = 0;
    for (const QString& id : TensorsLab::presetIds()) {
      QVERIFY(lab.showPage(id));
      lab.runAll();
      const QString html = lab.errorText();
      if (html.isEmpty()) continue;
      ++errors;
      const QStringList english = englishIn(withoutCode(html));
      QVERIFY2(english.isEmpty(), qPrintable(id + ": " + english.join("; ")));
    }
    QVERIFY(errors >= 2);  // permute-then-view and the matmul shapes at least
  }

  void lossesMistakesSpeakKorean() {
    QVERIFY(Language::instance().setLanguage("ko"));
    LossesLab lab;
    lab.resize(1280, 720);
    lab.show();
    auto* page = lab.findChild<MistakesPage*>();
    QVERIFY(page);
    auto* details = page->findChild<QLabel*>("mistakeDetails");
    QVERIFY(details);
    int refused = 0;
    for (int m = 0; m < MistakesPage::kMistakes; ++m) {
      page->setMistake(static_cast<MistakesPage::Mistake>(m));
      if (details->text().contains("PyTorch의 메시지")) ++refused;
      const QStringList english = englishIn(withoutCode(details->text()));
      QVERIFY2(english.isEmpty(), qPrintable(QString::number(m) + ": " + english.join("; ")));
    }
    QVERIFY(refused >= 3);  // BCE on logits, one-hot targets, (N, 1) vs (N,)
  }
};

QTEST_MAIN(TestEngineMessages)
#include "tst_engine_messages.moc"
