#include "labs/generalization/augmentation_page.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <algorithm>

#include "app/appearance.h"
#include "app/control_group.h"
#include "data/loaders.h"
#include "util/error.h"

namespace gsui {

/// One image, scaled up without smoothing, with its caption under it.
class ImageTile : public QWidget {
 public:
  explicit ImageTile(QWidget* parent = nullptr) : QWidget(parent) { setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding); }
  void setImage(const gs::Tensor& image) {
    values_ = image.contiguous().to_vector<float>();
    height_ = static_cast<int>(image.size(-2));
    width_ = static_cast<int>(image.size(-1));
    update();
  }
  void setCaption(const QString& caption) {
    caption_ = caption;
    update();
  }
  const std::vector<float>& values() const { return values_; }
  QSize sizeHint() const override { return {140, 140 + fontMetrics().height()}; }
  QSize minimumSizeHint() const override { return {64, 64 + fontMetrics().height()}; }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter p(this);
    const int text = fontMetrics().height() + 4;
    const int side = std::max(8, std::min(width(), height() - text));
    const QRect box((width() - side) / 2, 0, side, side);
    QImage image(std::max(1, width_), std::max(1, height_), QImage::Format_Grayscale8);
    image.fill(0);
    for (int y = 0; y < height_; ++y)
      for (int x = 0; x < width_; ++x)
        image.scanLine(y)[x] = static_cast<uchar>(std::clamp(values_[static_cast<std::size_t>(y * width_ + x)], 0.0f, 1.0f) * 255 + 0.5f);
    p.drawImage(box, image);
    p.setPen(Appearance::instance().plotForeground());
    p.drawText(QRect(0, side + 2, width(), text), Qt::AlignHCenter | Qt::AlignTop, caption_);
  }

 private:
  std::vector<float> values_;
  int height_ = 0, width_ = 0;
  QString caption_;
};

AugmentationPage::AugmentationPage(QWidget* parent) : GenPage(parent) {
  buildControls();
  buildView();
  connect(&job_, &BackgroundJob::finished, this, [this](const QString& error) {
    if (!error.isEmpty()) problem_ = error;
    chooseImage();
  });
  loadDataset();
  retranslate();
  applyAppearance();
}

AugmentationPage::~AugmentationPage() { job_.cancel(); }

void AugmentationPage::buildControls() {
  image_group_ = new ControlGroup(controlsLayout());
  dataset_ = new QComboBox;
  dataset_->setObjectName("dataset");
  dataset_->addItem(QString(), "digits");
  dataset_->addItem(QString(), "fashion_mnist");
  dataset_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  dataset_->setMinimumContentsLength(8);
  dataset_->setProperty("gsPrimary", true);
  // The menu gets the panel's whole width under its label: "Fashion-MNIST (28×28)" beside
  // "데이터 세트" did not fit at 1024×768 in presentation mode.
  dataset_label_ = new QLabel;
  image_group_->addWideRow(dataset_label_);
  image_group_->addWideRow(dataset_);
  index_ = new QSpinBox;
  index_->setObjectName("imageIndex");
  index_->setRange(0, 1796);
  index_label_ = image_group_->addRow(index_);

  augment_group_ = new ControlGroup(controlsLayout());
  auto slider = [&](const char* name, int low, int high, int value, int label) {
    auto* s = new QSlider(Qt::Horizontal);
    s->setObjectName(name);
    s->setRange(low, high);
    s->setValue(value);
    slider_labels_[static_cast<std::size_t>(label)] = augment_group_->addRow(s);
    connect(s, &QSlider::valueChanged, this, &AugmentationPage::redraw);
    connect(s, &QSlider::valueChanged, this, &GenPage::codeChanged);
    return s;
  };
  const AugmentParams d;
  rotate_ = slider("rotate", -45, 45, static_cast<int>(d.degrees), 0);
  shift_ = slider("shift", -4, 4, static_cast<int>(d.shift), 1);
  zoom_ = slider("zoom", 50, 150, static_cast<int>(d.zoom * 100), 2);
  brightness_ = slider("brightness", -50, 50, static_cast<int>(d.brightness * 100), 3);
  noise_ = slider("noise", 0, 50, static_cast<int>(d.noise * 100), 4);
  blur_ = slider("blur", 0, 3, d.blur, 5);
  redraw_button_ = new QPushButton;
  redraw_button_->setObjectName("newDraw");
  augment_group_->addWideRow(redraw_button_);
  note_ = new QLabel;
  note_->setObjectName("note");
  note_->setWordWrap(true);
  controlsLayout()->addWidget(note_);
  controlsLayout()->addStretch();
  connect(dataset_, &QComboBox::currentIndexChanged, this, &AugmentationPage::loadDataset);
  connect(index_, &QSpinBox::valueChanged, this, &AugmentationPage::chooseImage);
  connect(redraw_button_, &QPushButton::clicked, this, [this] {
    ++seed_;
    redraw();
  });
}

