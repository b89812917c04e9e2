#include "labs/playground/playground_lab.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/settings_keys.h"
#include "autograd/grad_mode.h"
#include "data/dataset.h"
#include "data/features.h"
#include "metrics/metrics.h"
#include "ops/functional.h"
#include "plots/plot_style.h"
#include "spec/model_spec.h"
#include "spec/scenario.h"
#include "nn/activation.h"
#include "nn/init.h"
#include "nn/module.h"
#include "builder/network_builder.h"

namespace gsui {
namespace {

/// Whether a model spec has a layer of this type.
bool hasLayer(const nlohmann::json& spec, const char* type) {
  for (const auto& l : spec["layers"])
    if (l["type"] == type) return true;
  return false;
}
constexpr double kRange = 6.0;  // the plane shown: [−6, 6]²
constexpr int kSamples = 300;
constexpr int kFrameIntervalMs = 25;  // the worker publishes a frame this often while training: 40 frames/s
const char* kFeatureLabels[] = {"x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"};
// The presets' titles and descriptions (resources/presets), for the translators.
[[maybe_unused]] const char* const kPresetTexts[] = {
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "XOR needs a hidden layer"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "No hidden layer: the boundary can only be a straight line, and XOR has none. Add a hidden layer (or the feature x1*x2)."),
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "The spiral needs depth"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "Three layers of eight ReLU neurons bend the boundary around the arms of the spiral."),
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "Deep sigmoid nets stall"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "Six sigmoid layers: the gradient vanishes on its way back and the first layers barely learn. Switch the activation to ReLU."),
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "Too high a learning rate diverges"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "With lr = 10 every step overshoots: the loss jumps about or becomes nan. Lower the learning rate and press Reset."),
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "Overfitting a small noisy set, cured by L2"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundLab", "Much noise, 20 % of the data to train on, a big network: the training loss falls while the test loss rises. Turn on L2 (0.01), or Dropout p 0.3, and compare."),
};

}  // namespace

