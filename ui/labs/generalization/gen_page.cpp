#include "labs/generalization/gen_page.h"

#include <QVBoxLayout>
#include <cmath>

namespace gsui {

GenPage::GenPage(QWidget* parent) : QWidget(parent), controls_(new QWidget) {
  auto* layout = new QVBoxLayout(controls_);
  layout->setContentsMargins(0, 0, 0, 0);
}

GenPage::~GenPage() {
  // The lab reparents the controls into its side panel; if it did not, they are ours.
  if (controls_ && !controls_->parent()) delete controls_;
}

QString GenPage::number(double value, int decimals) {
  if (!std::isfinite(value)) return QString::number(value);
  const QString s = QString::number(value, 'f', decimals);
  return s.startsWith('-') && s.toDouble() == 0.0 ? s.mid(1) : s;
}

QVBoxLayout* GenPage::controlsLayout() const { return static_cast<QVBoxLayout*>(controls_->layout()); }

}  // namespace gsui
