#pragma once
// Playground lab: TensorFlow Playground on GradScope's engine. 2-D data (circle, XOR, gaussian,
// spiral, moons, blobs, regression sets), input features, an MLP whose layers and neurons you add
// and remove (or any network from the builder), trained live in a worker thread: the decision
// boundary over the plane with train and test points, the network picture, loss curves, the
// confusion matrix and the ROC curve with a threshold slider.
//
// The lab is a mapper: PlaygroundControls ⇄ playground::Setup ⇄ spec::Scenario. Core builds the
// run from the scenario (spec::make_run: data, features, standardization, model, loss, optimizer,
// Trainer), exactly as `gradscope-cli train` does with the file the setup saves as.
//
// Fork: run B starts as a bit-exact copy of run A (Trainer::copy_state_from in A's worker, between
// two steps) and trains in a worker of its own. While forked the controls are B's: a training knob
// (learning rate, optimizer, batch size, regularization, Dropout's p, the zero_grad mistake) reaches
// B live; another activation forks again from A's current state with it; anything else (the data,
// the layers) is refused, because B would no longer be A with one thing changed.
#include <QDialog>
#include <optional>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <vector>

#include "app/lab.h"
#include "app/training_session.h"
#include "labs/playground/playground_setup.h"
#include "labs/playground/playground_views.h"

class QCustomPlot;
class QSlider;
class QTableWidget;

namespace gsui {

class NeuronView;
class PlaygroundControls;

class PlaygroundLab : public Lab {
  Q_OBJECT
 public:
  using Session = TrainingSession<PlaygroundFrame>;

  explicit PlaygroundLab(QWidget* parent = nullptr);
  ~PlaygroundLab() override;
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  bool playsItself() const override { return true; }
  QString stepReadout() const override;
  void setPlaying(bool playing) override;
  void step() override;  ///< ten training steps
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  /// The network in training: saved and loaded in the worker, between two steps.
  bool hasWeights() const override { return true; }
  QString saveWeights(const QString& path) override;
  QString loadWeights(const QString& path) override;

  /// The presets (resources/presets): Playground scenarios that tell a story.
  static QStringList presetPaths();
  /// Applies a preset or a saved setup (a scenario file with "lab": "playground"); returns an
  /// error message (nothing changed) or "".
  QString applyPreset(const QString& path);
  /// The same from JSON already read; `path` names it in messages.
  QString applyScenario(const nlohmann::json& scenario, const QString& path);
  /// The whole setup as a scenario file: `gradscope-cli train` on it trains the same model on the
  /// same batches, and records the epochs trained so far.
  nlohmann::json scenarioJson() const;
  QString saveScenario(const QString& path) const;  ///< "" on success, else the problem

  /// Trains on the learner's own table from now on (the run restarts, paused). The whole file is
  /// checked first: a bad one changes nothing and its problem is returned, naming the line.
  QString importCsv(const playground::CsvSource& csv);
  /// "Import CSV…": the dialog on the last table; OK imports what it shows.
  void openCsvImport();
  QDialog* csvDialog() const { return csv_dialog_; }

  /// The setup the controls show, and a new one (the run restarts, paused).
  playground::Setup setup() const;
  void setSetup(const playground::Setup& setup);
  void setDataset(const QString& name);
  playground::Problem problemType() const;
  /// False (nothing changes) when the data set does not allow it.
  bool setProblemType(playground::Problem problem);
  bool oneDimensional() const;
  void setHiddenLayers(const std::vector<int>& neurons);
  std::vector<int> hiddenLayers() const;
  void setBatchNorm(bool on);
  void setDropout(double p);
  void setInitScheme(const QString& scheme);
  void setLearningRate(double lr);
  void setThreshold(double t);
  double threshold() const;
  double generatorNoise() const;

  /// The network trained (see playground::networkSpec()).
  gs::spec::ModelSpec networkSpec() const;
  /// Trains `spec` (JSON, as the builder writes it) from now on, restarting paused. A plain MLP
  /// goes back into the simple controls. Returns the problem, changing nothing, or "".
  QString setNetworkSpec(const nlohmann::json& spec);
  bool customNetwork() const;
  /// Opens the network builder on the current network; Apply / OK train what it shows.
  void editInBuilder();
  QDialog* builderDialog() const { return builder_dialog_; }

