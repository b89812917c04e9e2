#pragma once
// The regression page of the Losses lab: points the learner drags, and the lines that MSE, L1
// (MAE) and Huber fit to them, side by side on one scatter; below, the loss of each point under
// one fit (reduction="none"), its mean (the cost) and sum, and what PyTorch returns for each
// reduction. "Make an outlier" moves one point far away: MSE's line swings, L1's holds.
#include <array>
#include <vector>

#include "labs/losses/line_fit.h"
#include "labs/losses/losses_page.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSlider;

namespace gsui {

class ControlGroup;

class RegressionPage : public LossesPage {
  Q_OBJECT
 public:
  /// The fitted losses, in legend order.
  static constexpr std::array<gs::nn::LossKind, 3> kFits = {gs::nn::LossKind::MSE, gs::nn::LossKind::L1,
                                                            gs::nn::LossKind::Huber};
  /// The view's data range (dragged points stay inside it).
  static constexpr double kXMin = 0, kXMax = 10, kYMin = -2, kYMax = 12;
  /// The point "Make an outlier" moves, and where to.
  static constexpr int kOutlierIndex = 7;
  static constexpr SamplePoint kOutlierAt{9.0, -1.5};

  explicit RegressionPage(QWidget* parent = nullptr);
  QString title() const override;
  QString pytorchCode() const override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  /// The eight starting points, near y = 0.8·x + 1.
  static std::vector<SamplePoint> defaultPoints();
  const std::vector<SamplePoint>& points() const { return points_; }
  void setPoints(const std::vector<SamplePoint>& points);
  /// Moves point i (clamped to the view) and refits.
  void movePoint(int i, SamplePoint to);
  void makeOutlier();
  /// The fit of kFits[i].
  const LineFit& fit(int i) const { return fits_[static_cast<std::size_t>(i)]; }
  double delta() const;
  void setDelta(double delta);
  /// The loss whose per-sample bars are shown (index into kFits), and the reduction shown.
  int barsLoss() const;
  QString reduction() const;
  /// The per-point losses of the shown fit (reduction "none"), and its "mean" and "sum".
  const std::vector<double>& perSample() const { return per_sample_; }
  double reducedMean() const { return reduced_mean_; }
  double reducedSum() const { return reduced_sum_; }

  QCustomPlot* scatterPlot() const { return scatter_; }
  QCustomPlot* barsPlot() const { return bars_; }
  QComboBox* reductionBox() const { return reduction_; }
  QComboBox* barsLossBox() const { return bars_loss_; }
  QSlider* deltaSlider() const { return delta_; }
  QPushButton* outlierButton() const { return outlier_; }
  QLabel* reductionResult() const { return result_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildControls();
  void refit();
  void redrawScatter();
  void redrawBars();
  gs::nn::LossOptions lossOptions(int i, const QString& reduction = "mean") const;

  std::vector<SamplePoint> points_;
  std::array<LineFit, 3> fits_{};
  std::vector<double> per_sample_;
  double reduced_mean_ = 0, reduced_sum_ = 0;
  int dragged_ = -1;

  QCustomPlot* scatter_;
  QCustomPlot* bars_;
  ControlGroup* points_group_;
  ControlGroup* huber_group_;
  ControlGroup* bars_group_;
  QLabel* drag_hint_;
  QPushButton* outlier_;
  QPushButton* reset_points_;
  QSlider* delta_;
  QLabel* delta_label_;
  QComboBox* bars_loss_;
  QLabel* bars_loss_label_;
  QComboBox* reduction_;
  QLabel* reduction_label_;
  QLabel* result_;
  QLabel* fits_summary_;
};

}  // namespace gsui
