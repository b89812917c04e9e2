// Tokenizer, statement splitter and parser of the gs::eval Python subset.
#include "eval/syntax.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <string_view>

#include "eval/interpreter.h"
#include "util/error.h"
#include "util/error_codes.h"

namespace gs::eval {

std::string coded_word(const std::string& code_or_value) {
  return code_or_value.rfind("word_", 0) == 0 ? format_message(code_or_value, {}) : code_or_value;
}

EvalError not_supported(const std::string& construct, const std::string& hint) {
  if (hint.empty()) return coded_eval_error("NotSupported", "eval_not_supported", {coded_word(construct)});
  return coded_eval_error("NotSupported", "eval_not_supported_hint", {coded_word(construct), coded_word(hint)});
}

EvalError unsupported_value(const std::string& code, std::vector<std::string> args) {
  return coded_eval_error("NotSupported", code, std::move(args));
}

namespace {

/// A SyntaxError whose sentence is the coded message `code` (core/util/error_codes.h).
EvalError syntax_error(const std::string& code, std::vector<std::string> args = {}) {
  return coded_eval_error("SyntaxError", code, std::move(args), "SyntaxError: invalid syntax");
}

// ---------------------------------------------------------------- tokens
struct Token {
  enum class Kind { Name, Int, Float, Str, Op, End };
  Kind kind = Kind::End;
  std::string text;
  std::int64_t integer = 0;
  double real = 0;
  std::size_t column = 0;
};

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::vector<Token> tokenize(const std::string& s) {
  static constexpr std::array<std::string_view, 22> kMulti = {
      "**=", "//=", "...", ">>=", "<<=", "**", "//", "+=", "-=", "*=", "/=", "@=",
      "%=",  "==",  "!=",  "<=",  ">=",  "->", ":=", "<<", ">>", "&="};
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\') { ++i; continue; }
    if (c == '#') break;
    Token t;
    t.column = i;
    if (is_name_start(c) || static_cast<unsigned char>(c) >= 0x80) {
      std::size_t j = i;
      while (j < s.size() && (is_name_char(s[j]) || static_cast<unsigned char>(s[j]) >= 0x80)) ++j;
      t.kind = Token::Kind::Name;
      t.text = s.substr(i, j - i);
      // A string prefix (f"...", b'...') is a literal the subset does not have.
      if (j < s.size() && (s[j] == '"' || s[j] == '\'') && t.text.size() <= 2)
        throw unsupported_value("eval_string_prefix", {t.text});
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      std::size_t j = i;
      bool real = false;
      if (c == '0' && j + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[j + 1])) && s[j + 1] != 'e' &&
          s[j + 1] != 'E')
        throw unsupported_value("eval_number_literal", {s.substr(i, 4)});
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      if (j < s.size() && s[j] == '.' && !(j + 1 < s.size() && s[j + 1] == '.')) {
        real = true;
        ++j;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      }
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
          real = true;
          j = k;
          while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        }
      }
      if (j < s.size() && (s[j] == 'j' || s[j] == 'J')) throw not_supported("word_eval_complex_numbers");
      if (j < s.size() && is_name_start(s[j])) throw syntax_error("eval_invalid_number", {s.substr(i, j - i + 1)});
      const std::string raw = s.substr(i, j - i);
      if (raw.find("__") != std::string::npos || raw.back() == '_' || raw.find("_.") != std::string::npos ||
          raw.find("._") != std::string::npos)
        throw syntax_error("eval_number_underscore", {raw});
      std::string digits;
      for (std::size_t k = i; k < j; ++k)
        if (s[k] != '_') digits += s[k];
      if (!real && digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos)
        throw syntax_error("eval_leading_zeros", {raw, digits.substr(digits.find_first_not_of('0'))});
      t.text = digits;
      if (real) {
        t.kind = Token::Kind::Float;
        t.real = std::strtod(digits.c_str(), nullptr);
      } else {
        t.kind = Token::Kind::Int;
        auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), t.integer);
        if (ec != std::errc()) throw unsupported_value("eval_integer_too_large", {digits});
        (void)p;
      }
      i = j;
    } else if (c == '"' || c == '\'') {
      const bool triple = s.compare(i, 3, std::string(3, c)) == 0;
      const std::string quote = triple ? std::string(3, c) : std::string(1, c);
      std::size_t j = i + quote.size();
      std::string value;
      while (j < s.size() && s.compare(j, quote.size(), quote) != 0) {
        if (s[j] == '\\' && j + 1 < s.size()) {
          // Python's escapes; an unknown one keeps its backslash, as Python does.
          const char e = s[j + 1];
          if (e == 'x' && j + 3 < s.size() && std::isxdigit(static_cast<unsigned char>(s[j + 2])) &&
              std::isxdigit(static_cast<unsigned char>(s[j + 3]))) {
            const int code = std::stoi(s.substr(j + 2, 2), nullptr, 16);
            if (code >= 0x80) throw not_supported("word_eval_x_escapes");
            value += static_cast<char>(code);
            j += 4;
            continue;
          }
          if (e == 'n') value += '\n';
          else if (e == 't') value += '\t';
          else if (e == 'r') value += '\r';
          else if (e == '0') value += '\0';
          else if (e == '\\' || e == '\'' || e == '"') value += e;
          else if (e == '\n') {}  // a line continuation inside the string
          else value += std::string("\\") + e;
          j += 2;
        } else {
          value += s[j++];
        }
      }
      if (j >= s.size()) throw syntax_error("eval_string_never_closed", {std::to_string(i + 1)});
      t.kind = Token::Kind::Str;
      t.text = value;
      i = j + quote.size();
    } else {
      t.kind = Token::Kind::Op;
      for (std::string_view m : kMulti) {
        if (s.compare(i, m.size(), m) == 0) {
          t.text = std::string(m);
          break;
        }
      }
      if (t.text.empty()) t.text = std::string(1, c);
      i += t.text.size();
    }
    out.push_back(std::move(t));
  }
  Token end;
  end.column = s.size();
  out.push_back(end);
  return out;
}

