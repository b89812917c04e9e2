#include "labs/gpu/gpu_lab.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/engine_message.h"
#include "backend/backend.h"
#include "cases/commands.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kSecondsPerPoint = 0.1;
}  // namespace

QString GpuLab::translatedReason(const QString& why) {
  // core gives the reason a code and the values it quotes (the driver's words, the GPU's name, the
  // architectures): the sentence is said in the learner's language from those. A text that is not
  // this machine's reason is shown as it is.
  const gs::DeviceStatus cuda = gs::device_status(gs::Device::CUDA);
  if (cuda.available || QString::fromStdString(cuda.reason) != why) return why;
  return engineMessage(cuda.code, cuda.args, why);
}

QVector<int> GpuLab::batchSizes() { return {1, 4, 16, 64, 256, 1024}; }

GpuLab::GpuLab(QWidget* parent) : Lab(parent) {
  std::string why;
  gpu_ok_ = gs::device_available(gs::Device::CUDA, &why);
  gpu_reason_ = QString::fromStdString(why);
  cpu_ms_ = gpu_ms_ = QVector<double>(batchSizes().size(), kNaN);

  plot_ = makePlot(QString(), QString(), this);
  plot_->xAxis->setScaleType(QCPAxis::stLogarithmic);
  plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  QSharedPointer<QCPAxisTickerLog> xt(new QCPAxisTickerLog), yt(new QCPAxisTickerLog);
  xt->setLogBase(4);
  plot_->xAxis->setTicker(xt);
  plot_->yAxis->setTicker(yt);
  plot_->xAxis->setRange(0.8, 1300);
  plot_->yAxis->setRange(0.01, 1000);
  plot_->legend->setVisible(true);
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
  addPlotTitle(plot_);
  // Before the first point: the empty axes say what will appear on them.
  placeholder_ = setPlotHint(plot_, QString());
  auto* grid = new QVBoxLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  grid->addWidget(plot_);

  auto* layout = controlsLayout();
  box_ = new QGroupBox;
  auto* bl = new QVBoxLayout(box_);
  workload_ = new QComboBox;
  workload_->setObjectName("workload");
  workload_->setProperty("gsPrimary", true);
  workload_->addItem(QString(), "W2");
  workload_->addItem(QString(), "W3");
  bl->addWidget(workload_);
  measure_button_ = new QPushButton;
  measure_button_->setObjectName("measure");
  measure_button_->setProperty("gsPrimary", true);
  bl->addWidget(measure_button_);
  status_ = new QLabel;
  status_->setObjectName("status");
  status_->setWordWrap(true);
  bl->addWidget(status_);
  device_label_ = new QLabel;
  device_label_->setWordWrap(true);
  bl->addWidget(device_label_);
  verdict_ = new QLabel;
  verdict_->setWordWrap(true);
  bl->addWidget(verdict_);
  layout->addWidget(box_);
  layout->addStretch();
  connect(measure_button_, &QPushButton::clicked, this, &GpuLab::measure);
  connect(&job_, &BackgroundJob::finished, this, [this] {
    measure_button_->setEnabled(true);
    workload_->setEnabled(true);
    redraw();
    emit measured();
  });
  connect(workload_, &QComboBox::currentIndexChanged, this, [this] {
    if (job_.running()) return;
    cpu_ms_ = gpu_ms_ = QVector<double>(batchSizes().size(), kNaN);
    redraw();
  });
  retranslate();
}

GpuLab::~GpuLab() = default;  // job_ cancels and joins the timing


void GpuLab::measure() {
  if (job_.running()) return;
  cpu_ms_ = gpu_ms_ = QVector<double>(batchSizes().size(), kNaN);
  const std::string workload = workload_->currentData().toString().toStdString();
  const bool gpu = gpu_ok_;
  // NOTE: the timing runs off the UI thread (a CNN step at batch 1024 takes a second on a small
  // CPU); each point is posted back as it is measured, so the curves grow while the window lives.
  job_.start([this, workload, gpu](BackgroundJob& job) {
    const QVector<int> sizes = batchSizes();
    for (int i = 0; i < sizes.size(); ++i) {
      for (bool on_gpu : {false, true}) {
        if (job.cancelled()) return;
        if (on_gpu && !gpu) continue;
        double ms = kNaN;  // a failed point is shown as a gap; the GPU's reason is already on screen
        try {
          const auto r = gs::cases::run_bench({workload}, gs::get_num_threads(), kSecondsPerPoint,
                                              on_gpu ? gs::Device::CUDA : gs::Device::CPU, sizes[i]);
          ms = 1000.0 / r.front().steps_per_s;
        } catch (const std::exception&) {
        }
        job.post([this, on_gpu, i, ms] { pointMeasured(on_gpu, i, ms); });
      }
    }
  });
  measure_button_->setEnabled(false);
  workload_->setEnabled(false);
  redraw();
}

void GpuLab::pointMeasured(bool gpu, int index, double ms) {
  (gpu ? gpu_ms_ : cpu_ms_)[index] = ms;
  redraw();
}

void GpuLab::reset() {
  if (job_.running()) return;
  workload_->setCurrentIndex(0);
  cpu_ms_ = gpu_ms_ = QVector<double>(batchSizes().size(), kNaN);
  redraw();
}

