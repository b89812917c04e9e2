#include "app/play_speed.h"

#include <QCoreApplication>
#include <cmath>

namespace gsui {

PlaySpeed& PlaySpeed::instance() {
  static PlaySpeed* speed = new PlaySpeed;  // (never destroyed: sessions may outlive QApplication's objects)
  return *speed;
}

const QVector<double>& PlaySpeed::levels() {
  static const QVector<double> l = {1, 2, 5, 10, 30, 100, 300, 1000, 0};
  return l;
}

int PlaySpeed::levelOf(double sps) {
  const QVector<double>& l = levels();
  if (!(sps > 0) || !std::isfinite(sps)) return static_cast<int>(l.size()) - 1;
  int best = 0;
  for (int i = 0; i + 1 < l.size(); ++i)
    if (std::abs(std::log(l[i] / sps)) < std::abs(std::log(l[best] / sps))) best = i;
  return best;
}

void PlaySpeed::setStepsPerSecond(double sps) {
  const double snapped = levels()[levelOf(sps)];
  if (snapped == steps_per_second_) return;
  steps_per_second_ = snapped;
  emit changed(snapped);
}

void PlaySpeed::slower() {
  const int i = levelOf(steps_per_second_);
  if (i > 0) setStepsPerSecond(levels()[i - 1]);
}

void PlaySpeed::faster() {
  const int i = levelOf(steps_per_second_);
  if (i + 1 < levels().size()) setStepsPerSecond(levels()[i + 1]);
}

QString PlaySpeed::label(double sps) {
  if (!(sps > 0)) return QCoreApplication::translate("gsui::PlaySpeed", "Flat out");
  const int n = static_cast<int>(std::lround(sps));
  return n == 1 ? QCoreApplication::translate("gsui::PlaySpeed", "1 step/s")
                : QCoreApplication::translate("gsui::PlaySpeed", "%1 steps/s").arg(n);
}

}  // namespace gsui
