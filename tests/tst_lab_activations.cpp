// Activations lab: the plotted curves, softmax bars and per-layer gradients are core's numbers,
// and the controls drive them.
#include <QtTest>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <algorithm>
#include <qcustomplot.h>

#include "app/language.h"
#include "labs/activations/activations_lab.h"
#include "nn/activation.h"
#include "nn/diagnostics.h"
#include "ops/functional.h"

using namespace gsui;

namespace {
/// The value a graph shows at x (exact grid point).
double valueAt(QCPGraph* g, double x) {
  auto it = g->data()->findBegin(x - 1e-9, false);
  return it->value;
}
QCPGraph* graphNamed(QCustomPlot* plot, const QString& prefix) {
  for (int i = 0; i < plot->graphCount(); ++i)
    if (plot->graph(i)->name().startsWith(prefix)) return plot->graph(i);
  return nullptr;
}
}  // namespace

class TestLabActivations : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void curvesAreTheEnginesValuesAndDerivatives() {
    ActivationsLab lab;
    QCPGraph* sig = graphNamed(lab.functionPlot(), "Sigmoid");
    QVERIFY(sig);
    QCOMPARE(sig->data()->size(), 401);
    QVERIFY(std::abs(valueAt(sig, 0.0) - 0.5) < 1e-12);
    QVERIFY(std::abs(valueAt(sig, 2.0) - gs::sigmoid(gs::tensor(2.0, gs::TensorOptions{.dtype = gs::kFloat64})).item()) < 1e-12);
    // The dashed graph after Sigmoid's is its derivative, from backward(): σ'(0) = 0.25.
    const int i = [&] {
      for (int k = 0; k < lab.functionPlot()->graphCount(); ++k)
        if (lab.functionPlot()->graph(k) == sig) return k;
      return -1;
    }();
    QCPGraph* dsig = lab.functionPlot()->graph(i + 1);
    QVERIFY(std::abs(valueAt(dsig, 0.0) - 0.25) < 1e-12);
  }

  void everyCurveIsTheModuleANetworkWouldUse() {
    // The curves come from nn::make_activation, the factory the model specs use; Step is the
    // lab's one special case (the perceptron's function, not a torch.nn module).
    ActivationsLab lab;
    for (const QString& name : ActivationsLab::activationNames()) lab.setActivationShown(name, true);
    lab.slopeSlider()->setValue(20);
    const auto& factory = gs::nn::activation_names();
    for (const QString& name : ActivationsLab::activationNames()) {
      QCPGraph* g = graphNamed(lab.functionPlot(), name);
      QVERIFY2(g, qPrintable(name));
      QCOMPARE(g->data()->size(), 401);
      if (name == "Step") {
        QCOMPARE(valueAt(g, -0.5), 0.0);
        QCOMPARE(valueAt(g, 0.5), 1.0);
        continue;
      }
      QVERIFY2(std::find(factory.begin(), factory.end(), name.toStdString()) != factory.end(), qPrintable(name));
      const auto module = gs::nn::make_activation(name.toStdString(), {.negative_slope = 0.2});
      for (int k = 0; k < g->data()->size(); k += 40) {
        const auto it = g->data()->at(k);
        const double expected = module->forward(gs::tensor(it->key, gs::TensorOptions{.dtype = gs::kFloat64})).item();
        QVERIFY2(std::abs(it->value - expected) < 1e-12, qPrintable(QString("%1(%2) = %3, expected %4").arg(name).arg(it->key).arg(it->value).arg(expected)));
      }
    }
  }

  void slopeSliderDrivesLeakyRelu() {
    ActivationsLab lab;
    lab.setActivationShown("LeakyReLU", true);
    lab.slopeSlider()->setValue(20);  // negative_slope 0.20
    QCPGraph* leaky = graphNamed(lab.functionPlot(), "LeakyReLU");
    QVERIFY(leaky);
    QCOMPARE(leaky->name(), QString("LeakyReLU(0.20)"));
    QVERIFY(std::abs(valueAt(leaky, -2.0) - (-0.4)) < 1e-12);
    QVERIFY(lab.pytorchCode().contains("negative_slope=0.20"));
    QTest::keyClick(lab.slopeSlider(), Qt::Key_Right);  // keyboard moves it too
    QCOMPARE(lab.negativeSlope(), 0.21);
  }

  void temperatureSharpensSoftmax() {
    ActivationsLab lab;
    auto bars = [&] {
      auto* b = qobject_cast<QCPBars*>(lab.softmaxPlot()->plottable(0));
      std::vector<double> v;
      for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it) v.push_back(it->value);
      return v;
    };
    std::vector<double> p = bars();
    const std::vector<double> expect = gs::softmax(gs::tensor({2.0, 1.0, 0.1}, gs::TensorOptions{.dtype = gs::kFloat64}), 0).to_vector<double>();
    for (int i = 0; i < 3; ++i) QVERIFY(std::abs(p[i] - expect[i]) < 1e-12);
    lab.temperatureSlider()->setValue(-20);  // T = 0.1: nearly one-hot
    QVERIFY(bars()[0] > 0.9999);
    lab.temperatureSlider()->setValue(20);  // T = 10: nearly uniform
    QVERIFY(bars()[0] < 0.4);
  }

  void badLogitsAreNamedAndNothingIsLost() {
    ActivationsLab lab;
    QTest::keyClicks(lab.logitsEdit(), ", abc");
    QVERIFY(lab.softmaxError()->text().contains("abc"));
    auto* b = qobject_cast<QCPBars*>(lab.softmaxPlot()->plottable(0));
    QCOMPARE(b->data()->size(), 3);  // still the last valid vector
    lab.logitsEdit()->setText("1, 1, 1, 1");
    QVERIFY(lab.softmaxError()->text().isEmpty());
    QCOMPARE(qobject_cast<QCPBars*>(lab.softmaxPlot()->plottable(0))->data()->size(), 4);
  }

  void depthSliderShowsVanishingGradients() {
    ActivationsLab lab;
    lab.depthSlider()->setValue(20);
    QCPGraph* sig = graphNamed(lab.gradientPlot(), "Sigmoid");
    QCPGraph* relu = graphNamed(lab.gradientPlot(), "ReLU");
    QVERIFY(sig && relu);
    QCOMPARE(sig->data()->size(), 20);
    const gs::nn::DepthProbe probe = gs::nn::probe_depth("Sigmoid", 20, 32, 64, 1);
    QVERIFY(std::abs(sig->data()->at(0)->value - probe.grad_norms[0]) < 1e-15);
    // Sigmoid: the first layer gets orders of magnitude less gradient than the last.
    QVERIFY(sig->data()->at(0)->value < 1e-6 * sig->data()->at(19)->value);
    const gs::nn::DepthProbe relu_probe = gs::nn::probe_depth("ReLU", 20, 32, 64, 1);
    std::int64_t dead = 0;
    for (auto d : relu_probe.dead_units) dead += d;
    QVERIFY(lab.deadUnitsLabel()->text().contains(QString("ReLU: %1 of 640").arg(dead)));
  }
};

QTEST_MAIN(TestLabActivations)
#include "tst_lab_activations.moc"
