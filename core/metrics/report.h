#pragma once
/// scikit-learn's classification_report as numbers: per-class precision, recall, F1 and support,
/// and their micro, macro and weighted averages (zero_division=0: a class never predicted gets
/// precision 0, a class never present gets recall 0, and both count as 0 in the averages).
///
/// For single-label multi-class data with every class reported, micro precision = micro recall
/// = micro F1 = accuracy (each wrong sample is one false positive of one class and one false
/// negative of another), which is why scikit-learn prints an "accuracy" row instead of "micro avg".
#include <cstdint>
#include <vector>

#include "metrics/metrics.h"

namespace gs::metrics {

/// One row of the report.
struct ReportRow {
  double precision = 0, recall = 0, f1 = 0;
  std::int64_t support = 0;  ///< true samples of the class (of all classes for an average)
};

struct ClassificationReport {
  std::vector<ReportRow> classes;  ///< per class, in class order
  double accuracy = 0;             ///< Σ diagonal / Σ all
  /// micro: ΣTP / Σ(TP+FP) and ΣTP / Σ(TP+FN) over classes, F1 of those two.
  ReportRow micro;
  /// macro: the unweighted mean of the per-class rows (a rare class counts as much as a common one).
  ReportRow macro;
  /// weighted: the per-class rows averaged with weights support / Σ support.
  ReportRow weighted;
};

/// The report of a confusion matrix C[true][predicted] (confusion_matrix's layout).
ClassificationReport classification_report(const Matrix& confusion);
/// The report of labels and predictions in 0 … num_classes−1.
ClassificationReport classification_report(const std::vector<std::int64_t>& y_true, const std::vector<std::int64_t>& y_pred,
                                           int num_classes);

}  // namespace gs::metrics
