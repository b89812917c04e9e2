// The Train page's widgets: the controls panel, the views, and their texts.
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "app/control_group.h"
#include "labs/cnn/cnn_class_views.h"
#include "labs/cnn/cnn_image_views.h"
#include "labs/cnn/cnn_train_page.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {

constexpr double kRates[] = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3};
constexpr int kBatches[] = {16, 32, 64, 128, 256};

QComboBox* combo(const char* name) {
  auto* c = new QComboBox;
  c->setObjectName(name);
  return c;
}

QCheckBox* check(const char* name) {
  auto* c = new QCheckBox;
  c->setObjectName(name);
  return c;
}

}  // namespace

void CnnTrainPage::buildControls() {
  data_group_ = new ControlGroup(controlsLayout());
  dataset_ = combo("dataset");
  dataset_->addItem(QString(), "digits");
  dataset_->addItem(QString(), "fashion_mnist");
  dataset_->addItem(QString(), QString(kImageFolder));  // the learner's own images
  dataset_label_ = data_group_->addRow(dataset_);
  choose_folder_ = new QPushButton;
  choose_folder_->setObjectName("chooseFolder");
  data_group_->addWideRow(choose_folder_);
  folder_size_ = combo("folderSize");
  for (int s : kFolderSizes) folder_size_->addItem(QStringLiteral("%1 × %1").arg(s), s);
  folder_size_label_ = data_group_->addRow(folder_size_);
  folder_color_ = check("folderColor");
  data_group_->addWideRow(folder_color_);
  subset_ = new QSpinBox;
  subset_->setObjectName("subset");
  subset_->setRange(1000, 70000);
  subset_->setSingleStep(1000);
  subset_label_ = data_group_->addRow(subset_);
  augment_ = check("augment");
  data_group_->addWideRow(augment_);

  net_group_ = new ControlGroup(controlsLayout());
  preset_ = combo("preset");
  for (int i = 0; i <= static_cast<int>(CnnPreset::FromFile); ++i) preset_->addItem(QString(), i);
  preset_label_ = net_group_->addRow(preset_);
  open_network_ = new QPushButton;
  open_network_->setObjectName("openNetwork");
  from_builder_ = new QPushButton;
  from_builder_->setObjectName("fromBuilder");
  net_group_->addWideRow(open_network_);
  net_group_->addWideRow(from_builder_);

  train_group_ = new ControlGroup(controlsLayout());
  fork_button_ = new QPushButton;
  fork_button_->setObjectName("fork");
  fork_button_->setCheckable(true);
  fork_button_->setProperty("gsPrimary", true);
  train_group_->addWideRow(fork_button_);
  optimizer_ = combo("optimizer");
  for (auto kind : {gs::optim::OptimizerKind::SGD, gs::optim::OptimizerKind::Adam, gs::optim::OptimizerKind::AdamW,
                    gs::optim::OptimizerKind::RMSprop})
    optimizer_->addItem(QString::fromLatin1(gs::optim::optimizer_name(kind)), static_cast<int>(kind));
  optimizer_label_ = train_group_->addRow(optimizer_);
  lr_ = combo("lr");
  for (double r : kRates) lr_->addItem(QString::number(r), r);
  lr_label_ = train_group_->addRow(lr_);
  batch_ = combo("batch");
  for (int b : kBatches) batch_->addItem(QString::number(b), b);
  batch_label_ = train_group_->addRow(batch_);

  mistake_group_ = new ControlGroup(controlsLayout());
  no_flatten_ = check("noFlatten");
  lr_too_high_ = check("lrTooHigh");
  wrong_channels_ = check("wrongChannels");
  for (QCheckBox* c : {no_flatten_, lr_too_high_, wrong_channels_}) mistake_group_->addWideRow(c);

  controlsLayout()->addStretch(1);

  for (QComboBox* c : {dataset_, preset_, optimizer_, lr_, batch_, folder_size_})
    connect(c, &QComboBox::currentIndexChanged, this, &CnnTrainPage::readControls);
  for (QCheckBox* c : {augment_, no_flatten_, lr_too_high_, wrong_channels_, folder_color_})
    connect(c, &QCheckBox::toggled, this, &CnnTrainPage::readControls);
  connect(choose_folder_, &QPushButton::clicked, this, &CnnTrainPage::chooseFolder);
  connect(subset_, &QSpinBox::editingFinished, this, &CnnTrainPage::readControls);
  connect(open_network_, &QPushButton::clicked, this, &CnnTrainPage::openNetwork);
  connect(fork_button_, &QPushButton::clicked, this, [this](bool on) {
    if (!on) {
      endFork();
      return;
    }
    if (const QString problem = fork(); !problem.isEmpty()) {
      status_->setText(problem);
      emit message(problem);
    }
  });
  connect(from_builder_, &QPushButton::clicked, this, [this] {
    const QString problem = takeBuilderNetwork();
    if (!problem.isEmpty()) {
      status_->setText(problem);
      emit message(problem);
    }
  });
}

