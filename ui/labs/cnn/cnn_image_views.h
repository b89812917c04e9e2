#pragma once
// Small painted views of the Train page: images as grey squares (test images, feature maps,
// filters), a strip of test images to choose from, and a gallery of captioned images. Pixels are
// drawn as squares (nearest neighbour, 1:1 aspect) scaled to the space the widget gets.
#include <QImage>
#include <QVector>
#include <QWidget>

#include "train/inspect.h"

namespace gsui {

/// A grey image of h×w values; lo maps to black and hi to white (or, `diverging`, negative
/// values blue, zero white and positive red: how weights read best).
QImage valuesImage(const float* values, int h, int w, float lo, float hi, bool diverging = false);
/// One image [C, H, W] of a float tensor in [0, 1] (its first channel, or RGB for 3 channels).
QImage sampleImage(const gs::Tensor& images, std::int64_t index);

/// A row of clickable images; the current one is outlined.
class ImageStrip : public QWidget {
  Q_OBJECT
 public:
  explicit ImageStrip(QWidget* parent = nullptr);
  void setImages(const QVector<QImage>& images);
  void setCurrent(int index);
  int current() const { return current_; }
  int count() const { return images_.size(); }
  /// The rectangle image `index` is drawn in (for tests and clicks).
  QRect imageRect(int index) const;
  QSize sizeHint() const override { return {400, 64}; }

 signals:
  void imageClicked(int index);

 protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  QVector<QImage> images_;
  int current_ = 0;
};

/// Every layer's output for one image, a row per layer: a label ("Conv2d → 16×28×28") and its
/// channels as small grey maps (flat outputs as a strip of cells); the first row shows the first
/// convolution's filters.
class FeatureMapView : public QWidget {
  Q_OBJECT
 public:
  explicit FeatureMapView(QWidget* parent = nullptr);
  void setFilters(const gs::train::Filters& filters);
  void setMaps(const std::vector<gs::train::LayerOutput>& maps);
  void setFiltersTitle(const QString& title) { filters_title_ = title; update(); }
  int rows() const { return static_cast<int>(maps_.size()) + (filters_.shape.empty() ? 0 : 1); }
  QSize sizeHint() const override { return {500, 400}; }
  /// Each row a whole line of the font (its label at full size; the view scrolls rather than shrink).
  QSize minimumSizeHint() const override;
  /// Channels drawn per row at most (the rest are counted in the label).
  static constexpr int kMaxChannels = 16;
  /// Values of a flat layer drawn as cells at most.
  static constexpr int kMaxFlat = 256;

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  void paintRow(QPainter& p, const QRect& r, int label_w, const QString& label, const QVector<QImage>& tiles) const;
  /// The rows' labels ("Conv2d 16×28×28"), in order.
  QStringList labels() const;

  gs::train::Filters filters_;
  std::vector<gs::train::LayerOutput> maps_;
  QString filters_title_;
};

/// Images in a grid with a caption under each (a confusion cell's images and what the model
/// thought of them).
class ImageGallery : public QWidget {
  Q_OBJECT
 public:
  struct Item {
    QImage image;
    QString caption;
  };
  explicit ImageGallery(QWidget* parent = nullptr);
  void setItems(const QVector<Item>& items, const QString& title);
  int count() const { return items_.size(); }
  QString caption(int index) const { return items_.value(index).caption; }
  QSize sizeHint() const override { return {300, 200}; }

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  QVector<Item> items_;
  QString title_;
};

}  // namespace gsui
