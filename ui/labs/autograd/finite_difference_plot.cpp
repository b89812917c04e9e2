#include "labs/autograd/finite_difference_plot.h"

#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "autograd/expression.h"
#include "ops/functional.h"
#include "plots/plot_style.h"

namespace gsui {

SumOfOutput sumOfOutput(const std::string& source, const QStringList& names, const std::map<QString, gs::Tensor>& leaves,
                        const QString& leaf_name) {
  SumOfOutput out;
  std::vector<std::string> std_names;
  for (const QString& n : names) {
    if (n == leaf_name) out.which = out.inputs.size();
    std_names.push_back(n.toStdString());
    out.inputs.push_back(leaves.at(n).detach().clone());
  }
  out.f = [source, std_names](const std::vector<gs::Tensor>& v) {
    std::map<std::string, gs::Tensor> m;
    for (std::size_t i = 0; i < v.size(); ++i) m[std_names[i]] = v[i];
    return gs::sum(gs::expr::evaluate(source, m).output);
  };
  return out;
}

QCustomPlot* makeFiniteDifferencePlot(QWidget* parent) {
  QCustomPlot* plot = makePlot("h", "|error|", parent);
  plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
  plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
    QSharedPointer<QCPAxisTickerLog> log_ticker(new QCPAxisTickerLog);
    log_ticker->setTickCount(axis == plot->yAxis ? 3 : 6);
    axis->setTicker(log_ticker);
    axis->setNumberFormat("eb");
    axis->setNumberPrecision(0);
  }
  addPlotTitle(plot);
  return plot;
}

void plotFiniteDifferenceErrors(QCustomPlot* plot, const SumOfOutput& s, double analytic, double h, double error_at_h) {
  QVector<double> hs, errs;
  for (int e = -15; e <= -1; ++e) {
    for (double m : {1.0, 3.0}) {
      const double step = m * std::pow(10.0, e);
      const double err = std::abs(gs::central_difference(s.f, s.inputs, s.which, 0, step) - analytic);
      hs << step;
      errs << std::max(err, 1e-17);
    }
  }
  QCPGraph* g = plot->addGraph();
  g->setPen(seriesPen(0));
  g->setData(hs, errs, true);
  QCPGraph* marker = plot->addGraph();
  marker->setLineStyle(QCPGraph::lsNone);
  marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Appearance::instance().seriesColor(1), 12 * Appearance::instance().scale()));
  marker->addData(h, std::max(error_at_h, 1e-17));
  plot->xAxis->setRange(5e-16, 0.5);
  plot->yAxis->setRange(1e-17, 1);
}

}  // namespace gsui
