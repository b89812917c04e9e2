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

namespace {

/// The title as it fits `width`: one line when it can, else broken in two at the separator nearest
/// the middle (a narrow plot, a projector's large font), so no title is cut off.
QString fitTitle(const QString& full, const QFont& font, int width) {
  if (width < 80 || full.contains('\n') || QFontMetrics(font).horizontalAdvance(full) <= width - 12) return full;
  for (const QString sep : {QStringLiteral(" · "), QStringLiteral(", "), QStringLiteral(": "), QStringLiteral(" ")}) {
    int best = -1;
    for (int at = full.indexOf(sep); at >= 0; at = full.indexOf(sep, at + 1))
      if (best < 0 || std::abs(at - full.size() / 2) < std::abs(best - full.size() / 2)) best = at;
    if (best < 0) continue;
    const QString head = sep == " · " ? full.left(best) : full.left(best + sep.size()).trimmed();
    return head + '\n' + full.mid(best + sep.size());
  }
  return full;
}

QCPTextElement* titleOf(QCustomPlot* plot) {
  return plot->plotLayout()->elementCount() > 0 ? qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)) : nullptr;
}

/// Re-fits the title when the plot's width changes.
class TitleFitter : public QObject {
 public:
  using QObject::QObject;
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Resize)
      if (auto* plot = qobject_cast<QCustomPlot*>(watched))
        if (QCPTextElement* t = titleOf(plot); t && t->property("fullTitle").isValid()) {
          const QString text = fitTitle(t->property("fullTitle").toString(), t->font(), plot->width());
          if (text != t->text()) {
            t->setText(text);
            plot->replot(QCustomPlot::rpQueuedReplot);
          }
        }
    return false;
  }
};

}  // namespace

void addPlotTitle(QCustomPlot* plot) {
  plot->plotLayout()->insertRow(0);
  plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString()));
  plot->installEventFilter(new TitleFitter(plot));
  stylePlot(plot);
}

void setPlotTitle(QCustomPlot* plot, const QString& title) {
  if (QCPTextElement* t = titleOf(plot)) {
    t->setProperty("fullTitle", title);
    t->setText(fitTitle(title, t->font(), plot->width()));
  }
}

QString plotTitle(QCustomPlot* plot) {
  const QCPTextElement* t = titleOf(plot);
  return t ? t->property("fullTitle").toString() : QString();
}

void placeLegendBelow(QCustomPlot* plot, bool columns) {
  plot->legend->setVisible(true);
  plot->legend->setFillOrder(columns ? QCPLayoutGrid::foColumnsFirst : QCPLayoutGrid::foRowsFirst);
  plot->axisRect()->insetLayout()->take(plot->legend);
  plot->plotLayout()->addElement(plot->plotLayout()->rowCount(), 0, plot->legend);
  plot->plotLayout()->setRowStretchFactor(plot->plotLayout()->rowCount() - 1, 0.001);
  plot->legend->setBorderPen(Qt::NoPen);
}

}  // namespace gsui
