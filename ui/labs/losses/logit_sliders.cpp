#include "labs/losses/logit_sliders.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace gsui {

LogitSliders::LogitSliders(const std::vector<double>& initial, const QString& object_name, QWidget* parent) : QWidget(parent) {
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  for (std::size_t i = 0; i < initial.size(); ++i) {
    auto* name = new QLabel(QString("z%1").arg(i));
    auto* slider = new QSlider(Qt::Horizontal);
    slider->setObjectName(QString("%1%2").arg(object_name).arg(i));
    slider->setRange(static_cast<int>(-kRange * 10), static_cast<int>(kRange * 10));
    slider->setValue(static_cast<int>(std::lround(initial[i] * 10)));
    auto* value = new QLabel;
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const int row = static_cast<int>(i);
    grid->addWidget(name, row, 0);
    grid->addWidget(slider, row, 1);
    grid->addWidget(value, row, 2);
    names_.push_back(name);
    sliders_.push_back(slider);
    values_.push_back(value);
    connect(slider, &QSlider::valueChanged, this, [this] {
      showValues();
      if (!setting_) emit changed();
    });
  }
  grid->setColumnStretch(1, 1);
  showValues();
}

std::vector<double> LogitSliders::values() const {
  std::vector<double> v;
  for (QSlider* s : sliders_) v.push_back(s->value() / 10.0);
  return v;
}

void LogitSliders::setValues(const std::vector<double>& values) {
  setting_ = true;
  for (std::size_t i = 0; i < sliders_.size() && i < values.size(); ++i)
    sliders_[i]->setValue(static_cast<int>(std::lround(std::clamp(values[i], -kRange, kRange) * 10)));
  setting_ = false;
  showValues();
  emit changed();
}

void LogitSliders::setNames(const QStringList& names) {
  for (std::size_t i = 0; i < names_.size() && static_cast<qsizetype>(i) < names.size(); ++i)
    names_[i]->setText(names[static_cast<qsizetype>(i)]);
}

void LogitSliders::changeEvent(QEvent* event) {
  if (event->type() == QEvent::FontChange) showValues();  // presentation mode: wider digits
  QWidget::changeEvent(event);
}

void LogitSliders::showValues() {
  // Wide enough for the widest value ("-6.0") in the current font, so the sliders do not jump.
  for (QLabel* value : values_) value->setMinimumWidth(value->fontMetrics().horizontalAdvance("-6.0") + 4);
  for (std::size_t i = 0; i < sliders_.size(); ++i) values_[i]->setText(QString::number(sliders_[i]->value() / 10.0, 'f', 1));
}

}  // namespace gsui
