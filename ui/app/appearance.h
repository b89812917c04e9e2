#pragma once
// How things look: theme (light, dark, projector high contrast), presentation mode and its scale.
// Labs read pen widths and font sizes from here and re-apply them on changed().
#include <QColor>
#include <QFont>
#include <QObject>
#include <QPalette>

namespace gsui {

enum class Theme { Light, Dark, Projector };

class Appearance : public QObject {
  Q_OBJECT
 public:
  static Appearance& instance();

  Theme theme() const { return presentation_ ? Theme::Projector : theme_; }
  void setTheme(Theme theme);
  bool presentation() const { return presentation_; }
  void setPresentation(bool on);
  /// Font and line scale of presentation mode (1.2–3.0, default 1.6).
  double presentationScale() const { return scale_; }
  void setPresentationScale(double scale);
  /// The factor in effect now: 1 outside presentation mode.
  double scale() const { return presentation_ ? scale_ : 1.0; }

  /// Application font size in points for the current mode.
  double fontPointSize() const { return base_point_size_ * scale(); }
  /// Line width for plotted curves.
  double lineWidth() const { return 2.0 * scale(); }
  QPalette palette() const;
  QColor plotBackground() const;
  QColor plotForeground() const;
  QColor gridColor() const;
  /// Colour-blind-safe series colours (Okabe–Ito), brightened on dark themes.
  QColor seriesColor(int index) const;
  QColor positiveColor() const { return seriesColor(0); }
  QColor negativeColor() const { return seriesColor(1); }
  QColor errorColor() const;

  /// Applies palette and font to the application.
  void applyToApplication() const;

 signals:
  void changed();

 private:
  Appearance();
  Theme theme_ = Theme::Light;
  bool presentation_ = false;
  double scale_ = 1.6;
  double base_point_size_ = 10.0;
};

}  // namespace gsui
