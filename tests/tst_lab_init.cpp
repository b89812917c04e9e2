// Initialization lab: the histograms shown against core's statistics of the same activations, the
// textbook's three outcomes (saturation, collapse, a sane spread), zeros-init symmetry after
// training in the worker, pages, session state and Korean.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/language.h"
#include "autograd/grad_mode.h"
#include "labs/init/init_experiment.h"
#include "labs/init/init_lab.h"
#include "labs/init/init_page.h"
#include "labs/init/init_training_page.h"
#include "labs/init/layer_histograms_page.h"
#include "labs/init/scheme_grid_page.h"
#include "ops/functional.h"
#include "plots/plot_style.h"
#include "tensor/random.h"

using namespace gsui;
using init::Activation;
using init::Scheme;

namespace {
/// The same network and inputs as the lab, built here independently with core: each hidden
/// layer's activations.
std::vector<gs::Tensor> coreActivations(Scheme scheme, Activation activation, std::uint64_t seed) {
  gs::Generator generator(seed);
  auto model = gs::spec::build_model(init::mlpSpec(scheme, activation), gs::kFloat64, &generator);
  gs::Generator data(seed + 1000);
  gs::Tensor h = gs::randn({init::kBatch, init::kWidth}, {.dtype = gs::kFloat64}, &data);
  std::vector<gs::Tensor> out;
  gs::NoGradGuard no_grad;
  for (std::size_t i = 0; i < model->size(); ++i) {
    h = (*model)[i]->forward(h);
    if (i % 2 == 1) out.push_back(h);
  }
  return out;
}
double coreStd(const gs::Tensor& t) { return gs::var(t.flatten(), {0}, false).sqrt().item(); }
}  // namespace

