// The network builder's property editor: the chosen layer's PyTorch arguments, the ones left out
// shown with the defaults core's validation fills in, each with an editor that fits its value (a
// check box, a spin box, or text read as JSON). Every change is one undoable setArgument.
#include "builder/network_builder.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <algorithm>

#include "spec/layer_table.h"

namespace gsui {
namespace {

/// Whether argument `name` of `kind` is a dimension (dim, start_dim, ...): those may count from the end.
bool isDimension(const gs::spec::LayerKind* kind, const std::string& name) {
  return kind && std::any_of(kind->args.begin(), kind->args.end(),
                             [&](const gs::spec::LayerArg& a) { return a.name == name && a.kind == gs::spec::ArgKind::Dim; });
}

}  // namespace

void NetworkBuilder::buildProperties() {
  while (properties_layout_->rowCount() > 0) properties_layout_->removeRow(0);
  if (selected_ < 0) {
    properties_title_->setText(tr("Click a layer to edit its arguments."));
    return;
  }
  const nlohmann::json& l = spec_["layers"][selected_];
  properties_title_->setText(tr("Layer %1: %2").arg(selected_).arg(QString::fromStdString(l["type"].get<std::string>())));
  // The layer's arguments with their defaults, from core's validation of the spec.
  nlohmann::json full = l;
  try {
    full = gs::spec::to_json(gs::spec::parse_model_spec({{"layers", {l}}}))["layers"][0];
  } catch (const gs::Error&) {
  }
  const gs::spec::LayerKind* kind = gs::spec::find_layer_kind(l["type"].get<std::string>());
  for (const auto& [key, value] : full.items()) {
    if (key == "type") continue;
    const QString name = QString::fromStdString(key);
    properties_layout_->addRow(name, argumentEditor(selected_, name, value, isDimension(kind, key)));
  }
}

QWidget* NetworkBuilder::argumentEditor(int index, const QString& name, const nlohmann::json& value, bool dim) {
  if (value.is_boolean()) {
    auto* c = new QCheckBox;
    c->setChecked(value.get<bool>());
    connect(c, &QCheckBox::toggled, this, [this, index, name](bool on) { setArgument(index, name, on); });
    return c;
  }
  // A pair of equal sizes (kernel_size=[3, 3]) is edited as the one number PyTorch also accepts.
  if (value.is_number_integer() || (value.is_array() && value.size() == 2 && value[0] == value[1])) {
    auto* s = new QSpinBox;
    s->setRange(dim ? -4 : 0, 4096);
    s->setValue(value.is_array() ? value[0].get<int>() : value.get<int>());
    connect(s, &QSpinBox::editingFinished, this, [this, index, name, s] { setArgument(index, name, s->value()); });
    return s;
  }
  if (value.is_number()) {
    auto* d = new QDoubleSpinBox;
    d->setDecimals(5);
    d->setRange(-1e6, 1e6);
    d->setValue(value.get<double>());
    connect(d, &QDoubleSpinBox::editingFinished, this, [this, index, name, d] { setArgument(index, name, d->value()); });
    return d;
  }
  // Anything else as text: JSON where it parses ([2, 3], null), else a string.
  auto* e = new QLineEdit(QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump()));
  connect(e, &QLineEdit::editingFinished, this, [this, index, name, e] {
    try {
      setArgument(index, name, nlohmann::json::parse(e->text().toStdString()));
    } catch (const std::exception&) {
      setArgument(index, name, e->text().toStdString());
    }
  });
  return e;
}

}  // namespace gsui
