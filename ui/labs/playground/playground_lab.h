#pragma once
// Playground lab: TensorFlow Playground on GradScope's engine. 2-D data (circle, XOR, gaussian,
// spiral, moons, blobs), input features, an MLP whose layers and neurons you add and remove,
// trained live in a worker thread: the decision boundary over the plane with train and test
// points, loss curves, the confusion matrix and the ROC curve with a threshold slider.
#include <QDialog>
#include <QPointer>
#include <QTimer>
#include <array>
#include <vector>

#include "app/lab.h"
#include "app/training_session.h"
#include "spec/model_spec.h"
#include "labs/playground/neuron_view.h"

class QCheckBox;

class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace gsui {

/// What the worker publishes for the views (copied out; the UI never touches the model).
struct PlaygroundFrame {
  std::int64_t step = 0, epoch = 0;
  double train_loss = 0, test_loss = 0, train_accuracy = -1, test_accuracy = -1;
  std::vector<double> grid;         ///< P(class 1) (binary) or the winning class (multi-class), G×G
  std::vector<double> curve;        ///< 1-D regression: the prediction at each of kCurve x values
  std::vector<double> test_scores;  ///< binary: P(class 1) of each test point
  std::vector<std::int64_t> test_predictions, test_targets;
  std::vector<double> test_values, test_truth;  ///< regression: prediction and target of each test point
  bool diverged = false;
  NeuronMaps neurons;  ///< every neuron's output over the plane and the weights (the network picture)
};

class PlaygroundLab : public Lab {
  Q_OBJECT
 public:
  static constexpr int kGrid = 80;
  static constexpr int kCurve = 200;
  explicit PlaygroundLab(QWidget* parent = nullptr);
  ~PlaygroundLab() override;
  QString labId() const override;
  QWidget* controls() override { return controls_; }
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  bool playsItself() const override { return true; }
  void setPlaying(bool playing) override;
  void step() override;  ///< one epoch
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;

  /// Applies a preset or a saved setup (a version-1 scenario file with "lab": "playground");
  /// returns an error message (nothing changed) or an empty string.
  QString applyPreset(const QString& resource_path);
  static QStringList presetPaths();
  /// The same from JSON already read; `path` names it in messages.
  QString applyScenario(const nlohmann::json& scenario, const QString& path);
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  void setDataset(const QString& name);
  /// "binary" (one logit, sigmoid + BCEWithLogitsLoss), "multiclass" (a logit per class, softmax +
  /// CrossEntropyLoss) or "regression" (MSELoss); the data set decides which are possible.
  QString problemType() const;
  /// Returns false (nothing changes) when the data set does not allow it.
  bool setProblemType(const QString& type);
  /// The 1-D regression sets ("line", "cubic"): y against x₁, the fit drawn as a curve.
  bool oneDimensional() const;
  void setHiddenLayers(const std::vector<int>& neurons);
  std::vector<int> hiddenLayers() const;
  void setBatchNorm(bool on);
  void setDropout(double p);
  void setInitScheme(const QString& scheme);

  /// The network trained, as a model spec: the simple controls' MLP (Linear, BatchNorm1d,
  /// activation, Dropout per hidden layer, then the output Linear), or the network from the
  /// builder. Its input is the chosen features; its last Linear gives 1 value (binary,
  /// regression) or one per class.
  nlohmann::json networkSpec() const;
  /// Trains `spec` from now on (restarting, paused). A plain MLP goes back into the controls;
  /// anything else is kept as the builder's network. Returns the problem, changing nothing, or "".
  QString setNetworkSpec(const nlohmann::json& spec);
  bool customNetwork() const { return !custom_spec_.is_null(); }
  /// Opens the network builder on the current network; Apply / OK train what it shows.
  void editInBuilder();
  QDialog* builderDialog() const { return builder_dialog_; }
  /// The whole setup as a scenario: data (with its features), network, loss, optimizer, batch
  /// size, regularization, seed and the epochs trained so far. `gradscope-cli train` on it
  /// trains the same model on the same batches.
  nlohmann::json scenarioJson() const;
  QString saveScenario(const QString& path) const;  ///< "" on success, else the problem
  /// The noise handed to the data generator (the slider is a percentage of it).
  double generatorNoise() const;
  void setLearningRate(double lr);
  void setThreshold(double t);
  double threshold() const;
  /// Blocks until the worker has done `steps` more steps and published (tests).
  bool trainSteps(int steps, int timeout_ms = 30000);
  PlaygroundFrame frame() const { return frame_; }
  TrainingSession& session() { return session_; }
  QTableWidget* confusionTable() const { return confusion_; }
  QSlider* thresholdSlider() const { return threshold_; }
  NeuronView* neuronView() const { return neuron_view_; }
  QCustomPlot* boundaryPlot() const { return boundary_plot_; }
  /// Frames drawn per second while training (measured over the last second).
  double framesPerSecond() const { return fps_; }
  /// The scores and labels behind the ROC curve and matrix.
  std::vector<int> testLabels() const;

