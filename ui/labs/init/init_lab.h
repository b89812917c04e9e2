#pragma once
// The Initialization lab (issue 12): why the scale of the initial weights matters. Three pages:
// the textbook experiment (a 5-layer MLP of 100 units, 1,000 N(0, 1) inputs: each layer's
// activations and gradients as histograms for N(0, 1), N(0, 0.01²), Xavier and He with sigmoid,
// tanh or ReLU), the grid of every scheme × activation (std per layer), and training on the
// digits once per scheme (loss curves overlaid; zeros keep every unit identical). Every number
// comes from core: spec::build_model with the scheme's "init", a real forward and backward.
#include "app/tabbed_lab.h"

namespace gsui {

class LayerHistogramsPage;
class SchemeGridPage;
class InitTrainingPage;

class InitLab : public TabbedLab {
  Q_OBJECT
 public:
  explicit InitLab(QWidget* parent = nullptr);
  /// Play steps the current page on the window's timer (Step = Play's one tick).
  bool playsItself() const override { return false; }
  /// The pages' ids, in tab order.
  inline static const QStringList kPages = {"activations", "grid", "training"};

  LayerHistogramsPage* histogramsPage() const { return histograms_; }
  SchemeGridPage* gridPage() const { return grid_; }
  InitTrainingPage* trainingPage() const { return training_; }

 private:
  LayerHistogramsPage* histograms_;
  SchemeGridPage* grid_;
  InitTrainingPage* training_;
};

}  // namespace gsui
