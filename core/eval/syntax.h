#pragma once
/// The syntax of gs::eval: a tokenizer and a recursive-descent parser for the Python subset the
/// Tensors lab runs (expressions, assignments, `import torch`). Constructs Python has but the
/// subset does not are refused here by name (NotSupported), so they never get a wrong meaning.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>
#include <string>
#include <utility>
#include <vector>

namespace gs::eval {

/// An error raised while parsing or evaluating, with Python's exception type. Its teaching
/// sentence is always a coded message (core/util/error_codes.h), so a front end can say it in the
/// learner's language: the only way to give one a message is its code and values.
struct EvalError {
  EvalError() = default;
  /// `code`'s English sentence filled with `args`; `torch_message` is Python's own line ("TypeError: …").
  EvalError(std::string type, const std::string& code, std::vector<std::string> args, std::string torch_message = {});

  std::string type;           ///< "SyntaxError", "NotSupported", "NameError", "TypeError", ...
  std::string message;        ///< the teaching sentence
  std::string torch_message;  ///< Python's own "TypeError: ..." line, when known
  std::string code;               ///< the sentence's code (core/util/error_codes.h), "" when it has none
  std::vector<std::string> args;  ///< and the values it quotes
};

/// An EvalError whose teaching sentence is a coded message of core/util/error_codes.h.
EvalError coded_eval_error(std::string type, const std::string& code, std::vector<std::string> args, std::string torch_message = {});

/// One of core's coded words ("word_eval_…") in English, or a value (Python's own words, program
/// text) as it is. A front end finds the word among the arguments and says it in the learner's language.
std::string coded_word(const std::string& code_or_value);

/// "for loops are not supported here ..." as a coded EvalError of type NotSupported
/// (eval_not_supported, or eval_not_supported_hint when there is a hint). `construct` and `hint`
/// are each a coded word (English prose) or program text quoted as it is (x.cuda()).
EvalError not_supported(const std::string& construct, const std::string& hint = "");

/// A NotSupported error with its own coded sentence, for a construct that quotes the program (an
/// operator, a type name, a method's name): `args` are values, or words already made coded_word().
EvalError unsupported_value(const std::string& code, std::vector<std::string> args);

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  enum class Kind {
    Name, Int, Float, Str, True, False, None, Ellipsis,
    List, Tuple,
    Attribute,  ///< a.text
    Call,       ///< a(items..., kwargs...)
    Subscript,  ///< a[items...]; text is "," when the index had a comma (x[i,] is a 1-tuple index)
    Slice,      ///< items: start, stop, step (null when left out)
    Binary,     ///< a text b, text one of + - * / // % @ **
    Unary,      ///< text a, text one of - +
  };
  Kind kind = Kind::None;
  std::string text;
  std::int64_t integer = 0;
  double real = 0;
  ExprPtr a, b;
  std::vector<ExprPtr> items;
  std::vector<std::pair<std::string, ExprPtr>> kwargs;
};

struct Stmt {
  enum class Kind { Expression, Assign, AugAssign, Import, Pass };
  Kind kind = Kind::Expression;
  std::vector<ExprPtr> targets;  ///< Assign: one or more (tuple unpacking); AugAssign: one
  bool unpack = false;           ///< Assign: the targets were a tuple or list (`a, = ...` unpacks one)
  std::string op;                ///< AugAssign: "+", "-", "*", "/", "**", "@", "//", "%"
  ExprPtr value;
};

/// Parses one statement (as split_statements gives it). Throws EvalError.
Stmt parse_statement(const std::string& text);

}  // namespace gs::eval
