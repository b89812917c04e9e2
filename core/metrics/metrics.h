#pragma once
/// Classification metrics with scikit-learn's definitions (the golden tests compare with it):
/// confusion matrix, accuracy, precision, recall, F1 (binary, per class, macro), ROC curve and
/// AUC (ties grouped, collinear points dropped), precision–recall curve, average precision.
#include <cstdint>
#include <vector>

namespace gs::metrics {

using Matrix = std::vector<std::vector<std::int64_t>>;

/// C[i][j] = number of samples of true class i predicted as j.
Matrix confusion_matrix(const std::vector<std::int64_t>& y_true, const std::vector<std::int64_t>& y_pred, int num_classes);
double accuracy(const Matrix& confusion);
/// The samples confusion_matrix counts in cell [true_class][predicted_class], in order.
std::vector<std::int64_t> confusion_cell(const std::vector<std::int64_t>& y_true, const std::vector<std::int64_t>& y_pred,
                                         std::int64_t true_class, std::int64_t predicted_class);

struct ClassScores {
  std::vector<double> precision, recall, f1;  ///< per class (0 where undefined, as zero_division=0)
  std::vector<std::int64_t> support;
  double macro_precision = 0, macro_recall = 0, macro_f1 = 0;
};
ClassScores class_scores(const Matrix& confusion);

/// Binary scores at a threshold: predicted positive when score >= threshold.
struct BinaryScores {
  std::int64_t tn = 0, fp = 0, fn = 0, tp = 0;
  double accuracy = 0, precision = 0, recall = 0, f1 = 0, specificity = 0;
};
BinaryScores binary_scores(const std::vector<int>& y_true, const std::vector<double>& scores, double threshold);

struct Curve {
  std::vector<double> x, y, thresholds;  ///< ROC: x = fpr, y = tpr; PR: x = recall, y = precision
};
/// sklearn.metrics.roc_curve(drop_intermediate=True) of scikit-learn 1.2: thresholds[0] = max + 1.
Curve roc_curve(const std::vector<int>& y_true, const std::vector<double>& scores);
/// Area by the trapezoid rule (sklearn.metrics.auc).
double auc(const std::vector<double>& x, const std::vector<double>& y);
double roc_auc_score(const std::vector<int>& y_true, const std::vector<double>& scores);
/// sklearn.metrics.precision_recall_curve: recall decreasing, ending at (recall 0, precision 1).
Curve precision_recall_curve(const std::vector<int>& y_true, const std::vector<double>& scores);
/// Σ (Rₙ − Rₙ₋₁)·Pₙ over the PR curve (sklearn.metrics.average_precision_score).
double average_precision_score(const std::vector<int>& y_true, const std::vector<double>& scores);

/// Scores at each threshold (the Metrics lab's threshold slider), thresholds ascending.
std::vector<std::pair<double, BinaryScores>> threshold_sweep(const std::vector<int>& y_true, const std::vector<double>& scores,
                                                             const std::vector<double>& thresholds);

// ---- regression (scikit-learn's definitions)
/// mean of (y − ŷ)²
double mean_squared_error(const std::vector<double>& y_true, const std::vector<double>& y_pred);
/// mean of |y − ŷ|
double mean_absolute_error(const std::vector<double>& y_true, const std::vector<double>& y_pred);
/// R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: 1 for a perfect fit, 0 for always predicting the mean, negative
/// for worse. A constant y gives 1 when the fit is perfect, else 0 (scikit-learn's force_finite).
double r2_score(const std::vector<double>& y_true, const std::vector<double>& y_pred);

}  // namespace gs::metrics
