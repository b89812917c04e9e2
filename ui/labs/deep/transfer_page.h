#pragma once
// The Deep networks lab's transfer-learning page: the shipped base CNN, pretrained by GradScope
// on five Fashion-MNIST classes (resources/scenarios/fashion_base.json → fashion_base.safetensors),
// reused on the five classes it never saw with only a few labelled images of each, in three
// recipes trained side by side in one BackgroundJob:
//   frozen features — the base's convolutions locked (requires_grad = False), a new head trained;
//   fine-tune all   — the base's convolutions as the start, everything trained;
//   from scratch    — the same network from random weights, on the same images.
// The picture shows which layers are locked and the trainable vs frozen parameter counts; the
// plot overlays the three test accuracies per epoch (epoch 0: before training). After training
// the page checks, from the model itself, that the frozen tensors did not change by one bit.
//
// Play trains to the Epochs control (continuing an interrupted run); Pause stops after the epoch
// under way; Step trains one more epoch; Reset starts over.
#include <QVector>
#include <array>
#include <memory>
#include <vector>

#include "app/background_job.h"
#include "app/lab_page.h"
#include "labs/deep/transfer_experiment.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;

namespace gsui {

class ControlGroup;
class ImageGallery;
class NetworkLockView;

class TransferPage : public LabPage {
  Q_OBJECT
 public:
  /// One recipe's results, per epoch from 0 (before training).
  struct Curve {
    std::vector<double> test_accuracy, test_loss, train_loss;
  };

  explicit TransferPage(QWidget* parent = nullptr);
  ~TransferPage() override;
  QString title() const override;
  QString pytorchCode() const override;
  void step() override;
  void reset() override;
  void setPlaying(bool playing) override;
  bool busy() const override { return job_.running() || queued_ > 0; }
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  /// Trains every recipe up to the Epochs control (from where it stopped).
  void train();
  int perClass() const;
  void setPerClass(int per_class);
  int epochs() const;
  void setEpochs(int epochs);
  const Curve& curve(transfer::Recipe r) const { return curves_[static_cast<std::size_t>(r)]; }
  /// After a run reached its epochs: whether every frozen tensor is bit-for-bit the file's, and
  /// whether the head moved. Unset (false, false) before.
  bool frozenUnchanged() const { return frozen_unchanged_; }
  bool headMoved() const { return head_moved_; }
  /// The learnable numbers the frozen recipe trains and locks (as the picture shows them).
  std::int64_t trainableParameters() const { return trainable_; }
  std::int64_t frozenParameters() const { return frozen_; }
  QString problem() const { return problem_; }
  QCustomPlot* accuracyPlot() const { return plot_; }
  NetworkLockView* networkView() const { return network_; }
  ImageGallery* gallery() const { return gallery_; }

 signals:
  /// A job ended (reached its epochs, was paused, or failed).
  void trainingFinished();

 private:
  /// Starts a job: builds the runs when there are none, then trains until `target` epochs.
  void run(int target);
  /// In the job: the data, the three runs, the gallery's images and epoch 0.
  void prepare(BackgroundJob& job, struct TransferRuns& state, int per_class, int epochs);
  void redraw();
  void updateTexts();

  QComboBox* per_class_;
  QSpinBox* epochs_;
  QPushButton* train_;
  ControlGroup *group_, *samples_group_;
  QLabel *per_class_label_, *epochs_label_, *status_;
  NetworkLockView* network_;
  ImageGallery* gallery_;
  QCustomPlot* plot_;
  std::array<Curve, 3> curves_;
  std::vector<transfer::LayerBox> boxes_;
  std::int64_t trainable_ = 0, frozen_ = 0;
  bool frozen_unchanged_ = false, head_moved_ = false;
  bool playing_ = false;
  int queued_ = 0;  ///< epochs Step asked for while a job ran
  QString problem_;
  QVector<QPair<QImage, int>> samples_;
  QVector<int> new_classes_;  ///< the Fashion-MNIST class of each new label (5 … 9)  ///< one training image per new class, with its class
  /// The three runs: made and trained by the job only (never touched while it runs).
  std::shared_ptr<struct TransferRuns> runs_;
  BackgroundJob job_;
};

}  // namespace gsui
