#include "app/lab_page.h"

#include <QVBoxLayout>

namespace gsui {

LabPage::LabPage(QWidget* parent) : QWidget(parent), controls_(new QWidget) { new QVBoxLayout(controls_); }

LabPage::~LabPage() { delete controls_; }

QVBoxLayout* LabPage::controlsLayout() const { return static_cast<QVBoxLayout*>(controls_->layout()); }

}  // namespace gsui
