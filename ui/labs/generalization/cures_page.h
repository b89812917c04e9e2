#pragma once
// The Cures page: one seeded base run that overfits (an MLP on 300 digit images) and the same run
// with the chosen cures — L2 (weight decay), L1, dropout, early stopping, augmentation, batch norm —
// trained side by side in a background job, their training and validation losses overlaid; the
// early-stopping epoch marked; the hidden layer's weights of both runs as histograms (L1 pins many
// at zero, L2 shrinks them all).
#include <QVector>
#include <memory>

#include "app/background_job.h"
#include "labs/generalization/gen_experiments.h"
#include "labs/generalization/gen_page.h"

class QCheckBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace gsui {

class ControlGroup;

class CuresPage : public GenPage {
  Q_OBJECT
 public:
  explicit CuresPage(QWidget* parent = nullptr);
  ~CuresPage() override;
  QString title() const override;
  QString pytorchCode() const override;
  void step() override;
  void reset() override;
  void setPlaying(bool playing) override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  bool busy() const override { return job_.running(); }
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  /// The cures the controls choose.
  Cures cures() const;
  /// Sets the controls (no run starts).
  void setCures(const Cures& cures);
  /// Trains the base run (once per session) and the cured run.
  void train();
  /// The runs' results (complete when !busy()): [0] the base, [1] with the cures.
  const CureResult& base() const { return results_[0]; }
  const CureResult& cured() const { return results_[1]; }
  /// The cures of the last cured run.
  const Cures& trainedCures() const { return trained_; }
  bool finished() const { return finished_; }
  QCustomPlot* curvesPlot() const { return curves_plot_; }
  QCustomPlot* weightsPlot() const { return weights_plot_; }

 private:
  void buildControls();
  void buildView();
  void redraw();
  void updateTexts();

  ControlGroup *cures_group_;
  QCheckBox *l2_on_, *l1_on_, *dropout_on_, *early_on_, *augment_on_, *batch_norm_on_;
  QDoubleSpinBox *l2_, *l1_, *dropout_;
  QSpinBox* patience_;
  QLabel *status_, *note_;
  QCustomPlot *curves_plot_, *weights_plot_;

  BackgroundJob job_;
  std::array<CureResult, 2> results_;
  bool base_done_ = false, finished_ = false, playing_ = false;
  Cures trained_;
  std::uint64_t generation_ = 0;
  QString problem_;
};

}  // namespace gsui
