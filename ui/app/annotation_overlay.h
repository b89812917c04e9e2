#pragma once
// The presenter's pen: a transparent layer over the lab on which a teacher draws with the mouse
// during a lesson (as GeoGebra's pen). Off, it lets every click through to the lab; the strokes
// stay until cleared or the lab changes.
#include <QPolygonF>
#include <QVector>
#include <QWidget>

namespace gsui {

class AnnotationOverlay : public QWidget {
  Q_OBJECT
 public:
  /// Covers `covered` as a child laid over its whole area (a page switch calls raise()).
  explicit AnnotationOverlay(QWidget* covered);
  void setActive(bool active);
  bool isActive() const { return active_; }
  void clear();
  int strokeCount() const { return static_cast<int>(strokes_.size()); }

 signals:
  void activeChanged(bool active);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  QWidget* covered_;
  bool active_ = false;
  bool drawing_ = false;
  QVector<QPolygonF> strokes_;
};

}  // namespace gsui