PlaygroundLab::PlaygroundLab(QWidget* parent) : Lab(parent) {
  boundary_plot_ = makePlot("x₁", "x₂", this);
  addPlotTitle(boundary_plot_);
  boundary_ = new QCPColorMap(boundary_plot_->xAxis, boundary_plot_->yAxis);
  boundary_->data()->setSize(kGrid, kGrid);
  boundary_->data()->setRange(QCPRange(-kRange, kRange), QCPRange(-kRange, kRange));
  loss_plot_ = makePlot(QString(), QString(), this);
  loss_plot_->legend->setVisible(true);
  addPlotTitle(loss_plot_);
  roc_plot_ = makePlot(QString(), QString(), this);
  roc_plot_->xAxis->ticker()->setTickCount(3);  // 0, 0.5, 1: readable in a narrow plot
  addPlotTitle(roc_plot_);
  confusion_ = new QTableWidget(2, 2, this);
  confusion_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  confusion_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  confusion_->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  threshold_label_ = new QLabel(this);
  threshold_ = new QSlider(Qt::Horizontal, this);
  threshold_->setObjectName("threshold");
  threshold_->setRange(0, 100);
  threshold_->setValue(50);
  auto* metrics_box = new QWidget(this);
  auto* ml = new QVBoxLayout(metrics_box);
  ml->setContentsMargins(0, 0, 0, 0);
  ml->addWidget(confusion_, 1);
  ml->addWidget(threshold_label_);
  ml->addWidget(threshold_);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  grid->addWidget(boundary_plot_, 0, 0, 2, 1);
  neuron_view_ = new NeuronView(this);
  top_tabs_ = new QTabWidget(this);
  top_tabs_->addTab(neuron_view_, QString());
  top_tabs_->addTab(loss_plot_, QString());
  grid->addWidget(top_tabs_, 0, 1, 1, 2);
  grid->addWidget(roc_plot_, 1, 1);
  grid->addWidget(metrics_box, 1, 2);
  grid->setColumnStretch(0, 5);
  grid->setColumnStretch(1, 3);
  grid->setColumnStretch(2, 3);

  controls_ = new QWidget;
  auto* cl = new QVBoxLayout(controls_);
  data_box_ = new QGroupBox;
  auto* dl = new QFormLayout(data_box_);
  preset_ = new QComboBox;
  preset_->setObjectName("preset");
  preset_note_ = new QLabel;
  preset_note_->setWordWrap(true);
  dataset_ = new QComboBox;
  dataset_->setObjectName("dataset");
  dataset_->addItems({"circle", "xor", "gaussian", "spiral", "moons", "blobs", "plane", "multi_gaussian", "line", "cubic"});
  problem_label_ = new QLabel;
  problem_ = new QComboBox;
  problem_->setObjectName("problem");
  for (const char* type : {"binary", "multiclass", "regression"}) problem_->addItem(QString(), QString(type));
  noise_label_ = new QLabel;
  noise_ = new QSlider(Qt::Horizontal);
  noise_->setRange(0, 50);  // noise / 100
  noise_->setValue(10);
  test_ratio_label_ = new QLabel;
  test_ratio_ = new QSlider(Qt::Horizontal);
  test_ratio_->setRange(10, 90);
  test_ratio_->setValue(50);
  seed_ = new QSpinBox;
  seed_->setRange(0, 9999);
  dl->addRow(preset_);
  dl->addRow(preset_note_);
  dl->addRow(dataset_);
  dl->addRow(problem_label_, problem_);
  dl->addRow(noise_label_, noise_);
  dl->addRow(test_ratio_label_, test_ratio_);
  dl->addRow("seed", seed_);
  save_scenario_ = new QPushButton;
  open_scenario_ = new QPushButton;
  auto* files = new QWidget;
  auto* fl0 = new QHBoxLayout(files);
  fl0->setContentsMargins(0, 0, 0, 0);
  fl0->addWidget(save_scenario_);
  fl0->addWidget(open_scenario_);
  dl->addRow(files);
  connect(save_scenario_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the setup as a scenario"), "playground.json", tr("Scenario (*.json)"));
    if (path.isEmpty()) return;
    const QString error = saveScenario(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Save failed"), error);
    else emit message(tr("Saved. Train the same setup from the command line: gradscope-cli train %1").arg(path));
  });
  connect(open_scenario_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Playground scenario"), QString(), tr("Scenario (*.json)"));
    if (path.isEmpty()) return;
    const QString error = applyPreset(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Open failed"), error);
  });
  cl->addWidget(data_box_);

  features_box_ = new QGroupBox;
  auto* fl = new QGridLayout(features_box_);
  for (int i = 0; i < 7; ++i) {
    auto* box = new QCheckBox(kFeatureLabels[i]);
    box->setChecked(i < 2);
    features_.push_back(box);
    fl->addWidget(box, i / 4, i % 4);
    connect(box, &QCheckBox::toggled, this, [this] { rebuild(); });
  }
  cl->addWidget(features_box_);

  network_box_ = new QGroupBox;
  auto* nl = new QGridLayout(network_box_);
  layers_label_ = new QLabel;
  layers_ = new QSpinBox;
  layers_->setObjectName("hiddenLayers");
  layers_->setRange(0, 6);
  layers_->setValue(2);
  nl->addWidget(layers_label_, 0, 0, 1, 3);
  nl->addWidget(layers_, 0, 3, 1, 3);
  for (int i = 0; i < 6; ++i) {
    auto* s = new QSpinBox;
    s->setRange(1, 8);
    s->setValue(4);
    s->setToolTip(tr("neurons in hidden layer %1").arg(i + 1));
    neurons_.push_back(s);
    nl->addWidget(s, 1, i);
    connect(s, &QSpinBox::valueChanged, this, [this] { rebuild(); });
  }
  activation_label_ = new QLabel;
  activation_ = new QComboBox;
  activation_->addItems({"Tanh", "ReLU", "Sigmoid", "LeakyReLU", "ELU", "GELU"});
  nl->addWidget(activation_label_, 2, 0, 1, 3);
  nl->addWidget(activation_, 2, 3, 1, 3);
  init_label_ = new QLabel;
  init_ = new QComboBox;
  init_->setObjectName("init");
  for (const std::string& scheme : gs::nn::init::schemes()) init_->addItem(QString::fromStdString(scheme));
  nl->addWidget(init_label_, 3, 0, 1, 3);
  nl->addWidget(init_, 3, 3, 1, 3);
  dropout_label_ = new QLabel;
  dropout_ = new QComboBox;
  dropout_->setObjectName("dropout");
  for (const char* v : {"0", "0.1", "0.2", "0.3", "0.5"}) dropout_->addItem(v);
  nl->addWidget(dropout_label_, 4, 0, 1, 3);
  nl->addWidget(dropout_, 4, 3, 1, 3);
  batchnorm_ = new QCheckBox;
  batchnorm_->setObjectName("batchNorm");
  nl->addWidget(batchnorm_, 5, 0, 1, 6);
  custom_label_ = new QLabel;
  custom_label_->setWordWrap(true);
  custom_label_->setObjectName("customNetwork");
  edit_network_ = new QPushButton;
  edit_network_->setObjectName("editInBuilder");
  simple_network_ = new QPushButton;
  simple_network_->setObjectName("simpleNetwork");
  cl->addWidget(network_box_);
  // Below the grid (a box layout gives the wrapped sentence its full height).
  auto* network_extra = new QWidget;
  auto* xl = new QVBoxLayout(network_extra);
  xl->setContentsMargins(0, 0, 0, 0);
  xl->addWidget(custom_label_);
  xl->addWidget(edit_network_);
  xl->addWidget(simple_network_);
  nl->addWidget(network_extra, 6, 0, 1, 6);

  training_box_ = new QGroupBox;
  auto* tl = new QFormLayout(training_box_);
  optimizer_label_ = new QLabel;
  optimizer_ = new QComboBox;
  optimizer_->setObjectName("optimizer");
  optimizer_->addItems({"SGD", "Adam", "RMSprop", "Adagrad", "AdamW", "Adadelta", "Adamax", "Rprop"});
  lr_label_ = new QLabel;
  lr_ = new QComboBox;
  lr_->setObjectName("learningRate");
  for (const char* v : {"0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"}) lr_->addItem(v);
  lr_->setCurrentText("0.1");
  batch_label_ = new QLabel;
  batch_ = new QSpinBox;
  batch_->setObjectName("batchSize");
  batch_->setRange(1, 30);
  batch_->setValue(10);
  reg_label_ = new QLabel;
  regularization_ = new QComboBox;
  regularization_->setObjectName("regularization");
  regularization_->addItems({"None", "L1", "L2"});
  reg_rate_ = new QComboBox;
  for (const char* v : {"0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"}) reg_rate_->addItem(v);
  reg_rate_->setCurrentText("0.003");
  auto* reg_row = new QWidget;
  auto* rr = new QHBoxLayout(reg_row);
  rr->setContentsMargins(0, 0, 0, 0);
  rr->addWidget(regularization_);
  rr->addWidget(reg_rate_);
  forget_zero_grad_ = new QCheckBox;
  forget_zero_grad_->setObjectName("forgetZeroGrad");
  show_test_ = new QCheckBox;
  show_test_->setChecked(true);
  discretize_ = new QCheckBox;
  tl->addRow(optimizer_label_, optimizer_);
  tl->addRow(lr_label_, lr_);
  tl->addRow(batch_label_, batch_);
  tl->addRow(reg_label_, reg_row);
  tl->addRow(forget_zero_grad_);
  tl->addRow(show_test_);
  tl->addRow(discretize_);
  cl->addWidget(training_box_);
  status_ = new QLabel;
  status_->setWordWrap(true);
  speed_ = new QLabel;
  cl->addWidget(status_);
  cl->addWidget(speed_);
  cl->addStretch();

  for (QComboBox* c : {activation_, init_}) connect(c, &QComboBox::currentTextChanged, this, [this] { rebuild(); });
  // Dropout's p changes live while the network has Dropout layers (as `model[i].p = ...`); turning
  // it on or off adds or removes layers, which rebuilds.
  connect(dropout_, &QComboBox::currentTextChanged, this, [this](const QString& v) {
    const double p = v.toDouble();
    if (customNetwork() || trained_dropout_ <= 0 || p <= 0) {
      rebuild();
      return;
    }
    trained_dropout_ = p;
    session_.post([p](gs::train::Trainer& t) {
      auto& seq = static_cast<gs::nn::Sequential&>(t.model());
      for (std::size_t i = 0; i < seq.size(); ++i)
        if (auto* d = dynamic_cast<gs::nn::Dropout*>(seq[i].get())) d->set_p(p);
    });
    emit codeChanged();
  });
  connect(dataset_, &QComboBox::currentTextChanged, this, [this] {
    updateProblemChoices();
    rebuild();
  });
  connect(problem_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
  connect(batchnorm_, &QCheckBox::toggled, this, [this] { rebuild(); });
  connect(edit_network_, &QPushButton::clicked, this, &PlaygroundLab::editInBuilder);
  connect(neuron_view_, &NeuronView::neuronsChangeRequested, this, [this](int layer, int delta) {
    if (layer >= 0 && layer < static_cast<int>(neurons_.size())) neurons_[layer]->setValue(neurons_[layer]->value() + delta);
  });
  connect(neuron_view_, &NeuronView::layersChangeRequested, this, [this](int delta) { layers_->setValue(layers_->value() + delta); });
  connect(simple_network_, &QPushButton::clicked, this, [this] {
    custom_spec_ = nullptr;
    rebuild();
  });
  for (QSlider* s : {noise_, test_ratio_}) connect(s, &QSlider::sliderReleased, this, [this] { rebuild(); });
  for (QSlider* s : {noise_, test_ratio_})
    connect(s, &QSlider::valueChanged, this, [this, s] {
      if (!s->isSliderDown()) rebuild();
    });
  connect(seed_, &QSpinBox::valueChanged, this, [this] { rebuild(); });
  connect(layers_, &QSpinBox::valueChanged, this, [this] { rebuild(); });
  // The optimizer and the batch size change live too: same weights, new rule or new batches.
  connect(optimizer_, &QComboBox::currentTextChanged, this, [this](const QString& name) {
    const nlohmann::json spec = {{"name", name.toStdString()}, {"lr", lr_->currentText().toDouble()}};
    session_.post([spec](gs::train::Trainer& t) { t.set_optimizer(gs::optim::make_optimizer(spec, t.model().parameters())); });
    emit codeChanged();
  });
  connect(batch_, &QSpinBox::valueChanged, this, [this](int b) {
    session_.post([b](gs::train::Trainer& t) { t.set_batch_size(b); });
    emit codeChanged();
  });
  // Live changes: they reach the worker before its next step, training keeps going.
  connect(lr_, &QComboBox::currentTextChanged, this, [this](const QString& v) {
    const double lr = v.toDouble();
    session_.post([lr](gs::train::Trainer& t) { t.optimizer().set_lr(lr); });
    emit codeChanged();
  });
  auto post_reg = [this] {
    const double rate = reg_rate_->currentText().toDouble();
    const QString kind = regularization_->currentText();
    session_.post([rate, kind](gs::train::Trainer& t) { t.set_regularization(kind == "L1" ? rate : 0, kind == "L2" ? rate : 0); });
    emit codeChanged();
  };
  connect(regularization_, &QComboBox::currentTextChanged, this, post_reg);
  connect(reg_rate_, &QComboBox::currentTextChanged, this, post_reg);
  connect(forget_zero_grad_, &QCheckBox::toggled, this, [this](bool on) {
    session_.post([on](gs::train::Trainer& t) { t.set_forget_zero_grad(on); });
    emit codeChanged();
  });
  connect(threshold_, &QSlider::valueChanged, this, &PlaygroundLab::updateMetrics);
  connect(preset_, &QComboBox::activated, this, [this](int i) {
    if (i <= 0) return;
    const QString error = applyPreset(preset_->itemData(i).toString());
    if (!error.isEmpty()) emit message(error);
  });
  connect(show_test_, &QCheckBox::toggled, this, &PlaygroundLab::drawData);
  connect(discretize_, &QCheckBox::toggled, this, &PlaygroundLab::drawFrame);
  connect(&session_, &TrainingSession::stoppedByItself, this, [this](const QString& reason) {
    stopPlaying();
    status_->setText(reason);
    emit message(reason);
  });
  display_.setInterval(15);  // polls for the worker's frames, which come every kFrameIntervalMs
  connect(&display_, &QTimer::timeout, this, &PlaygroundLab::pull);
  display_.start();

  updateProblemChoices();
  retranslate();
  rebuild();
}

PlaygroundLab::~PlaygroundLab() { session_.stop(); }

QString PlaygroundLab::labId() const { return labs::kPlayground; }

QStringList PlaygroundLab::presetPaths() {
  QStringList paths;
  for (const QString& f : QDir(":/presets").entryList({"*.json"}, QDir::Files, QDir::Name)) paths << ":/presets/" + f;
  return paths;
}

QString PlaygroundLab::applyPreset(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return tr("cannot open the preset %1").arg(path);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(file.readAll().toStdString());
  } catch (const std::exception& e) {
    return tr("preset %1: %2").arg(path, QString::fromUtf8(e.what()));
  }
  return applyScenario(j, path);
}

