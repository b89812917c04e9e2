#pragma once
/// The learner's own data: any CSV table (a header or none; comma, semicolon or tab between
/// fields), from which two feature columns and a label column (or one feature and a numeric target)
/// become a Dataset. Unlike load_csv (numbers only, the last column the target) the labels may be
/// any values, numbers or text, mapped to classes 0..k−1 in sorted order.
///
/// Every refusal is a gs::Error whose code() names the problem and whose args() carry its values,
/// so a front end can say it in the learner's language (the English text is also complete):
///
///   code                   args                                         problem
///   csv_no_file            path                                         no such file
///   csv_too_large          path, MiB                                    larger than kMaxDataFileBytes
///   csv_empty              path                                         no line with a field
///   csv_too_many_rows      path, line, max rows                         more than kMaxCsvRows rows
///   csv_ragged             path, line, fields found, fields expected    a row with more or fewer fields
///   csv_unknown_column     path, name, the columns                      a chosen column is not in the table
///   csv_column_twice       path, name                                   one column chosen twice
///   csv_not_a_number       path, line, column, value                    text (or nothing) in a number column
///   csv_not_finite         path, line, column, value                    nan or inf in a number column
///   csv_too_few_rows       path, rows, min rows                         fewer than kMinCsvRows rows
///   csv_single_class       path, column, value                          every label the same
///   csv_too_many_classes   path, column, count, max, the classes        more classes than allowed
///   csv_constant_target    path, column, value                          a regression target that never changes
///
/// Lines are the file's own line numbers (1-based, the header and blank lines counted).
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace gs::data {

/// The most rows a table may have (a Playground run evaluates every point at every frame).
inline constexpr std::int64_t kMaxCsvRows = 100000;
/// The fewest rows a data set is made of: fewer leave too little to split into train and test.
inline constexpr std::int64_t kMinCsvRows = 10;

/// A CSV file as text fields, before any column is chosen.
struct CsvTable {
  std::string source;                ///< the path (or the name given to parse_csv_table), for messages
  char separator = ',';              ///< ',', ';' or '\t', detected on the first line
  bool has_header = false;           ///< the first line names the columns
  std::vector<std::string> columns;  ///< the header's names, or "column 1", "column 2", … without one
  std::vector<std::vector<std::string>> rows;  ///< the fields of each data row, trimmed, quotes removed
  std::vector<std::int64_t> lines;   ///< the file's line number of each row
  /// The index of the column named `name`; throws csv_unknown_column listing the columns.
  std::size_t column(const std::string& name) const;
};

/// Splits CSV text into a table. The separator is the one of ';', '\t' and ',' that the first line
/// has most of (ties go to ','); with ';' a decimal comma is accepted in numbers ("1,5"). The first
/// line is a header when one of its fields is not a number but the field below it is. Fields may be
/// quoted ("a, b" with "" for a quote); a field cannot span lines. Throws csv_empty, csv_ragged or
/// csv_too_many_rows.
CsvTable parse_csv_table(const std::string& text, const std::string& source);
/// parse_csv_table of a file (gzip'd or plain); throws csv_no_file or csv_too_large
/// (data::kMaxDataFileBytes) before reading more than that.
CsvTable read_csv_table(const std::string& path);

enum class CsvTask { Classification, Regression };

/// Which columns make the data set.
struct CsvColumns {
  std::vector<std::string> features;  ///< names of the feature columns (at least one)
  std::string target;                 ///< the label (classification) or value (regression) column
  CsvTask task = CsvTask::Classification;
  std::int64_t max_classes = 0;       ///< refuse more classes than this (0: any number from 2)
};

/// The chosen columns as a Dataset: x float32 [N, features] as the file has them; y int64 class
/// indices (distinct labels in sorted order: numerically when every label is a number, else by
/// their text; class_names the labels as first written) or float32 [N, 1] values. Throws with a
/// code listed above, naming the line and the column.
Dataset table_to_dataset(const CsvTable& table, const CsvColumns& columns);

/// Reads `text` as a number: an optional sign, digits, '.', an exponent ("1e-3"); with
/// `decimal_comma` a ',' is the decimal point. Surrounding spaces are allowed; "nan" and "inf"
/// parse (to non-finite values, which table_to_dataset refuses by name).
bool parse_csv_number(const std::string& text, bool decimal_comma, double& out);

}  // namespace gs::data
