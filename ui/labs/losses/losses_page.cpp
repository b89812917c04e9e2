#include "labs/losses/losses_page.h"

#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

#include "app/appearance.h"
#include "app/engine_message.h"
#include "util/error.h"

namespace gsui {

LossesPage::LossesPage(QWidget* parent) : QWidget(parent), controls_(new QWidget) { new QVBoxLayout(controls_); }

LossesPage::~LossesPage() { delete controls_; }

QVBoxLayout* LossesPage::controlsLayout() const { return static_cast<QVBoxLayout*>(controls_->layout()); }

QString LossesPage::number(double value, int decimals) {
  if (!std::isfinite(value)) return QString::number(value);
  const QString s = QString::number(value, 'f', decimals);
  return s.startsWith('-') && s.toDouble() == 0.0 ? s.mid(1) : s;
}

QString LossesPage::engineMessage(const std::exception& error) {
  // A coded gs::Error in the learner's language, PyTorch's message on its own line.
  if (const auto* e = dynamic_cast<const gs::Error*>(&error)) return gsui::engineMessage(*e);
  return QString::fromStdString(error.what()).trimmed();
}

void LossesPage::markError(QLabel* label, bool error) {
  label->setStyleSheet(error ? QString("color: %1").arg(Appearance::instance().errorColor().name()) : QString());
}

}  // namespace gsui
