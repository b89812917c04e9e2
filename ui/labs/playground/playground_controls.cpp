#include "labs/playground/playground_controls.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <map>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>

#include "app/control_group.h"
#include "app/json_file.h"
#include "data/dataset.h"
#include "data/features.h"
#include "nn/init.h"

namespace gsui {
namespace {

using playground::Problem;
using playground::Regularization;

const char* const kFeatureLabels[] = {"x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"};
const char* const kLearningRates[] = {"0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"};
const char* const kRegularizationRates[] = {"0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"};
// The presets' titles and descriptions (resources/presets), for the translators.
[[maybe_unused]] const char* const kPresetTexts[] = {
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "XOR needs a hidden layer"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "No hidden layer: the boundary can only be a straight line, and XOR has none. Add a hidden layer (or the feature x1*x2)."),
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "The spiral needs depth"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "Three layers of eight ReLU neurons bend the boundary around the arms of the spiral."),
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "Deep sigmoid nets stall"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "Six sigmoid layers: the gradient vanishes on its way back and the first layers barely learn. Switch the activation to ReLU."),
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "Too high a learning rate diverges"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "With lr = 10 every step overshoots: the loss jumps about or becomes nan. Lower the learning rate and press Reset."),
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "Overfitting a small noisy set, cured by L2"),
    QT_TRANSLATE_NOOP("gsui::PlaygroundControls", "Much noise, 20 % of the data to train on, a big network: the training loss falls while the test loss rises. Turn on L2 (0.01), or Dropout p 0.3, and compare."),
};

QComboBox* combo(const char* name) {
  auto* c = new QComboBox;
  c->setObjectName(name);
  // Not as wide as the longest item: the side panel must fit a 1024×768 projector.
  c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  c->setMinimumContentsLength(5);
  return c;
}

QSlider* slider(int lo, int hi, int value) {
  auto* s = new QSlider(Qt::Horizontal);
  s->setRange(lo, hi);
  s->setValue(value);
  return s;
}

/// Selects `text`, adding it first when the list lacks it (a value from a file).
void selectOrAdd(QComboBox* c, const QString& text) {
  if (c->findText(text) < 0) c->addItem(text);
  c->setCurrentText(text);
}

/// Selects the item whose data is `id` (a data set, scheme or regularization by core's name).
void selectData(QComboBox* c, const QString& id) {
  if (const int i = c->findData(id); i >= 0) c->setCurrentIndex(i);
}

}  // namespace

PlaygroundControls::PlaygroundControls(QBoxLayout* panel, QObject* parent) : QObject(parent), panel_(panel->parentWidget()) {
  // Training first: its learning rate, optimizer and regularization are what a teacher turns
  // during a lesson, so they stay in sight at every size (gsPrimary; issue 15).
  buildTrainingGroup(panel);
  buildDataGroup(panel);
  buildFeatureGroup(panel);
  buildNetworkGroup(panel);
  status_ = new QLabel;
  status_->setWordWrap(true);
  status_->setObjectName("status");
  speed_ = new QLabel;
  panel->addWidget(status_);
  panel->addWidget(speed_);
  panel->addStretch();
  connectLiveChanges();
  setSetup(playground::Setup{});  // (the texts come with the lab's retranslate())
}

void PlaygroundControls::buildDataGroup(QBoxLayout* panel) {
  data_box_ = new ControlGroup(panel);
  preset_ = combo("preset");
  preset_note_ = new QLabel;
  preset_note_->setWordWrap(true);
  preset_note_->setVisible(false);  // until a preset says its story
  dataset_ = combo("dataset");
  // core's ids as item data; the names shown are translated (retranslate()).
  for (const std::string& name : gs::data::playground_datasets()) dataset_->addItem(QString::fromStdString(name), QString::fromStdString(name));
  problem_ = combo("problem");
  for (Problem p : {Problem::Binary, Problem::MultiClass, Problem::Regression}) problem_->addItem(QString(), static_cast<int>(p));
  noise_ = slider(0, 50, 10);  // see playground::generatorNoise()
  test_ratio_ = slider(10, 90, 50);
  seed_ = new QSpinBox;
  seed_->setObjectName("seed");
  seed_->setRange(0, 9999);
  save_scenario_ = new QPushButton;
  open_scenario_ = new QPushButton;
  import_csv_ = new QPushButton;
  import_csv_->setObjectName("import_csv");
  // The data set first, and in sight in presentation mode too (circle to spiral is the demo a
  // class asks for); the presets, the CSV import and the generator's knobs below it.
  dataset_->setProperty("gsPrimary", true);
  data_box_->addWideRow(dataset_);
  data_box_->addWideRow(preset_);
  data_box_->addWideRow(preset_note_);
  data_box_->addWideRow(import_csv_);
  // The whole row: the problems' names are long ("multi-class: softmax + CE"), and say what they are.
  problem_label_ = new QLabel;
  problem_label_->setWordWrap(true);
  data_box_->addWideRow(problem_label_);
  data_box_->addWideRow(problem_);
  noise_label_ = data_box_->addRow(noise_);
  test_ratio_label_ = data_box_->addRow(test_ratio_);
  seed_label_ = data_box_->addRow(seed_);
  data_box_->addWideRow({save_scenario_, open_scenario_});
}

