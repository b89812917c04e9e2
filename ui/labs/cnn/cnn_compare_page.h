#pragma once
// The "MLP vs CNN" page of the CNN lab (issue #11): an MLP and a CNN trained on the same images
// in one background job, their test accuracy per epoch, and the shift test that shows what
// flattening an image into a vector costs: the MLP's weights belong to fixed pixel positions, the
// CNN's filters slide.
//
// Play / Step / Reset: "Train both" starts both models afresh and trains them to the Epochs
// control. Play does the same, or continues an interrupted run to it; Pause stops after the
// current training step (the interrupted epoch is finished on the next Play). Step trains one
// more epoch of both. Reset stops the job and clears everything. The shift test runs whenever a
// job reaches its epochs.
#include <QVector>
#include <array>
#include <memory>

#include "app/background_job.h"
#include "labs/cnn/cnn_page.h"
#include "labs/cnn/compare_training.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;

namespace gsui {

class ControlGroup;
class ShiftExamplesView;

class CnnComparePage : public CnnPage {
  Q_OBJECT
 public:
  explicit CnnComparePage(QWidget* parent = nullptr);
  ~CnnComparePage() override;
  QString title() const override;
  QString pytorchCode() const override;
  void step() override;
  void reset() override;
  void setPlaying(bool playing) override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;

  /// The data set, subset and epochs the controls say.
  CompareSettings settings() const;
  bool training() const { return job_.running(); }
  /// Training (or loading) under way: a screenshot waits for it.
  bool busy() const override { return job_.running(); }
  /// Test accuracy (0–1) per epoch of a model, as shown.
  const QVector<double>& accuracy(CompareModel model) const { return accuracy_[static_cast<int>(model)]; }
  /// The last shift test (empty accuracy vectors before the first).
  const ShiftReport& shiftReport() const { return shifts_; }

 signals:
  /// A job ended: it reached its epochs (and the shift test ran), was paused, or failed.
  void trainingFinished();

 private:
  void buildControls();
  void buildView();
  /// Starts the job that trains both models to `target` epochs; `fresh` drops the current runs.
  void startTraining(std::int64_t target, bool fresh);
  void epochDone(CompareModel model, std::int64_t epoch, double accuracy);
  void shiftsMeasured(const ShiftReport& report);
  void jobFinished(const QString& error);
  /// The settings changed in a way that makes the runs stale (data set, subset).
  void dataChanged();
  void clearResults();
  void redraw();
  void updateTexts();
  QString conclusion() const;
  QString modelName(CompareModel model) const;
  QStringList classNames() const;

  ControlGroup* data_group_ = nullptr;
  ControlGroup* models_group_ = nullptr;
  QComboBox* dataset_ = nullptr;
  QSpinBox* subset_ = nullptr;
  QSpinBox* epochs_ = nullptr;
  QLabel *dataset_label_ = nullptr, *subset_label_ = nullptr, *epochs_label_ = nullptr;
  QPushButton* train_button_ = nullptr;
  QLabel* status_ = nullptr;
  std::array<QLabel*, 2> model_labels_{};
  QCustomPlot* accuracy_plot_ = nullptr;
  QCustomPlot* shift_plot_ = nullptr;
  QLabel* conclusion_ = nullptr;
  QLabel* examples_heading_ = nullptr;
  ShiftExamplesView* examples_ = nullptr;

  /// Both runs; the job uses them while it runs, the page never touches them then.
  std::shared_ptr<CompareRuns> runs_;
  CompareSettings run_settings_;  ///< what runs_ were built from
  std::array<QVector<double>, 2> accuracy_;
  ShiftReport shifts_;
  QString error_;
  /// Bumped whenever the results are cleared: a job's reports carry the value it started with.
  std::uint64_t generation_ = 0;
  bool playing_ = false;
  BackgroundJob job_;  ///< last member: destroyed (cancelled and joined) first
};

}  // namespace gsui
