#pragma once
// The overview: every scheme (rows) × activation (columns), the std of each hidden layer's
// activations on a log scale: which combinations keep the signal's scale through 5 layers.
#include <QVector>

#include "labs/init/init_experiment.h"
#include "labs/init/init_page.h"

class QCustomPlot;
class QLabel;

namespace gsui {

class SchemeGridPage : public InitPage {
  Q_OBJECT
 public:
  explicit SchemeGridPage(QWidget* parent = nullptr);
  QString title() const override;
  QString pytorchCode() const override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;

  /// The std per layer of cell (scheme, activation), as plotted.
  const std::vector<double>& stds(init::Scheme scheme, init::Activation activation) const;
  QCustomPlot* cell(init::Scheme scheme, init::Activation activation) const;

 private:
  void redraw();
  static int index(init::Scheme scheme, init::Activation activation);

  QVector<QCustomPlot*> cells_;
  QVector<QLabel*> row_headers_, column_headers_;
  QLabel *heading_, *note_;
  std::vector<std::vector<double>> stds_;
};

}  // namespace gsui
