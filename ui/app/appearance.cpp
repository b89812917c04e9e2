#include "app/appearance.h"

#include <QApplication>
#include <QHeaderView>
#include <QProxyStyle>
#include <QStyleFactory>
#include <algorithm>
#include <cmath>
#include <memory>

namespace gsui {
namespace {

/// Fusion with what it draws at a fixed pixel size scaled as the text is: check box and radio
/// indicators, slider handles and tool bar icons (a 13 px box beside 29 px text is lost on a
/// projector).
class ScaledStyle : public QProxyStyle {
 public:
  ScaledStyle() : QProxyStyle(QStyleFactory::create("Fusion")) {}
  /// A table row: the style's own height, or a line and a half of the application's font when
  /// that is taller (presentation mode), so that text never touches the row lines.
  static int rowHeight(int base) { return std::max(base, QFontMetrics(QApplication::font()).height() * 3 / 2); }
  int pixelMetric(PixelMetric metric, const QStyleOption* option, const QWidget* widget) const override {
    const int base = QProxyStyle::pixelMetric(metric, option, widget);
    switch (metric) {
      case PM_IndicatorWidth:
      case PM_IndicatorHeight:
      case PM_ExclusiveIndicatorWidth:
      case PM_ExclusiveIndicatorHeight:
      case PM_SliderLength:
      case PM_SliderControlThickness:
      case PM_SliderThickness:
      case PM_ToolBarIconSize:
        return static_cast<int>(std::lround(base * Appearance::instance().scale()));
      case PM_HeaderDefaultSectionSizeVertical:
        return rowHeight(base);  // table rows grow with the presentation font
      default:
        return base;
    }
  }
};

}  // namespace

Appearance& Appearance::instance() {
  static Appearance a;
  return a;
}

Appearance::Appearance() {
  if (qApp) base_point_size_ = std::max(10.0, QApplication::font().pointSizeF());
}

void Appearance::setTheme(Theme theme) {
  if (theme == theme_) return;
  theme_ = theme;
  applyToApplication();
  emit changed();
}

void Appearance::setPresentation(bool on) {
  if (on == presentation_) return;
  presentation_ = on;
  applyToApplication();
  emit changed();
}

double Appearance::windowFactorFor(QSize window) {
  if (window.isEmpty()) return 1.0;
  const double k = std::min(window.height() / 800.0, window.width() / 1280.0);
  return std::clamp(std::round(k * 20.0) / 20.0, 0.6, 2.5);
}

void Appearance::setWindowSize(QSize window) {
  const double k = windowFactorFor(window);
  if (k == window_factor_) return;
  window_factor_ = k;
  if (!presentation_) return;  // outside presentation mode nothing changes (scale() is 1)
  applyToApplication();
  emit changed();
}

void Appearance::setPresentationScale(double scale) {
  scale = std::clamp(scale, 1.2, 3.0);
  if (scale == scale_) return;
  scale_ = scale;
  if (presentation_) applyToApplication();
  emit changed();
}

QPalette Appearance::palette() const {
  QPalette p;
  auto set = [&p](QColor window, QColor text, QColor base, QColor alt, QColor button, QColor highlight, QColor hi_text) {
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alt);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, hi_text);
    p.setColor(QPalette::PlaceholderText, text.lighter(150));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(128, 128, 128));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(128, 128, 128));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(128, 128, 128));
  };
  switch (theme()) {
    case Theme::Light:
      set(QColor(0xf4, 0xf5, 0xf7), QColor(0x1d, 0x1f, 0x24), Qt::white, QColor(0xee, 0xf0, 0xf3), QColor(0xe9, 0xeb, 0xef),
          QColor(0x00, 0x72, 0xb2), Qt::white);
      break;
    case Theme::Dark:
      set(QColor(0x23, 0x26, 0x2c), QColor(0xe6, 0xe8, 0xeb), QColor(0x1a, 0x1c, 0x21), QColor(0x2b, 0x2e, 0x35),
          QColor(0x32, 0x36, 0x3e), QColor(0x56, 0xb4, 0xe9), Qt::black);
      break;
    case Theme::Projector:
      // High contrast: pure black text on white, strong blue selection (readable in a bright room).
      set(Qt::white, Qt::black, Qt::white, QColor(0xf0, 0xf0, 0xf0), QColor(0xe0, 0xe0, 0xe0), QColor(0x00, 0x4c, 0x99),
          Qt::white);
      break;
  }
  return p;
}

QColor Appearance::plotBackground() const { return theme() == Theme::Dark ? QColor(0x1a, 0x1c, 0x21) : Qt::white; }
QColor Appearance::plotForeground() const { return theme() == Theme::Dark ? QColor(0xe6, 0xe8, 0xeb) : Qt::black; }
QColor Appearance::gridColor() const {
  return theme() == Theme::Dark ? QColor(0x3a, 0x3e, 0x46) : theme() == Theme::Projector ? QColor(0xb0, 0xb0, 0xb0) : QColor(0xdd, 0xdd, 0xdd);
}

QColor Appearance::seriesColor(int index) const {
  static const QColor okabe_ito[] = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73),
                                     QColor(0xcc, 0x79, 0xa7), QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9),
                                     QColor(0x8c, 0x6d, 0x31), QColor(0x33, 0x33, 0x33)};
  QColor c = okabe_ito[((index % 8) + 8) % 8];
  if (theme() == Theme::Dark) c = c.lighter(135);
  if (theme() == Theme::Dark && index % 8 == 7) c = QColor(0xcc, 0xcc, 0xcc);
  return c;
}

QColor Appearance::errorColor() const { return theme() == Theme::Dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x00, 0x00); }

QColor Appearance::mutedColor() const {
  const QColor f = plotForeground(), b = plotBackground();
  const double k = 0.68;
  return QColor::fromRgbF(b.redF() + (f.redF() - b.redF()) * k, b.greenF() + (f.greenF() - b.greenF()) * k, b.blueF() + (f.blueF() - b.blueF()) * k);
}

void Appearance::applyToApplication() const {
  if (!qApp) return;
  QApplication::setStyle(new ScaledStyle);
  QApplication::setPalette(palette());
  QFont f = QApplication::font();
  f.setPointSizeF(fontPointSize());
  QApplication::setFont(f);
  // Tables made before the font changed keep their rows' height: they follow it here.
  static const int base = [] {
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create("Fusion"));
    return fusion->pixelMetric(QStyle::PM_HeaderDefaultSectionSizeVertical);
  }();
  for (QWidget* w : QApplication::allWidgets())
    if (auto* header = qobject_cast<QHeaderView*>(w); header && header->orientation() == Qt::Vertical)
      header->setDefaultSectionSize(ScaledStyle::rowHeight(base));
}

}  // namespace gsui
