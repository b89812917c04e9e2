#include "labs/cnn/cnn_image_views.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace gsui {
namespace {

/// The largest square cell size that fits `count` tiles of aspect w:h in a row of `r`.
QRect tileRect(const QRect& r, int index, int count, int h, int w) {
  const int gap = 3;
  const double scale = std::min(static_cast<double>(r.height()) / h,
                                static_cast<double>(r.width() - gap * (count - 1)) / (count * static_cast<double>(w)));
  const int tw = std::max(1, static_cast<int>(w * scale)), th = std::max(1, static_cast<int>(h * scale));
  return {r.left() + index * (tw + gap), r.top() + (r.height() - th) / 2, tw, th};
}

QColor highlight() { return QColor(255, 140, 0); }

}  // namespace

QImage valuesImage(const float* values, int h, int w, float lo, float hi, bool diverging) {
  QImage img(w, h, QImage::Format_RGB32);
  const float span = hi > lo ? hi - lo : 1.0f;
  const float reach = std::max(std::abs(lo), std::abs(hi)) > 0 ? std::max(std::abs(lo), std::abs(hi)) : 1.0f;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float v = values[y * w + x];
      if (diverging) {
        const float t = std::clamp(v / reach, -1.0f, 1.0f);
        const int fade = static_cast<int>(255 * (1 - std::abs(t)));
        img.setPixel(x, y, t >= 0 ? qRgb(255, fade, fade) : qRgb(fade, fade, 255));
      } else {
        const int g = static_cast<int>(std::clamp((v - lo) / span, 0.0f, 1.0f) * 255);
        img.setPixel(x, y, qRgb(g, g, g));
      }
    }
  return img;
}

QImage sampleImage(const gs::Tensor& images, std::int64_t index) {
  const gs::Tensor s = images.select(0, index).contiguous().to(gs::kFloat32);
  const int c = static_cast<int>(s.size(0)), h = static_cast<int>(s.size(1)), w = static_cast<int>(s.size(2));
  const std::vector<float> v = s.to_vector<float>();
  if (c != 3) return valuesImage(v.data(), h, w, 0.0f, 1.0f);
  QImage img(w, h, QImage::Format_RGB32);
  auto level = [](float x) { return static_cast<int>(std::clamp(x, 0.0f, 1.0f) * 255); };
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      img.setPixel(x, y, qRgb(level(v[y * w + x]), level(v[h * w + y * w + x]), level(v[2 * h * w + y * w + x])));
  return img;
}

// ---- ImageStrip

ImageStrip::ImageStrip(QWidget* parent) : QWidget(parent) {
  setMinimumHeight(40);
  setCursor(Qt::PointingHandCursor);
}

void ImageStrip::setImages(const QVector<QImage>& images) {
  images_ = images;
  current_ = std::clamp(current_, 0, std::max(0, static_cast<int>(images.size()) - 1));
  update();
}

void ImageStrip::setCurrent(int index) {
  current_ = index;
  update();
}

QRect ImageStrip::imageRect(int index) const {
  if (images_.isEmpty()) return {};
  const QImage& first = images_.first();
  return tileRect(rect().adjusted(2, 2, -2, -2), index, static_cast<int>(images_.size()), first.height(), first.width());
}

void ImageStrip::paintEvent(QPaintEvent*) {
  QPainter p(this);
  for (int i = 0; i < images_.size(); ++i) {
    const QRect r = imageRect(i);
    p.drawImage(r, images_[i]);
    if (i == current_) {
      p.setPen(QPen(highlight(), 3));
      p.drawRect(r.adjusted(-1, -1, 1, 1));
    }
  }
}

void ImageStrip::mousePressEvent(QMouseEvent* event) {
  for (int i = 0; i < images_.size(); ++i)
    if (imageRect(i).contains(event->position().toPoint())) {
      setCurrent(i);
      emit imageClicked(i);
      return;
    }
}

// ---- FeatureMapView

FeatureMapView::FeatureMapView(QWidget* parent) : QWidget(parent) {}

void FeatureMapView::setFilters(const gs::train::Filters& filters) {
  const int before = rows();
  filters_ = filters;
  if (rows() != before) updateGeometry();
  update();
}

void FeatureMapView::setMaps(const std::vector<gs::train::LayerOutput>& maps) {
  const int before = rows();
  maps_ = maps;
  if (rows() != before) updateGeometry();
  update();
}

QSize FeatureMapView::minimumSizeHint() const { return {200, rows() * (fontMetrics().height() + 4)}; }

QStringList FeatureMapView::labels() const {
  QStringList out;
  if (!filters_.shape.empty()) out << filters_title_;
  for (const auto& m : maps_) {
    QString dims;
    for (std::size_t i = 0; i < m.shape.size(); ++i) dims += (i ? QStringLiteral("×") : QString()) + QString::number(m.shape[i]);
    out << QString::fromStdString(m.type) + QStringLiteral(" ") + dims;
  }
  return out;
}

void FeatureMapView::paintRow(QPainter& p, const QRect& r, int label_w, const QString& label, const QVector<QImage>& tiles) const {
  p.setPen(palette().color(QPalette::WindowText));
  p.drawText(QRect(r.left(), r.top(), label_w, r.height()), Qt::AlignVCenter | Qt::AlignLeft, label);
  const QRect area = r.adjusted(label_w + 6, 2, 0, -2);
  p.setPen(QPen(palette().color(QPalette::Mid), 1));
  for (int i = 0; i < tiles.size(); ++i) {
    if (tiles[i].height() == 1) {
      // A flat layer: a vector, not a picture, so its strip takes the row's width, framed.
      const QRect t(area.left(), area.top() + area.height() / 5, area.width() - 1, std::max(3, area.height() * 3 / 5));
      p.drawImage(t, tiles[i]);
      p.drawRect(t);
      continue;
    }
    p.drawImage(tileRect(area, i, static_cast<int>(tiles.size()), tiles[i].height(), tiles[i].width()), tiles[i]);
  }
}