  /// Fork: run B starts as a copy of the run as it is now (weights, optimizer state, data order,
  /// step). Returns the problem (nothing changed) or "". From now on the controls change B.
  QString fork();
  /// B stops; the controls show A's settings again and A trains on.
  void endFork();
  bool forked() const { return fork_base_.has_value(); }
  /// What B changes from A, as the legend names it ("lr 0.03, ReLU"), or "" without a fork.
  QString forkDifference() const;
  /// The words for what `b` changes from `a` ("lr 0.03", "Adam"; "no change yet").
  static QString difference(const playground::Setup& a, const playground::Setup& b);
  /// Whether `b` is `a` with only training knobs or the activation changed (what a fork may change).
  static bool forkable(const playground::Setup& a, const playground::Setup& b);
  /// A's setup while forked (the controls show B's).
  std::optional<playground::Setup> forkBase() const { return fork_base_; }

  /// Blocks until the worker has done `steps` more steps and published (tests); with a fork,
  /// until both runs have.
  bool trainSteps(int steps, int timeout_ms = 30000);
  /// The frame drawn last.
  const PlaygroundFrame& frame() const { return *frame_; }
  /// B's frame drawn last (A's frame before the fork).
  const PlaygroundFrame& forkFrame() const { return fork_frame_ ? *fork_frame_ : *frame_; }
  Session& session() { return session_; }
  Session& forkSession() { return fork_; }
  PlaygroundControls* playgroundControls() const { return controls_; }
  PlaygroundViews* views() const { return views_; }
  QTableWidget* confusionTable() const;
  QSlider* thresholdSlider() const;
  NeuronView* neuronView() const;
  QCustomPlot* boundaryPlot() const;
  /// Frames drawn per second while training (measured over the last second).
  double framesPerSecond() const { return fps_; }
  QString openFile(const QString& path, const nlohmann::json& json) override;  ///< a Playground scenario (applyScenario)
  QList<QAction*> fileActions() override;  ///< File → Import CSV… (openCsvImport)

 private:
  void connectControls();
  void rebuild();      ///< a new run from the controls' setup: the worker restarts, paused
  void stopPlaying();  ///< pauses and tells the window (its Play button)
  void pull();         ///< the display timer: draw the latest frame when there is a new one
  void changeLearningRate(double lr);
  void changeDropout(double p);
  /// A training knob moved: with a fork, B's setup and the legend follow; the code changes.
  void knobChanged();
  /// The session a training knob changes: B's while forked, else A's.
  Session& active() { return forked() ? fork_ : session_; }
  /// (Re)starts B from A's current state with `b`'s settings; the problem, or "".
  QString startFork(const playground::Setup& b);
  /// A structural change while forked: forks again with it, or refuses it (the controls go back).
  void changeFork();
  /// Draws B's latest frame when there is a new one.
  void pullFork();
  void openSetup();
  void saveSetup();

  PlaygroundControls* controls_;
  PlaygroundViews* views_;
  Session session_;
  Session fork_;  ///< run B while forked
  Session::FrameFn frame_fn_;  ///< the current run's frame function (B's frames are made the same way)
  std::optional<playground::Setup> fork_base_, fork_setup_;  ///< while forked: A's setup, B's setup
  std::shared_ptr<const PlaygroundFrame> fork_frame_;
  std::uint64_t fork_seen_version_ = 0;
  std::int64_t fork_recorded_step_ = -1;
  QTimer display_;
  std::shared_ptr<const PlaygroundFrame> frame_;
  std::uint64_t seen_version_ = 0;
  std::int64_t recorded_step_ = -1;  ///< the step of the last frame in the loss curves
  double trained_dropout_ = 0;       ///< the Dropout p of the network in the worker (0: no Dropout layers)
  QPointer<QDialog> builder_dialog_;
  QPointer<QDialog> csv_dialog_;
  bool playing_ = false;
  double fps_ = 0;
  int frames_this_second_ = 0;
  qint64 fps_start_ = 0;
};

}  // namespace gsui
