#pragma once
// The Transfer page's picture of the network: one box per layer, left to right, the base's layers
// locked (a padlock, greyed) when frozen, the new head marked as new, and each box's parameter
// count. Drawn with QPainter, scaled with the appearance (presentation mode).
#include <QWidget>
#include <vector>

#include "labs/deep/transfer_experiment.h"

namespace gsui {

class NetworkLockView : public QWidget {
  Q_OBJECT
 public:
  explicit NetworkLockView(QWidget* parent = nullptr);
  /// The layers and whether the base's layers are frozen (locked) or trained too.
  void setLayers(const std::vector<transfer::LayerBox>& layers, bool frozen);
  /// The words drawn: "frozen (from the base)", "trained", "new head", "parameters".
  void setTexts(const QString& frozen, const QString& trained, const QString& head, const QString& parameters);
  const std::vector<transfer::LayerBox>& layers() const { return layers_; }
  bool frozen() const { return frozen_; }
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  /// Where the legend and the counts go for a width: the legend's lines and the counts' height.
  int legendLines(int width) const;
  /// How the boxes are placed across `width`: in one row, or in two where one would shrink their
  /// names too far; the boxes' width, the gap between them, and the names' size (× the font's).
  struct Placement {
    int rows = 1, per_row = 1;
    double box_w = 10, gap = 0, fit = 1;
  };
  Placement place(int width, bool two_rows_allowed) const;
  int heightFor(int width, bool two_rows_allowed) const;

 public:
  /// Whether the boxes are drawn in two rows at the current width.
  int boxRows() const { return place(width(), true).rows; }

 private:
  std::vector<transfer::LayerBox> layers_;
  bool frozen_ = true;
  QString frozen_text_, trained_text_, head_text_, parameters_text_;
};

/// A padlock of height h with its top-left at (x, y): closed (frozen) or open.
void drawPadlock(class QPainter& p, double x, double y, double h, bool closed, const QColor& colour);

}  // namespace gsui