// ---------------------------------------------------------------- parser
bool is_keyword_not_supported(const std::string& w, std::string& construct) {
  static const std::vector<std::pair<std::string, std::string>> kKeywords = {
      // (a coded word, or Python's own words as they are)
      {"for", "word_eval_for_loops"},  {"while", "word_eval_while_loops"}, {"if", "word_eval_if_statements"},
      {"elif", "word_eval_if_statements"}, {"else", "if/else"},        {"def", "word_eval_defining_functions"},
      {"lambda", "lambda"},        {"class", "word_eval_classes"},   {"return", "return"},
      {"with", "word_eval_with_blocks"}, {"try", "try/except"},      {"except", "try/except"},
      {"finally", "try/finally"},  {"and", "word_eval_boolean_and"}, {"or", "word_eval_boolean_or"},
      {"not", "word_eval_boolean_not"}, {"in", "word_eval_operator_in"}, {"is", "word_eval_operator_is"},
      {"from", "from ... import"}, {"del", "del"},               {"global", "global"},
      {"nonlocal", "nonlocal"},    {"yield", "yield"},           {"assert", "assert"},
      {"raise", "raise"},          {"async", "async"},           {"await", "await"},
      {"break", "break"},          {"continue", "continue"}};
  for (const auto& [k, c] : kKeywords) {
    if (w == k) {
      construct = c;
      return true;
    }
  }
  return false;
}

/// Counts the parser's recursion: Python itself refuses about 200 nested brackets, and a bound
/// keeps a pasted `((((...` or `- - - ... x` from running off the end of the stack.
struct Depth {
  int& d;
  explicit Depth(int& depth) : d(depth) {
    if (++d > 100) {
      --d;
      throw not_supported("word_eval_nested_too_deep");
    }
  }
  ~Depth() { --d; }
  Depth(const Depth&) = delete;
  Depth& operator=(const Depth&) = delete;
};

