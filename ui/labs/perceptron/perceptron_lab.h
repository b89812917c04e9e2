#pragma once
// Perceptron lab: AND, OR, NAND and XOR as four points; a perceptron with w1, w2, b sliders and
// a step activation draws its decision line and marks what it gets wrong; Step applies the
// perceptron rule one sample at a time. XOR cannot be learnt by one line: the lab offers the
// 2-2-1 MLP that solves it, trained live, with its hidden layer's view of the four points.
#include <memory>

#include "app/lab.h"
#include "labs/perceptron/xor_mlp.h"
#include "nn/perceptron.h"

class QButtonGroup;
class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSlider;
class QTableWidget;

namespace gsui {

class AdaptiveGrid;

class PerceptronLab : public Lab {
  Q_OBJECT
 public:
  enum class Mode { Perceptron, Mlp };
  explicit PerceptronLab(QWidget* parent = nullptr);
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  void step() override;
  void reset() override;
  int playRate() const override { return mode_ == Mode::Mlp ? 20 : 4; }
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;

  void setGate(const QString& gate);  ///< "AND", "OR", "NAND", "XOR"
  QString gate() const;
  void setMode(Mode mode);
  Mode mode() const { return mode_; }
  /// Current perceptron parameters (w1, w2, b).
  double w1() const;
  double w2() const;
  double bias() const;
  /// Points the current model classifies wrongly.
  int misclassified() const;
  int epoch() const { return epoch_; }
  /// The MLP's mean BCE loss on the four points (MLP mode).
  double mlpLoss() const;
  /// Gradient steps the MLP has taken (its worker trains them after step()).
  std::int64_t mlpSteps() const;

  QSlider* w1Slider() const { return w1_; }
  QSlider* w2Slider() const { return w2_; }
  QSlider* biasSlider() const { return b_; }
  QComboBox* gateBox() const { return gate_box_; }
  QPushButton* solveWithMlpButton() const { return solve_mlp_; }
  QLabel* statusLabel() const { return status_; }
  QCustomPlot* inputPlot() const { return input_plot_; }
  /// Errors after each update (perceptron) or the hidden layer's view (MLP).
  QCustomPlot* secondPlot() const { return second_plot_; }
  QTableWidget* table() const { return table_; }

 private:
  void buildView();
  void buildControls();
  void connectControls();
  void buildMlp();
  void syncSlidersFromPerceptron();
  void updateView();
  void drawRegions();
  void drawInputPlot();
  void updateStatus();
  void updateTable();
  void updateSecondPlot();
  gs::Tensor inputs() const;
  gs::Tensor targets() const;

  QGroupBox* data_box_;
  QGroupBox* neuron_box_;
  QGroupBox* mlp_box_;
  QComboBox* gate_box_;
  QRadioButton* single_;
  QRadioButton* mlp_radio_;
  QLabel* gate_label_;
  QLabel* w1_label_;
  QLabel* w2_label_;
  QLabel* b_label_;
  QLabel* lr_label_;
  QSlider* w1_;
  QSlider* w2_;
  QSlider* b_;
  QSlider* lr_;
  QLabel* status_;
  QPushButton* solve_mlp_;
  QComboBox* hidden_act_;
  QLabel* hidden_act_label_;
  QLabel* mlp_lr_label_;
  QSlider* mlp_lr_;
  AdaptiveGrid* layout_;
  QCustomPlot* input_plot_;
  QCustomPlot* second_plot_;
  QCPColorMap* region_;
  QTableWidget* table_;

  Mode mode_ = Mode::Perceptron;
  gs::nn::Perceptron perceptron_{2, 1.0};
  int sample_ = 0;
  int epoch_ = 0;
  int updates_in_epoch_ = 0;
  int clean_epochs_ = 0;
  QVector<double> error_history_;
  XorMlp* mlp_;  ///< the 2-2-1 MLP, trained by core's Trainer in a worker
};

}  // namespace gsui
