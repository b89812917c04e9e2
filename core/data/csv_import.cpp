#include "data/csv_import.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "data/loaders.h"
#include "util/error_codes.h"

namespace gs::data {
namespace {

std::string str(std::int64_t v) { return std::to_string(v); }

/// "path:line: " as the other loaders say where.
std::string at(const std::string& source, std::int64_t line) { return source + ":" + str(line) + ": "; }

/// Reads a whole file through zlib (plain files pass through), stopping at kMaxDataFileBytes.
std::string read_capped(const std::string& path) {
  if (!std::filesystem::exists(path))
    throw coded_error("csv_no_file", {path});
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw coded_error("csv_no_file", {path});
  std::string out;
  char buffer[1 << 16];
  int n = 0;
  while ((n = gzread(f, buffer, sizeof buffer)) > 0) {
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > kMaxDataFileBytes) break;
  }
  gzclose(f);
  if (out.size() > kMaxDataFileBytes) {
    const std::string mib = str(static_cast<std::int64_t>(kMaxDataFileBytes >> 20));
    throw coded_error("csv_too_large", {path, mib});
  }
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

/// The fields of one line: separators inside double quotes are text, "" is a quote.
std::vector<std::string> split_line(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cur += '"', ++i;
      else if (c == '"') quoted = false;
      else cur += c;
    } else if (c == '"' && trim(cur).empty()) {
      cur.clear();
      quoted = true;
    } else if (c == sep) {
      fields.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  fields.push_back(trim(cur));
  return fields;
}

/// The separator the first line uses most, outside quotes (ties: ',').
char detect_separator(const std::string& line) {
  std::map<char, int> count;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (!quoted) ++count[c];
  }
  char best = ',';
  for (char c : {';', '\t'})
    if (count[c] > count[best]) best = c;
  return best;
}

bool is_blank(const std::string& line) { return trim(line).empty(); }

}  // namespace

bool parse_csv_number(const std::string& text, bool decimal_comma, double& out) {
  std::string s = trim(text);
  if (s.empty()) return false;
  if (decimal_comma) std::replace(s.begin(), s.end(), ',', '.');
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

std::size_t CsvTable::column(const std::string& name) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  if (it != columns.end()) return static_cast<std::size_t>(it - columns.begin());
  std::string list;
  for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + c;
  throw coded_error("csv_unknown_column", {source, name, list});
}

CsvTable parse_csv_table(const std::string& text, const std::string& source) {
  CsvTable t;
  t.source = source;
  std::vector<std::pair<std::int64_t, std::string>> lines;  // the non-blank lines and their numbers
  std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // a UTF-8 byte-order mark, as spreadsheets write
  std::int64_t line_no = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    ++line_no;
    std::string line = text.substr(start, end - start);
    if (!is_blank(line)) {
      if (static_cast<std::int64_t>(lines.size()) > kMaxCsvRows)  // the header and kMaxCsvRows rows are allowed
        throw coded_error("csv_too_many_rows", {source, str(line_no), str(kMaxCsvRows)});
      lines.emplace_back(line_no, std::move(line));
    }
    start = end + 1;
  }
  if (lines.empty()) throw coded_error("csv_empty", {source});
  t.separator = detect_separator(lines[0].second);
  const bool decimal_comma = t.separator == ';';
  const std::vector<std::string> first = split_line(lines[0].second, t.separator);
  // A header: a field of the first line that is not a number above one that is.
  if (lines.size() == 1) {
    t.has_header = std::any_of(first.begin(), first.end(), [&](const std::string& f) {
      double v;
      return !parse_csv_number(f, decimal_comma, v);
    });
  } else {
    const std::vector<std::string> second = split_line(lines[1].second, t.separator);
    for (std::size_t c = 0; c < first.size() && c < second.size(); ++c) {
      double v;
      if (!parse_csv_number(first[c], decimal_comma, v) && parse_csv_number(second[c], decimal_comma, v)) t.has_header = true;
    }
  }
  for (std::size_t c = 0; c < first.size(); ++c)
    t.columns.push_back(t.has_header && !first[c].empty() ? first[c] : "column " + str(static_cast<std::int64_t>(c + 1)));
  for (std::size_t i = t.has_header ? 1 : 0; i < lines.size(); ++i) {
    std::vector<std::string> fields = split_line(lines[i].second, t.separator);
    if (fields.size() != t.columns.size())
      // (the last argument is one of core's coded words, said in the learner's language)
      throw coded_error("csv_ragged", {source, str(lines[i].first), str(static_cast<std::int64_t>(fields.size())),
                                       str(static_cast<std::int64_t>(t.columns.size())),
                                       format_message(t.has_header ? "word_csv_header_names" : "word_csv_first_line_has", {})});
    t.rows.push_back(std::move(fields));
    t.lines.push_back(lines[i].first);
  }
  return t;
}

