#include "plots/plot_style.h"

#include <QEvent>
#include <QGridLayout>
#include <QPainter>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/layout_check.h"

namespace gsui {

namespace {

/// As many ticks on a vertical axis as its height holds with a label's gap between labels, and
/// never more than the lab asked for: a short plot under a projector's font shows "0 50", not
/// "0 20 40 60 80" drawn over each other. (Measured after each layout; a change replots once.)
/// Widens the axis rectangle's side margins so that a horizontal axis's first and last tick labels
/// fit inside the plot: QCustomPlot leaves out a label that would cross the widget's edge, and the
/// y axis (without labels, or with narrow ones) does not keep room for half of "−24" under a
/// projector's font. Returns whether a margin changed.
bool fitEndLabels(QCustomPlot* plot) {
  QCPAxisRect* rect = plot->axisRect();
  if (!rect || rect->width() <= 0 || rect->height() <= 0) return false;  // (not laid out yet)
  int need_left = 0, need_right = 0;
  for (QCPAxis* axis : {plot->xAxis, plot->xAxis2}) {
    if (!axis || !axis->visible() || !axis->tickLabels() || axis->tickLabelRotation() != 0) continue;
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    const QFontMetrics metrics(axis->tickLabelFont());
    // (half a character clear of the edge: plots side by side must not read "24 −24" as one)
    const int clear = std::max(2, metrics.averageCharWidth() / 2);
    for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
      if (!axis->range().contains(ticks[i]) || labels[i].isEmpty()) continue;
      const double x = axis->coordToPixel(ticks[i]);
      if (x < rect->left() - 1 || x > rect->right() + 1) continue;  // (ticks of a range not yet drawn)
      const double half = metrics.horizontalAdvance(labels[i]) / 2.0;
      need_left = std::max(need_left, static_cast<int>(std::ceil(rect->left() - (x - half))) + clear);
      need_right = std::max(need_right, static_cast<int>(std::ceil(x + half - plot->viewport().right())) + clear + 1);
    }
  }
  QMargins least = rect->minimumMargins();
  // A margin grows when a label crosses the edge, and gives back what this added when the labels
  // need less (a change of more than a pixel: the labels move with the margin, and must not
  // oscillate).
  const auto settle = [](int& side, int need, int margin) {
    need = std::max(0, need);
    const int to = need > margin ? need : std::min(side, need);
    if (std::abs(side - to) <= 1) return false;
    side = to;
    return true;
  };
  const int margin_left = rect->left(), margin_right = plot->viewport().right() - rect->right();
  int left = least.left(), right = least.right();
  const bool grew_left = settle(left, need_left, margin_left);
  const bool changed = settle(right, need_right + margin_right, margin_right) | grew_left;
  if (!changed) return false;
  least.setLeft(left);
  least.setRight(right);
  rect->setMinimumMargins(least);
  return true;
}

/// Moves the x axis's tick labels down when its first label would sit on the y axis's lowest one
/// ("−2" under "−2" in the corner): far enough for the two to clear. Returns whether it changed.
bool fitCorner(QCustomPlot* plot) {
  QCPAxis *x = plot->xAxis, *y = plot->yAxis;
  QCPAxisRect* rect = plot->axisRect();
  if (!rect || !x || !y || !x->visible() || !y->visible() || !x->tickLabels() || !y->tickLabels() || x->tickLabelRotation() != 0) return false;
  if (rect->width() <= 0 || rect->height() <= 0) return false;  // (not laid out yet: no pixel positions to compare)
  if (!x->property("gsTickLabelPadding").isValid()) x->setProperty("gsTickLabelPadding", x->tickLabelPadding());
  const int base = x->property("gsTickLabelPadding").toInt();
  const QFontMetrics xm(x->tickLabelFont()), ym(y->tickLabelFont());
  // The x label nearest the left edge, and the y label nearest the bottom: do their boxes meet?
  double x_left = 1e9, y_low = -1e9;
  const QVector<double> xt = x->tickVector(), yt = y->tickVector();
  const QVector<QString> xl = x->tickVectorLabels(), yl = y->tickVectorLabels();
  for (int i = 0; i < xt.size() && i < xl.size(); ++i)
    if (x->range().contains(xt[i]) && !xl[i].isEmpty()) x_left = std::min(x_left, x->coordToPixel(xt[i]) - xm.horizontalAdvance(xl[i]) / 2.0);
  for (int i = 0; i < yt.size() && i < yl.size(); ++i)
    if (y->range().contains(yt[i]) && !yl[i].isEmpty()) y_low = std::max(y_low, y->coordToPixel(yt[i]) + ym.height() / 2.0);
  const bool beside = x_left < rect->left() - y->tickLabelPadding() + 2;   // reaches under the y labels
  const double below = y_low - rect->bottom();                             // how far the y label hangs below the axis
  // (never more than a line below where it was: a label hangs half a line under its tick)
  const int padding = beside && below > base - 2 ? std::min(static_cast<int>(std::ceil(below)) + 3, base + ym.height()) : base;
  if (padding == x->tickLabelPadding()) return false;
  x->setTickLabelPadding(padding);
  return true;
}

void fitTickCounts(QCustomPlot* plot) {
  bool changed = false;
  // A category axis (bars named by a text ticker) has no zero: its "zero line" was a stray
  // vertical line through the first bar.
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis})
    if (axis && axis->grid()->zeroLinePen() != Qt::NoPen && axis->ticker().dynamicCast<QCPAxisTickerText>()) {
      axis->grid()->setZeroLinePen(Qt::NoPen);
      changed = true;
    }
  for (QCPAxis* axis : {plot->yAxis, plot->yAxis2}) {
    if (!axis || !axis->visible() || !axis->tickLabels() || !axis->ticker() || axis->axisRect()->height() <= 0) continue;
    QCPAxisTicker& ticker = *axis->ticker();
    // The count the lab set: a new ticker's, or the ticker's own unless it is still the one
    // fitted here last (a lab that sets exactly that count again is not told apart).
    const QVariant fitted = axis->property("gsFittedTickCount");
    const auto id = reinterpret_cast<quintptr>(axis->ticker().data());
    if (!fitted.isValid() || fitted.toInt() != ticker.tickCount() || axis->property("gsFittedTicker").value<quintptr>() != id) {
      axis->setProperty("gsAskedTickCount", ticker.tickCount());
      axis->setProperty("gsFittedTicker", QVariant::fromValue(id));
    }
    const int asked = axis->property("gsAskedTickCount").toInt();
    const int line = QFontMetrics(axis->tickLabelFont()).height();
    const int count = std::clamp(axis->axisRect()->height() / std::max(1, 2 * line), 2, std::max(2, asked));
    axis->setProperty("gsFittedTickCount", count);
    if (count != ticker.tickCount()) {
      ticker.setTickCount(count);
      changed = true;
    }
  }
  if (fitEndLabels(plot)) changed = true;
  if (fitCorner(plot)) changed = true;
  if (changed) plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace

