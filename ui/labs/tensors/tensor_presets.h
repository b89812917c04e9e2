#pragma once
// The Tensors lab's preset programs: resources/tensors/<lang>/NN_name.py, one file per lesson in
// each language with the same code on the same lines (only the comments are translated).
// Line 1 is `# title: ...`, line 2 `# about: ...`; the comment lines directly above a statement
// are its note, shown when the lab steps to that statement.
#include <QString>
#include <QStringList>
#include <QVector>

namespace gsui {

struct TensorPreset {
  QString id;      ///< the file's base name ("02_view_reshape_contiguous"), the same in every language
  QString title;   ///< from `# title:`
  QString about;   ///< from `# about:`
  QString source;  ///< the whole file
};

/// The presets in a language ("en", "ko"), ordered by file name; English where a file is missing.
QVector<TensorPreset> tensorPresets(const QString& language);

/// The presets' ids in order ("01_creation_and_dtype", ...): the lab's pages for `--page`.
QStringList tensorPresetIds();

/// The note of the statement starting on `first_line` (1-based): the `#` comment lines directly
/// above it, without their `#`, joined by spaces ("" for none). `# title:` / `# about:` lines are
/// not notes.
QString statementNote(const QString& source, int first_line);

}  // namespace gsui