nlohmann::json PlaygroundLab::sessionState() const { return scenarioJson(); }

QString PlaygroundLab::restoreSessionState(const nlohmann::json& state) { return applyScenario(state, tr("the saved session")); }

QString PlaygroundLab::applyScenario(const nlohmann::json& j, const QString& path) {
  gs::spec::ModelSpec model;
  try {
    (void)gs::spec::parse_scenario(j);  // validates every field; nothing is applied on error
    if (j.value("lab", std::string()) != "playground") return tr("%1 is not a Playground preset").arg(path);
    const auto& names = gs::data::playground_datasets();
    if (std::find(names.begin(), names.end(), j["dataset"]["name"].get<std::string>()) == names.end())
      return tr("%1: dataset.name \"%2\" is not one of the Playground's data sets").arg(path, QString::fromStdString(j["dataset"]["name"].get<std::string>()));
    model = gs::spec::parse_model_spec(j["model"]);
  } catch (const std::exception& e) {
    return tr("preset %1: %2").arg(path, QString::fromUtf8(e.what()));
  }
  // Apply everything with signals blocked, then rebuild once.
  const nlohmann::json& d = j["dataset"];
  const std::vector<QObject*> blocked = {dataset_, noise_, test_ratio_, seed_, layers_, activation_, optimizer_, lr_, batch_, regularization_,
                                         reg_rate_, forget_zero_grad_, init_, dropout_, batchnorm_, problem_};
  std::vector<std::unique_ptr<QSignalBlocker>> blockers;
  for (QObject* o : blocked) blockers.push_back(std::make_unique<QSignalBlocker>(o));
  for (QCheckBox* f : features_) blockers.push_back(std::make_unique<QSignalBlocker>(f));
  for (QSpinBox* n : neurons_) blockers.push_back(std::make_unique<QSignalBlocker>(n));
  dataset_->setCurrentText(QString::fromStdString(d["name"].get<std::string>()));
  noise_->setValue(static_cast<int>(std::lround(d.value("noise", 0.1) / (classesOfData() == 0 ? 1.0 : 2.0) * 100)));  // see generatorNoise()
  test_ratio_->setValue(static_cast<int>(std::lround(d.value("test_ratio", 0.5) * 100)));
  seed_->setValue(d.value("seed", 0));
  updateProblemChoices();
  const std::string loss = j["loss"].is_string() ? j["loss"].get<std::string>() : j["loss"].value("name", std::string());
  (void)setProblemType(loss == "MSELoss" ? "regression" : loss == "CrossEntropyLoss" ? "multiclass" : "binary");
  custom_spec_ = nullptr;
  if (!expressInControls(model)) custom_spec_ = gs::spec::to_json(model);  // (data and problem are set: outputs known)
  optimizer_->setCurrentText(QString::fromStdString(j["optimizer"]["name"].get<std::string>()));
  const QString lr = QString::number(j["optimizer"].value("lr", 0.03));
  if (lr_->findText(lr) < 0) lr_->addItem(lr);
  lr_->setCurrentText(lr);
  batch_->setValue(static_cast<int>(j.value("batch_size", 10)));
  const nlohmann::json reg = j.value("regularization", nlohmann::json::object());
  regularization_->setCurrentText(reg.value("l1", 0.0) > 0 ? "L1" : reg.value("l2", 0.0) > 0 ? "L2" : "None");
  forget_zero_grad_->setChecked(false);
  const auto feats = d.contains("features") ? d["features"].get<std::vector<std::string>>()
                                            : j.value("view", nlohmann::json::object()).value("features", std::vector<std::string>{"x1", "x2"});
  for (std::size_t i = 0; i < features_.size(); ++i)
    features_[i]->setChecked(std::find(feats.begin(), feats.end(), gs::data::playground_features()[i]) != feats.end());
  blockers.clear();
  preset_note_->setText(tr(j.value("description", std::string()).c_str()));
  stopPlaying();
  rebuild();
  return {};
}

std::vector<std::string> PlaygroundLab::chosenFeatures() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < features_.size(); ++i)
    if (features_[i]->isChecked() && features_[i]->isEnabled()) out.push_back(gs::data::playground_features()[i]);
  return out;
}

std::vector<int> PlaygroundLab::hiddenLayers() const {
  std::vector<int> n;
  for (int i = 0; i < layers_->value(); ++i) n.push_back(neurons_[i]->value());
  return n;
}

void PlaygroundLab::setHiddenLayers(const std::vector<int>& neurons) {
  const QSignalBlocker block(layers_);
  for (std::size_t i = 0; i < neurons.size() && i < neurons_.size(); ++i) {
    const QSignalBlocker b(neurons_[i]);
    neurons_[i]->setValue(neurons[i]);
  }
  layers_->setValue(static_cast<int>(neurons.size()));
  rebuild();
}

double PlaygroundLab::generatorNoise() const {
  // The slider's 0–50 is the regression sets' noise ×100, and the classification sets' ×50 (their
  // points spread over a wider range).
  return noise_->value() / 100.0 * (classesOfData() == 0 ? 1.0 : 2.0);
}

nlohmann::json PlaygroundLab::scenarioJson() const {
  nlohmann::json reg = nlohmann::json::object();
  if (regularization_->currentText() == "L1") reg["l1"] = reg_rate_->currentText().toDouble();
  if (regularization_->currentText() == "L2") reg["l2"] = reg_rate_->currentText().toDouble();
  const QString problem = problemType();
  nlohmann::json net = networkSpec();
  const bool has_batchnorm = hasLayer(net, "BatchNorm1d");
  nlohmann::json j = {
      {"version", gs::spec::kScenarioVersion},
      {"lab", "playground"},
      {"title", "Playground setup"},
      {"dataset", {{"name", dataset_->currentText().toStdString()}, {"n", kSamples}, {"noise", generatorNoise()},
                   {"test_ratio", test_ratio_->value() / 100.0}, {"seed", seed_->value()}, {"features", chosenFeatures()}}},
      {"model", net},
      {"loss", problem == "regression" ? "MSELoss" : problem == "binary" ? "BCEWithLogitsLoss" : "CrossEntropyLoss"},
      {"optimizer", {{"name", optimizer_->currentText().toStdString()}, {"lr", lr_->currentText().toDouble()}}},
      {"batch_size", batch_->value()},
      {"epochs", std::max<std::int64_t>(1, frame_.epoch)},
      {"seed", seed_->value()},
      {"view", {{"features", chosenFeatures()}}}};
  if (has_batchnorm) j["drop_last"] = true;
  if (!reg.empty()) j["regularization"] = reg;
  return j;
}

