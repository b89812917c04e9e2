#include "labs/cnn/cnn_class_views.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "app/palette.h"

namespace gsui {

// ---- ConfusionGrid

ConfusionGrid::ConfusionGrid(QWidget* parent) : QWidget(parent) {
  setCursor(Qt::PointingHandCursor);
  setMinimumSize(160, 160);
}

void ConfusionGrid::setMatrix(const gs::metrics::Matrix& counts) {
  counts_ = counts;
  update();
}

int ConfusionGrid::commonPrefix() const {
  // The characters every class name starts with ("class_" of wine's "class_0", "class_1", ...).
  int common = names_.size() > 1 ? static_cast<int>(names_.front().size()) : 0;
  for (const QString& name : names_) {
    int k = 0;
    while (k < common && k < name.size() && name[k] == names_.front()[k]) ++k;
    common = k;
  }
  return common;
}

QString ConfusionGrid::shortName(int k) const {
  // The first letters of what tells the names apart ("class_0" → "0", "Sneaker" → "Sn"); with
  // a few classes (a learner's own folders: "cat", "dog") more of each name fits.
  const QString label = k < names_.size() ? names_[k] : QString::number(k);
  const QString part = label.mid(commonPrefix());
  return (part.isEmpty() ? label : part).left(names_.size() <= 5 ? 10 : 2);
}

int ConfusionGrid::titleBand() const {
  // The axis titles' line, measured on the titles themselves: a fallback font (Hangul) can be
  // taller than the widget font's own line.
  const QFontMetrics fm = fontMetrics();
  return std::max({fm.height(), fm.boundingRect(rows_title_).height(), fm.boundingRect(columns_title_).height()}) + 2;
}

QRect ConfusionGrid::gridRect() const {
  // Room on the left for the rows' title and labels, on top for the columns': each as wide as
  // its own text, so that titles, labels and cells never overlap.
  const QFontMetrics fm = fontMetrics();
  const int n = static_cast<int>(counts_.size());
  int label_width = fm.horizontalAdvance("00");
  for (int t = 0; t < n; ++t) label_width = std::max(label_width, fm.horizontalAdvance(shortName(t)));
  const int left = titleBand() + label_width + 6, top = titleBand() + fm.height() + 4;
  const int side = std::max(10, std::min(width() - left - 2, height() - top - 2));
  return {left, top, side, side};
}

QRect ConfusionGrid::cellRect(int t, int p) const {
  const int n = static_cast<int>(counts_.size());
  if (n == 0) return {};
  const QRect g = gridRect();
  const double cell = static_cast<double>(g.width()) / n;
  return QRectF(g.left() + p * cell, g.top() + t * cell, cell, cell).toRect();
}

void ConfusionGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const int n = static_cast<int>(counts_.size());
  const QRect g = gridRect();
  const QFontMetrics fm = p.fontMetrics();
  const int band = titleBand();
  p.setPen(palette().color(QPalette::WindowText));
  p.drawText(QRect(g.left(), 0, g.width(), band), Qt::AlignCenter, columns_title_);
  p.save();
  p.translate(0, g.bottom());
  p.rotate(-90);
  p.drawText(QRect(0, 0, g.height(), band), Qt::AlignCenter, rows_title_);
  p.restore();
  if (n == 0) return;
  QFont small = p.font();
  const double cell = static_cast<double>(g.width()) / n;
  small.setPixelSize(std::max(7, std::min(fm.height(), static_cast<int>(cell * 0.42))));
  p.setFont(small);
  for (int t = 0; t < n; ++t) {
    std::int64_t row = 0;
    for (auto c : counts_[t]) row += c;
    for (int q = 0; q < n; ++q) {
      const QRect r = cellRect(t, q);
      const double share = row > 0 ? static_cast<double>(counts_[t][q]) / row : 0.0;
      // Diagonal (right) in green, mistakes in red, by the share of the true class's samples.
      const QColor base = t == q ? palette::rightColor() : palette::wrongColor();
      QColor fill = QColor::fromRgbF(1 - (1 - base.redF()) * share, 1 - (1 - base.greenF()) * share, 1 - (1 - base.blueF()) * share);
      p.fillRect(r, fill);
      p.setPen(QColor(200, 200, 200));
      p.drawRect(r);
      p.setPen(share > 0.5 ? Qt::white : Qt::black);
      if (counts_[t][q] > 0) p.drawText(r, Qt::AlignCenter, QString::number(counts_[t][q]));
    }
    // The class labels: the whole name above a column when it fits the cell; otherwise, and
    // beside the rows, the first letters of what tells the names apart (gridRect() made room).
    p.setFont(font());
    p.setPen(palette().color(QPalette::WindowText));
    const QString label = t < names_.size() ? names_[t] : QString::number(t);
    p.drawText(QRect(band + 2, cellRect(t, 0).top(), g.left() - band - 6, static_cast<int>(cell)), Qt::AlignRight | Qt::AlignVCenter, shortName(t));
    QString column = fm.horizontalAdvance(label) <= static_cast<int>(cell) - 4 ? label : shortName(t);
    if (fm.horizontalAdvance(column) > static_cast<int>(cell)) column = column.left(1);
    p.drawText(QRect(cellRect(0, t).left(), band, static_cast<int>(cell), g.top() - band - 2), Qt::AlignCenter, column);
    p.setFont(small);
  }
  if (selected_t_ >= 0 && selected_t_ < n && selected_p_ < n) {
    p.setPen(QPen(QColor(255, 140, 0), 3));
    p.setBrush(Qt::NoBrush);
    p.drawRect(cellRect(selected_t_, selected_p_));
  }
}

