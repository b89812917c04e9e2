#pragma once
// Autograd lab: a small program (an example or typed), its leaves with values and
// requires_grad, the computation graph drawn torchviz-style with values forward and gradients
// backward, steppable node by node; the course's mistakes on purpose (backward twice without
// zeroing, backward on a non-scalar, nothing requires grad, a freed graph); and the numerical vs
// analytic derivative with a step-size slider that shows truncation and rounding error.
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "app/lab.h"
#include "autograd/engine.h"
#include "autograd/expression.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSlider;

namespace gsui {

class ControlGroup;
class GraphView;
class LeafTable;

class AutogradLab : public Lab {
  Q_OBJECT
 public:
  explicit AutogradLab(QWidget* parent = nullptr);
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  /// One node of backward (starting a pass when none is running).
  void step() override;
  void reset() override;
  int playRate() const override { return 2; }
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;

  int exampleCount() const;
  void chooseExample(int index);
  void setProgram(const QString& source);
  /// Sets a leaf's value text ("0.5" or "1, 2, 3") and requires_grad.
  void setLeaf(const QString& name, const QString& value, bool requires_grad);
  /// Recomputes the forward pass; false when the program or a leaf value is invalid.
  bool forward();
  /// Runs the whole backward pass (finishing one in progress).
  void backwardAll();
  void zeroGrad();
  void setZeroGradBeforeBackward(bool on);
  void setRetainGraph(bool on);

  /// The current leaf tensor by name (undefined if none).
  gs::Tensor leaf(const QString& name) const;
  /// The error shown: the explanation, and PyTorch's message on a second line when there is one.
  QString errorText() const;
  /// The hint under "zero_grad() before each backward()": how to see the gradients add up.
  QString zeroGradHint() const;
  GraphView* graphView() const { return graph_; }
  QSlider* stepSizeSlider() const { return step_size_; }
  /// The finite-difference error against h (log-log), under the graph.
  QCustomPlot* errorPlot() const { return error_plot_; }
  double stepSize() const;
  /// Last numerical and analytic derivatives shown (of sum(output) w.r.t. the chosen leaf's element 0).
  double numericalDerivative() const { return numerical_; }
  double analyticDerivative() const { return analytic_; }

 private:
  void buildViews();
  void buildProgramGroup();
  void buildRunGroup();
  void buildMistakesGroup();
  void buildNumericGroup();
  void connectControls();
  void rebuildLeafTable();
  /// Makes (or refills) a leaf tensor per leaf from its value text; false after showing the error.
  bool updateLeafTensors();
  /// Shows a message of the lab (empty: none) or an engine error in the learner's language, with
  /// PyTorch's own message (English) on its own label below.
  void showError(const QString& text, const QString& torch = QString());
  void showError(const gs::Error& error);
  void showOutput();
  void updateGraph();
  void startBackwardPass();
  /// Keeps what one backward step computed, for the graph to show.
  void recordBackwardStep(const gs::BackwardStep& step);
  void updateNumerical();
  /// The analytic and numerical derivatives of sum(output) w.r.t. the leaf's element 0, and the
  /// error of the central difference over a sweep of h; throws gs::Error from the program.
  void compareDerivatives(const QString& leaf_name);

  ControlGroup* program_box_;
  ControlGroup* run_box_;
  ControlGroup* mistakes_box_;
  ControlGroup* numeric_box_;
  QComboBox* examples_;
  QPlainTextEdit* source_;
  LeafTable* leaves_table_;
  QPushButton* forward_button_;
  QPushButton* step_button_;
  QPushButton* backward_button_;
  QPushButton* zero_button_;
  QCheckBox* zero_before_;
  void updateZeroHint();
  QCheckBox* retain_graph_;
  QLabel* zero_hint_;
  QLabel* retain_hint_;
  QLabel* error_;
  QLabel* torch_error_;  ///< PyTorch's message, verbatim (property gsVerbatim)
  std::optional<gs::Error> shown_error_;  ///< the engine error shown, said again on a language change
  QLabel* output_label_;
  QComboBox* numeric_leaf_;
  QSlider* step_size_;
  QLabel* step_size_label_;
  QLabel* numeric_result_;
  GraphView* graph_;
  QCustomPlot* error_plot_;

  std::map<QString, gs::Tensor> leaf_tensors_;
  std::map<QString, QString> leaf_text_;
  std::map<QString, bool> leaf_requires_grad_;
  QStringList leaf_order_;
  gs::expr::Evaluation evaluation_;
  std::unique_ptr<gs::BackwardPass> pass_;
  std::map<const gs::Node*, gs::Tensor> node_grads_;
  std::map<std::pair<const gs::Node*, int>, gs::Tensor> edge_grads_;
  std::set<const gs::Node*> done_;
  int backward_calls_ = 0;
  double numerical_ = 0, analytic_ = 0;
};

}  // namespace gsui
