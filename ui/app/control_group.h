#pragma once
// A titled group of form rows for a lab's controls panel, so that every lab lays out its controls
// the same way:
//
//   auto* data = new ControlGroup(controlsLayout());
//   noise_label_ = data->addRow(noise_slider_);     // a label (set in retranslate()) and a field
//   data->addWideRow(show_test_);                   // a checkbox or button across the whole row
//
// The group is added to the panel's layout it is given; its title is set in retranslate().
//
// Presentation mode folds away the groups of a panel that hold none of its primary controls
// (widgets with the property "gsPrimary"); folding is separate from the lab's own show()/hide(),
// so a group the lab hid stays hidden when it unfolds, and one the lab shows while folded stays
// folded.
#include <QGroupBox>
#include <initializer_list>

class QBoxLayout;
class QFormLayout;
class QLabel;

namespace gsui {

class ControlGroup : public QGroupBox {
  Q_OBJECT
 public:
  /// A group appended to `panel` (a lab's controlsLayout()).
  explicit ControlGroup(QBoxLayout* panel);
  /// A row: a label (returned, for retranslate() to fill) and the field beside it.
  QLabel* addRow(QWidget* field);
  /// A row of several fields side by side (a combo and its rate), with one label.
  QLabel* addRow(std::initializer_list<QWidget*> fields);
  /// A row the widget fills alone (a checkbox, a button, a wrapped note).
  void addWideRow(QWidget* widget);
  /// Several widgets side by side across the whole row (two buttons).
  void addWideRow(std::initializer_list<QWidget*> widgets);
  QFormLayout* form() const { return form_; }
  /// Folded: out of sight whatever the lab asks; unfolded: shown or hidden as the lab asked.
  void setFolded(bool folded);
  bool isFolded() const { return folded_; }
  /// Whether any widget in the group (or the group) has the property "gsPrimary".
  bool holdsPrimary() const;
  /// What the lab asked (show()/hide()), folded or not.
  bool wantsVisible() const { return wanted_; }
  void setVisible(bool visible) override;

 private:
  QFormLayout* form_;
  bool folded_ = false;
  bool wanted_ = true;
};

}  // namespace gsui