void stylePlot(QCustomPlot* plot) {
  if (!plot->property("gsFitsTicks").toBool()) {
    plot->setProperty("gsFitsTicks", true);
    QObject::connect(plot, &QCustomPlot::afterLayout, plot, [plot] { fitTickCounts(plot); });
  }
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
    // (a frame only inside the axes: a legend in a row of its own under the plot spans the
    // widget's width, and the widget's edges cut its frame's right and bottom sides)
    const bool inset = plot->axisRect() && plot->legend->layout() == plot->axisRect()->insetLayout();
    plot->legend->setBorderPen(inset ? QPen(a.gridColor()) : QPen(Qt::NoPen));
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
  for (const QString& sep : {QStringLiteral(" · "), QStringLiteral(", "), QStringLiteral(": "), QStringLiteral(" ")}) {
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

int readablePlotHeight(const QCustomPlot* plot, int data_height) {
  // Measured on the plot's fonts, not guessed from the scale: a Hangul fallback font is taller.
  int h = data_height >= 0 ? data_height : static_cast<int>(std::ceil(kMinPlotHeight * Appearance::instance().scale()));
  for (const QCPAxis* x : {plot->xAxis, plot->xAxis2}) {
    if (!x->visible()) continue;
    h += QFontMetrics(x->tickLabelFont()).height() + x->tickLabelPadding() + x->tickLengthOut();
    if (!x->label().isEmpty()) h += QFontMetrics(x->labelFont()).height() + x->labelPadding();
  }
  if (const QCPTextElement* t = titleOf(const_cast<QCustomPlot*>(plot)))
    h += QFontMetrics(t->font()).height() * (1 + static_cast<int>(t->text().count('\n'))) + t->margins().top() + t->margins().bottom();
  // A legend in a row of its own under the data (placeLegendBelow): its rows as it lays them out.
  if (plot->legend && plot->legend->visible() && plot->legend->layout() && plot->legend->layout() != plot->axisRect()->insetLayout())
    h += plot->legend->minimumOuterSizeHint().height();
  return h + 28;  // the layout's spacing and outer margins, and half a tick label above the data
}

namespace {

QCPItemText* hintOf(const QCustomPlot* plot) {
  for (int i = 0; i < plot->itemCount(); ++i)
    if (auto* t = qobject_cast<QCPItemText*>(plot->item(i)); t && t->objectName() == QLatin1String("plotHint")) return t;
  return nullptr;
}

/// `text` broken into lines no wider than `width` at `fm`, at spaces.
QString wrapped(const QString& text, const QFontMetrics& fm, int width) {
  QStringList lines;
  QString line;
  for (const QString& word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
    const QString longer = line.isEmpty() ? word : line + ' ' + word;
    if (!line.isEmpty() && fm.horizontalAdvance(longer) > width) {
      lines << line;
      line = word;
    } else {
      line = longer;
    }
  }
  if (!line.isEmpty()) lines << line;
  return lines.join('\n');
}

}  // namespace

QCPItemText* setPlotHint(QCustomPlot* plot, const QString& text) {
  QCPItemText* hint = hintOf(plot);
  if (!hint) {
    hint = new QCPItemText(plot);
    hint->setObjectName(QStringLiteral("plotHint"));
    hint->position->setType(QCPItemPosition::ptAxisRectRatio);
    hint->position->setCoords(0.5, 0.5);
    hint->setPositionAlignment(Qt::AlignCenter);
    hint->setTextAlignment(Qt::AlignCenter);
    hint->setClipToAxisRect(true);
    hint->setPadding(QMargins(6, 4, 6, 4));
    // Wrapped to the axis rectangle at each replot, once the layout has placed it (before the
    // drawing, so the text drawn is the text wrapped).
    QObject::connect(plot, &QCustomPlot::afterLayout, hint, [plot, hint] {
      if (!hint->visible()) return;
      const QFontMetrics fm(hint->font());
      const int width = std::max(60, plot->axisRect()->width() - hint->padding().left() - hint->padding().right() - 2 * fm.averageCharWidth());
      hint->setText(wrapped(hint->property("gsHint").toString(), fm, width));
    });
  }
  const Appearance& a = Appearance::instance();
  QFont font = plot->font();
  font.setPointSizeF(a.fontPointSize());
  hint->setFont(font);
  hint->setColor(a.plotForeground());
  hint->setBrush(QBrush(a.plotBackground()));  // a halo: readable over grid lines and curves
  hint->setProperty("gsHint", text);
  hint->setVisible(!text.isEmpty());
  hint->setText(text);
  return hint;
}

QString plotHint(const QCustomPlot* plot) {
  const QCPItemText* hint = hintOf(plot);
  return hint && hint->visible() ? hint->property("gsHint").toString() : QString();
}

void placeLegendBelow(QCustomPlot* plot, bool columns) {
  plot->legend->setVisible(true);
  plot->legend->setFillOrder(columns ? QCPLayoutGrid::foColumnsFirst : QCPLayoutGrid::foRowsFirst);
  plot->axisRect()->insetLayout()->take(plot->legend);
  // Centred in its row, as narrow as its entries: spread over the plot's width, the entries of
  // two plots side by side read as one legend (whose "plain" is which?).
  auto* row = new QCPLayoutGrid;
  plot->plotLayout()->addElement(plot->plotLayout()->rowCount(), 0, row);
  plot->plotLayout()->setRowStretchFactor(plot->plotLayout()->rowCount() - 1, 0.001);
  row->setColumnSpacing(0);
  row->addElement(0, 0, new QCPLayoutElement(plot));
  row->addElement(0, 1, plot->legend);
  row->addElement(0, 2, new QCPLayoutElement(plot));
  row->setColumnStretchFactors({1.0, 0.001, 1.0});
  plot->legend->setBorderPen(Qt::NoPen);
}

EqualAspectFrame::EqualAspectFrame(QCustomPlot* plot, QWidget* parent) : QWidget(parent), plot_(plot) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  plot_->setParent(this);
  // The margins (title, tick labels) are known after a layout, the ranges when a lab sets them:
  // fit again when either changed the aspect.
  // (A fit's own new geometry lays the plot out at once: its margins may differ from the ones the
  // fit assumed, so that layout too gets a look, a few times at most in a row.)
  connect(plot_, &QCustomPlot::afterLayout, this, [this] { fitLater(); });
  for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis})
    connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
      refits_ = 0;
      fitLater();
    });
}

