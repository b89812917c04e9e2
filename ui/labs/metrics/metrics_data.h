#pragma once
// Where the Metrics lab's labels and scores come from: a logistic regression trained on the
// shipped breast-cancer table or on a generated set with rare positives (spam-like), a model that
// always says "negative" (the class-imbalance trap), or a "label,score" CSV (the format
// `gradscope-cli metrics` reads). Also the 2-D projection of the samples (first two principal
// components, computed with core's tensors).
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

#include "data/dataset.h"
#include "train/trainer.h"

namespace gsui::metrics_lab {

/// The binary page's data sources, in the source menu's order.
enum class BinarySource { BreastCancer, Spam, AlwaysHealthy, Csv };

/// A binary task ready to score: the positive class is label 1 (malignant, spam, sick).
struct BinaryTask {
  std::unique_ptr<gs::train::Trainer> trainer;  ///< null when the scores are fixed (always-healthy, CSV)
  std::vector<int> labels;                      ///< the test samples' classes (0/1)
  std::vector<double> fixed_scores;             ///< the scores when there is no trainer
  gs::Tensor features;                          ///< the test samples' model inputs [N, F] (undefined for a CSV)
  bool flip = false;                            ///< the model's class 1 is the lab's class 0 (breast cancer: 1 = benign)
};

/// The share of positives in the generated sets: spam 10 %, the rare disease 5 %.
inline constexpr double kSpamShare = 0.10;
inline constexpr double kDiseaseShare = 0.05;
/// Epochs trained before the first view (Reset starts again from an untrained model).
inline constexpr int kPretrainEpochs = 30;

/// Builds the task of a source (not Csv): breast cancer through spec::make_run, the spam-like set
/// from its pieces (make_run takes only named data sets), the always-healthy model without a trainer.
BinaryTask makeBinaryTask(BinarySource source);
/// A generated set (gaussian blobs, noise 1) with `positive_share` of class 1, the rest class 0:
/// core's generator, then a subset of its positives.
gs::data::Dataset imbalancedSet(double positive_share, std::uint64_t seed);
/// The class names of a source: {negative, positive}, translated.
QStringList classNames(BinarySource source);

/// Reads a "label,score" CSV (header `label,score`, then one row per sample: label 0 or 1, a
/// finite score). Returns the problem, naming the row, in the learner's language, or "" (then
/// `labels` and `scores` are filled; on a problem they are left as they were).
QString readScoresCsv(const QString& path, std::vector<int>& labels, std::vector<double>& scores);

/// The rows of `x` [N, F] projected on their first two principal components [N, 2] (centred;
/// power iteration on the covariance, with mm). F = 1 gives the one column and zeros.
gs::Tensor principalComponents(const gs::Tensor& x);

}  // namespace gsui::metrics_lab
