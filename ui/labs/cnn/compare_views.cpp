#include "labs/cnn/compare_views.h"

#include <QPainter>
#include <algorithm>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "plots/plot_style.h"

namespace gsui {

QImage grayImage(const std::vector<float>& values, std::int64_t height, std::int64_t width) {
  QImage image(static_cast<int>(width), static_cast<int>(height), QImage::Format_Grayscale8);
  for (int y = 0; y < image.height(); ++y) {
    uchar* line = image.scanLine(y);
    for (int x = 0; x < image.width(); ++x) {
      const float v = values[static_cast<std::size_t>(y * image.width() + x)];
      line[x] = static_cast<uchar>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
    }
  }
  return image;
}

void drawAccuracyCurves(QCustomPlot* plot, const std::array<QVector<double>, 2>& accuracy, const QStringList& names, int epochs) {
  plot->clearGraphs();
  double lowest = 100;
  int longest = epochs;
  for (int m = 0; m < 2; ++m) {
    QVector<double> xs;
    for (int e = 1; e <= accuracy[m].size(); ++e) xs << e;
    QCPGraph* g = plot->addGraph();
    g->setName(names.value(m));
    g->setPen(seriesPen(m));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5 + 2 * Appearance::instance().scale()));
    g->setData(xs, accuracy[m], true);
    for (double a : accuracy[m]) lowest = std::min(lowest, a);
    longest = std::max(longest, static_cast<int>(accuracy[m].size()));
  }
  // Whole epochs on the x axis; the y axis from a little below the worst epoch to 100 %.
  QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
  ticker->setTickStep(std::max(1, longest / 8));
  ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
  plot->xAxis->setTicker(ticker);
  plot->xAxis->setRange(0.5, longest + 0.5);
  plot->yAxis->setRange(longest > 0 ? std::max(0.0, std::floor(lowest / 10.0) * 10.0 - 5.0) : 0.0, 100.5);
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void drawShiftBars(QCustomPlot* plot, const ShiftReport& report, const QStringList& names, const QString& shiftTick) {
  plot->clearPlottables();
  plot->clearItems();
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  for (int shift = 0; shift <= kMaxShift; ++shift) ticker->addTick(shift, shiftTick.arg(shift));
  plot->xAxis->setTicker(ticker);
  plot->xAxis->setRange(-0.6, kMaxShift + 0.6);
  plot->xAxis->grid()->setVisible(false);  // (its zero line would cut through the 0 px bars)
  // Up to 135 %: the band above 100 % holds the value labels and the legend; ticks stop at 100.
  QSharedPointer<QCPAxisTickerText> percent(new QCPAxisTickerText);
  for (int p = 0; p <= 100; p += 20) percent->addTick(p, QString::number(p));
  plot->yAxis->setTicker(percent);
  plot->yAxis->setRange(0, 135);
  auto* group = new QCPBarsGroup(plot);
  group->setSpacing(4);
  QFont valueFont = plot->xAxis->tickLabelFont();
  valueFont.setPointSizeF(valueFont.pointSizeF() * 0.8);
  for (int m = 0; m < 2; ++m) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(names.value(m));
    bars->setWidth(0.36);
    bars->setBrush(Appearance::instance().seriesColor(m));
    bars->setPen(Qt::NoPen);
    bars->setBarsGroup(group);
    QVector<double> keys, values;
    for (std::size_t shift = 0; shift < report.accuracy[m].size(); ++shift) {
      keys << static_cast<double>(shift);
      values << report.accuracy[m][shift] * 100.0;
    }
    bars->setData(keys, values, true);
    // The value above each bar: the learner compares numbers, not bar heights.
    for (int i = 0; i < keys.size(); ++i) {
      auto* label = new QCPItemText(plot);
      label->position->setCoords(keys[i] + (m == 0 ? -0.2 : 0.2), values[i]);
      label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
      label->setText(QString::number(values[i], 'f', 0));
      label->setFont(valueFont);
      label->setColor(Appearance::instance().plotForeground());
    }
  }
  plot->replot(QCustomPlot::rpQueuedReplot);
}

ShiftExamplesView::ShiftExamplesView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ShiftExamplesView::setReport(const ShiftReport& report, const QStringList& classNames) {
  examples_ = report.examples;
  class_names_ = classNames;
  update();
}

void ShiftExamplesView::setModelNames(const QStringList& models) {
  models_ = models;
  update();
}

void ShiftExamplesView::clear() {
  examples_.clear();
  update();
}

QSize ShiftExamplesView::sizeHint() const { return {600, fontMetrics().height() * 2 + 80}; }
QSize ShiftExamplesView::minimumSizeHint() const { return {200, fontMetrics().height() * 2 + 56}; }

QString ShiftExamplesView::verdicts(const ShiftReport::Example& example) const {
  QStringList marks;
  for (int m = 0; m < 2; ++m)
    marks << models_.value(m) + (example.predicted[m] == example.label ? QStringLiteral(" ✓") : QStringLiteral(" ✗"));
  return marks.join("  ");
}

int ShiftExamplesView::shownExamples() const {
  if (examples_.empty()) return 0;
  // A pair needs room for its caption and two images of at least 32 pixels.
  const int cell = std::max(fontMetrics().horizontalAdvance(verdicts(examples_.front())), 2 * 32 + 12) + 8;
  return std::clamp(width() / cell, 1, static_cast<int>(examples_.size()));
}

void ShiftExamplesView::paintEvent(QPaintEvent*) {
  const int shown = shownExamples();
  if (shown == 0) return;
  QPainter painter(this);
  const int cellWidth = width() / shown;
  for (int i = 0; i < shown; ++i)
    paintExample(painter, examples_[static_cast<std::size_t>(i)], QRect(i * cellWidth, 0, cellWidth, height()));
}

void ShiftExamplesView::paintExample(QPainter& painter, const ShiftReport::Example& example, const QRect& cell) const {
  const QFontMetrics fm = fontMetrics();
  const int gap = 4;
  // The largest whole multiple of the image's pixels that fits: every image pixel a square.
  const int room = std::min((cell.width() - 3 * gap) / 2, cell.height() - 2 * fm.height() - gap);
  const int w = static_cast<int>(example.width), side = room >= w ? room / w * w : std::max(room, 8);
  const int left = cell.left() + (cell.width() - 2 * side - gap) / 2;
  painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
  const QRect original(left, cell.top(), side, side), shifted(left + side + gap, cell.top(), side, side);
  painter.drawImage(original, grayImage(example.original, example.height, example.width));
  painter.drawImage(shifted, grayImage(example.shifted, example.height, example.width));
  painter.setPen(palette().color(QPalette::Mid));
  painter.drawRect(original.adjusted(0, 0, -1, -1));
  painter.drawRect(shifted.adjusted(0, 0, -1, -1));
  painter.setPen(palette().color(QPalette::WindowText));
  const QRect text(cell.left(), cell.top() + side + 2, cell.width(), fm.height());
  painter.drawText(text, Qt::AlignHCenter, fm.elidedText(class_names_.value(static_cast<int>(example.label)), Qt::ElideRight, cell.width()));
  painter.drawText(text.translated(0, fm.height()), Qt::AlignHCenter, verdicts(example));
}

}  // namespace gsui
