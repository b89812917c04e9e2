#pragma once
// "Import CSV…": the learner's own table in the Playground. A file chooser, the first rows as a
// table, the task (two classes, or a value to fit) and the columns that become x₁, x₂ and the
// label. OK checks the whole file with core (data::table_to_dataset) and stays open, saying which
// line holds what problem, when the file cannot be learned from: the lab only ever receives a
// table that loads.
#include <QDialog>
#include <optional>

#include "data/csv_import.h"
#include "labs/playground/playground_setup.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace gsui {

class CsvImportDialog : public QDialog {
  Q_OBJECT
 public:
  /// Rows of the file shown in the preview.
  static constexpr int kPreviewRows = 8;

  explicit CsvImportDialog(QWidget* parent = nullptr);
  /// Reads `path` into the preview and the column choices (the last column the label, the first
  /// ones the features); returns the problem, also shown in the dialog, or "".
  QString setPath(const QString& path);
  /// Opens the dialog on an earlier choice.
  void setSource(const playground::CsvSource& source);
  /// The choice the dialog shows.
  playground::CsvSource source() const;
  /// Checks the choice against the whole file: "" when the Playground can learn from it, else the
  /// problem in the learner's language.
  QString check() const;
  /// A table's problem (a gs::Error with a csv_… code) in the learner's language, from the code
  /// and its values; other errors as core words them.
  static QString problemText(const gs::Error& error);

  QTableWidget* preview() const { return preview_; }
  QComboBox* taskCombo() const { return task_; }
  QComboBox* featureCombo(int i) const { return i == 0 ? x1_ : x2_; }
  QComboBox* targetCombo() const { return target_; }
  QLabel* problemLabel() const { return problem_; }

  /// OK: accepted only when check() finds nothing, else the problem is shown and the dialog stays.
  void accept() override;

 private:
  void browse();
  void retranslate();
  void fillColumns();
  /// Classification needs x₂; regression may leave it out.
  void updateTask();

  QLineEdit* path_;
  QPushButton* browse_;
  QLabel* summary_;
  QTableWidget* preview_;
  QComboBox* task_;
  QComboBox* x1_;
  QComboBox* x2_;
  QComboBox* target_;
  QLabel* task_label_;
  QLabel* x1_label_;
  QLabel* x2_label_;
  QLabel* target_label_;
  QLabel* problem_;
  QDialogButtonBox* buttons_;
  std::optional<gs::data::CsvTable> table_;
};

}  // namespace gsui
