#pragma once
// The CNN lab (issue "The CNN lab"): a convolution stepped cell by cell, a CNN trained live on
// digits or Fashion-MNIST with views inside it, and an MLP against a CNN on the same images.
// Each part is a page (a tab) with its own controls; the lab forwards to the current one.
#include <QVector>

#include "app/lab.h"

class QStackedWidget;
class QTabWidget;

namespace gsui {

class CnnPage;
class ConvolutionPage;
class CnnTrainPage;
class CnnComparePage;

class CnnLab : public Lab {
  Q_OBJECT
 public:
  explicit CnnLab(QWidget* parent = nullptr);
  ~CnnLab() override;
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  bool playsItself() const override { return true; }
  void setPlaying(bool playing) override;
  void step() override;
  bool canStep() const override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  /// The pages' ids, in tab order.
  inline static const QStringList kPages = {"convolution", "train", "compare"};
  QStringList pageIds() const override { return kPages; }
  bool showPage(const QString& id) override;
  bool busy() const override;
  /// The Train page's network, while that page is current (the Compare page trains two).
  bool hasWeights() const override;
  QString saveWeights(const QString& path) override;
  QString loadWeights(const QString& path) override;
  /// A scenario of this lab ("lab": "cnn"): the Train page takes its whole setup (File → Open…).
  QString openFile(const QString& path, const nlohmann::json& json) override;

  QTabWidget* tabs() const { return tabs_; }
  ConvolutionPage* convolutionPage() const { return convolution_; }
  CnnTrainPage* trainPage() const { return train_; }
  CnnComparePage* comparePage() const { return compare_; }
  CnnPage* currentPage() const;

 private:
  void pageChanged(int index);

  QTabWidget* tabs_;
  QStackedWidget* panels_;
  ConvolutionPage* convolution_;
  CnnTrainPage* train_;
  CnnComparePage* compare_;
  QVector<CnnPage*> pages_;
  int current_ = -1;
  bool playing_ = false;
};

}  // namespace gsui
