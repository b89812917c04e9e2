// Perceptron lab: sliders set the neuron, Step applies the perceptron rule as core computes it,
// XOR never converges, and the 2-2-1 MLP solves it.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSlider>

#include "app/language.h"
#include "labs/perceptron/perceptron_lab.h"
#include "nn/perceptron.h"
#include "ops/functional.h"

using namespace gsui;

class TestLabPerceptron : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void slidersSetTheDecisionLine() {
    PerceptronLab lab;
    lab.setGate("AND");
    QCOMPARE(lab.misclassified(), 2);  // the start line (w = 1, 1, b = −0.5) computes OR
    lab.biasSlider()->setValue(-15);    // b = −1.5: now only (1, 1) is on the positive side
    QCOMPARE(lab.bias(), -1.5);
    QCOMPARE(lab.misclassified(), 0);
    lab.setGate("OR");
    QCOMPARE(lab.w1(), 1.0);  // a new gate resets the neuron
    QCOMPARE(lab.misclassified(), 0);
  }

  void stepAppliesThePerceptronRule() {
    PerceptronLab lab;
    lab.setGate("AND");
    // The same rule by hand with core's Perceptron: the lab must match it update for update.
    gs::nn::Perceptron ref(2, 1.0);
    ref.weight.copy_(gs::tensor({1.0, 1.0}, gs::TensorOptions{.dtype = gs::kFloat64}));
    ref.bias.fill_(-0.5);
    const double xs[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    const double ys[4] = {0, 0, 0, 1};
    for (int s = 0; s < 40; ++s) {
      lab.step();
      ref.update(gs::tensor({xs[s % 4][0], xs[s % 4][1]}, gs::TensorOptions{.dtype = gs::kFloat64}), ys[s % 4]);
      QCOMPARE(lab.w1(), ref.weight.to_vector<double>()[0]);
      QCOMPARE(lab.w2(), ref.weight.to_vector<double>()[1]);
      QCOMPARE(lab.bias(), ref.bias.item());
    }
    QCOMPARE(lab.misclassified(), 0);  // AND is separable: the rule converges
    QCOMPARE(lab.w1Slider()->value(), static_cast<int>(std::lround(lab.w1() * 10)));  // sliders follow
    for (int s = 0; s < 4; ++s) lab.step();
    QVERIFY(lab.statusLabel()->text().contains("Converged"));
  }

  void xorNeverConvergesAndTheMlpSolvesIt() {
    PerceptronLab lab;
    lab.setGate("XOR");
    QVERIFY(lab.solveWithMlpButton()->isVisibleTo(lab.controls()));
    for (int s = 0; s < 40; ++s) lab.step();
    QVERIFY(lab.misclassified() > 0);
    QVERIFY(lab.statusLabel()->text().contains("not linearly separable"));
    QTest::mouseClick(lab.solveWithMlpButton(), Qt::LeftButton);
    QCOMPARE(lab.mode(), PerceptronLab::Mode::Mlp);
    QCOMPARE(lab.mlpSteps(), std::int64_t(0));  // the untrained network is shown at once
    const double start_loss = lab.mlpLoss();
    QVERIFY(start_loss > 0);
    // Each Step trains a batch of gradient steps in the worker; the view follows when it publishes.
    for (int s = 0; s < 80 && lab.misclassified() > 0; ++s) {
      const std::int64_t before = lab.mlpSteps();
      lab.step();
      QTRY_VERIFY(lab.mlpSteps() > before);
    }
    QCOMPARE(lab.misclassified(), 0);
    QVERIFY(lab.mlpLoss() < start_loss);
    QVERIFY(lab.statusLabel()->text().contains("XOR is solved"));
    QVERIFY(lab.pytorchCode().contains("BCEWithLogitsLoss"));
    QVERIFY(lab.pytorchCode().contains("optimizer.zero_grad()"));
  }

  void gateComboIsDrivenByKeyboard() {
    PerceptronLab lab;
    lab.gateBox()->setFocus();
    QTest::keyClick(lab.gateBox(), Qt::Key_Down);
    QCOMPARE(lab.gate(), QString("OR"));
    QVERIFY(lab.pytorchCode().contains("# OR"));
  }
};

QTEST_MAIN(TestLabPerceptron)
#include "tst_lab_perceptron.moc"