class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text), tokens_(tokenize(text)) {}

  Stmt statement() {
    Stmt st;
    const Token& first = peek();
    if (first.kind == Token::Kind::End) {
      st.kind = Stmt::Kind::Pass;
      return st;
    }
    if (first.kind == Token::Kind::Name && first.text == "import") return import_statement();
    if (first.kind == Token::Kind::Name && first.text == "pass" && peek(1).kind == Token::Kind::End) {
      st.kind = Stmt::Kind::Pass;
      return st;
    }
    ExprPtr lhs = expression_list();
    if (is_op("=")) {
      next();
      st.kind = Stmt::Kind::Assign;
      st.unpack = lhs->kind == Expr::Kind::Tuple || lhs->kind == Expr::Kind::List;
      if (st.unpack) st.targets = lhs->items;
      else st.targets = {lhs};
      for (const ExprPtr& t : st.targets) check_target(*t);
      st.value = expression_list();
      if (is_op("=")) throw not_supported("word_eval_chained_assignment", "word_eval_hint_one_name");
    } else if (peek().kind == Token::Kind::Op && peek().text.size() >= 2 && peek().text.back() == '=' &&
               peek().text != "==" && peek().text != "!=" && peek().text != "<=" && peek().text != ">=") {
      const std::string op = next().text;
      const std::string base = op.substr(0, op.size() - 1);
      static const std::vector<std::string> kAug = {"+", "-", "*", "/", "**", "@", "//", "%"};
      if (std::find(kAug.begin(), kAug.end(), base) == kAug.end()) throw unsupported_value("eval_operator", {op});
      if (lhs->kind == Expr::Kind::Tuple) throw syntax_error("eval_augmented_one_target");
      check_target(*lhs);
      st.kind = Stmt::Kind::AugAssign;
      st.op = base;
      st.targets = {lhs};
      st.value = expression_list();
    } else if (is_op(":")) {
      throw not_supported("word_eval_blocks");
    } else {
      st.kind = Stmt::Kind::Expression;
      st.value = lhs;
    }
    expect_end();
    return st;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool is_op(std::string_view op, std::size_t ahead = 0) const {
    return peek(ahead).kind == Token::Kind::Op && peek(ahead).text == op;
  }
  void expect(std::string_view op) {
    if (!is_op(op)) throw unexpected("'" + std::string(op) + "'");  // (a value: Python's token)
    next();
  }
  void expect_end() {
    if (peek().kind != Token::Kind::End) throw unexpected("word_eval_end_of_statement");
  }
  EvalError unexpected(const std::string& wanted) const {
    const Token& t = peek();
    if (t.kind == Token::Kind::Name) {
      std::string construct;
      if (is_keyword_not_supported(t.text, construct)) return not_supported(construct);
    }
    if (t.kind == Token::Kind::Op) {
      if (t.text == "<" || t.text == ">" || t.text == "==" || t.text == "!=" || t.text == "<=" || t.text == ">=")
        return unsupported_value("eval_comparison", {t.text});
      if (t.text == "&" || t.text == "|" || t.text == "^" || t.text == "~" || t.text == "<<" || t.text == ">>")
        return unsupported_value("eval_bitwise", {t.text});
      if (t.text == "{" || t.text == "}") return not_supported("word_eval_dicts_and_sets");
      if (t.text == "*" || t.text == "**") return not_supported("word_eval_starred");
      if (t.text == ":=") return not_supported("word_eval_walrus");
      if (t.text == "->") return not_supported("word_eval_arrow_annotations");
    }
    const std::string got = t.kind == Token::Kind::End ? coded_word("word_eval_end_of_statement") : "\"" + t.text + "\"";
    return syntax_error("eval_expected", {coded_word(wanted), std::to_string(t.column + 1), got});
  }
  static void check_target(const Expr& e) {
    if (e.kind == Expr::Kind::Name || e.kind == Expr::Kind::Subscript) return;
    if (e.kind == Expr::Kind::Attribute) throw unsupported_value("eval_attribute_assignment", {e.text});
    throw syntax_error("eval_cannot_assign");
  }

  Stmt import_statement() {
    next();
    std::string module;
    while (true) {
      if (peek().kind != Token::Kind::Name) throw unexpected("word_eval_module_name");
      module += next().text;
      if (!is_op(".")) break;
      next();
      module += ".";
    }
    if (peek().kind == Token::Kind::Name && peek().text == "as") {
      next();
      if (peek().kind != Token::Kind::Name) throw unexpected("word_eval_name_after_as");
      const std::string alias = next().text;
      if (module != "torch" || alias != "torch") throw unsupported_value("eval_import_as", {module, alias});
    }
    if (module != "torch") throw unsupported_value("eval_import_other", {module});
    expect_end();
    Stmt st;
    st.kind = Stmt::Kind::Import;
    return st;
  }

  /// Every node of the tree. A statement of more than kMaxNodes operations is refused: a long
  /// flat chain (1+1+...+1, x.abs().abs()...) would recurse that deep when evaluated.
  ExprPtr make(Expr e) {
    const bool chains = e.kind == Expr::Kind::Binary || e.kind == Expr::Kind::Unary || e.kind == Expr::Kind::Attribute ||
                        e.kind == Expr::Kind::Call || e.kind == Expr::Kind::Subscript;
    if (chains && ++nodes_ > kMaxNodes)
      throw not_supported("word_eval_too_many_operations", "word_eval_hint_split");
    return std::make_shared<const Expr>(std::move(e));
  }
  static constexpr int kMaxNodes = 1000;

  /// expr (',' expr)* [','] — a tuple when there is a comma.
  ExprPtr expression_list() {
    ExprPtr first = expression();
    if (!is_op(",")) return first;
    Expr tuple;
    tuple.kind = Expr::Kind::Tuple;
    tuple.items.push_back(first);
    while (is_op(",")) {
      next();
      if (at_list_end()) break;
      tuple.items.push_back(expression());
    }
    return make(std::move(tuple));
  }
  bool at_list_end() const {
    return peek().kind == Token::Kind::End || is_op(")") || is_op("]") || is_op("=") ||
           (peek().kind == Token::Kind::Op && peek().text.size() >= 2 && peek().text.back() == '=');
  }

  ExprPtr expression() {
    // Python itself refuses about 200 nested brackets; a bound keeps the recursion off the stack's end.
    Depth depth(depth_);
    if (peek().kind == Token::Kind::Name) {
      std::string construct;
      if (peek().text == "lambda" || peek().text == "not" || peek().text == "yield" || peek().text == "await")
        if (is_keyword_not_supported(peek().text, construct)) throw not_supported(construct);
    }
    ExprPtr e = arith();
    if (peek().kind == Token::Kind::Name) {
      std::string construct;
      if (is_keyword_not_supported(peek().text, construct)) {
        if (peek().text == "if") throw not_supported("word_eval_conditional_expressions");
        if (peek().text == "for") throw not_supported("word_eval_comprehensions");
        throw not_supported(construct);
      }
    }
    const Token& t = peek();
    if (t.kind == Token::Kind::Op &&
        (t.text == "<" || t.text == ">" || t.text == "==" || t.text == "!=" || t.text == "<=" || t.text == ">=" ||
         t.text == "&" || t.text == "|" || t.text == "^" || t.text == "<<" || t.text == ">>"))
      throw unexpected("word_eval_an_operator");
    return e;
  }

  ExprPtr binary(std::string op, ExprPtr a, ExprPtr b) {
    Expr e;
    e.kind = Expr::Kind::Binary;
    e.text = std::move(op);
    e.a = std::move(a);
    e.b = std::move(b);
    return make(std::move(e));
  }

  ExprPtr arith() {
    ExprPtr e = term();
    while (is_op("+") || is_op("-")) {
      std::string op = next().text;
      e = binary(op, e, term());
    }
    return e;
  }
  ExprPtr term() {
    ExprPtr e = factor();
    while (is_op("*") || is_op("/") || is_op("@") || is_op("//") || is_op("%")) {
      std::string op = next().text;
      e = binary(op, e, factor());
    }
    return e;
  }
  ExprPtr factor() {
    Depth depth(depth_);
    if (is_op("-") || is_op("+")) {
      Expr e;
      e.kind = Expr::Kind::Unary;
      e.text = next().text;
      e.a = factor();
      return make(std::move(e));
    }
    if (is_op("~")) throw unsupported_value("eval_bitwise", {"~"});
    return power();
  }
  ExprPtr power() {
    ExprPtr base = primary();
    if (is_op("**")) {
      next();
      return binary("**", base, factor());  // right-associative; -x binds looser: 2 ** -1 works
    }
    return base;
  }

  ExprPtr primary() {
    ExprPtr e = atom();
    while (true) {
      if (is_op(".")) {
        next();
        if (peek().kind != Token::Kind::Name) throw unexpected("word_eval_attribute_name");
        Expr a;
        a.kind = Expr::Kind::Attribute;
        a.text = next().text;
        a.a = e;
        e = make(std::move(a));
      } else if (is_op("(")) {
        next();
        Expr call;
        call.kind = Expr::Kind::Call;
        call.a = e;
        while (!is_op(")")) {
          if (is_op("*") || is_op("**")) throw not_supported("word_eval_unpacking_arguments");
          if (peek().kind == Token::Kind::Name && is_op("=", 1)) {
            std::string key = next().text;
            next();
            call.kwargs.emplace_back(std::move(key), expression());
          } else {
            if (!call.kwargs.empty()) throw syntax_error("eval_positional_after_keyword");
            call.items.push_back(expression());
          }
          if (is_op(",")) next();
          else if (!is_op(")")) throw unexpected("word_eval_argument_list");
        }
        next();
        e = make(std::move(call));
      } else if (is_op("[")) {
        next();
        Expr sub;
        sub.kind = Expr::Kind::Subscript;
        sub.a = e;
        if (is_op("]")) throw syntax_error("eval_empty_index");
        while (!is_op("]")) {
          sub.items.push_back(subscript_item());
          if (is_op(",")) {
            next();
            sub.text = ",";
          } else if (!is_op("]")) {
            throw unexpected("word_eval_index_list");
          }
        }
        next();
        e = make(std::move(sub));
      } else {
        return e;
      }
    }
  }

  ExprPtr subscript_item() {
    ExprPtr start, stop, step;
    if (!is_op(":")) {
      start = expression();
      if (!is_op(":")) return start;
    }
    next();  // ':'
    if (!is_op(":") && !is_op(",") && !is_op("]")) stop = expression();
    if (is_op(":")) {
      next();
      if (!is_op(",") && !is_op("]")) step = expression();
    }
    Expr s;
    s.kind = Expr::Kind::Slice;
    s.items = {start, stop, step};
    return make(std::move(s));
  }

  ExprPtr atom() {
    const Token t = next();
    Expr e;
    switch (t.kind) {
      case Token::Kind::Int:
        e.kind = Expr::Kind::Int;
        e.integer = t.integer;
        return make(std::move(e));
      case Token::Kind::Float:
        e.kind = Expr::Kind::Float;
        e.real = t.real;
        return make(std::move(e));
      case Token::Kind::Str: {
        e.kind = Expr::Kind::Str;
        e.text = t.text;
        while (peek().kind == Token::Kind::Str) e.text += next().text;
        return make(std::move(e));
      }
      case Token::Kind::Name: {
        std::string construct;
        if (is_keyword_not_supported(t.text, construct)) throw not_supported(construct);
        if (t.text == "True") e.kind = Expr::Kind::True;
        else if (t.text == "False") e.kind = Expr::Kind::False;
        else if (t.text == "None") e.kind = Expr::Kind::None;
        else if (t.text == "import" || t.text == "as" || t.text == "pass")
          throw syntax_error("eval_cannot_be_used_here", {t.text});
        else {
          e.kind = Expr::Kind::Name;
          e.text = t.text;
        }
        return make(std::move(e));
      }
      case Token::Kind::Op:
        if (t.text == "...") {
          e.kind = Expr::Kind::Ellipsis;
          return make(std::move(e));
        }
        if (t.text == "(" || t.text == "[") {
          const std::string close = t.text == "(" ? ")" : "]";
          e.kind = t.text == "(" ? Expr::Kind::Tuple : Expr::Kind::List;
          bool comma = false;
          while (!is_op(close)) {
            e.items.push_back(expression());
            if (peek().kind == Token::Kind::Name && peek().text == "for")
              throw not_supported("word_eval_comprehensions");
            if (is_op(",")) {
              next();
              comma = true;
            } else if (!is_op(close)) {
              throw unexpected("',' or '" + close + "'");  // (a value: Python's tokens)
            }
          }
          next();
          // (x) is x; (x,) and () are tuples.
          if (e.kind == Expr::Kind::Tuple && e.items.size() == 1 && !comma) return e.items[0];
          return make(std::move(e));
        }
        break;
      case Token::Kind::End:
        --pos_;
        throw unexpected("word_eval_an_expression");
    }
    pos_ = pos_ > 0 ? pos_ - 1 : 0;
    throw unexpected("word_eval_an_expression");
  }

  std::string text_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  int nodes_ = 0;
};

}  // namespace

