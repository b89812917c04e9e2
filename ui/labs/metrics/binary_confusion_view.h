#pragma once
// The binary confusion matrix in scikit-learn's layout, rows = actual class, columns = predicted
// ([[TN, FP], [FN, TP]]): each cell names itself (TN, FP, FN, TP), gives its count and its rate
// within the actual class (TNR = specificity, FPR, FNR, TPR = recall). A click selects a cell
// (again: deselects) and says which.
#include <QStringList>
#include <QWidget>

#include "metrics/metrics.h"

namespace gsui {

class BinaryConfusionView : public QWidget {
  Q_OBJECT
 public:
  /// The cells, as (actual, predicted) with 1 = positive.
  enum Cell { None = -1, TN = 0, FP = 1, FN = 2, TP = 3 };
  static int actualOf(Cell c) { return c / 2; }
  static int predictedOf(Cell c) { return c % 2; }

  explicit BinaryConfusionView(QWidget* parent = nullptr);
  void setScores(const gs::metrics::BinaryScores& scores);
  const gs::metrics::BinaryScores& scores() const { return scores_; }
  /// {negative, positive} class names for the headers.
  void setClassNames(const QStringList& names);
  Cell selected() const { return selected_; }
  void setSelected(Cell cell);
  /// Where a cell is drawn (clicks and tests).
  QRect cellRect(Cell cell) const;
  QSize sizeHint() const override { return {300, 220}; }
  QSize minimumSizeHint() const override;

 signals:
  void selectedChanged(gsui::BinaryConfusionView::Cell cell);

 protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QRect gridRect() const;
  int rowNamesWidth() const;  ///< the row names' column left of the grid

  gs::metrics::BinaryScores scores_;
  QStringList names_;
  Cell selected_ = None;
};

}  // namespace gsui
