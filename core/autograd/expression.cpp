#include "autograd/expression.h"

#include <cctype>
#include <functional>
#include <set>

#include "ops/functional.h"
#include "util/error_codes.h"

namespace gs::expr {
namespace {

enum class Tok { Name, Number, Op, Newline, End };

struct Token {
  Tok kind;
  std::string text;
  int line, column;
};

/// A coded error whose sentence starts "line L, column C: " (core/util/error_codes.cpp).
[[noreturn]] void syntax_error(const Token& at, const std::string& code, std::vector<std::string> args = {}) {
  args.insert(args.begin(), {std::to_string(at.line), std::to_string(at.column)});
  throw coded_error(code, std::move(args));
}

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  int line = 1, col = 1;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const int start_col = col;
    if (c == '\n' || c == ';') {
      out.push_back({Tok::Newline, std::string(1, c), line, start_col});
      ++i;
      if (c == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    } else if (c == '#') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      ++col;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      out.push_back({Tok::Name, s.substr(i, j - i), line, start_col});
      col += static_cast<int>(j - i);
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      std::size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == 'e' ||
                              ((s[j] == '-' || s[j] == '+') && j > i && s[j - 1] == 'e')))
        ++j;
      out.push_back({Tok::Number, s.substr(i, j - i), line, start_col});
      col += static_cast<int>(j - i);
      i = j;
    } else if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      out.push_back({Tok::Op, "**", line, start_col});
      i += 2;
      col += 2;
    } else if (std::string("+-*/()=.,").find(c) != std::string::npos) {
      out.push_back({Tok::Op, std::string(1, c), line, start_col});
      ++i;
      ++col;
    } else {
      syntax_error({Tok::Op, std::string(1, c), line, start_col}, "expr_unexpected_character", {std::string(1, c)});
    }
  }
  out.push_back({Tok::End, "", line, col});
  return out;
}

const std::set<std::string>& functions() {
  static const std::set<std::string> f = {"sigmoid", "tanh", "relu", "exp", "log", "sqrt", "abs", "sum", "mean", "softmax"};
  return f;
}

Tensor apply_function(const std::string& name, const Tensor& x, const Token& at) {
  if (name == "sigmoid") return sigmoid(x);
  if (name == "tanh") return tanh(x);
  if (name == "relu") return relu(x);
  if (name == "exp") return exp(x);
  if (name == "log") return log(x);
  if (name == "sqrt") return sqrt(x);
  if (name == "abs") return abs(x);
  if (name == "sum") return sum(x);
  if (name == "mean") return mean(x);
  if (name == "softmax") return softmax(x, -1);
  std::string hint;
  for (const auto& f : functions())
    if (f.size() >= 3 && name.size() >= 3 && f.substr(0, 3) == name.substr(0, 3)) hint = f;
  if (hint.empty()) syntax_error(at, "expr_unknown_function", {name});
  syntax_error(at, "expr_unknown_function_hint", {name, hint});
}

/// Recursive descent over the token list. With `leaves` null it only collects names (dry run).
class Parser {
 public:
  Parser(std::vector<Token> tokens, const std::map<std::string, Tensor>* leaves, Evaluation* ev)
      : t_(std::move(tokens)), leaves_(leaves), ev_(ev) {}

  void program() {
    while (peek().kind != Tok::End) {
      if (peek().kind == Tok::Newline) {
        ++pos_;
        continue;
      }
      statement();
    }
    if (last_assigned_.empty()) syntax_error(peek(), "expr_empty");
  }

  std::vector<std::string> free_names;

