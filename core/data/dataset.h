#pragma once
/// In-memory data sets: features x [N, ...] and targets y ([N] int64 class indices, or [N, 1]
/// float values for regression), with the class names when there are classes.
#include <string>
#include <vector>

#include "tensor/random.h"
#include "tensor/tensor.h"

namespace gs::data {

struct Dataset {
  Tensor x;                              ///< float32 [N, features] or [N, C, H, W]
  Tensor y;                              ///< int64 [N] (classification) or float32 [N, 1] (regression)
  std::vector<std::string> class_names;  ///< empty for regression
  std::int64_t size() const { return x.defined() ? x.size(0) : 0; }
  bool is_classification() const { return y.dtype() == kInt64; }
  std::int64_t num_classes() const { return static_cast<std::int64_t>(class_names.size()); }
  /// The samples at `indices`, in that order.
  Dataset subset(const std::vector<std::int64_t>& indices) const;
  /// Number of samples of each class.
  std::vector<std::int64_t> class_counts() const;
};

/// The samples of the given classes only, relabelled 0, 1, … in the order given (class names
/// follow): a task made of classes another model never saw. Throws naming `where` for a class
/// out of range, a repeated one, fewer than two, or a regression set.
Dataset keep_classes(const Dataset& d, const std::vector<std::int64_t>& classes, const std::string& where = "dataset.only_classes");
/// At most k samples of each class, drawn by a seeded shuffle and kept in their original order:
/// "a few labelled images per class".
Dataset per_class_subset(const Dataset& d, std::int64_t k, std::uint64_t seed);

// ---- 2-D generators like TensorFlow Playground's (x in roughly [−6, 6]², seeded)
/// "circle", "xor", "gaussian", "spiral", "moons", "blobs" (classes = 3 by default).
Dataset make_classification(const std::string& name, std::int64_t n, double noise, std::uint64_t seed, int classes = 2);
/// TensorFlow Playground's 2-D regression sets on [−6, 6]²: "plane" (y = (x₁ + x₂)/12 ∈ [−1, 1])
/// and "multi_gaussian" (a sum of signed Gaussian bumps), plus noise; targets [N, 1].
Dataset make_regression_2d(const std::string& name, std::int64_t n, double noise, std::uint64_t seed);
/// The Playground's data sets by name, points [N, 2] on the plane [−6, 6]²: the classification sets
/// above ("blobs" with 3 classes), "plane" and "multi_gaussian", and the 1-D regression sets "line"
/// (y = 2x + 0.5) and "cubic" (y = x³ − 0.5x + 0.5) with x ∈ [−1, 1] drawn as x₁ = 5x, x₂ = 0.
/// `noise` is the generator's own.
Dataset make_playground(const std::string& name, std::int64_t n, double noise, std::uint64_t seed);
/// The names make_playground knows, in the Playground's menu order.
const std::vector<std::string>& playground_datasets();
/// y = slope·x + intercept (degree 1) or a cubic (degree 3), plus Gaussian noise; x in [−1, 1].
Dataset make_regression(std::int64_t n, double noise, std::uint64_t seed, int degree = 1, double slope = 2.0,
                        double intercept = 0.5);

// ---- splits and scaling
struct Split {
  Dataset train, test;
};
/// Shuffled split; stratified by class for classification so both parts keep the proportions.
Split train_test_split(const Dataset& d, double test_ratio, std::uint64_t seed);
/// k folds of indices: fold i's validation indices (the rest train). Seeded shuffle.
std::vector<std::vector<std::int64_t>> kfold_indices(std::int64_t n, int k, std::uint64_t seed);
/// k folds that each keep the class proportions (scikit-learn's StratifiedKFold with shuffling):
/// every class's samples, shuffled, are dealt to the folds in turn, so every sample is in
/// exactly one fold and fold sizes differ by at most one per class. Regression sets fall back to
/// kfold_indices. Throws when k < 2 or k > the number of samples.
std::vector<std::vector<std::int64_t>> stratified_kfold_indices(const Dataset& d, int k, std::uint64_t seed);
/// A bootstrap sample (n draws with replacement) and the out-of-bag indices.
std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>> bootstrap_indices(std::int64_t n, std::uint64_t seed);

/// Per-feature (x − mean) / std fitted on one set, applied to others (std 0 → 1).
struct Standardizer {
  Tensor mean, std;
  static Standardizer fit(const Tensor& x);
  Tensor transform(const Tensor& x) const;
};

/// Batches of a data set: seeded shuffle per epoch, drop_last as in torch.utils.data.DataLoader.
class DataLoader {
 public:
  DataLoader(Dataset dataset, std::int64_t batch_size, bool shuffle = true, bool drop_last = false, std::uint64_t seed = 0);
  /// Starts a new epoch (reshuffles).
  void reset();
  /// The next batch; false at the end of the epoch.
  bool next(Tensor& x, Tensor& y);
  /// No batch of the current epoch taken yet.
  bool at_epoch_start() const { return position_ == 0; }
  /// Every batch of the current epoch taken (next() would return false).
  bool exhausted() const {
    const std::int64_t n = dataset_.size();
    return position_ >= n || (drop_last_ && n - position_ < batch_size_);
  }
  std::int64_t batches_per_epoch() const;
  const Dataset& dataset() const { return dataset_; }

 private:
  Dataset dataset_;
  std::int64_t batch_size_;
  bool shuffle_, drop_last_;
  Generator generator_;
  std::vector<std::int64_t> order_;
  std::int64_t position_ = 0;
};

}  // namespace gs::data
