#include "spec/dataset_spec.h"

#include <algorithm>
#include <numeric>

#include "data/csv_import.h"
#include "data/image_folder.h"
#include "data/features.h"
#include "data/loaders.h"
#include "util/json_excerpt.h"

namespace gs::spec {

using nlohmann::json;

namespace {

constexpr std::int64_t kMaxSamples = 1000000;  ///< dataset.n: more than Fashion-MNIST's 70,000, far less than memory

/// The 2-D generators of make_classification: n is the number of samples they make.
bool is_classification_generator(const std::string& name) {
  return name == "circle" || name == "xor" || name == "gaussian" || name == "spiral" || name == "moons" || name == "blobs";
}

bool is_playground(const std::string& name) {
  const auto& names = data::playground_datasets();
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Input features belong to the Playground's points only; an unknown one is named.
void check_features(const DatasetSpec& d) {
  if (d.features.empty()) return;
  if (!on_plane(d))
    throw Error("dataset.features: only the Playground's 2-D data sets have input features (circle, xor, ..., line, cubic)");
  (void)data::expand_features(zeros({1, 2}), d.features);
}

void check_test_ratio(double r) {
  if (!(r > 0 && r < 1)) throw Error("dataset.test_ratio: expected a fraction between 0 and 1, got " + std::to_string(r));
}

std::int64_t integer(const json& j, const char* key, std::int64_t fallback) {
  if (!j.contains(key)) return fallback;
  if (!j[key].is_number_integer()) throw Error(std::string("dataset.") + key + ": expected an integer, got " + j[key].dump());
  return j[key].get<std::int64_t>();
}

}  // namespace

namespace {

/// "columns", "target" and "task" of a "csv" set: the table's columns to learn from.
void parse_csv_columns(const json& j, DatasetSpec& d) {
  if (!j.contains("columns") && !j.contains("target") && !j.contains("task")) return;
  if (d.name != "csv") throw Error("dataset.columns: only a \"csv\" data set has columns to choose");
  const json& c = j.value("columns", json());
  if (!c.is_array() || c.empty() || c.size() > 1000 || !std::all_of(c.begin(), c.end(), [](const json& v) { return v.is_string(); }))
    throw Error("dataset.columns: expected the names of the feature columns, such as [\"sepal_length\", \"petal_width\"], got " + json_excerpt(c));
  d.columns = c.get<std::vector<std::string>>();
  if (!j.contains("target") || !j["target"].is_string())
    throw Error("dataset.target: expected the name of the label (or value) column, got " + json_excerpt(j.value("target", json())));
  d.target = j["target"].get<std::string>();
  if (j.contains("task")) {
    if (j["task"] != "classification" && j["task"] != "regression")
      throw Error("dataset.task: expected \"classification\" or \"regression\", got " + json_excerpt(j["task"]));
    d.task = j["task"].get<std::string>();
  }
}

}  // namespace

bool on_plane(const DatasetSpec& d) {
  return is_playground(d.name) || (d.name == "csv" && !d.columns.empty() && d.columns.size() <= 2);
}

void only_fields(const json& j, const std::string& where, const std::set<std::string>& known) {
  for (const auto& [k, v] : j.items()) {
    if (!known.count(k)) {
      std::string list;
      for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
      throw Error(where + (where.empty() ? "" : ".") + k + ": unknown field (expected one of: " + list + ")");
    }
  }
}

double default_noise(const std::string& name) { return name == "regression" ? 0.1 : 0.0; }

std::vector<std::string> default_features(const std::string& name) {
  if (name == "line" || name == "cubic") return {"x1"};
  return {"x1", "x2"};
}

DatasetSpec parse_dataset(const json& j) {
  if (!j.is_object() || !j.contains("name") || !j["name"].is_string())
    throw Error("dataset.name: missing (e.g. \"spiral\", \"iris\", \"fashion_mnist\", \"csv\")");
  only_fields(j, "dataset", {"name", "n", "noise", "test_ratio", "split", "standardize", "seed", "path", "classes", "degree", "features",
                             "only_classes", "train_per_class", "columns", "target", "task", "channels", "size"});
  DatasetSpec d;
  d.name = j["name"].get<std::string>();
  parse_csv_columns(j, d);
  if (j.contains("features")) {
    const json& f = j["features"];
    if (!on_plane(d))
      throw Error("dataset.features: only the Playground's 2-D data sets have input features (circle, xor, ..., line, cubic)");
    if (!f.is_array() || f.empty() || !std::all_of(f.begin(), f.end(), [](const json& v) { return v.is_string(); }))
      throw Error("dataset.features: expected a list of feature names such as [\"x1\", \"x2\", \"x1*x2\"], got " + f.dump());
    d.features = f.get<std::vector<std::string>>();
    check_features(d);
  }
  if (j.contains("n")) {
    if (!j["n"].is_number_integer() || j["n"].get<std::int64_t>() < 2)
      throw Error("dataset.n: expected an integer of at least 2, got " + j["n"].dump());
    // A generator makes what it is asked for: cap it before it takes the machine's memory.
    if (j["n"].get<std::int64_t>() > kMaxSamples)
      throw Error("dataset.n: at most " + std::to_string(kMaxSamples) + " samples, got " + j["n"].dump());
    d.n = j["n"].get<std::int64_t>();
  }
  d.noise = default_noise(d.name);
  if (j.contains("noise")) {
    if (!j["noise"].is_number()) throw Error("dataset.noise: expected a number, got " + j["noise"].dump());
    d.noise = j["noise"].get<double>();
  }
  if (j.contains("test_ratio")) {
    if (!j["test_ratio"].is_number()) throw Error("dataset.test_ratio: expected a number, got " + j["test_ratio"].dump());
    d.test_ratio = j["test_ratio"].get<double>();
    check_test_ratio(d.test_ratio);
  }
  if (j.contains("split")) {
    if (!j["split"].is_string() || (j["split"] != "random" && j["split"] != "official"))
      throw Error("dataset.split: expected \"random\" or \"official\", got " + j["split"].dump());
    d.split = j["split"].get<std::string>();
    if (d.split == "official" && d.name != "fashion_mnist")
      throw Error("dataset.split: \"official\" is Fashion-MNIST's own train/test split; \"" + d.name + "\" has none (use test_ratio)");
  }
  if (j.contains("standardize")) {
    if (!j["standardize"].is_boolean()) throw Error("dataset.standardize: expected true or false, got " + j["standardize"].dump());
    d.standardize = j["standardize"].get<bool>();
  }
  if (j.contains("seed")) {
    if (!j["seed"].is_number_integer() || j["seed"].get<std::int64_t>() < 0)
      throw Error("dataset.seed: expected a non-negative integer, got " + j["seed"].dump());
    d.seed = j["seed"].get<std::uint64_t>();
  }
  if (j.contains("path")) {
    if (!j["path"].is_string())
      throw Error(d.name == "csv" ? std::string("dataset.path: a \"csv\" data set needs the path of its file")
                                  : "dataset.path: expected a string, got " + j["path"].dump());
    d.path = j["path"].get<std::string>();
  }
  if (j.contains("channels") || j.contains("size")) {
    if (d.name != "image_folder")
      throw Error(std::string("dataset.") + (j.contains("channels") ? "channels" : "size") + ": only an \"image_folder\" data set has image channels and size");
    d.channels = integer(j, "channels", d.channels);
    d.size = integer(j, "size", d.size);
    if (d.channels != 1 && d.channels != 3) throw Error("dataset.channels: expected 1 (gray) or 3 (RGB), got " + std::to_string(d.channels));
    if (d.size < 4 || d.size > 128) throw Error("dataset.size: expected a size from 4 to 128 pixels, got " + std::to_string(d.size));
  }
  if (d.name == "image_folder" && d.path.empty())
    throw Error("dataset.path: an \"image_folder\" data set needs its folder (one subfolder per class)");
  d.classes = integer(j, "classes", d.classes);
  d.degree = integer(j, "degree", d.degree);
  if (j.contains("only_classes")) {
    const json& c = j["only_classes"];
    if (!c.is_array() || c.size() < 2 || c.size() > 1000 ||
        !std::all_of(c.begin(), c.end(), [](const json& v) { return v.is_number_integer() && v.get<std::int64_t>() >= 0; }))
      throw Error("dataset.only_classes: expected a list of at least two class indices such as [5, 6, 7], got " + json_excerpt(c));
    d.only_classes = c.get<std::vector<std::int64_t>>();
  }
  if (j.contains("train_per_class")) {
    const json& k = j["train_per_class"];
    if (!k.is_number_integer() || k.get<std::int64_t>() < 1 || k.get<std::int64_t>() > kMaxSamples)
      throw Error("dataset.train_per_class: expected a whole number of samples per class from 1 to " + std::to_string(kMaxSamples) + ", got " + json_excerpt(k));
    d.train_per_class = k.get<std::int64_t>();
  }
  return d;
}

json to_json(const DatasetSpec& d) {
  const DatasetSpec defaults;
  json j = {{"name", d.name}};
  if (d.n) j["n"] = *d.n;
  if (d.noise != default_noise(d.name)) j["noise"] = d.noise;
  if (d.test_ratio != defaults.test_ratio) j["test_ratio"] = d.test_ratio;
  if (d.split != defaults.split) j["split"] = d.split;
  if (d.standardize) j["standardize"] = *d.standardize;
  if (d.seed != defaults.seed) j["seed"] = d.seed;
  if (!d.path.empty()) j["path"] = d.path;
  if (d.name == "image_folder") {
    j["channels"] = d.channels;
    j["size"] = d.size;
  }
  if (!d.columns.empty()) {
    j["columns"] = d.columns;
    j["target"] = d.target;
    j["task"] = d.task;
  }
  if (d.classes != defaults.classes) j["classes"] = d.classes;
  if (d.degree != defaults.degree) j["degree"] = d.degree;
  if (!d.features.empty()) j["features"] = d.features;
  if (!d.only_classes.empty()) j["only_classes"] = d.only_classes;
  if (d.train_per_class) j["train_per_class"] = *d.train_per_class;
  return j;
}

Tensor FeaturePipeline::transform(const Tensor& raw) const {
  Tensor x = features.empty() ? raw : data::expand_features(raw, features);
  if (standardizer) x = standardizer->transform(x);
  if (flatten && x.dim() > 2) x = x.flatten(1);
  return x;
}

namespace {

/// `n` samples of `all` drawn without replacement by a seeded shuffle (all of them when n ≥ size).
data::Dataset seeded_subset(const data::Dataset& all, std::int64_t n, std::uint64_t seed) {
  if (all.size() <= n) return all;
  std::vector<std::int64_t> idx(all.size());
  std::iota(idx.begin(), idx.end(), 0);
  Generator g(seed);
  for (std::size_t i = idx.size(); i > 1; --i) std::swap(idx[i - 1], idx[static_cast<std::size_t>(g.integer(0, static_cast<std::int64_t>(i)))]);
  idx.resize(static_cast<std::size_t>(n));
  return all.subset(idx);
}

}  // namespace

namespace {

/// (x − mean) / std of each column over all rows (std 0 → 1), times `scale`.
Tensor standardized(const Tensor& x, double scale) {
  const data::Standardizer s = data::Standardizer::fit(x);
  return s.transform(x) * scale;
}

/// A table's one or two columns as points of the Playground's plane (see load_dataset).
data::Dataset onto_plane(data::Dataset d) {
  Tensor x = standardized(d.x, 2.0);  // ±3 standard deviations → ±6
  if (x.size(1) == 1) x = cat({x, zeros({x.size(0), 1})}, 1);
  d.x = x;
  if (!d.is_classification()) d.y = standardized(d.y, 1.0);
  return d;
}

/// Generates or loads the whole set named by d (before any subset or split); `tabular` tells
/// whether standardizing is the default.
data::Dataset load_all(const DatasetSpec& d, bool& tabular) {
  const std::string& name = d.name;
  tabular = true;
  if (is_classification_generator(name)) return data::make_classification(name, d.n.value_or(200), d.noise, d.seed, static_cast<int>(d.classes));
  if (is_playground(name)) return data::make_playground(name, d.n.value_or(200), d.noise, d.seed);
  if (name == "regression") return data::make_regression(d.n.value_or(100), d.noise, d.seed, static_cast<int>(d.degree));
  if (name == "csv") {
    if (d.path.empty()) throw Error("dataset.path: a \"csv\" data set needs the path of its file");
    if (d.columns.empty()) return data::load_csv(d.path);
    const data::CsvTask task = d.task == "regression" ? data::CsvTask::Regression : data::CsvTask::Classification;
    data::Dataset all = data::table_to_dataset(data::read_csv_table(d.path), {.features = d.columns, .target = d.target, .task = task});
    return on_plane(d) ? onto_plane(std::move(all)) : all;
  }
  if (name == "image_folder") {
    tabular = false;
    if (d.path.empty()) throw Error("dataset.path: an \"image_folder\" data set needs its folder (one subfolder per class)");
    return data::load_image_folder(d.path, {.channels = d.channels, .size = d.size});
  }
  data::Dataset all = data::load_builtin(name);
  tabular = all.x.dim() == 2;
  return all;
}

}  // namespace

data::Dataset load_samples(const DatasetSpec& d) {
  if (d.n && *d.n < 2) throw Error("dataset.n: expected an integer of at least 2, got " + std::to_string(*d.n));
  check_features(d);
  bool tabular = true;
  if (d.train_per_class)
    throw Error("dataset.train_per_class: cross-validation makes its own folds of all the samples; leave train_per_class out");
  data::Dataset all = load_all(d, tabular);
  if (!d.only_classes.empty()) all = data::keep_classes(all, d.only_classes);
  if (d.n && !is_classification_generator(d.name) && d.name != "regression") all = seeded_subset(all, *d.n, d.seed);
  return all;
}

ScenarioData load_dataset(const DatasetSpec& d, bool image_input, double validation) {
  const std::string& name = d.name;
  if (d.n && *d.n < 2) throw Error("dataset.n: expected an integer of at least 2, got " + std::to_string(*d.n));
  check_test_ratio(d.test_ratio);
  check_features(d);
  bool tabular = true;
  data::Dataset all = load_all(d, tabular);
  if (!d.only_classes.empty()) all = data::keep_classes(all, d.only_classes);
  data::Split raw;
  if (d.split == "official") {
    // Fashion-MNIST's own split; n subsets both parts in the proportion 60,000 : 10,000.
    data::Dataset test = data::load_builtin(name + "_test");
    if (!d.only_classes.empty()) test = data::keep_classes(test, d.only_classes);
    if (d.n) {
      const std::int64_t n_test = std::max<std::int64_t>(1, *d.n * test.size() / (all.size() + test.size()));
      all = seeded_subset(all, *d.n - n_test, d.seed);
      test = seeded_subset(test, n_test, d.seed + 1);
    }
    raw = {std::move(all), std::move(test)};
  } else {
    // A seeded subset of a large data set (e.g. 5,000 Fashion-MNIST images for a quick run).
    if (d.n && !is_classification_generator(name) && name != "regression") all = seeded_subset(all, *d.n, d.seed);
    raw = data::train_test_split(all, d.test_ratio, d.seed);
  }
  if (d.train_per_class) raw.train = data::per_class_subset(raw.train, *d.train_per_class, d.seed + 104729);
  return fit_split(d, std::move(raw), image_input, validation, tabular);
}

ScenarioData fit_split(const DatasetSpec& d, data::Split raw, bool image_input, double validation, std::optional<bool> tabular) {
  ScenarioData out;
  out.raw = std::move(raw);
  if (!tabular) tabular = out.raw.train.x.dim() == 2;
  const bool plane = on_plane(d);
  if (validation > 0) {
    // Held out of the training part, so the test set stays unseen; the seed differs from the
    // test split's so the two draws are independent.
    data::Split tv = data::train_test_split(out.raw.train, validation, d.seed + 7919);
    if (tv.train.size() < 1 || tv.test.size() < 1)
      throw Error("validation: " + std::to_string(validation) + " of " + std::to_string(out.raw.train.size()) +
                  " training samples leaves no sample on one side; use more data or another fraction");
    out.raw.train = std::move(tv.train);
    out.raw_validation = std::move(tv.test);
  }
  FeaturePipeline& pipeline = out.pipeline;
  // The Playground's input features of each point (x₁ alone for the 1-D sets by default).
  if (plane)
    pipeline.features = !d.features.empty()      ? d.features
                        : d.name != "csv"        ? default_features(d.name)
                        : d.columns.size() == 1  ? std::vector<std::string>{"x1"}
                                                 : std::vector<std::string>{"x1", "x2"};
  if (d.standardize.value_or(*tabular)) {
    const Tensor& x = out.raw.train.x;
    pipeline.standardizer = data::Standardizer::fit(pipeline.features.empty() ? x : data::expand_features(x, pipeline.features));
  }
  pipeline.flatten = !image_input && out.raw.train.x.dim() > 2;
  out.split = out.raw;
  out.split.train.x = pipeline.transform(out.raw.train.x);
  out.split.test.x = pipeline.transform(out.raw.test.x);
  if (out.raw_validation.size() > 0) {
    out.validation = out.raw_validation;
    out.validation.x = pipeline.transform(out.raw_validation.x);
  }
  return out;
}

}  // namespace gs::spec
