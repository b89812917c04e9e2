#include "app/control_group.h"

#include <QBoxLayout>
#include <QFormLayout>
#include <QLabel>

namespace gsui {
namespace {
QWidget* rowOf(std::initializer_list<QWidget*> widgets) {
  auto* row = new QWidget;
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  for (QWidget* w : widgets) layout->addWidget(w);
  return row;
}
}  // namespace

ControlGroup::ControlGroup(QBoxLayout* panel) : form_(new QFormLayout(this)) { panel->addWidget(this); }

QLabel* ControlGroup::addRow(QWidget* field) {
  auto* label = new QLabel;
  label->setBuddy(field);
  form_->addRow(label, field);
  return label;
}

QLabel* ControlGroup::addRow(std::initializer_list<QWidget*> fields) { return addRow(rowOf(fields)); }

void ControlGroup::addWideRow(QWidget* widget) { form_->addRow(widget); }

void ControlGroup::addWideRow(std::initializer_list<QWidget*> widgets) { form_->addRow(rowOf(widgets)); }

void ControlGroup::setVisible(bool visible) {
  wanted_ = visible;
  QGroupBox::setVisible(visible && !folded_);
}

void ControlGroup::setFolded(bool folded) {
  if (folded == folded_) return;
  folded_ = folded;
  QGroupBox::setVisible(wanted_ && !folded_);
}

bool ControlGroup::holdsPrimary() const {
  if (property("gsPrimary").toBool()) return true;
  for (const QWidget* w : findChildren<QWidget*>())
    if (w->property("gsPrimary").toBool()) return true;
  return false;
}

}  // namespace gsui
