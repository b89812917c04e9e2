#pragma once
// How things look: theme (light, dark, projector high contrast), presentation mode and its scale.
// Labs read pen widths and font sizes from here and re-apply them on changed().
#include <QColor>
#include <QFont>
#include <QObject>
#include <QPalette>
#include <QSize>
#include <algorithm>

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
  /// The presenter's own factor of presentation mode (Ctrl +/−; 1.2–3.0, default 1.6), as meant
  /// for a 1280×800 window; the window's size multiplies it (windowFactor()).
  double presentationScale() const { return scale_; }
  void setPresentationScale(double scale);
  /// How much the window's size lets presentation mode grow: the height against 800 px, held back
  /// by the width against 1280 px on a narrow (4:3) screen, in steps of 0.05 from 0.6 to 2.5 —
  /// 0.8 at 1024×768, 0.9 at 1280×720, 1.35 at 1920×1080.
  static double windowFactorFor(QSize window);
  double windowFactor() const { return window_factor_; }
  /// The window presentation mode fills (the main window reports its size as it changes).
  void setWindowSize(QSize window);
  /// The factor in effect now: 1 outside presentation mode, else presentationScale() ×
  /// windowFactor() (never below 1). Fonts, pens, markers, diagrams and check boxes multiply by it.
  double scale() const { return presentation_ ? std::max(1.0, scale_ * window_factor_) : 1.0; }

  /// Application font size in points for the current mode.
  double fontPointSize() const { return base_point_size_ * scale(); }
  /// The smallest text a class still reads, in points: 80 % of fontPointSize() (8 pt outside
  /// presentation mode). Text shrunk to fit a cell or a box (a confusion matrix's counts) stops here.
  double minimumPointSize() const { return 0.8 * fontPointSize(); }
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
  /// Secondary text (a note under a line of code): the foreground two thirds of the way from the
  /// background, readable on a projector without a smaller font.
  QColor mutedColor() const;

  /// Applies palette and font to the application.
  void applyToApplication() const;

 signals:
  void changed();

 private:
  Appearance();
  Theme theme_ = Theme::Light;
  bool presentation_ = false;
  double scale_ = 1.6;
  double window_factor_ = 1.0;
  double base_point_size_ = 10.0;
};

}  // namespace gsui
