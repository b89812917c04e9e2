#pragma once
// The layout check behind `gradscope --check-layout` (issue 15): after layout, walks every visible
// widget of a window and lists what a learner at the back of the room would see as broken — a
// label, button, check box, combo box, tab or table cell whose text does not fit (cut or elided),
// a widget clipped by the window, a horizontal scroll bar, a plot too small to read, a primary
// control (property "gsPrimary") that needs scrolling to be seen. It reads geometry and font
// metrics only: it cannot be fooled by how a screenshot looks.
#include <QString>
#include <QVector>

class QWidget;

namespace gsui {

struct LayoutProblem {
  QString kind;    ///< "cut text", "elided tab", "clipped", "horizontal scroll bar", "small plot", "hidden primary control"
  QString text;    ///< the text concerned (or the widget's class)
  QString where;   ///< the widget's path of object names / classes under the window
  QString detail;  ///< "needs 120 px, has 80"
};

/// The problems of `window` as laid out now (call after the layout settled).
QVector<LayoutProblem> checkLayout(QWidget* window);
/// In Korean mode: every visible label, button, group title, tab, combo box text and table header
/// that still reads as English words ("untranslated"), besides the terms a Korean course keeps in
/// English (PyTorch's names, acronyms, code).
QVector<LayoutProblem> checkLanguage(QWidget* window);
/// One line per problem: "cut text \"Optimizer\" at …/QLabel: needs 120 px, has 80".
QString describe(const LayoutProblem& problem);

/// The smallest plot a class can read, in pixels at scale 1 (presentation mode scales it).
inline constexpr int kMinPlotWidth = 160, kMinPlotHeight = 110;
/// The least height of a plot's data area (its axis rect) at scale 1.
inline constexpr int kMinDataHeight = 64;

}  // namespace gsui