QString PlaygroundLab::saveScenario(const QString& path) const {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::fromStdString(scenarioJson().dump(1))) < 0 || !f.commit())
    return tr("cannot write \"%1\"").arg(path);
  return {};
}

void PlaygroundLab::setBatchNorm(bool on) { batchnorm_->setChecked(on); }
void PlaygroundLab::setDropout(double p) { dropout_->setCurrentText(QString::number(p)); }
void PlaygroundLab::setInitScheme(const QString& scheme) { init_->setCurrentText(scheme); }

int PlaygroundLab::classesOfData() const {
  const QString name = dataset_->currentText();
  if (name == "plane" || name == "multi_gaussian" || name == "line" || name == "cubic") return 0;
  return name == "blobs" ? 3 : 2;
}

bool PlaygroundLab::oneDimensional() const { return dataset_->currentText() == "line" || dataset_->currentText() == "cubic"; }

QString PlaygroundLab::problemType() const { return problem_->currentData().toString(); }

bool PlaygroundLab::setProblemType(const QString& type) {
  const int i = problem_->findData(type);
  auto* model = qobject_cast<QStandardItemModel*>(problem_->model());
  if (i < 0 || !(model->item(i)->flags() & Qt::ItemIsEnabled)) return false;
  problem_->setCurrentIndex(i);
  return true;
}

void PlaygroundLab::updateProblemChoices() {
  // Two classes: one logit (binary) or a logit per class (multi-class); three classes: multi-class;
  // targets that are numbers: regression.
  const int classes = classesOfData();
  auto* model = qobject_cast<QStandardItemModel*>(problem_->model());
  const bool allowed[3] = {classes == 2, classes >= 2, classes == 0};
  for (int i = 0; i < 3; ++i) {
    QStandardItem* item = model->item(i);
    item->setFlags(allowed[i] ? item->flags() | Qt::ItemIsEnabled : item->flags() & ~Qt::ItemIsEnabled);
  }
  if (!allowed[problem_->currentIndex()]) {
    const QSignalBlocker block(problem_);
    problem_->setCurrentIndex(classes == 2 ? 0 : classes > 2 ? 1 : 2);
  }
  // 1-D data has no x₂: the features built on it are off.
  const bool one_d = oneDimensional();
  for (std::size_t i = 0; i < features_.size(); ++i)
    if (gs::data::playground_features()[i].find("x2") != std::string::npos) features_[i]->setEnabled(!one_d);
}

int PlaygroundLab::outputCount() const {
  return problemType() == "multiclass" ? classesOfData() : 1;  // one logit per class; else one value
}

nlohmann::json PlaygroundLab::networkSpec() const {
  const int features = static_cast<int>(chosenFeatures().size());
  if (!custom_spec_.is_null()) {
    // The builder's network, fitted to the current problem: its input is the chosen features and
    // its output layer gives what the data set needs.
    nlohmann::json spec = custom_spec_;
    spec["input_shape"] = {features};
    spec["layers"].back()["out_features"] = outputCount();
    return spec;
  }
  nlohmann::json layers = nlohmann::json::array();
  const double p = dropout_->currentText().toDouble();
  for (int n : hiddenLayers()) {
    layers.push_back({{"type", "Linear"}, {"out_features", n}});
    if (batchnorm_->isChecked()) layers.push_back({{"type", "BatchNorm1d"}});
    layers.push_back({{"type", activation_->currentText().toStdString()}});
    if (p > 0) layers.push_back({{"type", "Dropout"}, {"p", p}});
  }
  layers.push_back({{"type", "Linear"}, {"out_features", outputCount()}});
  nlohmann::json spec = {{"input_shape", {features}}, {"layers", layers}};
  if (init_->currentText() != "default") spec["init"] = init_->currentText().toStdString();
  return spec;
}

bool PlaygroundLab::expressInControls(const gs::spec::ModelSpec& spec) {
  // A plain MLP: blocks of Linear(n ≤ 8) [BatchNorm1d] activation [Dropout(p)], all alike, then
  // the output Linear; every other argument at PyTorch's default.
  auto is_default = [](const gs::spec::LayerSpec& l) {
    nlohmann::json layer = {{"type", l.type}};
    if (l.type == "Linear") layer["out_features"] = l.args["out_features"];  // required: not a default
    nlohmann::json bare = gs::spec::parse_model_spec({{"layers", {layer}}}).layers[0].args;
    nlohmann::json args = l.args;
    for (const char* inferred : {"num_features", "in_features"}) {
      bare.erase(inferred);
      args.erase(inferred);
    }
    if (l.type == "Linear") bare.erase("out_features"), args.erase("out_features");
    if (l.type == "Dropout") bare.erase("p"), args.erase("p");
    return args == bare;
  };
  const auto& L = spec.layers;
  if (L.empty() || L.back().type != "Linear" || L.back().args["out_features"] != outputCount() || !is_default(L.back())) return false;
  std::vector<int> hidden;
  int bn = -1;          // −1 not yet known, 0 without, 1 with
  double p = -1;        // the dropout of every block
  QString activation;   // of every block
  std::size_t i = 0;
  while (i + 1 < L.size()) {
    if (L[i].type != "Linear" || !is_default(L[i])) return false;
    const int n = L[i].args["out_features"].get<int>();
    if (n > 8) return false;
    hidden.push_back(n);
    ++i;
    const int has_bn = i + 1 < L.size() && L[i].type == "BatchNorm1d" ? 1 : 0;
    if (has_bn && !is_default(L[i])) return false;
    if (bn >= 0 && bn != has_bn) return false;
    bn = has_bn;
    i += has_bn;
    if (i + 1 >= L.size() || activation_->findText(QString::fromStdString(L[i].type)) < 0 || !is_default(L[i])) return false;
    const QString act = QString::fromStdString(L[i].type);
    if (!activation.isEmpty() && act != activation) return false;
    activation = act;
    ++i;
    double drop = 0;
    if (i + 1 < L.size() && L[i].type == "Dropout") {
      drop = L[i].args["p"].get<double>();
      if (dropout_->findText(QString::number(drop)) < 0 || drop == 0) return false;
      ++i;
    }
    if (p >= 0 && drop != p) return false;
    p = drop;
  }
  if (hidden.size() > neurons_.size()) return false;
  std::vector<std::unique_ptr<QSignalBlocker>> blockers;
  for (QObject* o : std::initializer_list<QObject*>{layers_, activation_, init_, dropout_, batchnorm_}) blockers.push_back(std::make_unique<QSignalBlocker>(o));
  for (QSpinBox* n : neurons_) blockers.push_back(std::make_unique<QSignalBlocker>(n));
  layers_->setValue(static_cast<int>(hidden.size()));
  for (std::size_t k = 0; k < hidden.size(); ++k) neurons_[k]->setValue(hidden[k]);
  if (!activation.isEmpty()) activation_->setCurrentText(activation);
  batchnorm_->setChecked(bn == 1);
  dropout_->setCurrentText(QString::number(std::max(p, 0.0)));
  init_->setCurrentText(QString::fromStdString(spec.init));
  return true;
}

