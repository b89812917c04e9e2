#pragma once
// The classification page of the Losses lab: BCE, CrossEntropy and NLL-after-LogSoftmax as
// curves of the predicted probability p of the true class (all three are −log p), with their
// gradients from autograd and a point the learner slides along them; and three logits through
// softmax / log_softmax into CrossEntropyLoss, beside what each wrong pipeline gives.
#include <vector>

#include "labs/losses/losses_page.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QSlider;

namespace gsui {

class ControlGroup;
class LogitSliders;

class ClassificationPage : public LossesPage {
  Q_OBJECT
 public:
  explicit ClassificationPage(QWidget* parent = nullptr);
  QString title() const override;
  QString pytorchCode() const override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  /// The probability of the true class at the slider (0.01 … 0.99).
  double probability() const;
  void setProbability(double p);
  /// The loss values at probability() as the panel shows them: BCE, CE, NLL(LogSoftmax).
  struct AtPoint {
    double bce = 0, ce = 0, nll = 0;
    double bce_grad_p = 0;   ///< ∂BCE/∂p (input a probability)
    double ce_grad_z = 0;    ///< ∂CE/∂z_true (input logits)
  };
  AtPoint atPoint() const { return at_; }
  /// One pipeline from logits to a loss, and what it gave.
  struct Pipeline {
    QString code;    ///< the PyTorch expression
    double value = 0;
    bool right = false;
  };
  const std::vector<Pipeline>& pipelines() const { return pipelines_; }
  LogitSliders* logits() const { return logits_; }
  QComboBox* trueClassBox() const { return true_class_; }
  QSlider* probabilitySlider() const { return p_; }
  QCustomPlot* lossPlot() const { return curves_; }
  QCustomPlot* gradientPlot() const { return gradients_; }
  QCustomPlot* softmaxPlot() const { return softmax_; }
  QLabel* pipelinesLabel() const { return pipelines_label_; }

 private:
  void buildControls();
  void updateCurves();
  void updateLogits();

  AtPoint at_;
  std::vector<Pipeline> pipelines_;
  QCustomPlot* curves_;
  QCustomPlot* gradients_;
  QCustomPlot* softmax_;
  QLabel* pipelines_label_;
  QLabel* point_values_;
  ControlGroup* point_group_;
  ControlGroup* logits_group_;
  QSlider* p_;
  QLabel* p_label_;
  LogitSliders* logits_;
  QComboBox* true_class_;
  QLabel* true_class_label_;
  QLabel* logits_hint_;
};

}  // namespace gsui