void ConfusionGrid::mousePressEvent(QMouseEvent* event) {
  const int n = static_cast<int>(counts_.size());
  for (int t = 0; t < n; ++t)
    for (int q = 0; q < n; ++q)
      if (cellRect(t, q).contains(event->position().toPoint())) {
        selected_t_ = t, selected_p_ = q;
        update();
        emit cellClicked(t, q);
        return;
      }
}

// ---- DrawingPad

DrawingPad::DrawingPad(QWidget* parent) : QWidget(parent) {
  setMinimumSize(120, 120);
  setCursor(Qt::CrossCursor);
  values_.fill(0.0f, h_ * w_);
}

void DrawingPad::setGrid(int h, int w) {
  h_ = h, w_ = w;
  clear();
}

void DrawingPad::clear() {
  values_.fill(0.0f, h_ * w_);
  update();
  emit drawn();
}

QRectF DrawingPad::padRect() const {
  const double side = std::min(width(), height()) - 2;
  return {(width() - side) / 2, (height() - side) / 2, side, side};
}

QPointF DrawingPad::toGrid(const QPointF& pos) const {
  const QRectF r = padRect();
  return {(pos.x() - r.left()) / r.width() * w_, (pos.y() - r.top()) / r.height() * h_};
}

void DrawingPad::dab(const QPointF& at, bool erase) {
  // A soft round brush about a tenth of the pad wide, like a pen stroke scanned for MNIST.
  const double radius = std::max(1.0, w_ / 12.0);
  for (int y = static_cast<int>(at.y() - radius - 1); y <= static_cast<int>(at.y() + radius + 1); ++y)
    for (int x = static_cast<int>(at.x() - radius - 1); x <= static_cast<int>(at.x() + radius + 1); ++x) {
      if (x < 0 || y < 0 || x >= w_ || y >= h_) continue;
      const double d = std::hypot(x + 0.5 - at.x(), y + 0.5 - at.y());
      const float ink = static_cast<float>(std::clamp(1.0 - (d - radius * 0.5) / radius, 0.0, 1.0));
      float& v = values_[y * w_ + x];
      v = erase ? std::min(v, 1.0f - ink) : std::max(v, ink);
    }
}

void DrawingPad::stroke(const QVector<QPointF>& points, bool erase) {
  for (int i = 0; i < points.size(); ++i) {
    const QPointF from = i > 0 ? points[i - 1] : points[i];
    const int steps = std::max(1, static_cast<int>(std::hypot(points[i].x() - from.x(), points[i].y() - from.y()) * 3));
    for (int s = 1; s <= steps; ++s) dab(from + (points[i] - from) * (static_cast<double>(s) / steps), erase);
  }
  update();
  emit drawn();
}

void DrawingPad::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QRectF r = padRect();
  QImage img(w_, h_, QImage::Format_RGB32);
  for (int y = 0; y < h_; ++y)
    for (int x = 0; x < w_; ++x) {
      const int g = static_cast<int>(values_[y * w_ + x] * 255);
      img.setPixel(x, y, qRgb(g, g, g));
    }
  p.drawImage(r, img);
  p.setPen(QPen(palette().color(QPalette::Mid), 1));
  p.drawRect(r);
}

void DrawingPad::mousePressEvent(QMouseEvent* event) {
  last_ = toGrid(event->position());
  stroke({last_}, event->buttons() & Qt::RightButton);
}

void DrawingPad::mouseMoveEvent(QMouseEvent* event) {
  if (!(event->buttons() & (Qt::LeftButton | Qt::RightButton))) return;
  const QPointF at = toGrid(event->position());
  stroke({last_, at}, event->buttons() & Qt::RightButton);
  last_ = at;
}

// ---- ProbabilityBars

ProbabilityBars::ProbabilityBars(QWidget* parent) : QWidget(parent) { setMinimumSize(120, 120); }

void ProbabilityBars::setProbabilities(const std::vector<float>& p) {
  p_ = p;
  update();
}

void ProbabilityBars::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const int n = static_cast<int>(p_.size());
  if (n == 0) return;
  const QFontMetrics fm = p.fontMetrics();
  int label_w = 0;
  for (int i = 0; i < n; ++i) label_w = std::max(label_w, fm.horizontalAdvance(i < names_.size() ? names_[i] : QString::number(i)));
  const int value_w = fm.horizontalAdvance(QStringLiteral("100 %"));
  const double row = static_cast<double>(height()) / n;
  const int best = static_cast<int>(std::max_element(p_.begin(), p_.end()) - p_.begin());
  for (int i = 0; i < n; ++i) {
    const QRectF r(0, i * row, width(), row);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(0, r.top(), label_w, row), Qt::AlignVCenter | Qt::AlignRight, i < names_.size() ? names_[i] : QString::number(i));
    const double bar_w = std::max(0.0, (width() - label_w - value_w - 12) * static_cast<double>(p_[i]));
    p.fillRect(QRectF(label_w + 6, r.top() + row * 0.15, bar_w, row * 0.7), i == best ? QColor(255, 140, 0) : QColor(120, 144, 156));
    p.drawText(QRectF(width() - value_w, r.top(), value_w, row), Qt::AlignVCenter | Qt::AlignRight,
               QStringLiteral("%1 %").arg(std::lround(p_[i] * 100)));
  }
}

}  // namespace gsui
