#pragma once
// The Generalization lab's experiments, without widgets: which scenarios it runs and how each is
// built from core (data sets, polynomial features, splits, folds, the bootstrap, regularization,
// augmentation). Core computes everything; this file only chooses settings and says what to report.
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

#include "data/augment.h"
#include "data/dataset.h"
#include "spec/scenario.h"

namespace gsui {

// ---- Overfitting: a polynomial of adjustable degree on a few noisy points of a cubic

inline constexpr int kMaxDegree = 15;
inline constexpr std::int64_t kOverfitValidationPoints = 60;

struct OverfitSettings {
  int degree = 12;            ///< 1 … kMaxDegree
  std::int64_t points = 15;   ///< training points
  double noise = 0.15;        ///< make_regression's Gaussian noise
  std::uint64_t seed = 2;     ///< data and initialisation
  std::int64_t epochs = 3000; ///< full-batch Adam steps (one step is one epoch)
  bool operator==(const OverfitSettings&) const = default;
};

/// The scenario of the fit: make_regression (degree 3) with `points` + 60 samples, 60 of them
/// held out for validation; a Linear(degree → 1) on the standardized polynomial features x … x^degree;
/// MSELoss; Adam lr 0.05 on the full batch.
gs::spec::Scenario overfitScenario(const OverfitSettings& settings);

/// A built fit: the run, the raw points and what turns a raw x into the model's input.
struct OverfitRun {
  gs::spec::Run run;
  gs::data::Dataset train, validation;  ///< raw x [N, 1] and y [N, 1]
  int degree = 1;
  gs::data::Standardizer standardizer;  ///< fitted on the training points' features
  /// Raw x [M, 1] → standardized polynomial features [M, degree].
  gs::Tensor inputs(const gs::Tensor& x) const;
};
OverfitRun makeOverfitRun(const OverfitSettings& settings);

struct Curve {
  std::vector<double> x, y;
};
/// The noise-free cubic of make_regression (the same generator with noise 0), sorted by x.
Curve trueCubic(std::int64_t samples = 200);
/// The model's prediction on `samples` points evenly spaced over [−1, 1] (call where the model lives).
Curve fittedCurve(gs::nn::Module& model, const OverfitRun& run, int samples = 240);

// ---- Splits and k-fold cross-validation

/// The scenario the Splits page divides and cross-validates: resources/scenarios/iris.json
/// (Iris, 4-16-3 MLP, Adam 0.01, batch 16, 60 epochs, data seed 1).
gs::spec::Scenario splitsScenario();

/// What a sample is used for in one split.
enum class SampleRole { Train, Validation, Test };

/// The hold-out split of the scenario's samples as core's load_dataset makes it (test_ratio held
/// out, then `validation` of the rest): each sample's role, by index in load_samples' order.
std::vector<SampleRole> holdoutRoles(const gs::spec::Scenario& scenario, double validation);

struct FoldPlan {
  gs::data::Dataset all;                         ///< spec::load_samples
  std::vector<std::vector<std::int64_t>> folds;  ///< data::stratified_kfold_indices (test part of each fold)
};
/// The folds `gradscope-cli cv` makes for the scenario.
FoldPlan planFolds(const gs::spec::Scenario& scenario, int folds);

struct FoldResult {
  int fold = 0;  ///< 0-based
  std::int64_t train_size = 0, test_size = 0, epochs = 0;
  double test_loss = 0, test_accuracy = -1;
};
/// Fold `k` as run_cv trains it: the scenario's run on the other folds (fit_split + make_run),
/// its epochs, then its loss and accuracy on fold k. `epochDone` after each epoch; false from
/// `cancelled` stops early (the result is then incomplete: fold = −1).
FoldResult trainFold(const gs::spec::Scenario& scenario, const FoldPlan& plan, int k, const std::function<bool()>& cancelled,
                     const std::function<void(std::int64_t epoch)>& epochDone);

struct MeanStd {
  double mean = 0, std = 0;
};
/// Mean and population standard deviation (ddof = 0, as run_cv and numpy), by core's tensor ops.
MeanStd meanStd(const std::vector<double>& values);

/// How often each of n samples was drawn by data::bootstrap_indices (0: out of bag).
std::vector<int> bootstrapCounts(std::int64_t n, std::uint64_t seed);

// ---- Cures of overfitting, each compared with the same seed's base run

struct Cures {
  double l2 = 0;          ///< λ₂ (0: off)
  double l1 = 0;          ///< λ₁ (0: off)
  double dropout = 0;     ///< p of an nn.Dropout after the hidden ReLU (0: none)
  bool batch_norm = false;  ///< BatchNorm1d after the hidden Linear
  bool augment = false;     ///< TrainerConfig::augment (random shifts, turns, contrast)
  std::int64_t patience = 0;  ///< early stopping on val_loss with restore_best (0: off)
  bool any() const { return *this != Cures{}; }
  bool operator==(const Cures&) const = default;
};

/// The base experiment and its cures: 500 digit images (8×8; 20 % test, 25 % of the rest
/// validation), Flatten → Linear 128 → ReLU → Linear 10, CrossEntropyLoss, SGD lr 0.05 momentum
/// 0.9, batch 32, 80 epochs, seed 0; `cures` add their fields or layers.
gs::spec::Scenario curesScenario(const Cures& cures);

/// One run's curves, and what is left at its end.
struct CureResult {
  std::vector<double> train_loss, val_loss, val_accuracy;  ///< per epoch
  std::int64_t best_epoch = 0;
  bool stopped_early = false;
  double final_val_loss = std::numeric_limits<double>::quiet_NaN();  ///< evaluated after the run (restored weights)
  double test_accuracy = -1;
  std::vector<float> weights;  ///< the hidden Linear's weight, all values
};

/// Trains the scenario's run to its end (or until early stopping), reporting each epoch.
/// Throws core's reason when it diverges; returns false when cancelled.
bool trainCure(gs::spec::Scenario scenario, CureResult& result, const std::function<bool()>& cancelled,
               const std::function<void(std::int64_t epoch, double train_loss, double val_loss)>& epochDone);

/// The values of the first Linear layer's weight (named "<i>.weight" in the Sequential).
std::vector<float> firstLinearWeights(gs::nn::Module& model);

/// Weights with |w| < kNearZero: what L1 pins at zero (its subgradient steps jitter a weight within
/// lr·λ of 0 rather than landing on it exactly).
inline constexpr double kNearZero = 1e-3;
std::int64_t nearZeroCount(const std::vector<float>& weights, double tolerance = kNearZero);

struct Histogram {
  double low = 0, width = 0;
  std::vector<double> counts;  ///< per bin [low + i·width, low + (i+1)·width)
};
/// Counts of values in `bins` equal bins over [low, high] (values outside go to the end bins).
Histogram histogram(const std::vector<float>& values, double low, double high, int bins);

// ---- Augmentation

enum class AugmentKind { Original, Rotate, Shift, Zoom, Flip, Brightness, Noise, Blur };
inline constexpr AugmentKind kAugmentKinds[] = {AugmentKind::Original, AugmentKind::Rotate, AugmentKind::Shift,
                                                AugmentKind::Zoom, AugmentKind::Flip, AugmentKind::Brightness,
                                                AugmentKind::Noise, AugmentKind::Blur};

struct AugmentParams {
  double degrees = 20;     ///< rotation
  double shift = 2;        ///< pixels right (and down by half as many)
  double zoom = 1.3;       ///< scale about the centre
  double brightness = 0.3; ///< added (contrast 1)
  double noise = 0.15;     ///< Gaussian std
  int blur = 1;            ///< 3×3 box-blur passes
  std::uint64_t seed = 0;  ///< the noise's and the random copies' draws
  bool operator==(const AugmentParams&) const = default;
};

/// One image [C, H, W] through the one augmentation of core's data/augment named by `kind`.
gs::Tensor augmentImage(const gs::Tensor& image, AugmentKind kind, const AugmentParams& params);
/// `copies` random augmentations of the image (data::random_augment with the sliders as maxima
/// and flips with probability ½), as training with augmentation would see it.
gs::Tensor randomCopies(const gs::Tensor& image, const AugmentParams& params, int copies);

}  // namespace gsui
