#include "data/loaders.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "util/error_codes.h"

namespace gs::data {
namespace {

std::string too_large() {
  return "holds more than " + std::to_string(kMaxDataFileBytes >> 20) +
         " MiB once unpacked; a data file this large is refused (is it a compressed bomb, or the wrong file?)";
}

/// A file read through zlib, gunzipping it if it is gzip'd (zlib passes plain files through).
class GzFile {
 public:
  explicit GzFile(const std::string& path) : path_(path) {
    if (!std::filesystem::exists(path)) throw Error(path + ": no such file");
    f_ = gzopen(path.c_str(), "rb");
    if (!f_) throw Error(path + ": cannot open");
  }
  ~GzFile() { gzclose(f_); }
  GzFile(const GzFile&) = delete;
  GzFile& operator=(const GzFile&) = delete;

  /// Appends up to `count` more unpacked bytes to `out`; fewer only at the end of the file.
  void read(std::string& out, std::size_t count) {
    char buffer[1 << 16];
    while (count > 0) {
      const int n = gzread(f_, buffer, static_cast<unsigned>(std::min(count, sizeof buffer)));
      if (n < 0) fail();
      if (n == 0) break;
      out.append(buffer, static_cast<std::size_t>(n));
      count -= static_cast<std::size_t>(n);
    }
    int err = 0;
    gzerror(f_, &err);
    if (err != Z_OK && err != Z_STREAM_END) fail();
  }
  /// Whether any byte is left after what was read.
  bool more() {
    std::string probe;
    read(probe, 1);
    return !probe.empty();
  }

 private:
  [[noreturn]] void fail() {
    int err = 0;
    const std::string msg = gzerror(f_, &err);  // copied: gzclose frees zlib's message
    throw Error(path_ + ": corrupt compressed data (" + msg + ")");
  }
  std::string path_;
  gzFile f_;
};

/// Reads a whole file, gunzipped. What it holds once unpacked may not exceed kMaxDataFileBytes:
/// a small .gz can expand a thousandfold (a "zip bomb"), and the reader stops at the limit
/// instead of filling the memory.
std::string read_all(const std::string& path) {
  GzFile f(path);
  std::string out;
  f.read(out, kMaxDataFileBytes);
  if (f.more()) throw Error(path + ": " + too_large());
  return out;
}

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::string cur;
  for (char c : line) {
    if (c == ',') {
      fields.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  fields.push_back(cur);
  return fields;
}

bool parse_double(const std::string& s, double& out) {
  const char* b = s.c_str();
  while (*b == ' ' || *b == '\t') ++b;
  if (!*b) return false;
  char* end = nullptr;
  out = std::strtod(b, &end);
  while (*end == ' ' || *end == '\t') ++end;
  return *end == '\0' && std::isfinite(out);
}

bool is_integer(const std::string& s) {
  double v;
  return parse_double(s, v) && std::floor(v) == v;
}

}  // namespace

Dataset load_csv(const std::string& path, bool has_header) {
  const std::string text = read_all(path);
  std::istringstream in(text);
  std::string line;
  int line_no = 0;
  std::vector<std::string> class_names;
  std::int64_t expected_rows = -1, expected_features = -1;
  std::vector<std::string> header;
  if (has_header) {
    if (!std::getline(in, line)) throw Error(path + ": the file is empty");
    ++line_no;
    header = split_fields(line);
    if (header.size() >= 2 && is_integer(header[0]) && is_integer(header[1])) {
      // Checked as numbers before any cast: "88888888888888888888" rows once escaped std::stoll
      // (found by fuzzing), and "1e3" read as 1.
      double rows_value = 0, features_value = 0;
      parse_double(header[0], rows_value);
      parse_double(header[1], features_value);
      if (rows_value <= 0 || features_value <= 0)
        throw Error(path + ":1: the header says " + header[0] + " rows of " + header[1] + " features; both must be positive");
      if (rows_value > 1e9 || features_value > 1e6)
        throw Error(path + ":1: the header says " + header[0] + " rows of " + header[1] +
                    " features; a table here has at most 1000000000 rows and 1000000 features");
      expected_rows = static_cast<std::int64_t>(rows_value);
      expected_features = static_cast<std::int64_t>(features_value);
      class_names.assign(header.begin() + 2, header.end());
    } else {
      expected_features = static_cast<std::int64_t>(header.size()) - 1;
      if (expected_features < 1) throw Error(path + ":1: the header names " + std::to_string(header.size()) + " column(s); need features and a target");
    }
  }
  std::vector<double> xs, ys;
  std::int64_t rows = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line == "\r") continue;
    const std::vector<std::string> f = split_fields(line);
    if (expected_features < 0) expected_features = static_cast<std::int64_t>(f.size()) - 1;
    if (static_cast<std::int64_t>(f.size()) != expected_features + 1)
      throw Error(path + ":" + std::to_string(line_no) + ": expected " + std::to_string(expected_features + 1) + " values (" +
                  std::to_string(expected_features) + " features and a target), found " + std::to_string(f.size()));
    for (std::size_t c = 0; c < f.size(); ++c) {
      double v;
      if (!parse_double(f[c], v))
        throw Error(path + ":" + std::to_string(line_no) + ": column " + std::to_string(c + 1) +
                    (header.size() > c && expected_rows < 0 ? " (" + header[c] + ")" : "") + ": \"" + f[c] + "\" is not a number");
      (c + 1 == f.size() ? ys : xs).push_back(v);
    }
    ++rows;
  }
  if (rows == 0) throw Error(path + ": no data rows");
  if (expected_rows >= 0 && rows != expected_rows)
    throw Error(path + ": the header announces " + std::to_string(expected_rows) + " rows but the file has " + std::to_string(rows) +
                " (truncated?)");
  Dataset d;
  d.x = from_vector(xs, {rows, expected_features});
  const bool classes = !class_names.empty() || std::all_of(ys.begin(), ys.end(), [](double v) { return std::floor(v) == v && v >= 0 && v < 1000; });
  if (classes) {
    // Counted from the targets only when the header names no classes: then every target is a
    // whole number below 1000. (With named classes a target may be anything, 6.7e47 among them,
    // and is checked below; casting it first was undefined. Fuzzing found it.)
    if (class_names.empty()) {
      const auto max_class = static_cast<std::int64_t>(*std::max_element(ys.begin(), ys.end()));
      for (std::int64_t c = 0; c <= max_class; ++c) class_names.push_back(std::to_string(c));
    }
    for (std::size_t i = 0; i < ys.size(); ++i) {
      if (std::floor(ys[i]) != ys[i] || ys[i] < 0 || ys[i] >= static_cast<double>(class_names.size()))
        throw Error(path + ": row " + std::to_string(i + 1) + ": class index " + std::to_string(ys[i]) + " is not in 0.." +
                    std::to_string(class_names.size() - 1));
    }
    d.y = from_vector(ys, {rows}, {.dtype = kInt64});
    d.class_names = class_names;
  } else {
    d.y = from_vector(ys, {rows, 1});
  }
  return d;
}