QString PlaygroundLab::setNetworkSpec(const nlohmann::json& json) {
  gs::spec::ModelSpec spec;
  try {
    nlohmann::json j = json;
    j["input_shape"] = {static_cast<int>(chosenFeatures().size())};
    spec = gs::spec::parse_model_spec(j);
    const gs::spec::ShapeReport report = gs::spec::infer_shapes(spec);
    if (!report.ok()) return tr("Layer %1: %2").arg(report.error_layer).arg(QString::fromStdString(report.error));
  } catch (const gs::Error& e) {
    return QString::fromUtf8(e.what());
  }
  if (spec.layers.empty() || spec.layers.back().type != "Linear")
    return tr("The last layer is the output: it has to be a Linear layer with out_features=%1.").arg(outputCount());
  const std::int64_t out = spec.layers.back().args["out_features"].get<std::int64_t>();
  if (out != outputCount())
    return tr("The output layer gives %1 values per point, but %2 needs %3 (Linear out_features=%3).")
        .arg(out)
        .arg(dataset_->currentText())
        .arg(outputCount());
  custom_spec_ = nullptr;
  if (!expressInControls(spec)) custom_spec_ = gs::spec::to_json(spec);
  stopPlaying();
  rebuild();
  return {};
}

void PlaygroundLab::showNetworkSource() {
  const bool custom = customNetwork();
  for (QWidget* w : std::initializer_list<QWidget*>{layers_, layers_label_, activation_, activation_label_, init_, init_label_, dropout_,
                                                    dropout_label_, batchnorm_})
    w->setEnabled(!custom);
  for (QSpinBox* n : neurons_) n->setEnabled(!custom);
  neuron_view_->setEditable(!custom);
  simple_network_->setVisible(custom);
  custom_label_->setVisible(custom);
  if (custom) {
    QStringList types;
    for (const auto& l : custom_spec_["layers"]) types << QString::fromStdString(l["type"].get<std::string>());
    custom_label_->setText(tr("Training the network from the builder: %1").arg(types.join(" → ")));
  }
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
  (void)builder->setSpecJson(networkSpec());
  builder->undoStack()->clear();
  builder->setInputShapeLocked(true);
  auto* note = new QLabel(tr("The input is the %1 chosen features; the last layer is the output (%2 value(s) per point). "
                             "Apply trains this network in the Playground.")
                              .arg(chosenFeatures().size())
                              .arg(outputCount()));
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

void PlaygroundLab::setDataset(const QString& name) { dataset_->setCurrentText(name); }
void PlaygroundLab::setLearningRate(double lr) { lr_->setCurrentText(QString::number(lr)); }
void PlaygroundLab::setThreshold(double t) { threshold_->setValue(static_cast<int>(std::lround(t * 100))); }
double PlaygroundLab::threshold() const { return threshold_->value() / 100.0; }

void PlaygroundLab::rebuild() {
  const bool was_playing = playing_;
  for (int i = 0; i < 6; ++i) neurons_[i]->setVisible(i < layers_->value());
  if (chosenFeatures().empty()) {
    status_->setText(tr("Choose at least one input feature."));
    return;
  }
  // Data: generated, split, expanded into the chosen features, standardized on the train part.
  const QString name = dataset_->currentText();
  classes_ = classesOfData();
  const bool regression = classes_ == 0, one_d = oneDimensional();
  const auto seed = static_cast<std::uint64_t>(seed_->value());
  // (The same data `gradscope-cli train` makes from the scenario this setup saves as.)
  const gs::data::Dataset all = gs::data::make_playground(name.toStdString(), kSamples, generatorNoise(), seed);
  const gs::data::Split split = gs::data::train_test_split(all, test_ratio_->value() / 100.0, static_cast<std::uint64_t>(seed_->value()));
  const std::vector<std::string> feats = chosenFeatures();
  gs::data::Dataset train = split.train, test = split.test;
  const gs::data::Standardizer st = gs::data::Standardizer::fit(gs::data::expand_features(train.x, feats));
  train.x = st.transform(gs::data::expand_features(split.train.x, feats));
  test.x = st.transform(gs::data::expand_features(split.test.x, feats));
  // The plane sampled res × res (cell centres, row by row from the bottom), as the network's inputs.
  auto plane_grid = [&](int res) {
    std::vector<double> g;
    for (int j = 0; j < res; ++j)
      for (int i = 0; i < res; ++i) g.insert(g.end(), {-kRange + 2 * kRange * (i + 0.5) / res, -kRange + 2 * kRange * (j + 0.5) / res});
    return st.transform(gs::data::expand_features(gs::from_vector(g, {res * res, 2}), feats));
  };
  const gs::Tensor grid_x = plane_grid(kGrid);
  constexpr int kSmall = 24;  // the neuron pictures' resolution
  const gs::Tensor small_x = plane_grid(kSmall);
  std::vector<double> gc;  // 1-D: the x values of the fitted curve
  for (int i = 0; i < kCurve; ++i) gc.insert(gc.end(), {-kRange + 2 * kRange * i / (kCurve - 1.0), 0.0});
  const gs::Tensor curve_x = st.transform(gs::data::expand_features(gs::from_vector(gc, {kCurve, 2}), feats));
  points_x_.clear();
  points_y_.clear();
  labels_.clear();
  for (const gs::data::Dataset* d : {&split.train, &split.test}) {
    const std::vector<double> xy = d->x.to_vector<double>();
    // Regression targets are drawn by sign (above or below 0), as TF Playground colours them.
    const std::vector<double> y = d->y.to_vector<double>();
    for (std::size_t i = 0; i < y.size(); ++i) {
      points_x_.push_back(xy[2 * i]);
      points_y_.push_back(one_d ? y[i] : xy[2 * i + 1]);  // 1-D: the point is (x, y)
      labels_.push_back(one_d ? 1 : regression ? (y[i] >= 0 ? 1 : 0) : static_cast<std::int64_t>(y[i]));
    }
  }
  n_train_ = split.train.size();

  // Model, loss, optimizer: the same core classes as `gradscope-cli train`.
  showNetworkSource();
  const nlohmann::json network = networkSpec();
  std::shared_ptr<gs::nn::Sequential> model;
  try {
    gs::Generator gen(static_cast<std::uint64_t>(seed_->value()));
    model = gs::spec::build_model(gs::spec::parse_model_spec(network), gs::kFloat32, &gen);
  } catch (const gs::Error& e) {
    status_->setText(tr("The network cannot be built: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  const bool has_batchnorm = hasLayer(network, "BatchNorm1d");
  trained_dropout_ = customNetwork() ? 0.0 : dropout_->currentText().toDouble();
  auto optimizer = gs::optim::make_optimizer({{"name", optimizer_->currentText().toStdString()}, {"lr", lr_->currentText().toDouble()}},
                                             model->parameters());
  const QString reg = regularization_->currentText();
  const double rate = reg_rate_->currentText().toDouble();
  gs::train::TrainerConfig config{.batch_size = batch_->value(), .seed = static_cast<std::uint64_t>(seed_->value()),
                                  .l1 = reg == "L1" ? rate : 0.0, .l2 = reg == "L2" ? rate : 0.0,
                                  .forget_zero_grad = forget_zero_grad_->isChecked(),
                                  .drop_last = has_batchnorm};  // BatchNorm cannot normalise a last batch of one
  const QString problem = problemType();
  const char* loss = problem == "regression" ? "MSELoss" : problem == "binary" ? "BCEWithLogitsLoss" : "CrossEntropyLoss";
  auto trainer = std::make_unique<gs::train::Trainer>(model, gs::nn::make_loss(loss),
                                                      std::move(optimizer), gs::optim::Scheduler{}, train, test, config);
  const int classes = classes_;
  session_.start(std::move(trainer), [grid_x, small_x, curve_x, classes, one_d](gs::train::Trainer& t) -> std::any {
    // Runs in the worker: the model is only touched here.
    PlaygroundFrame f;
    const gs::train::Snapshot snap = t.snapshot();
    f.step = snap.step;
    f.epoch = snap.passes;
    f.diverged = snap.diverged;
    const gs::train::Evaluation train_eval = t.evaluate(t.train_set());
    const gs::train::Evaluation test_eval = t.evaluate(t.test_set());
    f.train_loss = train_eval.loss;
    f.test_loss = test_eval.loss;
    f.train_accuracy = train_eval.accuracy;
    f.test_accuracy = test_eval.accuracy;
    f.test_scores = test_eval.scores;
    f.test_predictions = test_eval.predictions;
    f.test_targets = test_eval.targets;
    gs::NoGradGuard no_grad;
    t.model().eval();
    const gs::Tensor out = t.model().forward(grid_x);
    // The map's value in [0, 1]: P(class 1), the winning class, or the regression output mapped
    // from [−1, 1].
    // from [−1, 1]. Two classes with a logit each (multi-class): softmax's P(class 1).
    const std::int64_t outputs = out.size(1);
    f.grid = classes == 0     ? gs::clamp((out.reshape({-1}) + 1.0) * 0.5, 0.0, 1.0).to_vector<double>()
             : outputs == 1   ? gs::sigmoid(out.reshape({-1})).to_vector<double>()
             : outputs == 2   ? gs::softmax(out, 1).index({gs::Slice{}, 1}).contiguous().to_vector<double>()
                              : (gs::argmax(out, 1).to(gs::kFloat64) / static_cast<double>(classes - 1)).to_vector<double>();
    if (one_d) f.curve = t.model().forward(curve_x).reshape({-1}).to_vector<double>();
    if (classes == 0) {
      f.test_values = t.model().forward(t.test_set().x).reshape({-1}).to_vector<double>();
      f.test_truth = t.test_set().y.reshape({-1}).to_vector<double>();
    }
    // The network picture: each column's outputs on the small grid, layer by layer.
    f.neurons.resolution = kSmall;
    auto columns = [](const gs::Tensor& h) {
      std::vector<std::vector<double>> cols(static_cast<std::size_t>(h.size(1)));
      const std::vector<double> v = h.to_vector<double>();
      const std::size_t n = static_cast<std::size_t>(h.size(0)), k = cols.size();
      for (std::size_t c = 0; c < k; ++c) {
        cols[c].resize(n);
        for (std::size_t r = 0; r < n; ++r) cols[c][r] = v[r * k + c];
      }
      return cols;
    };
    f.neurons.layers.push_back(columns(small_x));
    // Every Linear's input is a column of neurons (the inputs for the first); then the output.
    gs::Tensor h = small_x;
    bool first_linear = true;
    auto& seq = static_cast<gs::nn::Sequential&>(t.model());
    for (std::size_t i = 0; i < seq.size(); ++i) {
      if (seq[i]->type_name() == "Linear") {
        if (!first_linear) f.neurons.layers.push_back(columns(h));
        first_linear = false;
        f.neurons.weights.push_back(seq[i]->named_parameters()[0].second.to_vector<double>());
      }
      h = seq[i]->forward(h);
    }
    f.neurons.layers.push_back(columns(classes == 0 ? h : h.size(1) == 1 ? gs::sigmoid(h) : gs::softmax(h, 1)));
    t.model().train();
    return f;
  }, kFrameIntervalMs);
  train_history_.clear();
  test_history_.clear();
  history_steps_.clear();
  frame_ = std::any_cast<PlaygroundFrame>(session_.latestFrame());
  drawFrame();
  if (was_playing) session_.setPlaying(true);
  emit codeChanged();
}

void PlaygroundLab::setPlaying(bool playing) {
  playing_ = playing;
  session_.setPlaying(playing);
}

void PlaygroundLab::step() {
  const auto snap = session_.snapshot();
  (void)snap;
  session_.step(10);
}

void PlaygroundLab::reset() {
  stopPlaying();
  rebuild();
}

void PlaygroundLab::stopPlaying() {
  const bool was = playing_;
  playing_ = false;
  session_.setPlaying(false);
  if (was) emit stoppedPlaying();
}

bool PlaygroundLab::trainSteps(int steps, int timeout_ms) {
  const std::int64_t target = frame_.step + steps;
  session_.step(steps);
  QElapsedTimer t;
  t.start();
  while (t.elapsed() < timeout_ms) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    pull();
    if (frame_.step >= target || frame_.diverged) return true;
  }
  return false;
}

void PlaygroundLab::pull() {
  const std::any latest = session_.latestFrame();
  if (!latest.has_value()) return;
  const PlaygroundFrame& f = std::any_cast<const PlaygroundFrame&>(latest);
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  if (now - fps_start_ >= 1000) {
    fps_ = frames_this_second_ * 1000.0 / std::max<qint64>(1, now - fps_start_);
    frames_this_second_ = 0;
    fps_start_ = now;
    speed_->setText(tr("%1 steps/s, %2 frames/s").arg(session_.stepsPerSecond(), 0, 'f', 0).arg(fps_, 0, 'f', 0));
  }
  if (f.step == frame_.step && !train_history_.empty()) return;
  frame_ = f;
  train_history_.push_back(f.train_loss);
  test_history_.push_back(f.test_loss);
  history_steps_.push_back(static_cast<double>(f.step));
  drawFrame();
  ++frames_this_second_;
}

void PlaygroundLab::drawFrame() {
  const Appearance& a = Appearance::instance();
  const bool discrete = discretize_->isChecked();
  for (int j = 0; j < kGrid; ++j)
    for (int i = 0; i < kGrid; ++i) {
      const std::size_t k = static_cast<std::size_t>(j) * kGrid + i;
      const double v = k < frame_.grid.size() ? frame_.grid[k] : 0.5;
      boundary_->data()->setCell(i, j, discrete && classes_ == 2 ? (v >= threshold() ? 1.0 : 0.0) : v);
    }
  QCPColorGradient gradient;
  QColor c0 = a.seriesColor(1), c1 = a.seriesColor(0);  // orange for class 0, blue for class 1, as TF Playground
  c0.setAlphaF(0.55);
  c1.setAlphaF(0.55);
  gradient.setColorStopAt(0.0, c0);
  gradient.setColorStopAt(0.5, QColor(245, 245, 245, 140));
  gradient.setColorStopAt(1.0, c1);
  if (classes_ > 2) {  // (regression keeps the two-colour map: orange below 0, blue above)
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, a.seriesColor(1).lighter(130));
    gradient.setColorStopAt(0.5, a.seriesColor(2).lighter(130));
    gradient.setColorStopAt(1.0, a.seriesColor(0).lighter(130));
  }
  boundary_->setGradient(gradient);
  boundary_->setDataRange(QCPRange(0, 1));
  drawData();
  setPlotTitle(boundary_plot_, classes_ == 0 ? tr("Epoch %1 · test MSE %2").arg(frame_.epoch).arg(frame_.test_loss, 0, 'f', 4)
                              : tr("Epoch %1 · test loss %2 · accuracy %3 %")
                    .arg(frame_.epoch)
                    .arg(frame_.test_loss, 0, 'f', 3)
                    .arg(frame_.test_accuracy * 100, 0, 'f', 1));
  boundary_plot_->replot(QCustomPlot::rpQueuedReplot);
  {
    QStringList inputs;
    for (std::size_t i = 0; i < features_.size(); ++i)
      if (features_[i]->isChecked()) inputs << features_[i]->text();
    neuron_view_->setMaps(frame_.neurons, inputs);
  }

  loss_plot_->clearGraphs();
  QCPGraph* tr_g = loss_plot_->addGraph();
  tr_g->setName(tr("train"));
  tr_g->setPen(QPen(a.seriesColor(7), 2 * a.scale()));
  QCPGraph* te_g = loss_plot_->addGraph();
  te_g->setName(tr("test"));
  te_g->setPen(QPen(a.seriesColor(4), 2 * a.scale()));
  double hi = 0.1;
  for (std::size_t i = 0; i < train_history_.size(); ++i) {
    if (std::isfinite(train_history_[i])) tr_g->addData(history_steps_[i], train_history_[i]);
    if (std::isfinite(test_history_[i])) te_g->addData(history_steps_[i], test_history_[i]);
    if (std::isfinite(train_history_[i])) hi = std::max(hi, train_history_[i]);
    if (std::isfinite(test_history_[i])) hi = std::max(hi, test_history_[i]);
  }
  loss_plot_->xAxis->setRange(0, std::max<double>(10, history_steps_.empty() ? 0 : history_steps_.back()));
  loss_plot_->yAxis->setRange(0, std::min(hi * 1.1, 5.0));
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);
  updateMetrics();
  status_->setText(frame_.diverged ? tr("Training diverged: lower the learning rate and press Reset.") : QString());
}

void PlaygroundLab::drawData() {
  const Appearance& a = Appearance::instance();
  boundary_plot_->clearGraphs();
  const double s = a.scale();
  const bool one_d = oneDimensional();
  boundary_->setVisible(!one_d);
  boundary_plot_->xAxis->setLabel("x₁");
  boundary_plot_->yAxis->setLabel(one_d ? "y" : "x₂");
  if (one_d) {
    // y against x₁: train points filled, test points hollow, the network's prediction as a curve.
    const QColor color = a.seriesColor(0);
    double lo = 0, hi = 0;
    for (int part = 0; part < 2; ++part) {
      if (part == 1 && !show_test_->isChecked()) continue;
      QCPGraph* g = boundary_plot_->addGraph();
      g->setLineStyle(QCPGraph::lsNone);
      g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(part == 0 ? Qt::white : color.darker(120), 1.2 * s),
                                         part == 0 ? QBrush(color) : QBrush(Qt::white), 7 * s));
      g->setName(part == 0 ? tr("train") : tr("test"));
      const std::size_t begin = part == 0 ? 0 : static_cast<std::size_t>(n_train_);
      const std::size_t end = part == 0 ? static_cast<std::size_t>(n_train_) : points_x_.size();
      for (std::size_t i = begin; i < end; ++i) {
        g->addData(points_x_[i], points_y_[i]);
        lo = std::min(lo, points_y_[i]);
        hi = std::max(hi, points_y_[i]);
      }
    }
    QCPGraph* fit = boundary_plot_->addGraph();
    fit->setPen(QPen(a.seriesColor(1), 3 * s));
    fit->setName(tr("network"));
    for (std::size_t i = 0; i < frame_.curve.size(); ++i)
      if (std::isfinite(frame_.curve[i])) fit->addData(-kRange + 2 * kRange * static_cast<double>(i) / (kCurve - 1.0), frame_.curve[i]);
    const double margin = 0.15 * std::max(hi - lo, 0.5);
    boundary_plot_->xAxis->setRange(-kRange, kRange);
    boundary_plot_->yAxis->setRange(lo - margin, hi + margin);
    boundary_plot_->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  const int groups = classes_ == 0 ? 2 : classes_;  // regression: points by the sign of the target
  for (int part = 0; part < 2; ++part) {
    if (part == 1 && !show_test_->isChecked()) continue;
    for (int c = 0; c < groups; ++c) {
      QCPGraph* g = boundary_plot_->addGraph();
      g->setLineStyle(QCPGraph::lsNone);
      const QColor color = classes_ <= 2 ? (c == 0 ? a.seriesColor(1) : a.seriesColor(0)) : a.seriesColor(c == 0 ? 1 : c == 1 ? 2 : 0);
      // Train points filled, test points hollow (as TF Playground's "show test data").
      g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(part == 0 ? Qt::white : color.darker(120), 1.2 * s),
                                         part == 0 ? QBrush(color) : QBrush(Qt::white), 7 * s));
      const std::size_t begin = part == 0 ? 0 : static_cast<std::size_t>(n_train_);
      const std::size_t end = part == 0 ? static_cast<std::size_t>(n_train_) : labels_.size();
      for (std::size_t i = begin; i < end; ++i)
        if (labels_[i] == c) g->addData(points_x_[i], points_y_[i]);
    }
  }
  boundary_plot_->xAxis->setRange(-kRange, kRange);
  boundary_plot_->yAxis->setRange(-kRange, kRange);
  boundary_plot_->replot(QCustomPlot::rpQueuedReplot);
}

