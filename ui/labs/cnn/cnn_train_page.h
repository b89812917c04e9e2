#pragma once
// The CNN lab's Train page: a CNN (a preset, or a network from the builder) trained live on digits
// or Fashion-MNIST in the shared training worker, with views inside it: loss and accuracy, the
// first layer's filters, every layer's feature maps for a chosen test image, a confusion matrix
// whose cells open their images, and a pad to draw on while the model classifies the drawing.
//
// Fork (as in the Playground): run B starts as a bit-exact copy of the run at this step and trains
// in a worker of its own; while forked, the optimizer, learning rate (and its mistake) and batch
// size change B only, and B's loss and test accuracy are drawn dashed over A's.
#include <QTimer>
#include <memory>
#include <optional>

#include "app/background_job.h"
#include "app/training_session.h"
#include "labs/cnn/cnn_page.h"
#include "labs/cnn/cnn_train_frame.h"
#include "labs/cnn/cnn_train_setup.h"
#include "spec/model_spec.h"

class QCheckBox;
class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace gsui {

class ConfusionGrid;
class ControlGroup;
class DrawingPad;
class FeatureMapView;
class ImageGallery;
class ImageStrip;
class ProbabilityBars;

class CnnTrainPage : public CnnPage {
  Q_OBJECT
 public:
  explicit CnnTrainPage(QWidget* parent = nullptr);
  ~CnnTrainPage() override;
  QString title() const override;
  QString pytorchCode() const override;
  void step() override;
  void reset() override;
  void setPlaying(bool playing) override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  void setCurrent(bool current) override;
  /// Loading, or steps asked for and not yet shown.
  bool busy() const override;

  const CnnTrainSetup& setup() const { return setup_; }
  /// Applies a whole setup (the controls follow) and starts a new run.
  void setSetup(const CnnTrainSetup& setup);
  /// A run is built and waiting for Play or Step.
  bool ready() const { return session_.running(); }
  /// Why no run could be built ("" when one is ready or loading).
  QString problem() const { return problem_; }
  TrainingSession<CnnFrame>& session() { return session_; }
  /// The test images the views show, [N, C, H, W] (the run's test set).
  const gs::Tensor& testImages() const { return test_images_; }
  /// Trains on the learner's own images from now on: `folder` holds one subfolder per class of PNG
  /// or JPEG files (torchvision's ImageFolder). Returns the problem (nothing changed) or "".
  QString openImageFolder(const QString& folder);
  /// The class names of the data set trained on (the image folder's subfolders for one).
  QStringList trainClassNames() const;
  /// Opens a model spec (the network builder's file) or a scenario of this lab ("lab": "cnn");
  /// returns the problem (nothing changed) or "".
  QString openNetworkFile(const QString& path);
  /// Takes the network the Network builder lab shows now; the problem (nothing changed) or "".
  QString takeBuilderNetwork();
  /// The network in training, saved to or loaded from a safetensors file in the worker between
  /// two steps (a loaded file redraws the views as a step does); "" or the problem, translated.
  QString saveWeights(const QString& path);
  QString loadWeights(const QString& path);
  /// Redraws from the latest frame if it is new (the display timer calls it 30 times a second).
  void refresh();
  /// Redraws from the latest frame, new or not.
  void showLatestFrame();
  /// Frames drawn since the page was made (for the frame-rate benchmark).
  std::int64_t framesShown() const { return frames_shown_; }

  /// Fork: B is built (the data and model, in the background) and then made a copy of the run as
  /// it is then. Returns the problem (nothing changed) or "": B follows (forkStarted()).
  QString fork();
  /// B stops; the controls show A's settings again.
  void endFork();
  bool forked() const { return fork_base_.has_value(); }
  /// B is built and training (or waiting for Play) beside A.
  bool forkRunning() const { return fork_session_.running(); }
  /// What B changes ("lr 0.01, batch 128"; "no change yet"), or "" without a fork.
  QString forkDifference() const;
  TrainingSession<CnnFrame>& forkSession() { return fork_session_; }
  /// B's latest frame (null before B runs).
  std::shared_ptr<const CnnFrame> forkFrame() const { return fork_session_.latestFrame(); }
  QPushButton* forkButton() const { return fork_button_; }