void PlaygroundControls::buildFeatureGroup(QBoxLayout* panel) {
  features_box_ = new ControlGroup(panel);
  const auto& names = gs::data::playground_features();
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto* box = new QCheckBox(kFeatureLabels[i]);
    box->setObjectName(QString::fromStdString("feature_" + names[i]));
    features_.push_back(box);
  }
  // In one grid, so that each row's boxes stand under the row above's.
  auto* grid_widget = new QWidget;
  auto* grid = new QGridLayout(grid_widget);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setHorizontalSpacing(2);
  // Three columns (four do not fit the side panel at 1024×768): x₁ x₂ x₁x₂ / x₁² x₂² / sin x₁ sin x₂.
  const int at[][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 2}, {2, 0}, {2, 1}};
  for (std::size_t i = 0; i < features_.size(); ++i) grid->addWidget(features_[i], at[i % 7][0] + static_cast<int>(i / 7) * 3, at[i % 7][1]);
  features_box_->addWideRow(grid_widget);
}

void PlaygroundControls::buildNetworkGroup(QBoxLayout* panel) {
  network_box_ = new ControlGroup(panel);
  layers_ = new QSpinBox;
  layers_->setObjectName("hiddenLayers");
  layers_->setRange(0, playground::kMaxHiddenLayers);
  layers_label_ = network_box_->addRow(layers_);
  auto* neurons = new QWidget;
  auto* nl = new QHBoxLayout(neurons);
  nl->setContentsMargins(0, 0, 0, 0);
  for (int i = 0; i < playground::kMaxHiddenLayers; ++i) {
    auto* s = new QSpinBox;
    s->setObjectName(QString("neurons%1").arg(i + 1));
    s->setRange(1, playground::kMaxNeurons);
    neurons_.push_back(s);
    nl->addWidget(s);
  }
  neurons_label_ = network_box_->addRow(neurons);
  activation_ = combo("activation");
  for (const std::string& a : playground::activationChoices()) activation_->addItem(QString::fromStdString(a));
  activation_label_ = network_box_->addRow(activation_);
  init_ = combo("init");
  for (const std::string& scheme : gs::nn::init::schemes()) init_->addItem(QString::fromStdString(scheme), QString::fromStdString(scheme));
  init_label_ = network_box_->addRow(init_);
  dropout_ = combo("dropout");
  for (double p : playground::dropoutChoices()) dropout_->addItem(QString::number(p), p);
  dropout_label_ = network_box_->addRow(dropout_);
  batchnorm_ = new QCheckBox;
  batchnorm_->setObjectName("batchNorm");
  network_box_->addWideRow(batchnorm_);
  custom_label_ = new QLabel;
  custom_label_->setWordWrap(true);
  custom_label_->setObjectName("customNetwork");
  edit_network_ = new QPushButton;
  edit_network_->setObjectName("editInBuilder");
  simple_network_ = new QPushButton;
  simple_network_->setObjectName("simpleNetwork");
  for (QWidget* w : std::initializer_list<QWidget*>{custom_label_, edit_network_, simple_network_}) network_box_->addWideRow(w);
}

