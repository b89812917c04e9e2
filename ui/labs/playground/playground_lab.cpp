#include "labs/playground/playground_lab.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMessageBox>
#include <qcustomplot.h>

#include "app/engine_message.h"
#include "app/json_file.h"
#include "labs/playground/csv_import_dialog.h"
#include "io/safetensors.h"
#include "labs/playground/neuron_view.h"
#include "labs/playground/playground_controls.h"
#include "nn/activation.h"
#include "plots/classification_panel.h"
#include "spec/scenario.h"

namespace gsui {
namespace {

using playground::kRange;
constexpr int kFrameIntervalMs = 25;  // the worker publishes a frame this often while training: 40 frames/s

/// The model's inputs for the views, already through the run's feature pipeline.
struct ViewInputs {
  gs::Tensor grid, small_grid, curve;
};

ViewInputs viewInputs(const gs::spec::FeaturePipeline& pipeline) {
  std::vector<double> curve;  // 1-D: the x values of the fitted curve
  for (int i = 0; i < PlaygroundViews::kCurve; ++i) curve.insert(curve.end(), {-kRange + 2 * kRange * i / (PlaygroundViews::kCurve - 1.0), 0.0});
  return {pipeline.transform(gs::train::plane_grid(PlaygroundViews::kGrid, kRange)),
          pipeline.transform(gs::train::plane_grid(PlaygroundViews::kNeuronResolution, kRange)),
          pipeline.transform(gs::from_vector(curve, {PlaygroundViews::kCurve, 2}))};
}

/// What the views draw, built in the worker from the trainer (the only place the model is used).
PlaygroundFrame makeFrame(gs::train::Trainer& t, const ViewInputs& in, gs::train::OutputKind kind, bool one_d) {
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
  f.grid = gs::train::decision_map(t.model(), in.grid, kind);
  if (one_d) f.curve = gs::train::predict(t.model(), in.curve);
  if (kind == gs::train::OutputKind::Value) {
    f.test_values = gs::train::predict(t.model(), t.test_set().x);
    f.test_truth = t.test_set().y.reshape({-1}).to_vector<double>();
  }
  f.neurons = gs::train::neuron_maps(t.model(), in.small_grid, PlaygroundViews::kNeuronResolution, kind);
  return f;
}

/// The raw points as the plane draws them: train then test; 1-D sets as (x₁, y).
PlanePoints planePoints(const gs::data::Split& raw, const playground::Setup& s) {
  PlanePoints p;
  p.classes = playground::classesOf(s);
  p.one_d = playground::oneDimensional(s);
  for (const gs::data::Dataset* d : {&raw.train, &raw.test}) {
    const std::vector<double> xy = d->x.to_vector<double>(), y = d->y.to_vector<double>();
    for (std::size_t i = 0; i < y.size(); ++i) {
      p.x.push_back(xy[2 * i]);
      p.y.push_back(p.one_d ? y[i] : xy[2 * i + 1]);
      // Regression targets are coloured by sign (above or below 0), as TF Playground does.
      p.groups.push_back(p.classes == 0 ? (y[i] >= 0 ? 1 : 0) : static_cast<std::int64_t>(y[i]));
    }
  }
  p.n_train = static_cast<std::size_t>(raw.train.size());
  return p;
}

}  // namespace

PlaygroundLab::PlaygroundLab(QWidget* parent) : Lab(parent), frame_(std::make_shared<const PlaygroundFrame>()) {
  views_ = new PlaygroundViews(this);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(views_);
  controls_ = new PlaygroundControls(controlsLayout(), this);
  connectControls();
  display_.setInterval(15);  // polls for the worker's frames, which come every kFrameIntervalMs
  connect(&display_, &QTimer::timeout, this, &PlaygroundLab::pull);
  display_.start();
  retranslate();
  rebuild();
}

PlaygroundLab::~PlaygroundLab() {
  fork_.stop();
  session_.stop();
}

void PlaygroundLab::connectControls() {
  using gs::train::Trainer;
  connect(controls_, &PlaygroundControls::rebuildNeeded, this, &PlaygroundLab::rebuild);
  // Live changes: they reach the worker before its next step, and training keeps going.
  connect(controls_, &PlaygroundControls::learningRateChanged, this, &PlaygroundLab::changeLearningRate);
  connect(controls_, &PlaygroundControls::optimizerChanged, this, [this](gs::optim::OptimizerKind kind) {
    const auto options = gs::optim::default_optimizer_options(kind, setup().lr);  // same weights, a new rule
    active().post([options](Trainer& t) { t.set_optimizer(gs::optim::make_optimizer(options, t.model().parameters())); });
    knobChanged();
  });
  connect(controls_, &PlaygroundControls::batchSizeChanged, this, [this](int b) {
    active().post([b](Trainer& t) { t.set_batch_size(b); });
    knobChanged();
  });
  connect(controls_, &PlaygroundControls::regularizationChanged, this, [this](double l1, double l2) {
    active().post([l1, l2](Trainer& t) { t.set_regularization(l1, l2); });
    knobChanged();
  });
  connect(controls_, &PlaygroundControls::forgetZeroGradChanged, this, [this](bool on) {
    active().post([on](Trainer& t) { t.set_forget_zero_grad(on); });
    knobChanged();
  });
  connect(controls_, &PlaygroundControls::dropoutChanged, this, &PlaygroundLab::changeDropout);
  connect(controls_, &PlaygroundControls::presetChosen, this, [this](const QString& path) {
    const QString error = applyPreset(path);
    if (!error.isEmpty()) emit message(error);
  });
  connect(controls_, &PlaygroundControls::saveRequested, this, &PlaygroundLab::saveSetup);
  connect(controls_, &PlaygroundControls::openRequested, this, &PlaygroundLab::openSetup);
  connect(controls_, &PlaygroundControls::importCsvRequested, this, &PlaygroundLab::openCsvImport);
  connect(controls_, &PlaygroundControls::editNetworkRequested, this, &PlaygroundLab::editInBuilder);
  connect(controls_, &PlaygroundControls::showTestChanged, views_, &PlaygroundViews::setShowTest);
  connect(controls_, &PlaygroundControls::discretizeChanged, views_, &PlaygroundViews::setDiscretize);
  connect(views_->neuronView(), &NeuronView::neuronsChangeRequested, this, [this](int layer, int delta) {
    playground::Setup s = setup();
    if (layer < 0 || layer >= static_cast<int>(s.mlp.hidden.size())) return;
    s.mlp.hidden[layer] = std::clamp(s.mlp.hidden[layer] + delta, 1, playground::kMaxNeurons);
    setSetup(s);
  });
  connect(views_->neuronView(), &NeuronView::layersChangeRequested, this, [this](int delta) {
    playground::Setup s = setup();
    s.mlp.hidden.resize(std::clamp<std::size_t>(s.mlp.hidden.size() + delta, 0, playground::kMaxHiddenLayers), 4);
    setSetup(s);
  });
  connect(&session_, &Session::stoppedByItself, this, [this](const QString& reason) {
    stopPlaying();
    controls_->setStatus(reason);
    emit message(reason);
  });
  // B stopping (a learning rate that diverges, say) is the comparison's result: A goes on.
  connect(&fork_, &Session::stoppedByItself, this, [this](const QString& reason) {
    controls_->setStatus(tr("B stopped: %1").arg(reason));
    emit message(tr("B stopped: %1").arg(reason));
  });
  connect(controls_, &PlaygroundControls::forkRequested, this, [this](bool on) {
    if (!on) {
      endFork();
      return;
    }
    if (const QString problem = fork(); !problem.isEmpty()) {
      controls_->setStatus(problem);
      emit message(problem);
    }
  });
}

void PlaygroundLab::changeLearningRate(double lr) {
  active().post([lr](gs::train::Trainer& t) { t.optimizer().set_lr(lr); });
  knobChanged();
}

void PlaygroundLab::knobChanged() {
  if (forked()) {
    fork_setup_ = setup();  // B as the controls now show it
    views_->setForkDifference(forkDifference());
  }
  emit codeChanged();
}

void PlaygroundLab::changeDropout(double p) {
  // Dropout's p changes live while the network has Dropout layers (as `model[i].p = ...` in
  // PyTorch); turning it on or off adds or removes layers, which rebuilds.
  if (forked() && trained_dropout_ > 0) {
    // B has A's Dropout layers: any p, 0 included (Dropout(0) lets everything through), is live.
  } else if (customNetwork() || trained_dropout_ <= 0 || p <= 0) {
    rebuild();
    return;
  } else {
    trained_dropout_ = p;
  }
  active().post([p](gs::train::Trainer& t) {
    for (const auto& [name, child] : t.model().children())
      if (auto* dropout = dynamic_cast<gs::nn::Dropout*>(child.get())) dropout->set_p(p);
  });
  knobChanged();
}

void PlaygroundLab::rebuild() {
  if (forked()) {
    changeFork();
    return;
  }
  const bool was_playing = playing_;
  const playground::Setup s = setup();
  if (playground::inputFeatures(s).empty()) {
    controls_->setStatus(tr("Choose at least one input feature."));
    return;
  }
  // Data, features, standardization, model, loss, optimizer: core builds the run from the
  // scenario, as `gradscope-cli train` does from the file this setup saves as.
  gs::spec::Scenario scenario = playground::toScenario(s);
  gs::spec::Run run;
  try {
    run = gs::spec::make_run(scenario);
  } catch (const gs::Error& e) {
    // A table changed on disk since it was imported says its problem as the import does.
    const QString why = e.code().rfind("csv_", 0) == 0 ? CsvImportDialog::problemText(e) : engineMessage(e);
    controls_->setStatus(tr("The network cannot be built: %1").arg(why));
    return;
  } catch (const std::exception& e) {
    controls_->setStatus(tr("The network cannot be built: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  controls_->setStatus(QString());
  views_->setPoints(planePoints(run.raw, s));
  trained_dropout_ = s.custom ? 0.0 : s.mlp.dropout;
  const ViewInputs inputs = viewInputs(run.pipeline);
  const gs::train::OutputKind kind = playground::outputKindOf(s.problem);
  const bool one_d = playground::oneDimensional(s);
  frame_fn_ = [inputs, kind, one_d](gs::train::Trainer& t) { return makeFrame(t, inputs, kind, one_d); };
  session_.start(std::move(run.trainer), frame_fn_, kFrameIntervalMs);
  recorded_step_ = -1;
  seen_version_ = 0;
  pull();
  if (was_playing) session_.setPlaying(true);
  emit codeChanged();
}

void PlaygroundLab::pull() {
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  if (now - fps_start_ >= 1000) {
    fps_ = frames_this_second_ * 1000.0 / std::max<qint64>(1, now - fps_start_);
    frames_this_second_ = 0;
    fps_start_ = now;
    // While training: how fast (nothing while paused, where "0 steps/s" would only puzzle).
    const double rate = session_.stepsPerSecond();
    controls_->setSpeed(rate > 0 ? tr("%1 steps/s, %2 frames/s").arg(rate, 0, 'f', 0).arg(fps_, 0, 'f', 0) : QString());
  }
  pullFork();
  const std::uint64_t version = session_.frameVersion();
  if (version == seen_version_ || !session_.running()) return;  // nothing new: nothing copied
  seen_version_ = version;
  frame_ = session_.latestFrame();
  const bool record = frame_->step != recorded_step_;
  recorded_step_ = frame_->step;
  views_->showFrame(*frame_, controls_->featureLabels(), record);
  if (frame_->diverged) controls_->setStatus(tr("Training diverged: lower the learning rate and press Reset."));
  ++frames_this_second_;
}

void PlaygroundLab::setPlaying(bool playing) {
  playing_ = playing;
  session_.setPlaying(playing);
  if (forked()) fork_.setPlaying(playing);
}

void PlaygroundLab::step() {
  session_.step(10);
  if (forked()) fork_.step(10);
}

void PlaygroundLab::reset() {
  endFork();
  stopPlaying();
  rebuild();
}

void PlaygroundLab::stopPlaying() {
  const bool was = playing_;
  playing_ = false;
  session_.setPlaying(false);
  fork_.setPlaying(false);
  if (was) emit stoppedPlaying();
}

QString PlaygroundLab::stepReadout() const {
  const QString a = TrainingSessionBase::readoutOf(session_.snapshot());
  if (!forked()) return a;
  return tr("A: %1   B: %2").arg(a, TrainingSessionBase::readoutOf(fork_.snapshot()));
}

// ---- Fork

QString PlaygroundLab::difference(const playground::Setup& a, const playground::Setup& b) {
  using playground::Regularization;
  QStringList changes;
  if (b.mlp.activation != a.mlp.activation) changes << QString::fromStdString(b.mlp.activation);
  if (b.optimizer != a.optimizer) changes << QString::fromLatin1(gs::optim::optimizer_name(b.optimizer));
  if (b.lr != a.lr) changes << QStringLiteral("lr %1").arg(b.lr);
  if (b.batch_size != a.batch_size) changes << tr("batch %1").arg(b.batch_size);
  const bool reg_b = b.regularization != Regularization::None;
  if (b.regularization != a.regularization || (reg_b && b.regularization_rate != a.regularization_rate))
    changes << (reg_b ? QStringLiteral("%1 %2").arg(b.regularization == Regularization::L1 ? "L1" : "L2").arg(b.regularization_rate)
                      : tr("no regularization"));
  if (b.mlp.dropout != a.mlp.dropout) changes << tr("Dropout p %1").arg(b.mlp.dropout);
  if (b.forget_zero_grad != a.forget_zero_grad) changes << (b.forget_zero_grad ? tr("no zero_grad()") : tr("with zero_grad()"));
  return changes.isEmpty() ? tr("no change yet") : changes.join(", ");
}

bool PlaygroundLab::forkable(const playground::Setup& a, const playground::Setup& b) {
  // B with A's training knobs must be A, down to the scenario it would save.
  playground::Setup same = b;
  same.mlp.activation = a.mlp.activation;
  same.optimizer = a.optimizer;
  same.lr = a.lr;
  same.batch_size = a.batch_size;
  same.regularization = a.regularization;
  same.regularization_rate = a.regularization_rate;
  same.forget_zero_grad = a.forget_zero_grad;
  // Dropout's p may change only where A has Dropout layers (B takes them over, p = 0 included).
  if (a.mlp.dropout > 0) same.mlp.dropout = a.mlp.dropout;
  try {
    return gs::spec::to_json(playground::toScenario(same)) == gs::spec::to_json(playground::toScenario(a));
  } catch (const std::exception&) {
    return false;
  }
}

QString PlaygroundLab::forkDifference() const { return forked() ? difference(*fork_base_, *fork_setup_) : QString(); }

QString PlaygroundLab::fork() {
  if (forked()) return {};
  if (!session_.running() || !frame_fn_) return tr("The network is not built yet.");
  pull();  // A's latest frame: B's curves start from it
  fork_base_ = setup();
  if (const QString problem = startFork(*fork_base_); !problem.isEmpty()) {
    fork_base_.reset();
    controls_->setForked(false);
    return tr("The run could not be forked: %1").arg(problem);
  }
  fork_setup_ = fork_base_;
  controls_->setForked(true);
  views_->setFork(true, forkDifference());
  controls_->setStatus(tr("Forked: B is A. Change one thing: it changes B only."));
  emit codeChanged();
  return {};
}

QString PlaygroundLab::startFork(const playground::Setup& b) {
  using gs::train::Trainer;
  const playground::Setup& a = *fork_base_;
  // B's layers: A's, with B's activation (a parameter-free layer for another keeps the structure,
  // so A's state copies into it).
  playground::Setup layers = a;
  layers.mlp.activation = b.mlp.activation;
  gs::spec::Scenario scenario = playground::toScenario(layers);
  gs::spec::Run run;
  try {
    run = gs::spec::make_run(scenario);
  } catch (const gs::Error& e) {
    return engineMessage(e);
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
  fork_.stop();
  Trainer* trainer = run.trainer.get();
  // In A's worker, between two of its steps: B becomes A to the last bit.
  if (const QString error = runInWorker(session_, [trainer](Trainer& t) { trainer->copy_state_from(t); }); !error.isEmpty())
    return error;
  // Then B's own knobs (B does not train yet: it is changed here directly).
  try {
    if (b.optimizer != a.optimizer)
      trainer->set_optimizer(gs::optim::make_optimizer(gs::optim::default_optimizer_options(b.optimizer, b.lr), trainer->model().parameters()));
    else if (b.lr != a.lr)
      trainer->optimizer().set_lr(b.lr);
    if (b.batch_size != a.batch_size) trainer->set_batch_size(b.batch_size);
    auto l1 = [](const playground::Setup& s) { return s.regularization == playground::Regularization::L1 ? s.regularization_rate : 0.0; };
    auto l2 = [](const playground::Setup& s) { return s.regularization == playground::Regularization::L2 ? s.regularization_rate : 0.0; };
    if (l1(b) != l1(a) || l2(b) != l2(a)) trainer->set_regularization(l1(b), l2(b));
    if (b.forget_zero_grad != a.forget_zero_grad) trainer->set_forget_zero_grad(b.forget_zero_grad);
    if (a.mlp.dropout > 0 && b.mlp.dropout != a.mlp.dropout)
      for (const auto& [name, child] : trainer->model().children())
        if (auto* dropout = dynamic_cast<gs::nn::Dropout*>(child.get())) dropout->set_p(b.mlp.dropout);
  } catch (const gs::Error& e) {
    return engineMessage(e);
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
  fork_.start(std::move(run.trainer), frame_fn_, kFrameIntervalMs);
  fork_seen_version_ = 0;
  fork_recorded_step_ = -1;
  if (playing_) fork_.setPlaying(true);
  return {};
}

void PlaygroundLab::changeFork() {
  const playground::Setup b = setup();
  if (!forkable(*fork_base_, b)) {
    controls_->setSetup(*fork_setup_);  // the change is refused: the controls show B as it is
    const QString why = tr("A fork compares one training change: the learning rate, optimizer, activation, batch size, "
                           "regularization, Dropout p (when the run has Dropout) or the zero_grad mistake. End the fork "
                           "to change the data or the layers.");
    controls_->setStatus(why);
    emit message(why);
    return;
  }
  const bool new_layers = b.mlp.activation != fork_setup_->mlp.activation;
  fork_setup_ = b;
  views_->setForkDifference(forkDifference());
  if (new_layers) {
    // Another activation is another network: B forks again from A's current state with it.
    if (const QString problem = startFork(b); !problem.isEmpty()) controls_->setStatus(tr("The run could not be forked: %1").arg(problem));
  }
  emit codeChanged();
}

void PlaygroundLab::endFork() {
  if (!forked()) return;
  fork_.stop();
  const playground::Setup a = *fork_base_;
  fork_base_.reset();
  fork_setup_.reset();
  fork_frame_.reset();
  controls_->setSetup(a);  // A's own settings, which it kept training with
  controls_->setForked(false);
  controls_->setStatus(QString());
  views_->setFork(false);
  emit codeChanged();
}

void PlaygroundLab::pullFork() {
  if (!forked() || !fork_.running()) return;
  const std::uint64_t version = fork_.frameVersion();
  if (version == fork_seen_version_) return;
  fork_seen_version_ = version;
  fork_frame_ = fork_.latestFrame();
  const bool record = fork_frame_->step != fork_recorded_step_;
  fork_recorded_step_ = fork_frame_->step;
  views_->showForkFrame(*fork_frame_, record);
}

QString PlaygroundLab::saveWeights(const QString& path) {
  const std::string file = path.toStdString();
  const QString error = runInWorker(session_, [file](gs::train::Trainer& t) { gs::io::save_weights(file, t.model(), {{"lab", "playground"}}); });
  return error.isEmpty() ? QString() : tr("The weights were not saved: %1").arg(error);
}

QString PlaygroundLab::loadWeights(const QString& path) {
  // The worker publishes a frame after the change, so the views redraw as after a step.
  const std::string file = path.toStdString();
  const QString error = runInWorker(session_, [file](gs::train::Trainer& t) { gs::io::load_weights(file, t.model()); });
  return error.isEmpty() ? QString() : tr("The weights were not loaded (nothing changed): %1").arg(error);
}

bool PlaygroundLab::trainSteps(int steps, int timeout_ms) {
  const std::int64_t target = frame_->step + steps;
  const bool both = forked();
  const std::int64_t fork_target = both ? forkFrame().step + steps : 0;
  session_.step(steps);
  if (both) fork_.step(steps);
  QElapsedTimer t;
  t.start();
  while (t.elapsed() < timeout_ms) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    pull();
    const bool a_done = frame_->step >= target || frame_->diverged;
    const bool b_done = !both || !fork_frame_ || forkFrame().step >= fork_target || forkFrame().diverged || !fork_.running();
    if (a_done && b_done) return true;
  }
  return false;
}

QStringList PlaygroundLab::presetPaths() {
  QStringList paths;
  for (const QString& f : QDir(":/presets").entryList({"*.json"}, QDir::Files, QDir::Name)) paths << ":/presets/" + f;
  return paths;
}

QString PlaygroundLab::applyPreset(const QString& path) {
  const JsonFile file = readJsonFile(path);
  return file.ok() ? applyScenario(file.json, path) : file.error;
}

QString PlaygroundLab::applyScenario(const nlohmann::json& j, const QString& path) {
  std::variant<playground::Setup, playground::NotASetup> read;
  try {
    read = playground::fromScenario(gs::spec::parse_scenario(j));  // validates every field; nothing is applied on error
  } catch (const gs::Error& e) {
    return tr("preset %1: %2").arg(path, engineMessage(e));
  } catch (const std::exception& e) {
    return tr("preset %1: %2").arg(path, QString::fromUtf8(e.what()));
  }
  if (const auto* why = std::get_if<playground::NotASetup>(&read)) {
    if (*why == playground::NotASetup::OtherLab) return tr("%1 is not a Playground preset").arg(path);
    return tr("%1: dataset.name \"%2\" is not one of the Playground's data sets").arg(path, QString::fromStdString(j["dataset"]["name"].get<std::string>()));
  }
  const playground::Setup& read_setup = std::get<playground::Setup>(read);
  if (playground::usesCsv(read_setup)) {
    // The table it names must still load as the Playground learns from it.
    try {
      playground::readCsv(*read_setup.csv);
    } catch (const gs::Error& e) {
      return tr("%1: %2").arg(path, CsvImportDialog::problemText(e));
    }
  }
  endFork();
  controls_->setSetup(read_setup);
  controls_->setPresetNote(j.value("description", std::string()));
  stopPlaying();
  rebuild();
  return {};
}

nlohmann::json PlaygroundLab::scenarioJson() const { return gs::spec::to_json(playground::toScenario(setup(), frame_->epoch)); }

QString PlaygroundLab::saveScenario(const QString& path) const { return writeJsonFile(path, scenarioJson()); }

void PlaygroundLab::saveSetup() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save the setup as a scenario"), "playground.json", tr("Scenario (*.json)"));
  if (path.isEmpty()) return;
  const QString error = saveScenario(path);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Save failed"), error);
  else emit message(tr("Saved. Train the same setup from the command line: gradscope-cli train %1").arg(path));
}

void PlaygroundLab::openSetup() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a Playground scenario"), QString(), tr("Scenario (*.json)"));
  if (path.isEmpty()) return;
  const QString error = applyPreset(path);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Open failed"), error);
}

nlohmann::json PlaygroundLab::sessionState() const { return scenarioJson(); }

QString PlaygroundLab::restoreSessionState(const nlohmann::json& state) { return applyScenario(state, tr("the saved session")); }

playground::Setup PlaygroundLab::setup() const { return controls_->setup(); }

void PlaygroundLab::setSetup(const playground::Setup& s) {
  controls_->setSetup(s);
  rebuild();
}

void PlaygroundLab::setDataset(const QString& name) {
  playground::Setup s = setup();
  s.dataset = name.toStdString();
  if (!playground::allows(s, s.problem)) s.problem = playground::defaultProblem(s);
  setSetup(s);
}

QString PlaygroundLab::importCsv(const playground::CsvSource& csv) {
  if (!csv.regression && csv.features.size() != 2)
    return tr("Two classes are drawn on the plane of x₁ and x₂: choose a column for each (or the task regression, which fits y against x₁).");
  if (csv.features.empty() || csv.features.size() > 2) return tr("Choose one or two feature columns.");
  try {
    playground::readCsv(csv);  // the whole file, before anything changes
  } catch (const gs::Error& e) {
    return CsvImportDialog::problemText(e);
  }
  endFork();
  playground::Setup s = setup();
  s.csv = csv;
  s.dataset = playground::kCsvDataset;
  s.problem = csv.regression ? playground::Problem::Regression : playground::Problem::Binary;
  if (playground::inputFeatures(s).empty())
    s.features = playground::oneDimensional(s) ? std::vector<std::string>{"x1"} : std::vector<std::string>{"x1", "x2"};
  controls_->setSetup(s);
  controls_->setPresetNote({});
  stopPlaying();
  rebuild();
  emit message(tr("Training on %1: %2 points at most, standardized, split as the generated sets are.")
                   .arg(QFileInfo(QString::fromStdString(csv.path)).fileName())
                   .arg(playground::kMaxCsvPoints));
  return {};
}

void PlaygroundLab::openCsvImport() {
  auto* dialog = new CsvImportDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  if (const playground::Setup s = setup(); s.csv) dialog->setSource(*s.csv);
  csv_dialog_ = dialog;
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    const QString error = importCsv(dialog->source());
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Import failed"), error);
  });
  dialog->open();
}

playground::Problem PlaygroundLab::problemType() const { return setup().problem; }

bool PlaygroundLab::setProblemType(playground::Problem problem) {
  playground::Setup s = setup();
  if (!playground::allows(s, problem)) return false;
  s.problem = problem;
  setSetup(s);
  return true;
}

bool PlaygroundLab::oneDimensional() const { return playground::oneDimensional(setup()); }

void PlaygroundLab::setHiddenLayers(const std::vector<int>& neurons) {
  playground::Setup s = setup();
  s.mlp.hidden = neurons;
  setSetup(s);
}

std::vector<int> PlaygroundLab::hiddenLayers() const { return setup().mlp.hidden; }

void PlaygroundLab::setBatchNorm(bool on) {
  playground::Setup s = setup();
  s.mlp.batchnorm = on;
  setSetup(s);
}

void PlaygroundLab::setDropout(double p) {
  playground::Setup s = setup();
  s.mlp.dropout = p;
  controls_->setSetup(s);
  changeDropout(p);  // live when the network already has Dropout layers
}

void PlaygroundLab::setInitScheme(const QString& scheme) {
  playground::Setup s = setup();
  s.mlp.init = scheme.toStdString();
  setSetup(s);
}

void PlaygroundLab::setLearningRate(double lr) {
  playground::Setup s = setup();
  s.lr = lr;
  controls_->setSetup(s);
  changeLearningRate(lr);  // a live change: the run goes on
}

double PlaygroundLab::generatorNoise() const { return playground::generatorNoise(setup()); }
void PlaygroundLab::setThreshold(double t) { views_->metrics()->setThreshold(t); }
double PlaygroundLab::threshold() const { return views_->metrics()->threshold(); }
gs::spec::ModelSpec PlaygroundLab::networkSpec() const { return playground::networkSpec(setup()); }
bool PlaygroundLab::customNetwork() const { return setup().custom.has_value(); }
QTableWidget* PlaygroundLab::confusionTable() const { return views_->metrics()->confusionTable(); }
QSlider* PlaygroundLab::thresholdSlider() const { return views_->metrics()->thresholdSlider(); }
NeuronView* PlaygroundLab::neuronView() const { return views_->neuronView(); }
QCustomPlot* PlaygroundLab::boundaryPlot() const { return views_->boundaryPlot(); }

QString PlaygroundLab::pytorchCode() const {
  try {
    return QString::fromStdString(playground::pytorchCode(setup()));
  } catch (const std::exception& e) {
    return tr("# The network has an error: %1").arg(QString::fromUtf8(e.what()));
  }
}

void PlaygroundLab::retranslate() {
  controls_->retranslate();
  views_->retranslate();
}

void PlaygroundLab::applyAppearance() { views_->applyAppearance(); }

QList<QPair<QString, QWidget*>> PlaygroundLab::exportablePlots() const {
  return {{tr("Decision boundary"), views_->boundaryPlot()}, {tr("Loss"), views_->lossPlot()}, {tr("ROC curve"), views_->metrics()->rocPlot()}};
}

QString PlaygroundLab::openFile(const QString& path, const nlohmann::json& json) { return applyScenario(json, path); }

QList<QAction*> PlaygroundLab::fileActions() {
  return {labAction(QStringLiteral("importCsvAction"), tr("Import CSV…"), [this] { openCsvImport(); })};
}

}  // namespace gsui
