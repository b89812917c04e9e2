#pragma once
// One visual language for every lab: what a colour, a marker or a line style means is decided
// here once, on top of Appearance's colour-blind-safe series colours (Okabe–Ito).
//
//  - Classes: class k has one colour and one marker shape in every lab (class 0 orange circle,
//    class 1 blue square, class 2 green triangle, as TensorFlow Playground's orange/blue).
//    Filled means a training point, hollow (a ring in the class colour) ALWAYS means a test point.
//  - Optimizers: ten colours, each with a line style, so that two similar hues (blue and sky blue,
//    vermillion and orange) never also share a style; readable on a washed-out projector.
//  - Learning rates: slot i of a lab has one colour in every panel (paths, loss, 3-D, iterates).
#include <QColor>
#include <QPen>
#include <qcustomplot.h>

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

/// Colour of learning-rate slot i of a lab, the same in every panel of that lab.
QColor learningRateColor(int i);

/// Cells of a confusion matrix: right (diagonal) and wrong.
QColor rightColor();
QColor wrongColor();

}  // namespace gsui::palette
