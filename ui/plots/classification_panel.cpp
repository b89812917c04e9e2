#include "plots/classification_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/palette.h"
#include "metrics/metrics.h"
#include "plots/plot_style.h"

namespace gsui {

ClassificationPanel::ClassificationPanel(QWidget* parent) : QWidget(parent) {
  roc_plot_ = makePlot(QString(), QString(), this);
  roc_plot_->xAxis->ticker()->setTickCount(3);  // 0, 0.5, 1: readable in a narrow plot
  addPlotTitle(roc_plot_);
  confusion_ = new QTableWidget(2, 2, this);
  confusion_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  confusion_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  confusion_->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  threshold_label_ = new QLabel(this);
  threshold_ = new QSlider(Qt::Horizontal, this);
  threshold_->setObjectName("threshold");
  threshold_->setRange(0, 100);
  threshold_->setValue(50);
  auto* matrix = new QVBoxLayout;
  matrix->addWidget(confusion_, 1);
  matrix->addWidget(threshold_label_);
  matrix->addWidget(threshold_);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(roc_plot_, 1);
  layout->addLayout(matrix, 1);
  connect(threshold_, &QSlider::valueChanged, this, [this] {
    redraw();
    emit thresholdChanged(threshold());
  });
  retranslate();
}

double ClassificationPanel::threshold() const { return threshold_->value() / 100.0; }
void ClassificationPanel::setThreshold(double t) { threshold_->setValue(static_cast<int>(std::lround(t * 100))); }

void ClassificationPanel::showBinary(const std::vector<int>& labels, const std::vector<double>& scores) {
  shown_ = Shown::Binary;
  labels_ = labels;
  scores_ = scores;
  redraw();
}

void ClassificationPanel::showClasses(const std::vector<std::int64_t>& targets, const std::vector<std::int64_t>& predictions, int classes) {
  shown_ = Shown::Classes;
  targets_ = targets;
  predictions_ = predictions;
  classes_ = classes;
  redraw();
}

void ClassificationPanel::showRegression(const std::vector<double>& truth, const std::vector<double>& predictions) {
  shown_ = Shown::Regression;
  truth_ = truth;
  values_ = predictions;
  redraw();
}

void ClassificationPanel::redraw() {
  roc_plot_->clearGraphs();
  roc_plot_->clearItems();
  threshold_label_->setText(tr("Threshold %1").arg(threshold(), 0, 'f', 2));
  const bool binary = shown_ == Shown::Binary && !scores_.empty() && scores_.size() == labels_.size() &&
                      std::count(labels_.begin(), labels_.end(), 1) > 0 && std::count(labels_.begin(), labels_.end(), 0) > 0;
  threshold_->setVisible(shown_ != Shown::Regression);
  threshold_label_->setVisible(shown_ != Shown::Regression);
  roc_plot_->xAxis->setLabel(tr("false positive rate"));
  roc_plot_->yAxis->setLabel(tr("true positive rate"));
  roc_plot_->xAxis->setRange(0, 1);
  roc_plot_->yAxis->setRange(0, 1.02);
  if (binary) drawBinary();
  else if (shown_ == Shown::Regression && !values_.empty() && values_.size() == truth_.size()) drawRegression();
  else if (shown_ != Shown::Nothing && !predictions_.empty()) drawClasses();
  roc_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ClassificationPanel::drawBinary() {
  const Appearance& a = Appearance::instance();
  const gs::metrics::Curve roc = gs::metrics::roc_curve(labels_, scores_);
  QCPGraph* g = roc_plot_->addGraph();
  g->setPen(QPen(a.seriesColor(0), 2 * a.scale()));
  for (std::size_t i = 0; i < roc.x.size(); ++i) g->addData(roc.x[i], roc.y[i]);
  QCPGraph* diagonal = roc_plot_->addGraph();
  diagonal->setPen(QPen(a.gridColor().darker(140), 1, Qt::DashLine));
  diagonal->addData(0, 0);
  diagonal->addData(1, 1);
  const gs::metrics::BinaryScores b = gs::metrics::binary_scores(labels_, scores_, threshold());
  QCPGraph* point = roc_plot_->addGraph();
  point->setLineStyle(QCPGraph::lsNone);
  point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, a.seriesColor(1), 10 * a.scale()));
  point->addData(1 - b.specificity, b.recall);
  setPlotTitle(roc_plot_, tr("ROC (test), AUC = %1").arg(gs::metrics::auc(roc.x, roc.y), 0, 'f', 3));
  const std::int64_t cells[2][2] = {{b.tn, b.fp}, {b.fn, b.tp}};
  std::vector<std::vector<QString>> text(2, std::vector<QString>(2));
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 2; ++c) text[r][c] = QString::number(cells[r][c]);
  fillTable(text, {tr("true 0"), tr("true 1")}, {tr("pred 0"), tr("pred 1")});
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 2; ++c) {
      QColor cell = r == c ? palette::rightColor() : palette::wrongColor();
      cell.setAlpha(r == c ? 60 : 50);
      confusion_->item(r, c)->setBackground(cell);
    }
}

