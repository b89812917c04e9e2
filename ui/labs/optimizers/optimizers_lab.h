#pragma once
// Optimizer lab: SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW, Adadelta, Adamax and
// Rprop race from the same start on the quadratic bowl, Rosenbrock, Beale, Himmelblau and the
// saddle: contour + paths, loss per step, and where each ended and how fast it got within ε of
// the minimum. Adam's per-coordinate steps on demand; an LR scheduler previewed and applied to
// one optimizer. All runs are core's optimizers on core's landscapes.
#include <vector>

#include "app/lab.h"
#include "landscape/landscape.h"
#include "plots/contour_plot.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace gsui {

class ControlGroup;

class OptimizersLab : public Lab {
  Q_OBJECT
 public:
  explicit OptimizersLab(QWidget* parent = nullptr);
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  void step() override;
  void reset() override;
  int playRate() const override { return 30; }  ///< one optimizer step per tick
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;

  /// The racers, in table order: "SGD", "Momentum", "Nesterov", "Adagrad", "RMSprop", "Adam",
  /// "AdamW", "Adadelta", "Adamax", "Rprop".
  static QStringList racerNames();
  void setFunction(const QString& name);  ///< quadratic, rosenbrock, beale, himmelblau, saddle
  void setRacer(const QString& name, bool on, double lr = -1);
  void setScheduler(const QString& name);  ///< "None", "StepLR", ... applied to the scheduled racer
  /// The landscape's id ("rosenbrock"; the combo shows its translated name).
  QString functionId() const;
  /// The scheduler's class name, or "None" (shown translated).
  QString schedulerId() const;
  QComboBox* functionBox() const { return function_; }
  QComboBox* schedulerBox() const { return scheduler_; }
  /// Sets an argument of the current scheduler ("step_size", "gamma", "T_max", ...).
  void setSchedulerParam(const QString& key, double value);
  /// The spec the scheduled racer runs with (the editable arguments' values); null for "None".
  nlohmann::json currentSchedulerSpec() const;
  /// The spin box editing a scheduler argument, or nullptr when the scheduler has none such.
  QDoubleSpinBox* schedulerParamBox(const QString& key) const;
  /// The learning rate a racer runs with (its spin box's value) and as the panel and code write it.
  double racerLearningRate(const QString& racer) const;
  QString racerLearningRateText(const QString& racer) const;
  int currentStep() const { return step_; }
  void setShowArrows(bool on);
  QCustomPlot* contourPlot() const { return contour_plot_; }
  const std::vector<PathView>& paths() const { return paths_; }
  /// Step at which a racer first came within ε of a minimum (−1: never).
  int stepsToMinimum(const QString& racer) const;
  QTableWidget* table() const { return table_; }
  QCustomPlot* schedulePlot() const { return schedule_plot_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void buildPlots();
  /// Minimum plot sizes for the current scale and the table's height for its rows.
  void sizeViews();
  void buildFunctionGroup();
  void buildRacersGroup();
  void buildScheduleGroup();
  void connectControls();
  nlohmann::json optimizerSpec(int racer) const;
  void recompute();
  /// One run per enabled racer from `start` (the scheduled racer with its scheduler).
  void computePaths(const std::array<double, 2>& start, int steps);
  void redraw();
  void drawContour();
  void drawArrows();
  void drawLossCurves();
  void fillTable();
  /// The chosen scheduler's learning rate per step, previewed on a fresh optimizer.
  void drawSchedule();

  ControlGroup* function_box_;
  QGroupBox* racers_box_;
  ControlGroup* schedule_box_;
  QComboBox* function_;
  QLabel* function_label_;
  QDoubleSpinBox* a_;
  QDoubleSpinBox* b_;
  std::vector<QCheckBox*> racer_on_;
  std::vector<QDoubleSpinBox*> racer_lr_;
  QSpinBox* steps_;
  QLabel* steps_label_;
  QCheckBox* arrows_;
  QComboBox* scheduler_;
  QComboBox* scheduled_racer_;
  QLabel* scheduler_label_;
  QLabel* scheduled_label_;
  static constexpr int kSchedulerParams = 3;  ///< the most arguments a scheduler offers (MultiStepLR)
  std::vector<QDoubleSpinBox*> sched_params_;
  std::vector<QLabel*> sched_param_labels_;
  QString sched_params_for_;  ///< the scheduler whose arguments the boxes hold
  /// Fills the argument rows with the current scheduler's defaults for the current run length.
  void resetSchedulerParams();
  QCustomPlot* contour_plot_;
  QCustomPlot* loss_plot_;
  QCustomPlot* schedule_plot_;
  QTableWidget* table_;
  std::unique_ptr<ContourPlot> contour_;
  gs::landscape::Function fn_;
  std::vector<PathView> paths_;
  std::vector<int> racer_index_;  ///< racer of each path
  /// core's run behind each path: its points, and the Adam steps and momentum buffers it recorded
  std::vector<gs::landscape::Path> runs_;
  int step_ = 0;
};

}  // namespace gsui
