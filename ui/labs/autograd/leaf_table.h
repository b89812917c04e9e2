#pragma once
// The Autograd lab's table of leaves: one row per free variable of the program, with its value
// text ("0.5" or "1, 2, 3") and a requires_grad checkbox. The lab keeps the values; the table
// shows them and says when the user edited one.
#include <QTableWidget>
#include <map>

namespace gsui {

class LeafTable : public QTableWidget {
  Q_OBJECT
 public:
  explicit LeafTable(QWidget* parent = nullptr);
  /// One row per name, in order, showing `values` and `requires_grad` (which must hold every name).
  void showLeaves(const QStringList& names, const std::map<QString, QString>& values,
                  const std::map<QString, bool>& requires_grad);
  /// Copies every row's value text and requires_grad flag into the maps.
  void readLeaves(std::map<QString, QString>& values, std::map<QString, bool>& requires_grad) const;

 signals:
  /// The user changed a value or a requires_grad flag (not emitted while showLeaves() fills rows).
  void leafEdited();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  /// As high as its header and rows (three at least) at the font in effect: no scroll bar.
  void fitHeight();

  bool filling_ = false;
};

}  // namespace gsui
