#include "labs/deep/transfer_page.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/engine_message.h"
#include "io/safetensors.h"
#include "labs/cnn/cnn_image_views.h"
#include "labs/cnn/cnn_page.h"
#include "labs/deep/transfer_views.h"
#include "plots/plot_style.h"
#include "util/error.h"

namespace gsui {

using transfer::Recipe;

/// The job's side: the three runs (in kRecipes order), the head's first weights, the file's tensors.
struct TransferRuns {
  std::vector<gs::spec::Run> runs;
  std::array<TransferPage::Curve, 3> curves;  ///< what the runs have done so far, epoch 0 first
  std::vector<float> head_start;
  gs::io::NamedTensors base;
  std::int64_t pretrained_layers = 0;
};

namespace {

std::size_t at(Recipe r) { return static_cast<std::size_t>(r); }

/// The name of the last layer's weight ("7.weight"): the new head.
std::string headWeight(const gs::nn::Module& model) {
  std::string name;
  for (const auto& [n, p] : model.named_parameters())
    if (p.dim() >= 2) name = n;
  return name;
}

std::vector<float> parameter(const gs::nn::Module& model, const std::string& name) {
  for (const auto& [n, p] : model.named_parameters())
    if (n == name) return p.detach().to_vector<float>();
  return {};
}

}  // namespace

TransferPage::TransferPage(QWidget* parent) : LabPage(parent) {
  per_class_ = new QComboBox;
  per_class_->setObjectName("transferPerClass");
  for (int k : transfer::kPerClassChoices) per_class_->addItem(QString::number(k), k);
  per_class_->setCurrentIndex(per_class_->findData(transfer::kDefaultPerClass));
  epochs_ = new QSpinBox;
  epochs_->setObjectName("transferEpochs");
  epochs_->setRange(1, 200);
  epochs_->setValue(transfer::kDefaultEpochs);
  train_ = new QPushButton;
  train_->setObjectName("transferTrain");
  group_ = new ControlGroup(controlsLayout());
  per_class_label_ = group_->addRow(per_class_);
  epochs_label_ = group_->addRow(epochs_);
  group_->addWideRow(train_);
  for (QWidget* primary : std::initializer_list<QWidget*>{per_class_, epochs_, train_}) primary->setProperty("gsPrimary", true);
  // The new classes' images beside the controls (the view keeps its height for the curves).
  gallery_ = new ImageGallery;
  gallery_->setObjectName("transferSamples");
  gallery_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  samples_group_ = new ControlGroup(controlsLayout());
  samples_group_->addWideRow(gallery_);
  controlsLayout()->addStretch(1);

  // The view: the network with its locks, the accuracies beside the new classes' images, and
  // the numbers under them (the side panel stays short enough for a projector at 1024×768).
  status_ = new QLabel;
  status_->setObjectName("transferStatus");
  status_->setWordWrap(true);
  network_ = new NetworkLockView;
  network_->setObjectName("transferNetwork");
  plot_ = makePlot(QString(), QString());
  plot_->setObjectName("transferAccuracy");
  plot_->legend->setVisible(true);
  auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
  ticker->setTickStep(25);  // 0, 25, 50, 75, 100: readable on a short plot
  plot_->yAxis->setTicker(ticker);
  placeLegendBelow(plot_, /*columns=*/true);
  applyAppearance();

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(network_);
  layout->addWidget(plot_, 1);
  layout->addWidget(status_);

  connect(train_, &QPushButton::clicked, this, &TransferPage::train);
  connect(per_class_, &QComboBox::currentIndexChanged, this, [this] {
    reset();  // other training images: the runs start over
    emit codeChanged();
  });
  connect(epochs_, &QSpinBox::valueChanged, this, &LabPage::codeChanged);
  connect(&job_, &BackgroundJob::finished, this, [this](const QString& error) {
    if (!error.isEmpty()) problem_ = error;
    train_->setEnabled(true);
    if (queued_ > 0 && problem_.isEmpty()) {  // Steps asked for while the job ran (--steps N)
      const int target = static_cast<int>(curves_[0].test_accuracy.size()) - 1 + queued_;
      queued_ = 0;
      run(target);
      return;
    }
    redraw();
    updateTexts();
    if (playing_) {
      playing_ = false;
      emit stoppedPlaying();
    }
    emit trainingFinished();
  });
  try {
    const gs::spec::Scenario s = transfer::scenarioFor(Recipe::Frozen, perClass(), epochs());
    boxes_ = transfer::layerBoxes(s);
    for (int c : transfer::newClasses()) new_classes_.push_back(c);
    for (const auto& b : boxes_) (b.pretrained ? frozen_ : trainable_) += b.parameters;
  } catch (const gs::Error& e) {
    problem_ = engineExplanation(e);
  } catch (const std::exception& e) {
    problem_ = QString::fromStdString(e.what());
  }
  network_->setLayers(boxes_, true);
  run(0);  // epoch 0: the three networks before training, and the images
  retranslate();
}

TransferPage::~TransferPage() { job_.cancel(); }

QString TransferPage::title() const { return tr("Transfer learning"); }

int TransferPage::perClass() const { return per_class_->currentData().toInt(); }
void TransferPage::setPerClass(int per_class) {
  const int index = per_class_->findData(per_class);
  if (index >= 0) per_class_->setCurrentIndex(index);
}
int TransferPage::epochs() const { return epochs_->value(); }
void TransferPage::setEpochs(int epochs) { epochs_->setValue(epochs); }

void TransferPage::train() { run(epochs()); }

void TransferPage::step() {
  if (job_.running()) {  // (data still loading, or epochs under way): one more epoch after them
    ++queued_;
    return;
  }
  const int done = curves_[0].test_accuracy.empty() ? 0 : static_cast<int>(curves_[0].test_accuracy.size()) - 1;
  run(done + 1);
}

void TransferPage::setPlaying(bool playing) {
  if (!playing) {
    playing_ = false;
    if (!job_.running()) return;
    // The job stops after the epoch under way (a cancelled job reports no finished()); the
    // curves it posted arrive after this and stay.
    job_.cancel();
    train_->setEnabled(true);
    updateTexts();
    emit trainingFinished();
    return;
  }
  playing_ = true;
  train();
  if (!job_.running()) {  // nothing to do (already at its epochs, or a problem)
    playing_ = false;
    emit stoppedPlaying();
  }
}

void TransferPage::reset() {
  job_.cancel();
  queued_ = 0;
  train_->setEnabled(true);
  runs_.reset();
  curves_ = {};
  frozen_unchanged_ = head_moved_ = false;
  samples_.clear();
  if (!problem_.isEmpty() && boxes_.empty()) {  // the shipped files are missing: nothing to run
    redraw();
    updateTexts();
    return;
  }
  problem_.clear();
  run(0);
}

void TransferPage::run(int target) {
  if (job_.running() || boxes_.empty()) {
    updateTexts();
    return;
  }
  const int done = curves_[0].test_accuracy.empty() ? -1 : static_cast<int>(curves_[0].test_accuracy.size()) - 1;
  if (done >= target) {
    updateTexts();
    return;
  }
  if (!runs_) runs_ = std::make_shared<TransferRuns>();
  std::shared_ptr<TransferRuns> state = runs_;
  const int per_class = perClass(), epochs = std::max(target, 1);
  train_->setEnabled(false);
  problem_.clear();
  job_.start([this, state, per_class, epochs, target](BackgroundJob& job) {
    try {
      if (state->runs.empty()) prepare(job, *state, per_class, epochs);
    } catch (const gs::Error& e) {
      // A missing Fashion-MNIST names its Debian package, in the learner's language (as does any
      // mistake core names by code).
      job.post([this, error = e] {
        problem_ = CnnPage::engineProblem(error.code(), error.args(), engineExplanation(error));
        updateTexts();
      });
      return;
    }
    // Epochs, the three recipes in turn.
    int epoch = static_cast<int>(state->curves[0].test_accuracy.size()) - 1;
    while (epoch < target && !job.cancelled()) {
      for (Recipe r : transfer::kRecipes) {
        gs::train::Trainer& t = *state->runs[at(r)].trainer;
        t.run_epoch();
        const gs::train::Snapshot snap = t.snapshot();
        TransferPage::Curve& c = state->curves[at(r)];
        c.test_accuracy.push_back(snap.test_accuracy);
        c.test_loss.push_back(snap.test_loss);
        c.train_loss.push_back(snap.train_loss);
      }
      ++epoch;
      job.post([this, curves = state->curves] { curves_ = curves; redraw(); updateTexts(); });
    }
    if (epoch < 1) return;
    // The proof of freezing, from the model: every pretrained tensor still the file's, bit for bit.
    const gs::nn::Module& model = state->runs[at(Recipe::Frozen)].trainer->model();
    bool unchanged = true;
    for (const auto& [name, tensor] : state->base) {
      const std::size_t dot = name.find('.');
      if (dot == std::string::npos || std::stoll(name.substr(0, dot)) >= state->pretrained_layers) continue;
      if (parameter(model, name) != tensor.to_vector<float>()) unchanged = false;
    }
    const bool moved = parameter(model, headWeight(model)) != state->head_start;
    job.post([this, unchanged, moved] {
      frozen_unchanged_ = unchanged;
      head_moved_ = moved;
      updateTexts();
    });
  });
  updateTexts();
}

void TransferPage::prepare(BackgroundJob& job, TransferRuns& state, int per_class, int epochs) {
  // One data set for the three recipes (the same 5 × per_class training images).
  gs::spec::Scenario first = transfer::scenarioFor(Recipe::Frozen, per_class, epochs);
  const gs::spec::ScenarioData data = gs::spec::load_scenario_data(first);
  for (Recipe r : transfer::kRecipes) {
    gs::spec::Scenario s = transfer::scenarioFor(r, per_class, epochs);
    state.runs.push_back(gs::spec::make_run(s, data));
  }
  state.pretrained_layers = first.transfer->layers;
  state.base = gs::io::read_safetensors(first.transfer->weights);
  const gs::nn::Module& model = state.runs[at(Recipe::Frozen)].trainer->model();
  state.head_start = parameter(model, headWeight(model));
  // One training image of each new class, for the gallery.
  const gs::data::Dataset& train_set = data.raw.train;
  const std::vector<std::int64_t> labels = train_set.y.to_vector<std::int64_t>();
  QVector<QPair<QImage, int>> samples;
  for (int c = 0; c < train_set.num_classes(); ++c)
    for (std::size_t i = 0; i < labels.size(); ++i)
      if (labels[i] == c) {
        samples.push_back({sampleImage(train_set.x, static_cast<std::int64_t>(i)), c});
        break;
      }
  // Epoch 0: the three networks before training.
  for (Recipe r : transfer::kRecipes) {
    gs::train::Trainer& t = *state.runs[at(r)].trainer;
    const gs::train::Evaluation train_eval = t.evaluate(t.train_set()), test_eval = t.evaluate(t.test_set());
    state.curves[at(r)] = {{test_eval.accuracy}, {test_eval.loss}, {train_eval.loss}};
  }
  job.post([this, samples, curves = state.curves] {
    samples_ = samples;
    curves_ = curves;
    redraw();
    updateTexts();
  });
}

void TransferPage::redraw() {
  plot_->clearGraphs();
  const QStringList names = {tr("Frozen + new head"), tr("Fine-tune all"), tr("From scratch")};
  const std::array<Qt::PenStyle, 3> styles = {Qt::SolidLine, Qt::DashDotLine, Qt::DashLine};
  double top = 1.0;
  int epochs_shown = 1;
  for (Recipe r : transfer::kRecipes) {
    const Curve& c = curves_[at(r)];
    QCPGraph* g = plot_->addGraph();
    g->setName(names[static_cast<int>(at(r))]);
    g->setPen(seriesPen(static_cast<int>(at(r)), styles[at(r)]));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4 * Appearance::instance().scale()));
    for (std::size_t e = 0; e < c.test_accuracy.size(); ++e) g->addData(static_cast<double>(e), 100.0 * c.test_accuracy[e]);
    epochs_shown = std::max(epochs_shown, static_cast<int>(c.test_accuracy.size()) - 1);
  }
  // (a margin on the left and on top: epoch 0's markers, and 100 %, drawn whole rather than
  // half under the axis)
  const double last = std::max(epochs_shown, epochs());
  plot_->xAxis->setRange(-0.025 * last, last);
  plot_->yAxis->setRange(0, 100 * top + 3);
  // Before training, only epoch 0's three points: say what will be drawn.
  bool trained = false;
  for (const Curve& c : curves_) trained = trained || c.test_accuracy.size() > 1;
  setPlotHint(plot_, trained ? QString()
                             : tr("Epoch 0: the three networks before training. \"Train the three recipes\" draws each one's test "
                                  "accuracy after every epoch."));
  plot_->replot();
  QVector<ImageGallery::Item> items;
  const QStringList classes = CnnPage::classNames("fashion_mnist");
  for (const auto& [image, label] : samples_)
    items.push_back({image, classes.value(new_classes_.value(label, label))});
  gallery_->setItems(items, QString());
}