std::vector<int> PlaygroundLab::testLabels() const { return std::vector<int>(frame_.test_targets.begin(), frame_.test_targets.end()); }

void PlaygroundLab::updateMetrics() {
  const Appearance& a = Appearance::instance();
  threshold_label_->setText(tr("Threshold %1").arg(threshold(), 0, 'f', 2));
  threshold_->setVisible(classes_ != 0);
  threshold_label_->setVisible(classes_ != 0);
  roc_plot_->xAxis->setLabel(tr("false positive rate"));
  roc_plot_->yAxis->setLabel(tr("true positive rate"));
  roc_plot_->clearGraphs();
  roc_plot_->clearItems();
  const std::vector<int> y = testLabels();
  const bool binary = classes_ == 2 && !frame_.test_scores.empty() && frame_.test_scores.size() == y.size() &&
                      std::count(y.begin(), y.end(), 1) > 0 && std::count(y.begin(), y.end(), 0) > 0;
  if (binary) {
    const gs::metrics::Curve roc = gs::metrics::roc_curve(y, frame_.test_scores);
    QCPGraph* g = roc_plot_->addGraph();
    g->setPen(QPen(a.seriesColor(0), 2 * a.scale()));
    for (std::size_t i = 0; i < roc.x.size(); ++i) g->addData(roc.x[i], roc.y[i]);
    QCPGraph* diag = roc_plot_->addGraph();
    diag->setPen(QPen(a.gridColor().darker(140), 1, Qt::DashLine));
    diag->addData(0, 0);
    diag->addData(1, 1);
    const gs::metrics::BinaryScores b = gs::metrics::binary_scores(y, frame_.test_scores, threshold());
    QCPGraph* point = roc_plot_->addGraph();
    point->setLineStyle(QCPGraph::lsNone);
    point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, a.seriesColor(1), 10 * a.scale()));
    point->addData(1 - b.specificity, b.recall);
    setPlotTitle(roc_plot_, tr("ROC (test), AUC = %1").arg(gs::metrics::auc(roc.x, roc.y), 0, 'f', 3));
    confusion_->setRowCount(2);
    confusion_->setColumnCount(2);
    const std::int64_t cells[2][2] = {{b.tn, b.fp}, {b.fn, b.tp}};
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 2; ++c) {
        auto* item = new QTableWidgetItem(QString::number(cells[r][c]));
        item->setTextAlignment(Qt::AlignCenter);
        item->setBackground(r == c ? QColor(0, 158, 115, 60) : QColor(213, 94, 0, 50));
        confusion_->setItem(r, c, item);
      }
    confusion_->setHorizontalHeaderLabels({tr("pred 0"), tr("pred 1")});
    confusion_->setVerticalHeaderLabels({tr("true 0"), tr("true 1")});
  } else if (classes_ == 0 && !frame_.test_values.empty() && frame_.test_values.size() == frame_.test_truth.size()) {
    // Regression: no classes, so no ROC; the test points' prediction against their target instead,
    // with the metrics from core.
    const auto& p = frame_.test_values;
    const auto& y = frame_.test_truth;
    double lo = *std::min_element(y.begin(), y.end()), hi = *std::max_element(y.begin(), y.end());
    QCPGraph* g = roc_plot_->addGraph();
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(a.seriesColor(0), 1.2 * a.scale()), QBrush(Qt::white), 6 * a.scale()));
    for (std::size_t i = 0; i < p.size(); ++i)
      if (std::isfinite(p[i])) g->addData(y[i], p[i]);
    QCPGraph* diag = roc_plot_->addGraph();
    diag->setPen(QPen(a.gridColor().darker(140), 1, Qt::DashLine));
    const double pad = 0.1 * std::max(hi - lo, 1e-3);
    lo -= pad;
    hi += pad;
    diag->addData(lo, lo);
    diag->addData(hi, hi);
    roc_plot_->xAxis->setLabel(tr("true value"));
    roc_plot_->yAxis->setLabel(tr("prediction"));
    roc_plot_->xAxis->setRange(lo, hi);
    roc_plot_->yAxis->setRange(lo, hi);
    setPlotTitle(roc_plot_, tr("Test: prediction vs truth"));
    confusion_->setRowCount(3);
    confusion_->setColumnCount(1);
    const double values[3] = {gs::metrics::mean_squared_error(y, p), gs::metrics::mean_absolute_error(y, p), gs::metrics::r2_score(y, p)};
    for (int r = 0; r < 3; ++r) {
      auto* item = new QTableWidgetItem(QString::number(values[r], 'f', 4));
      item->setTextAlignment(Qt::AlignCenter);
      confusion_->setItem(r, 0, item);
    }
    confusion_->setHorizontalHeaderLabels({tr("test")});
    confusion_->setVerticalHeaderLabels({"MSE", "MAE", "R²"});
    threshold_->setVisible(false);
    threshold_label_->setVisible(false);
    roc_plot_->replot(QCustomPlot::rpQueuedReplot);
    return;
  } else if (!frame_.test_predictions.empty()) {
    setPlotTitle(roc_plot_, tr("ROC needs two classes"));
    const auto m = gs::metrics::confusion_matrix(frame_.test_targets, frame_.test_predictions, classes_);
    confusion_->setRowCount(classes_);
    confusion_->setColumnCount(classes_);
    QStringList h, v;
    for (int c = 0; c < classes_; ++c) {
      h << tr("pred %1").arg(c);
      v << tr("true %1").arg(c);
      for (int r = 0; r < classes_; ++r) {
        auto* item = new QTableWidgetItem(QString::number(m[r][c]));
        item->setTextAlignment(Qt::AlignCenter);
        confusion_->setItem(r, c, item);
      }
    }
    confusion_->setHorizontalHeaderLabels(h);
    confusion_->setVerticalHeaderLabels(v);
  }
  roc_plot_->xAxis->setRange(0, 1);
  roc_plot_->yAxis->setRange(0, 1.02);
  roc_plot_->replot(QCustomPlot::rpQueuedReplot);
  if (discretize_->isChecked()) {
    drawData();
  }
}

