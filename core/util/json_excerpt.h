#pragma once
/// A bad value as an error message quotes it: its JSON text, cut to a few dozen characters, so a
/// huge or deeply nested value never floods (or overflows) a message.
#include <nlohmann/json.hpp>
#include <string>

namespace gs {

/// `value.dump()` when short; otherwise its first `max_chars` characters and " …". Deep values
/// are not walked past what is printed (containers show their size instead of their contents).
inline std::string json_excerpt(const nlohmann::json& value, std::size_t max_chars = 60) {
  if (value.is_array() || value.is_object()) {
    // Small flat containers print whole; anything else is described, not dumped.
    bool flat = value.size() <= 16;
    for (const auto& v : value)
      if (v.is_structured()) flat = false;
    if (!flat) return std::string(value.is_array() ? "an array of " : "an object of ") + std::to_string(value.size()) + " entries";
  }
  std::string text = value.dump();
  if (text.size() > max_chars) text = text.substr(0, max_chars) + " …";
  return text;
}

}  // namespace gs