void EqualAspectFrame::setEqualAspect(bool on) {
  if (equal_ == on) return;
  equal_ = on;
  fit();
}

QSize EqualAspectFrame::sizeHint() const { return static_cast<const QWidget*>(plot_)->sizeHint(); }
QSize EqualAspectFrame::minimumSizeHint() const { return plot_->minimumSize().expandedTo(static_cast<const QWidget*>(plot_)->minimumSizeHint()); }

void EqualAspectFrame::resizeEvent(QResizeEvent*) {
  refits_ = 0;
  fit();
}

void EqualAspectFrame::fitLater() {
  if (queued_) return;
  queued_ = true;
  QMetaObject::invokeMethod(this, [this] {
    queued_ = false;
    const QRect r = plot_->axisRect()->rect();
    const double want = plot_->xAxis->range().size() / std::max(1e-12, plot_->yAxis->range().size());
    // Off by more than a pixel either way: place it again.
    if (equal_ && r.height() > 0 && std::abs(r.width() - want * r.height()) > 1.5 && refits_ < 6) {
      ++refits_;
      fit();
    }
  }, Qt::QueuedConnection);
}

void EqualAspectFrame::placeLegend() {
  // Outside the data: in the margin the aspect leaves, to the right when the room is wider than
  // the data, else underneath; centred there between two empty elements that take the slack (a
  // legend given the whole cell spreads its entries over it).
  QCPLegend* legend = plot_->legend;
  if (!legend_outside_ || !legend || !legend->visible()) return;
  const double xs = plot_->xAxis->range().size(), ys = plot_->yAxis->range().size();
  const bool right = !equal_ || ys <= 0 || width() * ys >= height() * xs;
  legend->setBorderPen(Qt::NoPen);  // (again: stylePlot gives legends a frame)
  if (legend_holder_ && legend_right_ == right) return;
  QCPLayoutGrid* grid = plot_->plotLayout();
  if (legend->layout()) legend->layout()->take(legend);
  if (legend_holder_) {
    grid->remove(legend_holder_);  // (deletes the holder and its spacers; the legend was taken out)
    legend_holder_ = nullptr;
  }
  grid->simplify();
  int row = 0, column = 0;
  for (int r = 0; r < grid->rowCount(); ++r)
    for (int c = 0; c < grid->columnCount(); ++c)
      if (grid->hasElement(r, c) && grid->element(r, c) == plot_->axisRect()) row = r, column = c;
  legend_holder_ = new QCPLayoutGrid;
  legend_right_ = right;
  legend->setBorderPen(Qt::NoPen);
  legend->setMargins(QMargins(4, 2, 4, 2));
  if (right) {
    legend->setWrap(0);  // (before the order: setting the order rearranges the entries by the wrap)
    legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    grid->insertColumn(column + 1);
    grid->addElement(row, column + 1, legend_holder_);
    grid->setColumnStretchFactor(column + 1, 0.001);
    legend_holder_->addElement(0, 0, new QCPLayoutElement(plot_));
    legend_holder_->addElement(1, 0, legend);
    legend_holder_->addElement(2, 0, new QCPLayoutElement(plot_));
    legend_holder_->setRowStretchFactor(1, 0.001);
  } else {
    legend->setWrap(3);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    grid->insertRow(row + 1);
    grid->addElement(row + 1, column, legend_holder_);
    grid->setRowStretchFactor(row + 1, 0.001);
    legend_holder_->addElement(0, 0, new QCPLayoutElement(plot_));
    legend_holder_->addElement(0, 1, legend);
    legend_holder_->addElement(0, 2, new QCPLayoutElement(plot_));
    legend_holder_->setColumnStretchFactor(1, 0.001);
  }
}