  ConfusionGrid* confusionGrid() const { return confusion_; }
  ImageGallery* gallery() const { return gallery_; }
  DrawingPad* drawingPad() const { return pad_; }
  ProbabilityBars* probabilityBars() const { return bars_; }
  ImageStrip* imageStrip() const { return strip_; }
  FeatureMapView* featureMaps() const { return maps_; }
  QTableWidget* layerTable() const { return layers_; }
  /// The indices (into testImages()) of the images the gallery shows.
  const std::vector<std::int64_t>& galleryIndices() const { return gallery_indices_; }

 signals:
  /// A new run is ready (or failed: problem() says why).
  void runReady();
  /// B runs beside A (or could not be forked: the status says why).
  void forkStarted();

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  /// What the empty curves will show.
  QString curvesHint() const;
  /// The curves' legend in one row when it fits, else in a column.
  void fitLegend();
  void buildControls();
  void buildView();
  void readControls();
  void showSetup();
  /// Rebuilds the run from setup_: the layer table at once, the data and model in the background.
  void rebuild();
  void runBuilt(std::shared_ptr<gs::spec::Run> run);
  /// No run: the reason in the status line and the status bar.
  void showProblem(const QString& problem);
  void showLayers();
  /// The layer table's problem in the learner's language (core's code and values), naming the layer.
  QString layerProblem(const gs::spec::ShapeReport& report) const;
  void showFrame(const CnnFrame& frame);
  void showCell(int trueClass, int predictedClass);
  void drawingChanged();
  void chooseImage(int index);
  void openNetwork();
  /// "Choose a folder…" (or "Your own images…" with none yet): the folder dialog, then openImageFolder().
  void chooseFolder();
  /// B's run arrived from the background: A's state copied into it, B's knobs applied, B started.
  void forkBuilt(std::shared_ptr<gs::spec::Run> run);
  /// Builds B's run from A's setup in the background (forkBuilt() follows).
  void startForkBuild();
  /// Fork button and B's curves follow forked().
  void showForkState();
  /// B's loss and test accuracy, dashed, from its latest frame.
  void drawFork();

  CnnTrainSetup setup_;
  TrainingSession<CnnFrame> session_;
  BackgroundJob loader_;
  std::shared_ptr<CnnWorkerView> worker_view_;
  gs::Tensor test_images_;
  QString problem_;
  QString layer_problem_;  ///< the network's shape problem, translated ("" when it has none)
  QTimer display_;
  std::uint64_t shown_version_ = 0;
  std::int64_t shown_evaluation_ = -1;
  std::vector<std::int64_t> gallery_indices_;
  std::pair<int, int> cell_{-1, -1};
  bool playing_ = false, updating_ = false;
  std::int64_t steps_asked_ = 0;  ///< by step() since the run started
  std::int64_t frames_shown_ = 0;
  std::uint64_t generation_ = 0;  ///< counts rebuilds: a run built for an older one is dropped
  // Fork: run B, built in the background, then trained in its own worker.
  TrainingSession<CnnFrame> fork_session_;
  BackgroundJob fork_loader_;
  std::optional<CnnTrainSetup> fork_base_;  ///< A's setup while forked (setup_ is B's)
  std::uint64_t fork_generation_ = 0;
  std::uint64_t fork_shown_version_ = 0;
  QCPGraph *fork_loss_ = nullptr, *fork_accuracy_ = nullptr;  ///< B's curves (only while forked)

  // Controls
  ControlGroup *data_group_, *net_group_, *train_group_, *mistake_group_;
  QComboBox *dataset_, *preset_, *optimizer_, *lr_, *batch_;
  QSpinBox* subset_;
  QCheckBox *augment_, *no_flatten_, *lr_too_high_, *wrong_channels_, *folder_color_;
  QComboBox* folder_size_;
  QPushButton *open_network_, *from_builder_, *fork_button_, *choose_folder_;
  QLabel *dataset_label_, *subset_label_, *folder_size_label_, *preset_label_, *optimizer_label_, *lr_label_, *batch_label_, *status_;
  // View
  QCustomPlot* curves_;
  ImageStrip* strip_;
  FeatureMapView* maps_;
  QTabWidget* inside_;
  ConfusionGrid* confusion_;
  ImageGallery* gallery_;
  DrawingPad* pad_;
  ProbabilityBars* bars_;
  QPushButton* clear_pad_;
  QLabel *pad_note_, *strip_label_, *layers_error_;
  QTableWidget* layers_;
};

}  // namespace gsui
