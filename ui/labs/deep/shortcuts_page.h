#pragma once
// The shortcuts page of the Deep networks lab: the same depth with and without identity
// shortcuts (shortcuts_experiment.h). Left, ‖∂L/∂W‖ of every weight layer, input side first, on
// a log scale, at initialization (dashed) and after the latest epoch (solid): in the plain
// network the gradient shrinks on its way down, with shortcuts it arrives. Right, the training
// loss per epoch of both. Training runs in a BackgroundJob (the Experiment lives there while it
// trains); the page draws copies.
#include <array>
#include <atomic>
#include <memory>

#include "app/background_job.h"
#include "app/lab_page.h"
#include "labs/deep/shortcuts_experiment.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;

namespace gsui {

class ControlGroup;

class ShortcutsPage : public LabPage {
  Q_OBJECT
 public:
  explicit ShortcutsPage(QWidget* parent = nullptr);
  ~ShortcutsPage() override;
  QString title() const override;
  QString pytorchCode() const override;
  /// One more epoch of both networks (queued behind a running job).
  void step() override;
  /// Back to both networks at initialization (measured again).
  void reset() override;
  /// Play: trains both up to epochs() (from initialization when already there); Pause: stops
  /// after the current epoch.
  void setPlaying(bool playing) override;
  bool busy() const override { return job_.running() || pending_ > 0; }
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  /// {"network": "mlp" | "cnn", "epochs": N}.
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  shortcuts::Network network() const;
  /// Another network: both rebuilt at initialization, the epochs box at its default.
  void setNetwork(shortcuts::Network network);
  int epochs() const;
  void setEpochs(int epochs);
  /// Epochs trained so far (what the plots show).
  int epoch() const { return epoch_; }
  /// What the plots show: plain (shortcuts::kPlain) and residual (shortcuts::kResidual).
  const std::array<shortcuts::Curves, 2>& curves() const { return curves_; }
  QCustomPlot* normsPlot() const { return norms_plot_; }
  QCustomPlot* lossPlot() const { return loss_plot_; }

 private:
  /// Drops the experiment and builds a new one at initialization (the MLP here, the CNN in the job).
  void rebuild();
  /// Starts the job: builds the experiment when there is none, then trains `epochs` epochs.
  void startJob(int epochs);
  void jobFinished(const QString& error);
  void redraw();
  void updateTexts();

  QComboBox* network_;
  QSpinBox* epochs_;
  QPushButton* train_;
  ControlGroup* group_;
  QLabel *epochs_label_, *formula_, *status_;
  QCustomPlot *norms_plot_, *loss_plot_;
  /// The networks; while the job runs only the worker touches it.
  std::shared_ptr<shortcuts::Experiment> experiment_;
  std::array<shortcuts::Curves, 2> curves_;
  int epoch_ = 0;
  int pending_ = 0;          ///< epochs asked for by step() while a job ran
  bool playing_ = false;     ///< training until epochs() (Play or the Train button)
  std::uint64_t run_ = 0;    ///< which experiment the job's posts belong to
  std::atomic<bool> pause_{false};  ///< stop after the current epoch
  QString problem_;
  BackgroundJob job_;
};

}  // namespace gsui