 private:
  void rebuild();  ///< new data and model: the worker restarts, paused
  void stopPlaying();  ///< pauses and tells the window (its Play button)
  void pull();     ///< the display timer: take the latest frame and draw it
  void drawFrame();
  void drawData();
  void updateMetrics();
  std::vector<std::string> chosenFeatures() const;
  int outputCount() const;  ///< of the chosen problem: 1, or one per class
  int classesOfData() const;  ///< 0 for regression sets
  void updateProblemChoices();  ///< enables the problem types and features the data set allows
  /// Puts a plain MLP spec into the controls (signals blocked, no rebuild); false when it is not one.
  bool expressInControls(const gs::spec::ModelSpec& spec);
  void showNetworkSource();

  QWidget* controls_;
  QGroupBox* data_box_;
  QGroupBox* features_box_;
  QGroupBox* network_box_;
  QGroupBox* training_box_;
  QComboBox* preset_;
  QLabel* preset_note_;
  QComboBox* dataset_;
  QComboBox* problem_;
  QPushButton* save_scenario_;
  QPushButton* open_scenario_;
  QLabel* problem_label_;
  QSlider* noise_;
  QLabel* noise_label_;
  QSlider* test_ratio_;
  QLabel* test_ratio_label_;
  QSpinBox* seed_;
  std::vector<QCheckBox*> features_;
  QSpinBox* layers_;
  QLabel* layers_label_;
  std::vector<QSpinBox*> neurons_;
  QComboBox* activation_;
  QLabel* activation_label_;
  QComboBox* init_;
  QLabel* init_label_;
  QComboBox* dropout_;
  QLabel* dropout_label_;
  QCheckBox* batchnorm_;
  QPushButton* edit_network_;
  QPushButton* simple_network_;
  QLabel* custom_label_;
  nlohmann::json custom_spec_;  ///< the builder's network; null while the controls define it
  double trained_dropout_ = 0;  ///< the Dropout p of the network in the worker (0: no Dropout layers)
  QPointer<QDialog> builder_dialog_;
  QComboBox* optimizer_;
  QLabel* optimizer_label_;
  QComboBox* lr_;
  QLabel* lr_label_;
  QSpinBox* batch_;
  QLabel* batch_label_;
  QComboBox* regularization_;
  QComboBox* reg_rate_;
  QLabel* reg_label_;
  QCheckBox* forget_zero_grad_;
  QCheckBox* show_test_;
  QCheckBox* discretize_;
  QLabel* status_;
  QLabel* speed_;
  QCustomPlot* boundary_plot_;
  QCPColorMap* boundary_;
  QCustomPlot* loss_plot_;
  QCustomPlot* roc_plot_;
  QTableWidget* confusion_;
  QTabWidget* top_tabs_;
  NeuronView* neuron_view_;
  QSlider* threshold_;
  QLabel* threshold_label_;

  TrainingSession session_;
  QTimer display_;
  PlaygroundFrame frame_;
  std::vector<double> train_history_, test_history_, history_steps_;
  std::vector<double> points_x_, points_y_;  ///< train then test points, for drawing
  std::vector<std::int64_t> labels_;
  std::int64_t n_train_ = 0;
  int classes_ = 2;
  bool playing_ = false;
  double fps_ = 0;
  int frames_this_second_ = 0;
  qint64 fps_start_ = 0;
};

}  // namespace gsui
