#pragma once
// The mouse wheel over a combo box, spin box or slider that the learner has not clicked scrolls
// the panel it sits in instead of changing its value: turning the wheel to scroll the Controls
// panel must not switch the optimizer or the data set on the way (issue 15). A control that has
// the focus (clicked, or reached with Tab) takes the wheel as usual.
#include <QObject>

namespace gsui {

class WheelGuard : public QObject {
  Q_OBJECT
 public:
  explicit WheelGuard(QObject* parent = nullptr) : QObject(parent) {}

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace gsui