void PlaygroundLab::retranslate() {
  data_box_->setTitle(tr("Data"));
  {
    const QSignalBlocker block(preset_);
    preset_->clear();
    preset_->addItem(tr("Presets: a story to try…"));
    for (const QString& p : presetPaths()) {
      QFile f(p);
      QString title = QFileInfo(p).baseName();
      if (f.open(QIODevice::ReadOnly)) {
        try {
          title = QString::fromStdString(nlohmann::json::parse(f.readAll().toStdString()).value("title", title.toStdString()));
        } catch (const std::exception&) {
        }
      }
      preset_->addItem(tr(title.toUtf8().constData()), p);
    }
  }
  noise_label_->setText(tr("Noise %1").arg(noise_->value()));
  save_scenario_->setText(tr("Save setup…"));
  save_scenario_->setToolTip(tr("As a scenario file that gradscope-cli train runs to the same numbers"));
  open_scenario_->setText(tr("Open setup…"));
  problem_label_->setText(tr("Problem"));
  problem_->setItemText(0, tr("binary: sigmoid + BCE"));
  problem_->setItemText(1, tr("multi-class: softmax + cross-entropy"));
  problem_->setItemText(2, tr("regression: MSE"));
  test_ratio_label_->setText(tr("Test %1 %").arg(test_ratio_->value()));
  features_box_->setTitle(tr("Input features"));
  network_box_->setTitle(tr("Network"));
  layers_label_->setText(tr("Hidden layers"));
  activation_label_->setText(tr("Activation"));
  init_label_->setText(tr("Initialization"));
  init_->setToolTip(tr("default: PyTorch's own (Kaiming uniform with a = √5). zeros: every neuron learns the same thing. "
                       "normal: N(0, 1), far too large for wide layers."));
  dropout_label_->setText(tr("Dropout p"));
  batchnorm_->setText(tr("BatchNorm1d after each hidden Linear"));
  edit_network_->setText(tr("Edit in the network builder…"));
  simple_network_->setText(tr("Back to the simple controls"));
  if (customNetwork()) showNetworkSource();
  training_box_->setTitle(tr("Training"));
  optimizer_label_->setText(tr("Optimizer"));
  lr_label_->setText(tr("Learning rate"));
  batch_label_->setText(tr("Batch size"));
  reg_label_->setText(tr("Regularization"));
  forget_zero_grad_->setText(tr("Mistake: forget optimizer.zero_grad()"));
  show_test_->setText(tr("Show test data"));
  discretize_->setText(tr("Discretize output"));
  loss_plot_->xAxis->setLabel(tr("step"));
  loss_plot_->yAxis->setLabel(tr("loss"));
  setPlotTitle(loss_plot_, tr("Loss (train and test)"));
  top_tabs_->setTabText(0, tr("Network"));
  top_tabs_->setTabText(1, tr("Loss"));
  roc_plot_->xAxis->setLabel(tr("false positive rate"));
  roc_plot_->yAxis->setLabel(tr("true positive rate"));
  drawFrame();
}