void CnnTrainPage::buildView() {
  curves_ = makePlot(QString(), QString(), this);
  curves_->setObjectName("curves");
  curves_->addGraph();                                       // 0: training loss per step
  curves_->addGraph(curves_->xAxis2, curves_->yAxis2);       // 1: train accuracy per epoch
  curves_->addGraph(curves_->xAxis2, curves_->yAxis2);       // 2: test accuracy per epoch
  curves_->graph(0)->setPen(seriesPen(0));
  curves_->graph(1)->setPen(seriesPen(1, Qt::DashLine));
  curves_->graph(2)->setPen(seriesPen(2));
  // The app's one marker language (app/palette.h): filled for training, hollow for test. Test
  // accuracy's rings sit around train accuracy's dots, so both stay visible where they coincide.
  curves_->graph(1)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
  curves_->graph(2)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 11));
  curves_->yAxis2->setVisible(true);
  curves_->yAxis2->setRange(0, 1);
  placeLegendBelow(curves_, /*columns=*/true);
  curves_->setMinimumHeight(200);
  setPlotHint(curves_, curvesHint());
  status_ = new QLabel;  // in the view, above the curves: the run's state stays in sight
  status_->setObjectName("status");
  status_->setWordWrap(true);

  strip_label_ = new QLabel;
  strip_label_->setWordWrap(true);
  strip_ = new ImageStrip;
  strip_->setObjectName("testStrip");
  maps_ = new FeatureMapView;
  maps_->setObjectName("featureMaps");
  auto* left = new QWidget;
  auto* ll = new QVBoxLayout(left);
  ll->setContentsMargins(0, 0, 0, 0);
  ll->addWidget(status_);
  ll->addWidget(curves_, 6);
  ll->addWidget(strip_label_);
  ll->addWidget(strip_, 2);
  // The maps scroll when the curves and the strip leave them less than a readable line per row
  // (a projector's font at 1280×720): the curves keep their room, the labels their size.
  auto* maps_scroll = new QScrollArea;
  maps_scroll->setObjectName("featureMapsScroll");
  maps_scroll->setWidget(maps_);
  maps_scroll->setWidgetResizable(true);
  maps_scroll->setFrameShape(QFrame::NoFrame);
  maps_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  ll->addWidget(maps_scroll, 6);

  confusion_ = new ConfusionGrid;
  confusion_->setObjectName("confusion");
  gallery_ = new ImageGallery;
  gallery_->setObjectName("gallery");
  auto* matrix_page = new QWidget;
  auto* ml = new QVBoxLayout(matrix_page);
  ml->addWidget(confusion_, 3);
  ml->addWidget(gallery_, 2);

  pad_ = new DrawingPad;
  pad_->setObjectName("drawingPad");
  bars_ = new ProbabilityBars;
  bars_->setObjectName("probabilities");
  clear_pad_ = new QPushButton;
  clear_pad_->setObjectName("clearPad");
  pad_note_ = new QLabel;
  pad_note_->setWordWrap(true);
  auto* draw_page = new QWidget;
  auto* dl = new QVBoxLayout(draw_page);
  dl->addWidget(pad_note_);
  dl->addWidget(pad_, 3);
  dl->addWidget(clear_pad_);
  dl->addWidget(bars_, 2);

  layers_ = new QTableWidget(0, 3);
  layers_->setObjectName("layers");
  layers_->verticalHeader()->setVisible(false);
  layers_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  layers_->horizontalHeader()->setStretchLastSection(true);
  layers_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  layers_error_ = new QLabel;
  layers_error_->setObjectName("layersError");
  layers_error_->setWordWrap(true);
  layers_error_->setStyleSheet(QStringLiteral("color: #c62828;"));
  auto* net_page = new QWidget;
  auto* nl = new QVBoxLayout(net_page);
  nl->addWidget(layers_error_);
  nl->addWidget(layers_, 1);

  inside_ = new QTabWidget;
  inside_->setObjectName("insideTabs");
  inside_->setUsesScrollButtons(false);
  inside_->addTab(matrix_page, QString());
  inside_->addTab(draw_page, QString());
  inside_->addTab(net_page, QString());

  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(left);
  split->addWidget(inside_);
  split->setStretchFactor(0, 4);
  split->setStretchFactor(1, 3);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(split);

  connect(strip_, &ImageStrip::imageClicked, this, &CnnTrainPage::chooseImage);
  connect(confusion_, &ConfusionGrid::cellClicked, this, &CnnTrainPage::showCell);
  connect(pad_, &DrawingPad::drawn, this, &CnnTrainPage::drawingChanged);
  connect(clear_pad_, &QPushButton::clicked, pad_, &DrawingPad::clear);
}

