#include "app/lab.h"

#include <QEvent>
#include <QVBoxLayout>

namespace gsui {

Lab::Lab(QWidget* parent) : QWidget(parent), controls_(new QWidget) { new QVBoxLayout(controls_); }

Lab::~Lab() { delete controls_; }  // (null when the window's panel was destroyed first)

QVBoxLayout* Lab::controlsLayout() const { return static_cast<QVBoxLayout*>(controls_->layout()); }

void Lab::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace gsui