void PlaygroundLab::applyAppearance() {
  for (QCustomPlot* p : {boundary_plot_, loss_plot_, roc_plot_}) stylePlot(p);
  drawFrame();
}

QString PlaygroundLab::pytorchCode() const {
  const nlohmann::json network = networkSpec();
  QString model;
  try {
    model = QString::fromStdString(gs::spec::pytorch_code(gs::spec::parse_model_spec(network)));
  } catch (const gs::Error& e) {
    return tr("# The network has an error: %1").arg(QString::fromUtf8(e.what()));
  }
  const bool has_batchnorm = hasLayer(network, "BatchNorm1d"), has_dropout = hasLayer(network, "Dropout");
  QString reg;
  if (regularization_->currentText() == "L2") reg = QString("\n        loss = loss + %1 * sum((p ** 2).sum() for n, p in model.named_parameters() if 'weight' in n and p.dim() > 1)").arg(reg_rate_->currentText());
  if (regularization_->currentText() == "L1") reg = QString("\n        loss = loss + %1 * sum(p.abs().sum() for n, p in model.named_parameters() if 'weight' in n and p.dim() > 1)").arg(reg_rate_->currentText());
  std::string features;
  for (const auto& f : chosenFeatures()) features += (features.empty() ? "" : ", ") + f;
  return QString(
             "# GradScope Playground: %1, noise %2; input features: %3\n"
             "%4\n"
             "loss_fn = nn.%5()\n"
             "optimizer = torch.optim.%6(model.parameters(), lr=%7)\n"
             "loader = torch.utils.data.DataLoader(train_set, batch_size=%8, shuffle=True%9)\n\n"
             "for epoch in range(100):\n"
             "    model.train()%10\n"
             "    for x, y in loader:\n"
             "%11"
             "        loss = loss_fn(model(x), y)%12\n"
             "        loss.backward()\n"
             "        optimizer.step()\n"
             "    model.eval()  # then measure the test loss with torch.no_grad()\n")
      .arg(dataset_->currentText(), QString::number(generatorNoise()), QString::fromStdString(features), model,
           problemType() == "regression" ? "MSELoss" : problemType() == "binary" ? "BCEWithLogitsLoss" : "CrossEntropyLoss",
           optimizer_->currentText(), lr_->currentText())
      .arg(batch_->value())
      .arg(QString(has_batchnorm ? ", drop_last=True" : ""),
           QString(has_batchnorm || has_dropout ? "  # BatchNorm and Dropout behave differently in training" : ""),
           QString(forget_zero_grad_->isChecked() ? "        # optimizer.zero_grad() forgotten: gradients pile up across steps!\n"
                                                  : "        optimizer.zero_grad()\n"),
           reg);
}

QList<QPair<QString, QWidget*>> PlaygroundLab::exportablePlots() const {
  return {{tr("Decision boundary"), boundary_plot_}, {tr("Loss"), loss_plot_}, {tr("ROC curve"), roc_plot_}};
}

}  // namespace gsui
