#pragma once
// The Metrics lab's multi-class page: a small MLP trained live on iris or wine, and what
// scikit-learn's classification_report prints for its test predictions — precision, recall, F1
// and support per class, accuracy, and the micro, macro and weighted averages — beside the
// confusion matrix. The numbers come from core (metrics::classification_report).
#include <QTimer>
#include <QWidget>

#include "app/training_session.h"
#include "labs/metrics/binary_page.h"
#include "metrics/report.h"

class QComboBox;
class QLabel;
class QTableWidget;

namespace gsui {

class ConfusionGrid;
class ControlGroup;

class MulticlassPage : public QWidget {
  Q_OBJECT
 public:
  using Session = TrainingSession<MetricsFrame>;
  /// The data sets offered, by their core name.
  inline static const QStringList kDatasets = {"iris", "wine"};

  explicit MulticlassPage(QWidget* parent = nullptr);
  ~MulticlassPage() override;
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

  QString dataset() const { return dataset_; }
  /// Trains a new model on `name` (one of kDatasets); false for an unknown name.
  bool setDataset(const QString& name);
  /// The report of the latest frame's test predictions.
  const gs::metrics::ClassificationReport& report() const { return report_; }
  const std::vector<std::int64_t>& targets() const { return frame_->test.targets; }
  const std::vector<std::int64_t>& predictions() const { return frame_->test.predictions; }
  QTableWidget* reportTable() const { return table_; }
  ConfusionGrid* confusionGrid() const { return grid_; }

 signals:
  void codeChanged();
  void message(const QString& text);
  void stoppedPlaying();
  void viewsUpdated();

 protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void fitTableWidth();
  void start(bool pretrain);
  void pull();
  void redraw();

  QWidget* controls_;
  ControlGroup* group_;
  QLabel *dataset_label_, *status_, *caption_, *cell_note_;
  QComboBox* dataset_box_;
  QTableWidget* table_;
  ConfusionGrid* grid_;
  Session session_;
  QTimer display_;
  QString dataset_ = "iris";
  QStringList class_names_;
  std::shared_ptr<const MetricsFrame> frame_;
  gs::metrics::ClassificationReport report_;
  std::int64_t awaited_step_ = 0, steps_per_epoch_ = 1;
  std::uint64_t seen_version_ = 0;
};

}  // namespace gsui