namespace {
std::uint32_t read_be32(const std::string& s, std::size_t offset) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(s[offset])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[offset + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[offset + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[offset + 3]));
}
}  // namespace

Dataset load_idx(const std::string& images_path, const std::string& labels_path) {
  // The headers first: they announce the sizes, and no more than that is unpacked (a .gz that
  // goes on past them is not read to its end).
  GzFile img_file(images_path), lab_file(labels_path);
  std::string img, lab;
  img_file.read(img, 16);
  lab_file.read(lab, 8);
  if (img.size() < 16) throw Error(images_path + ": too short for an IDX image header (" + std::to_string(img.size()) + " bytes)");
  if (lab.size() < 8) throw Error(labels_path + ": too short for an IDX label header (" + std::to_string(lab.size()) + " bytes)");
  if (read_be32(img, 0) != 0x00000803)
    throw Error(images_path + ": bad magic number " + std::to_string(read_be32(img, 0)) + " (expected 2051: unsigned-byte 3-D images)");
  if (read_be32(lab, 0) != 0x00000801)
    throw Error(labels_path + ": bad magic number " + std::to_string(read_be32(lab, 0)) + " (expected 2049: unsigned-byte labels)");
  const std::int64_t n = read_be32(img, 4), rows = read_be32(img, 8), cols = read_be32(img, 12);
  const std::int64_t n_labels = read_be32(lab, 4);
  if (n != n_labels) throw Error(images_path + " has " + std::to_string(n) + " images but " + labels_path + " has " + std::to_string(n_labels) + " labels");
  if (rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096) throw Error(images_path + ": implausible image size " + std::to_string(rows) + "x" + std::to_string(cols));
  const std::size_t pixels = static_cast<std::size_t>(n * rows * cols);  // < 2^56: no wrap
  if (pixels > kMaxDataFileBytes)
    throw Error(images_path + ": announces " + std::to_string(n) + " images of " + std::to_string(rows) + "x" + std::to_string(cols) + ", more than " +
                std::to_string(kMaxDataFileBytes >> 20) + " MiB of pixels; a data file this large is refused");
  const std::size_t need = 16 + pixels;
  img_file.read(img, pixels);
  if (img.size() < need)
    throw Error(images_path + ": truncated: " + std::to_string(n) + " images of " + std::to_string(rows) + "x" + std::to_string(cols) +
                " need " + std::to_string(need) + " bytes, the file has " + std::to_string(img.size()));
  lab_file.read(lab, static_cast<std::size_t>(n));
  if (lab.size() < 8 + static_cast<std::size_t>(n))
    throw Error(labels_path + ": truncated: " + std::to_string(n) + " labels need " + std::to_string(8 + n) + " bytes, the file has " + std::to_string(lab.size()));
  Tensor x = empty({n, 1, rows, cols});
  float* px = x.data_ptr<float>();
  for (std::int64_t i = 0; i < n * rows * cols; ++i) px[i] = static_cast<float>(static_cast<unsigned char>(img[16 + i])) / 255.0f;
  Tensor y = empty({n}, {.dtype = kInt64});
  std::int64_t* py = y.data_ptr<std::int64_t>();
  std::int64_t max_label = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    py[i] = static_cast<unsigned char>(lab[8 + i]);
    max_label = std::max(max_label, py[i]);
  }
  Dataset d{x, y, {}};
  for (std::int64_t c = 0; c <= std::max<std::int64_t>(max_label, 9); ++c) d.class_names.push_back(std::to_string(c));
  return d;
}

