#pragma once
/// The engine's coded messages: one table of stable codes, each with its English sentence as a
/// template (%1 … %9 are the arguments, as in Qt's QString::arg) and its arity. A throw site
/// names the code and the values; the English text is the template filled in, and a front end
/// can say the same sentence in the learner's language from the code and the values alone
/// (DESIGN.md: core gives a code and arguments; the UI translates).
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace gs {

/// One coded message.
struct MessageTemplate {
  const char* code;     ///< stable name, e.g. "view_not_contiguous"
  const char* english;  ///< the sentence with %1 … %n
  int arity;            ///< how many arguments it takes (the highest %n)
};

/// Every coded message of the engine, in a stable order.
const std::vector<MessageTemplate>& message_templates();

/// The entry of a code, or nullptr when there is none.
const MessageTemplate* find_message(std::string_view code);

/// The template with %1 … %n replaced by args (a %n without an argument stays as it is). An
/// unknown code gives the code and its arguments, so nothing is silently lost.
std::string format_message(std::string_view code, const std::vector<std::string>& args);

/// A gs::Error whose explanation is the code's English sentence filled with args, carrying the
/// code and args; torch_message (when not empty) is PyTorch's own message for the same mistake.
Error coded_error(const std::string& code, std::vector<std::string> args, const std::string& torch_message = {});

}  // namespace gs
