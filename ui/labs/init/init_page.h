#pragma once
// One page (tab) of the Initialization lab (a LabPage), with the number format and the scheme
// and activation menus its pages share.
#include "app/lab_page.h"

#include <QSize>

class QComboBox;

namespace gsui {

class InitPage : public LabPage {
  Q_OBJECT
 public:
  using LabPage::LabPage;
  /// A number as the lab prints it: 3 significant digits, scientific below 0.001.
  static QString number(double value);
  /// Fills `box` with the schemes' labels (data: the scheme's id) or the activations'.
  static void fillSchemes(QComboBox* box, bool with_zeros);
  static void fillActivations(QComboBox* box);
  /// The least size of one plot of a grid of small multiples (plots marked gsSmallMultiple, 0.6 ×
  /// a plot alone's least size), at the current presentation scale.
  static QSize smallMultipleSize();
};

}  // namespace gsui