void TransferPage::updateTexts() {
  train_->setText(job_.running() ? tr("Training…") : tr("Train the three recipes"));
  const QLocale locale;
  network_->setTexts(tr("frozen: requires_grad = False (from the base)"), tr("from the base, trained"), tr("new head, trained"),
                     tr("Trainable: %1 (the head) · frozen: %2 (the convolutions, from fashion_base.safetensors)")
                         .arg(locale.toString(static_cast<qlonglong>(trainable_)), locale.toString(static_cast<qlonglong>(frozen_))));
  if (!problem_.isEmpty()) {
    status_->setText(problem_);
    return;
  }
  const Curve& f = curves_[at(Recipe::Frozen)];
  if (f.test_accuracy.empty()) {
    status_->setText(tr("Loading Fashion-MNIST and the pretrained weights…"));
    return;
  }
  const int epoch = static_cast<int>(f.test_accuracy.size()) - 1;
  auto pct = [](double a) { return QString::number(100.0 * a, 'f', 1) + "%"; };
  QString text = tr("Epoch %1/%2. Test accuracy on the 5,000 test images of the new classes: frozen + new head %3, "
                    "fine-tune all %4, from scratch %5.")
                     .arg(epoch)
                     .arg(epochs())
                     .arg(pct(f.test_accuracy.back()), pct(curves_[at(Recipe::FineTuneAll)].test_accuracy.back()),
                          pct(curves_[at(Recipe::Scratch)].test_accuracy.back()));
  if (epoch >= 1 && !job_.running())
    text += " " + (frozen_unchanged_ ? tr("The frozen tensors are still the file's, bit for bit; the head's weights moved.")
                                     : tr("Check: the frozen tensors changed — they should not have."));
  status_->setText(text);
}

