#pragma once
// The Deep networks lab's "vgg" page: the VGG pattern (issue 12). The learner picks an input, the
// number of Conv-…-Pool blocks, the convolutions per block and the first block's channels; core
// writes the network (spec::vgg_spec) and cuts it into blocks (spec::block_summary). The page draws
// the blocks left to right (the image shrinks, the channels double), charts the parameters per
// block and head, and opens the network in the builder (SharedNetwork::requestEdit). Too many
// blocks for the input shows core's problem, said in the learner's language, instead of a picture.
#include <vector>

#include "app/lab_page.h"
#include "spec/blocks.h"
#include "util/error.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;

namespace gsui {

class ControlGroup;
class VggDiagram;

class VggPage : public LabPage {
  Q_OBJECT
 public:
  explicit VggPage(QWidget* parent = nullptr);
  QString title() const override;
  QString pytorchCode() const override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  /// {"input": "digits" | "fashion" | "photo", "blocks": 1…5, "convs": 1…3, "channels": 8 | 16 | 32 | 64}.
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  /// The inputs offered: id, shape.
  static const std::vector<std::pair<const char*, gs::Shape>>& inputs();
  /// Sets every control at once (one recompute); false, changing nothing, for a value not offered.
  bool setConfiguration(const QString& input, int blocks, int convs, int channels);
  /// The network the controls describe (vgg_spec, 10 classes).
  gs::spec::ModelSpec spec() const;
  /// The blocks shown (empty when the network does not fit its input).
  const std::vector<gs::spec::BlockSummary>& blocks() const { return blocks_; }
  /// The problem shown instead of the picture ("" when the network fits).
  QString problem() const { return problem_; }

  VggDiagram* diagram() const { return diagram_; }
  QCustomPlot* parameterChart() const { return chart_; }
  QComboBox* inputBox() const { return input_; }
  QSpinBox* blocksBox() const { return blocks_box_; }
  QSpinBox* convsBox() const { return convs_; }
  QComboBox* channelsBox() const { return channels_; }
  QPushButton* openInBuilderButton() const { return open_; }
  QLabel* caption() const { return caption_; }
  QLabel* shareNote() const { return share_; }

 private:
  void recompute();
  void redrawChart();
  void updateTexts();
  /// Core's error for `spec` in the learner's language.
  QString problemText(const gs::Error& error, const gs::spec::ModelSpec& spec) const;

  QComboBox *input_, *channels_;
  QSpinBox *blocks_box_, *convs_;
  QPushButton* open_;
  ControlGroup* group_;
  QLabel *input_label_, *blocks_label_, *convs_label_, *channels_label_;
  QLabel *caption_, *share_;
  VggDiagram* diagram_;
  QCustomPlot* chart_;
  std::vector<gs::spec::BlockSummary> blocks_;
  QString problem_;
};

}  // namespace gsui
