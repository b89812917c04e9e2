// Deep networks lab, shortcuts page: the gradient norms it shows against core's on networks built
// here independently from the same scenarios, the vanishing gradient of the plain 20-layer MLP
// against the residual one, training driven by the page's button, reset, session state and Korean.
#include <QtTest>

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <cmath>
#include <numeric>
#include <qcustomplot.h>

#include "test_timing.h"
#include "app/language.h"
#include "labs/deep/deep_lab.h"
#include "labs/deep/shortcuts_experiment.h"
#include "labs/deep/shortcuts_page.h"
#include "nn/diagnostics.h"
#include "nn/linear.h"
#include "nn/loss.h"
#include "ops/functional.h"

using namespace gsui;
using shortcuts::kPlain;
using shortcuts::kResidual;
using shortcuts::Network;

namespace {
/// ‖∂L/∂W‖ per weight of the scenario's network at initialization, computed here with core alone:
/// make_run, the first kMeasureSamples training samples, cross-entropy, backward.
std::vector<double> coreInitialNorms(Network network, bool residual) {
  gs::spec::Scenario s = shortcuts::scenario(network, residual);
  gs::spec::Run run = gs::spec::make_run(s);
  gs::train::Trainer& t = *run.trainer;
  std::vector<std::int64_t> first(shortcuts::kMeasureSamples);
  std::iota(first.begin(), first.end(), std::int64_t(0));
  const gs::data::Dataset batch = t.train_set().subset(first);
  gs::cross_entropy(t.model().forward(batch.x), batch.y).backward();
  std::vector<double> norms;
  for (const auto& [name, norm] : gs::nn::weight_gradient_norms(t.model())) norms.push_back(norm);
  return norms;
}
}  // namespace

