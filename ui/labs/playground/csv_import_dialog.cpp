#include "labs/playground/csv_import_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/engine_message.h"

namespace gsui {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

/// The file's name without its folder: messages stay short enough for the dialog.
QString fileName(const std::string& path) { return QFileInfo(q(path)).fileName(); }

}  // namespace

CsvImportDialog::CsvImportDialog(QWidget* parent) : QDialog(parent) {
  setObjectName("csv_import");
  path_ = new QLineEdit;
  path_->setObjectName("csv_path");
  browse_ = new QPushButton;
  summary_ = new QLabel;
  summary_->setWordWrap(true);
  preview_ = new QTableWidget;
  preview_->setObjectName("csv_preview");
  preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  preview_->setMinimumHeight(180);
  task_ = new QComboBox;
  task_->setObjectName("csv_task");
  task_->addItem(QString(), false);  // classification (two classes)
  task_->addItem(QString(), true);   // regression
  x1_ = new QComboBox;
  x1_->setObjectName("csv_x1");
  x2_ = new QComboBox;
  x2_->setObjectName("csv_x2");
  target_ = new QComboBox;
  target_->setObjectName("csv_target");
  problem_ = new QLabel;
  problem_->setObjectName("csv_problem");
  problem_->setWordWrap(true);
  problem_->setStyleSheet("color: #c0392b");
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);

  auto* file_row = new QHBoxLayout;
  file_row->addWidget(path_, 1);
  file_row->addWidget(browse_);
  auto* form = new QFormLayout;
  task_label_ = new QLabel;
  x1_label_ = new QLabel;
  x2_label_ = new QLabel;
  target_label_ = new QLabel;
  form->addRow(task_label_, task_);
  form->addRow(x1_label_, x1_);
  form->addRow(x2_label_, x2_);
  form->addRow(target_label_, target_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(file_row);
  layout->addWidget(summary_);
  layout->addWidget(preview_, 1);
  layout->addLayout(form);
  layout->addWidget(problem_);
  layout->addWidget(buttons_);

  connect(browse_, &QPushButton::clicked, this, &CsvImportDialog::browse);
  connect(path_, &QLineEdit::editingFinished, this, [this] {
    if (!path_->text().isEmpty()) setPath(path_->text());
  });
  connect(task_, &QComboBox::currentIndexChanged, this, &CsvImportDialog::updateTask);
  for (QComboBox* c : {x1_, x2_, target_}) connect(c, &QComboBox::currentIndexChanged, problem_, &QLabel::clear);
  connect(buttons_, &QDialogButtonBox::accepted, this, &CsvImportDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &CsvImportDialog::reject);
  retranslate();
  resize(640, 520);
}

void CsvImportDialog::retranslate() {
  setWindowTitle(tr("Import CSV"));
  path_->setPlaceholderText(tr("a CSV file: comma or semicolon between values, with or without a header"));
  browse_->setText(tr("Choose file…"));
  task_->setItemText(0, tr("classification (two classes)"));
  task_->setItemText(1, tr("regression (a number)"));
  task_label_->setText(tr("Task"));
  x1_label_->setText(tr("x₁ column"));
  x2_label_->setText(tr("x₂ column"));
  target_label_->setText(tr("Label column"));
}

void CsvImportDialog::browse() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Import a CSV table"), QString(), tr("CSV table (*.csv *.txt *.tsv *.gz);;All files (*)"));
  if (!path.isEmpty()) setPath(path);
}

QString CsvImportDialog::setPath(const QString& path) {
  path_->setText(path);
  problem_->clear();
  try {
    table_ = gs::data::read_csv_table(path.toStdString());
  } catch (const gs::Error& e) {
    table_.reset();
    fillColumns();
    problem_->setText(problemText(e));
    return problem_->text();
  }
  fillColumns();
  return {};
}

void CsvImportDialog::fillColumns() {
  preview_->clear();
  preview_->setRowCount(0);
  preview_->setColumnCount(0);
  for (QComboBox* c : {x1_, x2_, target_}) {
    const QSignalBlocker block(c);
    c->clear();
  }
  summary_->clear();
  if (!table_) return;
  const gs::data::CsvTable& t = *table_;
  const int columns = static_cast<int>(t.columns.size());
  const int rows = static_cast<int>(std::min<std::size_t>(t.rows.size(), kPreviewRows));
  preview_->setColumnCount(columns);
  preview_->setRowCount(rows);
  QStringList names;
  for (const std::string& c : t.columns) names << q(c);
  preview_->setHorizontalHeaderLabels(names);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) preview_->setItem(r, c, new QTableWidgetItem(q(t.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)])));
    preview_->setVerticalHeaderItem(r, new QTableWidgetItem(QString::number(t.lines[static_cast<std::size_t>(r)])));  // the file's line
  }
  preview_->resizeColumnsToContents();
  const QString separator = t.separator == ';' ? tr("semicolons") : t.separator == '\t' ? tr("tabs") : tr("commas");
  summary_->setText((t.has_header ? tr("%1 rows, %2 columns named by the header; values separated by %3.")
                                  : tr("%1 rows, %2 columns, no header; values separated by %3."))
                        .arg(t.rows.size())
                        .arg(columns)
                        .arg(separator));
  for (QComboBox* c : {x1_, x2_, target_}) {
    const QSignalBlocker block(c);
    if (c == x2_) c->addItem(tr("(none: y against x₁)"), QString());
    for (const std::string& name : t.columns) c->addItem(q(name), q(name));
  }
  // The usual layout of a table: features first, the label last.
  x1_->setCurrentIndex(0);
  x2_->setCurrentIndex(columns >= 3 ? 2 : 0);
  target_->setCurrentIndex(columns - 1);
  updateTask();
}

