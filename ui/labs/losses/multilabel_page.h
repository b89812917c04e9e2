#pragma once
// The multi-label vs multi-class page of the Losses lab: the same logits through sigmoid (each
// class on its own: independent probabilities, any sum; BCEWithLogitsLoss with a multi-hot target)
// and through softmax (classes compete: the probabilities sum to 1; CrossEntropyLoss with one
// class index).
#include <vector>

#include "labs/losses/losses_page.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;

namespace gsui {

class ControlGroup;
class LogitSliders;

class MultiLabelPage : public LossesPage {
  Q_OBJECT
 public:
  static constexpr int kClasses = 4;
  explicit MultiLabelPage(QWidget* parent = nullptr);
  QString title() const override;
  QString pytorchCode() const override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  const std::vector<double>& sigmoids() const { return sigmoid_; }
  const std::vector<double>& softmaxes() const { return softmax_; }
  double bceWithLogits() const { return bce_; }
  double crossEntropy() const { return ce_; }
  LogitSliders* logits() const { return logits_; }
  QCustomPlot* plot() const { return plot_; }

 private:
  void update();
  QStringList classNames() const;

  std::vector<double> sigmoid_, softmax_;
  double bce_ = 0, ce_ = 0;
  QCustomPlot* plot_;
  QLabel* summary_;
  ControlGroup* logits_group_;
  ControlGroup* target_group_;
  LogitSliders* logits_;
  std::vector<QCheckBox*> tags_;
  QComboBox* single_;
  QLabel* single_label_;
  QLabel* tags_label_;
};

}  // namespace gsui