void CnnTrainPage::showSetup() {
  updating_ = true;
  dataset_->setCurrentIndex(dataset_->findData(setup_.dataset));
  subset_->setValue(setup_.subset);
  // The digits are few (1,797): all of them are used.
  subset_->setVisible(setup_.dataset == QLatin1String("fashion_mnist"));
  subset_label_->setVisible(subset_->isVisibleTo(controls()));
  // The learner's folder: its name in the data set menu, and its size and colour.
  const bool folder = setup_.dataset == QLatin1String(kImageFolder);
  dataset_->setItemText(2, setup_.folder.isEmpty() ? tr("Your own images…") : tr("Folder: %1").arg(QFileInfo(setup_.folder).fileName()));
  dataset_->setItemData(2, setup_.folder, Qt::ToolTipRole);
  for (QWidget* w : std::initializer_list<QWidget*>{choose_folder_, folder_size_, folder_size_label_, folder_color_}) w->setVisible(folder);
  folder_size_->setCurrentIndex(std::max(0, folder_size_->findData(setup_.folderSize)));
  folder_color_->setChecked(setup_.folderChannels == 3);
  augment_->setChecked(setup_.augment);
  preset_->setCurrentIndex(static_cast<int>(setup_.preset));
  optimizer_->setCurrentIndex(std::max(0, optimizer_->findData(static_cast<int>(setup_.optimizer))));
  int lr_index = 0;
  for (int i = 0; i < lr_->count(); ++i)
    if (std::abs(lr_->itemData(i).toDouble() - setup_.lr) < std::abs(lr_->itemData(lr_index).toDouble() - setup_.lr)) lr_index = i;
  lr_->setCurrentIndex(lr_index);
  batch_->setCurrentIndex(std::max(0, batch_->findData(setup_.batchSize)));
  no_flatten_->setChecked(setup_.noFlatten);
  lr_too_high_->setChecked(setup_.lrTooHigh);
  wrong_channels_->setChecked(setup_.wrongChannels);
  lr_->setEnabled(!setup_.lrTooHigh);
  updating_ = false;
}

