#include "labs/init/scheme_grid_page.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "labs/init/init_code.h"
#include "plots/plot_style.h"

namespace gsui {

namespace {
constexpr int kColumns = 3;
constexpr double kLow = 1e-7, kHigh = 1e5;
}  // namespace

int SchemeGridPage::index(init::Scheme scheme, init::Activation activation) {
  return static_cast<int>(scheme) * kColumns + static_cast<int>(activation);
}

SchemeGridPage::SchemeGridPage(QWidget* parent) : InitPage(parent) {
  heading_ = new QLabel;
  heading_->setWordWrap(true);
  note_ = new QLabel;
  note_->setObjectName("gridNote");
  note_->setWordWrap(true);
  controlsLayout()->addWidget(note_);
  controlsLayout()->addStretch(1);
  auto* grid = new QGridLayout;
  grid->setSpacing(2);
  for (init::Activation a : init::kActivations) {
    auto* header = new QLabel(init::layerType(a));
    header->setAlignment(Qt::AlignCenter);
    grid->addWidget(header, 0, 1 + static_cast<int>(a));
    column_headers_ << header;
  }
  for (init::Scheme s : init::kHistogramSchemes) {
    auto* header = new QLabel;
    header->setWordWrap(true);
    header->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(header, 1 + static_cast<int>(s), 0);
    row_headers_ << header;
    grid->setRowStretch(1 + static_cast<int>(s), 1);
    for (init::Activation a : init::kActivations) {
      QCustomPlot* plot = makePlot(QString(), QString());
      plot->setObjectName(QString("grid_%1_%2").arg(init::info(s).id, init::layerType(a)));
      plot->setProperty("gsSmallMultiple", true);  // twelve cells on one scale, compared with each other
      plot->setMinimumSize(smallMultipleSize());  // in presentation mode too
      plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
      plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
      plot->yAxis->ticker()->setTickCount(3);
      plot->yAxis->setNumberFormat("eb");
      plot->yAxis->setNumberPrecision(0);
      plot->yAxis->setRange(kLow, kHigh);
      plot->xAxis->setRange(0.6, init::kDepth + 0.4);
      plot->xAxis->ticker()->setTickCount(init::kDepth);
      grid->addWidget(plot, 1 + static_cast<int>(s), 1 + static_cast<int>(a));
      cells_ << plot;
      stds_.push_back(init::activationStds(s, a));
    }
  }
  for (int c = 1; c <= kColumns; ++c) grid->setColumnStretch(c, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(heading_);
  layout->addLayout(grid, 1);
  redraw();
}

QString SchemeGridPage::title() const { return tr("Overview"); }

const std::vector<double>& SchemeGridPage::stds(init::Scheme scheme, init::Activation activation) const {
  return stds_[static_cast<std::size_t>(index(scheme, activation))];
}

QCustomPlot* SchemeGridPage::cell(init::Scheme scheme, init::Activation activation) const {
  return cells_[index(scheme, activation)];
}

void SchemeGridPage::redraw() {
  for (int i = 0; i < cells_.size(); ++i) {
    QCustomPlot* plot = cells_[i];
    plot->clearGraphs();
    QCPGraph* graph = plot->addGraph();
    graph->setPen(seriesPen(0));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5 * Appearance::instance().scale()));
    QVector<double> keys, values;
    for (std::size_t k = 0; k < stds_[static_cast<std::size_t>(i)].size(); ++k) {
      keys << static_cast<double>(k + 1);
      values << std::clamp(stds_[static_cast<std::size_t>(i)][k], kLow, kHigh);
    }
    graph->setData(keys, values, true);
    // The band of a healthy scale: std between 0.1 and 1 (shaded).
    plot->clearItems();
    auto* band = new QCPItemRect(plot);
    band->topLeft->setCoords(0.6, 1.0);
    band->bottomRight->setCoords(init::kDepth + 0.4, 0.1);
    QColor fill = Appearance::instance().seriesColor(2);
    fill.setAlpha(50);
    band->setBrush(fill);
    band->setPen(Qt::NoPen);
    band->setLayer("background");
    plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

QString SchemeGridPage::pytorchCode() const { return init::gridCode(); }

QList<QPair<QString, QWidget*>> SchemeGridPage::exportablePlots() const {
  QList<QPair<QString, QWidget*>> plots;
  for (init::Scheme s : init::kHistogramSchemes)
    for (init::Activation a : init::kActivations)
      plots << qMakePair(tr("std per layer, %1, %2").arg(QCoreApplication::translate("InitLab", init::info(s).label), init::layerType(a)),
                         static_cast<QWidget*>(cell(s, a)));
  return plots;
}

void SchemeGridPage::retranslate() {
  heading_->setText(tr("std of each hidden layer's activations, layers 1 to 5 (log scale; shaded: 0.1 to 1)"));
  for (init::Scheme s : init::kHistogramSchemes)
    row_headers_[static_cast<int>(s)]->setText(QCoreApplication::translate("InitLab", init::info(s).label));
  note_->setText(tr("Each cell is the same 5-layer network of 100 units on the same 1,000 inputs. A line that stays in the "
                    "shaded band keeps the signal's scale: Xavier with sigmoid or tanh, He with ReLU. N(0, 0.01²) falls "
                    "towards 0: every value collapses to one (sigmoid's to 0.5); N(0, 1) saturates sigmoid and "
                    "tanh and explodes with ReLU."));
}

void SchemeGridPage::applyAppearance() {
  for (QCustomPlot* plot : cells_) {
    plot->setMinimumSize(smallMultipleSize());  // in presentation mode too
    stylePlot(plot);
  }
  redraw();
}

}  // namespace gsui
