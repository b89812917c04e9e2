#pragma once
/// The one exception type of the engine. Its message explains the mistake to a learner and,
/// where PyTorch has an equivalent error, ends with PyTorch's message so both can be recognised.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace gs {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
  /// message: the explanation; torch_message: what PyTorch says for the same mistake.
  Error(const std::string& message, const std::string& torch_message)
      : std::runtime_error(message + "\n(PyTorch: " + torch_message + ")"),
        torch_message_(torch_message) {}
  const std::string& torch_message() const { return torch_message_; }
  /// A stable name for the kind of mistake ("linear_needs_flat") with the values its sentence
  /// quotes, so that a front end can say it in the learner's language (DESIGN.md: core gives a
  /// code and arguments; the UI translates). Empty for errors no front end words itself.
  const std::string& code() const { return code_; }
  const std::vector<std::string>& args() const { return args_; }
  Error with_code(std::string code, std::vector<std::string> args) && {
    code_ = std::move(code);
    args_ = std::move(args);
    return std::move(*this);
  }

 private:
  std::string torch_message_;
  std::string code_;
  std::vector<std::string> args_;
};

/// Throws gs::Error(message) when condition is false. A macro so that the message (often built
/// from shapes) is only evaluated when the check fails: checks sit on every op's hot path.
#define GS_CHECK(condition, message)                          \
  do {                                                        \
    if (!(condition)) throw ::gs::Error(message);             \
  } while (0)

}  // namespace gs
