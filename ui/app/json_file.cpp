#include "app/json_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "util/json_error.h"

namespace gsui {

JsonFile readJsonFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {nullptr, QCoreApplication::translate("gsui::JsonFile", "cannot open \"%1\"").arg(path)};
  // Scenarios, presets, specs and sessions are kilobytes: a file of hundreds of megabytes is the
  // wrong file, and reading it whole would only stall the window.
  if (f.size() > kMaxJsonFileBytes)
    return {nullptr, QCoreApplication::translate("gsui::JsonFile", "\"%1\" is %2 MB: too large for a GradScope file (at most %3 MB)")
                         .arg(path)
                         .arg(f.size() / (1 << 20))
                         .arg(kMaxJsonFileBytes / (1 << 20))};
  try {
    return {nlohmann::json::parse(f.readAll().toStdString()), QString()};
  } catch (const std::exception& e) {
    return {nullptr, QCoreApplication::translate("gsui::JsonFile", "\"%1\" is not valid JSON: %2").arg(path, QString::fromStdString(gs::describe_json_error(e.what())))};
  }
}

QString writeJsonFile(const QString& path, const nlohmann::json& json) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::fromStdString(json.dump(1))) < 0 || !f.commit())
    return QCoreApplication::translate("gsui::JsonFile", "cannot write \"%1\"").arg(path);
  return {};
}

}  // namespace gsui
