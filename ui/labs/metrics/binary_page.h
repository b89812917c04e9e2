#pragma once
// The Metrics lab's threshold page: one binary classifier's test scores and one threshold slider
// that drives every view at once — the score histogram of each class with the threshold line,
// the confusion matrix (TP/FP/FN/TN, counts and rates), precision, recall, F1, accuracy and
// specificity, the current point on the ROC curve (with AUC) and on the PR curve (with average
// precision), and the samples on their first two principal components. Clicking a confusion cell
// highlights its samples in the histogram and the projection. Presets set the threshold the
// course argues for (cancer screening: recall; spam: precision; class imbalance).
// Every number comes from core (metrics::binary_scores, roc_curve, ...); training runs in a
// TrainingSession worker.
#include <QTimer>
#include <qcustomplot.h>
#include <QWidget>
#include <memory>

#include "app/training_session.h"
#include "labs/metrics/binary_confusion_view.h"
#include "labs/metrics/metrics_data.h"

class QBoxLayout;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSlider;
class QTableWidget;
class QVBoxLayout;

namespace gsui {

class ControlGroup;

/// What the worker hands the page: the test set's evaluation after `step` steps.
struct MetricsFrame {
  std::int64_t step = 0, epoch = 0;
  gs::train::Evaluation test;
};

class BinaryPage : public QWidget {
  Q_OBJECT
 public:
  using Session = TrainingSession<MetricsFrame>;
  using Source = metrics_lab::BinarySource;
  enum class Preset { CancerScreening, SpamFiltering, ClassImbalance };
  /// The threshold each preset sets (and why: presetNote()).
  static double presetThreshold(Preset preset);

  explicit BinaryPage(QWidget* parent = nullptr);
  ~BinaryPage() override;
  QWidget* controls() const { return controls_; }
  QString title() const;
  QString pytorchCode() const;
  void setPlaying(bool playing);
  void step();
  void reset();
  bool busy() const;
  QList<QPair<QString, QWidget*>> exportablePlots() const;
  void retranslate();
  void applyAppearance();

  Source source() const { return source_; }
  /// Switches to a model source (not Csv: see loadCsv) and trains it kPretrainEpochs epochs.
  void setSource(Source source);
  /// Shows the scores of a "label,score" file; a problem (returned, naming the row) changes nothing.
  QString loadCsv(const QString& path);
  QString csvPath() const { return csv_path_; }
  double threshold() const;
  /// Moves the slider to the nearest position of `t`.
  void setThreshold(double t);
  void applyPreset(Preset preset);

  // What is shown (tests read these).
  const std::vector<int>& labels() const { return labels_; }
  const std::vector<double>& scores() const { return scores_; }
  /// core's binary_scores at the current threshold.
  const gs::metrics::BinaryScores& shownScores() const { return shown_; }
  /// The samples of the selected confusion cell (empty when none is selected).
  const std::vector<std::int64_t>& highlighted() const { return highlighted_; }
  QSlider* slider() const { return slider_; }
  BinaryConfusionView* confusion() const { return confusion_; }
  QTableWidget* metricsTable() const { return metrics_; }
  QCustomPlot* histogram() const { return histogram_; }
  QCustomPlot* rocPlot() const { return roc_; }
  QCustomPlot* prPlot() const { return pr_; }
  QCustomPlot* projectionPlot() const { return projection_; }
  /// Whether the metrics table stands beside the confusion matrix (a wide page) or under it.
  bool metricsBesideMatrix() const;
  /// Whether only one of ROC and PR is shown (the page is too narrow for both beside the histogram).
  bool oneCurveAtATime() const { return one_curve_; }
  QLabel* presetNote() const { return note_; }
  QComboBox* sourceBox() const { return source_box_; }

 signals:
  void thresholdChanged(double threshold);
  /// Every view was redrawn for new scores or a new threshold.
  void viewsUpdated();
  void codeChanged();
  void message(const QString& text);
  void stoppedPlaying();

 private:
  void buildControls();
  void startTask(bool pretrain);
  void pull();
  /// New scores: the curves, the histogram's bars, the threshold range; then thresholdMoved().
  void scoresChanged();
  /// The threshold or the selected cell moved: matrix, metrics, points, highlights.
  void thresholdMoved();
  void drawHistogram();
  void drawCurves();
  void drawProjection();
  void drawMarks();
  void updateStatus();
  QString presetText(Preset preset) const;
  /// The values column never shrinks below "0.000" beside the longest name (again when fonts change).
  void fitMetricsWidth();

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:

  QWidget* controls_;
  ControlGroup *data_group_, *preset_group_;
  QLabel *source_label_, *status_, *note_, *threshold_label_;
  QComboBox* source_box_;
  QPushButton *csv_button_, *preset_buttons_[3];
  QSlider* slider_;
  BinaryConfusionView* confusion_;
  QTableWidget* metrics_;
  QCustomPlot *histogram_, *roc_, *pr_, *projection_;
  QWidget *roc_box_ = nullptr, *pr_box_ = nullptr, *curve_choice_ = nullptr;
  QPushButton *show_roc_ = nullptr, *show_pr_ = nullptr;
  bool one_curve_ = false;
  QBoxLayout* matrix_and_table_ = nullptr;
  QVBoxLayout* page_layout_ = nullptr;
  /// Least plot sizes at the current scale; ROC and PR side by side where three plots fit the
  /// page's width, else one of them at a time (chosen by two buttons beside the slider).
  void fitPlots();
  /// The metrics table beside the confusion matrix where the page is wide enough for the
  /// projection, the matrix and the table in a row, else under the matrix; beside it, the top
  /// row and the curves share the height evenly (the curves' squares take no more).
  void arrangeTop();

  Session session_;
  QTimer display_;
  Source source_ = Source::BreastCancer;
  metrics_lab::BinaryTask task_;
  std::shared_ptr<const MetricsFrame> frame_;
  std::int64_t awaited_step_ = 0, steps_per_epoch_ = 1;
  std::uint64_t seen_version_ = 0;
  QString csv_path_;
  int note_preset_ = -1;  ///< the preset whose reason the note shows, −1 for none
  std::vector<int> labels_;
  std::vector<double> scores_;
  std::vector<double> projected_x_, projected_y_;
  QCPRange projection_data_x_, projection_data_y_;  ///< what the projection must show, before its 1:1 widening
  double lo_ = 0, hi_ = 1;  ///< the slider's score range
  gs::metrics::BinaryScores shown_;
  std::vector<std::int64_t> highlighted_;
};

}  // namespace gsui
