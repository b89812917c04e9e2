#pragma once
// The textbook experiment: a 5-layer MLP of 100 units, 1,000 N(0, 1) inputs; per hidden layer the
// histogram of its activations and, after one backward, of their gradients, with core's mean and
// std. N(0, 1) saturates a sigmoid at 0 and 1, N(0, 0.01²) collapses every activation to one
// value, Xavier (sigmoid, tanh) and He (ReLU) keep them spread.
#include <QVector>

#include "labs/init/init_experiment.h"
#include "labs/init/init_page.h"

class QComboBox;
class QCustomPlot;
class QGridLayout;
class QPushButton;
class QLabel;
class QSpinBox;

namespace gsui {

class ControlGroup;

class LayerHistogramsPage : public InitPage {
  Q_OBJECT
 public:
  explicit LayerHistogramsPage(QWidget* parent = nullptr);
  QString title() const override;
  QString pytorchCode() const override;
  /// A new draw of inputs and weights (the seed + 1).
  void step() override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  /// Gives the word-wrapped headings the height their text needs at the current font and width
  /// (a grid row of stretching plots would otherwise keep them at the height of the normal font).
  void fitHeadings();
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  void setConfiguration(init::Scheme scheme, init::Activation activation, int seed = 0);
  init::Scheme scheme() const;
  init::Activation activation() const;
  /// What the plots show now.
  const init::Experiment& experiment() const { return experiment_; }
  /// The histograms shown, as drawn (activations row, gradients row), layer by layer.
  const QVector<init::Histogram>& shownActivationHistograms() const { return shown_activations_; }
  const QVector<init::Histogram>& shownGradientHistograms() const { return shown_gradients_; }
  QCustomPlot* activationPlot(int layer) const { return activation_plots_[layer]; }
  QCustomPlot* gradientPlot(int layer) const { return gradient_plots_[layer]; }
  QLabel* summary() const { return summary_; }
  /// Whether the page shows one row of histograms at a time (too narrow for five side by side),
  /// and the buttons that choose it (shown only then).
  bool oneRowAtATime() const { return one_row_; }
  QPushButton* showActivationsButton() const { return show_activations_; }
  QPushButton* showGradientsButton() const { return show_gradients_; }

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void recompute();
  void redraw();
  void updateTexts();
  /// Places the histograms: both rows of five where five fit the page's width, else one row.
  void arrange();
  bool fiveFit(int width) const;

  QComboBox *scheme_, *activation_;
  QSpinBox* seed_;
  ControlGroup* group_;
  QLabel *scheme_label_, *activation_label_, *seed_label_, *note_;
  QLabel *activations_heading_, *gradients_heading_, *summary_;
  QVector<QCustomPlot*> activation_plots_, gradient_plots_;
  QWidget* row_choice_;
  QPushButton *show_activations_, *show_gradients_;
  QGridLayout *activations_grid_, *gradients_grid_;
  bool one_row_ = false;
  QVector<init::Histogram> shown_activations_, shown_gradients_;
  init::Experiment experiment_;
};

}  // namespace gsui
