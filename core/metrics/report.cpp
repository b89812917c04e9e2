#include "metrics/report.h"

#include "util/error.h"

namespace gs::metrics {
namespace {
double safe_div(double a, double b) { return b == 0 ? 0.0 : a / b; }
double f1_of(double p, double r) { return safe_div(2 * p * r, p + r); }
}  // namespace

ClassificationReport classification_report(const Matrix& c) {
  GS_CHECK(!c.empty(), "classification_report: the confusion matrix is empty");
  for (const auto& row : c) GS_CHECK(row.size() == c.size(), "classification_report: the confusion matrix is not square");
  ClassificationReport r;
  // Per class and macro: the same definitions as class_scores (one implementation).
  const ClassScores s = class_scores(c);
  std::int64_t total = 0, correct = 0, predicted = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    r.classes.push_back({s.precision[i], s.recall[i], s.f1[i], s.support[i]});
    total += s.support[i];
    correct += c[i][i];
    for (std::size_t j = 0; j < c.size(); ++j) predicted += c[j][i];
  }
  r.accuracy = safe_div(static_cast<double>(correct), static_cast<double>(total));
  // NOTE: Σ(TP+FP) over classes counts every prediction once and Σ(TP+FN) every sample once; both
  // equal the sample count here, so micro P = micro R = accuracy. They are kept apart so the
  // formula reads as scikit-learn's.
  r.micro.precision = safe_div(static_cast<double>(correct), static_cast<double>(predicted));
  r.micro.recall = safe_div(static_cast<double>(correct), static_cast<double>(total));
  r.micro.f1 = f1_of(r.micro.precision, r.micro.recall);
  r.micro.support = total;
  r.macro = {s.macro_precision, s.macro_recall, s.macro_f1, total};
  for (const ReportRow& row : r.classes) {
    const double w = safe_div(static_cast<double>(row.support), static_cast<double>(total));
    r.weighted.precision += w * row.precision;
    r.weighted.recall += w * row.recall;
    r.weighted.f1 += w * row.f1;
  }
  r.weighted.support = total;
  return r;
}

ClassificationReport classification_report(const std::vector<std::int64_t>& y_true, const std::vector<std::int64_t>& y_pred,
                                           int num_classes) {
  return classification_report(confusion_matrix(y_true, y_pred, num_classes));
}

}  // namespace gs::metrics