void AugmentationPage::buildView() {
  gallery_ = this;
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(8, 8, 8, 8);
  int i = 0;
  for ([[maybe_unused]] AugmentKind kind : kAugmentKinds) {
    auto* tile = new ImageTile;
    tiles_.push_back(tile);
    grid->addWidget(tile, i / 4, i % 4);
    ++i;
  }
  random_heading_ = new QLabel;
  random_heading_->setWordWrap(true);
  grid->addWidget(random_heading_, 2, 0, 1, 4);
  auto* row = new QHBoxLayout;
  for (int c = 0; c < kRandomCopies; ++c) {
    auto* tile = new ImageTile;
    random_tiles_.push_back(tile);
    row->addWidget(tile);
  }
  grid->addLayout(row, 3, 0, 1, 4);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 3);
  grid->setRowStretch(3, 2);
}

void AugmentationPage::loadDataset() {
  const std::string name = dataset_->currentData().toString().toStdString();
  problem_.clear();
  if (name == "digits") {
    images_ = gs::data::load_builtin("digits");  // small and shipped: at once
    chooseImage();
    return;
  }
  job_.cancel();
  job_.start([this](BackgroundJob& job) {
    try {
      gs::data::Dataset loaded = gs::data::load_builtin("fashion_mnist");  // 60,000 images: off the UI thread
      job.post([this, loaded] { images_ = loaded; });
    } catch (const gs::Error& e) {
      if (e.code() != "fashion_mnist_missing") throw;
      const QString dir = e.args().empty() ? QString() : QString::fromStdString(e.args()[0]);
      job.post([this, dir] {
        // Missing: the digits stand in, and the note says how to install the set.
        problem_ = tr("Fashion-MNIST is not installed (looked in %1): showing a digit instead. Install Debian's "
                      "dataset-fashion-mnist or set GRADSCOPE_FASHION_MNIST_DIR.").arg(dir);
        images_ = gs::data::load_builtin("digits");
      });
    }
  });
}

void AugmentationPage::chooseImage() {
  if (images_.size() == 0) return;
  {
    const QSignalBlocker block(index_);
    index_->setMaximum(static_cast<int>(images_.size() - 1));
  }
  image_ = images_.x.index({index_->value()});
  note_->setText(problem_);
  redraw();
}

AugmentParams AugmentationPage::params() const {
  AugmentParams p;
  p.degrees = rotate_->value();
  p.shift = shift_->value();
  p.zoom = zoom_->value() / 100.0;
  p.brightness = brightness_->value() / 100.0;
  p.noise = noise_->value() / 100.0;
  p.blur = blur_->value();
  p.seed = seed_;
  return p;
}

QSlider* AugmentationPage::slider(AugmentKind kind) const {
  switch (kind) {
    case AugmentKind::Rotate: return rotate_;
    case AugmentKind::Shift: return shift_;
    case AugmentKind::Zoom: return zoom_;
    case AugmentKind::Brightness: return brightness_;
    case AugmentKind::Noise: return noise_;
    case AugmentKind::Blur: return blur_;
    default: return nullptr;
  }
}

std::vector<float> AugmentationPage::tileValues(AugmentKind kind) const {
  return tiles_[static_cast<std::size_t>(kind)]->values();
}

QString AugmentationPage::note() const { return note_->text(); }

void AugmentationPage::redraw() {
  if (!image_.defined()) return;
  const AugmentParams p = params();
  for (AugmentKind kind : kAugmentKinds) tiles_[static_cast<std::size_t>(kind)]->setImage(augmentImage(image_, kind, p));
  const gs::Tensor copies = randomCopies(image_, p, kRandomCopies);
  for (int c = 0; c < kRandomCopies; ++c) random_tiles_[static_cast<std::size_t>(c)]->setImage(copies.index({c}));
  retranslate();
}

