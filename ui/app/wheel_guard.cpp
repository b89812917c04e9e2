#include "app/wheel_guard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QWheelEvent>

namespace gsui {

namespace {

/// Whether `w` sits in a scroll area that can scroll (the wheel then belongs to the area).
bool inScrollArea(const QWidget* w) {
  for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
    if (qobject_cast<const QAbstractScrollArea*>(p)) return true;
  return false;
}

}  // namespace

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() != QEvent::Wheel) return false;
  auto* w = qobject_cast<QWidget*>(watched);
  if (!w || w->hasFocus()) return false;
  const bool value_widget = qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
                            (qobject_cast<QAbstractSlider*>(w) && !qobject_cast<QScrollBar*>(w));
  if (!value_widget || !inScrollArea(w)) return false;
  // Hand the wheel to the nearest scroll area instead.
  for (QWidget* p = w->parentWidget(); p; p = p->parentWidget())
    if (auto* area = qobject_cast<QAbstractScrollArea*>(p)) {
      QApplication::sendEvent(area->viewport(), event);
      return true;
    }
  return false;
}

}  // namespace gsui
