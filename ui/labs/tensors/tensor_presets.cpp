#include "labs/tensors/tensor_presets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace gsui {
namespace {

const QString kTitleTag = QStringLiteral("# title:");
const QString kAboutTag = QStringLiteral("# about:");

QString readText(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(f.readAll());
}

TensorPreset parsePreset(const QString& id, const QString& source) {
  TensorPreset p{.id = id, .title = id, .about = {}, .source = source};
  for (const QString& line : source.split('\n')) {
    const QString t = line.trimmed();
    if (t.startsWith(kTitleTag)) p.title = t.mid(kTitleTag.size()).trimmed();
    else if (t.startsWith(kAboutTag)) p.about = t.mid(kAboutTag.size()).trimmed();
    else if (!t.startsWith('#') && !t.isEmpty()) break;  // the tags come before the code
  }
  return p;
}

}  // namespace

QVector<TensorPreset> tensorPresets(const QString& language) {
  const QDir english(QStringLiteral(":/tensors/en"));
  QVector<TensorPreset> presets;
  for (const QFileInfo& file : english.entryInfoList({QStringLiteral("*.py")}, QDir::Files, QDir::Name)) {
    QString source = readText(QStringLiteral(":/tensors/%1/%2").arg(language, file.fileName()));
    if (source.isEmpty()) source = readText(file.filePath());
    presets.push_back(parsePreset(file.completeBaseName(), source));
  }
  return presets;
}

QStringList tensorPresetIds() {
  QStringList ids;
  for (const QFileInfo& file : QDir(QStringLiteral(":/tensors/en")).entryInfoList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
    ids << file.completeBaseName();
  return ids;
}

QString statementNote(const QString& source, int first_line) {
  const QStringList lines = source.split('\n');
  QStringList note;
  for (int i = first_line - 2; i >= 0 && i < lines.size(); --i) {
    const QString t = lines[i].trimmed();
    if (!t.startsWith('#') || t.startsWith(kTitleTag) || t.startsWith(kAboutTag)) break;
    note.prepend(t.mid(1).trimmed());
  }
  return note.join(' ');
}

}  // namespace gsui
