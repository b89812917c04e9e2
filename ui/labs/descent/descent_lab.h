#pragma once
// Descent lab: gradient descent on the course's bowl f = a·x² + b·y² (or on the MSE of a line
// fit), with several learning rates at once: one path crawls, one converges, one zig-zags, one
// flies off. Contour + paths, loss per step, and a second view (the iterates against the closed
// form on the bowl; the fitted lines on the data in the line-fit mode), with batch vs SGD vs
// mini-batch. Every path comes from core's optimizers.
#include <array>
#include <vector>

#include "app/lab.h"
#include "app/palette.h"
#include "labs/descent/learning_rate_slider.h"
#include "landscape/landscape.h"
#include "landscape/quadratic.h"
#include "plots/contour_plot.h"

class QCheckBox;
class QCustomPlot;
class QGroupBox;
class QLabel;
class QRadioButton;
class QSlider;
class QSpinBox;
class QTabWidget;

namespace gsui {

class AdaptiveGrid;
class ControlGroup;
class SurfaceView;

class DescentLab : public Lab {
  Q_OBJECT
 public:
  static constexpr int kRates = 4;
  explicit DescentLab(QWidget* parent = nullptr);
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  void step() override;
  void reset() override;
  int playRate() const override { return 8; }
  QString stepReadout() const override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  QList<QPair<QWidget*, QImage>> openGLRenders() const override;
  SurfaceView* surfaceView() const { return surface_; }
  void retranslate() override;
  void applyAppearance() override;

  enum class Mode { Bowl, LineFit };
  void setMode(Mode mode);
  Mode mode() const { return mode_; }
  void setBowl(double a, double b);
  void setLearningRate(int i, double lr);
  double learningRate(int i) const;
  void setStart(double x, double y);
  void setBatchComparison(bool on);
  void setSteps(int steps);
  int currentStep() const { return step_; }
  /// The computed paths: one per different enabled rate (two sliders at the same rate draw one
  /// path, named once in the legends), or batch / SGD / mini-batch.
  const std::vector<PathView>& paths() const { return paths_; }
  /// The colour of rate i's slider label and path: keyed by the rate's value (palette::LearningRateColors).
  QColor rateColor(int i) const { return palette::learningRateColor(rate_colors_[static_cast<std::size_t>(i)]); }
  /// The largest learning rate for which plain GD on the bowl converges: 1 / max(a, b).
  double maxStableRate() const;

  QSlider* aSlider() const { return a_; }
  QSlider* bSlider() const { return b_; }
  LearningRateSlider* rateSlider(int i) const { return rates_[i]; }
  ContourPlot& contour() { return *contour_; }
  QCustomPlot* lossPlot() const { return loss_plot_; }
  QCustomPlot* sidePlot() const { return side_plot_; }
  QLabel* ruleLabel() const { return rule_; }
  QTabWidget* topTabs() const { return top_tabs_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildPlots();
  void buildCostGroup();
  void buildRatesGroup();
  void buildBatchGroup();
  void connectControls();
  void recompute();
  /// The sliders that draw a path: the enabled ones, but only the first of several at one rate.
  std::vector<int> pathSlots() const;
  /// Plain GD on the bowl at each enabled rate; sets up the bowl's contour and surface.
  void computeBowlPaths(int steps);
  /// GD on the line fit at each enabled rate, or batch vs SGD vs mini-batch at one rate.
  void computeLineFitPaths(int steps);
  void redraw();
  void updateValueLabels();
  void drawContour();
  void drawLossCurves();
  void setLossScale(bool log_scale);
  /// Bowl: the steeper coordinate per step against the closed form (1 − 2·a·lr)ᵏ·x₀.
  void drawIterates();
  /// Line fit: the data and the line at four steps of the second path.
  void drawFittedLines();
  /// Which path did what, in words.
  void showStatus();
  double bowlA() const;
  double bowlB() const;
  /// The bowl the sliders set: core's quadratic, with its closed forms.
  gs::landscape::Quadratic bowl() const { return {.a = bowlA(), .b = bowlB()}; }

  ControlGroup* cost_box_;
  QGroupBox* rates_box_;
  ControlGroup* batch_box_;
  QRadioButton* bowl_radio_;
  QRadioButton* fit_radio_;
  QLabel* a_label_;
  QLabel* b_label_;
  QSlider* a_;
  QSlider* b_;
  std::array<QCheckBox*, kRates> rate_on_;
  std::array<LearningRateSlider*, kRates> rates_;
  std::array<QLabel*, kRates> rate_labels_;
  QLabel* rule_;
  QSpinBox* steps_;
  QLabel* steps_label_;
  QCheckBox* log_loss_;
  QCheckBox* compare_batch_;
  QSlider* batch_size_;
  QLabel* batch_label_;
  QLabel* status_;
  AdaptiveGrid* layout_;
  QCustomPlot* contour_plot_;
  QCustomPlot* loss_plot_;
  QCustomPlot* side_plot_;
  std::unique_ptr<ContourPlot> contour_;
  QTabWidget* top_tabs_;
  SurfaceView* surface_;

  Mode mode_ = Mode::Bowl;
  std::array<double, 2> start_{1.6, 0.8};
  std::array<double, 2> fit_start_{-1.0, 2.0};
  gs::landscape::RegressionProblem problem_;
  std::vector<PathView> paths_;
  std::vector<double> path_rates_;  ///< the learning rate of each path (the bowl's and the line fit's)
  palette::LearningRateColors rate_color_memory_{kRates};
  std::vector<int> rate_colors_ = std::vector<int>(kRates, 0);  ///< learning-rate colour of each slider
  int step_ = 0;
  bool whole_ = false;  ///< the whole paths show (before the first Step/Play/Reset)
  bool dragging_ = false;
  QString surface_key_;  ///< the cost the contour and 3-D surface show (rebuilt only when it changes)
};

}  // namespace gsui