void GpuLab::retranslate() {
  box_->setTitle(tr("Time per training step"));
  // Short enough for the side panel at 1024×768 in presentation mode.
  // (the optimizer in the item's tooltip and in the PyTorch code).
  workload_->setItemText(0, tr("MLP 784-256-128-10"));
  workload_->setItemData(0, tr("An MLP 784-256-128-10 trained with Adam"), Qt::ToolTipRole);
  workload_->setItemText(1, tr("Small CNN on 28×28"));
  workload_->setItemData(1, tr("A small CNN on 28×28 images trained with SGD"), Qt::ToolTipRole);
  measure_button_->setText(gpu_ok_ ? tr("Measure CPU and GPU") : tr("Measure the CPU"));  // (no GPU here to time)
  measure_button_->setToolTip(tr("Times full training steps (forward, backward, optimizer) at each batch size"));
  device_label_->setText(gpu_ok_ ? tr("GPU: CUDA is available (cuda:0).")
                                 : tr("CUDA is not available here: %1. That is fine: the CPU curve is measured "
                                      "alone. On a machine with an NVIDIA GPU, the GPU curve appears beside it.")
                                       .arg(translatedReason(gpu_reason_)));
  plot_->xAxis->setLabel(tr("batch size"));
  plot_->yAxis->setLabel(tr("milliseconds per step"));
  setPlotTitle(plot_, tr("Where does the GPU overtake the CPU?"));
  redraw();
}

void GpuLab::applyAppearance() {
  stylePlot(plot_);
  redraw();
}

void GpuLab::redraw() {
  plot_->clearGraphs();
  const QVector<int> sizes = batchSizes();
  auto add = [&](const QVector<double>& ms, const QString& name, int colour) {
    QVector<double> xs, ys;
    for (int i = 0; i < sizes.size(); ++i)
      if (std::isfinite(ms[i])) xs << sizes[i], ys << ms[i];
    QCPGraph* g = plot_->addGraph();
    g->setName(name);
    g->setPen(seriesPen(colour));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    g->setData(xs, ys, true);
  };
  add(cpu_ms_, tr("CPU (threads: %1)").arg(gs::get_num_threads()), 0);
  if (gpu_ok_) add(gpu_ms_, tr("GPU (CUDA)"), 1);
  // The verdict: the first batch size at which the GPU step is faster.
  QString verdict;
  int crossing = -1;
  for (int i = 0; i < sizes.size() && gpu_ok_; ++i)
    if (std::isfinite(cpu_ms_[i]) && std::isfinite(gpu_ms_[i]) && gpu_ms_[i] < cpu_ms_[i]) {
      crossing = i;
      break;
    }
  if (job_.running()) status_->setText(tr("Measuring… (the window stays usable)"));
  else if (!std::isfinite(cpu_ms_[0])) status_->setText(tr("Press Measure: each point times real training steps."));
  else status_->setText(QString());
  if (crossing >= 0)
    verdict = tr("The GPU is faster from batch %1 on. Below that, each step is dominated by the fixed cost of "
                 "launching its kernels; above it, the GPU's thousands of cores get enough work per launch.")
                  .arg(sizes[crossing]);
  else if (gpu_ok_ && !job_.running() && std::isfinite(gpu_ms_.back()))
    verdict = tr("The CPU won at every batch size here: this model is too small to fill the GPU.");
  verdict_->setText(verdict);
  double lo = 1e9, hi = 0;
  for (const auto* v : {&cpu_ms_, &gpu_ms_})
    for (double m : *v)
      if (std::isfinite(m)) lo = std::min(lo, m), hi = std::max(hi, m);
  if (hi > 0) plot_->yAxis->setRange(lo / 2, hi * 2);
  // The empty axes before (and at the start of) a measurement say what will appear on them.
  placeholder_text_ = hi > 0         ? QString()
                      : job_.running() ? tr("Timing batch size 1… Each point appears here as soon as it is measured.")
                      : gpu_ok_        ? tr("Press Measure: for each batch size from 1 to 1024, the milliseconds of one "
                                            "training step on the CPU and on the GPU appear here as two curves.")
                                       : tr("Press Measure: for each batch size from 1 to 1024, the milliseconds of one "
                                            "training step on the CPU appear here as a curve.");
  setPlotHint(plot_, placeholder_text_);
  plot_->replot();
}

QString GpuLab::pytorchCode() const {
  const bool cnn = workload_->currentData().toString() == "W3";
  QString model = cnn ? "nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n"
                        "                      nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),\n"
                        "                      nn.Flatten(), nn.Linear(784, 10))"
                      : "nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))";
  QString input = cnn ? "torch.randn(batch, 1, 28, 28, device=device)" : "torch.randn(batch, 784, device=device)";
  return QString("import time\nimport torch\nfrom torch import nn\n\n"
                 "for device in [\"cpu\"] + ([\"cuda\"] if torch.cuda.is_available() else []):\n"
                 "    for batch in [1, 4, 16, 64, 256, 1024]:\n"
                 "        model = %1.to(device)\n"
                 "        opt = torch.optim.%2(model.parameters(), lr=%3)\n"
                 "        x, y = %4, torch.randint(0, 10, (batch,), device=device)\n"
                 "        def step():\n"
                 "            opt.zero_grad()\n"
                 "            nn.functional.cross_entropy(model(x), y).backward()\n"
                 "            opt.step()\n"
                 "        for _ in range(5):\n"
                 "            step()  # warm-up\n"
                 "        if device == \"cuda\":\n"
                 "            torch.cuda.synchronize()  # kernels run asynchronously: wait before timing\n"
                 "        t0 = time.perf_counter()\n"
                 "        for _ in range(20):\n"
                 "            step()\n"
                 "        if device == \"cuda\":\n"
                 "            torch.cuda.synchronize()\n"
                 "        print(device, batch, f\"{(time.perf_counter() - t0) / 20 * 1000:.2f} ms/step\")\n")
      .arg(model, cnn ? "SGD" : "Adam", cnn ? "0.01, momentum=0.9" : "1e-3", input);
}

QList<QPair<QString, QWidget*>> GpuLab::exportablePlots() const { return {{"time-per-step", plot_}}; }

}  // namespace gsui
