#pragma once
// The Metrics lab (issue 14, "Metrics lab"): how good is a classifier? A threshold page (one
// slider driving the histogram, confusion matrix, scores, ROC and PR points and a projection,
// with the cancer / spam / imbalance presets) and a multi-class page (classification_report).
// Each page has its own controls; the lab forwards to the current one.
#include "app/lab.h"

class QStackedWidget;
class QTabWidget;

namespace gsui {

class BinaryPage;
class MulticlassPage;

class MetricsLab : public Lab {
  Q_OBJECT
 public:
  explicit MetricsLab(QWidget* parent = nullptr);
  ~MetricsLab() override;
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  bool playsItself() const override { return true; }
  void setPlaying(bool playing) override;
  void step() override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  /// The pages' ids, in tab order.
  inline static const QStringList kPages = {"threshold", "multiclass"};
  QStringList pageIds() const override { return kPages; }
  bool showPage(const QString& id) override;
  bool busy() const override;

  QTabWidget* tabs() const { return tabs_; }
  BinaryPage* binaryPage() const { return binary_; }
  MulticlassPage* multiclassPage() const { return multiclass_; }

 private:
  void pageChanged(int index);

  QTabWidget* tabs_;
  QStackedWidget* panels_;
  BinaryPage* binary_;
  MulticlassPage* multiclass_;
  int current_ = -1;
  bool playing_ = false;
};

}  // namespace gsui
