#include "labs/cnn/cnn_train_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTabWidget>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/engine_message.h"
#include "app/json_file.h"
#include "app/lab.h"
#include "app/language.h"
#include "app/shared_network.h"
#include "data/image_folder.h"
#include "labs/cnn/cnn_class_views.h"
#include "io/safetensors.h"
#include "labs/cnn/cnn_image_views.h"
#include "ops/functional.h"
#include "plots/plot_style.h"
#include "spec/model_spec.h"

namespace gsui {
namespace {

/// Test images in the strip to choose from.
constexpr int kStripImages = 12;
/// Images a confusion cell's gallery shows at most.
constexpr int kGalleryImages = 24;

/// Whether `a` and `b` are the same run but for the knobs that reach a running one (the
/// optimizer, its learning rate and mistake, the batch size, the epochs the file records).
bool sameRun(const CnnTrainSetup& a, const CnnTrainSetup& b) {
  CnnTrainSetup x = a;
  x.optimizer = b.optimizer, x.lr = b.lr, x.lrTooHigh = b.lrTooHigh, x.batchSize = b.batchSize, x.epochs = b.epochs;
  return x == b;
}

}  // namespace

CnnTrainPage::CnnTrainPage(QWidget* parent) : CnnPage(parent) {
  buildControls();
  buildView();
  session_.setEvaluateEachEpoch(true);
  fork_session_.setEvaluateEachEpoch(true);
  connect(&session_, &TrainingSessionBase::stoppedByItself, this, [this](const QString& reason) {
    playing_ = false;
    fork_session_.setPlaying(false);
    status_->setText(reason);
    emit message(reason);
    emit stoppedPlaying();
  });
  // B stopping (a learning rate that diverges, say) is the comparison's result: A goes on.
  connect(&fork_session_, &TrainingSessionBase::stoppedByItself, this, [this](const QString& reason) {
    status_->setText(tr("B stopped: %1").arg(reason));
    emit message(tr("B stopped: %1").arg(reason));
  });
  connect(&fork_loader_, &BackgroundJob::finished, this, [this](const QString& error) {
    if (error.isEmpty() || !forked() || fork_session_.running()) return;
    fork_base_.reset();
    showForkState();
    status_->setText(tr("The run could not be forked: %1").arg(error));
    emit forkStarted();
  });
  connect(&display_, &QTimer::timeout, this, &CnnTrainPage::refresh);
  // A data set or model that cannot be built: the reason, and the layer table that explains it.
  connect(&loader_, &BackgroundJob::finished, this, [this](const QString& error) {
    if (!error.isEmpty()) showProblem(layer_problem_.isEmpty() ? error : layer_problem_);  // the layer table's words, translated
  });
  display_.setInterval(33);
  showSetup();
  rebuild();
}

CnnTrainPage::~CnnTrainPage() {
  fork_loader_.cancel();
  fork_session_.stop();
  loader_.cancel();
  session_.stop();
}

QString CnnTrainPage::title() const { return tr("Train a CNN"); }

void CnnTrainPage::setCurrent(bool current) {
  if (current) display_.start();
  else display_.stop();
}

void CnnTrainPage::readControls() {
  if (updating_) return;
  CnnTrainSetup next = setup_;
  next.dataset = dataset_->currentData().toString();
  if (next.dataset == QLatin1String(kImageFolder) && next.folder.isEmpty()) {
    chooseFolder();  // "Your own images…" with no folder yet asks for one; cancelling keeps the data
    return;
  }
  next.folderChannels = folder_color_->isChecked() ? 3 : 1;
  next.folderSize = folder_size_->currentData().toInt();
  next.subset = subset_->value();
  next.augment = augment_->isChecked();
  next.preset = static_cast<CnnPreset>(preset_->currentData().toInt());
  if (next.preset == CnnPreset::FromFile && next.fileModel.is_null()) {
    openNetwork();  // "Your own network" with none yet asks for a file; cancelling keeps the previous network
    return;
  }
  next.optimizer = static_cast<gs::optim::OptimizerKind>(optimizer_->currentData().toInt());
  next.lr = lr_->currentData().toDouble();
  next.batchSize = batch_->currentData().toInt();
  next.noFlatten = no_flatten_->isChecked();
  next.wrongChannels = wrong_channels_->isChecked();
  next.lrTooHigh = lr_too_high_->isChecked();
  if (forked() && !sameRun(next, setup_)) {
    showSetup();  // refused: the controls show B as it is
    const QString why = tr("A fork compares one training change: the optimizer, the learning rate or the batch size. "
                           "End the fork to change the data, the network or the other mistakes.");
    status_->setText(why);
    emit message(why);
    return;
  }
  setSetup(next);
}

void CnnTrainPage::setSetup(const CnnTrainSetup& next) {
  if (forked() && !sameRun(next, setup_)) endFork();  // another experiment: B goes, A's setup comes back first
  const CnnTrainSetup old = setup_;
  setup_ = next;
  showSetup();
  emit codeChanged();
  // The optimizer, its learning rate and the batch size change the running model's training (B's
  // while forked); anything else starts a new run.
  if (sameRun(next, old) && (forked() || session_.running())) {
    if (forked()) showForkState();  // the legend names what B now changes
    TrainingSession<CnnFrame>& target = forked() ? fork_session_ : session_;
    if (!target.running()) return;  // (B still being built: forkBuilt() applies the knobs)
    const gs::spec::Scenario s = toScenario(setup_);
    const auto options = s.optimizer;
    const std::int64_t batch = s.config.batch_size;
    const bool new_optimizer = next.optimizer != old.optimizer || next.lr != old.lr || next.lrTooHigh != old.lrTooHigh;
    const bool new_batch = next.batchSize != old.batchSize;
    target.post([options, batch, new_optimizer, new_batch](gs::train::Trainer& t) {
      if (new_optimizer) t.set_optimizer(gs::optim::make_optimizer(options, t.model().parameters()));
      if (new_batch) t.set_batch_size(batch);
    });
    return;
  }
  if (!(next == old) || !session_.running()) rebuild();
}

QString CnnTrainPage::layerProblem(const gs::spec::ShapeReport& report) const {
  // Core names the mistake and its values; the sentence is said here, in the learner's language.
  if (report.error_code.empty()) return QString::fromStdString(report.error);  // (already names the layer)
  const QString what = engineMessage(report.error_code, report.error_args, QString::fromStdString(report.error_sentence));
  return tr("Layer %1 (%2): %3").arg(report.error_layer).arg(QString::fromStdString(report.error_layer_type), what);
}

void CnnTrainPage::showLayers() {
  layers_->setRowCount(0);
  layers_error_->clear();
  gs::spec::ShapeReport report;
  QString unparsed;  // a spec that does not parse: core's reason, in the learner's language where it has a code
  try {
    report = gs::spec::infer_shapes(gs::spec::parse_model_spec(modelOf(setup_)));
  } catch (const gs::Error& e) {
    report.error = e.what();
    unparsed = engineExplanation(e);
  } catch (const std::exception& e) {
    report.error = e.what();
    unparsed = QString::fromStdString(report.error);
  }
  const nlohmann::json layers = modelOf(setup_)["layers"];
  const int rows = static_cast<int>(report.layers.size()) + (report.error_layer >= 0 ? 1 : 0);
  layers_->setRowCount(rows);
  for (int i = 0; i < rows; ++i) {
    const bool bad = i == report.error_layer;
    const QString type = i < static_cast<int>(layers.size()) ? QString::fromStdString(layers[i].value("type", "")) : QString();
    auto* name = new QTableWidgetItem(QStringLiteral("%1  %2").arg(i).arg(type));
    auto* shape = new QTableWidgetItem(bad ? tr("error") : QString::fromStdString(gs::spec::batch_shape_str(report.layers[i].output)));
    auto* params = new QTableWidgetItem(bad ? QString() : QString::number(report.layers[i].parameters));
    for (auto* item : {name, shape, params}) {
      if (bad) item->setForeground(QColor(198, 40, 40));
    }
    layers_->setItem(i, 0, name);
    layers_->setItem(i, 1, shape);
    layers_->setItem(i, 2, params);
  }
  layer_problem_ = report.error.empty() ? QString() : unparsed.isEmpty() ? layerProblem(report) : unparsed;
  if (!report.error.empty()) {
    layers_error_->setText(layer_problem_);
  } else {
    std::int64_t total = 0;
    for (const auto& l : report.layers) total += l.parameters;
    layers_error_->setText(tr("%1 parameters in all").arg(total));
    layers_error_->setStyleSheet(QString());
  }
  if (!report.error.empty()) layers_error_->setStyleSheet(QStringLiteral("color: #c62828;"));
}

void CnnTrainPage::rebuild() {
  endFork();
  loader_.cancel();
  session_.stop();
  if (playing_) {
    playing_ = false;
    emit stoppedPlaying();
  }
  test_images_ = {};
  steps_asked_ = 0;
  problem_.clear();
  shown_version_ = 0;
  shown_evaluation_ = -1;
  gallery_indices_.clear();
  cell_ = {-1, -1};
  const int pad_side = setup_.dataset == QLatin1String("fashion_mnist") ? 28 : setup_.dataset == QLatin1String(kImageFolder) ? setup_.folderSize : 32;
  pad_->setGrid(pad_side, pad_side);
  confusion_->setMatrix({});
  confusion_->setClassNames(trainClassNames());
  bars_->setClassNames(trainClassNames());
  gallery_->setItems({}, tr("After the first epoch: click a cell of the matrix to see its images here."));
  bars_->setProbabilities({});
  maps_->setMaps({});
  maps_->setFilters({});
  for (int g = 0; g < 3; ++g) curves_->graph(g)->data()->clear();
  curves_->replot();
  showLayers();
  status_->setText(tr("Loading the images…"));
  gs::spec::Scenario scenario;
  try {
    scenario = toScenario(setup_);
  } catch (const gs::Error& e) {
    problem_ = engineExplanation(e);
    status_->setText(problem_);
    emit runReady();
    return;
  } catch (const std::exception& e) {
    problem_ = QString::fromStdString(e.what());
    status_->setText(problem_);
    emit runReady();
    return;
  }
  // Loading Fashion-MNIST and building the model take a moment: off the UI thread.
  // A run still on its way from an earlier rebuild is dropped when it arrives.
  const std::uint64_t generation = ++generation_;
  loader_.start([this, scenario, generation](BackgroundJob& job) mutable {
    try {
      auto run = std::make_shared<gs::spec::Run>(gs::spec::make_run(scenario));
      job.post([this, run, generation] {
        if (generation == generation_) runBuilt(run);
      });
    } catch (const gs::Error& e) {
      if (e.code().empty()) throw;  // (finished() reports it as it is)
      // A mistake core names by code: said in the learner's language, in the UI thread (the lab's
      // own longer sentence where it has one, else core's).
      job.post([this, generation, error = e] {
        if (generation == generation_) showProblem(engineProblem(error.code(), error.args(), engineExplanation(error)));
      });
    }
  });
}

void CnnTrainPage::showProblem(const QString& problem) {
  endFork();  // (a fork asked for while loading has nothing to copy)
  problem_ = problem;
  status_->setText(problem);
  if (!layer_problem_.isEmpty()) inside_->setCurrentIndex(2);  // the layer table shows where
  emit message(problem);
  emit runReady();
}

void CnnTrainPage::runBuilt(std::shared_ptr<gs::spec::Run> run) {
  test_images_ = run->trainer->test_set().x.clone();
  worker_view_ = std::make_shared<CnnWorkerView>(test_images_.clone());
  QVector<QImage> thumbs;
  for (int i = 0; i < std::min<std::int64_t>(kStripImages, test_images_.size(0)); ++i) thumbs << sampleImage(test_images_, i);
  strip_->setImages(thumbs);
  strip_->setCurrent(0);
  auto view = worker_view_;
  // A frame after each step once steps take 20 ms or more (Fashion-MNIST), so the views keep 30+ fps.
  session_.start(std::move(run->trainer), [view](gs::train::Trainer& t) { return view->frame(t); }, 20);
  status_->setText(tr("Ready: press Play or Step."));
  if (steps_asked_ > 0) session_.step(static_cast<int>(steps_asked_));
  drawingChanged();
  refresh();
  emit runReady();
  if (forked() && !fork_session_.running() && !fork_loader_.running()) startForkBuild();  // asked for while loading
}

QString CnnTrainPage::saveWeights(const QString& path) {
  if (!session_.running()) return problem_.isEmpty() ? tr("The network is still loading.") : problem_;
  const std::string file = path.toStdString();
  const QString error = runInWorker(session_, [file](gs::train::Trainer& t) { gs::io::save_weights(file, t.model(), {{"lab", "cnn"}}); });
  return error.isEmpty() ? QString() : tr("The weights were not saved: %1").arg(error);
}

QString CnnTrainPage::loadWeights(const QString& path) {
  if (!session_.running()) return problem_.isEmpty() ? tr("The network is still loading.") : problem_;
  const std::string file = path.toStdString();
  const QString error = runInWorker(session_, [file](gs::train::Trainer& t) { gs::io::load_weights(file, t.model()); });
  return error.isEmpty() ? QString() : tr("The weights were not loaded (nothing changed): %1").arg(error);
}

void CnnTrainPage::refresh() {
  if (session_.frameVersion() != shown_version_) showLatestFrame();
  if (forked() && fork_session_.running() && fork_session_.frameVersion() != fork_shown_version_) drawFork();
}

// ---- Fork

QString CnnTrainPage::forkDifference() const {
  if (!forked()) return {};
  const CnnTrainSetup &a = *fork_base_, &b = setup_;
  QStringList changes;
  if (b.optimizer != a.optimizer) changes << QString::fromLatin1(gs::optim::optimizer_name(b.optimizer));
  if (b.lrTooHigh != a.lrTooHigh || (!b.lrTooHigh && b.lr != a.lr))
    changes << (b.lrTooHigh ? tr("lr too high (%1)").arg(kTooHighLr) : QStringLiteral("lr %1").arg(b.lr));
  if (b.batchSize != a.batchSize) changes << tr("batch %1").arg(b.batchSize);
  return changes.isEmpty() ? tr("no change yet") : changes.join(", ");
}

QString CnnTrainPage::fork() {
  if (forked()) return {};
  if (!session_.running() && !loader_.running()) {
    showForkState();
    return problem_.isEmpty() ? tr("The network is not built yet.") : problem_;
  }
  fork_base_ = setup_;
  showForkState();
  if (!session_.running()) {
    status_->setText(tr("B follows once the network has loaded…"));  // runBuilt() starts it
    return {};
  }
  startForkBuild();
  return {};
}

void CnnTrainPage::startForkBuild() {
  gs::spec::Scenario scenario;
  try {
    scenario = toScenario(*fork_base_);
  } catch (const std::exception& e) {
    fork_base_.reset();
    showForkState();
    status_->setText(tr("The run could not be forked: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  // B's data and model are built as A's were (Fashion-MNIST takes a moment: off the UI thread);
  // A's state is copied into it when it arrives.
  fork_loader_.cancel();
  const std::uint64_t generation = ++fork_generation_;
  fork_loader_.start([this, scenario, generation](BackgroundJob& job) mutable {
    auto run = std::make_shared<gs::spec::Run>(gs::spec::make_run(scenario));
    job.post([this, run, generation] {
      if (generation == fork_generation_) forkBuilt(run);
    });
  });
  status_->setText(tr("Forking: B is being built…"));
}

void CnnTrainPage::forkBuilt(std::shared_ptr<gs::spec::Run> run) {
  if (!forked()) return;
  auto fail = [this](const QString& why) {
    fork_base_.reset();
    showForkState();
    status_->setText(tr("The run could not be forked: %1").arg(why));
    emit message(status_->text());
    emit forkStarted();
  };
  if (!session_.running()) return fail(tr("The network is still loading."));
  gs::train::Trainer* trainer = run->trainer.get();
  const std::shared_ptr<CnnWorkerView> view_a = worker_view_;
  auto view_b = std::make_shared<CnnWorkerView>(gs::Tensor());
  // In A's worker, between two of its steps: B becomes A to the last bit, its views' history too.
  std::int64_t copied_at = 0;
  const QString error = runInWorker(session_, [trainer, view_a, view_b, &copied_at](gs::train::Trainer& t) {
    trainer->copy_state_from(t);
    *view_b = *view_a;
    copied_at = t.snapshot().step;
  });
  if (!error.isEmpty()) return fail(error);
  // The knobs changed while B was being built.
  const CnnTrainSetup& a = *fork_base_;
  try {
    const gs::spec::Scenario s = toScenario(setup_);
    if (setup_.optimizer != a.optimizer || setup_.lr != a.lr || setup_.lrTooHigh != a.lrTooHigh)
      trainer->set_optimizer(gs::optim::make_optimizer(s.optimizer, trainer->model().parameters()));
    if (setup_.batchSize != a.batchSize) trainer->set_batch_size(s.config.batch_size);
  } catch (const gs::Error& e) {
    return fail(engineMessage(e));
  } catch (const std::exception& e) {
    return fail(QString::fromUtf8(e.what()));
  }
  fork_session_.start(std::move(run->trainer), [view_b](gs::train::Trainer& t) { return view_b->frame(t); }, 20);
  fork_shown_version_ = 0;
  // The steps A was asked for and had not taken yet when B was copied (Step pressed while B was
  // being built, a lesson's run): B takes them too, so that both stop at the same step.
  if (steps_asked_ > copied_at) fork_session_.step(static_cast<int>(steps_asked_ - copied_at));
  if (playing_) fork_session_.setPlaying(true);
  showForkState();
  drawFork();
  status_->setText(tr("Forked: B is A. Change one thing: it changes B only."));
  emit forkStarted();
}

void CnnTrainPage::endFork() {
  if (!forked()) return;
  ++fork_generation_;  // a B still being built is dropped when it arrives
  fork_loader_.cancel();
  fork_session_.stop();
  setup_ = *fork_base_;  // A's own settings, which it kept training with
  fork_base_.reset();
  showSetup();
  showForkState();
  emit codeChanged();
}

void CnnTrainPage::showForkState() {
  {
    const QSignalBlocker block(fork_button_);
    fork_button_->setChecked(forked());
  }
  fork_button_->setText(forked() ? tr("End the fork (keep A)") : tr("Fork: compare one change"));
  fork_button_->setToolTip(forked() ? tr("B stops; A trains on with its own settings.")
                                    : tr("Run B starts as an exact copy of this run (weights, optimizer state, data order). "
                                         "Then change the optimizer, the learning rate or the batch size: it changes B only, "
                                         "and both train side by side."));
  if (forked() && !fork_loss_) {
    fork_loss_ = curves_->addGraph();
    fork_accuracy_ = curves_->addGraph(curves_->xAxis2, curves_->yAxis2);
    fork_loss_->setPen(seriesPen(0, Qt::DashLine));
    fork_accuracy_->setPen(seriesPen(2, Qt::DashLine));
    fork_accuracy_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 9));
  } else if (!forked() && fork_loss_) {
    curves_->removeGraph(fork_loss_);
    curves_->removeGraph(fork_accuracy_);
    fork_loss_ = fork_accuracy_ = nullptr;
  }
  const QString names[] = {tr("loss"), tr("train acc."), tr("test acc.")};
  for (int g = 0; g < 3; ++g) curves_->graph(g)->setName(forked() ? tr("A: %1").arg(names[g]) : names[g]);
  if (fork_loss_) {
    // A's curves are the solid ones; B's, dashed, are named with what B changes.
    fork_loss_->setName(tr("B (%1): loss").arg(forkDifference()));
    fork_accuracy_->setName(tr("B: test acc."));  // (the difference is named once, on B's first entry)
  }
  fitLegend();
  curves_->replot(QCustomPlot::rpQueuedReplot);
}

void CnnTrainPage::drawFork() {
  const auto f = forked() ? fork_session_.latestFrame() : nullptr;
  if (!f || !fork_loss_) return;
  fork_shown_version_ = fork_session_.frameVersion();
  const auto& h = f->snapshot.loss_history;
  const double per_point = f->snapshot.step > 0 && !h.empty() ? static_cast<double>(f->snapshot.step) / h.size() : 1.0;
  QVector<double> xs, ys;
  for (std::size_t i = 0; i < h.size(); ++i) xs << (i + 1) * per_point, ys << h[i];
  fork_loss_->setData(xs, ys, true);
  QVector<double> ex, test_acc;
  for (std::size_t e = 0; e < f->epochs.size(); ++e) ex << e + 1, test_acc << f->epochs[e].testAccuracy;
  fork_accuracy_->setData(ex, test_acc, true);
  // Both runs on the same axes: the longer one sets the range.
  if (f->snapshot.step > curves_->xAxis->range().upper) {
    curves_->xAxis->setRange(0, static_cast<double>(f->snapshot.step));
    curves_->xAxis2->setRange(0, static_cast<double>(f->snapshot.step) / std::max<std::int64_t>(1, f->stepsPerEpoch));
  }
  curves_->replot(QCustomPlot::rpQueuedReplot);
}

void CnnTrainPage::showLatestFrame() {
  shown_version_ = session_.frameVersion();
  if (const auto frame = session_.latestFrame()) {
    showFrame(*frame);
    ++frames_shown_;
  }
}

void CnnTrainPage::showFrame(const CnnFrame& f) {
  const auto& h = f.snapshot.loss_history;
  const double per_point = f.snapshot.step > 0 && !h.empty() ? static_cast<double>(f.snapshot.step) / h.size() : 1.0;
  QVector<double> xs, ys;
  for (std::size_t i = 0; i < h.size(); ++i) xs << (i + 1) * per_point, ys << h[i];
  curves_->graph(0)->setData(xs, ys, true);
  setPlotHint(curves_, h.empty() ? curvesHint() : QString());
  QVector<double> ex, train_acc, test_acc;
  for (std::size_t e = 0; e < f.epochs.size(); ++e) ex << e + 1, train_acc << f.epochs[e].trainAccuracy, test_acc << f.epochs[e].testAccuracy;
  curves_->graph(1)->setData(ex, train_acc, true);
  curves_->graph(2)->setData(ex, test_acc, true);
  const double steps = std::max<double>(10, f.snapshot.step);
  curves_->xAxis->setRange(0, steps);
  // Epochs on the top axis, aligned with the steps below: epoch e ends at step e·steps-per-epoch.
  curves_->xAxis2->setRange(0, steps / std::max<std::int64_t>(1, f.stepsPerEpoch));
  curves_->xAxis2->setVisible(true);
  double top = 0.5;
  for (double y : ys) top = std::max(top, std::isfinite(y) ? y : top);
  curves_->yAxis->setRange(0, std::min(top * 1.05, 10.0));
  curves_->replot(QCustomPlot::rpQueuedReplot);

  maps_->setFilters(f.filters);
  maps_->setMaps(f.maps);
  if (!f.drawnProbabilities.empty()) bars_->setProbabilities(f.drawnProbabilities);
  if (f.evaluation && f.evaluation->epoch != shown_evaluation_) {
    shown_evaluation_ = f.evaluation->epoch;
    confusion_->setMatrix(gs::metrics::confusion_matrix(f.evaluation->targets, f.evaluation->predictions, f.evaluation->classes));
    if (cell_.first >= 0) showCell(cell_.first, cell_.second);
  }
  QString text = tr("Epoch %1 · step %2").arg(f.snapshot.epoch).arg(f.snapshot.step);
  if (session_.stepsPerSecond() > 0) text += QStringLiteral(" · ") + tr("%1 steps/s").arg(session_.stepsPerSecond(), 0, 'f', 1);
  if (!f.epochs.empty()) text += QStringLiteral(" · ") + tr("Test accuracy %1 %").arg(f.epochs.back().testAccuracy * 100, 0, 'f', 1);
  if (f.snapshot.diverged) text = TrainingSessionBase::reasonOf(f.snapshot);
  if (const auto b = forked() ? fork_session_.latestFrame() : nullptr) {
    // The comparison in words: B's epoch and accuracy beside A's.
    QString b_text = tr("B: epoch %1").arg(b->snapshot.epoch);
    if (!b->epochs.empty()) b_text += QStringLiteral(" · ") + tr("Test accuracy %1 %").arg(b->epochs.back().testAccuracy * 100, 0, 'f', 1);
    if (b->snapshot.diverged) b_text = tr("B: %1").arg(TrainingSessionBase::reasonOf(b->snapshot));
    text = tr("A: %1").arg(text) + "\n" + b_text;
  }
  status_->setText(text);
}

void CnnTrainPage::showCell(int t, int p) {
  cell_ = {t, p};
  const auto frame = session_.latestFrame();
  if (!frame || !frame->evaluation) return;
  const CnnEvaluation& e = *frame->evaluation;
  gallery_indices_ = gs::metrics::confusion_cell(e.targets, e.predictions, t, p);
  const QStringList names = trainClassNames();
  QVector<ImageGallery::Item> items;
  for (std::size_t i = 0; i < gallery_indices_.size() && i < kGalleryImages; ++i) {
    const std::int64_t k = gallery_indices_[i];
    const float prob = e.probabilities.empty() ? 0.0f : e.probabilities[static_cast<std::size_t>(k * e.classes + p)];
    items.push_back({sampleImage(test_images_, k), QStringLiteral("%1 %").arg(std::lround(prob * 100))});
  }
  const QString what = t == p ? tr("%1 images of %2 recognised").arg(gallery_indices_.size()).arg(names.value(t))
                              : withKoreanParticles(tr("%1 images of %2 taken for %3").arg(gallery_indices_.size()).arg(names.value(t), names.value(p)));
  gallery_->setItems(items, what + (gallery_indices_.size() > kGalleryImages ? tr(" (first %1)").arg(kGalleryImages) : QString()) +
                                QLatin1Char('\n') + tr("under each: the probability given to %1").arg(names.value(p)));
}

void CnnTrainPage::chooseImage(int index) {
  auto view = worker_view_;
  if (!view || !session_.running()) return;
  session_.post([view, index](gs::train::Trainer&) { view->choose(index); });
}

void CnnTrainPage::drawingChanged() {
  auto view = worker_view_;
  if (!view || !session_.running()) return;
  const QVector<float>& v = pad_->values();
  gs::Tensor image = gs::from_vector(std::vector<double>(v.begin(), v.end()), {1, 1, pad_->gridHeight(), pad_->gridWidth()});
  // The digits were scanned as 32×32 ink and summed in 4×4 blocks: the pad does the same.
  if (setup_.dataset == QLatin1String("digits")) image = gs::avg_pool2d(image, {4, 4}, {4, 4}, {0, 0});
  image = image.select(0, 0);
  if (imageShape(setup_)[0] == 3) image = gs::cat({image, image, image}, 0);  // gray ink on every colour channel
  session_.post([view, image](gs::train::Trainer&) { view->setDrawing(image); });
}

QStringList CnnTrainPage::trainClassNames() const {
  if (setup_.dataset != QLatin1String(kImageFolder)) return classNames(setup_.dataset);
  QStringList names;
  for (const std::string& c : setup_.folderClasses) names << QString::fromStdString(c);
  return names;
}

void CnnTrainPage::chooseFolder() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("A folder of images, one subfolder per class"), setup_.folder);
  if (dir.isEmpty()) {
    showSetup();  // "Your own images…" chosen and cancelled: the combo goes back
    return;
  }
  if (const QString problem = openImageFolder(dir); !problem.isEmpty()) {
    status_->setText(problem);
    emit message(problem);
  }
}

