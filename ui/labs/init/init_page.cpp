#include "labs/init/init_page.h"

#include <QComboBox>
#include <QCoreApplication>
#include <algorithm>
#include <cmath>

#include "app/appearance.h"
#include "app/layout_check.h"
#include "labs/init/init_experiment.h"

namespace gsui {

QString InitPage::number(double value) {
  if (!std::isfinite(value)) return QString::number(value);
  if (value == 0) return "0";
  if (std::abs(value) < 1e-3 || std::abs(value) >= 1e5) return QString::number(value, 'e', 2);
  // Three significant digits, trailing zeros kept ("0.480", not "0.48"): a row of layers compares
  // digit by digit.
  const int decimals = std::max(0, 2 - static_cast<int>(std::floor(std::log10(std::abs(value)))));
  return QString::number(value, 'f', decimals);
}

void InitPage::fillSchemes(QComboBox* box, bool with_zeros) {
  const int current = box->currentIndex();
  box->clear();
  for (init::Scheme s : init::kTrainingSchemes) {
    if (s == init::Scheme::Zeros && !with_zeros) continue;
    box->addItem(QCoreApplication::translate("InitLab", init::info(s).label), QString(init::info(s).id));
  }
  box->setCurrentIndex(std::max(current, 0));
}

QSize InitPage::smallMultipleSize() {
  const double scale = Appearance::instance().scale();
  return {static_cast<int>(std::ceil(0.6 * kMinPlotWidth * scale)) + 2, static_cast<int>(std::ceil(0.6 * kMinPlotHeight * scale)) + 2};
}

void InitPage::fillActivations(QComboBox* box) {
  if (box->count() > 0) return;  // the layer types are PyTorch's names: not translated
  for (init::Activation a : init::kActivations) box->addItem(init::layerType(a), QString(init::layerType(a)));
}

}  // namespace gsui
