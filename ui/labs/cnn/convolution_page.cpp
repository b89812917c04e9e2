#include "labs/cnn/convolution_page.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QEvent>
#include <QFrame>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

#include "app/appearance.h"
#include "labs/cnn/convolution_canvas.h"
#include "labs/cnn/convolution_controls.h"
#include "labs/cnn/convolution_kernel_editor.h"
#include "labs/cnn/convolution_text.h"

namespace gsui {
namespace {

QLabel* richLabel(const char* name) {
  auto* label = new QLabel;
  label->setObjectName(name);
  label->setTextFormat(Qt::RichText);
  label->setWordWrap(true);
  label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  return label;
}

}  // namespace

ConvolutionPage::ConvolutionPage(QWidget* parent) : CnnPage(parent) {
  panel_ = new ConvolutionControls(controlsLayout(), this);
  controlsLayout()->addStretch();
  buildView();
  connectControls();
  timer_.setObjectName("convolutionTimer");
  connect(&timer_, &QTimer::timeout, this, &ConvolutionPage::playTick);
  canvas_->setModel(&model_);
  loadImage();
  retranslate();
  applyAppearance();
}

ConvolutionPage::~ConvolutionPage() = default;

void ConvolutionPage::buildView() {
  canvas_ = new ConvolutionCanvas;
  canvas_->setObjectName("convolutionCanvas");
  editor_ = new ConvolutionKernelEditor;
  editor_->setObjectName("kernelEditor");
  kernel_box_ = new QGroupBox;
  (new QVBoxLayout(kernel_box_))->addWidget(editor_);
  product_table_ = richLabel("productTable");
  product_table_->setWordWrap(false);  // a product never breaks inside; the font shrinks to fit instead
  products_ = richLabel("products");
  auto* products = new QWidget;
  auto* products_layout = new QVBoxLayout(products);
  products_layout->setContentsMargins(0, 0, 0, 0);
  products_layout->addWidget(product_table_);
  products_layout->addWidget(products_);
  products_layout->addStretch();
  products_scroll_ = new QScrollArea;
  products_scroll_->setWidget(products);
  products_scroll_->setWidgetResizable(true);
  products_scroll_->setFrameShape(QFrame::NoFrame);
  window_box_ = new QGroupBox;
  (new QVBoxLayout(window_box_))->addWidget(products_scroll_);
  rule_ = richLabel("outputSizeRule");
  error_ = richLabel("error");
  // The rule (and a refusal) right under the picture, across the page: the picture keeps the height.
  rule_box_ = new QFrame;
  rule_box_->setFrameShape(QFrame::StyledPanel);
  auto* rule_layout = new QVBoxLayout(rule_box_);
  rule_layout->setContentsMargins(6, 4, 6, 4);
  rule_layout->addWidget(rule_);
  rule_layout->addWidget(error_);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(kernel_box_, 0);
  bottom->addWidget(window_box_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(canvas_, 1);
  layout->addWidget(rule_box_, 0);
  layout->addLayout(bottom, 0);
}

void ConvolutionPage::connectControls() {
  connect(panel_, &ConvolutionControls::sourceChanged, this, [this] {
    panel_->setImageCount(images_.count(panel_->source()));
    loadImage();
  });
  connect(panel_, &ConvolutionControls::imageIndexChanged, this, &ConvolutionPage::loadImage);
  connect(panel_, &ConvolutionControls::operationChanged, this, [this] {
    editor_->setKernelSize(panel_->kernelSize());
    recompute();
  });
  connect(panel_, &ConvolutionControls::presetChosen, this, [this] { editor_->applyPreset(panel_->preset()); });
  connect(panel_, &ConvolutionControls::kernelSizeChanged, this, [this] {
    editor_->setKernelSize(panel_->kernelSize());
    recompute();
  });
  connect(panel_, &ConvolutionControls::outChannelsChanged, this, [this] {
    editor_->setChannels(int(image_.channels()), panel_->outChannels());
    recompute();
  });
  connect(panel_, &ConvolutionControls::geometryChanged, this, &ConvolutionPage::recompute);
  connect(editor_, &ConvolutionKernelEditor::kernelChanged, this, [this] {
    panel_->showPreset(editor_->currentPreset());
    recompute();
  });
  connect(editor_, &ConvolutionKernelEditor::editedChannelChanged, this,
          [this] { panel_->showPreset(editor_->currentPreset()); });
  connect(canvas_, &ConvolutionCanvas::cellClicked, this, [this](std::int64_t c, std::int64_t y, std::int64_t x) {
    if (model_.jumpTo(c, y, x)) refresh();
  });
}

void ConvolutionPage::loadImage() {
  QString error;
  ConvolutionImage image = images_.load(panel_->source(), panel_->imageIndex(), error);
  if (!error.isEmpty()) {
    // Nothing half-applied: the previous image stays, and so does its source in the menu.
    if (image_.pixels.defined()) {
      panel_->showSource(image_.source);
      panel_->setImageCount(images_.count(image_.source));
    }
    showProblem("<b>" + error.toHtmlEscaped() + "</b>");
    emit message(error);
    return;
  }
  image_ = std::move(image);
  editor_->setChannels(int(image_.channels()), panel_->outChannels());
  recompute();
}

ConvolutionSetup ConvolutionPage::requestedSetup() const {
  ConvolutionSetup setup{.image = image_, .operation = panel_->operation()};
  setup.weight = editor_->weight();
  setup.bias = editor_->bias();
  setup.conv = panel_->convArgs();
  setup.pool = panel_->poolArgs();
  return setup;
}

void ConvolutionPage::recompute() {
  if (!image_.pixels.defined()) return;
  const ConvolutionSetup setup = requestedSetup();
  const QString rule = inUiFont("<b>" + tr("Output size") + "</b> &nbsp; " + ConvolutionText::outputSizeRule(setup));
  if (auto failure = model_.apply(setup)) {
    rule_->setText(rule);
    showProblem(ConvolutionText::problem(*failure, setup));
    emit message(QString::fromStdString(failure->torch_message.empty() ? failure->what : failure->torch_message));
    return;
  }
  const QString shape = tr("shape [N, C, H, W] = [1, %1, %2, %3]")
                            .arg(model_.outputChannels())
                            .arg(model_.outputHeight())
                            .arg(model_.outputWidth());
  rule_->setText(rule + " &nbsp;&nbsp; " + inUiFont(QString(shape).replace(' ', "&nbsp;")));
  showProblem(QString());
  refresh();
}

void ConvolutionPage::showProblem(const QString& html) {
  error_->setText(html);
  error_->setStyleSheet(html.isEmpty() ? QString() : QString("color: %1").arg(Appearance::instance().errorColor().name()));
  error_->setVisible(!html.isEmpty());
}

QString ConvolutionPage::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void ConvolutionPage::refresh() {
  const ConvolutionSetup& setup = model_.setup();
  kernel_box_->setVisible(!setup.pooling());
  std::vector<CanvasTap> taps;
  if (model_.current() < 0) {
    showWindowText({QString(), tr("Press Step (or click a cell of the output) to move the window one output cell at a time.")});
  } else if (setup.pooling()) {
    const gs::PoolWindow win = model_.poolWindow();
    for (std::size_t i = 0; i < win.terms.size(); ++i)
      taps.push_back({win.channel, win.terms[i].iy, win.terms[i].ix, int(i) == win.winner});
    showWindowText(ConvolutionText::poolProducts(win, setup.operation == ConvOperation::MaxPool));
  } else {
    const gs::ConvWindow win = model_.convWindow();
    for (const gs::ConvTerm& t : win.terms) taps.push_back({t.channel, t.iy, t.ix, false});
    showWindowText(ConvolutionText::convProducts(win, true, int(setup.image.channels())));
  }
  canvas_->setTaps(std::move(taps));
  updateTitles();
  emit codeChanged();
}

void ConvolutionPage::showWindowText(const WindowText& text) {
  product_table_->setText(text.table);
  products_->setText(inUiFont(text.summary));
  fitProducts();
}

/// The products panel tall enough for its table and sum (a 5×5 kernel's too, up to 45 % of the
/// page; beyond that it scrolls), so the sum is never hidden below the fold. The table's font
/// shrinks (to 70 % at most) until the table fits the panel's width: no sideways scrolling.
void ConvolutionPage::fitProducts() {
  QFont f = font();
  const int base = QFontInfo(f).pixelSize();
  const int room = products_scroll_->viewport()->width() - 4;
  for (int px = base; px >= std::max(9, int(base * 0.7)); --px) {
    f.setPixelSize(px);
    product_table_->setFont(f);
    if (product_table_->sizeHint().width() <= room) break;
  }
  const int wanted = products_scroll_->widget()->sizeHint().height() + products_->fontMetrics().height() + 4;
  products_scroll_->setMinimumHeight(std::min(wanted, int(height() * 0.45)));
}

void ConvolutionPage::updateTitles() {
  if (!model_.ready()) return;
  const ConvolutionSetup& setup = model_.setup();
  const gs::Padding2d pad = model_.padding();
  const bool padded = pad.top + pad.bottom + pad.left + pad.right > 0;
  QStringList inputs, outputs;
  if (setup.image.channels() == 3) {
    inputs << tr("input: red") << tr("green") << tr("blue");
  } else {
    inputs << (padded ? tr("input %1×%2, padded") : tr("input %1×%2")).arg(setup.image.height()).arg(setup.image.width());
  }
  const QString size = QString("%1×%2").arg(model_.outputHeight()).arg(model_.outputWidth());
  for (std::int64_t c = 0; c < model_.outputChannels(); ++c)
    outputs << (model_.outputChannels() == 1 ? tr("output %1").arg(size) : tr("output channel %1").arg(c));
  canvas_->setTitles(inputs, outputs);
}

void ConvolutionPage::step() {
  if (!model_.step()) {
    emit message(tr("Every output cell is filled. Reset to start again."));
    return;
  }
  refresh();
}

void ConvolutionPage::reset() {
  model_.reset();
  refresh();
}

void ConvolutionPage::setPlaying(bool playing) {
  if (!playing) {
    timer_.stop();
    return;
  }
  if (model_.finished()) model_.reset();
  // About six seconds for a whole map: a digit's 36 cells slowly enough to follow, a photo's 900
  // quickly (Step and a click on a cell are there for a closer look).
  const auto cells = std::max<std::int64_t>(1, model_.cellCount());
  timer_.start(int(std::clamp<std::int64_t>(6000 / cells, 15, 250)));
}

void ConvolutionPage::playTick() {
  model_.step();
  refresh();
  if (model_.finished()) {
    timer_.stop();
    emit stoppedPlaying();
  }
}

void ConvolutionPage::setCurrent(bool current) {
  if (!current && timer_.isActive()) {
    timer_.stop();
    emit stoppedPlaying();
  }
}

QString ConvolutionPage::title() const { return tr("Convolution"); }

QString ConvolutionPage::pytorchCode() const {
  if (!model_.ready()) return {};
  const std::int64_t current = model_.current();
  const auto cell = model_.cellAt(std::max<std::int64_t>(current, 0));
  return ConvolutionText::pytorchCode(model_.setup(), current < 0 ? -1 : cell[0], cell[1], cell[2]);
}

QList<QPair<QString, QWidget*>> ConvolutionPage::exportablePlots() const { return {{tr("Convolution, step by step"), canvas_}}; }

void ConvolutionPage::retranslate() {
  panel_->retranslate();
  editor_->retranslate();
  kernel_box_->setTitle(tr("Kernel"));
  window_box_->setTitle(tr("This window: products and sum"));
  recompute();
}

void ConvolutionPage::applyAppearance() {
  editor_->applyAppearance();
  canvas_->update();
  if (!error_->text().isEmpty()) showProblem(error_->text());
}

void ConvolutionPage::changeEvent(QEvent* event) {
  // Presentation mode changes the application's font after the appearance's signal: refit.
  if (event->type() == QEvent::FontChange) {
    fitProducts();
    canvas_->update();
  }
  CnnPage::changeEvent(event);
}

void ConvolutionPage::resizeEvent(QResizeEvent* event) {
  CnnPage::resizeEvent(event);
  fitProducts();
}

}  // namespace gsui
