// The BinaryPage's drawing: the histogram, the ROC and PR curves, the projection, and the marks
// that follow the threshold (the line, the curve points, the highlighted samples).
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/language.h"
#include "app/palette.h"
#include "app/control_group.h"
#include "labs/metrics/binary_page.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {
constexpr int kBins = 20;
// Plottables by index, as drawHistogram / drawCurves / drawProjection add them.
constexpr int kHighlightBars = 2, kPointGraph = 2, kHighlightGraph = 2;

QColor withAlpha(QColor c, double alpha) {
  c.setAlphaF(alpha);
  return c;
}

QCPScatterStyle disc(const QColor& colour, double size) { return QCPScatterStyle(QCPScatterStyle::ssDisc, colour, size); }
}  // namespace

void BinaryPage::drawHistogram() {
  const Appearance& look = Appearance::instance();
  histogram_->clearPlottables();
  histogram_->clearItems();
  const double width = (hi_ - lo_) / kBins;
  const QStringList names = metrics_lab::classNames(source_);
  // Display binning only (no metric): the count of each class's scores per bin.
  for (int cls = 0; cls < 2; ++cls) {
    auto* bars = new QCPBars(histogram_->xAxis, histogram_->yAxis);
    bars->setName(names.value(cls));
    const QColor colour = palette::classColor(cls);
    bars->setPen(QPen(colour, 1));
    bars->setBrush(withAlpha(colour, 0.45));
    bars->setWidth(width);
    std::vector<double> counts(kBins, 0);
    for (std::size_t i = 0; i < scores_.size(); ++i)
      if (labels_[i] == cls) counts[std::clamp(static_cast<int>((scores_[i] - lo_) / width), 0, kBins - 1)] += 1;
    for (int b = 0; b < kBins; ++b) bars->addData(lo_ + (b + 0.5) * width, counts[b]);
  }
  auto* highlight = new QCPBars(histogram_->xAxis, histogram_->yAxis);
  highlight->setName(tr("selected cell"));
  highlight->setPen(QPen(look.plotForeground(), 2.5 * look.scale()));
  highlight->setBrush(Qt::NoBrush);
  highlight->setWidth(width);
  auto* line = new QCPItemStraightLine(histogram_);
  line->setPen(QPen(look.errorColor(), 2 * look.scale(), Qt::DashLine));
  histogram_->xAxis->setRange(lo_, hi_);
  histogram_->rescaleAxes(true);
  histogram_->xAxis->setRange(lo_, hi_);
  histogram_->yAxis->setRangeLower(0);
  histogram_->yAxis->setRangeUpper(histogram_->yAxis->range().upper * 1.1 + 1);
  histogram_->legend->setVisible(true);
  QFont legend_font = font();
  legend_font.setPointSizeF(legend_font.pointSizeF() * 0.85);
  histogram_->legend->setFont(legend_font);
  histogram_->xAxis->setLabel(tr("score = P(%1)").arg(names.value(1)));
  histogram_->yAxis->setLabel(tr("samples"));
  setPlotTitle(histogram_, tr("Scores of the test samples by actual class"));
}

void BinaryPage::drawCurves() {
  const Appearance& look = Appearance::instance();
  const gs::metrics::Curve roc = gs::metrics::roc_curve(labels_, scores_);
  const gs::metrics::Curve pr = gs::metrics::precision_recall_curve(labels_, scores_);
  const double positive_share = static_cast<double>(std::count(labels_.begin(), labels_.end(), 1)) / static_cast<double>(labels_.size());
  for (QCustomPlot* plot : {roc_, pr_}) {
    plot->clearGraphs();
    const gs::metrics::Curve& c = plot == roc_ ? roc : pr;
    QCPGraph* curve = plot->addGraph();
    curve->setPen(seriesPen(0));
    // Keys must ascend with vertical steps kept in order (a graph would re-sort equal keys): the
    // ROC's FPR already ascends; the PR curve's recall descends, so it is drawn reversed.
    QVector<double> xs(c.x.begin(), c.x.end()), ys(c.y.begin(), c.y.end());
    if (plot == pr_) {
      std::reverse(xs.begin(), xs.end());
      std::reverse(ys.begin(), ys.end());
    }
    curve->setData(xs, ys, true);
    QCPGraph* chance = plot->addGraph();
    chance->setPen(QPen(look.gridColor().darker(140), look.scale(), Qt::DashLine));
    chance->addData(0, plot == roc_ ? 0 : positive_share);
    chance->addData(1, plot == roc_ ? 1 : positive_share);
    QCPGraph* point = plot->addGraph();
    point->setLineStyle(QCPGraph::lsNone);
    point->setScatterStyle(disc(look.errorColor(), 11 * look.scale()));
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0, 1.03);
  }
  roc_->xAxis->setLabel(tr("false positive rate"));
  roc_->yAxis->setLabel(tr("true positive rate"));
  pr_->xAxis->setLabel(tr("recall"));
  pr_->yAxis->setLabel(tr("precision"));
  setPlotTitle(roc_, tr("ROC, AUC = %1").arg(gs::metrics::auc(roc.x, roc.y), 0, 'f', 3));
  setPlotTitle(pr_, tr("PR, AP = %1").arg(gs::metrics::average_precision_score(labels_, scores_), 0, 'f', 3));
}

