// The mouse on the network builder's canvas. A press on a layer chooses it; pulled further than
// the start-drag distance it becomes a move, a marker showing the gap it will land in, and let go
// over the palette it is deleted. A palette entry dragged onto the canvas (kLayerMime) inserts its
// layer at the gap under the drop. All of it arrives through an event filter on the view's viewport.
#include "builder/network_builder.h"

#include <QApplication>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QListWidget>
#include <QMimeData>
#include <QMouseEvent>

#include "spec/layer_table.h"

namespace gsui {

bool NetworkBuilder::eventFilter(QObject* watched, QEvent* event) {
  if (watched != view_->viewport()) return QWidget::eventFilter(watched, event);
  switch (event->type()) {
    case QEvent::MouseButtonPress:
      if (pressOnCanvas(static_cast<QMouseEvent*>(event))) return true;
      break;
    case QEvent::MouseMove:
      if (moveOnCanvas(static_cast<QMouseEvent*>(event))) return true;
      break;
    case QEvent::MouseButtonRelease:
      if (releaseOnCanvas(static_cast<QMouseEvent*>(event))) return true;
      break;
    case QEvent::DragEnter:
    case QEvent::DragMove:
      dragOverCanvas(static_cast<QDragMoveEvent*>(event));
      return true;
    case QEvent::DragLeave:
      showDropMarker(-1);
      return true;
    case QEvent::Drop:
      dropOnCanvas(static_cast<QDropEvent*>(event));
      return true;
    case QEvent::Resize:
      fitScene();
      break;
    default:
      break;
  }
  return QWidget::eventFilter(watched, event);
}

bool NetworkBuilder::pressOnCanvas(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return false;
  const QPoint pos = event->position().toPoint();
  drag_from_ = -1;
  dragging_ = false;
  for (QGraphicsItem* item : view_->items(pos))
    if (item->data(0).isValid()) {  // a layer's item: it may be dragged from here
      drag_from_ = item->data(0).toInt();
      press_pos_ = pos;
      selectLayer(drag_from_);
      return true;
    }
  selectLayer(-1);
  return true;
}

bool NetworkBuilder::moveOnCanvas(QMouseEvent* event) {
  if (drag_from_ < 0) return false;
  const QPoint pos = event->position().toPoint();
  if (!dragging_ && (pos - press_pos_).manhattanLength() < QApplication::startDragDistance()) return true;
  dragging_ = true;
  view_->viewport()->setCursor(overPalette(pos) ? Qt::ForbiddenCursor : Qt::ClosedHandCursor);
  showDropMarker(overPalette(pos) ? -1 : insertionIndex(view_->mapToScene(pos)));
  return true;
}

bool NetworkBuilder::releaseOnCanvas(QMouseEvent* event) {
  if (drag_from_ < 0) return false;
  const int from = drag_from_;
  const bool moved = dragging_;
  drag_from_ = -1;
  dragging_ = false;
  view_->viewport()->unsetCursor();
  showDropMarker(-1);
  if (!moved) return true;  // a click: the press chose the layer
  const QPoint pos = event->position().toPoint();
  if (overPalette(pos)) {  // dragged back onto the palette: deleted
    removeLayer(from);
    return true;
  }
  const int gap = insertionIndex(view_->mapToScene(pos));
  moveLayer(from, gap > from ? gap - 1 : gap);
  return true;
}

void NetworkBuilder::dragOverCanvas(QDragMoveEvent* event) {
  if (!event->mimeData()->hasFormat(kLayerMime)) {  // only layers from the palette land here
    event->ignore();
    return;
  }
  event->setDropAction(Qt::CopyAction);
  event->accept();
  showDropMarker(insertionIndex(view_->mapToScene(event->position().toPoint())));
}

void NetworkBuilder::dropOnCanvas(QDropEvent* event) {
  showDropMarker(-1);
  const QString type = QString::fromUtf8(event->mimeData()->data(kLayerMime));
  if (!gs::spec::find_layer_kind(type.toStdString())) {
    event->ignore();
    return;
  }
  event->setDropAction(Qt::CopyAction);
  event->accept();
  addLayer(type, insertionIndex(view_->mapToScene(event->position().toPoint())));
}

bool NetworkBuilder::overPalette(QPoint viewport_pos) const {
  const QPoint p = palette_->mapFromGlobal(view_->viewport()->mapToGlobal(viewport_pos));
  return palette_->rect().contains(p);
}

}  // namespace gsui