std::string data_dir() {
  if (const char* env = std::getenv("GRADSCOPE_DATA_DIR")) return env;
  // Installed: <prefix>/bin/gradscope next to <prefix>/share/gradscope/data, whatever the prefix
  // (a .deb installs under /usr, `cmake --install` under /usr/local by default).
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path beside = exe.parent_path().parent_path() / "share" / "gradscope" / "data";
    if (std::filesystem::exists(beside, ec)) return beside.string();
  }
#ifdef GRADSCOPE_SOURCE_DATA_DIR
  if (std::filesystem::exists(GRADSCOPE_SOURCE_DATA_DIR)) return GRADSCOPE_SOURCE_DATA_DIR;
#endif
#ifdef GRADSCOPE_INSTALL_DATA_DIR
  return GRADSCOPE_INSTALL_DATA_DIR;
#else
  return "resources/data";
#endif
}

std::string fashion_mnist_dir() {
  if (const char* env = std::getenv("GRADSCOPE_FASHION_MNIST_DIR")) return env;
  return "/usr/share/datasets/fashion-mnist";
}

Dataset load_builtin(const std::string& name) {
  const std::string dir = data_dir();
  if (name == "iris") return load_csv(dir + "/iris.csv");
  if (name == "breast_cancer") return load_csv(dir + "/breast_cancer.csv");
  if (name == "wine") return load_csv(dir + "/wine_data.csv");
  if (name == "digits") {
    Dataset d = load_csv(dir + "/digits.csv.gz", /*has_header=*/false);
    d.class_names.clear();
    for (int c = 0; c < 10; ++c) d.class_names.push_back(std::to_string(c));
    d.x = (d.x / 16.0).reshape({d.size(), 1, 8, 8});  // gray levels 0–16 → [0, 1], as images
    return d;
  }
  if (name == "fashion_mnist" || name == "fashion_mnist_test") {
    const std::string fm = fashion_mnist_dir();
    const std::string prefix = name == "fashion_mnist" ? "/train" : "/t10k";
    if (!std::filesystem::exists(fm + prefix + "-images-idx3-ubyte.gz") && !std::filesystem::exists(fm + prefix + "-images-idx3-ubyte"))
      throw coded_error("fashion_mnist_missing", {fm});
    auto pick = [&](const std::string& base) {
      return std::filesystem::exists(fm + base + ".gz") ? fm + base + ".gz" : fm + base;
    };
    Dataset d = load_idx(pick(prefix + "-images-idx3-ubyte"), pick(prefix + "-labels-idx1-ubyte"));
    if (d.num_classes() > 10)  // a label of 10 or more: not Fashion-MNIST's ten classes
      throw Error(pick(prefix + "-labels-idx1-ubyte") + ": a label of " + std::to_string(d.num_classes() - 1) +
                  "; Fashion-MNIST's labels are 0 to 9 (is the file damaged?)");
    d.class_names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
    return d;
  }
  throw Error("dataset.name: unknown data set \"" + name + "\" (shipped: iris, breast_cancer, wine, digits, fashion_mnist)");
}

}  // namespace gs::data
