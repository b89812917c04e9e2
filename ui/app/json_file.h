#pragma once
// Reading a JSON file the user or the app wrote (a scenario, a preset, a spec, the session): the
// JSON, or one translated message that names the file and what is wrong with it.
#include <QString>
#include <nlohmann/json.hpp>

namespace gsui {

struct JsonFile {
  nlohmann::json json;  ///< null when the file could not be read
  QString error;        ///< "" on success: "cannot open "x.json"", or the parser's message and where
  bool ok() const { return error.isEmpty(); }
};

/// The largest file readJsonFile() reads (64 MiB).
inline constexpr qint64 kMaxJsonFileBytes = qint64(64) << 20;

/// Reads and parses `path` (a file or a Qt resource); a file over kMaxJsonFileBytes is refused
/// unread.
JsonFile readJsonFile(const QString& path);

/// Writes `json` to `path` atomically (QSaveFile: a failed write leaves the old file whole), with
/// one-space indentation. "" on success, else the problem naming the file.
QString writeJsonFile(const QString& path, const nlohmann::json& json);

}  // namespace gsui