void PlaygroundControls::buildTrainingGroup(QBoxLayout* panel) {
  training_box_ = new ControlGroup(panel);
  // Fork: run B copies the run as it is now; what the learner then changes here changes B only.
  fork_ = new QPushButton;
  fork_->setObjectName("fork");
  fork_->setCheckable(true);
  fork_->setProperty("gsPrimary", true);
  training_box_->addWideRow(fork_);
  optimizer_ = combo("optimizer");
  for (gs::optim::OptimizerKind kind : playground::optimizerChoices())
    optimizer_->addItem(gs::optim::optimizer_name(kind), static_cast<int>(kind));
  optimizer_label_ = training_box_->addRow(optimizer_);
  lr_ = combo("learningRate");
  for (const char* v : kLearningRates) lr_->addItem(v);
  lr_label_ = training_box_->addRow(lr_);
  batch_ = new QSpinBox;
  batch_->setObjectName("batchSize");
  batch_->setRange(1, 30);
  batch_label_ = training_box_->addRow(batch_);
  regularization_ = combo("regularization");
  for (const char* id : {"None", "L1", "L2"}) regularization_->addItem(id, QString(id));
  reg_rate_ = combo("regularizationRate");
  for (const char* v : kRegularizationRates) reg_rate_->addItem(v);
  // The name above its two fields (kind and rate): beside them the row is wider than the side panel.
  reg_label_ = new QLabel;
  reg_label_->setWordWrap(true);
  training_box_->addWideRow(reg_label_);
  training_box_->addWideRow({regularization_, reg_rate_});
  for (QWidget* w : std::initializer_list<QWidget*>{optimizer_, lr_, regularization_, reg_rate_}) w->setProperty("gsPrimary", true);
  forget_zero_grad_ = new QCheckBox;
  forget_zero_grad_->setObjectName("forgetZeroGrad");
  show_test_ = new QCheckBox;
  show_test_->setObjectName("showTest");
  show_test_->setChecked(true);
  discretize_ = new QCheckBox;
  discretize_->setObjectName("discretize");
  for (QWidget* w : std::initializer_list<QWidget*>{forget_zero_grad_, show_test_, discretize_}) training_box_->addWideRow(w);
}

void PlaygroundControls::connectLiveChanges() {
  auto rebuild = [this] {
    showNetworkSource();
    emit rebuildNeeded();
  };
  for (QCheckBox* box : features_) connect(box, &QCheckBox::toggled, this, rebuild);
  for (QSpinBox* s : neurons_) connect(s, &QSpinBox::valueChanged, this, rebuild);
  for (QSpinBox* s : {layers_, seed_}) connect(s, &QSpinBox::valueChanged, this, rebuild);
  for (QComboBox* c : {activation_, init_}) connect(c, &QComboBox::currentIndexChanged, this, rebuild);
  connect(problem_, &QComboBox::currentIndexChanged, this, rebuild);
  connect(batchnorm_, &QCheckBox::toggled, this, rebuild);
  connect(dataset_, &QComboBox::currentIndexChanged, this, [this, rebuild] {
    updateChoices();
    rebuild();
  });
  connect(simple_network_, &QPushButton::clicked, this, [this, rebuild] {
    custom_.reset();
    rebuild();
  });
  // The sliders rebuild when let go (or moved by the keyboard), not at every pixel of a drag.
  for (QSlider* s : {noise_, test_ratio_}) {
    connect(s, &QSlider::sliderReleased, this, rebuild);
    connect(s, &QSlider::valueChanged, this, [this, s, rebuild] {
      updateValueLabels();
      if (!s->isSliderDown()) rebuild();
    });
  }
  connect(dropout_, &QComboBox::currentIndexChanged, this, [this] { emit dropoutChanged(dropout_->currentData().toDouble()); });
  connect(optimizer_, &QComboBox::currentIndexChanged, this,
          [this] { emit optimizerChanged(static_cast<gs::optim::OptimizerKind>(optimizer_->currentData().toInt())); });
  connect(batch_, &QSpinBox::valueChanged, this, &PlaygroundControls::batchSizeChanged);
  connect(lr_, &QComboBox::currentTextChanged, this, [this](const QString& v) { emit learningRateChanged(v.toDouble()); });
  auto regularization = [this] {
    const playground::Setup s = setup();
    emit regularizationChanged(s.regularization == Regularization::L1 ? s.regularization_rate : 0.0,
                               s.regularization == Regularization::L2 ? s.regularization_rate : 0.0);
  };
  connect(regularization_, &QComboBox::currentIndexChanged, this, regularization);
  connect(reg_rate_, &QComboBox::currentTextChanged, this, regularization);
  connect(forget_zero_grad_, &QCheckBox::toggled, this, &PlaygroundControls::forgetZeroGradChanged);
  connect(preset_, &QComboBox::activated, this, [this](int i) {
    if (i > 0) emit presetChosen(preset_->itemData(i).toString());
  });
  connect(save_scenario_, &QPushButton::clicked, this, &PlaygroundControls::saveRequested);
  connect(open_scenario_, &QPushButton::clicked, this, &PlaygroundControls::openRequested);
  connect(import_csv_, &QPushButton::clicked, this, &PlaygroundControls::importCsvRequested);
  connect(edit_network_, &QPushButton::clicked, this, &PlaygroundControls::editNetworkRequested);
  connect(fork_, &QPushButton::clicked, this, [this](bool on) {
    setForked(on);
    emit forkRequested(on);
  });
  connect(show_test_, &QCheckBox::toggled, this, &PlaygroundControls::showTestChanged);
  connect(discretize_, &QCheckBox::toggled, this, &PlaygroundControls::discretizeChanged);
}

