#include "data/dataset.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "ops/functional.h"

namespace gs::data {
namespace {

Tensor index_tensor(const std::vector<std::int64_t>& idx) {
  return from_vector(std::vector<double>(idx.begin(), idx.end()), {static_cast<std::int64_t>(idx.size())}, {.dtype = kInt64});
}

void shuffle(std::vector<std::int64_t>& v, Generator& g) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<std::size_t>(g.integer(0, static_cast<std::int64_t>(i)))]);
}

Dataset from_points(const std::vector<double>& xs, const std::vector<std::int64_t>& labels, int classes) {
  Dataset d;
  const auto n = static_cast<std::int64_t>(labels.size());
  d.x = from_vector(xs, {n, 2});
  d.y = from_vector(std::vector<double>(labels.begin(), labels.end()), {n}, {.dtype = kInt64});
  for (int c = 0; c < classes; ++c) d.class_names.push_back(std::to_string(c));
  return d;
}

}  // namespace

Dataset Dataset::subset(const std::vector<std::int64_t>& indices) const {
  Dataset d;
  const Tensor idx = index_tensor(indices);
  d.x = x.index_select(0, idx);
  d.y = y.index_select(0, idx);
  d.class_names = class_names;
  return d;
}

std::vector<std::int64_t> Dataset::class_counts() const {
  std::vector<std::int64_t> counts(class_names.size(), 0);
  if (!is_classification()) return counts;
  for (auto v : y.to_vector<std::int64_t>())
    if (v >= 0 && v < static_cast<std::int64_t>(counts.size())) ++counts[v];
  return counts;
}

Dataset keep_classes(const Dataset& d, const std::vector<std::int64_t>& classes, const std::string& where) {
  if (!d.is_classification()) throw Error(where + ": only a classification data set has classes to keep");
  if (classes.size() < 2) throw Error(where + ": expected at least two classes, got " + std::to_string(classes.size()));
  std::vector<std::int64_t> relabel(static_cast<std::size_t>(d.num_classes()), -1);
  Dataset out;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const std::int64_t c = classes[i];
    if (c < 0 || c >= d.num_classes())
      throw Error(where + ": class " + std::to_string(c) + " is not one of the set's classes 0 to " + std::to_string(d.num_classes() - 1));
    if (relabel[static_cast<std::size_t>(c)] >= 0) throw Error(where + ": class " + std::to_string(c) + " is listed twice");
    relabel[static_cast<std::size_t>(c)] = static_cast<std::int64_t>(i);
    out.class_names.push_back(d.class_names[static_cast<std::size_t>(c)]);
  }
  std::vector<std::int64_t> keep, labels;
  const std::vector<std::int64_t> y = d.y.to_vector<std::int64_t>();
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (y[i] < 0 || y[i] >= d.num_classes()) continue;
    if (const std::int64_t to = relabel[static_cast<std::size_t>(y[i])]; to >= 0) {
      keep.push_back(static_cast<std::int64_t>(i));
      labels.push_back(to);
    }
  }
  if (keep.empty()) throw Error(where + ": no sample belongs to these classes");
  const Tensor idx = index_tensor(keep);
  out.x = d.x.index_select(0, idx);
  out.y = index_tensor(labels);
  return out;
}

Dataset per_class_subset(const Dataset& d, std::int64_t k, std::uint64_t seed) {
  GS_CHECK(d.is_classification(), "per_class_subset: only a classification data set has classes");
  GS_CHECK(k >= 1, "per_class_subset: expected at least one sample per class, got " + std::to_string(k));
  std::vector<std::int64_t> order(static_cast<std::size_t>(d.size()));
  std::iota(order.begin(), order.end(), 0);
  Generator g(seed);
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[static_cast<std::size_t>(g.integer(0, static_cast<std::int64_t>(i)))]);
  const std::vector<std::int64_t> y = d.y.to_vector<std::int64_t>();
  std::vector<std::int64_t> taken(static_cast<std::size_t>(d.num_classes()), 0), keep;
  for (std::int64_t i : order) {
    const std::int64_t c = y[static_cast<std::size_t>(i)];
    if (c >= 0 && c < d.num_classes() && taken[static_cast<std::size_t>(c)] < k) {
      ++taken[static_cast<std::size_t>(c)];
      keep.push_back(i);
    }
  }
  std::sort(keep.begin(), keep.end());
  return d.subset(keep);
}

