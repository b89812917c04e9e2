#pragma once
// What the Playground shows of a run: the plane (the decision map under the train and test
// points, or for 1-D data y against x₁ with the network's curve), the network picture and the
// loss curves in tabs, and the ROC + confusion panel. It draws frames; it trains nothing.
//
// A fork (the lab's Fork) adds run B: its plane beside A's, with the one difference in its title,
// and its losses dashed over A's solid ones in the loss plot.
#include <QWidget>
#include <cstdint>
#include <vector>

#include "train/probe.h"

class QCPColorMap;
class QCustomPlot;
class QGridLayout;
class QTabWidget;

namespace gsui {

class ClassificationPanel;
class NeuronView;

/// What the worker publishes for the views (built in the worker; the UI never touches the model).
struct PlaygroundFrame {
  std::int64_t step = 0, epoch = 0;
  double train_loss = 0, test_loss = 0, train_accuracy = -1, test_accuracy = -1;
  std::vector<double> grid;         ///< the decision map (train::decision_map), G×G
  std::vector<double> curve;        ///< 1-D regression: the prediction at each of kCurve x values
  std::vector<double> test_scores;  ///< two classes: P(class 1) of each test point
  std::vector<std::int64_t> test_predictions, test_targets;
  std::vector<double> test_values, test_truth;  ///< regression: prediction and target of each test point
  bool diverged = false;
  gs::train::NeuronMaps neurons;  ///< every neuron's output over the plane and the weights (the network picture)
};

/// The data points as drawn: train points first, then test points.
struct PlanePoints {
  std::vector<double> x, y;             ///< 1-D sets: (x₁, target)
  std::vector<std::int64_t> groups;     ///< colour: the class, or for regression the target's sign
  std::size_t n_train = 0;
  int classes = 2;                      ///< 0: regression
  bool one_d = false;
};

class PlaygroundViews : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kGrid = 80;    ///< the decision map's resolution
  static constexpr int kCurve = 200;  ///< points of a 1-D fit
  static constexpr int kNeuronResolution = 24;

  explicit PlaygroundViews(QWidget* parent = nullptr);
  /// New data (a rebuild): the points, and the loss history starts again.
  void setPoints(const PlanePoints& points);
  /// The points drawn now.
  const PlanePoints& points() const { return points_; }
  /// Draws a frame; `record` adds its losses to the curves.
  void showFrame(const PlaygroundFrame& frame, const QStringList& input_names, bool record);
  void setShowTest(bool on);
  void setDiscretize(bool on);
  /// Shows or hides run B: its plane beside A's and its losses, dashed, over A's. B's loss history
  /// starts as a copy of A's (B is A until the fork). `difference` names what B changed ("lr 0.03").
  void setFork(bool on, const QString& difference = {});
  void setForkDifference(const QString& difference);
  bool forked() const { return forked_; }
  /// Draws B's frame; `record` adds its losses to B's curves.
  void showForkFrame(const PlaygroundFrame& frame, bool record);
  const PlaygroundFrame& forkFrame() const { return fork_frame_; }

  QCustomPlot* boundaryPlot() const { return a_.plot; }
  QCustomPlot* forkPlot() const { return b_.plot; }
  QWidget* forkPlane() const { return b_.frame; }
  QCustomPlot* lossPlot() const { return loss_plot_; }
  NeuronView* neuronView() const { return neuron_view_; }
  ClassificationPanel* metrics() const { return metrics_; }
  void retranslate();
  void applyAppearance();

 private:
  /// One run's plane: the decision map under the points (1-D: the fitted curve), at a 1:1 aspect.
  struct Plane {
    QWidget* frame = nullptr;  ///< an EqualAspectFrame holding `plot`
    QCustomPlot* plot = nullptr;
    QCPColorMap* map = nullptr;
  };
  Plane makePlane();
  void drawMap();
  void drawPlane(Plane& plane, const PlaygroundFrame& frame, const QString& run);
  void drawPoints(Plane& plane, const PlaygroundFrame& frame);
  void drawCurve(Plane& plane, const PlaygroundFrame& frame, double lo, double hi);
  void drawLoss();
  void drawMetrics();
  /// The planes, the tabs and the metrics in the grid: A | tabs over the metrics, or with a fork
  /// A | B over tabs | metrics.
  void placeWidgets();

  QGridLayout* grid_;
  Plane a_, b_;
  QCustomPlot* loss_plot_;
  QTabWidget* tabs_;
  NeuronView* neuron_view_;
  ClassificationPanel* metrics_;
  PlanePoints points_;
  PlaygroundFrame frame_, fork_frame_;
  QStringList input_names_;
  std::vector<double> train_history_, test_history_, history_steps_;
  std::vector<double> fork_train_history_, fork_test_history_, fork_history_steps_;
  QString fork_difference_;
  bool show_test_ = true, discretize_ = false, forked_ = false;
};

}  // namespace gsui