void TransferPage::retranslate() {
  per_class_label_->setText(tr("Images per class"));
  epochs_label_->setText(tr("Epochs"));
  group_->setTitle(tr("Fine-tuning"));
  plot_->xAxis->setLabel(tr("epoch (0: before training)"));
  plot_->yAxis->setLabel(tr("test accuracy (%)"));
  samples_group_->setTitle(tr("New classes"));
  samples_group_->setToolTip(tr("New classes (the base never saw them)"));
  redraw();
  updateTexts();
}

void TransferPage::applyAppearance() {
  const double scale = Appearance::instance().scale();
  stylePlot(plot_);
  plot_->setMinimumHeight(static_cast<int>(150 * scale));
  // The five new classes in two rows of three: the images and their names.
  gallery_->setFixedHeight(static_cast<int>(2 * (1.3 * gallery_->fontMetrics().height() + 46 * scale)));
  network_->updateGeometry();
  network_->update();
  redraw();
}

QList<QPair<QString, QWidget*>> TransferPage::exportablePlots() const {
  return {{tr("Transfer learning: test accuracy"), plot_}, {tr("Transfer learning: the network"), network_}};
}

nlohmann::json TransferPage::sessionState() const { return {{"per_class", perClass()}, {"epochs", epochs()}}; }

