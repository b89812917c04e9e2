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

namespace gs::eval {

EvalError not_supported(const std::string& construct, const std::string& hint) {
  std::string message = construct + " is not supported here: the Tensors lab runs the part of Python and PyTorch "
                                    "that the course's tensor pages use.";
  if (!hint.empty()) message += " " + hint;
  return {"NotSupported", message, ""};
}

namespace {

EvalError syntax_error(const std::string& message) {
  return {"SyntaxError", message, "SyntaxError: invalid syntax"};
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
        throw not_supported("the string prefix " + t.text + "\"...\"", "Use a plain string.");
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      std::size_t j = i;
      bool real = false;
      if (c == '0' && j + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[j + 1])) && s[j + 1] != 'e' &&
          s[j + 1] != 'E')
        throw not_supported("the number literal " + s.substr(i, 4) + "...", "Write numbers in decimal.");
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
      if (j < s.size() && (s[j] == 'j' || s[j] == 'J')) throw not_supported("complex numbers");
      if (j < s.size() && is_name_start(s[j])) throw syntax_error("invalid number literal \"" + s.substr(i, j - i + 1) + "\"");
      const std::string raw = s.substr(i, j - i);
      if (raw.find("__") != std::string::npos || raw.back() == '_' || raw.find("_.") != std::string::npos ||
          raw.find("._") != std::string::npos)
        throw syntax_error("invalid number literal \"" + raw + "\": an underscore goes between two digits");
      std::string digits;
      for (std::size_t k = i; k < j; ++k)
        if (s[k] != '_') digits += s[k];
      if (!real && digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos)
        throw syntax_error("leading zeros in decimal integer literals are not permitted (\"" + raw + "\"); write " +
                           digits.substr(digits.find_first_not_of('0')));
      t.text = digits;
      if (real) {
        t.kind = Token::Kind::Float;
        t.real = std::strtod(digits.c_str(), nullptr);
      } else {
        t.kind = Token::Kind::Int;
        auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), t.integer);
        if (ec != std::errc()) throw not_supported("the integer " + digits + " (larger than 64 bits)");
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
            if (code >= 0x80) throw not_supported("\\x escapes above \\x7f in strings");
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
      if (j >= s.size()) throw syntax_error("a string starting at column " + std::to_string(i + 1) + " is never closed");
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
      {"for", "for loops"},        {"while", "while loops"},     {"if", "if statements"},
      {"elif", "if statements"},   {"else", "if/else"},          {"def", "defining functions (def)"},
      {"lambda", "lambda"},        {"class", "classes"},         {"return", "return"},
      {"with", "with blocks"},     {"try", "try/except"},        {"except", "try/except"},
      {"finally", "try/finally"},  {"and", "the boolean operator and"}, {"or", "the boolean operator or"},
      {"not", "the boolean operator not"}, {"in", "the operator in"},   {"is", "the operator is"},
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
      throw not_supported("expressions nested more than 100 levels deep");
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
      if (is_op("=")) throw not_supported("chained assignment (a = b = ...)", "Assign one name per statement.");
    } else if (peek().kind == Token::Kind::Op && peek().text.size() >= 2 && peek().text.back() == '=' &&
               peek().text != "==" && peek().text != "!=" && peek().text != "<=" && peek().text != ">=") {
      const std::string op = next().text;
      const std::string base = op.substr(0, op.size() - 1);
      static const std::vector<std::string> kAug = {"+", "-", "*", "/", "**", "@", "//", "%"};
      if (std::find(kAug.begin(), kAug.end(), base) == kAug.end()) throw not_supported("the operator " + op);
      if (lhs->kind == Expr::Kind::Tuple) throw syntax_error("an augmented assignment needs one target");
      check_target(*lhs);
      st.kind = Stmt::Kind::AugAssign;
      st.op = base;
      st.targets = {lhs};
      st.value = expression_list();
    } else if (is_op(":")) {
      throw not_supported("annotations and blocks ending in ':'");
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
    if (!is_op(op)) throw unexpected("'" + std::string(op) + "'");
    next();
  }
  void expect_end() {
    if (peek().kind != Token::Kind::End) throw unexpected("the end of the statement");
  }
  EvalError unexpected(const std::string& wanted) const {
    const Token& t = peek();
    if (t.kind == Token::Kind::Name) {
      std::string construct;
      if (is_keyword_not_supported(t.text, construct)) return not_supported(construct);
    }
    if (t.kind == Token::Kind::Op) {
      if (t.text == "<" || t.text == ">" || t.text == "==" || t.text == "!=" || t.text == "<=" || t.text == ">=")
        return not_supported("the comparison " + t.text, "Comparisons make bool tensors, which this lab does not have.");
      if (t.text == "&" || t.text == "|" || t.text == "^" || t.text == "~" || t.text == "<<" || t.text == ">>")
        return not_supported("the bitwise operator " + t.text);
      if (t.text == "{" || t.text == "}") return not_supported("dicts and sets ({...})");
      if (t.text == "*" || t.text == "**") return not_supported("starred expressions (*rest)");
      if (t.text == ":=") return not_supported("the walrus operator :=");
      if (t.text == "->") return not_supported("annotations (->)");
    }
    const std::string got = t.kind == Token::Kind::End ? "the end of the statement" : "\"" + t.text + "\"";
    return syntax_error("expected " + wanted + " at column " + std::to_string(t.column + 1) + ", found " + got);
  }
  static void check_target(const Expr& e) {
    if (e.kind == Expr::Kind::Name || e.kind == Expr::Kind::Subscript) return;
    if (e.kind == Expr::Kind::Attribute) throw not_supported("assigning to an attribute (x." + e.text + " = ...)");
    throw syntax_error("cannot assign to this expression; the left of '=' must be a name or an indexed name");
  }

  Stmt import_statement() {
    next();
    std::string module;
    while (true) {
      if (peek().kind != Token::Kind::Name) throw unexpected("a module name");
      module += next().text;
      if (!is_op(".")) break;
      next();
      module += ".";
    }
    if (peek().kind == Token::Kind::Name && peek().text == "as") {
      next();
      if (peek().kind != Token::Kind::Name) throw unexpected("a name after 'as'");
      const std::string alias = next().text;
      if (module != "torch" || alias != "torch") throw not_supported("import " + module + " as " + alias, "Write import torch.");
    }
    if (module != "torch") throw not_supported("import " + module, "Only import torch is known here.");
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
      throw not_supported("statements of more than 1000 operations", "Split it into several statements.");
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
        if (peek().text == "if") throw not_supported("conditional expressions (a if c else b)");
        if (peek().text == "for") throw not_supported("comprehensions ([... for ... in ...])");
        throw not_supported(construct);
      }
    }
    const Token& t = peek();
    if (t.kind == Token::Kind::Op &&
        (t.text == "<" || t.text == ">" || t.text == "==" || t.text == "!=" || t.text == "<=" || t.text == ">=" ||
         t.text == "&" || t.text == "|" || t.text == "^" || t.text == "<<" || t.text == ">>"))
      throw unexpected("an operator");
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
    if (is_op("~")) throw not_supported("the bitwise operator ~");
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
        if (peek().kind != Token::Kind::Name) throw unexpected("an attribute name after '.'");
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
          if (is_op("*") || is_op("**")) throw not_supported("unpacking arguments with * or **");
          if (peek().kind == Token::Kind::Name && is_op("=", 1)) {
            std::string key = next().text;
            next();
            call.kwargs.emplace_back(std::move(key), expression());
          } else {
            if (!call.kwargs.empty()) throw syntax_error("a positional argument follows a keyword argument");
            call.items.push_back(expression());
          }
          if (is_op(",")) next();
          else if (!is_op(")")) throw unexpected("',' or ')' in the argument list");
        }
        next();
        e = make(std::move(call));
      } else if (is_op("[")) {
        next();
        Expr sub;
        sub.kind = Expr::Kind::Subscript;
        sub.a = e;
        if (is_op("]")) throw syntax_error("an empty index x[] is not valid Python");
        while (!is_op("]")) {
          sub.items.push_back(subscript_item());
          if (is_op(",")) {
            next();
            sub.text = ",";
          } else if (!is_op("]")) {
            throw unexpected("',' or ']' in the index");
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
          throw syntax_error("\"" + t.text + "\" cannot be used here");
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
              throw not_supported("comprehensions ([... for ... in ...])");
            if (is_op(",")) {
              next();
              comma = true;
            } else if (!is_op(close)) {
              throw unexpected("',' or '" + close + "'");
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
        throw unexpected("an expression");
    }
    pos_ = pos_ > 0 ? pos_ - 1 : 0;
    throw unexpected("an expression");
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
        if (!triple) throw Error("line " + std::to_string(quote_line) + ": a string is never closed");
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
        throw Error("line " + std::to_string(line) + ": ';' with no statement before it");
      flush(line);
      at_line_start = c == '\n';
      if (c == '\n') ++line;
      continue;
    }
    if (first_line == 0 && c != ' ' && c != '\t' && c != '\r') {
      first_line = line;
      if (at_line_start && !current.empty())
        throw Error("line " + std::to_string(line) + ": unexpected indent: a statement starts at the "
                    "beginning of its line");
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
        throw Error("line " + std::to_string(line) + ": '" + std::string(1, c) + "' does not close any bracket");
      open.pop_back();
    }
    current += c;
  }
  if (quote) throw Error("line " + std::to_string(quote_line) + ": a string is never closed");
  if (!open.empty())
    throw Error("line " + std::to_string(open.back().second) + ": '" + std::string(1, open.back().first) +
                "' is never closed");
  flush(line);
  return out;
}

}  // namespace gs::eval