QString CnnTrainPage::openImageFolder(const QString& folder) {
  // The layout is checked at once (the images are read with the run, in the background, and a
  // bad file then names itself in the status line).
  std::vector<std::string> classes;
  try {
    classes = gs::data::image_folder_classes(folder.toStdString());
  } catch (const gs::Error& e) {
    showSetup();
    return engineMessage(e);
  }
  CnnTrainSetup next = setup_;
  next.dataset = QString::fromLatin1(kImageFolder);
  next.folder = folder;
  next.folderClasses = classes;
  setSetup(next);
  return {};
}

void CnnTrainPage::openNetwork() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a network"), QString(), tr("Network, or a scenario of this lab (*.json)"));
  if (path.isEmpty()) {
    showSetup();  // "Your own network" chosen and cancelled: the combo goes back
    return;
  }
  const QString problem = openNetworkFile(path);
  if (!problem.isEmpty()) {
    emit message(tr("%1: %2").arg(path, problem));
    status_->setText(problem);
  }
}

QString CnnTrainPage::openNetworkFile(const QString& path) {
  const JsonFile file = readJsonFile(path);
  QString problem = file.error;
  CnnTrainSetup next = setup_;
  try {
    if (!problem.isEmpty()) {
      // (readJsonFile named the file and the problem)
    } else if (file.json.is_object() && file.json.value("lab", "") == "cnn") {
      next = fromScenario(gs::spec::parse_scenario(file.json));  // a scenario of this lab: the whole setup
    } else {
      const nlohmann::json model = file.json.is_object() && file.json.contains("model") ? file.json["model"] : file.json;
      gs::spec::parse_model_spec(model);  // refuses a malformed spec, naming the field
      next.fileModel = model;
      next.preset = CnnPreset::FromFile;
    }
  } catch (const gs::Error& e) {
    problem = engineExplanation(e);
  } catch (const std::exception& e) {
    problem = QString::fromStdString(e.what());
  }
  if (!problem.isEmpty()) {
    showSetup();  // nothing changed
    return problem;
  }
  setSetup(next);
  return {};
}

