#include "metrics/metrics.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "util/error.h"

namespace gs::metrics {
namespace {

void check_binary(const std::vector<int>& y_true, const std::vector<double>& scores) {
  GS_CHECK(y_true.size() == scores.size(), "labels and scores differ in length (" + std::to_string(y_true.size()) + " and " +
                                            std::to_string(scores.size()) + ")");
  GS_CHECK(!y_true.empty(), "no samples");
  for (std::size_t i = 0; i < y_true.size(); ++i)
    GS_CHECK(y_true[i] == 0 || y_true[i] == 1, "label " + std::to_string(i + 1) + " is " + std::to_string(y_true[i]) + "; binary labels must be 0 or 1");
}

double safe_div(double a, double b) { return b == 0 ? 0.0 : a / b; }

/// sklearn's _binary_clf_curve: cumulative false and true positives at each distinct score,
/// scores descending.
void clf_curve(const std::vector<int>& y_true, const std::vector<double>& scores, std::vector<double>& fps, std::vector<double>& tps,
               std::vector<double>& thresholds) {
  check_binary(y_true, scores);
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  double tp = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    tp += y_true[order[k]];
    // NOTE: tied scores form one threshold: emit only at the last sample of each run of ties.
    if (k + 1 == order.size() || scores[order[k + 1]] != scores[order[k]]) {
      tps.push_back(tp);
      fps.push_back(static_cast<double>(k + 1) - tp);
      thresholds.push_back(scores[order[k]]);
    }
  }
}

}  // namespace

Matrix confusion_matrix(const std::vector<std::int64_t>& y_true, const std::vector<std::int64_t>& y_pred, int num_classes) {
  GS_CHECK(y_true.size() == y_pred.size(), "confusion_matrix: y_true and y_pred differ in length");
  GS_CHECK(num_classes >= 1, "confusion_matrix: need at least one class");
  Matrix m(num_classes, std::vector<std::int64_t>(num_classes, 0));
  for (std::size_t i = 0; i < y_true.size(); ++i) {
    GS_CHECK(y_true[i] >= 0 && y_true[i] < num_classes && y_pred[i] >= 0 && y_pred[i] < num_classes,
          "confusion_matrix: sample " + std::to_string(i) + " has a class outside 0.." + std::to_string(num_classes - 1));
    ++m[y_true[i]][y_pred[i]];
  }
  return m;
}

std::vector<std::int64_t> confusion_cell(const std::vector<std::int64_t>& y_true, const std::vector<std::int64_t>& y_pred,
                                         std::int64_t true_class, std::int64_t predicted_class) {
  GS_CHECK(y_true.size() == y_pred.size(), "confusion_cell: y_true and y_pred differ in length");
  std::vector<std::int64_t> cell;
  for (std::size_t i = 0; i < y_true.size(); ++i)
    if (y_true[i] == true_class && y_pred[i] == predicted_class) cell.push_back(static_cast<std::int64_t>(i));
  return cell;
}

double accuracy(const Matrix& c) {
  std::int64_t right = 0, total = 0;
  for (std::size_t i = 0; i < c.size(); ++i)
    for (std::size_t j = 0; j < c.size(); ++j) {
      total += c[i][j];
      if (i == j) right += c[i][j];
    }
  return safe_div(static_cast<double>(right), static_cast<double>(total));
}

ClassScores class_scores(const Matrix& c) {
  ClassScores s;
  const std::size_t k = c.size();
  for (std::size_t i = 0; i < k; ++i) {
    std::int64_t col = 0, row = 0;
    for (std::size_t j = 0; j < k; ++j) {
      col += c[j][i];
      row += c[i][j];
    }
    const double p = safe_div(static_cast<double>(c[i][i]), static_cast<double>(col));
    const double r = safe_div(static_cast<double>(c[i][i]), static_cast<double>(row));
    s.precision.push_back(p);
    s.recall.push_back(r);
    s.f1.push_back(safe_div(2 * p * r, p + r));
    s.support.push_back(row);
  }
  s.macro_precision = std::accumulate(s.precision.begin(), s.precision.end(), 0.0) / static_cast<double>(k);
  s.macro_recall = std::accumulate(s.recall.begin(), s.recall.end(), 0.0) / static_cast<double>(k);
  s.macro_f1 = std::accumulate(s.f1.begin(), s.f1.end(), 0.0) / static_cast<double>(k);
  return s;
}

BinaryScores binary_scores(const std::vector<int>& y_true, const std::vector<double>& scores, double threshold) {
  check_binary(y_true, scores);
  BinaryScores b;
  for (std::size_t i = 0; i < y_true.size(); ++i) {
    const bool pred = scores[i] >= threshold;
    if (y_true[i] == 1) (pred ? b.tp : b.fn)++;
    else (pred ? b.fp : b.tn)++;
  }
  const double n = static_cast<double>(y_true.size());
  b.accuracy = static_cast<double>(b.tp + b.tn) / n;
  b.precision = safe_div(static_cast<double>(b.tp), static_cast<double>(b.tp + b.fp));
  b.recall = safe_div(static_cast<double>(b.tp), static_cast<double>(b.tp + b.fn));
  b.specificity = safe_div(static_cast<double>(b.tn), static_cast<double>(b.tn + b.fp));
  b.f1 = safe_div(2 * b.precision * b.recall, b.precision + b.recall);
  return b;
}

