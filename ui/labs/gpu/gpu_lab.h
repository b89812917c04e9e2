#pragma once
// GPU lab: the same training step (the bench workloads W2 MLP and W3 CNN) timed on the CPU and on
// the GPU for batch sizes 1 … 1024, plotted as milliseconds per step, so the learner sees where the
// GPU overtakes the CPU: each step launches a fixed number of kernels (a fixed cost per launch),
// and only large batches give each launch enough parallel work. The timing runs as a
// BackgroundJob; without a GPU the lab says why and measures the CPU alone.
#include <QVector>

#include "app/background_job.h"
#include "app/lab.h"

class QComboBox;
class QCPItemText;
class QCustomPlot;
class QGroupBox;
class QLabel;
class QPushButton;

namespace gsui {

class GpuLab : public Lab {
  Q_OBJECT
 public:
  explicit GpuLab(QWidget* parent = nullptr);
  ~GpuLab() override;
  QString pytorchCode() const override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  void reset() override;

  /// The batch sizes measured, in order.
  static QVector<int> batchSizes();
  /// Starts measuring (no-op while a measurement runs).
  void measure();
  bool measuring() const { return job_.running(); }
  /// Milliseconds per step measured so far, one entry per batch size (NaN: not measured).
  const QVector<double>& cpuMillis() const { return cpu_ms_; }
  const QVector<double>& gpuMillis() const { return gpu_ms_; }
  bool gpuAvailable() const { return gpu_ok_; }
  /// core's English reason why CUDA is unavailable, in the current language where the lab knows it.
  static QString translatedReason(const QString& why);

  QPushButton* measureButton() const { return measure_button_; }
  QComboBox* workloadCombo() const { return workload_; }
  QLabel* deviceLabel() const { return device_label_; }
  QLabel* verdictLabel() const { return verdict_; }
  QCustomPlot* timePlot() const { return plot_; }
  /// The line the empty plot shows before the first point (hidden once one is measured).
  QCPItemText* placeholder() const { return placeholder_; }
  QString placeholderText() const { return placeholder_text_; }

 signals:
  void measured();

 private:
  void redraw();
  void pointMeasured(bool gpu, int index, double ms);

  QGroupBox* box_;
  QComboBox* workload_;
  QPushButton* measure_button_;
  QLabel* device_label_;
  QLabel* status_;
  QLabel* verdict_;
  QCustomPlot* plot_;
  QCPItemText* placeholder_;
  QString placeholder_text_;  ///< what it says, before wrapping to the plot's width
  QVector<double> cpu_ms_, gpu_ms_;
  bool gpu_ok_ = false;
  QString gpu_reason_;
  BackgroundJob job_;  ///< the timing, off the UI thread
};

}  // namespace gsui
