#pragma once
// The Generalization lab (issue 14, "Generalization lab"): will the model hold on new data?
// Four pages: overfitting caused on purpose (a polynomial's degree on a few noisy points, trained
// live); train / validation / test splits, k-fold cross-validation fold by fold (the same folds and
// numbers as `gradscope-cli cv`) and the bootstrap; the cures (L2, L1, dropout, early stopping,
// augmentation, batch norm) each against the same seed's base run; and a gallery of augmented
// images. Every fit, split, fold, penalty and augmentation comes from core.
#include <QVector>

#include "app/lab.h"

class QStackedWidget;
class QTabWidget;

namespace gsui {

class GenPage;
class OverfittingPage;
class SplitsPage;
class CuresPage;
class AugmentationPage;

class GeneralizationLab : public Lab {
  Q_OBJECT
 public:
  explicit GeneralizationLab(QWidget* parent = nullptr);
  ~GeneralizationLab() override;
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
  inline static const QStringList kPages = {"overfitting", "splits", "cures", "augmentation"};
  QStringList pageIds() const override { return kPages; }
  bool showPage(const QString& id) override;
  bool busy() const override;

  QTabWidget* tabs() const { return tabs_; }
  OverfittingPage* overfittingPage() const { return overfitting_; }
  SplitsPage* splitsPage() const { return splits_; }
  CuresPage* curesPage() const { return cures_; }
  AugmentationPage* augmentationPage() const { return augmentation_; }
  GenPage* currentPage() const;

 private:
  void pageChanged(int index);

  QTabWidget* tabs_;
  QStackedWidget* panels_;
  OverfittingPage* overfitting_;
  SplitsPage* splits_;
  CuresPage* cures_;
  AugmentationPage* augmentation_;
  QVector<GenPage*> pages_;
  int current_ = -1;
  bool playing_ = false;
};

}  // namespace gsui