void EqualAspectFrame::setLegendOutside(bool on) {
  legend_outside_ = on;
  fit();
}

void EqualAspectFrame::fit() {
  placeLegend();
  QRect to = rect();
  const double xs = plot_->xAxis->range().size(), ys = plot_->yAxis->range().size();
  if (equal_ && xs > 0 && ys > 0) {
    // What the title, the labels and the ticks take (from the last layout: a change of them
    // brings afterLayout and another fit), then the largest rectangle of the ranges' aspect in what is left.
    const QRect axes = plot_->axisRect()->rect();
    const int mw = std::max(0, plot_->width() - axes.width()), mh = std::max(0, plot_->height() - axes.height());
    const double aw = std::max(1, width() - mw), ah = std::max(1, height() - mh), aspect = xs / ys;
    const double w = std::min(aw, ah * aspect), h = w / aspect;
    const QSize size(std::min(width(), static_cast<int>(std::lround(w)) + mw), std::min(height(), static_cast<int>(std::lround(h)) + mh));
    to = QRect(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
  }
  if (plot_->geometry() != to) plot_->setGeometry(to);
  else plot_->replot(QCustomPlot::rpQueuedReplot);
}

AdaptiveGrid::AdaptiveGrid(QWidget* host, Arrangement wide, Arrangement narrow, int narrow_below)
    : QObject(host), host_(host), grid_(new QGridLayout(host)), wide_(std::move(wide)), narrow_arrangement_(std::move(narrow)),
      narrow_below_(narrow_below) {
  grid_->setContentsMargins(4, 4, 4, 4);
  host_->installEventFilter(this);
  apply(false);
}

void AdaptiveGrid::refresh() { apply(host_->width() < narrow_below_ * Appearance::instance().scale()); }

bool AdaptiveGrid::eventFilter(QObject* watched, QEvent* event) {
  if (watched == host_ && event->type() == QEvent::Resize) refresh();
  return false;
}

void AdaptiveGrid::apply(bool narrow) {
  if (applied_ && narrow == narrow_) return;
  applied_ = true;
  narrow_ = narrow;
  for (int c = 0; c < grid_->columnCount(); ++c) grid_->setColumnStretch(c, 0);
  for (int r = 0; r < grid_->rowCount(); ++r) grid_->setRowStretch(r, 0);
  const Arrangement& a = narrow ? narrow_arrangement_ : wide_;
  for (const Place& p : wide_.places) grid_->removeWidget(p.widget);
  for (const Place& p : narrow_arrangement_.places) grid_->removeWidget(p.widget);
  for (const Place& p : a.places) grid_->addWidget(p.widget, p.row, p.column, p.row_span, p.column_span);
  for (std::size_t c = 0; c < a.column_stretch.size(); ++c) grid_->setColumnStretch(static_cast<int>(c), a.column_stretch[c]);
  for (std::size_t r = 0; r < a.row_stretch.size(); ++r) grid_->setRowStretch(static_cast<int>(r), a.row_stretch[r]);
  grid_->invalidate();
}

double pixelsPerUnitX(const QCustomPlot* plot) { return plot->axisRect()->width() / plot->xAxis->range().size(); }
double pixelsPerUnitY(const QCustomPlot* plot) { return plot->axisRect()->height() / plot->yAxis->range().size(); }

namespace {

bool stacks(QChar c) {
  switch (c.script()) {
    case QChar::Script_Hangul:
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana: return true;
    default: return false;
  }
}

// The characters one under another, a space as half a line: the stack's length.
int stackedLength(const QFontMetrics& fm, const QString& text) {
  int length = 0;
  for (QChar c : text) length += c.isSpace() ? fm.height() / 2 : fm.height();
  return length;
}

}  // namespace

bool sideTitleUpright(const QFontMetrics& metrics, const QString& text, int length) {
  const QString t = text.trimmed();
  if (t.isEmpty() || t.size() > 8) return false;  // (a sentence reads better turned)
  if (!std::all_of(t.begin(), t.end(), [](QChar c) { return stacks(c) || c == QLatin1Char(' '); })) return false;
  return stackedLength(metrics, t) <= length;
}

void drawSideTitle(QPainter& painter, const QRect& band, const QString& text) {
  const QFontMetrics fm(painter.font());
  if (sideTitleUpright(fm, text, band.height())) {
    const QString t = text.trimmed();
    int y = band.center().y() + 1 - stackedLength(fm, t) / 2;
    for (QChar c : t) {
      if (c.isSpace()) {
        y += fm.height() / 2;
        continue;
      }
      painter.drawText(QRect(band.left(), y, band.width(), fm.height()), Qt::AlignCenter, QString(c));
      y += fm.height();
    }
    return;
  }
  painter.save();
  painter.translate(band.left(), band.bottom() + 1);
  painter.rotate(-90);
  painter.drawText(QRect(0, 0, band.height(), band.width()), Qt::AlignCenter, text);
  painter.restore();
}

}  // namespace gsui
