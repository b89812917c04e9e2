#include "labs/autograd/leaf_table.h"

#include <QEvent>
#include <QHeaderView>

namespace gsui {

LeafTable::LeafTable(QWidget* parent) : QTableWidget(0, 3, parent) {
  setObjectName("leaves");
  verticalHeader()->hide();
  // The name and the requires_grad box as wide as they need (the header "requires_grad" whole),
  // the value takes the rest.
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  fitHeight();
  connect(this, &QTableWidget::itemChanged, this, [this] {
    if (!filling_) emit leafEdited();
  });
}

void LeafTable::showLeaves(const QStringList& names, const std::map<QString, QString>& values,
                           const std::map<QString, bool>& requires_grad) {
  filling_ = true;
  setRowCount(names.size());
  for (int r = 0; r < names.size(); ++r) {
    const QString& name = names[r];
    auto* n = new QTableWidgetItem(name);
    n->setFlags(Qt::ItemIsEnabled);
    auto* v = new QTableWidgetItem(values.at(name));
    auto* rg = new QTableWidgetItem;
    rg->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    rg->setCheckState(requires_grad.at(name) ? Qt::Checked : Qt::Unchecked);
    setItem(r, 0, n);
    setItem(r, 1, v);
    setItem(r, 2, rg);
  }
  filling_ = false;
  fitHeight();
}

void LeafTable::fitHeight() {
  // (a projector's font makes taller rows: the height follows, else the last leaf scrolls away)
  verticalHeader()->setDefaultSectionSize(std::max(verticalHeader()->defaultSectionSize(), fontMetrics().height() + 8));
  int rows = 0;
  for (int r = 0; r < rowCount(); ++r) rows += rowHeight(r);
  rows += std::max(0, 3 - rowCount()) * verticalHeader()->defaultSectionSize();
  setMinimumHeight(horizontalHeader()->sizeHint().height() + rows + 2 * frameWidth() + 2);
}

void LeafTable::changeEvent(QEvent* event) {
  QTableWidget::changeEvent(event);
  if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) fitHeight();
}

void LeafTable::readLeaves(std::map<QString, QString>& values, std::map<QString, bool>& requires_grad) const {
  for (int r = 0; r < rowCount(); ++r) {
    const QString name = item(r, 0)->text();
    values[name] = item(r, 1)->text();
    requires_grad[name] = item(r, 2)->checkState() == Qt::Checked;
  }
}

}  // namespace gsui