Dataset make_classification(const std::string& name, std::int64_t n, double noise, std::uint64_t seed, int classes) {
  GS_CHECK(n >= 2 && n <= 1000000, "dataset.n: expected 2 to 1000000 samples, got " + std::to_string(n));
  GS_CHECK(noise >= 0 && noise <= 10, "dataset.noise: expected 0 to 10, got " + std::to_string(noise));
  Generator g(seed);
  std::vector<double> xs;
  std::vector<std::int64_t> ys;
  auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * g.uniform(); };
  if (name == "circle") {
    // Inside radius 2.5 is class 1, the ring 3.5–5 class 0 (Playground's "circle").
    for (std::int64_t i = 0; i < n; ++i) {
      const bool inner = i < n / 2;
      const double r = inner ? uniform(0, 2.5) : uniform(3.5, 5.0), a = uniform(0, 2 * M_PI);
      xs.push_back(r * std::cos(a) + noise * g.normal());
      xs.push_back(r * std::sin(a) + noise * g.normal());
      ys.push_back(inner ? 1 : 0);
    }
  } else if (name == "xor") {
    for (std::int64_t i = 0; i < n; ++i) {
      double x = uniform(-5, 5), y = uniform(-5, 5);
      x += x > 0 ? 0.3 : -0.3;  // a margin around the axes, as Playground does
      y += y > 0 ? 0.3 : -0.3;
      ys.push_back(x * y > 0 ? 1 : 0);
      xs.push_back(x + noise * g.normal());
      xs.push_back(y + noise * g.normal());
    }
  } else if (name == "gaussian") {
    for (std::int64_t i = 0; i < n; ++i) {
      const bool pos = i % 2 == 0;
      xs.push_back((pos ? 2.0 : -2.0) + (1.0 + noise) * g.normal());
      xs.push_back((pos ? 2.0 : -2.0) + (1.0 + noise) * g.normal());
      ys.push_back(pos ? 1 : 0);
    }
  } else if (name == "spiral") {
    for (std::int64_t i = 0; i < n; ++i) {
      const int c = static_cast<int>(i % 2);
      const double t = static_cast<double>(i / 2) / static_cast<double>(std::max<std::int64_t>(1, n / 2)) * 1.75 * 2 * M_PI;
      const double r = t / (1.75 * 2 * M_PI) * 5.0, a = t + c * M_PI;
      xs.push_back(r * std::sin(a) + noise * g.normal());
      xs.push_back(r * std::cos(a) + noise * g.normal());
      ys.push_back(c);
    }
  } else if (name == "moons") {
    for (std::int64_t i = 0; i < n; ++i) {
      const int c = static_cast<int>(i % 2);
      const double a = uniform(0, M_PI);
      const double x = c == 0 ? std::cos(a) : 1 - std::cos(a), y = c == 0 ? std::sin(a) : 0.5 - std::sin(a);
      xs.push_back(3 * (x - 0.5) + noise * g.normal());
      xs.push_back(3 * (y - 0.25) + noise * g.normal());
      ys.push_back(c);
    }
  } else if (name == "blobs") {
    GS_CHECK(classes >= 2 && classes <= 10, "dataset.classes: expected 2 to 10, got " + std::to_string(classes));
    for (std::int64_t i = 0; i < n; ++i) {
      const int c = static_cast<int>(i % classes);
      const double a = 2 * M_PI * c / classes;
      xs.push_back(3.5 * std::cos(a) + (0.8 + noise) * g.normal());
      xs.push_back(3.5 * std::sin(a) + (0.8 + noise) * g.normal());
      ys.push_back(c);
    }
    return from_points(xs, ys, classes);
  } else {
    throw Error("dataset.name: unknown generator \"" + name + "\" (known: circle, xor, gaussian, spiral, moons, blobs, regression)");
  }
  return from_points(xs, ys, 2);
}

const std::vector<std::string>& playground_datasets() {
  static const std::vector<std::string> names = {"circle", "xor", "gaussian", "spiral", "moons", "blobs",
                                                 "plane", "multi_gaussian", "line", "cubic"};
  return names;
}

Dataset make_playground(const std::string& name, std::int64_t n, double noise, std::uint64_t seed) {
  if (name == "plane" || name == "multi_gaussian") return make_regression_2d(name, n, noise, seed);
  if (name == "line" || name == "cubic") {
    const Dataset d = make_regression(n, noise, seed, name == "line" ? 1 : 3);
    std::vector<double> xy;
    for (double x : d.x.to_vector<double>()) xy.insert(xy.end(), {5 * x, 0.0});
    Dataset out;
    out.x = from_vector(xy, {n, 2});
    out.y = d.y;
    return out;
  }
  const auto& names = playground_datasets();
  GS_CHECK(std::find(names.begin(), names.end(), name) != names.end(),
           "dataset.name: \"" + name + "\" is not a Playground data set (circle, xor, gaussian, spiral, moons, blobs, plane, "
           "multi_gaussian, line, cubic)");
  return make_classification(name, n, noise, seed, name == "blobs" ? 3 : 2);
}

