#pragma once
// The Splits page: the Iris scenario's 150 samples as a strip, coloured by what each is for: a
// hold-out split (train / validation / test, as core's load_dataset makes it), stratified k-fold
// cross-validation trained fold by fold in a background job (Step: the next fold; Play: the rest),
// each fold's test accuracy and their mean ± std — the folds and numbers of `gradscope-cli cv` —
// and a bootstrap resample with its out-of-bag samples.
#include <QVector>

#include "app/background_job.h"
#include "labs/generalization/gen_experiments.h"
#include "labs/generalization/gen_page.h"

class QCustomPlot;
class QLabel;
class QSlider;
class QSpinBox;

namespace gsui {

class ControlGroup;
class SampleStrip;

class SplitsPage : public GenPage {
  Q_OBJECT
 public:
  explicit SplitsPage(QWidget* parent = nullptr);
  ~SplitsPage() override;
  QString title() const override;
  QString pytorchCode() const override;
  void step() override;
  void reset() override;
  void setPlaying(bool playing) override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  void setCurrent(bool current) override;
  bool busy() const override { return job_.running() || queued_steps_ > 0; }
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  /// The scenario cross-validated (what `gradscope-cli cv` would be given).
  const gs::spec::Scenario& scenario() const { return scenario_; }
  const FoldPlan& plan() const { return plan_; }
  /// The folds trained so far, in order.
  const std::vector<FoldResult>& results() const { return results_; }
  /// Mean ± std of the finished folds' test accuracy (all folds done: run_cv's "test_acc").
  MeanStd accuracy() const;
  MeanStd loss() const;
  void setFolds(int folds);
  int folds() const;
  void setBootstrapSeed(int seed);
  const std::vector<int>& bootstrap() const { return bootstrap_; }
  const std::vector<SampleRole>& holdout() const { return holdout_; }
  SampleStrip* strip() const { return strip_; }

 private:
  void buildControls();
  void buildView();
  void replan();
  void updateHoldout();
  void startFold();
  void redraw();
  void updateTexts();

  ControlGroup *holdout_group_, *kfold_group_, *bootstrap_group_;
  QSlider *test_ratio_, *validation_;
  QSpinBox *folds_, *bootstrap_seed_;
  QLabel *test_label_, *validation_label_, *folds_label_, *seed_label_, *test_value_, *validation_value_;
  QLabel *holdout_note_, *kfold_status_, *bootstrap_note_, *summary_;
  SampleStrip* strip_;
  QCustomPlot* scores_plot_;

  gs::spec::Scenario scenario_;
  FoldPlan plan_;
  std::vector<FoldResult> results_;
  std::vector<SampleRole> holdout_;
  std::vector<int> bootstrap_;
  BackgroundJob job_;
  std::uint64_t generation_ = 0;  ///< bumped when the folds change: a finishing job's posts are dropped
  int running_fold_ = -1;
  int queued_steps_ = 0;  ///< Steps asked for while a fold trained: the next folds to train
  std::int64_t running_epoch_ = 0;
  bool playing_ = false;
  QString problem_;
};

}  // namespace gsui
