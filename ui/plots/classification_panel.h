#pragma once
// How good a classifier is, on its test points: the ROC curve with its AUC and the point of the
// decision threshold on it, the confusion matrix at that threshold, and the threshold slider.
// For more than two classes the matrix alone; for regression the predictions against the truth
// with MSE, MAE and R². Every number comes from core's metrics. Shared by the Playground and
// the Metrics lab.
#include <QWidget>
#include <cstdint>
#include <vector>

class QCustomPlot;
class QLabel;
class QSlider;
class QTableWidget;

namespace gsui {

class ClassificationPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ClassificationPanel(QWidget* parent = nullptr);

  /// Two classes: `scores` are P(class 1) of the points whose classes are `labels` (0/1).
  void showBinary(const std::vector<int>& labels, const std::vector<double>& scores);
  /// Any number of classes: the confusion matrix of `predictions` against `targets`.
  void showClasses(const std::vector<std::int64_t>& targets, const std::vector<std::int64_t>& predictions, int classes);
  /// Regression: each point's prediction against its true value, and MSE, MAE and R².
  void showRegression(const std::vector<double>& truth, const std::vector<double>& predictions);

  /// The decision threshold on P(class 1), 0 … 1 in steps of 0.01 (default 0.5).
  double threshold() const;
  void setThreshold(double t);

  QCustomPlot* rocPlot() const { return roc_plot_; }
  QTableWidget* confusionTable() const { return confusion_; }
  QSlider* thresholdSlider() const { return threshold_; }
  void retranslate();
  void applyAppearance();

 signals:
  void thresholdChanged(double threshold);

 private:
  enum class Shown { Nothing, Binary, Classes, Regression };
  void redraw();
  void drawBinary();
  void drawClasses();
  void drawRegression();
  void fillTable(const std::vector<std::vector<QString>>& cells, const QStringList& rows, const QStringList& columns);

  QCustomPlot* roc_plot_;
  QTableWidget* confusion_;
  QSlider* threshold_;
  QLabel* threshold_label_;
  Shown shown_ = Shown::Nothing;
  std::vector<int> labels_;
  std::vector<double> scores_, truth_, values_;
  std::vector<std::int64_t> targets_, predictions_;
  int classes_ = 0;
};

}  // namespace gsui