QString TransferPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected an object with per_class and epochs");
  const nlohmann::json per_class = state.value("per_class", nlohmann::json(perClass())), epochs = state.value("epochs", nlohmann::json(this->epochs()));
  if (!per_class.is_number_integer() || per_class_->findData(per_class.get<int>()) < 0)
    return tr("per_class: expected one of 1, 2, 5, 10, 20, 50, got %1").arg(QString::fromStdString(per_class.dump()).left(40));
  if (!epochs.is_number_integer() || epochs.get<int>() < epochs_->minimum() || epochs.get<int>() > epochs_->maximum())
    return tr("epochs: expected %1 to %2, got %3").arg(epochs_->minimum()).arg(epochs_->maximum()).arg(QString::fromStdString(epochs.dump()).left(40));
  setEpochs(epochs.get<int>());
  setPerClass(per_class.get<int>());
  return {};
}

QString TransferPage::pytorchCode() const {
  QString model;
  try {
    model = QString::fromStdString(gs::spec::pytorch_code(transfer::scenarioFor(Recipe::Frozen, perClass(), epochs()).model));
  } catch (const std::exception& e) {
    return "# " + QString::fromStdString(e.what());
  }
  return model +
         "\n# The base: pretrained by GradScope on Fashion-MNIST's classes 0-4\n"
         "# (gradscope-cli train resources/scenarios/fashion_base.json --save-weights fashion_base.safetensors)\n"
         "import json, struct\n"
         "def load_safetensors(path):  # the format with the standard library (or: safetensors.torch.load_file)\n"
         "    data = open(path, 'rb').read()\n"
         "    n = struct.unpack('<Q', data[:8])[0]\n"
         "    header = json.loads(data[8:8 + n])\n"
         "    out = {}\n"
         "    for name, t in header.items():\n"
         "        if name == '__metadata__': continue\n"
         "        b, e = t['data_offsets']\n"
         "        out[name] = torch.frombuffer(bytearray(data[8 + n + b:8 + n + e]), dtype=torch.float32).reshape(t['shape'])\n"
         "    return out\n\n"
         "model.load_state_dict(load_safetensors('fashion_base.safetensors'))\n"
         "model[7] = nn.Linear(784, 5)            # replace the head: new classes, new random weights\n"
         "for p in model[:6].parameters():        # freeze the convolutions (shown locked)\n"
         "    p.requires_grad = False\n"
         "trainable = [p for p in model.parameters() if p.requires_grad]\n"
         "print(sum(p.numel() for p in trainable), 'trainable,',\n"
         "      sum(p.numel() for p in model.parameters() if not p.requires_grad), 'frozen')\n"
         "optimizer = torch.optim.Adam(trainable, lr=0.01)\n\n" +
         QString("# %1 images of each new class (Sandal, Shirt, Sneaker, Bag, Ankle boot), labels 0-4\n"
                 "loss_fn = nn.CrossEntropyLoss()\n"
                 "for epoch in range(%2):\n"
                 "    for x, y in train_loader:            # batches of 10\n"
                 "        optimizer.zero_grad()\n"
                 "        loss_fn(model(x), y).backward()\n"
                 "        optimizer.step()\n")
             .arg(perClass())
             .arg(epochs());
}

}  // namespace gsui