void BinaryPage::drawProjection() {
  const Appearance& look = Appearance::instance();
  projection_->clearGraphs();
  const QStringList names = metrics_lab::classNames(source_);
  for (int cls = 0; cls < 2; ++cls) {
    QCPGraph* g = projection_->addGraph();
    g->setLineStyle(QCPGraph::lsNone);
    g->setName(names.value(cls));
    g->setScatterStyle(palette::classPoint(cls, true, 6 * look.scale()));  // test samples: hollow, as in every lab
    for (std::size_t i = 0; i < projected_x_.size() && i < labels_.size(); ++i)
      if (labels_[i] == cls) g->addData(projected_x_[i], projected_y_[i]);
  }
  QCPGraph* highlight = projection_->addGraph();
  highlight->setLineStyle(QCPGraph::lsNone);
  highlight->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(look.plotForeground(), 1.8 * look.scale()), Qt::NoBrush, 10 * look.scale()));
  highlight->removeFromLegend();  // the rings of a chosen cell, named by the cell itself
  projection_->rescaleAxes();
  projection_->xAxis->scaleRange(1.1);
  projection_->yAxis->scaleRange(1.1);
  projection_data_x_ = projection_->xAxis->range();
  projection_data_y_ = projection_->yAxis->range();
  projection_->xAxis->setLabel(tr("PC 1"));
  projection_->yAxis->setLabel(tr("PC 2"));
  setPlotTitle(projection_, projected_x_.empty() ? tr("A scores file has no inputs to project") : tr("Inputs projected (PCA)"));
  drawMarks();
}

void BinaryPage::thresholdMoved() {
  highlighted_.clear();
  if (labels_.empty() || scores_.size() != labels_.size()) return;
  const double t = threshold();
  shown_ = gs::metrics::binary_scores(labels_, scores_, t);
  confusion_->setScores(shown_);
  const double values[5] = {shown_.precision, shown_.recall, shown_.f1, shown_.accuracy, shown_.specificity};
  for (int r = 0; r < 5; ++r) metrics_->item(r, 0)->setText(QString::number(values[r], 'f', 3));
  threshold_label_->setText(tr("Threshold %1").arg(t, 0, 'f', 3));
  const BinaryConfusionView::Cell cell = confusion_->selected();
  if (cell != BinaryConfusionView::None) {
    // Predicted positive when score >= threshold: binary_scores' rule, so the cell's count matches.
    std::vector<std::int64_t> actual(labels_.begin(), labels_.end()), predicted;
    for (double s : scores_) predicted.push_back(s >= t ? 1 : 0);
    highlighted_ = gs::metrics::confusion_cell(actual, predicted, BinaryConfusionView::actualOf(cell), BinaryConfusionView::predictedOf(cell));
  }
  drawMarks();
  emit viewsUpdated();
}

void BinaryPage::drawMarks() {
  if (histogram_->plottableCount() > kHighlightBars && histogram_->itemCount() > 0) {
    const double width = (hi_ - lo_) / kBins;
    std::vector<double> counts(kBins, 0);
    for (std::int64_t i : highlighted_)
      if (i < static_cast<std::int64_t>(scores_.size())) counts[std::clamp(static_cast<int>((scores_[i] - lo_) / width), 0, kBins - 1)] += 1;
    auto* bars = static_cast<QCPBars*>(histogram_->plottable(kHighlightBars));
    bars->data()->clear();
    if (highlighted_.empty()) bars->removeFromLegend();
    else bars->addToLegend();
    for (int b = 0; b < kBins; ++b)
      if (counts[b] > 0) bars->addData(lo_ + (b + 0.5) * width, counts[b]);
    auto* line = static_cast<QCPItemStraightLine*>(histogram_->item(0));
    line->point1->setCoords(threshold(), 0);
    line->point2->setCoords(threshold(), 1);
    histogram_->replot(QCustomPlot::rpQueuedReplot);
  }
  if (roc_->graphCount() > kPointGraph) {
    roc_->graph(kPointGraph)->data()->clear();
    roc_->graph(kPointGraph)->addData(1 - shown_.specificity, shown_.recall);
    pr_->graph(kPointGraph)->data()->clear();
    pr_->graph(kPointGraph)->addData(shown_.recall, shown_.precision);
    roc_->replot(QCustomPlot::rpQueuedReplot);
    pr_->replot(QCustomPlot::rpQueuedReplot);
  }
  if (projection_->graphCount() > kHighlightGraph) {
    QCPGraph* g = projection_->graph(kHighlightGraph);
    g->data()->clear();
    for (std::int64_t i : highlighted_)
      if (i < static_cast<std::int64_t>(projected_x_.size())) g->addData(projected_x_[i], projected_y_[i]);
    projection_->replot(QCustomPlot::rpQueuedReplot);
  }
}