void AugmentationPage::reset() {
  const AugmentParams d;
  rotate_->setValue(static_cast<int>(d.degrees));
  shift_->setValue(static_cast<int>(d.shift));
  zoom_->setValue(static_cast<int>(d.zoom * 100));
  brightness_->setValue(static_cast<int>(d.brightness * 100));
  noise_->setValue(static_cast<int>(d.noise * 100));
  blur_->setValue(d.blur);
  seed_ = 0;
  redraw();
}

QString AugmentationPage::title() const { return tr("Augmentation"); }  // short: four tabs at 1024 px

QList<QPair<QString, QWidget*>> AugmentationPage::exportablePlots() const { return {{tr("Augmentation gallery"), gallery_}}; }

void AugmentationPage::retranslate() {
  image_group_->setTitle(tr("Image"));
  augment_group_->setTitle(tr("Augmentations"));
  dataset_->setItemText(0, tr("Digits (8×8)"));
  dataset_->setItemText(1, tr("Fashion-MNIST (28×28)"));
  dataset_label_->setText(tr("Data set"));
  index_label_->setText(tr("Image"));
  const AugmentParams p = params();
  const QStringList labels = {tr("Rotate"), tr("Shift"), tr("Zoom"), tr("Brightness"), tr("Noise"), tr("Blur")};
  for (int i = 0; i < labels.size(); ++i) slider_labels_[static_cast<std::size_t>(i)]->setText(labels[i]);
  redraw_button_->setText(tr("New random draw"));
  const QStringList captions = {tr("original"),
                                tr("rotated %1°").arg(p.degrees),
                                tr("shifted %1 px").arg(p.shift),
                                tr("zoom ×%1").arg(number(p.zoom, 2)),
                                tr("flipped"),
                                tr("brightness %1").arg(number(p.brightness, 2)),
                                tr("noise σ %1").arg(number(p.noise, 2)),
                                tr("blur ×%1").arg(p.blur)};
  for (std::size_t i = 0; i < tiles_.size(); ++i) tiles_[i]->setCaption(captions[static_cast<int>(i)]);
  for (std::size_t i = 0; i < random_tiles_.size(); ++i) random_tiles_[i]->setCaption(tr("copy %1").arg(i + 1));
  random_heading_->setText(tr("Random copies, as training with augmentation sees this image: every epoch a new draw within the sliders' ranges "
                              "(flips half the time)."));
}

void AugmentationPage::applyAppearance() {
  QFont f = font();
  f.setPointSizeF(Appearance::instance().fontPointSize());
  for (ImageTile* t : tiles_) t->setFont(f);
  for (ImageTile* t : random_tiles_) t->setFont(f);
  update();
}

nlohmann::json AugmentationPage::sessionState() const {
  const AugmentParams p = params();
  return {{"dataset", dataset_->currentData().toString().toStdString()}, {"image", index_->value()}, {"degrees", p.degrees},
          {"shift", p.shift}, {"zoom", p.zoom}, {"brightness", p.brightness}, {"noise", p.noise}, {"blur", p.blur}};
}

QString AugmentationPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected an object");
  AugmentParams p = params();
  std::string dataset;
  int image = index_->value();
  try {
    dataset = state.value("dataset", std::string("digits"));
    image = state.value("image", image);
    p.degrees = state.value("degrees", p.degrees);
    p.shift = state.value("shift", p.shift);
    p.zoom = state.value("zoom", p.zoom);
    p.brightness = state.value("brightness", p.brightness);
    p.noise = state.value("noise", p.noise);
    p.blur = state.value("blur", p.blur);
  } catch (const nlohmann::json::exception&) {
    return tr("dataset: expected a name; image, degrees, shift, zoom, brightness, noise, blur: expected numbers");
  }
  const int set = dataset_->findData(QString::fromStdString(dataset));
  if (set < 0) return tr("dataset: expected digits or fashion_mnist, got \"%1\"").arg(QString::fromStdString(dataset));
  if (image < 0) return tr("image: expected 0 or more, got %1").arg(image);
  dataset_->setCurrentIndex(set);
  index_->setValue(image);
  rotate_->setValue(static_cast<int>(p.degrees));
  shift_->setValue(static_cast<int>(p.shift));
  zoom_->setValue(static_cast<int>(std::lround(p.zoom * 100)));
  brightness_->setValue(static_cast<int>(std::lround(p.brightness * 100)));
  noise_->setValue(static_cast<int>(std::lround(p.noise * 100)));
  blur_->setValue(p.blur);
  return {};
}

}  // namespace gsui