void CsvImportDialog::updateTask() {
  problem_->clear();
  const bool regression = task_->currentData().toBool();
  target_label_->setText(regression ? tr("Value column") : tr("Label column"));
  if (x2_->count() > 0) {
    // "(none)" only for regression: two classes need the plane's two coordinates.
    auto* item = qobject_cast<QStandardItemModel*>(x2_->model());
    if (item && item->item(0)) item->item(0)->setEnabled(regression);
    if (!regression && x2_->currentIndex() == 0 && x2_->count() > 2) x2_->setCurrentIndex(2);
  }
}

void CsvImportDialog::setSource(const playground::CsvSource& source) {
  setPath(q(source.path));
  task_->setCurrentIndex(source.regression ? 1 : 0);
  if (!source.features.empty()) x1_->setCurrentIndex(std::max(0, x1_->findData(q(source.features[0]))));
  x2_->setCurrentIndex(source.features.size() > 1 ? std::max(0, x2_->findData(q(source.features[1]))) : 0);
  target_->setCurrentIndex(std::max(0, target_->findData(q(source.target))));
}

playground::CsvSource CsvImportDialog::source() const {
  playground::CsvSource s;
  s.path = path_->text().toStdString();
  s.regression = task_->currentData().toBool();
  if (x1_->currentIndex() >= 0) s.features.push_back(x1_->currentData().toString().toStdString());
  if (!x2_->currentData().toString().isEmpty()) s.features.push_back(x2_->currentData().toString().toStdString());
  s.target = target_->currentData().toString().toStdString();
  return s;
}

QString CsvImportDialog::check() const {
  const playground::CsvSource s = source();
  if (s.path.empty()) return tr("Choose a CSV file first.");
  if (!s.regression && s.features.size() < 2)
    return tr("Two classes are drawn on the plane of x₁ and x₂: choose a column for each (or the task regression, which fits y against x₁).");
  try {
    playground::readCsv(s);
  } catch (const gs::Error& e) {
    return problemText(e);
  }
  return {};
}

void CsvImportDialog::accept() {
  const QString problem = check();
  if (!problem.isEmpty()) {
    problem_->setText(problem);
    return;
  }
  QDialog::accept();
}

QString CsvImportDialog::problemText(const gs::Error& e) {
  const std::string& code = e.code();
  const std::vector<std::string>& a = e.args();
  auto arg = [&](std::size_t i) { return i < a.size() ? q(a[i]) : QString(); };
  const QString file = a.empty() ? QString() : fileName(a[0]);
  if (code == "csv_no_file") return tr("%1: no such file.").arg(arg(0));
  if (code == "csv_too_large") return tr("%1 holds more than %2 MiB; a data file this large is refused.").arg(file, arg(1));
  if (code == "csv_empty") return tr("%1 is empty: no line holds a value.").arg(file);
  if (code == "csv_too_many_rows")
    return tr("%1, line %2: more than %3 rows; a table this long is refused (take a sample of it).").arg(file, arg(1), arg(2));
  if (code == "csv_ragged")
    return tr("%1, line %2: %3 values where the table has %4 columns; every row needs one value per column.").arg(file, arg(1), arg(2), arg(3));
  if (code == "csv_unknown_column") return tr("%1 has no column \"%2\" (its columns: %3).").arg(file, arg(1), arg(2));
  if (code == "csv_column_twice") return tr("The column \"%1\" is chosen twice; choose different columns.").arg(arg(1));
  if (code == "csv_not_a_number") {
    if (arg(3).isEmpty()) return tr("%1, line %2, column \"%3\": the value is missing; this column needs a number.").arg(file, arg(1), arg(2));
    return tr("%1, line %2, column \"%3\": \"%4\" is not a number.").arg(file, arg(1), arg(2), arg(3));
  }
  if (code == "csv_not_finite")
    return tr("%1, line %2, column \"%3\": \"%4\" is not a finite number (nan and inf cannot be learned from).").arg(file, arg(1), arg(2), arg(3));
  if (code == "csv_too_few_rows") return tr("%1 has %2 data rows; at least %3 are needed to train and to test.").arg(file, arg(1), arg(2));
  if (code == "csv_single_class")
    return tr("Every label in \"%1\" is \"%2\": a classifier needs two classes.").arg(arg(1), arg(2));
  if (code == "csv_too_many_classes")
    return tr("\"%1\" has %2 classes (%3); the Playground classifies two. Choose a column with two values, or the task regression.")
        .arg(arg(1), arg(2), arg(4));
  if (code == "csv_constant_target")
    return tr("Every value of \"%1\" is %2: a target that never changes leaves nothing to learn.").arg(arg(1), arg(2));
  return engineMessage(e);
}

}  // namespace gsui
