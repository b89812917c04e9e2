#pragma once
// Activations lab: step, sigmoid, tanh, ReLU, LeakyReLU, ELU, GELU and softplus with their
// derivatives (from real backward passes); softmax of an editable vector with a temperature; and
// how much gradient reaches each layer of a deep stack, with the count of dead ReLU units.
#include <QMap>

#include "app/lab.h"

class QCheckBox;
class QCustomPlot;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSlider;

namespace gsui {

class AdaptiveGrid;

class ActivationsLab : public Lab {
  Q_OBJECT
 public:
  explicit ActivationsLab(QWidget* parent = nullptr);
  QString pytorchCode() const override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  void reset() override;

  /// The activation names in plotting order ("Step", "Sigmoid", ...).
  static QStringList activationNames();
  void setActivationShown(const QString& name, bool shown);
  QStringList shownActivations() const;

  // For tests and screenshots: the widgets a learner drives.
  QSlider* slopeSlider() const { return slope_; }
  QSlider* temperatureSlider() const { return temperature_; }
  QSlider* depthSlider() const { return depth_; }
  QLineEdit* logitsEdit() const { return logits_; }
  QCustomPlot* functionPlot() const { return functions_; }
  QCustomPlot* softmaxPlot() const { return softmax_; }
  QCustomPlot* gradientPlot() const { return gradients_; }
  QLabel* deadUnitsLabel() const { return dead_; }
  QLabel* softmaxError() const { return softmax_error_; }
  double negativeSlope() const;
  double temperature() const;

 private:
  void buildPlots();
  void buildFunctionControls();
  void buildSoftmaxControls();
  void buildDepthControls();
  void updateFunctions();
  void updateSoftmax();
  void updateDepth();

  QGroupBox* functions_box_;
  QGroupBox* softmax_box_;
  QGroupBox* depth_box_;
  QMap<QString, QCheckBox*> shown_;
  QCheckBox* derivatives_;
  QSlider* slope_;
  QLabel* slope_label_;
  QLineEdit* logits_;
  QSlider* temperature_;
  QLabel* temperature_label_;
  QLabel* softmax_values_;
  QLabel* softmax_error_;
  QSlider* depth_;
  QLabel* depth_label_;
  QLabel* dead_;
  QCustomPlot* functions_;
  QCustomPlot* softmax_;
  QCustomPlot* gradients_;
  AdaptiveGrid* layout_;
  std::vector<double> last_logits_{2.0, 1.0, 0.1};
};

}  // namespace gsui
