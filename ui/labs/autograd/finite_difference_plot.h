#pragma once
// The Autograd lab's numerical vs analytic derivative: sum(output) as a function of the leaves,
// and the plot of the central difference's error against the step size h (log-log), where
// truncation error grows to the right and rounding error to the left.
#include <QStringList>
#include <map>
#include <string>
#include <vector>

#include "autograd/gradcheck.h"

class QCustomPlot;
class QWidget;

namespace gsui {

/// sum(output) of a program as a function of its leaves, evaluated afresh on detached copies:
/// the lab's own graph and .grad stay untouched.
struct SumOfOutput {
  gs::DifferentiableFn f;
  std::vector<gs::Tensor> inputs;  ///< detached copies of the leaves, in the lab's leaf order
  std::size_t which = 0;           ///< index of the leaf to differentiate by
};

/// The function for `source` whose leaves `names` take their values from `leaves`.
SumOfOutput sumOfOutput(const std::string& source, const QStringList& names, const std::map<QString, gs::Tensor>& leaves,
                        const QString& leaf_name);

/// An empty error plot: |error| against h, both axes logarithmic, with a title row.
QCustomPlot* makeFiniteDifferencePlot(QWidget* parent);

/// Draws |central difference − analytic| of element 0 of the chosen leaf for h = 1e-15 … 3e-1,
/// and marks the error at the chosen h. Throws gs::Error when the program does.
void plotFiniteDifferenceErrors(QCustomPlot* plot, const SumOfOutput& s, double analytic, double h, double error_at_h);

}  // namespace gsui