Dataset make_regression_2d(const std::string& name, std::int64_t n, double noise, std::uint64_t seed) {
  GS_CHECK(n >= 2 && n <= 1000000, "dataset.n: expected 2 to 1000000 samples, got " + std::to_string(n));
  GS_CHECK(name == "plane" || name == "multi_gaussian",
           "dataset.name: unknown 2-D regression set \"" + name + "\" (plane, multi_gaussian)");
  Generator g(seed);
  std::vector<double> xs, ys;
  // Bumps of the multi-gaussian: (centre x, centre y, sign).
  const double bumps[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  for (std::int64_t i = 0; i < n; ++i) {
    const double x1 = -6 + 12 * g.uniform(), x2 = -6 + 12 * g.uniform();
    double y = 0;
    if (name == "plane") {
      y = (x1 + x2) / 12.0;
    } else {
      for (const auto& b : bumps) y += b[2] * std::exp(-((x1 - b[0]) * (x1 - b[0]) + (x2 - b[1]) * (x2 - b[1])) / 2.0);
    }
    xs.push_back(x1);
    xs.push_back(x2);
    ys.push_back(y + noise * g.normal());
  }
  Dataset d;
  d.x = from_vector(xs, {n, 2});
  d.y = from_vector(ys, {n, 1});
  return d;
}

Dataset make_regression(std::int64_t n, double noise, std::uint64_t seed, int degree, double slope, double intercept) {
  GS_CHECK(n >= 2 && n <= 1000000, "dataset.n: expected 2 to 1000000 samples, got " + std::to_string(n));
  GS_CHECK(degree == 1 || degree == 3, "dataset.degree: expected 1 or 3, got " + std::to_string(degree));
  Generator g(seed);
  std::vector<double> xs, ys;
  for (std::int64_t i = 0; i < n; ++i) {
    const double x = -1 + 2 * g.uniform();
    const double clean = degree == 1 ? slope * x + intercept : x * x * x - 0.5 * x + intercept;
    xs.push_back(x);
    ys.push_back(clean + noise * g.normal());
  }
  Dataset d;
  d.x = from_vector(xs, {n, 1});
  d.y = from_vector(ys, {n, 1});
  return d;
}

namespace {

/// Every label a class index of d (0 … num_classes − 1): a label outside would index past the
/// per-class lists below. The message names the first bad sample.
void check_labels(const Dataset& d) {
  const std::vector<std::int64_t> y = d.y.to_vector<std::int64_t>();
  for (std::size_t i = 0; i < y.size(); ++i)
    if (y[i] < 0 || y[i] >= d.num_classes())
      throw Error("labels: sample " + std::to_string(i) + " has class " + std::to_string(y[i]) + " but the data set has " +
                  std::to_string(d.num_classes()) + " classes (0 to " + std::to_string(d.num_classes() - 1) + ")");
}

}  // namespace

Split train_test_split(const Dataset& d, double test_ratio, std::uint64_t seed) {
  GS_CHECK(test_ratio > 0 && test_ratio < 1, "dataset.test_ratio: expected a fraction between 0 and 1, got " + std::to_string(test_ratio));
  Generator g(seed);
  std::vector<std::int64_t> train, test;
  if (d.is_classification() && d.num_classes() > 0) {
    check_labels(d);
    std::vector<std::vector<std::int64_t>> by_class(d.num_classes());
    const std::vector<std::int64_t> y = d.y.to_vector<std::int64_t>();
    for (std::size_t i = 0; i < y.size(); ++i) by_class[y[i]].push_back(static_cast<std::int64_t>(i));
    for (auto& idx : by_class) {
      shuffle(idx, g);
      const auto n_test = static_cast<std::size_t>(std::llround(test_ratio * static_cast<double>(idx.size())));
      test.insert(test.end(), idx.begin(), idx.begin() + n_test);
      train.insert(train.end(), idx.begin() + n_test, idx.end());
    }
    shuffle(train, g);
    shuffle(test, g);
  } else {
    std::vector<std::int64_t> idx(d.size());
    std::iota(idx.begin(), idx.end(), 0);
    shuffle(idx, g);
    const auto n_test = static_cast<std::size_t>(std::llround(test_ratio * static_cast<double>(idx.size())));
    test.assign(idx.begin(), idx.begin() + n_test);
    train.assign(idx.begin() + n_test, idx.end());
  }
  GS_CHECK(!train.empty() && !test.empty(), "dataset.test_ratio: " + std::to_string(test_ratio) + " leaves an empty train or test set for " +
                                             std::to_string(d.size()) + " samples");
  return {d.subset(train), d.subset(test)};
}

std::vector<std::vector<std::int64_t>> kfold_indices(std::int64_t n, int k, std::uint64_t seed) {
  GS_CHECK(k >= 2 && k <= n, "k-fold: k must be between 2 and the number of samples (" + std::to_string(n) + "), got " + std::to_string(k));
  Generator g(seed);
  std::vector<std::int64_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0);
  shuffle(idx, g);
  std::vector<std::vector<std::int64_t>> folds(k);
  // As scikit-learn's KFold: the first n % k folds get one extra sample.
  std::int64_t pos = 0;
  for (int f = 0; f < k; ++f) {
    const std::int64_t size = n / k + (f < n % k ? 1 : 0);
    folds[f].assign(idx.begin() + pos, idx.begin() + pos + size);
    pos += size;
  }
  return folds;
}