void ClassificationPanel::drawClasses() {
  setPlotTitle(roc_plot_, tr("ROC needs two classes"));
  const auto m = gs::metrics::confusion_matrix(targets_, predictions_, classes_);
  std::vector<std::vector<QString>> text(classes_, std::vector<QString>(classes_));
  QStringList rows, columns;
  for (int c = 0; c < classes_; ++c) {
    columns << tr("pred %1").arg(c);
    rows << tr("true %1").arg(c);
    for (int r = 0; r < classes_; ++r) text[r][c] = QString::number(m[r][c]);
  }
  fillTable(text, rows, columns);
}

void ClassificationPanel::drawRegression() {
  // No classes, so no ROC: the test points' prediction against their target instead.
  const Appearance& a = Appearance::instance();
  double lo = *std::min_element(truth_.begin(), truth_.end()), hi = *std::max_element(truth_.begin(), truth_.end());
  QCPGraph* g = roc_plot_->addGraph();
  g->setLineStyle(QCPGraph::lsNone);
  // Test points: hollow, as in every lab.
  g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(a.seriesColor(0), 1.2 * a.scale()), QBrush(a.plotBackground()), 6 * a.scale()));
  for (std::size_t i = 0; i < values_.size(); ++i)
    if (std::isfinite(values_[i])) g->addData(truth_[i], values_[i]);
  QCPGraph* diagonal = roc_plot_->addGraph();
  diagonal->setPen(QPen(a.gridColor().darker(140), 1, Qt::DashLine));
  const double pad = 0.1 * std::max(hi - lo, 1e-3);
  lo -= pad;
  hi += pad;
  diagonal->addData(lo, lo);
  diagonal->addData(hi, hi);
  roc_plot_->xAxis->setLabel(tr("true value"));
  roc_plot_->yAxis->setLabel(tr("prediction"));
  roc_plot_->xAxis->setRange(lo, hi);
  roc_plot_->yAxis->setRange(lo, hi);
  setPlotTitle(roc_plot_, tr("Test: prediction vs truth"));
  const double values[3] = {gs::metrics::mean_squared_error(truth_, values_), gs::metrics::mean_absolute_error(truth_, values_),
                            gs::metrics::r2_score(truth_, values_)};
  fillTable({{QString::number(values[0], 'f', 4)}, {QString::number(values[1], 'f', 4)}, {QString::number(values[2], 'f', 4)}},
            {"MSE", "MAE", "R²"}, {tr("test")});
}

void ClassificationPanel::fillTable(const std::vector<std::vector<QString>>& cells, const QStringList& rows, const QStringList& columns) {
  confusion_->setRowCount(static_cast<int>(rows.size()));
  confusion_->setColumnCount(static_cast<int>(columns.size()));
  for (int r = 0; r < rows.size(); ++r)
    for (int c = 0; c < columns.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[r][c]);
      item->setTextAlignment(Qt::AlignCenter);
      confusion_->setItem(r, c, item);
    }
  confusion_->setHorizontalHeaderLabels(columns);
  confusion_->setVerticalHeaderLabels(rows);
}

void ClassificationPanel::retranslate() { redraw(); }

void ClassificationPanel::applyAppearance() {
  stylePlot(roc_plot_);
  redraw();
}

}  // namespace gsui
