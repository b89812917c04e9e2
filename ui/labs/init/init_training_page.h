#pragma once
// Training the same network on the digits once per scheme, in a BackgroundJob (never in the UI
// thread): the loss curves overlaid, and the zeros-init symmetry problem shown from the trained
// weights: every unit of a hidden layer has the same weights (max |Wᵢ − W₀| = 0), so the layer
// is worth one unit.
#include <QVector>
#include <array>
#include <vector>

#include "app/background_job.h"
#include "labs/init/init_experiment.h"
#include "labs/init/init_page.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace gsui {

class ControlGroup;

class InitTrainingPage : public InitPage {
  Q_OBJECT
 public:
  static constexpr int kSchemes = 5;
  /// What the worker reports for one scheme.
  struct Run {
    std::vector<double> losses;         ///< training loss per step
    std::vector<double> unit_spread;    ///< per hidden layer: max |Wᵢ − W₀| (init::unitSpread)
    std::vector<float> first_weights;   ///< the first hidden layer's weight [100 × 64], row-major
    double test_accuracy = -1;
    bool diverged = false;
  };

  explicit InitTrainingPage(QWidget* parent = nullptr);
  ~InitTrainingPage() override;
  QString title() const override;
  QString pytorchCode() const override;
  /// Trains every scheme for steps() steps (from scratch).
  void step() override { train(); }
  void reset() override;
  bool busy() const override { return job_.running(); }
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  void train();
  void setSteps(int steps);
  int steps() const;
  void setActivation(init::Activation activation);
  init::Activation activation() const;
  const std::array<Run, kSchemes>& runs() const { return runs_; }
  bool finished() const { return finished_; }
  QCustomPlot* lossPlot() const { return loss_plot_; }
  QTableWidget* symmetryTable() const { return table_; }

 private:
  void redraw();
  void updateTexts();
  void drawWeights(QCustomPlot* plot, const Run& run);

  QComboBox* activation_;
  QSpinBox* steps_;
  QPushButton* train_;
  ControlGroup* group_;
  QLabel *activation_label_, *steps_label_, *status_, *weights_heading_;
  QCustomPlot *loss_plot_, *zeros_weights_, *he_weights_;
  QTableWidget* table_;
  std::array<Run, kSchemes> runs_;
  bool finished_ = false;
  QString problem_;
  BackgroundJob job_;
};

}  // namespace gsui
