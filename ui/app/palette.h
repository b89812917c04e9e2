#pragma once
// One visual language for every lab: what a colour, a marker or a line style means is decided
// here once, on top of Appearance's colour-blind-safe series colours (Okabe–Ito).
//
//  - Classes: class k has one colour and one marker shape in every lab (class 0 orange circle,
//    class 1 blue square, class 2 green triangle, as TensorFlow Playground's orange/blue).
//    Filled means a training point, hollow (a ring in the class colour) ALWAYS means a test point.
//  - Optimizers: ten colours, each with a line style, so that two similar hues (blue and sky blue,
//    vermillion and orange) never also share a style; readable on a washed-out projector.
//  - Learning rates: a rate VALUE has one colour in every panel (paths, loss, 3-D, iterates,
//    its slider's label) and in every step of a lesson; equal rates share it (LearningRateColors).
#include <QColor>
#include <QPen>
#include <map>
#include <qcustomplot.h>
#include <vector>

namespace gsui::palette {

/// Colour of class k: 0 orange, 1 blue, 2 green, 3 reddish purple, then the other series colours.
QColor classColor(int k);
/// Marker of class k, so that classes differ without colour: circle, square, triangle, diamond, …
QCPScatterStyle::ScatterShape classShape(int k);
/// A data point of class k, `size` px across: a training point is filled with the class colour
/// (a thin background outline keeps it apart from its neighbours); a test point is hollow: a ring
/// in the class colour around the plot background.
QCPScatterStyle classPoint(int k, bool test, double size);
/// The class colour at decision-map strength (translucent, so points and lines stay on top).
QColor classTint(int k);

/// How many optimizers have their own look.
inline constexpr int kOptimizerStyles = 10;
/// Colour of optimizer i (0 … 9, then again): the Okabe–Ito colours, wine and olive.
QColor optimizerColor(int i);
/// Line style of optimizer i: styles differ between similar hues.
Qt::PenStyle optimizerLineStyle(int i);
/// The pen of optimizer i at `width` px.
QPen optimizerPen(int i, double width);

/// Learning-rate colour i (Okabe–Ito's first ones: blue, vermillion, green, purple, …).
QColor learningRateColor(int i);

/// Which learning-rate colour each of a lab's rates gets, keyed by the rate's value: equal rates
/// share a colour (one path, one legend entry), different rates shown together never do, and a
/// rate keeps the colour it had the last time it showed — 0.09 is the same green when a lesson
/// moves it from the first slider to the second. A rate not seen before takes its slot's colour
/// when that is free (so a drag keeps the slider's colour), else the first free one.
class LearningRateColors {
 public:
  /// `sliders`: how many rates a lab shows at most; colours 0 … sliders − 1 are handed out.
  explicit LearningRateColors(int sliders) : sliders_(sliders) {}
  /// The colour index of each rate in `rates` (a lab's sliders in order, at most `sliders`).
  std::vector<int> assign(const std::vector<double>& rates);

 private:
  int sliders_;
  std::map<double, int> remembered_;  ///< rate → the colour it had when it last showed
};

/// `colour` as text on `background`: its hue kept, darkened (on a dark background lightened)
/// until it has WCAG's 4.5:1 contrast for body text. Okabe–Ito's orange and sky blue are fine
/// lines but wash out as the name "RMSprop" or "Adam" on a projector's white.
QColor readableText(const QColor& colour, const QColor& background);
/// The contrast ratio of two colours (WCAG 2: 1 … 21).
double contrastRatio(const QColor& a, const QColor& b);

/// Cells of a confusion matrix: right (diagonal) and wrong.
QColor rightColor();
QColor wrongColor();

}  // namespace gsui::palette
