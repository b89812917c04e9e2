#include "labs/descent/learning_rate_slider.h"

#include <QHBoxLayout>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <cmath>

#include "app/appearance.h"

namespace gsui {
namespace {

constexpr int kSliderSteps = 300;  // log10(lr) from −3 to 0 in 1/100 decades

}  // namespace

LearningRateSlider::LearningRateSlider(QWidget* parent) : QWidget(parent) {
  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setRange(0, kSliderSteps);
  auto* l = new QHBoxLayout(this);
  l->setContentsMargins(0, 0, 0, 0);
  l->addWidget(slider_);
  connect(slider_, &QSlider::valueChanged, this, [this] { emit valueChanged(value()); });
}

double LearningRateSlider::value() const { return std::pow(10.0, -3.0 + 3.0 * slider_->value() / kSliderSteps); }

void LearningRateSlider::setValue(double lr) {
  slider_->setValue(static_cast<int>(std::lround((std::log10(std::clamp(lr, 1e-3, 1.0)) + 3.0) / 3.0 * kSliderSteps)));
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
