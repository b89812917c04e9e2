#include "labs/cnn/cnn_class_views.h"

#include <QMouseEvent>
#include <QSet>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "app/appearance.h"
#include "app/palette.h"
#include "plots/plot_style.h"

namespace gsui {

// ---- ConfusionGrid

ConfusionGrid::ConfusionGrid(QWidget* parent) : QWidget(parent) {
  setCursor(Qt::PointingHandCursor);
  // The minimum comes from minimumSizeHint(): it grows with the classes, the counts and the font.
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ConfusionGrid::setMatrix(const gs::metrics::Matrix& counts) {
  const std::size_t classes = counts_.size();
  const qsizetype digits = widestCount().size();
  counts_ = counts;
  if (counts_.size() != classes || widestCount().size() != digits) updateGeometry();  // more room needed (or less)
  update();
}

void ConfusionGrid::setClassNames(const QStringList& names) {
  names_ = names;
  updateGeometry();
  update();
}

void ConfusionGrid::setAxisTitles(const QString& rows, const QString& columns) {
  rows_title_ = rows, columns_title_ = columns;
  updateGeometry();
  update();
}

void ConfusionGrid::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::FontChange) updateGeometry();  // presentation mode's font
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

QString ConfusionGrid::distinctPart(int k) const {
  const QString label = k < names_.size() ? names_[k] : QString::number(k);
  const QString part = label.mid(commonPrefix());
  return part.isEmpty() ? label : part;
}

int ConfusionGrid::distinctLength() const {
  // The fewest first letters that tell every name apart ("versicolor" and "virginica": 2).
  const int n = static_cast<int>(names_.size());
  for (int length = 1; length < 6; ++length) {
    QSet<QString> seen;
    for (int k = 0; k < n; ++k) seen.insert(distinctPart(k).left(length));
    if (seen.size() == n) return length;
  }
  return 6;
}

QString ConfusionGrid::shortName(int k) const {
  // The first letters of what tells the names apart ("class_0" → "0", "Sneaker" → "Sn"); with
  // a few classes (a learner's own folders: "cat", "dog") more of each name fits.
  return distinctPart(k).left(names_.size() <= 5 ? 10 : std::max(2, distinctLength()));
}

QString ConfusionGrid::columnLabel(int k, int room) const {
  // The whole name when it fits; else as much of what tells it apart as fits ("versic"), never
  // less than the letters that do ("ve", "vi": not "v" and "v").
  const QString label = k < names_.size() ? names_[k] : QString::number(k);
  const QFontMetrics fm = fontMetrics();
  if (fm.horizontalAdvance(label) <= room) return label;
  // A shortened name ends in a full stop, as an abbreviation does ("versic."): "versicolo" read
  // as a name cut at the edge.
  const QString part = distinctPart(k);
  if (part != label && fm.horizontalAdvance(part) <= room) return part;  // ("class_3" → "3")
  const QString stop = QStringLiteral(".");
  int length = static_cast<int>(part.size()) - 1;
  while (length > distinctLength() && fm.horizontalAdvance(part.left(length) + stop) > room) --length;
  return length < part.size() && fm.horizontalAdvance(part.left(length) + stop) <= room ? part.left(length) + stop : part.left(length);
}

int ConfusionGrid::titleBand() const {
  // The axis titles' line, measured on the titles themselves: a fallback font (Hangul) can be
  // taller than the widget font's own line.
  const QFontMetrics fm = fontMetrics();
  return std::max({fm.height(), fm.boundingRect(rows_title_).height(), fm.boundingRect(columns_title_).height()}) + 2;
}

int ConfusionGrid::leftMargin() const {
  const QFontMetrics fm = fontMetrics();
  int label_width = fm.horizontalAdvance("00");
  for (int t = 0; t < static_cast<int>(counts_.size()); ++t) label_width = std::max(label_width, fm.horizontalAdvance(shortName(t)));
  return titleBand() + label_width + 6;
}

int ConfusionGrid::topMargin() const { return titleBand() + fontMetrics().height() + 4; }

QRect ConfusionGrid::gridRect() const {
  // Room on the left for the rows' title and labels, on top for the columns': each as wide as
  // its own text, so that titles, labels and cells never overlap.
  const int left = leftMargin(), top = topMargin();
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

QRect ConfusionGrid::columnTitleRect() const {
  // Centred over the grid; a title wider than the grid reaches over the row labels instead of
  // being cut (minimumSizeHint() leaves room for it within the widget).
  const QRect g = gridRect();
  const int w = std::max(g.width(), fontMetrics().horizontalAdvance(columns_title_) + 4);
  const int left = std::clamp(g.center().x() - w / 2, 0, std::max(0, width() - w));
  return {left, 0, w, titleBand()};
}

QRect ConfusionGrid::rowTitleTextRect() const {
  // The same, turned: along the grid's side, reaching up over the column labels when longer.
  const QRect g = gridRect();
  const int length = std::max(g.height(), fontMetrics().horizontalAdvance(rows_title_) + 4);
  const int along = std::clamp(g.height() / 2 - length / 2, 0, std::max(0, g.bottom() - length));
  return {along, 0, length, titleBand()};
}

QString ConfusionGrid::widestCount() const {
  std::int64_t most = 0;
  for (const auto& row : counts_)
    for (auto c : row) most = std::max<std::int64_t>(most, c);
  return QString::number(most);
}

int ConfusionGrid::leastCountPixels() const {
  QFont least = font();
  least.setPointSizeF(Appearance::instance().minimumPointSize());
  return QFontInfo(least).pixelSize();
}

QFont ConfusionGrid::countFont() const {
  QFont f = font();
  const int n = static_cast<int>(counts_.size());
  if (n == 0) return f;
  const double cell = static_cast<double>(gridRect().width()) / n;
  const int least = leastCountPixels();
  const int most = std::max(least, QFontInfo(font()).pixelSize() * 3 / 2);
  int px = std::clamp(static_cast<int>(cell * 0.42), least, most);
  const QString widest = widestCount();
  for (f.setPixelSize(px); px > least && QFontMetrics(f).horizontalAdvance(widest) > cell - 4;) f.setPixelSize(--px);
  return f;
}

QSize ConfusionGrid::minimumSizeHint() const {
  // Every count at the readable minimum with a little air in its cell, the letters that tell
  // each class apart above its column, and both titles whole.
  const int n = std::max<int>(1, static_cast<int>(counts_.size()));
  QFont least = font();
  least.setPixelSize(leastCountPixels());
  const QFontMetrics lm(least), fm = fontMetrics();
  int cell = std::max(lm.horizontalAdvance(widestCount()) + 6, lm.height() + 4);
  for (int t = 0; t < static_cast<int>(counts_.size()); ++t) cell = std::max(cell, fm.horizontalAdvance(distinctPart(t).left(distinctLength())) + 4);
  const int left = leftMargin(), top = topMargin();
  const int side = std::max(n * cell, 100);
  const int w = std::max(left + side + 2, fm.horizontalAdvance(columns_title_) + 6);
  const int h = std::max(top + side + 2, fm.horizontalAdvance(rows_title_) + 6);
  // Square: heightForWidth() gives the grid its width as height.
  return {std::max(w, h - top + left), std::max(h, w - left + top)};
}

void ConfusionGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const int n = static_cast<int>(counts_.size());
  const QRect g = gridRect();
  const int band = titleBand();
  p.setPen(palette().color(QPalette::WindowText));
  p.drawText(columnTitleRect(), Qt::AlignCenter, columns_title_);
  const QRect turned = rowTitleTextRect();
  drawSideTitle(p, QRect(0, g.bottom() - turned.right() - 1, turned.height(), turned.width()), rows_title_);
  if (n == 0) return;
  const QFont counts_font = countFont();
  const double cell = static_cast<double>(g.width()) / n;
  p.setFont(counts_font);
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
      // (Never clipped: at the readable minimum a count may touch its cell's edge, not lose digits.)
      if (counts_[t][q] > 0) p.drawText(r, Qt::AlignCenter | Qt::TextDontClip, QString::number(counts_[t][q]));
    }
    // The class labels: the whole name above a column when it fits the cell; otherwise, and
    // beside the rows, the first letters of what tells the names apart (gridRect() made room).
    p.setFont(font());
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(band + 2, cellRect(t, 0).top(), g.left() - band - 6, static_cast<int>(cell)), Qt::AlignRight | Qt::AlignVCenter, shortName(t));
    p.drawText(QRect(cellRect(0, t).left(), band, static_cast<int>(cell), g.top() - band - 2), Qt::AlignCenter | Qt::TextDontClip,
               columnLabel(t, static_cast<int>(cell) - 4));
    p.setFont(counts_font);
  }
  if (selected_t_ >= 0 && selected_t_ < n && selected_p_ < n) {
    p.setPen(QPen(QColor(255, 140, 0), 3 * Appearance::instance().scale()));
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
