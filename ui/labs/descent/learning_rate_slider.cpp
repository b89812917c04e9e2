#include "labs/descent/learning_rate_slider.h"

#include <QHBoxLayout>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QString>
#include <QStyle>
#include <cmath>

#include "app/appearance.h"

namespace gsui {
namespace {

constexpr int kSliderSteps = 300;  // log10(lr) from −3 to 0 in 1/100 decades

double roundSignificant(double v, int digits) { return QString::number(v, 'g', digits).toDouble(); }
int position(double lr) { return static_cast<int>(std::lround((std::log10(lr) + 3.0) / 3.0 * kSliderSteps)); }

}  // namespace

LearningRateSlider::LearningRateSlider(QWidget* parent) : QWidget(parent) {
  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setRange(0, kSliderSteps);
  auto* l = new QHBoxLayout(this);
  l->setContentsMargins(0, 0, 0, 0);
  l->addWidget(slider_);
  // A drag: 10^(k/100) to 3 significant digits (0.0398 → 0.0398, 10^-1.4 → 0.0398).
  connect(slider_, &QSlider::valueChanged, this, [this](int k) {
    value_ = roundSignificant(std::pow(10.0, -3.0 + 3.0 * k / kSliderSteps), 3);
    emit valueChanged(value_);
  });
}

QString LearningRateSlider::text(double lr) { return QString::number(lr, 'g', 4); }

void LearningRateSlider::setValue(double lr) {
  const double v = roundSignificant(std::clamp(lr, 1e-3, 1.0), 4);
  const bool changed = v != value_;
  value_ = v;
  {
    const QSignalBlocker block(slider_);
    slider_->setValue(position(v));
  }
  update();
  if (changed) emit valueChanged(value_);
}

void LearningRateSlider::setStableLimit(double lr) {
  limit_ = lr;
  update();
}

void LearningRateSlider::paintEvent(QPaintEvent* event) {
  QWidget::paintEvent(event);
  if (limit_ <= 0) return;
  const double t = (std::log10(std::clamp(limit_, 1e-3, 1.0)) + 3.0) / 3.0;
  QPainter p(this);
  const int margin = style()->pixelMetric(QStyle::PM_SliderLength, nullptr, slider_) / 2;
  const int x = margin + static_cast<int>(t * (width() - 2 * margin));
  p.setPen(QPen(Appearance::instance().errorColor(), 3));
  p.drawLine(x, 0, x, height());
}

}  // namespace gsui
