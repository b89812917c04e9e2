#include "labs/cnn/cnn_page.h"

#include <QVBoxLayout>

namespace gsui {

CnnPage::CnnPage(QWidget* parent) : QWidget(parent), controls_(new QWidget) {
  auto* layout = new QVBoxLayout(controls_);
  layout->setContentsMargins(0, 0, 0, 0);
}

CnnPage::~CnnPage() {
  // The lab reparents the controls into its side panel; if it did not, they are ours.
  if (controls_ && !controls_->parent()) delete controls_;
}

QVBoxLayout* CnnPage::controlsLayout() const { return static_cast<QVBoxLayout*>(controls_->layout()); }

}  // namespace gsui
