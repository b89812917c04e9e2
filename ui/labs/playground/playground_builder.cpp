// The Playground and the network builder: any network the builder makes can be trained here.
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/appearance.h"
#include "app/engine_message.h"
#include "builder/network_builder.h"
#include "labs/playground/playground_controls.h"
#include "labs/playground/playground_lab.h"

namespace gsui {

QString PlaygroundLab::setNetworkSpec(const nlohmann::json& json) {
  playground::Setup s = setup();
  gs::spec::ModelSpec spec;
  try {
    nlohmann::json j = json;
    j["input_shape"] = {static_cast<int>(playground::inputFeatures(s).size())};
    spec = gs::spec::parse_model_spec(j);
    const gs::spec::ShapeReport report = gs::spec::infer_shapes(spec);
    if (!report.ok()) return tr("Layer %1: %2").arg(report.error_layer).arg(QString::fromStdString(report.error));
  } catch (const gs::Error& e) {
    return engineMessage(e);  // in the learner's language when core gives the mistake a code
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
  const int outputs = playground::outputCount(s);
  if (spec.layers.empty() || spec.layers.back().type != "Linear")
    return tr("The last layer is the output: it has to be a Linear layer with out_features=%1.").arg(outputs);
  const std::int64_t out = spec.layers.back().args["out_features"].get<std::int64_t>();
  if (out != outputs)
    return tr("The output layer gives %1 values per point, but %2 needs %3 (Linear out_features=%3).")
        .arg(out)
        .arg(QString::fromStdString(s.dataset))
        .arg(outputs);
  s.custom.reset();
  if (auto mlp = playground::matchMlp(spec, outputs)) s.mlp = *mlp;  // a plain MLP goes back into the controls
  else s.custom = spec;
  endFork();
  controls_->setSetup(s);
  stopPlaying();
  rebuild();
  return {};
}

void PlaygroundLab::editInBuilder() {
  if (builder_dialog_) {
    builder_dialog_->raise();
    builder_dialog_->activateWindow();
    return;
  }
  auto* dialog = new QDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(tr("Playground network"));
  auto* builder = new NetworkBuilder(dialog);
  (void)builder->setSpecJson(gs::spec::to_json(networkSpec()));
  builder->undoStack()->clear();
  builder->setInputShapeLocked(true);
  const playground::Setup s = setup();
  auto* note = new QLabel(tr("The input is the %1 chosen features; the last layer is the output (%2 value(s) per point). "
                             "Apply trains this network in the Playground.")
                              .arg(playground::inputFeatures(s).size())
                              .arg(playground::outputCount(s)));
  note->setWordWrap(true);
  auto* problem = new QLabel;
  problem->setObjectName("builderProblem");
  problem->setWordWrap(true);
  problem->setStyleSheet(QString("color: %1").arg(Appearance::instance().errorColor().name()));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(note);
  layout->addWidget(builder, 1);
  layout->addWidget(problem);
  layout->addWidget(buttons);
  auto apply = [this, builder, problem] {
    const QString error = setNetworkSpec(builder->specJson());
    problem->setText(error);
    return error.isEmpty();
  };
  connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, dialog, apply);
  connect(buttons, &QDialogButtonBox::accepted, dialog, [dialog, apply] {
    if (apply()) dialog->accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
  dialog->resize(1000, 760);
  builder_dialog_ = dialog;
  dialog->show();
}

}  // namespace gsui
