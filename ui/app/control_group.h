#pragma once
// A titled group of form rows for a lab's controls panel, so that every lab lays out its controls
// the same way:
//
//   auto* data = new ControlGroup(controlsLayout());
//   noise_label_ = data->addRow(noise_slider_);     // a label (set in retranslate()) and a field
//   data->addWideRow(show_test_);                   // a checkbox or button across the whole row
//
// The group is added to the panel's layout it is given; its title is set in retranslate().
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

 private:
  QFormLayout* form_;
};

}  // namespace gsui