playground::Setup PlaygroundControls::setup() const {
  playground::Setup s;
  s.dataset = dataset_->currentData().toString().toStdString();
  s.csv = csv_;
  s.noise_percent = noise_->value();
  s.test_percent = test_ratio_->value();
  s.seed = seed_->value();
  s.features.clear();
  for (std::size_t i = 0; i < features_.size(); ++i)
    if (features_[i]->isChecked()) s.features.push_back(gs::data::playground_features()[i]);
  s.problem = static_cast<Problem>(problem_->currentData().toInt());
  s.mlp.hidden.clear();
  for (int i = 0; i < layers_->value(); ++i) s.mlp.hidden.push_back(neurons_[i]->value());
  s.mlp.activation = activation_->currentText().toStdString();
  s.mlp.init = init_->currentData().toString().toStdString();
  s.mlp.dropout = dropout_->currentData().toDouble();
  s.mlp.batchnorm = batchnorm_->isChecked();
  s.custom = custom_;
  s.optimizer = static_cast<gs::optim::OptimizerKind>(optimizer_->currentData().toInt());
  s.lr = lr_->currentText().toDouble();
  s.batch_size = batch_->value();
  const QString regularization = regularization_->currentData().toString();
  s.regularization = regularization == "L1" ? Regularization::L1 : regularization == "L2" ? Regularization::L2 : Regularization::None;
  s.regularization_rate = reg_rate_->currentText().toDouble();
  s.forget_zero_grad = forget_zero_grad_->isChecked();
  return s;
}

void PlaygroundControls::setSetup(const playground::Setup& s) {
  std::vector<std::unique_ptr<QSignalBlocker>> blockers;
  for (QObject* o : panel_->findChildren<QObject*>()) blockers.push_back(std::make_unique<QSignalBlocker>(o));
  if (s.csv) csv_ = s.csv;  // an earlier table stays on offer while a generated set is chosen
  showCsvItem();
  selectData(dataset_, QString::fromStdString(s.dataset));
  noise_->setValue(s.noise_percent);
  test_ratio_->setValue(s.test_percent);
  seed_->setValue(s.seed);
  const auto& names = gs::data::playground_features();
  for (std::size_t i = 0; i < features_.size(); ++i)
    features_[i]->setChecked(std::find(s.features.begin(), s.features.end(), names[i]) != s.features.end());
  problem_->setCurrentIndex(problem_->findData(static_cast<int>(s.problem)));
  layers_->setValue(static_cast<int>(s.mlp.hidden.size()));
  for (std::size_t i = 0; i < neurons_.size(); ++i) neurons_[i]->setValue(i < s.mlp.hidden.size() ? s.mlp.hidden[i] : 4);
  activation_->setCurrentText(QString::fromStdString(s.mlp.activation));
  selectData(init_, QString::fromStdString(s.mlp.init));
  dropout_->setCurrentIndex(std::max(0, dropout_->findData(s.mlp.dropout)));
  batchnorm_->setChecked(s.mlp.batchnorm);
  custom_ = s.custom;
  optimizer_->setCurrentIndex(optimizer_->findData(static_cast<int>(s.optimizer)));
  selectOrAdd(lr_, QString::number(s.lr));
  batch_->setValue(s.batch_size);
  selectData(regularization_, s.regularization == Regularization::L1 ? "L1" : s.regularization == Regularization::L2 ? "L2" : "None");
  selectOrAdd(reg_rate_, QString::number(s.regularization_rate));
  forget_zero_grad_->setChecked(s.forget_zero_grad);
  updateChoices();
  showNetworkSource();
  blockers.clear();
  updateValueLabels();
}

