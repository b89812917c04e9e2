#pragma once
// What the Playground shows of a run: the plane (the decision map under the train and test
// points, or for 1-D data y against x₁ with the network's curve), the network picture and the
// loss curves in tabs, and the ROC + confusion panel. It draws frames; it trains nothing.
#include <QWidget>
#include <cstdint>
#include <vector>

#include "train/probe.h"

class QCPColorMap;
class QCustomPlot;
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

  QCustomPlot* boundaryPlot() const { return boundary_plot_; }
  QCustomPlot* lossPlot() const { return loss_plot_; }
  NeuronView* neuronView() const { return neuron_view_; }
  ClassificationPanel* metrics() const { return metrics_; }
  void retranslate();
  void applyAppearance();

 private:
  void drawMap();
  void drawPoints();
  void drawCurve(double lo, double hi);
  void drawLoss();
  void drawMetrics();
  void drawTitle();

  QWidget* plane_;  ///< holds boundary_plot_ at a 1:1 data aspect (an EqualAspectFrame)
  QCustomPlot* boundary_plot_;
  QCPColorMap* boundary_;
  QCustomPlot* loss_plot_;
  QTabWidget* tabs_;
  NeuronView* neuron_view_;
  ClassificationPanel* metrics_;
  PlanePoints points_;
  PlaygroundFrame frame_;
  QStringList input_names_;
  std::vector<double> train_history_, test_history_, history_steps_;
  bool show_test_ = true, discretize_ = false;
};

}  // namespace gsui