class TestLabInit : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void histogramsMatchCoresStatistics_data() {
    QTest::addColumn<int>("scheme");
    QTest::addColumn<int>("activation");
    for (Scheme s : init::kHistogramSchemes)
      for (Activation a : init::kActivations)
        QTest::newRow(qPrintable(QString("%1/%2").arg(init::info(s).id, init::layerType(a)))) << static_cast<int>(s) << static_cast<int>(a);
  }
  void histogramsMatchCoresStatistics() {
    QFETCH(int, scheme);
    QFETCH(int, activation);
    const auto s = static_cast<Scheme>(scheme);
    const auto a = static_cast<Activation>(activation);
    LayerHistogramsPage page;
    page.setConfiguration(s, a, 3);
    const std::vector<gs::Tensor> core = coreActivations(s, a, 3);
    QCOMPARE(page.shownActivationHistograms().size(), init::kDepth);
    for (int k = 0; k < init::kDepth; ++k) {
      // Every value is counted once, in the histogram and in the bars drawn.
      QCOMPARE(page.shownActivationHistograms()[k].total(), std::int64_t(init::kBatch * init::kWidth));
      QCOMPARE(page.shownGradientHistograms()[k].total(), std::int64_t(init::kBatch * init::kWidth));
      auto* bars = qobject_cast<QCPBars*>(page.activationPlot(k)->plottable(0));
      QVERIFY(bars);
      double drawn = 0;
      for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) drawn += it->value;
      QCOMPARE(drawn, double(init::kBatch * init::kWidth));
      // The mean and std shown are core's of the same activations.
      const double mean = core[static_cast<std::size_t>(k)].mean().item(), std = coreStd(core[static_cast<std::size_t>(k)]);
      const init::LayerValues& shown = page.experiment().activations[static_cast<std::size_t>(k)];
      QVERIFY2(std::abs(shown.mean - mean) <= 1e-12 * (1 + std::abs(mean)) && std::abs(shown.std - std) <= 1e-12 * (1 + std),
               qPrintable(QString("layer %1: shown mean %2 std %3, core %4 %5").arg(k + 1).arg(shown.mean).arg(shown.std).arg(mean).arg(std)));
      const QString title = plotTitle(page.activationPlot(k));
      QVERIFY2(title.contains(InitPage::number(mean)) && title.contains(InitPage::number(std)), qPrintable(title));
    }
  }

  void stdPointOhOneCollapsesWithTanh() {
    const init::Experiment e = init::runExperiment(Scheme::Normal001, Activation::Tanh);
    QVERIFY2(e.activations.back().std < 1e-3, qPrintable(QString("last layer std %1, expected < 1e-3").arg(e.activations.back().std)));
    QVERIFY(e.activations.back().std < e.activations.front().std / 100);
  }

  void normalOneSaturatesTheSigmoid() {
    const init::Experiment e = init::runExperiment(Scheme::Normal1, Activation::Sigmoid);
    for (int k = 0; k < init::kDepth; ++k) {
      const auto& v = e.activations[static_cast<std::size_t>(k)].values;
      const auto saturated = std::count_if(v.begin(), v.end(), [](double x) { return x < 0.05 || x > 0.95; });
      const double fraction = static_cast<double>(saturated) / static_cast<double>(v.size());
      QVERIFY2(fraction > 0.5, qPrintable(QString("layer %1: %2 of values within 0.05 of 0 or 1, expected most").arg(k + 1).arg(fraction)));
    }
  }

  void xavierTanhAndHeReluStaySpread_data() {
    QTest::addColumn<int>("scheme");
    QTest::addColumn<int>("activation");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("xavier/tanh") << int(Scheme::Xavier) << int(Activation::Tanh) << 0.2 << 1.0;
    QTest::newRow("xavier/sigmoid") << int(Scheme::Xavier) << int(Activation::Sigmoid) << 0.1 << 0.5;
    QTest::newRow("he/relu") << int(Scheme::He) << int(Activation::ReLU) << 0.4 << 2.5;
  }
  void xavierTanhAndHeReluStaySpread() {
    QFETCH(int, scheme);
    QFETCH(int, activation);
    QFETCH(double, low);
    QFETCH(double, high);
    const std::vector<double> stds = init::activationStds(static_cast<Scheme>(scheme), static_cast<Activation>(activation));
    for (std::size_t k = 0; k < stds.size(); ++k)
      QVERIFY2(stds[k] > low && stds[k] < high, qPrintable(QString("layer %1 std %2 outside (%3, %4)").arg(k + 1).arg(stds[k]).arg(low).arg(high)));
  }

  void gridShowsTheSameStds() {
    SchemeGridPage grid;
    for (Scheme s : init::kHistogramSchemes)
      for (Activation a : init::kActivations) {
        const std::vector<gs::Tensor> core = coreActivations(s, a, 0);
        for (std::size_t k = 0; k < core.size(); ++k) QVERIFY(std::abs(grid.stds(s, a)[k] - coreStd(core[k])) <= 1e-12 * (1 + coreStd(core[k])));
        QCOMPARE(grid.cell(s, a)->graph(0)->dataCount(), init::kDepth);
      }
  }

  void zerosInitKeepsUnitsIdenticalAfterTraining() {
    InitLab lab;
    QVERIFY(lab.showPage("training"));
    InitTrainingPage* page = lab.trainingPage();
    page->setActivation(Activation::Sigmoid);  // sigmoid(0) = 0.5: gradients flow, and still every unit is the same
    page->setSteps(60);
    lab.step();
    QVERIFY(lab.busy());
    QTRY_VERIFY_WITH_TIMEOUT(page->finished(), 60000);
    const auto& zeros = page->runs()[static_cast<std::size_t>(Scheme::Zeros)];
    const auto& he = page->runs()[static_cast<std::size_t>(Scheme::He)];
    QCOMPARE(zeros.losses.size(), std::size_t(60));
    QCOMPARE(zeros.unit_spread.size(), std::size_t(init::kDepth));
    for (int k = 0; k < init::kDepth; ++k) {
      QVERIFY2(zeros.unit_spread[static_cast<std::size_t>(k)] < 1e-6,  // float32 rounding only (He: > 0.1)
               qPrintable(QString("layer %1: max |W_i - W_0| = %2").arg(k + 1).arg(zeros.unit_spread[static_cast<std::size_t>(k)])));
      QVERIFY(he.unit_spread[static_cast<std::size_t>(k)] > 0.1);
      QCOMPARE(page->symmetryTable()->item(int(Scheme::Zeros), k)->text(), QString("0"));
    }
    // The zeros network did change (the head learnt), yet its hidden units are one unit copied.
    QVERIFY(zeros.losses.front() != zeros.losses.back());
    QCOMPARE(page->lossPlot()->graphCount(), 5);
  }

  void spreadOfWeightsIsComputedFromTheModel() {
    gs::Generator g(1);
    auto model = gs::spec::build_model(init::mlpSpec(Scheme::Zeros, Activation::Tanh, 4, 2), gs::kFloat64, &g);
    QCOMPARE(init::unitSpread(*model, 0), 0.0);
    gs::Tensor w = model->named_parameters()[0].second;
    {
      std::vector<double> values = w.to_vector<double>();
      values[3 * 4 + 1] = 0.25;  // row 3 (a unit), column 1
      gs::NoGradGuard no_grad;
      w.copy_(gs::from_vector(values, w.shape(), {.dtype = gs::kFloat64}));
    }
    QCOMPARE(init::unitSpread(*model, 0), 0.25);
  }

  void pagesCodeAndSessionState() {
    InitLab lab;
    QCOMPARE(lab.pageIds(), (QStringList{"activations", "grid", "training"}));
    lab.histogramsPage()->setConfiguration(Scheme::Normal001, Activation::Tanh, 5);
    QVERIFY(lab.pytorchCode().contains("nn.init.normal_(m.weight, mean=0.0, std=0.01)"));
    QVERIFY(lab.pytorchCode().contains("torch.manual_seed(5)"));
    lab.histogramsPage()->setConfiguration(Scheme::He, Activation::ReLU);
    QVERIFY(lab.pytorchCode().contains("nn.init.kaiming_normal_(m.weight, nonlinearity='relu')"));
    lab.histogramsPage()->setConfiguration(Scheme::Xavier, Activation::Sigmoid);
    QVERIFY(lab.pytorchCode().contains("nn.init.xavier_uniform_(m.weight)"));
    QVERIFY(lab.pytorchCode().contains(".hist("));
    QVERIFY(lab.showPage("grid"));
    QVERIFY(lab.pytorchCode().contains("std(unbiased=False)"));
    QVERIFY(lab.showPage("training"));
    QVERIFY(lab.pytorchCode().contains("nn.init.zeros_"));
    QVERIFY(!lab.showPage("nope"));

    lab.histogramsPage()->setConfiguration(Scheme::Normal001, Activation::ReLU, 7);
    lab.trainingPage()->setSteps(120);
    const nlohmann::json state = lab.sessionState();
    InitLab other;
    QCOMPARE(other.restoreSessionState(state), QString());
    QCOMPARE(other.currentPageId(), QString("training"));
    QCOMPARE(other.histogramsPage()->scheme(), Scheme::Normal001);
    QCOMPARE(other.histogramsPage()->activation(), Activation::ReLU);
    QCOMPARE(other.trainingPage()->steps(), 120);
    nlohmann::json bad = state;
    bad["training"]["steps"] = -4;
    InitLab third;
    QVERIFY(third.restoreSessionState(bad).contains("steps"));
    QCOMPARE(third.histogramsPage()->scheme(), Scheme::Normal1);  // nothing half-applied
    bad = state;
    bad["activations"]["scheme"] = "huge";
    QVERIFY(third.restoreSessionState(bad).contains("scheme"));
  }

  void histogramsStayReadableWhenNarrow() {
    // Both rows of five where five small multiples fit side by side; narrower (1024×768 in
    // presentation mode), one row at a time in three columns, chosen by two buttons.
    LayerHistogramsPage page;
    const QSize least = InitPage::smallMultipleSize();
    for (int k = 0; k < init::kDepth; ++k) {
      QVERIFY(page.activationPlot(k)->property("gsSmallMultiple").toBool());
      QVERIFY(page.gradientPlot(k)->property("gsSmallMultiple").toBool());
    }
    page.resize(5 * least.width() + 60, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(!page.oneRowAtATime());
    QVERIFY(!page.showActivationsButton()->isVisible());
    for (int k = 0; k < init::kDepth; ++k) {
      QVERIFY(page.activationPlot(k)->isVisible() && page.gradientPlot(k)->isVisible());
      QVERIFY(page.activationPlot(k)->width() >= least.width() && page.activationPlot(k)->height() >= least.height());
    }
    page.resize(4 * least.width(), 700);
    QTRY_VERIFY(page.oneRowAtATime());
    QVERIFY(page.showActivationsButton()->isVisible() && page.showActivationsButton()->isChecked());
    for (int k = 0; k < init::kDepth; ++k) {
      QVERIFY(page.activationPlot(k)->isVisible());
      QVERIFY(!page.gradientPlot(k)->isVisible());
    }
    QTest::mouseClick(page.showGradientsButton(), Qt::LeftButton);
    QVERIFY(!page.showActivationsButton()->isChecked());
    QCoreApplication::processEvents();
    for (int k = 0; k < init::kDepth; ++k) {
      QVERIFY(!page.activationPlot(k)->isVisible());
      QVERIFY(page.gradientPlot(k)->isVisible());
      QTRY_VERIFY(page.gradientPlot(k)->width() >= least.width() && page.gradientPlot(k)->height() >= least.height());
    }
    page.resize(5 * least.width() + 60, 700);
    QTRY_VERIFY(!page.oneRowAtATime());
    for (int k = 0; k < init::kDepth; ++k) QVERIFY(page.activationPlot(k)->isVisible() && page.gradientPlot(k)->isVisible());
    // Presentation mode's scale raises the least size of each.
    Appearance::instance().setPresentation(true);
    QVERIFY(InitPage::smallMultipleSize().width() > least.width());
    Appearance::instance().setPresentation(false);
  }

  void koreanShowsKorean() {
    Language::instance().setLanguage("ko");
    const QString explanation = Language::instance().explanation("init");
    InitLab lab;
    const QString tab = lab.tabs()->tabText(0);
    Language::instance().setLanguage("en");
    QVERIFY2(explanation.contains(QString::fromUtf8("초기화")), qPrintable(explanation.left(200)));
    QVERIFY2(tab.contains(QString::fromUtf8("히스토그램")), qPrintable(tab));
    QTRY_COMPARE(lab.tabs()->tabText(0), QString("Histograms"));  // and back
  }
};

QTEST_MAIN(TestLabInit)
#include "tst_lab_init.moc"
