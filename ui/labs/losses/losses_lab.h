#pragma once
// The Losses lab (issue 14, "Losses lab"): how wrong is a prediction. Four pages: line fits by
// MSE, MAE and Huber on points the learner drags (loss per sample vs cost, reductions);
// classification losses as curves of the true class's probability, and where softmax and sigmoid
// go; the course's mistakes made on purpose; multi-label vs multi-class. Every loss value,
// gradient and fit comes from core.
#include <QVector>

#include "app/lab.h"

class QStackedWidget;
class QTabWidget;

namespace gsui {

class LossesPage;
class RegressionPage;
class ClassificationPage;
class MistakesPage;
class MultiLabelPage;

class LossesLab : public Lab {
  Q_OBJECT
 public:
  explicit LossesLab(QWidget* parent = nullptr);
  ~LossesLab() override;
  QString pytorchCode() const override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  /// The pages' ids, in tab order.
  inline static const QStringList kPages = {"regression", "classification", "mistakes", "multilabel"};
  QStringList pageIds() const override { return kPages; }
  bool showPage(const QString& id) override;
  QString currentPageId() const;

  QTabWidget* tabs() const { return tabs_; }
  RegressionPage* regressionPage() const { return regression_; }
  ClassificationPage* classificationPage() const { return classification_; }
  MistakesPage* mistakesPage() const { return mistakes_; }
  MultiLabelPage* multiLabelPage() const { return multilabel_; }

 private:
  void pageChanged(int index);

  QTabWidget* tabs_;
  QStackedWidget* panels_;
  RegressionPage* regression_;
  ClassificationPage* classification_;
  MistakesPage* mistakes_;
  MultiLabelPage* multilabel_;
  QVector<LossesPage*> pages_;
  int current_ = -1;
};

}  // namespace gsui
