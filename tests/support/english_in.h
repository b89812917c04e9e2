#pragma once
// What the app's own language check (checkLanguage) finds English in a text shown on a label:
// the rule the suites use for "this Korean text has no English left".
#include <QLabel>
#include <QStringList>
#include <QWidget>

#include "app/layout_check.h"

inline QStringList englishIn(const QString& text) {
  QWidget window;
  auto* label = new QLabel(text, &window);
  label->setWordWrap(true);
  label->setTextFormat(Qt::PlainText);
  window.resize(900, 600);
  label->resize(880, 580);
  window.show();
  QStringList found;
  for (const gsui::LayoutProblem& p : gsui::checkLanguage(&window)) found << gsui::describe(p);
  return found;
}