Stmt parse_statement(const std::string& text) { return Parser(text).statement(); }

std::vector<Statement> split_statements(const std::string& program) {
  std::vector<Statement> out;
  std::string current;
  int line = 1, first_line = 0;
  std::vector<std::pair<char, int>> open;  // bracket and the line it opened on
  char quote = 0;
  bool triple = false;
  bool at_line_start = true;  // the next statement begins a line (not after a ';')
  int quote_line = 0;
  auto flush = [&](int last_line) {
    std::size_t b = current.find_first_not_of(" \t\r\n");
    if (b != std::string::npos) {
      std::size_t e = current.find_last_not_of(" \t\r\n");
      out.push_back({current.substr(b, e - b + 1), first_line, last_line});
    }
    current.clear();
    first_line = 0;
  };
  for (std::size_t i = 0; i < program.size(); ++i) {
    const char c = program[i];
    if (quote) {
      current += c;
      if (c == '\\' && i + 1 < program.size()) {
        current += program[++i];
        if (program[i] == '\n') ++line;
        continue;
      }
      if (c == '\n') {
        if (!triple) throw coded_error("eval_line_string_never_closed", {std::to_string(quote_line)});
        ++line;
      }
      if (c == quote && (!triple || program.compare(i, 3, std::string(3, quote)) == 0)) {
        if (triple) {
          current += program.substr(i + 1, 2);
          i += 2;
        }
        quote = 0;
      }
      continue;
    }
    if (c == '#') {
      while (i + 1 < program.size() && program[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '\n' || c == ';') {
      if (c == '\n' && !open.empty()) {
        current += ' ';
        ++line;
        continue;
      }
      if (c == '\n' && !current.empty() && current.find_last_not_of(" \t\r") != std::string::npos &&
          current[current.find_last_not_of(" \t\r")] == '\\') {
        current.erase(current.find_last_not_of(" \t\r"));
        current += ' ';
        ++line;
        continue;
      }
      if (c == ';' && !open.empty()) {
        current += c;
        continue;
      }
      if (c == ';' && current.find_first_not_of(" \t\r") == std::string::npos)
        throw coded_error("eval_line_semicolon", {std::to_string(line)});
      flush(line);
      at_line_start = c == '\n';
      if (c == '\n') ++line;
      continue;
    }
    if (first_line == 0 && c != ' ' && c != '\t' && c != '\r') {
      first_line = line;
      if (at_line_start && !current.empty())
        throw coded_error("eval_line_indent", {std::to_string(line)});
    }
    if (c == '"' || c == '\'') {
      quote = c;
      quote_line = line;
      triple = program.compare(i, 3, std::string(3, c)) == 0;
      current += c;
      if (triple) {
        current += program.substr(i + 1, 2);
        i += 2;
      }
      continue;
    }
    if (c == '(' || c == '[' || c == '{') open.emplace_back(c, line);
    if (c == ')' || c == ']' || c == '}') {
      const char want = c == ')' ? '(' : c == ']' ? '[' : '{';
      if (open.empty() || open.back().first != want)
        throw coded_error("eval_line_bracket_not_open", {std::to_string(line), std::string(1, c)});
      open.pop_back();
    }
    current += c;
  }
  if (quote) throw coded_error("eval_line_string_never_closed", {std::to_string(quote_line)});
  if (!open.empty()) throw coded_error("eval_line_bracket_never_closed", {std::to_string(open.back().second), std::string(1, open.back().first)});
  flush(line);
  return out;
}

}  // namespace gs::eval
