#include "app/palette.h"

#include "app/appearance.h"

#include <algorithm>
#include <cmath>

namespace gsui::palette {
namespace {

const Appearance& look() { return Appearance::instance(); }

}  // namespace

QColor classColor(int k) {
  // Okabe–Ito order is blue, vermillion, green, …: classes 0 and 1 swap so that class 0 is
  // orange and class 1 blue, as in TensorFlow Playground.
  if (k == 0) return look().seriesColor(1);
  if (k == 1) return look().seriesColor(0);
  return look().seriesColor(k);
}

QCPScatterStyle::ScatterShape classShape(int k) {
  static const QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssCircle, QCPScatterStyle::ssSquare,
                                                         QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond,
                                                         QCPScatterStyle::ssTriangleInverted};
  return shapes[((k % 5) + 5) % 5];
}

QCPScatterStyle classPoint(int k, bool test, double size) {
  const QColor c = classColor(k);
  const double s = look().scale();
  if (test) return QCPScatterStyle(classShape(k), QPen(c, 2.0 * s), QBrush(look().plotBackground()), size);
  return QCPScatterStyle(classShape(k), QPen(look().plotBackground(), 1.0 * s), QBrush(c), size);
}

QColor classTint(int k) {
  QColor c = classColor(k);
  c.setAlphaF(look().theme() == Theme::Dark ? 0.35 : 0.25);
  return c;
}

QColor optimizerColor(int i) {
  i = ((i % kOptimizerStyles) + kOptimizerStyles) % kOptimizerStyles;
  if (i < 8) return look().seriesColor(i);
  // Two more beyond Okabe–Ito's eight (Paul Tol's wine and olive), lighter on a dark background.
  QColor c = i == 8 ? QColor(0x88, 0x22, 0x55) : QColor(0x99, 0x99, 0x33);
  return look().theme() == Theme::Dark ? c.lighter(150) : c;
}

Qt::PenStyle optimizerLineStyle(int i) {
  // Similar hues: 0 blue / 5 sky blue, 1 vermillion / 4 orange, 2 green / 9 olive, 3 purple /
  // 8 wine: each pair has one solid and one broken line.
  static const Qt::PenStyle styles[kOptimizerStyles] = {Qt::SolidLine, Qt::SolidLine,   Qt::SolidLine, Qt::SolidLine,
                                                        Qt::DashLine,  Qt::DashLine,    Qt::DashDotLine, Qt::DotLine,
                                                        Qt::DashDotLine, Qt::DashDotDotLine};
  return styles[((i % kOptimizerStyles) + kOptimizerStyles) % kOptimizerStyles];
}

QPen optimizerPen(int i, double width) {
  QPen pen(optimizerColor(i), width);
  pen.setStyle(optimizerLineStyle(i));
  pen.setCapStyle(Qt::FlatCap);
  return pen;
}

QColor learningRateColor(int i) { return look().seriesColor(i); }

std::vector<int> LearningRateColors::assign(const std::vector<double>& rates) {
  const int n = static_cast<int>(rates.size());
  std::vector<int> colour(rates.size(), -1);
  std::vector<bool> taken(static_cast<std::size_t>(std::max(sliders_, n)), false);
  // Colour c for slot `first` and every later slot holding the same rate.
  auto give = [&](int first, int c) {
    for (int j = first; j < n; ++j)
      if (rates[j] == rates[first]) colour[j] = c;
    taken[static_cast<std::size_t>(c)] = true;
  };
  // Rates seen before keep their colour; then new rates take their slot's colour or the first free.
  for (int i = 0; i < n; ++i) {
    if (colour[i] >= 0) continue;  // (a rate met in an earlier slot)
    const auto seen = remembered_.find(rates[i]);
    if (seen != remembered_.end() && seen->second < static_cast<int>(taken.size()) && !taken[static_cast<std::size_t>(seen->second)]) give(i, seen->second);
  }
  for (int i = 0; i < n; ++i) {
    if (colour[i] >= 0) continue;  // (a rate met in an earlier slot)
    int c = taken[static_cast<std::size_t>(i)] ? 0 : i;
    while (taken[static_cast<std::size_t>(c)]) ++c;  // (at most `sliders` rates: a free colour remains)
    give(i, c);
  }
  for (int i = 0; i < n; ++i) remembered_[rates[i]] = colour[i];
  return colour;
}

QColor rightColor() { return look().seriesColor(2); }
QColor wrongColor() { return look().seriesColor(1); }

namespace {

double luminance(const QColor& c) {
  auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

}  // namespace

double contrastRatio(const QColor& a, const QColor& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableText(const QColor& colour, const QColor& background) {
  if (contrastRatio(colour, background) >= 4.5) return colour;
  const bool dark = luminance(background) < 0.18;
  QColor c = colour.toHsl();
  // In steps of lightness, the hue and saturation kept: at worst black or white, which always pass.
  for (int step = 0; step < 40 && contrastRatio(c, background) < 4.5; ++step)
    c.setHslF(c.hslHueF(), c.hslSaturationF(), std::clamp(c.lightnessF() + (dark ? 0.025 : -0.025), 0.0, 1.0), c.alphaF());
  return c.toRgb();
}

}  // namespace gsui::palette