QString CnnTrainPage::takeBuilderNetwork() {
  const nlohmann::json& spec = SharedNetwork::instance().spec();
  if (spec.is_null()) return tr("No network in the builder yet: open the Network builder lab, build a network, then come back.");
  try {
    gs::spec::parse_model_spec(spec);  // (the builder keeps what it shows parseable; a check all the same)
  } catch (const gs::Error& e) {
    return engineExplanation(e);
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  CnnTrainSetup next = setup_;
  next.fileModel = spec;
  next.preset = CnnPreset::FromFile;
  setSetup(next);
  return {};
}

void CnnTrainPage::step() {
  if (!problem_.isEmpty()) return;
  ++steps_asked_;
  if (session_.running()) session_.step(1);  // (while loading, runBuilt() takes the steps asked for)
  if (forked() && fork_session_.running()) fork_session_.step(1);
}

bool CnnTrainPage::busy() const {
  if (loader_.running() || fork_loader_.running()) return true;
  const auto frame = session_.latestFrame();
  if (session_.running() && frame && !frame->snapshot.diverged && frame->snapshot.step < steps_asked_) return true;
  return display_.isActive() && session_.frameVersion() != shown_version_;  // the display catches up
}

void CnnTrainPage::reset() { rebuild(); }

QString CnnTrainPage::curvesHint() const {
  return tr("Press Play or Step: the training loss of each step appears here, and the accuracies after each epoch.");
}

void CnnTrainPage::setPlaying(bool playing) {
  if (!session_.running()) {
    if (playing) QMetaObject::invokeMethod(this, &CnnPage::stoppedPlaying, Qt::QueuedConnection);
    return;
  }
  playing_ = playing;
  session_.setPlaying(playing);
  if (forked() && fork_session_.running()) fork_session_.setPlaying(playing);
}

QList<QPair<QString, QWidget*>> CnnTrainPage::exportablePlots() const {
  return {{tr("CNN training curves"), curves_}, {tr("Confusion matrix"), confusion_}, {tr("Feature maps"), maps_}};
}

void CnnTrainPage::resizeEvent(QResizeEvent* event) {
  CnnPage::resizeEvent(event);
  fitLegend();
}

void CnnTrainPage::fitLegend() {
  // One row of legend items when they fit the plot's width, else one item per row.
  // With a fork: A's three entries in a row over B's two when that fits.
  const QFontMetrics fm(curves_->legend->font());
  auto rowWidth = [&](int columns) {
    int widest = 0;
    for (int first = 0; first < curves_->graphCount(); first += columns) {
      int row = 0;
      for (int g = first; g < std::min(first + columns, curves_->graphCount()); ++g)
        row += fm.horizontalAdvance(curves_->graph(g)->name()) + 5 * fm.height();  // (the icon, its gap and the padding)
      widest = std::max(widest, row);
    }
    return widest;
  };
  int columns = 1;
  for (int c : {curves_->graphCount(), 3, 2})
    if (c <= curves_->graphCount() && rowWidth(c) <= curves_->width()) {
      columns = c;
      break;
    }
  if (curves_->legend->wrap() != columns) {
    curves_->legend->setWrap(columns);
    curves_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    curves_->replot(QCustomPlot::rpQueuedReplot);
  }
  // Room for the data under both axes (steps below, epochs above), their labels and the legend's
  // rows, at the fonts in effect: under a projector's font a fixed count of lines left the curves
  // a 55 px sliver.
  const int wanted = std::max(200, readablePlotHeight(curves_));
  if (curves_->minimumHeight() != wanted) curves_->setMinimumHeight(wanted);
}

void CnnTrainPage::applyAppearance() {
  // The curves keep room for their data under presentation fonts (ticks, labels, the legend).
  stylePlot(curves_);
  curves_->graph(0)->setPen(seriesPen(0));
  curves_->graph(1)->setPen(seriesPen(1, Qt::DashLine));
  curves_->graph(2)->setPen(seriesPen(2));
  if (fork_loss_) {
    fork_loss_->setPen(seriesPen(0, Qt::DashLine));
    fork_accuracy_->setPen(seriesPen(2, Qt::DashLine));
  }
  fitLegend();
  curves_->replot();
}

}  // namespace gsui