void FeatureMapView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const int n = rows();
  if (n == 0) return;
  const int row_h = height() / n;
  // One line per row: the labels' font shrinks until the longest fits 40 % of the width and the
  // row's height (presentation fonts on a small window).
  const QStringList texts = labels();
  QFont font = p.font();
  int longest = 0;
  for (const QString& t : texts) longest = std::max(longest, QFontMetrics(font).horizontalAdvance(t));
  const int label_w = std::min(longest, width() * 2 / 5);
  const double shrink = std::min({1.0, static_cast<double>(label_w) / std::max(1, longest),
                                  static_cast<double>(row_h - 2) / std::max(1, QFontMetrics(font).height())});
  if (shrink < 1.0) {
    font.setPointSizeF(std::max(5.0, font.pointSizeF() * shrink));
    p.setFont(font);
  }
  int row = 0;
  auto rowRect = [&] { return QRect(0, row++ * row_h, width(), row_h - 2); };
  if (!filters_.shape.empty()) {
    const auto& s = filters_.shape;  // [O, C, kh, kw]: the first input channel of each filter
    const int o = static_cast<int>(s[0]), kh = static_cast<int>(s[2]), kw = static_cast<int>(s[3]);
    const std::size_t per = static_cast<std::size_t>(s[1] * kh * kw);
    const auto [lo, hi] = std::minmax_element(filters_.values.begin(), filters_.values.end());
    QVector<QImage> tiles;
    for (int f = 0; f < std::min(o, kMaxChannels); ++f) tiles.push_back(valuesImage(filters_.values.data() + f * per, kh, kw, *lo, *hi, true));
    paintRow(p, rowRect(), label_w, texts[0], tiles);
  }
  int label = filters_.shape.empty() ? 0 : 1;
  for (const auto& m : maps_) {
    QVector<QImage> tiles;
    if (m.shape.size() == 3) {
      const int c = static_cast<int>(m.shape[0]), h = static_cast<int>(m.shape[1]), w = static_cast<int>(m.shape[2]);
      const auto [lo, hi] = std::minmax_element(m.values.begin(), m.values.end());
      for (int ch = 0; ch < std::min(c, kMaxChannels); ++ch) tiles.push_back(valuesImage(m.values.data() + ch * h * w, h, w, *lo, *hi));
    } else if (!m.values.empty()) {
      // A flat layer: its values as one strip of cells.
      const int f = static_cast<int>(std::min<std::size_t>(m.values.size(), kMaxFlat));
      const auto [lo, hi] = std::minmax_element(m.values.begin(), m.values.begin() + f);
      tiles.push_back(valuesImage(m.values.data(), 1, f, *lo, *hi));
    }
    paintRow(p, rowRect(), label_w, texts[label++], tiles);
  }
}

// ---- ImageGallery

ImageGallery::ImageGallery(QWidget* parent) : QWidget(parent) {}

void ImageGallery::setItems(const QVector<Item>& items, const QString& title) {
  items_ = items;
  title_ = title;
  update();
}

void ImageGallery::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QFontMetrics fm = p.fontMetrics();
  p.setPen(palette().color(QPalette::WindowText));
  const QRect title_rect(0, 0, width(), title_.isEmpty() ? 0 : fm.boundingRect(QRect(0, 0, width(), 10000), Qt::TextWordWrap, title_).height() + 4);
  p.drawText(title_rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title_);
  if (items_.isEmpty()) return;
  // Columns so that the images fill the space left, square, each with a caption line under it.
  const QRect area = rect().adjusted(0, title_rect.height(), 0, 0);
  const int n = static_cast<int>(items_.size());
  // The largest images whose captions fit their columns (else the largest images).
  int widest_caption = 0;
  for (const Item& item : items_) widest_caption = std::max(widest_caption, fm.horizontalAdvance(item.caption));
  int best_cols = 1, best_side = 0;
  bool best_fits = false;
  for (int cols = 1; cols <= n; ++cols) {
    const int rows = (n + cols - 1) / cols;
    const int side = std::min(area.width() / cols - 6, area.height() / rows - fm.height() - 6);
    const bool fits = widest_caption <= area.width() / cols;
    if ((fits && !best_fits) || (fits == best_fits && side > best_side)) best_side = side, best_cols = cols, best_fits = fits;
  }
  best_side = std::max(best_side, 8);
  // Each image centred in its column; its caption may use the whole column (a wide name under a
  // small image).
  const int pitch = std::max(best_side + 6, area.width() / best_cols);
  for (int i = 0; i < n; ++i) {
    const int x = area.left() + (i % best_cols) * pitch + (pitch - best_side) / 2, y = area.top() + (i / best_cols) * (best_side + fm.height() + 6);
    p.drawImage(QRect(x, y, best_side, best_side), items_[i].image);
    const QRect caption(x + best_side / 2 - pitch / 2, y + best_side, pitch, fm.height());
    p.drawText(caption, Qt::AlignHCenter, fm.elidedText(items_[i].caption, Qt::ElideRight, pitch));
  }
}

}  // namespace gsui
