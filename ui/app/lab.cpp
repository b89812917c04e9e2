#include "app/lab.h"

#include <QEvent>

namespace gsui {

void Lab::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace gsui
