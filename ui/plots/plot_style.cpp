#include "plots/plot_style.h"

#include <qcustomplot.h>

#include "app/appearance.h"

namespace gsui {

void stylePlot(QCustomPlot* plot) {
  const Appearance& a = Appearance::instance();
  const QColor fg = a.plotForeground();
  plot->setBackground(a.plotBackground());
  QFont label = plot->font();
  label.setPointSizeF(a.fontPointSize());
  QFont tick = label;
  tick.setPointSizeF(a.fontPointSize() * 0.9);
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
    axis->setBasePen(QPen(fg, a.scale()));
    axis->setTickPen(QPen(fg, a.scale()));
    axis->setSubTickPen(QPen(fg, a.scale() * 0.7));
    axis->setTickLabelColor(fg);
    axis->setLabelColor(fg);
    axis->setLabelFont(label);
    axis->setTickLabelFont(tick);
    axis->grid()->setPen(QPen(a.gridColor(), 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(a.gridColor().darker(130), 1));
  }
  if (plot->legend) {
    plot->legend->setFont(tick);
    plot->legend->setTextColor(fg);
    plot->legend->setBrush(QBrush(a.plotBackground()));
    plot->legend->setBorderPen(QPen(a.gridColor()));
  }
  for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
    if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i))) {
      QFont f = label;
      f.setBold(true);
      title->setFont(f);
      title->setTextColor(fg);
    }
  }
}

QPen seriesPen(int index, Qt::PenStyle style, double width_factor) {
  QPen pen(Appearance::instance().seriesColor(index), Appearance::instance().lineWidth() * width_factor);
  pen.setStyle(style);
  return pen;
}

QCustomPlot* makePlot(const QString& x_label, const QString& y_label, QWidget* parent) {
  auto* plot = new QCustomPlot(parent);
  plot->setNoAntialiasingOnDrag(true);
  plot->setAntialiasedElements(QCP::aePlottables);
  plot->xAxis->setLabel(x_label);
  plot->yAxis->setLabel(y_label);
  plot->setMinimumSize(220, 160);
  stylePlot(plot);
  return plot;
}

void addPlotTitle(QCustomPlot* plot) {
  plot->plotLayout()->insertRow(0);
  plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString()));
  stylePlot(plot);
}

void setPlotTitle(QCustomPlot* plot, const QString& title) {
  if (auto* t = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0))) t->setText(title);
}

}  // namespace gsui
