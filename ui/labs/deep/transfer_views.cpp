#include "labs/deep/transfer_views.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

#include "app/appearance.h"

namespace gsui {

NetworkLockView::NetworkLockView(QWidget* parent) : QWidget(parent) {
  // (as tall as heightForWidth() says: a Fixed policy capped it at the height for sizeHint()'s
  // width, one row of boxes, and cut the second)
  QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  policy.setHeightForWidth(true);
  setSizePolicy(policy);
  connect(&Appearance::instance(), &Appearance::changed, this, [this] { updateGeometry(); update(); });
}

void NetworkLockView::setLayers(const std::vector<transfer::LayerBox>& layers, bool frozen) {
  layers_ = layers;
  frozen_ = frozen;
  updateGeometry();  // (the boxes' names decide whether they take two rows)
  update();
}

void NetworkLockView::setTexts(const QString& frozen, const QString& trained, const QString& head, const QString& parameters) {
  frozen_text_ = frozen;
  trained_text_ = trained;
  head_text_ = head;
  parameters_text_ = parameters;
  updateGeometry();
  update();
}

namespace {
constexpr double kBoxLines = 4.6;  ///< a box: name, detail, parameters, the padlock's row
constexpr double kRowGapLines = 0.8;  ///< between two rows of boxes
constexpr double kDetailSize = 0.92;  ///< a box's detail and count lines, × its name's size
}

int NetworkLockView::legendLines(int width) const {
  const QFontMetrics fm = fontMetrics();
  const int line = fm.height();
  const int first = static_cast<int>(line * 1.4 + 5 + fm.horizontalAdvance(frozen_ ? frozen_text_ : trained_text_) + line);
  const int second = static_cast<int>(line * 1.4 + 5 + fm.horizontalAdvance(head_text_));
  return first + second > width ? 2 : 1;
}

NetworkLockView::Placement NetworkLockView::place(int width, bool two_rows_allowed) const {
  Placement out;
  const QFontMetrics fm = fontMetrics();
  const int n = static_cast<int>(layers_.size());
  out.gap = fm.height() * 0.5;
  // The size at which every name fits a box, as a fraction of the font (never below 55 %).
  const auto fitFor = [&](double box_w) {
    int widest = 1;
    for (const auto& b : layers_)
      widest = std::max({widest, fm.horizontalAdvance(QString::fromStdString(b.type)), static_cast<int>(kDetailSize * fm.horizontalAdvance(QString::fromStdString(b.detail)))});
    double fit = std::clamp((box_w - 6) / widest, 0.55, 1.0);
    QFont name_font = font();
    // (text does not shrink in proportion to its point size: measured again at the size chosen,
    // smaller until every name fits, so that "MaxPool2d" is never cut to "MaxPool…")
    for (;;) {
      name_font.setPointSizeF(font().pointSizeF() * fit);
      const QFontMetricsF nm(name_font);
      bool fits = true;
      QFont detail_font = font();
      detail_font.setPointSizeF(font().pointSizeF() * kDetailSize * fit);
      const QFontMetricsF dm(detail_font);
      for (const auto& b : layers_)
        fits = fits && nm.horizontalAdvance(QString::fromStdString(b.type)) <= box_w - 6 && dm.horizontalAdvance(QString::fromStdString(b.detail)) <= box_w - 6;
      if (fits || fit <= 0.55) break;
      fit = std::max(0.55, fit - 0.03);
    }
    return fit;
  };
  const auto boxWidth = [&](int per_row) { return std::max(10.0, (width - 2.0 - out.gap * (per_row - 1)) / std::max(1, per_row)); };
  out.per_row = std::max(1, n);
  out.box_w = boxWidth(out.per_row);
  out.fit = fitFor(out.box_w);
  // Two rows of boxes where one row would shrink the names below 80 % of the text around them
  // (eight layers in a 1024×768 window's panel: 9 px text).
  if (two_rows_allowed && out.fit < 0.8 && n > 4) {
    const int per_row = (n + 1) / 2;
    const double fit = fitFor(boxWidth(per_row));
    if (fit > out.fit) {
      out.rows = 2;
      out.per_row = per_row;
      out.box_w = boxWidth(per_row);
      out.fit = fit;
    }
  }
  return out;
}

int NetworkLockView::heightFor(int width, bool two_rows_allowed) const {
  const QFontMetrics fm = fontMetrics();
  const int line = fm.height();
  const int rows = place(width, two_rows_allowed).rows;
  const int counts = fm.boundingRect(QRect(0, 0, std::max(width - 2, 50), 10000), Qt::TextWordWrap, parameters_text_).height();
  return static_cast<int>(line * (rows * kBoxLines + (rows - 1) * kRowGapLines + 0.6 + 1.25 * legendLines(width) + 0.1)) + counts + 6;
}

int NetworkLockView::heightForWidth(int width) const { return heightFor(width, true); }

QSize NetworkLockView::sizeHint() const { return {600, heightForWidth(600)}; }

// (one row of boxes: a second row comes from heightForWidth() at the width the layout gives, and a
// minimum measured at some narrower width would have held the whole window taller)
QSize NetworkLockView::minimumSizeHint() const { return {300, heightFor(std::max(width(), 300), false)}; }

void drawPadlock(QPainter& p, double x, double y, double h, bool closed, const QColor& colour) {
  p.save();
  const double w = h * 0.8;
  const QRectF body(x, y + h * 0.42, w, h * 0.58);
  QPen pen(colour, std::max(1.5, h * 0.12));
  p.setPen(pen);
  p.setBrush(Qt::NoBrush);
  // The shackle: an arch over the body, lifted and open on the right when unlocked.
  const double lift = closed ? 0 : h * 0.18;
  QPainterPath shackle;
  const QRectF arch(x + w * 0.18, y - lift, w * 0.64, h * 0.7);
  shackle.moveTo(arch.left(), body.top() - lift + (closed ? 0 : lift));
  shackle.arcTo(arch, 180, -180);
  if (closed) shackle.lineTo(arch.right(), body.top());
  p.drawPath(shackle);
  p.setPen(Qt::NoPen);
  p.setBrush(colour);
  p.drawRoundedRect(body, h * 0.08, h * 0.08);
  p.restore();
}

void NetworkLockView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const Appearance& a = Appearance::instance();
  const QColor fg = palette().color(QPalette::WindowText);
  const QColor frozen_fill = QColor(150, 150, 150, 90), trained_fill = a.seriesColor(2).lighter(170), head_fill = a.seriesColor(0).lighter(160);
  const QFontMetrics fm = fontMetrics();
  const int line = fm.height();
  const int n = static_cast<int>(layers_.size());
  if (n == 0) return;
  const Placement at = place(width(), true);
  const double gap = at.gap, box_w = at.box_w, box_h = line * kBoxLines;
  const double top = 2;
  QFont name_font = font(), small = font();
  name_font.setPointSizeF(font().pointSizeF() * at.fit);
  small.setPointSizeF(font().pointSizeF() * kDetailSize * at.fit);
  for (int i = 0; i < n; ++i) {
    const transfer::LayerBox& b = layers_[static_cast<std::size_t>(i)];
    const int row = i / at.per_row, column = i % at.per_row;
    const QRectF r(1 + column * (box_w + gap), top + row * (box_h + line * kRowGapLines), box_w, box_h);
    const bool head = !b.pretrained && b.parameters > 0;
    const QColor fill = b.pretrained ? (frozen_ ? frozen_fill : trained_fill) : head ? head_fill : palette().color(QPalette::Base);
    p.setPen(QPen(head ? a.seriesColor(0) : fg, head ? 2.5 * a.scale() : 1.0));
    p.setBrush(fill);
    p.drawRoundedRect(r, 5, 5);
    if (i > 0 && column > 0) {  // the arrow from the box before
      p.setPen(QPen(fg, 1.0));
      p.drawLine(QPointF(r.left() - gap + 2, r.center().y()), QPointF(r.left() - 2, r.center().y()));
    } else if (i > 0) {  // from the end of the row above, back to the start of this one
      p.setPen(QPen(fg, 1.0));
      p.setBrush(Qt::NoBrush);
      const double last_x = 1 + (at.per_row - 1) * (box_w + gap) + box_w / 2, mid_y = r.top() - line * kRowGapLines / 2;
      p.drawPolyline(QPolygonF{QPointF(last_x, r.top() - line * kRowGapLines + 2), QPointF(last_x, mid_y), QPointF(r.center().x(), mid_y),
                               QPointF(r.center().x(), r.top() - 2)});
    }
    p.setPen(fg);
    p.setFont(name_font);
    const QString type = QFontMetrics(name_font).elidedText(QString::fromStdString(b.type), Qt::ElideRight, static_cast<int>(box_w - 4));
    p.drawText(QRectF(r.left() + 2, r.top() + 3, r.width() - 4, line), Qt::AlignHCenter, type);
    p.setFont(small);
    const QFontMetrics sm(small);
    p.drawText(QRectF(r.left() + 2, r.top() + 3 + line, r.width() - 4, line), Qt::AlignHCenter,
               sm.elidedText(QString::fromStdString(b.detail), Qt::ElideRight, static_cast<int>(box_w - 4)));
    if (b.parameters > 0)
      p.drawText(QRectF(r.left() + 2, r.top() + 3 + 2 * line, r.width() - 4, line), Qt::AlignHCenter,
                 sm.elidedText(QLocale().toString(static_cast<qlonglong>(b.parameters)), Qt::ElideRight, static_cast<int>(box_w - 4)));
    if (b.pretrained && b.parameters > 0) {  // in its own row at the bottom of the box
      const double h = line * 0.85;
      drawPadlock(p, r.center().x() - h * 0.4, r.top() + 3 + 3 * line + (line - h) / 2 + 1, h, frozen_, frozen_ ? fg : a.seriesColor(2).darker(130));
    }
  }
  // The legend under the boxes (a padlock: frozen; a trained base layer; the new head), wrapped
  // to the width, then the parameter counts.
  p.setFont(font());
  double x = 1, y = top + at.rows * box_h + (at.rows - 1) * line * kRowGapLines + line * 0.6;
  auto swatch = [&](const QColor& fill, const QColor& edge, const QString& text, int lock) {
    if (text.isEmpty()) return;
    const double need = line * 1.4 + 5 + fm.horizontalAdvance(text);
    if (x > 1 && x + need > width()) {
      x = 1;
      y += line * 1.25;
    }
    p.setPen(QPen(edge, 1.0));
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(x, y, line * 1.4, line), 3, 3);
    if (lock >= 0) drawPadlock(p, x + line * 0.3, y + line * 0.05, line * 0.85, lock == 1, fg);
    x += line * 1.4 + 5;
    p.setPen(fg);
    p.drawText(QPointF(x, y + fm.ascent()), text);
    x += fm.horizontalAdvance(text) + line;
  };
  if (frozen_) swatch(frozen_fill, fg, frozen_text_, 1);
  else swatch(trained_fill, fg, trained_text_, 0);
  swatch(head_fill, a.seriesColor(0), head_text_, -1);
  p.setPen(fg);
  p.drawText(QRectF(1, y + line * 1.35, width() - 2, height() - y - line * 1.35), Qt::AlignLeft | Qt::TextWordWrap, parameters_text_);
}

}  // namespace gsui
