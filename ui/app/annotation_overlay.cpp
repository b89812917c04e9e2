#include "app/annotation_overlay.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include "app/appearance.h"

namespace gsui {

AnnotationOverlay::AnnotationOverlay(QWidget* covered) : QWidget(covered), covered_(covered) {
  setObjectName("annotationOverlay");
  setAttribute(Qt::WA_TransparentForMouseEvents, true);
  setAttribute(Qt::WA_NoSystemBackground, true);
  covered_->installEventFilter(this);
  setGeometry(covered_->rect());
  raise();
  show();
}

bool AnnotationOverlay::eventFilter(QObject* watched, QEvent* event) {
  if (watched == covered_ && event->type() == QEvent::Resize) {
    setGeometry(covered_->rect());
    raise();
  }
  return QWidget::eventFilter(watched, event);
}

void AnnotationOverlay::setActive(bool active) {
  if (active == active_) return;
  active_ = active;
  drawing_ = false;
  setAttribute(Qt::WA_TransparentForMouseEvents, !active);
  setCursor(active ? Qt::CrossCursor : Qt::ArrowCursor);
  raise();
  update();
  emit activeChanged(active);
}

void AnnotationOverlay::clear() {
  strokes_.clear();
  drawing_ = false;
  update();
}

void AnnotationOverlay::mousePressEvent(QMouseEvent* event) {
  if (!active_ || event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
  drawing_ = true;
  strokes_.push_back(QPolygonF{event->position()});
  update();
}

void AnnotationOverlay::mouseMoveEvent(QMouseEvent* event) {
  if (!drawing_ || strokes_.isEmpty()) return QWidget::mouseMoveEvent(event);
  strokes_.last() << event->position();
  update();
}

void AnnotationOverlay::mouseReleaseEvent(QMouseEvent* event) {
  if (drawing_ && !strokes_.isEmpty()) strokes_.last() << event->position();
  drawing_ = false;
  update();
}

void AnnotationOverlay::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const double scale = Appearance::instance().scale();
  if (active_) {  // a thin frame says "the pen is on": clicks draw instead of moving sliders
    p.setPen(QPen(QColor(230, 0, 126, 160), 3 * scale));
    p.drawRect(rect().adjusted(1, 1, -2, -2));
  }
  // A bright magenta no lab uses, drawn thick enough for the back of a lecture hall.
  p.setPen(QPen(QColor(230, 0, 126), 4 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  for (const QPolygonF& s : strokes_) {
    if (s.size() == 1) {
      p.drawPoint(s.first());
    } else {
      QPainterPath path(s.first());
      for (int i = 1; i < s.size(); ++i) path.lineTo(s[i]);
      p.drawPath(path);
    }
  }
}

}  // namespace gsui