CsvTable read_csv_table(const std::string& path) { return parse_csv_table(read_capped(path), path); }

Dataset table_to_dataset(const CsvTable& t, const CsvColumns& c) {
  const std::string& src = t.source;
  GS_CHECK(!c.features.empty(), "table_to_dataset: choose at least one feature column");
  std::vector<std::size_t> features;
  for (const std::string& name : c.features) features.push_back(t.column(name));
  const std::size_t target = t.column(c.target);
  std::vector<std::size_t> chosen = features;
  chosen.push_back(target);
  for (std::size_t i = 0; i < chosen.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (chosen[i] == chosen[j])
        throw coded_error("csv_column_twice", {src, t.columns[chosen[i]]});
  const auto rows = static_cast<std::int64_t>(t.rows.size());
  if (rows < kMinCsvRows)
    throw coded_error("csv_too_few_rows", {src, str(rows), str(kMinCsvRows)});
  const bool decimal_comma = t.separator == ';';
  auto number = [&](std::size_t row, std::size_t col) {
    const std::string& f = t.rows[row][col];
    const std::string line = str(t.lines[row]);
    double v = 0;
    // (an empty field too: the front ends say "the value is missing" for an empty argument)
    if (!parse_csv_number(f, decimal_comma, v)) throw coded_error("csv_not_a_number", {src, line, t.columns[col], f});
    if (!std::isfinite(v)) throw coded_error("csv_not_finite", {src, line, t.columns[col], f});
    return v;
  };
  std::vector<double> xs;
  xs.reserve(static_cast<std::size_t>(rows) * features.size());
  for (std::int64_t r = 0; r < rows; ++r)
    for (std::size_t col : features) xs.push_back(number(static_cast<std::size_t>(r), col));
  Dataset d;
  d.x = from_vector(xs, {rows, static_cast<std::int64_t>(features.size())});
  const std::string& target_name = t.columns[target];
  if (c.task == CsvTask::Regression) {
    std::vector<double> ys;
    for (std::int64_t r = 0; r < rows; ++r) ys.push_back(number(static_cast<std::size_t>(r), target));
    if (std::all_of(ys.begin(), ys.end(), [&](double v) { return v == ys[0]; }))
      throw coded_error("csv_constant_target", {src, target_name, t.rows[0][target]});
    d.y = from_vector(ys, {rows, 1});
    return d;
  }
  // Classes: the distinct labels in sorted order, numerically when all are numbers ("2" before
  // "10", and "1" and "1.0" one class), else by their text.
  bool numeric = true;
  std::vector<double> values(static_cast<std::size_t>(rows));
  for (std::int64_t r = 0; r < rows && numeric; ++r)
    numeric = parse_csv_number(t.rows[static_cast<std::size_t>(r)][target], decimal_comma, values[static_cast<std::size_t>(r)]) &&
              std::isfinite(values[static_cast<std::size_t>(r)]);
  std::vector<std::int64_t> ys(static_cast<std::size_t>(rows));
  if (numeric) {
    std::map<double, std::string> names;  // value → its first spelling
    for (std::int64_t r = 0; r < rows; ++r) names.emplace(values[static_cast<std::size_t>(r)], t.rows[static_cast<std::size_t>(r)][target]);
    for (const auto& [v, name] : names) d.class_names.push_back(name);
    for (std::int64_t r = 0; r < rows; ++r)
      ys[static_cast<std::size_t>(r)] = std::distance(names.begin(), names.find(values[static_cast<std::size_t>(r)]));
  } else {
    std::map<std::string, std::int64_t> index;
    for (const auto& row : t.rows) index.emplace(row[target], 0);
    std::int64_t k = 0;
    for (auto& [name, i] : index) {
      i = k++;
      d.class_names.push_back(name);
    }
    for (std::int64_t r = 0; r < rows; ++r) ys[static_cast<std::size_t>(r)] = index[t.rows[static_cast<std::size_t>(r)][target]];
  }
  const auto k = static_cast<std::int64_t>(d.class_names.size());
  if (k < 2)
    throw coded_error("csv_single_class", {src, target_name, d.class_names[0]});
  if (c.max_classes > 0 && k > c.max_classes) {
    std::string list;
    for (std::int64_t i = 0; i < k && i < 12; ++i) list += (i ? ", " : "") + d.class_names[static_cast<std::size_t>(i)];
    if (k > 12) list += ", …";
    throw coded_error("csv_too_many_classes", {src, target_name, str(k), str(c.max_classes), list});
  }
  std::vector<double> yd(ys.begin(), ys.end());
  d.y = from_vector(yd, {rows}, {.dtype = kInt64});
  return d;
}

}  // namespace gs::data