Curve roc_curve(const std::vector<int>& y_true, const std::vector<double>& scores) {
  std::vector<double> fps, tps, th;
  clf_curve(y_true, scores, fps, tps, th);
  // drop_intermediate: keep only points where the curve changes direction.
  if (fps.size() > 2) {
    std::vector<double> f2, t2, h2;
    for (std::size_t i = 0; i < fps.size(); ++i) {
      const bool keep = i == 0 || i + 1 == fps.size() || (fps[i + 1] - 2 * fps[i] + fps[i - 1]) != 0 ||
                        (tps[i + 1] - 2 * tps[i] + tps[i - 1]) != 0;
      if (keep) {
        f2.push_back(fps[i]);
        t2.push_back(tps[i]);
        h2.push_back(th[i]);
      }
    }
    fps.swap(f2);
    tps.swap(t2);
    th.swap(h2);
  }
  Curve c;
  const double fmax = fps.back(), tmax = tps.back();
  GS_CHECK(fmax > 0, "ROC needs at least one negative sample (label 0)");
  GS_CHECK(tmax > 0, "ROC needs at least one positive sample (label 1)");
  c.x.push_back(0);
  c.y.push_back(0);
  c.thresholds.push_back(th.front() + 1);
  for (std::size_t i = 0; i < fps.size(); ++i) {
    c.x.push_back(fps[i] / fmax);
    c.y.push_back(tps[i] / tmax);
    c.thresholds.push_back(th[i]);
  }
  return c;
}

double auc(const std::vector<double>& x, const std::vector<double>& y) {
  GS_CHECK(x.size() == y.size() && x.size() >= 2, "auc needs at least 2 points");
  double area = 0;
  for (std::size_t i = 1; i < x.size(); ++i) area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
  return area < 0 ? -area : area;
}

double roc_auc_score(const std::vector<int>& y_true, const std::vector<double>& scores) {
  const Curve c = roc_curve(y_true, scores);
  return auc(c.x, c.y);
}

Curve precision_recall_curve(const std::vector<int>& y_true, const std::vector<double>& scores) {
  std::vector<double> fps, tps, th;
  clf_curve(y_true, scores, fps, tps, th);
  // As scikit-learn 1.2: every distinct threshold, reversed so recall decreases, then (0, 1).
  // With no positive sample at all, recall is 1 everywhere (scikit-learn warns and does the same).
  Curve c;
  for (std::size_t k = tps.size(); k-- > 0;) {
    c.y.push_back(tps[k] / (tps[k] + fps[k]));
    c.x.push_back(tps.back() > 0 ? tps[k] / tps.back() : 1.0);
    c.thresholds.push_back(th[k]);
  }
  c.y.push_back(1.0);
  c.x.push_back(0.0);
  return c;
}

double average_precision_score(const std::vector<int>& y_true, const std::vector<double>& scores) {
  const Curve c = precision_recall_curve(y_true, scores);
  double ap = 0;
  for (std::size_t i = 0; i + 1 < c.x.size(); ++i) ap -= (c.x[i + 1] - c.x[i]) * c.y[i];
  return ap;
}

std::vector<std::pair<double, BinaryScores>> threshold_sweep(const std::vector<int>& y_true, const std::vector<double>& scores,
                                                             const std::vector<double>& thresholds) {
  std::vector<std::pair<double, BinaryScores>> out;
  for (double t : thresholds) out.emplace_back(t, binary_scores(y_true, scores, t));
  return out;
}

namespace {
void check_pair(const std::vector<double>& y_true, const std::vector<double>& y_pred) {
  GS_CHECK(y_true.size() == y_pred.size(), "targets and predictions differ in length (" + std::to_string(y_true.size()) + " and " +
                                               std::to_string(y_pred.size()) + ")");
  GS_CHECK(!y_true.empty(), "no samples");
}
}  // namespace

double mean_squared_error(const std::vector<double>& y_true, const std::vector<double>& y_pred) {
  check_pair(y_true, y_pred);
  double s = 0;
  for (std::size_t i = 0; i < y_true.size(); ++i) s += (y_true[i] - y_pred[i]) * (y_true[i] - y_pred[i]);
  return s / static_cast<double>(y_true.size());
}

double mean_absolute_error(const std::vector<double>& y_true, const std::vector<double>& y_pred) {
  check_pair(y_true, y_pred);
  double s = 0;
  for (std::size_t i = 0; i < y_true.size(); ++i) s += std::abs(y_true[i] - y_pred[i]);
  return s / static_cast<double>(y_true.size());
}

double r2_score(const std::vector<double>& y_true, const std::vector<double>& y_pred) {
  check_pair(y_true, y_pred);
  double mean = 0;
  for (double y : y_true) mean += y;
  mean /= static_cast<double>(y_true.size());
  double res = 0, tot = 0;
  for (std::size_t i = 0; i < y_true.size(); ++i) {
    res += (y_true[i] - y_pred[i]) * (y_true[i] - y_pred[i]);
    tot += (y_true[i] - mean) * (y_true[i] - mean);
  }
  if (tot == 0) return res == 0 ? 1.0 : 0.0;
  return 1 - res / tot;
}

}  // namespace gs::metrics
