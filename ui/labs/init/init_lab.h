#pragma once
// The Initialization lab (issue 12): why the scale of the initial weights matters. Three pages:
// the textbook experiment (a 5-layer MLP of 100 units, 1,000 N(0, 1) inputs: each layer's
// activations and gradients as histograms for N(0, 1), N(0, 0.01²), Xavier and He with sigmoid,
// tanh or ReLU), the grid of every scheme × activation (std per layer), and training on the
// digits once per scheme (loss curves overlaid; zeros keep every unit identical). Every number
// comes from core: spec::build_model with the scheme's "init", a real forward and backward.
#include <QVector>

#include "app/lab.h"

class QStackedWidget;
class QTabWidget;

namespace gsui {

class InitPage;
class LayerHistogramsPage;
class SchemeGridPage;
class InitTrainingPage;

class InitLab : public Lab {
  Q_OBJECT
 public:
  explicit InitLab(QWidget* parent = nullptr);
  ~InitLab() override;
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  void step() override;
  void reset() override;
  bool busy() const override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  /// The pages' ids, in tab order.
  inline static const QStringList kPages = {"activations", "grid", "training"};
  QStringList pageIds() const override { return kPages; }
  bool showPage(const QString& id) override;
  QString currentPageId() const;

  QTabWidget* tabs() const { return tabs_; }
  LayerHistogramsPage* histogramsPage() const { return histograms_; }
  SchemeGridPage* gridPage() const { return grid_; }
  InitTrainingPage* trainingPage() const { return training_; }

 private:
  void pageChanged(int index);

  QTabWidget* tabs_;
  QStackedWidget* panels_;
  LayerHistogramsPage* histograms_;
  SchemeGridPage* grid_;
  InitTrainingPage* training_;
  QVector<InitPage*> pages_;
  int current_ = -1;
};

}  // namespace gsui