 private:
  const Token& peek() const { return t_[pos_]; }
  bool accept(const std::string& op) {
    if (peek().kind == Tok::Op && peek().text == op) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(const std::string& op) {
    if (!accept(op)) syntax_error(peek(), "expr_expected", {op, describe(peek())});
  }
  static std::string describe(const Token& t) {
    if (t.kind == Tok::End) return format_message("expr_token_end", {});
    if (t.kind == Tok::Newline) return format_message("expr_token_newline", {});
    return "'" + t.text + "'";
  }

  void statement() {
    const Token name = peek();
    if (name.kind != Tok::Name || t_[pos_ + 1].kind != Tok::Op || t_[pos_ + 1].text != "=")
      syntax_error(name, "expr_needs_assignment");
    if (functions().count(name.text)) syntax_error(name, "expr_function_as_variable", {name.text});
    pos_ += 2;
    Tensor value = expression();
    if (peek().kind != Tok::Newline && peek().kind != Tok::End)
      syntax_error(peek(), "expr_trailing", {describe(peek())});
    assigned_.insert(name.text);
    last_assigned_ = name.text;
    if (ev_) {
      values_[name.text] = value;
      ev_->variables.emplace_back(name.text, value);
      ev_->output = value;
      ev_->output_name = name.text;
      if (value.grad_fn()) ev_->node_labels[value.grad_fn().get()] = name.text;
    }
  }

  Tensor record(Tensor t) {
    if (ev_ && t.defined() && t.grad_fn()) ev_->node_values[t.grad_fn().get()] = t;
    return t;
  }

  Tensor expression() {
    Tensor left = term();
    while (true) {
      if (accept("+")) left = record(binary(left, term(), '+'));
      else if (accept("-")) left = record(binary(left, term(), '-'));
      else return left;
    }
  }

  Tensor term() {
    Tensor left = unary();
    while (true) {
      if (accept("*")) left = record(binary(left, unary(), '*'));
      else if (accept("/")) left = record(binary(left, unary(), '/'));
      else return left;
    }
  }

  Tensor unary() {
    if (accept("-")) {
      Tensor v = unary();
      return ev_ ? record(-v) : v;
    }
    if (accept("+")) return unary();
    return power();
  }

  Tensor power() {
    Tensor base = postfix();
    if (accept("**")) {
      Tensor e = unary();  // right-associative, binds tighter than unary minus on the left
      return record(binary(base, e, '^'));
    }
    return base;
  }

  Tensor postfix() {
    Tensor v = primary();
    while (accept(".")) {
      const Token m = peek();
      if (m.kind != Tok::Name) syntax_error(m, "expr_method_name");
      ++pos_;
      expect("(");
      expect(")");
      if (ev_) v = record(apply_function(m.text, v, m));
      else if (!functions().count(m.text)) apply_function(m.text, Tensor(), m);
    }
    return v;
  }

  Tensor primary() {
    const Token tok = peek();
    if (tok.kind == Tok::Number) {
      ++pos_;
      double value = 0;
      try {
        value = std::stod(tok.text);
      } catch (...) {
        syntax_error(tok, "expr_not_a_number", {tok.text});
      }
      return ev_ ? scalar_tensor(value, {.dtype = kFloat64}) : Tensor();
    }
    if (tok.kind == Tok::Name) {
      ++pos_;
      if (accept("(")) {
        Tensor arg = expression();
        expect(")");
        if (!ev_) {
          if (!functions().count(tok.text)) apply_function(tok.text, Tensor(), tok);
          return Tensor();
        }
        return record(apply_function(tok.text, arg, tok));
      }
      if (functions().count(tok.text)) syntax_error(tok, "expr_uncalled_function", {tok.text});
      return variable(tok);
    }
    if (accept("(")) {
      Tensor v = expression();
      expect(")");
      return v;
    }
    syntax_error(tok, "expr_expected_operand", {describe(tok)});
  }

  Tensor variable(const Token& tok) {
    if (!assigned_.count(tok.text) &&
        std::find(free_names.begin(), free_names.end(), tok.text) == free_names.end())
      free_names.push_back(tok.text);
    if (!ev_) return Tensor();
    if (auto it = values_.find(tok.text); it != values_.end()) return it->second;
    auto it = leaves_->find(tok.text);
    if (it == leaves_->end()) syntax_error(tok, "expr_no_value", {tok.text});
    return it->second;
  }

  Tensor binary(const Tensor& a, const Tensor& b, char op) {
    if (!ev_) return Tensor();
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return a / b;
      default:
        // x ** 2 with a constant exponent is PowBackward0, as in PyTorch.
        if (!b.requires_grad() && b.dim() == 0) return pow(a, b.item());
        return pow(a, b);
    }
  }

  std::vector<Token> t_;
  std::size_t pos_ = 0;
  const std::map<std::string, Tensor>* leaves_;
  Evaluation* ev_;
  std::set<std::string> assigned_;
  std::map<std::string, Tensor> values_;
  std::string last_assigned_;
};

}  // namespace

std::vector<std::string> free_variables(const std::string& source) {
  Parser p(tokenize(source), nullptr, nullptr);
  p.program();
  return p.free_names;
}

Evaluation evaluate(const std::string& source, const std::map<std::string, Tensor>& leaves) {
  Evaluation ev;
  Parser p(tokenize(source), &leaves, &ev);
  p.program();
  return ev;
}

}  // namespace gs::expr
