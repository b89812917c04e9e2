#include "labs/metrics/binary_confusion_view.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "app/appearance.h"
#include "app/palette.h"
#include "plots/plot_style.h"

namespace gsui {

BinaryConfusionView::BinaryConfusionView(QWidget* parent) : QWidget(parent) {
  setCursor(Qt::PointingHandCursor);
  setObjectName("confusion");
}

QSize BinaryConfusionView::minimumSizeHint() const {
  const QFontMetrics fm = fontMetrics();
  const int names = std::max(fm.horizontalAdvance(names_.value(0)), fm.horizontalAdvance(names_.value(1)));
  // (the header's two lines, and two rows of cells: a count, bold and 1.25 × the font, over its
  // rate, with a little room; a page short of height gives the ROC and PR curves the rest)
  return {fm.height() + 8 + names + 2 * fm.horizontalAdvance(QStringLiteral("FNR 0.000  ")), static_cast<int>(fm.height() * 7.8) + 8};
}

void BinaryConfusionView::setScores(const gs::metrics::BinaryScores& scores) {
  scores_ = scores;
  update();
}

void BinaryConfusionView::setClassNames(const QStringList& names) {
  names_ = names;
  updateGeometry();
  update();
}

void BinaryConfusionView::setSelected(Cell cell) {
  if (cell == selected_) return;
  selected_ = cell;
  update();
  emit selectedChanged(cell);
}

QRect BinaryConfusionView::gridRect() const {
  // Two text lines on the top (the axis title and the column names). On the left the rotated
  // axis title and the row names written across, as wide as the longer name (at most a third of
  // the width): rotated row names overlap each other when a cell is shorter than its name.
  const int line = fontMetrics().height();
  const int left = line + 6 + rowNamesWidth();
  return QRect(left, 2 * line + 6, width() - left - 2, height() - 2 * line - 8);
}

int BinaryConfusionView::rowNamesWidth() const {
  const QFontMetrics fm = fontMetrics();
  const int widest = std::max(fm.horizontalAdvance(names_.value(0)), fm.horizontalAdvance(names_.value(1)));
  return std::min(widest + fm.averageCharWidth(), width() / 3);
}

QRect BinaryConfusionView::cellRect(Cell cell) const {
  if (cell == None) return {};
  const QRect g = gridRect();
  const int w = g.width() / 2, h = g.height() / 2;
  return {g.left() + predictedOf(cell) * w, g.top() + actualOf(cell) * h, w, h};
}

void BinaryConfusionView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const Appearance& look = Appearance::instance();
  const QRect g = gridRect();
  const int line = fontMetrics().height();
  const QColor text = palette().color(QPalette::WindowText);
  p.setPen(text);
  // Class names elided to their column (a long name in a narrow window).
  const QFontMetrics fm = fontMetrics();
  const QString negative = fm.elidedText(names_.value(0), Qt::ElideRight, g.width() / 2 - 4);
  const QString positive = fm.elidedText(names_.value(1), Qt::ElideRight, g.width() / 2 - 4);
  p.drawText(QRect(g.left(), 0, g.width(), line), Qt::AlignCenter, tr("predicted"));
  p.drawText(QRect(g.left(), line + 2, g.width() / 2, line), Qt::AlignCenter, negative);
  p.drawText(QRect(g.left() + g.width() / 2, line + 2, g.width() / 2, line), Qt::AlignCenter, positive);
  const int names_width = rowNamesWidth() - fm.averageCharWidth() / 2;
  const QRect names(g.left() - names_width - 4, g.top(), names_width, g.height() / 2);
  p.drawText(names, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(names_.value(0), Qt::ElideRight, names_width));
  p.drawText(names.translated(0, g.height() / 2), Qt::AlignRight | Qt::AlignVCenter,
             fm.elidedText(names_.value(1), Qt::ElideRight, names_width));
  drawSideTitle(p, QRect(0, g.top(), line, g.height()), tr("actual"));

  const gs::metrics::BinaryScores& s = scores_;
  // Rates within the actual class: the specificity and recall core computed, and their complements.
  const struct {
    Cell cell;
    const char* name;
    std::int64_t count;
    const char* rate_name;
    double rate;
  } cells[] = {{TN, "TN", s.tn, "TNR", s.specificity},
               {FP, "FP", s.fp, "FPR", 1 - s.specificity},
               {FN, "FN", s.fn, "FNR", 1 - s.recall},
               {TP, "TP", s.tp, "TPR", s.recall}};
  QFont big = font();
  big.setBold(true);
  big.setPointSizeF(font().pointSizeF() * 1.25);
  for (const auto& c : cells) {
    const QRect r = cellRect(c.cell).adjusted(1, 1, -1, -1);
    const bool right = c.cell == TN || c.cell == TP;
    QColor fill = right ? palette::rightColor() : palette::wrongColor();
    fill.setAlphaF(0.15 + 0.5 * std::clamp(c.rate, 0.0, 1.0));
    p.fillRect(r, fill);
    p.setPen(QPen(c.cell == selected_ ? QColor(20, 20, 20) : look.gridColor(), c.cell == selected_ ? 4 * look.scale() : 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    p.setPen(text);
    const QString head = QStringLiteral("%1  %2").arg(QString::fromLatin1(c.name)).arg(c.count);
    QFont fitted = big;  // shrunk until the name and count fit the cell
    while (QFontMetrics(fitted).horizontalAdvance(head) > r.width() - 6 && fitted.pointSizeF() > 6) fitted.setPointSizeF(fitted.pointSizeF() * 0.9);
    p.setFont(fitted);
    // The count over its rate, the two as one block in the middle of the cell.
    const int h = QFontMetrics(fitted).height(), gap = line / 5;
    const int top = r.top() + (r.height() - (h + gap + line)) / 2;
    p.drawText(QRect(r.left(), top, r.width(), h), Qt::AlignCenter, head);
    p.setFont(font());
    p.drawText(QRect(r.left(), top + h + gap, r.width(), line), Qt::AlignCenter,
               QStringLiteral("%1 %2").arg(QString::fromLatin1(c.rate_name)).arg(c.rate, 0, 'f', 3));
  }
}

void BinaryConfusionView::mousePressEvent(QMouseEvent* event) {
  for (Cell c : {TN, FP, FN, TP})
    if (cellRect(c).contains(event->position().toPoint())) {
      setSelected(c == selected_ ? None : c);
      return;
    }
}

void BinaryConfusionView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) updateGeometry();
  QWidget::changeEvent(event);
}

}  // namespace gsui
