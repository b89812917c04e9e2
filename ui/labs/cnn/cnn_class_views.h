#pragma once
// The Train page's class views: a clickable confusion matrix, a pad to draw an image on with the
// mouse, and the softmax probabilities as bars.
#include <QImage>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <algorithm>

#include "metrics/metrics.h"

namespace gsui {

/// counts[t][p] as a grid of cells shaded by their share of row t; a click emits (t, p).
class ConfusionGrid : public QWidget {
  Q_OBJECT
 public:
  explicit ConfusionGrid(QWidget* parent = nullptr);
  void setMatrix(const gs::metrics::Matrix& counts);
  void setClassNames(const QStringList& names);
  void setAxisTitles(const QString& rows, const QString& columns);
  const gs::metrics::Matrix& matrix() const { return counts_; }
  /// Where cell (t, p) is drawn (for tests and clicks).
  QRect cellRect(int t, int p) const;
  /// Where the rows' title ("Actual") and the row labels are drawn (for tests: they never meet the cells).
  QRect rowTitleRect() const { return {0, gridRect().top(), titleBand(), gridRect().height()}; }
  QRect rowLabelsRect() const { return {titleBand() + 2, gridRect().top(), gridRect().left() - titleBand() - 6, gridRect().height()}; }
  /// The font the counts are drawn in: as tall as 42 % of a cell (at most 1.5× the widget's
  /// font), narrowed until the largest count fits its cell, and never smaller than the
  /// appearance's readable minimum (Appearance::minimumPointSize()).
  QFont countFont() const;
  /// Where the axis titles are drawn, whole (the rows' title before it is turned on its side:
  /// its length runs up the widget from the grid's bottom).
  QRect columnTitleRect() const;
  QRect rowTitleTextRect() const;
  /// A class's label above its column, `room` px wide: the whole name, or an abbreviation that
  /// still tells the classes apart ("versic.").
  QString columnLabel(int k, int room) const;
  QSize sizeHint() const override { return {360, 360}; }
  /// Room for the titles whole and for every count at the readable minimum size.
  QSize minimumSizeHint() const override;
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return std::max(w, minimumSizeHint().height()); }

 signals:
  void cellClicked(int trueClass, int predictedClass);

 protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QRect gridRect() const;
  /// The space left of the grid (rows' title and labels) and above it (columns' title and labels).
  int leftMargin() const;
  int topMargin() const;
  /// The largest count, as drawn ("0" for none).
  QString widestCount() const;
  /// The readable minimum as a pixel size of the widget's font.
  int leastCountPixels() const;
  /// Height of the axis titles' band (the rows' title is turned on its side in one as wide).
  int titleBand() const;
  int commonPrefix() const;
  /// A class's name without the prefix all share ("class_0" → "0").
  QString distinctPart(int k) const;
  /// How many first letters of distinctPart() tell every class apart (at most 6).
  int distinctLength() const;
  /// A class's label beside its row.
  QString shortName(int k) const;

  gs::metrics::Matrix counts_;
  QStringList names_;
  QString rows_title_, columns_title_;
  int selected_t_ = -1, selected_p_ = -1;
};

/// A square pad of h×w cells the learner draws on with the mouse (left button draws, right
/// erases); values in [0, 1] like the data set's images.
class DrawingPad : public QWidget {
  Q_OBJECT
 public:
  explicit DrawingPad(QWidget* parent = nullptr);
  void setGrid(int h, int w);
  void clear();
  /// The drawing, row by row.
  const QVector<float>& values() const { return values_; }
  int gridHeight() const { return h_; }
  int gridWidth() const { return w_; }
  /// Draws a stroke along `points` (grid coordinates), as the mouse would.
  void stroke(const QVector<QPointF>& points, bool erase = false);
  QSize sizeHint() const override { return {240, 240}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return w; }

 signals:
  /// The drawing changed (while the mouse moves, too).
  void drawn();

 protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;

 private:
  QRectF padRect() const;
  QPointF toGrid(const QPointF& pos) const;
  void dab(const QPointF& at, bool erase);

  int h_ = 28, w_ = 28;
  QVector<float> values_;
  QPointF last_;
};

/// Horizontal bars, one per class, with the class name and the probability in percent.
class ProbabilityBars : public QWidget {
  Q_OBJECT
 public:
  explicit ProbabilityBars(QWidget* parent = nullptr);
  void setProbabilities(const std::vector<float>& p);
  void setClassNames(const QStringList& names) { names_ = names; update(); }
  const std::vector<float>& probabilities() const { return p_; }
  QSize sizeHint() const override { return {240, 240}; }

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  std::vector<float> p_;
  QStringList names_;
};

}  // namespace gsui
