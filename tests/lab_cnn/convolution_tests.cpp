// The CNN lab's convolution page: what the animator reveals is exactly core's conv2d /
// max_pool2d / avg_pool2d (random geometries, channels and paddings, 'same' and 'valid'
// included); each window's terms add up to its cell; an impossible setting shows PyTorch's error
// and keeps the previous output; Step, Reset, Play and clicking a cell move the window.
#include <QtTest>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <cmath>
#include <random>

#include "labs/cnn/convolution_canvas.h"
#include "labs/cnn/convolution_model.h"
#include "labs/cnn/convolution_page.h"
#include "ops/conv_explain.h"
#include "ops/functional.h"
#include "util/error.h"

using namespace gsui;

namespace {

gs::Tensor randomTensor(std::mt19937& rng, const gs::Shape& shape) {
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<double> v(std::size_t(gs::numel_of(shape)));
  for (double& x : v) x = std::round(u(rng) * 100) / 100;  // two decimals, like the page's spin boxes
  return gs::from_vector(v, shape);
}

/// The input zero-padded by hand (top/left and bottom/right may differ): the reference for
/// 'same' padding, independent of conv_explain's own padding.
gs::Tensor padByHand(const gs::Tensor& x, const gs::Padding2d& p) {
  const std::int64_t c = x.size(0), h = x.size(1), w = x.size(2);
  const std::int64_t ph = h + p.top + p.bottom, pw = w + p.left + p.right;
  const std::vector<double> in = x.to_vector<double>();
  std::vector<double> out(std::size_t(c * ph * pw), 0.0);
  for (std::int64_t ch = 0; ch < c; ++ch)
    for (std::int64_t y = 0; y < h; ++y)
      for (std::int64_t q = 0; q < w; ++q) out[std::size_t((ch * ph + y + p.top) * pw + q + p.left)] = in[std::size_t((ch * h + y) * w + q)];
  return gs::from_vector(out, {c, ph, pw});
}

/// Reveals every cell by stepping and returns what the animator shows, cell by cell.
std::vector<double> stepToEnd(ConvolutionModel& model) {
  model.reset();
  std::vector<double> shown;
  while (model.step()) shown.push_back(model.outputValues()[std::size_t(model.current())]);
  return shown;
}

/// Largest |a − b| (and a size mismatch as infinity).
double maxDiff(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return INFINITY;
  double m = 0;
  for (std::size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

ConvolutionImage imageOf(const gs::Tensor& pixels) {
  ConvolutionImage image;
  image.pixels = pixels;
  image.levels.assign(std::size_t(pixels.numel()), 0);
  return image;
}

template <class T>
T* child(ConvolutionPage& page, const char* name) {
  T* w = page.controls()->findChild<T*>(name);
  if (!w) w = page.findChild<T*>(name);
  return w;
}

}  // namespace

class CnnConvolutionTest : public QObject {
  Q_OBJECT

 private slots:
  void animatorEqualsConv2d_data();
  void animatorEqualsConv2d();
  void animatorEqualsPooling_data();
  void animatorEqualsPooling();
  void samePaddingKeepsSize();
  void impossibleSettingKeepsOutput();
  void stepResetAndClick();
  void playFillsTheMap();
  void pageOutputIsCoreOutput();
  void editingAWeight();
  void threeChannelPhoto();
  void missingFashionMnist();
  void pytorchCode();
};

void CnnConvolutionTest::animatorEqualsConv2d_data() {
  QTest::addColumn<int>("seed");
  for (int seed = 1; seed <= 22; ++seed) QTest::addRow("random %d", seed) << seed;
}

void CnnConvolutionTest::animatorEqualsConv2d() {
  QFETCH(int, seed);
  std::mt19937 rng{std::uint32_t(seed)};
  auto pick = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::int64_t c = pick(0, 1) ? 3 : 1, h = pick(5, 11), w = pick(5, 11), k = pick(1, 5), o = pick(1, 3);
  gs::Conv2dArgs args;
  const std::int64_t s = pick(1, 3), d = pick(1, 2), p = pick(0, 2);
  args.stride = {s, s};
  args.dilation = {d, d};
  args.padding = {p, p};
  const int mode = pick(0, 3);
  args.padding_mode = mode == 1 ? gs::PaddingMode::Valid : mode == 2 && s == 1 ? gs::PaddingMode::Same : gs::PaddingMode::Explicit;
  const gs::Tensor x = randomTensor(rng, {c, h, w});
  ConvolutionSetup setup{.image = imageOf(x), .weight = randomTensor(rng, {o, c, k, k}), .bias = randomTensor(rng, {o}), .conv = args};

  ConvolutionModel model;
  const auto failure = model.apply(setup);
  const gs::WindowCheck check = gs::check_conv2d({h, w}, {k, k}, args);
  if (check.problem != gs::WindowProblem::None) {
    QVERIFY2(failure.has_value(), "core's check refused the setting but conv2d accepted it");
    QCOMPARE(int(failure->check.problem), int(check.problem));
    QVERIFY(!failure->torch_message.empty());
    QVERIFY(!model.ready());
    return;
  }
  QVERIFY2(!failure, failure ? failure->what.c_str() : "");
  // The reference: gs::conv2d on an input padded by hand, with no padding of its own.
  const gs::Padding2d pad = gs::conv2d_padding({k, k}, args);
  const gs::Tensor expected = gs::conv2d(padByHand(x, pad).unsqueeze(0), setup.weight, setup.bias, args.stride, {0, 0}, args.dilation);
  const auto out = gs::conv2d_output_size({h, w}, {k, k}, args);
  QCOMPARE(expected.shape(), (gs::Shape{1, o, out[0], out[1]}));
  QCOMPARE(model.output().shape(), (gs::Shape{o, out[0], out[1]}));
  const std::vector<double> shown = stepToEnd(model), want = expected.to_vector<double>();
  QVERIFY2(maxDiff(shown, want) < 1e-5, qPrintable(QString("animator vs conv2d: off by %1").arg(maxDiff(shown, want))));
  // Every window adds up to its cell: Σ input·weight + bias.
  for (std::int64_t cell = 0; cell < model.cellCount(); ++cell) {
    const auto [oc, oy, ox] = model.cellAt(cell);
    const gs::ConvWindow win = gs::conv2d_window(x, setup.weight, setup.bias, args, oc, oy, ox);
    QCOMPARE(std::int64_t(win.terms.size()), c * k * k);
    double sum = 0;
    for (const gs::ConvTerm& t : win.terms) {
      QCOMPARE(t.product, t.input * t.weight);
      if (t.in_padding) QCOMPARE(t.input, 0.0);
      sum += t.product;
    }
    QVERIFY(std::abs(sum + win.bias - win.output) < 1e-12);
    QVERIFY2(std::abs(win.output - want[std::size_t(cell)]) < 1e-5,
             qPrintable(QString("cell %1: window %2 vs conv2d %3").arg(cell).arg(win.output).arg(want[std::size_t(cell)])));
  }
}

void CnnConvolutionTest::animatorEqualsPooling_data() {
  QTest::addColumn<int>("seed");
  for (int seed = 1; seed <= 20; ++seed) QTest::addRow("random %d", seed) << seed;
}

void CnnConvolutionTest::animatorEqualsPooling() {
  QFETCH(int, seed);
  std::mt19937 rng{std::uint32_t(100 + seed)};
  auto pick = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::int64_t c = pick(1, 3), h = pick(4, 10), w = pick(4, 10), k = pick(1, 4), s = pick(1, 3), p = pick(0, k / 2);
  const bool max = seed % 2 == 1;
  const gs::Pool2dArgs args{.kernel_size = {k, k}, .stride = {s, s}, .padding = {p, p}};
  const gs::Tensor x = randomTensor(rng, {c, h, w});
  ConvolutionSetup setup{.image = imageOf(x), .operation = max ? ConvOperation::MaxPool : ConvOperation::AvgPool, .pool = args};
  ConvolutionModel model;
  const auto failure = model.apply(setup);
  if (gs::check_pool2d({h, w}, args).problem != gs::WindowProblem::None) {
    QVERIFY(failure.has_value());
    return;
  }
  QVERIFY2(!failure, failure ? failure->what.c_str() : "");
  const gs::Tensor expected = max ? gs::max_pool2d(x.unsqueeze(0), {k, k}, {s, s}, {p, p}) : gs::avg_pool2d(x.unsqueeze(0), {k, k}, {s, s}, {p, p});
  const std::vector<double> shown = stepToEnd(model), want = expected.to_vector<double>();
  QVERIFY2(maxDiff(shown, want) < 1e-6, qPrintable(QString("animator vs pooling: off by %1").arg(maxDiff(shown, want))));
  for (std::int64_t cell = 0; cell < model.cellCount(); ++cell) {
    const auto [ch, oy, ox] = model.cellAt(cell);
    const gs::PoolWindow win = gs::pool2d_window(x, setup.poolKind(), args, ch, oy, ox);
    QCOMPARE(std::int64_t(win.terms.size()), k * k);
    QVERIFY(std::abs(win.output - want[std::size_t(cell)]) < 1e-6);
    if (max) {
      QVERIFY(win.winner >= 0);
      QCOMPARE(win.terms[std::size_t(win.winner)].input, win.output);
      QVERIFY(!win.terms[std::size_t(win.winner)].in_padding);
      for (int i = 0; i < win.winner; ++i) QVERIFY2(win.terms[std::size_t(i)].input < win.output, "not the first maximum");
    } else {
      QCOMPARE(win.divisor, double(k * k));
      QVERIFY(std::abs(win.sum / win.divisor - win.output) < 1e-12);
    }
  }
}

void CnnConvolutionTest::samePaddingKeepsSize() {
  const gs::Tensor x = gs::ones({1, 2, 7, 9});
  for (std::int64_t k = 1; k <= 5; ++k) {
    for (std::int64_t d = 1; d <= 2; ++d) {
      const gs::Conv2dArgs same{.dilation = {d, d}, .padding_mode = gs::PaddingMode::Same};
      QCOMPARE(gs::conv2d_output_size({7, 9}, {k, k}, same), (std::array<std::int64_t, 2>{7, 9}));
      const gs::Tensor y = gs::conv2d_with_args(x, gs::ones({3, 2, k, k}), gs::Tensor(), same);
      QCOMPARE(y.shape(), (gs::Shape{1, 3, 7, 9}));
      // PyTorch's split: the smaller half before, the larger after.
      const gs::Padding2d p = gs::conv2d_padding({k, k}, same);
      QCOMPARE(p.top + p.bottom, d * (k - 1));
      QCOMPARE(p.top, d * (k - 1) / 2);
    }
  }
  const gs::Conv2dArgs strided{.stride = {2, 2}, .padding_mode = gs::PaddingMode::Same};
  QCOMPARE(int(gs::check_conv2d({7, 9}, {3, 3}, strided).problem), int(gs::WindowProblem::SameWithStride));
  try {
    gs::conv2d_with_args(x, gs::ones({1, 2, 3, 3}), gs::Tensor(), strided);
    QFAIL("padding='same' with stride 2 was accepted");
  } catch (const gs::Error& e) {
    QCOMPARE(QString::fromStdString(e.torch_message()), QString("RuntimeError: padding='same' is not supported for strided convolutions"));
  }
  const gs::Conv2dArgs valid{.padding = {2, 2}, .padding_mode = gs::PaddingMode::Valid};
  QCOMPARE(gs::conv2d_output_size({7, 9}, {3, 3}, valid), (std::array<std::int64_t, 2>{5, 7}));
}

void CnnConvolutionTest::impossibleSettingKeepsOutput() {
  ConvolutionPage page;
  QVERIFY(page.model().ready());
  QVERIFY(page.errorText().isEmpty());
  const std::vector<double> before = page.model().outputValues();
  const gs::Shape shape = page.model().output().shape();
  // A 5×5 kernel with dilation 3 spans 13 cells: more than the 8×8 digit.
  child<QSpinBox>(page, "kernelSize")->setValue(5);
  const std::vector<double> five = page.model().outputValues();
  child<QSpinBox>(page, "dilation")->setValue(3);
  QVERIFY2(page.errorText().contains("does not fit"), qPrintable(page.errorText()));
  QVERIFY2(page.errorText().contains("Kernel size can&#39;t be greater than actual input size") ||
               page.errorText().contains("Kernel size can't be greater than actual input size"),
           qPrintable(page.errorText()));
  QCOMPARE(page.model().outputValues(), five);  // the last output that worked stays
  QCOMPARE(page.model().setup().conv.dilation[0], std::int64_t(1));
  child<QSpinBox>(page, "dilation")->setValue(1);
  QVERIFY(page.errorText().isEmpty());
  child<QSpinBox>(page, "kernelSize")->setValue(3);
  QCOMPARE(page.model().outputValues(), before);
  QCOMPARE(page.model().output().shape(), shape);
  // padding='same' with stride 2: PyTorch refuses, the picture stays.
  child<QComboBox>(page, "paddingMode")->setCurrentIndex(2);
  const std::vector<double> same = page.model().outputValues();
  QCOMPARE(page.model().output().size(1), std::int64_t(8));
  child<QSpinBox>(page, "stride")->setValue(2);
  QVERIFY2(page.errorText().contains("not supported for strided convolutions"), qPrintable(page.errorText()));
  QCOMPARE(page.model().outputValues(), same);
  // Pooling with padding over half the kernel.
  child<QSpinBox>(page, "stride")->setValue(1);
  child<QComboBox>(page, "operation")->setCurrentIndex(1);
  QVERIFY(page.errorText().isEmpty());
  const std::vector<double> pooled = page.model().outputValues();
  child<QSpinBox>(page, "padding")->setValue(2);
  QVERIFY2(page.errorText().contains("pad should be at most half of effective kernel size"), qPrintable(page.errorText()));
  QCOMPARE(page.model().outputValues(), pooled);
}

void CnnConvolutionTest::stepResetAndClick() {
  ConvolutionPage page;
  page.resize(900, 600);
  page.show();
  QVERIFY(QTest::qWaitForWindowExposed(&page));
  const ConvolutionModel& m = page.model();
  QCOMPARE(m.outputHeight(), std::int64_t(6));  // 8×8 digit, 3×3 kernel, no padding
  QCOMPARE(m.revealed(), std::int64_t(0));
  page.step();
  page.step();
  page.step();
  QCOMPARE(m.revealed(), std::int64_t(3));
  QCOMPARE(m.current(), std::int64_t(2));
  auto* products = page.findChild<QLabel*>("products");
  QVERIFY2(products->text().contains("output[0, 0, 2]"), qPrintable(products->text()));
  QVERIFY(page.findChild<QLabel*>("productTable")->text().contains("×"));
  QTest::mouseClick(page.canvas(), Qt::LeftButton, {}, page.canvas()->outputCellCentre(0, 4, 5));
  QCOMPARE(m.current(), std::int64_t(4 * 6 + 5));
  QCOMPARE(m.revealed(), std::int64_t(4 * 6 + 5 + 1));
  QVERIFY(products->text().contains("output[0, 4, 5]"));
  const gs::ConvWindow win = m.convWindow();
  QCOMPARE(win.oy, std::int64_t(4));
  QVERIFY(std::abs(win.output - m.outputValues()[std::size_t(m.current())]) < 1e-5);
  page.reset();
  QCOMPARE(m.revealed(), std::int64_t(0));
  QCOMPARE(m.current(), std::int64_t(-1));
}

void CnnConvolutionTest::playFillsTheMap() {
  ConvolutionPage page;
  // Max pooling 4×4 / stride 4 on the 8×8 digit: four cells, about a second of play.
  child<QComboBox>(page, "operation")->setCurrentIndex(1);
  child<QSpinBox>(page, "kernelSize")->setValue(4);
  child<QSpinBox>(page, "stride")->setValue(4);
  QCOMPARE(page.model().cellCount(), std::int64_t(4));
  QSignalSpy stopped(&page, &CnnPage::stoppedPlaying);
  page.setPlaying(true);
  QVERIFY(page.playing());
  QVERIFY(stopped.wait(10000));
  QCOMPARE(stopped.count(), 1);
  QVERIFY(page.model().finished());
  QVERIFY(!page.playing());
  const gs::Tensor expected = gs::max_pool2d(page.model().setup().image.pixels.unsqueeze(0), {4, 4}, {4, 4});
  QCOMPARE(page.model().outputValues(), expected.to_vector<double>());
}

void CnnConvolutionTest::pageOutputIsCoreOutput() {
  ConvolutionPage page;
  child<QSpinBox>(page, "stride")->setValue(2);
  child<QSpinBox>(page, "padding")->setValue(1);
  child<QComboBox>(page, "kernelPreset")->setCurrentIndex(int(KernelPreset::Laplacian));
  child<QSpinBox>(page, "imageIndex")->setValue(7);
  ConvolutionModel& model = const_cast<ConvolutionModel&>(page.model());
  const ConvolutionSetup& s = model.setup();
  QCOMPARE(s.weight.to_vector<double>(), presetKernel(KernelPreset::Laplacian, 3));
  const gs::Tensor expected = gs::conv2d(s.image.pixels.unsqueeze(0), s.weight, s.bias, {2, 2}, {1, 1});
  QCOMPARE(model.output().shape(), (gs::Shape{1, 4, 4}));
  QVERIFY(maxDiff(stepToEnd(model), expected.to_vector<double>()) < 1e-6);
}

void CnnConvolutionTest::editingAWeight() {
  ConvolutionPage page;
  auto* cell = child<QDoubleSpinBox>(page, "weight_1_1");
  QVERIFY(cell);
  cell->setValue(2.5);
  QCOMPARE(child<QComboBox>(page, "kernelPreset")->currentIndex(), int(KernelPreset::Custom));
  QCOMPARE(page.model().setup().weight.to_vector<double>()[4], 2.5);
  child<QDoubleSpinBox>(page, "bias")->setValue(-1.0);
  QCOMPARE(page.model().setup().bias.to_vector<double>()[0], -1.0);
  page.step();
  const gs::ConvWindow win = page.model().convWindow();
  QCOMPARE(win.bias, -1.0);
  QCOMPARE(win.terms[4].weight, 2.5);
}

void CnnConvolutionTest::threeChannelPhoto() {
  ConvolutionPage page;
  child<QComboBox>(page, "imageSource")->setCurrentIndex(int(ImageSource::PhotoColor));
  QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
  const ConvolutionSetup& s = page.model().setup();
  QCOMPARE(s.image.pixels.shape(), (gs::Shape{3, 32, 32}));
  QCOMPARE(s.weight.shape(), (gs::Shape{1, 3, 3, 3}));
  child<QSpinBox>(page, "outChannels")->setValue(2);
  QCOMPARE(page.model().output().shape(), (gs::Shape{2, 30, 30}));
  page.step();
  QCOMPARE(page.model().convWindow().terms.size(), std::size_t(27));
}

void CnnConvolutionTest::missingFashionMnist() {
  qputenv("GRADSCOPE_FASHION_MNIST_DIR", "/nonexistent/fashion");
  ConvolutionPage page;
  const std::vector<double> before = page.model().outputValues();
  child<QComboBox>(page, "imageSource")->setCurrentIndex(int(ImageSource::FashionMnist));
  qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
  QVERIFY2(page.errorText().contains("dataset-fashion-mnist"), qPrintable(page.errorText()));
  QCOMPARE(child<QComboBox>(page, "imageSource")->currentIndex(), int(ImageSource::Digits));
  QCOMPARE(page.model().outputValues(), before);
  child<QComboBox>(page, "imageSource")->setCurrentIndex(int(ImageSource::PhotoGray));  // the others still work
  QCOMPARE(page.model().setup().image.pixels.shape(), (gs::Shape{1, 32, 32}));
}

void CnnConvolutionTest::pytorchCode() {
  ConvolutionPage page;
  child<QSpinBox>(page, "padding")->setValue(1);
  page.step();
  QString code = page.pytorchCode();
  QVERIFY2(code.contains("y = F.conv2d(x, weight, bias, stride=1, padding=1, dilation=1)"), qPrintable(code));
  QVERIFY(code.contains("weight = torch.tensor([[[[-1, -2, -1], [0, 0, 0], [1, 2, 1]]]])"));
  QVERIFY(code.contains("/ 16"));
  QVERIFY(code.contains("print(y[0, 0, 0, 0].item())"));
  child<QComboBox>(page, "paddingMode")->setCurrentIndex(2);
  QVERIFY(page.pytorchCode().contains("padding='same'"));
  child<QComboBox>(page, "operation")->setCurrentIndex(1);
  code = page.pytorchCode();
  QVERIFY2(code.contains("y = F.max_pool2d(x, kernel_size=2, stride=2, padding=0)"), qPrintable(code));
  QVERIFY(code.contains("nn.MaxPool2d(kernel_size=2, stride=2, padding=0)"));
}

int runConvolutionTests(int argc, char** argv) {
  CnnConvolutionTest tests;
  return QTest::qExec(&tests, argc, argv);
}

bool hasConvolutionTest(const char* name) {
  return CnnConvolutionTest::staticMetaObject.indexOfMethod(QByteArray(name) + "()") >= 0;
}

#include "convolution_tests.moc"