void CnnTrainPage::retranslate() {
  if (curves_->graph(0)->dataCount() == 0) setPlotHint(curves_, curvesHint());
  data_group_->setTitle(tr("Data"));
  dataset_->setItemText(0, tr("Digits (8×8)"));
  dataset_->setItemText(1, tr("Fashion-MNIST (28×28)"));
  choose_folder_->setText(tr("Choose a folder…"));
  choose_folder_->setToolTip(tr("A folder with one subfolder per class holding PNG or JPEG images (torchvision's ImageFolder): "
                                "flowers/rose/1.jpg, flowers/tulip/2.png, …"));
  folder_size_label_->setText(tr("Image size"));
  folder_color_->setText(tr("In colour (RGB)"));
  folder_color_->setToolTip(tr("Off: the images are made gray (one channel), as the digits and Fashion-MNIST are"));
  dataset_label_->setText(tr("Images"));
  subset_label_->setText(tr("Images used"));
  augment_->setText(tr("Augmentation"));
  augment_->setToolTip(tr("Each training batch is shifted, turned, scaled and changed in contrast at random"));
  net_group_->setTitle(tr("Network"));
  preset_label_->setText(tr("Preset"));
  preset_->setItemText(0, tr("LeNet-like"));
  preset_->setItemText(1, tr("VGG-style (Conv-Conv-Pool)"));
  preset_->setItemText(2, tr("Residual blocks"));
  preset_->setItemText(3, tr("MLP (no convolution)"));
  preset_->setItemText(4, tr("Your own network"));
  open_network_->setText(tr("Open…"));
  from_builder_->setText(tr("From the builder"));
  from_builder_->setToolTip(tr("Train the network the Network builder lab shows now"));
  open_network_->setToolTip(tr("Open a network saved by the network builder, or a scenario of this lab"));
  train_group_->setTitle(tr("Training"));
  optimizer_label_->setText(tr("Optimizer"));
  lr_label_->setText(tr("Learning rate"));
  batch_label_->setText(tr("Batch size"));
  mistake_group_->setTitle(tr("Mistakes on purpose"));
  no_flatten_->setText(tr("No Flatten before Linear"));
  lr_too_high_->setText(tr("Learning rate too high (%1)").arg(kTooHighLr));
  wrong_channels_->setText(tr("Wrong input channels (3)"));
  curves_->xAxis->setLabel(tr("step"));
  curves_->yAxis->setLabel(tr("loss"));
  curves_->yAxis2->setLabel(tr("accuracy"));
  curves_->xAxis2->setLabel(tr("epoch"));
  curves_->graph(0)->setName(tr("loss"));
  curves_->graph(1)->setName(tr("train acc."));
  curves_->graph(2)->setName(tr("test acc."));
  showForkState();  // (with a fork, A's names start with "A:")
  strip_label_->setText(tr("Click a test image to see its feature maps:"));
  maps_->setFiltersTitle(tr("Filters (layer 1)"));
  inside_->setTabText(0, tr("Confusion"));
  inside_->setTabText(1, tr("Draw"));
  inside_->setTabText(2, tr("Layers"));
  confusion_->setAxisTitles(tr("true class"), tr("predicted class"));
  confusion_->setClassNames(trainClassNames());
  bars_->setClassNames(trainClassNames());
  clear_pad_->setText(tr("Clear"));
  pad_note_->setText(tr("Draw with the left mouse button, erase with the right one."));
  layers_->setHorizontalHeaderLabels({tr("Layer"), tr("Output shape"), tr("Parameters")});
  showLayers();
  if (const auto frame = session_.latestFrame()) showFrame(*frame);
  fitLegend();
  curves_->replot();
}

}  // namespace gsui