QString BinaryPage::presetText(Preset preset) const {
  const QString t = QString::number(presetThreshold(preset), 'f', 2);
  switch (preset) {
    case Preset::CancerScreening:
      return withKoreanParticles(tr("Cancer screening: a missed cancer (FN) can cost a life; a false alarm (FP) costs a second test. So the "
                                    "threshold goes down to %1: recall rises, precision falls.").arg(t));
    case Preset::SpamFiltering:
      return withKoreanParticles(tr("Spam filtering: a real mail lost in the spam folder (FP) hurts more than a spam left in the inbox (FN). "
                                    "So the threshold goes up to %1: precision rises, recall falls.").arg(t));
    case Preset::ClassImbalance: {
      const auto positives = std::count(labels_.begin(), labels_.end(), 1);
      const double share = labels_.empty() ? 0 : 100.0 * static_cast<double>(positives) / static_cast<double>(labels_.size());
      return tr("Class imbalance: only %1 % of these people are sick. A model that always answers \"healthy\" reaches "
                "accuracy %2, yet recall 0: it never finds a sick person. With a rare class, read recall, precision and F1.")
          .arg(share, 0, 'f', 1)
          .arg(shown_.accuracy, 0, 'f', 3);
    }
  }
  return {};
}

void BinaryPage::retranslate() {
  data_group_->setTitle(tr("Data and model"));
  source_label_->setText(tr("Scores from"));
  source_box_->setItemText(0, tr("Breast cancer"));
  source_box_->setItemText(1, tr("Spam-like (10 % spam)"));
  source_box_->setItemText(2, tr("Rare disease (5 % sick)"));
  source_box_->setItemText(3, tr("A scores file (CSV)…"));
  csv_button_->setText(tr("Load scores (CSV)…"));
  preset_group_->setTitle(tr("Presets: the trade-off"));
  preset_buttons_[0]->setText(tr("Cancer screening: recall"));
  preset_buttons_[1]->setText(tr("Spam filtering: precision"));
  preset_buttons_[2]->setText(tr("Class imbalance: accuracy lies"));
  note_->setText(note_preset_ >= 0 ? presetText(static_cast<Preset>(note_preset_)) : tr("A preset sets the threshold and says why."));
  metrics_->setVerticalHeaderLabels({tr("Precision"), tr("Recall (TPR)"), tr("F1"), tr("Accuracy"), tr("Specificity (TNR)")});
  metrics_->item(0, 0)->setToolTip(tr("TP / (TP + FP): of the samples called positive, the share that is"));
  metrics_->item(1, 0)->setToolTip(tr("TP / (TP + FN): of the positive samples, the share found"));
  metrics_->item(2, 0)->setToolTip(tr("2·P·R / (P + R): the harmonic mean of precision and recall"));
  metrics_->item(3, 0)->setToolTip(tr("(TP + TN) / all"));
  metrics_->item(4, 0)->setToolTip(tr("TN / (TN + FP): of the negative samples, the share cleared"));
  slider_->setToolTip(tr("Predicted positive when score ≥ threshold (←/→ move it)"));
  confusion_->setClassNames(metrics_lab::classNames(source_));
  fitMetricsWidth();
  if (!labels_.empty() && scores_.size() == labels_.size()) {
    drawHistogram();
    drawCurves();
    thresholdMoved();
  }
  drawProjection();
  updateStatus();
}

void BinaryPage::fitMetricsWidth() {
  const int width = metrics_->verticalHeader()->sizeHint().width() + metrics_->fontMetrics().horizontalAdvance("0.0000") +
                    2 * metrics_->frameWidth() + 16;
  metrics_->setMinimumWidth(width);
  metrics_->setMaximumWidth(width + metrics_->fontMetrics().horizontalAdvance("0.0"));
  // As tall as its five rows, no taller, under the confusion matrix or beside it.
  metrics_->setFixedHeight(metrics_->rowCount() * (metrics_->fontMetrics().height() + 8) + 2 * metrics_->frameWidth());
  arrangeTop();  // a wider table may no longer fit beside the matrix
}

void BinaryPage::changeEvent(QEvent* event) {
  if (event->type() == QEvent::FontChange) {
    fitMetricsWidth();
    QFont legend_font = font();
    legend_font.setPointSizeF(legend_font.pointSizeF() * 0.85);
    histogram_->legend->setFont(legend_font);
  }
  QWidget::changeEvent(event);
}

void BinaryPage::applyAppearance() {
  for (QCustomPlot* plot : {histogram_, roc_, pr_, projection_}) stylePlot(plot);
  fitPlots();
  retranslate();
}

QList<QPair<QString, QWidget*>> BinaryPage::exportablePlots() const {
  return {{tr("Score histogram"), histogram_}, {tr("ROC curve"), roc_}, {tr("Precision-recall curve"), pr_}, {tr("Projection"), projection_}};
}

}  // namespace gsui
