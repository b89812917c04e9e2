#pragma once
// The CNN lab's Train page: a CNN (a preset, or a network from the builder) trained live on digits
// or Fashion-MNIST in the shared training worker, with views inside it: loss and accuracy, the
// first layer's filters, every layer's feature maps for a chosen test image, a confusion matrix
// whose cells open their images, and a pad to draw on while the model classifies the drawing.
#include <QTimer>
#include <memory>

#include "app/background_job.h"
#include "app/training_session.h"
#include "labs/cnn/cnn_page.h"
#include "labs/cnn/cnn_train_frame.h"
#include "labs/cnn/cnn_train_setup.h"
#include "spec/model_spec.h"

class QCheckBox;
class QComboBox;
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

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
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

  // Controls
  ControlGroup *data_group_, *net_group_, *train_group_, *mistake_group_;
  QComboBox *dataset_, *preset_, *optimizer_, *lr_, *batch_;
  QSpinBox* subset_;
  QCheckBox *augment_, *no_flatten_, *lr_too_high_, *wrong_channels_;
  QPushButton *open_network_, *from_builder_;
  QLabel *dataset_label_, *subset_label_, *preset_label_, *optimizer_label_, *lr_label_, *batch_label_, *status_;
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
