#pragma once
/// nlohmann's exceptions as a learner-facing message that names the field. The project builds
/// with JSON_DIAGNOSTICS (CMakeLists.txt), so a type or key error thrown while reading a parsed
/// file carries the JSON pointer of the value at fault: "[json.exception.type_error.302]
/// (/view/page) type must be string, but is number" becomes
/// "view.page: expected a string, got a number".
#include <nlohmann/json.hpp>
#include <string>

namespace gs {

/// "/layers/2/kernel_size" → "layers[2].kernel_size" (the field names the readers use).
inline std::string json_pointer_field(const std::string& pointer) {
  std::string out, token;
  auto flush = [&] {
    const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
    if (index) out += "[" + token + "]";
    else out += (out.empty() ? "" : ".") + token;
    token.clear();
  };
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') flush();
    else token += pointer[i];
  }
  return out;
}

/// The message of a nlohmann::json exception, reworded; other text is returned as it is.
inline std::string describe_json_error(const std::string& what) {
  std::string text = what;
  // Drop "[json.exception.type_error.302] ".
  if (text.rfind("[json.exception.", 0) == 0) {
    const auto close = text.find("] ");
    if (close != std::string::npos) text = text.substr(close + 2);
  }
  std::string field;
  if (!text.empty() && text[0] == '(') {
    const auto close = text.find(") ");
    if (close != std::string::npos) {
      field = json_pointer_field(text.substr(1, close - 1));
      text = text.substr(close + 2);
    }
  }
  auto article = [](const std::string& type) {
    if (type == "null") return std::string("null");
    return std::string(type == "object" || type == "array" ? "an " : "a ") + type;
  };
  // "type must be string, but is number"
  const std::string must = "type must be ", but = ", but is ";
  if (text.rfind(must, 0) == 0 && text.find(but) != std::string::npos) {
    const auto at = text.find(but);
    text = "expected " + article(text.substr(must.size(), at - must.size())) + ", got " + article(text.substr(at + but.size()));
  } else if (text.rfind("key '", 0) == 0 && text.find("' not found") != std::string::npos) {
    text = "the field \"" + text.substr(5, text.find("' not found") - 5) + "\" is missing";
  } else if (text.rfind("cannot use ", 0) == 0) {
    // "cannot use operator[] with a string argument with number": a value of the wrong kind.
    const auto with = text.rfind(" with ");
    if (with != std::string::npos) text = "expected an object or an array, got " + article(text.substr(with + 6));
  }
  return field.empty() ? text : (field.empty() ? "" : field + ": ") + text;
}

inline std::string describe_json_error(const nlohmann::json::exception& e) { return describe_json_error(std::string(e.what())); }

}  // namespace gs