void PlaygroundControls::updateValueLabels() {
  noise_label_->setText(tr("Noise %1").arg(noise_->value()));
  test_ratio_label_->setText(tr("Test %1 %").arg(test_ratio_->value()));
}

void PlaygroundControls::updateChoices() {
  const playground::Setup dataset = setup();
  noise_->setEnabled(!playground::usesCsv(dataset));  // a table's points are as the file has them
  auto* model = qobject_cast<QStandardItemModel*>(problem_->model());
  for (int i = 0; i < problem_->count(); ++i) {
    QStandardItem* item = model->item(i);
    const bool allowed = playground::allows(dataset, static_cast<Problem>(problem_->itemData(i).toInt()));
    item->setFlags(allowed ? item->flags() | Qt::ItemIsEnabled : item->flags() & ~Qt::ItemIsEnabled);
  }
  if (!playground::allows(dataset, static_cast<Problem>(problem_->currentData().toInt()))) {
    const QSignalBlocker block(problem_);
    problem_->setCurrentIndex(problem_->findData(static_cast<int>(playground::defaultProblem(dataset))));
  }
  const std::vector<std::string> allowed = playground::featuresAllowed(dataset);  // 1-D data has no x₂
  for (std::size_t i = 0; i < features_.size(); ++i)
    features_[i]->setEnabled(std::find(allowed.begin(), allowed.end(), gs::data::playground_features()[i]) != allowed.end());
}

void PlaygroundControls::showNetworkSource() {
  const bool custom = custom_.has_value();
  for (QWidget* w : std::initializer_list<QWidget*>{layers_, layers_label_, neurons_label_, activation_, activation_label_, init_,
                                                    init_label_, dropout_, dropout_label_, batchnorm_})
    w->setEnabled(!custom);
  for (std::size_t i = 0; i < neurons_.size(); ++i) {
    neurons_[i]->setEnabled(!custom);
    neurons_[i]->setVisible(static_cast<int>(i) < layers_->value());
  }
  simple_network_->setVisible(custom);
  custom_label_->setVisible(custom);
  if (custom) {
    QStringList types;
    for (const auto& l : custom_->layers) types << QString::fromStdString(l.type);
    custom_label_->setText(tr("Training the network from the builder: %1").arg(types.join(" → ")));
  }
}

QStringList PlaygroundControls::featureLabels() const {
  // The network's inputs (what the data set allows of the chosen), by their boxes' labels; not
  // by the boxes' enabled state, which a lesson's lock also clears.
  QStringList labels;
  for (const std::string& id : playground::inputFeatures(setup()))
    for (QCheckBox* f : features_)
      if (f->objectName() == QString::fromStdString("feature_" + id)) labels << f->text();
  return labels;
}

bool PlaygroundControls::showTest() const { return show_test_->isChecked(); }
bool PlaygroundControls::discretize() const { return discretize_->isChecked(); }
void PlaygroundControls::setPresetNote(const std::string& note) {
  preset_note_->setText(note.empty() ? QString() : tr(note.c_str()));
  preset_note_->setVisible(!note.empty());  // (an empty label still took a row's spacing)
}
void PlaygroundControls::setStatus(const QString& text) { status_->setText(text); }
void PlaygroundControls::setSpeed(const QString& text) { speed_->setText(text); }

void PlaygroundControls::setForked(bool on) {
  const QSignalBlocker block(fork_);
  fork_->setChecked(on);
  fork_->setText(on ? tr("End the fork (keep A)") : tr("Fork: compare one change"));
  fork_->setToolTip(on ? tr("B stops; A trains on with its own settings.")
                       : tr("Run B starts as an exact copy of this run (weights, optimizer state, data order). Then change one "
                            "thing (learning rate, optimizer, activation, batch size, regularization, Dropout p, the zero_grad "
                            "mistake): it changes B only, and both train side by side."));
}

void PlaygroundControls::showCsvItem() {
  int i = dataset_->findData(QString(playground::kCsvDataset));
  if (!csv_) return;
  const QSignalBlocker block(dataset_);
  if (i < 0) {
    dataset_->addItem(QString(), QString(playground::kCsvDataset));
    i = dataset_->count() - 1;
  }
  const QString file = QFileInfo(QString::fromStdString(csv_->path)).fileName();
  dataset_->setItemText(i, tr("table: %1").arg(file));
  dataset_->setItemData(i, QString::fromStdString(csv_->path), Qt::ToolTipRole);
}

