#pragma once
// The VGG picture of a network cut into blocks (spec::block_summary): the input and each block's
// output as a box left to right, its height the image's height (halved by every pool), its
// thickness the channels (doubled after every pool, on a log scale), with the block's name, output
// shape and parameters under it; the head (Flatten, Linear) as a thin column at the end. A network
// that does not fit its input shows the problem sentence instead of a picture.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "spec/blocks.h"

namespace gsui {

class VggDiagram : public QWidget {
  Q_OBJECT
 public:
  explicit VggDiagram(QWidget* parent = nullptr);
  /// The blocks to draw, after the input `input_shape` ([C, H, W]); clears the problem.
  void setBlocks(const gs::Shape& input_shape, const std::vector<gs::spec::BlockSummary>& blocks);
  /// Shows `problem` instead of a picture (no blocks).
  void setProblem(const QString& problem);
  const std::vector<gs::spec::BlockSummary>& blocks() const { return blocks_; }
  QString problem() const { return problem_; }
  /// The lines written under box `index` (0: the input, then the blocks, the head last), as drawn.
  QStringList boxTexts(int index) const;
  /// The line above the picture: the total parameters.
  QString totalText() const;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  gs::Shape input_shape_;
  std::vector<gs::spec::BlockSummary> blocks_;
  QString problem_;
};

}  // namespace gsui
