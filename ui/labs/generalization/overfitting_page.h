#pragma once
// The Overfitting page: a polynomial of adjustable degree fitted live (in the shared training
// worker) to a few noisy points of a cubic. At degree 1 the line underfits; at a high degree the
// curve wiggles through every training point while the validation loss climbs away from the
// training loss. Seeded: the same settings draw the same points and the same curves.
#include <QTimer>
#include <QVector>
#include <memory>

#include "app/training_session.h"
#include "labs/generalization/gen_experiments.h"
#include "labs/generalization/gen_page.h"

class QCustomPlot;
class QLabel;
class QSlider;
class QSpinBox;

namespace gsui {

class ControlGroup;

/// What the worker publishes: the epoch, both losses and the fitted curve.
struct OverfitFrame {
  std::int64_t epoch = 0;
  double train_loss = 0, val_loss = 0;
  Curve fit;
};

class OverfittingPage : public GenPage {
  Q_OBJECT
 public:
  explicit OverfittingPage(QWidget* parent = nullptr);
  ~OverfittingPage() override;
  QString title() const override;
  QString pytorchCode() const override;
  void step() override;
  void reset() override;
  void setPlaying(bool playing) override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  void setCurrent(bool current) override;
  bool busy() const override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  /// Epochs per Step, and per display tick while playing.
  static constexpr int kEpochsPerTick = 25;

  OverfitSettings settings() const;
  /// Sets the controls and starts a new (paused) run.
  void setSettings(const OverfitSettings& settings);
  /// The latest frame shown (epoch 0 before training).
  const OverfitFrame& shownFrame() const { return shown_; }
  /// Per shown epoch: epoch, train MSE, validation MSE.
  const QVector<double>& epochs() const { return epochs_; }
  const QVector<double>& trainLosses() const { return train_losses_; }
  const QVector<double>& validationLosses() const { return val_losses_; }
  QSlider* degreeSlider() const { return degree_; }
  QCustomPlot* fitPlot() const { return fit_plot_; }
  QCustomPlot* lossPlot() const { return loss_plot_; }

 private:
  void buildControls();
  void buildView();
  void restart();
  /// Sends the next kEpochsPerTick epochs to the worker once the previous ones are shown.
  void sendNextChunk();
  void refresh();
  void redraw();
  void updateTexts();

  ControlGroup *model_group_, *data_group_;
  QSlider *degree_, *noise_;
  QSpinBox *points_, *seed_, *max_epochs_;
  QLabel *degree_label_, *noise_label_, *points_label_, *seed_label_, *epochs_label_, *degree_value_, *noise_value_, *status_, *note_;
  QCustomPlot *fit_plot_, *loss_plot_;

  TrainingSession<OverfitFrame> session_;
  std::shared_ptr<const OverfitRun> run_;  ///< the raw points and the input transform (the trainer is the session's)
  OverfitSettings run_settings_;
  Curve truth_;
  QTimer display_;
  std::uint64_t shown_version_ = 0;
  OverfitFrame shown_;
  QVector<double> epochs_, train_losses_, val_losses_;
  std::int64_t requested_ = 0;  ///< the epoch the steps asked for so far reach
  std::int64_t sent_ = 0;       ///< the epoch the chunks sent to the worker reach
  bool playing_ = false;
  QString problem_;
};

}  // namespace gsui