void PlaygroundControls::fillPresets() {
  const QSignalBlocker block(preset_);
  preset_->clear();
  preset_->addItem(tr("Presets: a story to try…"));
  for (const QString& f : QDir(":/presets").entryList({"*.json"}, QDir::Files, QDir::Name)) {
    const QString path = ":/presets/" + f;
    const JsonFile preset = readJsonFile(path);
    const std::string title = preset.ok() ? preset.json.value("title", f.toStdString()) : QFileInfo(f).baseName().toStdString();
    preset_->addItem(tr(title.c_str()), path);
  }
}

void PlaygroundControls::retranslate() {
  data_box_->setTitle(tr("Data"));
  fillPresets();
  updateValueLabels();
  save_scenario_->setText(tr("Save setup…"));
  save_scenario_->setToolTip(tr("As a scenario file that gradscope-cli train runs to the same numbers"));
  open_scenario_->setText(tr("Open setup…"));
  import_csv_->setText(tr("Import CSV…"));
  import_csv_->setToolTip(tr("Your own data: two columns of a CSV file as x₁ and x₂ and a column of labels, or one column and a value to fit"));
  problem_label_->setText(tr("Problem"));
  seed_label_->setText(tr("Seed"));
  problem_->setItemText(0, tr("binary: sigmoid + BCE"));
  problem_->setItemText(1, tr("multi-class: softmax + CE"));
  problem_->setItemData(1, tr("multi-class: softmax + cross-entropy"), Qt::ToolTipRole);
  problem_->setItemText(2, tr("regression: MSE"));
  // The data sets' names (core's ids stay the item data).
  const std::map<QString, QString> datasets = {
      {"circle", tr("circle")}, {"xor", tr("xor")},   {"gaussian", tr("gaussian")}, {"spiral", tr("spiral")},
      {"moons", tr("moons")},   {"blobs", tr("blobs")}, {"plane", tr("plane")},       {"multi_gaussian", tr("multi_gaussian")},
      {"line", tr("line")},     {"cubic", tr("cubic")}};
  for (int i = 0; i < dataset_->count(); ++i)
    if (const auto it = datasets.find(dataset_->itemData(i).toString()); it != datasets.end()) dataset_->setItemText(i, it->second);
  showCsvItem();
  features_box_->setTitle(tr("Input features"));
  network_box_->setTitle(tr("Network"));
  layers_label_->setText(tr("Hidden layers"));
  neurons_label_->setText(tr("Neurons"));
  for (std::size_t i = 0; i < neurons_.size(); ++i) neurons_[i]->setToolTip(tr("neurons in hidden layer %1").arg(i + 1));
  activation_label_->setText(tr("Activation"));
  init_label_->setText(tr("Initialization"));
  if (const int i = init_->findData(QString("default")); i >= 0) init_->setItemText(i, tr("default"));
  init_->setToolTip(tr("default: PyTorch's own (Kaiming uniform with a = √5). zeros: every neuron learns the same thing. "
                       "normal: N(0, 1), far too large for wide layers."));
  dropout_label_->setText(tr("Dropout p"));
  batchnorm_->setText(tr("BatchNorm1d per layer"));
  batchnorm_->setToolTip(tr("BatchNorm1d after each hidden Linear"));
  edit_network_->setText(tr("Edit in the network builder…"));
  simple_network_->setText(tr("Back to the simple controls"));
  showNetworkSource();
  training_box_->setTitle(tr("Training"));
  setForked(fork_->isChecked());
  optimizer_label_->setText(tr("Optimizer"));
  lr_label_->setText(tr("Learning rate"));
  batch_label_->setText(tr("Batch size"));
  reg_label_->setText(tr("Regularization"));
  if (const int i = regularization_->findData(QString("None")); i >= 0) regularization_->setItemText(i, tr("None"));
  forget_zero_grad_->setText(tr("Mistake: no zero_grad()"));
  forget_zero_grad_->setToolTip(tr("Mistake: forget optimizer.zero_grad()"));
  show_test_->setText(tr("Show test data"));
  discretize_->setText(tr("Discretize output"));
}

}  // namespace gsui