std::vector<std::vector<std::int64_t>> stratified_kfold_indices(const Dataset& d, int k, std::uint64_t seed) {
  const std::int64_t n = d.size();
  if (!d.is_classification()) return kfold_indices(n, k, seed);
  if (d.num_classes() > 0) check_labels(d);
  GS_CHECK(k >= 2 && k <= n, "k-fold: k must be between 2 and the number of samples (" + std::to_string(n) + "), got " + std::to_string(k));
  Generator g(seed);
  const std::vector<std::int64_t> labels = d.y.to_vector<std::int64_t>();
  std::vector<std::vector<std::int64_t>> by_class;
  for (std::int64_t i = 0; i < n; ++i) {
    const auto c = static_cast<std::size_t>(labels[i]);
    if (by_class.size() <= c) by_class.resize(c + 1);
    by_class[c].push_back(i);
  }
  std::vector<std::vector<std::int64_t>> folds(k);
  // Dealing continues from fold to fold across classes, so that the folds' sizes stay within
  // one of each other overall as well as per class.
  std::size_t next = 0;
  for (auto& members : by_class) {
    shuffle(members, g);
    for (std::int64_t i : members) folds[next++ % folds.size()].push_back(i);
  }
  for (auto& f : folds) std::sort(f.begin(), f.end());
  return folds;
}

std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>> bootstrap_indices(std::int64_t n, std::uint64_t seed) {
  GS_CHECK(n >= 1, "bootstrap: need at least one sample");
  Generator g(seed);
  std::vector<std::int64_t> sample(n);
  std::vector<bool> used(n, false);
  for (auto& s : sample) {
    s = g.integer(0, n);
    used[s] = true;
  }
  std::vector<std::int64_t> oob;
  for (std::int64_t i = 0; i < n; ++i)
    if (!used[i]) oob.push_back(i);
  return {sample, oob};
}

Standardizer Standardizer::fit(const Tensor& x) {
  Standardizer s;
  const Tensor flat = x.reshape({x.size(0), -1});
  s.mean = gs::mean(flat, {0}, true);
  const Tensor sd = sqrt(var(flat, {0}, false, true));
  s.std = where(gt(sd, full_like(sd, 1e-12)), sd, ones_like(sd));
  return s;
}

Tensor Standardizer::transform(const Tensor& x) const {
  const Tensor flat = x.reshape({x.size(0), -1});
  return ((flat - mean) / std).reshape(x.shape());
}

DataLoader::DataLoader(Dataset dataset, std::int64_t batch_size, bool shuffle, bool drop_last, std::uint64_t seed)
    : dataset_(std::move(dataset)), batch_size_(batch_size), shuffle_(shuffle), drop_last_(drop_last), generator_(seed) {
  GS_CHECK(batch_size >= 1, "batch_size: must be at least 1, got " + std::to_string(batch_size));
  GS_CHECK(dataset_.size() > 0, "DataLoader: the data set is empty");
  reset();
}

void DataLoader::reset() {
  order_.resize(dataset_.size());
  std::iota(order_.begin(), order_.end(), 0);
  if (shuffle_) data::shuffle(order_, generator_);
  position_ = 0;
}

bool DataLoader::next(Tensor& x, Tensor& y) {
  const std::int64_t n = dataset_.size();
  if (position_ >= n) return false;
  const std::int64_t end = std::min(n, position_ + batch_size_);
  if (drop_last_ && end - position_ < batch_size_) return false;
  const std::vector<std::int64_t> idx(order_.begin() + position_, order_.begin() + end);
  position_ = end;
  if (!shuffle_ && idx.size() == static_cast<std::size_t>(n)) {
    x = dataset_.x;
    y = dataset_.y;
    return true;
  }
  const Tensor t = index_tensor(idx);
  x = dataset_.x.index_select(0, t);
  y = dataset_.y.index_select(0, t);
  return true;
}

std::int64_t DataLoader::batches_per_epoch() const {
  const std::int64_t n = dataset_.size();
  return drop_last_ ? n / batch_size_ : (n + batch_size_ - 1) / batch_size_;
}

}  // namespace gs::data
