#include "app/json_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gsui {

JsonFile readJsonFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {nullptr, QCoreApplication::translate("gsui::JsonFile", "cannot open \"%1\"").arg(path)};
  try {
    return {nlohmann::json::parse(f.readAll().toStdString()), QString()};
  } catch (const std::exception& e) {
    return {nullptr, QCoreApplication::translate("gsui::JsonFile", "\"%1\" is not valid JSON: %2").arg(path, QString::fromUtf8(e.what()))};
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