class TestLabDeepShortcuts : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void weightGradientNormsAreFrobeniusNorms() {
    gs::Generator g(3);
    gs::nn::Sequential model;
    model.push_back(std::make_shared<gs::nn::Linear>(gs::nn::LinearOptions{.in_features = 3, .out_features = 4}, gs::kFloat64, &g));
    model.push_back(std::make_shared<gs::nn::Linear>(gs::nn::LinearOptions{.in_features = 4, .out_features = 2}, gs::kFloat64, &g));
    // Before any backward no weight has a .grad: 0 each, biases left out.
    auto norms = gs::nn::weight_gradient_norms(model);
    QCOMPARE(norms.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(norms[0].first), QString("0.weight"));
    QCOMPARE(QString::fromStdString(norms[1].first), QString("1.weight"));
    QCOMPARE(norms[0].second, 0.0);
    const gs::Tensor x = gs::randn({5, 3}, {.dtype = gs::kFloat64}, &g);
    (model.forward(x) * model.forward(x)).sum().backward();
    norms = gs::nn::weight_gradient_norms(model);
    const auto params = model.named_parameters();
    int at = 0;
    for (const auto& [name, p] : params) {
      if (p.dim() < 2) continue;
      double sum = 0;
      for (double v : p.grad().to_vector<double>()) sum += v * v;
      QVERIFY2(std::abs(norms[static_cast<std::size_t>(at)].second - std::sqrt(sum)) < 1e-12 * std::sqrt(sum),
               qPrintable(QString("%1: %2 vs %3").arg(QString::fromStdString(name)).arg(norms[static_cast<std::size_t>(at)].second).arg(std::sqrt(sum))));
      QVERIFY(sum > 0);
      ++at;
    }
    QCOMPARE(at, 2);
  }

  void shownInitialNormsAreCores() {
    ShortcutsPage page;
    QCOMPARE(page.network(), Network::Mlp);
    QCOMPARE(page.epoch(), 0);
    for (int which : {kPlain, kResidual}) {
      const std::vector<double> expected = coreInitialNorms(Network::Mlp, which == kResidual);
      const std::vector<double>& shown = page.curves()[static_cast<std::size_t>(which)].init_norms;
      QCOMPARE(shown.size(), std::size_t(20));  // 20 Linear layers either way
      QCOMPARE(shown.size(), expected.size());
      for (std::size_t k = 0; k < shown.size(); ++k)
        QVERIFY2(std::abs(shown[k] - expected[k]) <= 1e-6 * expected[k],
                 qPrintable(QString("layer %1: shown %2, core %3").arg(k + 1).arg(shown[k]).arg(expected[k])));
    }
    // And the plot draws them: graph 0 is plain at initialization, graph 1 residual.
    QCOMPARE(page.normsPlot()->graph(0)->data()->size(), 20);
    QCOMPARE(page.normsPlot()->graph(0)->data()->at(0)->value, page.curves()[kPlain].init_norms[0]);
    QCOMPARE(page.normsPlot()->graph(1)->data()->at(0)->value, page.curves()[kResidual].init_norms[0]);
    QCOMPARE(page.normsPlot()->graph(2)->data()->size(), 0);  // nothing trained yet
  }

  void plainGradientVanishesAndResidualTrains() {
    ShortcutsPage page;
    const auto& init = page.curves();
    const double plain_first = init[kPlain].init_norms.front(), residual_first = init[kResidual].init_norms.front();
    QVERIFY2(plain_first < residual_first / 100, qPrintable(QString("plain %1, residual %2").arg(plain_first).arg(residual_first)));
    // In the plain net the gradient shrinks on its way to the input; with shortcuts it does not.
    QVERIFY(init[kPlain].init_norms.front() < init[kPlain].init_norms.back() / 1000);
    QVERIFY(init[kResidual].init_norms.front() > init[kResidual].init_norms.back() / 100);

    page.setEpochs(40);
    QTest::mouseClick(page.controls()->findChild<QPushButton*>("shortcutsTrain"), Qt::LeftButton);
    QVERIFY(page.busy());
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), gstest::waitMs(30000));
    QCOMPARE(page.epoch(), 40);
    const auto& c = page.curves();
    QCOMPARE(c[kPlain].losses.size(), std::size_t(41));  // at initialization, then every epoch
    QCOMPARE(c[kResidual].norms.size(), std::size_t(20));
    QVERIFY2(c[kResidual].losses.back() < c[kPlain].losses.back() / 2,
             qPrintable(QString("loss: residual %1, plain %2").arg(c[kResidual].losses.back()).arg(c[kPlain].losses.back())));
    QVERIFY2(c[kResidual].test_accuracy > 0.9, qPrintable(QString::number(c[kResidual].test_accuracy)));
    QVERIFY2(c[kPlain].test_accuracy < 0.75, qPrintable(QString::number(c[kPlain].test_accuracy)));
    QCOMPARE(page.lossPlot()->graph(kResidual)->data()->size(), 41);

    // Step: one more epoch; Reset: back to initialization, measured again (same seed, same numbers).
    page.step();
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 10000);
    QCOMPARE(page.epoch(), 41);
    page.reset();
    QCOMPARE(page.epoch(), 0);
    QCOMPARE(page.curves()[kPlain].losses.size(), std::size_t(1));
    QVERIFY(page.curves()[kPlain].norms.empty());
    QCOMPARE(page.curves()[kPlain].init_norms.front(), plain_first);
    QCOMPARE(page.curves()[kResidual].init_norms.front(), residual_first);
  }

  void stepsQueueBehindARunningJob() {
    ShortcutsPage page;
    page.step();
    page.step();
    page.step();  // as `--steps 3` does: three calls in a row
    QVERIFY(page.busy());
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 10000);
    QCOMPARE(page.epoch(), 3);
  }

  void codeHasBothNetworksAndTheNorms() {
    ShortcutsPage page;
    const QString code = page.pytorchCode();
    QVERIFY(code.contains("plain = nn.Sequential("));
    QVERIFY(code.contains("residual = nn.Sequential("));
    QVERIFY(code.contains("class ResidualMLPBlock(nn.Module)"));
    QVERIFY(code.contains("[p.grad.norm().item() for n, p in model.named_parameters() if p.dim() > 1]"));
    QVERIFY(code.contains("lr=0.01"));
    QVERIFY(code.contains("range(60)"));
    QVERIFY(!code.contains("model = "));
    QCOMPARE(code.count("nn.Linear(16, 16)"), 18);  // the plain blocks' (ResidualMLPBlock's class has nn.Linear(features, features))
  }

  void sessionStateRoundTripAndBadValues() {
    ShortcutsPage page;
    page.setEpochs(25);
    const nlohmann::json state = page.sessionState();
    QCOMPARE(QString::fromStdString(state["network"].get<std::string>()), QString("mlp"));
    QCOMPARE(state["epochs"].get<int>(), 25);
    ShortcutsPage other;
    QCOMPARE(other.restoreSessionState(state), QString());
    QCOMPARE(other.epochs(), 25);
    for (const char* bad : {R"({"network": "resnet"})", R"({"network": 3})", R"({"epochs": 0})", R"({"epochs": "many"})", "[1]"}) {
      const QString problem = other.restoreSessionState(nlohmann::json::parse(bad));
      QVERIFY2(!problem.isEmpty(), bad);
      QCOMPARE(other.epochs(), 25);  // nothing changed
      QCOMPARE(other.network(), Network::Mlp);
    }
    QVERIFY(other.restoreSessionState(nlohmann::json::parse(R"({"network": "resnet"})")).contains("network"));
    QVERIFY(other.restoreSessionState(nlohmann::json::parse(R"({"epochs": 1000})")).contains("epochs"));
  }

  void cnnBuildsInTheJobWith19Convolutions() {
    ShortcutsPage page;
    page.setNetwork(Network::Cnn);
    QCOMPARE(page.epochs(), 5);  // the CNN's default
    QVERIFY(page.busy());       // built and measured in the worker
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), gstest::waitMs(30000));
    const auto& c = page.curves();
    QCOMPARE(c[kPlain].init_norms.size(), std::size_t(20));  // 19 convolutions and the Linear head
    QCOMPARE(c[kResidual].init_norms.size(), std::size_t(20));
    // BatchNorm keeps the plain CNN's gradients from vanishing at initialization (within 10× of
    // the residual one's in every layer): its trouble is the optimization, not the gradient's size.
    for (std::size_t k = 0; k < 19; ++k) {
      const double plain = c[kPlain].init_norms[k], residual = c[kResidual].init_norms[k];
      QVERIFY2(plain > residual / 10 && plain < residual * 10, qPrintable(QString("conv %1: plain %2, residual %3").arg(k + 1).arg(plain).arg(residual)));
    }
    QCOMPARE(QString::fromStdString(page.sessionState()["network"].get<std::string>()), QString("cnn"));
    QVERIFY(page.pytorchCode().contains("class ResidualBlock(nn.Module)"));
  }

  void koreanShowsKorean() {
    Language::instance().setLanguage("ko");
    DeepLab lab;
    const QString tab = lab.tabs()->tabText(0);
    const QString item = lab.shortcutsPage()->controls()->findChild<QComboBox*>("shortcutsNetwork")->itemText(0);
    Language::instance().setLanguage("en");
    QVERIFY2(tab.contains(QString::fromUtf8("지름길")), qPrintable(tab));
    QVERIFY2(item.contains(QString::fromUtf8("나선")), qPrintable(item));
    QTRY_COMPARE(lab.tabs()->tabText(0), QString("Shortcuts"));  // and back
  }
};

QTEST_MAIN(TestLabDeepShortcuts)
#include "tst_lab_deep_shortcuts.moc"
