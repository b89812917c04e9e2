// Losses lab: the fitted lines against closed forms (least squares; the L1 optimum over all lines
// through two points), the outlier effect, per-sample bars against the reductions, the
// classification curves against −log p, the mistakes' documented values and messages, a drag
// with the mouse, pages, session state and Korean.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QSlider>
#include <QTabWidget>
#include <cmath>
#include <qcustomplot.h>

#include "app/language.h"
#include "labs/losses/classification_page.h"
#include "labs/losses/line_fit.h"
#include "labs/losses/logit_sliders.h"
#include "labs/losses/losses_lab.h"
#include "labs/losses/mistakes_page.h"
#include "labs/losses/multilabel_page.h"
#include "labs/losses/regression_page.h"
#include "tensor/random.h"

using namespace gsui;

namespace {

/// Least squares by the normal equations: w = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²), b = (Σy − wΣx) / n.
std::pair<double, double> leastSquares(const std::vector<SamplePoint>& pts) {
  double n = static_cast<double>(pts.size()), sx = 0, sy = 0, sxy = 0, sxx = 0;
  for (const SamplePoint& p : pts) {
    sx += p.x;
    sy += p.y;
    sxy += p.x * p.y;
    sxx += p.x * p.x;
  }
  const double w = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return {w, (sy - w * sx) / n};
}

double absDeviations(const std::vector<SamplePoint>& pts, double w, double b) {
  double s = 0;
  for (const SamplePoint& p : pts) s += std::abs(p.y - (w * p.x + b));
  return s;
}

/// The least sum of absolute deviations: some optimal L1 line passes through two of the points
/// (the LP's optimum is at a vertex), so the best of those lines is the global minimum.
double leastAbsDeviations(const std::vector<SamplePoint>& pts) {
  double best = INFINITY;
  for (std::size_t i = 0; i < pts.size(); ++i)
    for (std::size_t j = i + 1; j < pts.size(); ++j) {
      if (pts[i].x == pts[j].x) continue;
      const double w = (pts[j].y - pts[i].y) / (pts[j].x - pts[i].x);
      best = std::min(best, absDeviations(pts, w, pts[i].y - w * pts[i].x));
    }
  return best;
}

/// Seeded random point sets (8 points, distinct x) for the closed-form checks.
std::vector<std::vector<SamplePoint>> pointSets() {
  std::vector<std::vector<SamplePoint>> sets{RegressionPage::defaultPoints()};
  auto outlier = RegressionPage::defaultPoints();
  outlier[RegressionPage::kOutlierIndex] = RegressionPage::kOutlierAt;
  sets.push_back(outlier);
  gs::Generator gen(7);
  for (int s = 0; s < 4; ++s) {
    const std::vector<double> noise = gs::randn({8}, {.dtype = gs::kFloat64}, &gen).to_vector<double>();
    std::vector<SamplePoint> pts;
    for (int i = 0; i < 8; ++i) pts.push_back({0.5 + 1.2 * i, 1.0 + (0.3 * s - 0.4) * i + 1.5 * noise[static_cast<std::size_t>(i)]});
    sets.push_back(pts);
  }
  return sets;
}

QString toKorean(const char* context, const char* source) { return QCoreApplication::translate(context, source); }

}  // namespace

class TestLabLosses : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void mseFitIsTheLeastSquaresLine() {
    for (const auto& pts : pointSets()) {
      const LineFit fit = fitLine(pts, {.kind = gs::nn::LossKind::MSE});
      const auto [w, b] = leastSquares(pts);
      QVERIFY(fit.converged);
      QVERIFY2(std::abs(fit.w - w) < 1e-6 && std::abs(fit.b - b) < 1e-6,
               qPrintable(QString("fit w=%1 b=%2, normal equations w=%3 b=%4").arg(fit.w, 0, 'g', 12).arg(fit.b, 0, 'g', 12).arg(w, 0, 'g', 12).arg(b, 0, 'g', 12)));
    }
  }

  void l1FitAttainsTheLeastAbsoluteDeviations() {
    for (const auto& pts : pointSets()) {
      const LineFit fit = fitLine(pts, {.kind = gs::nn::LossKind::L1});
      const double got = absDeviations(pts, fit.w, fit.b), best = leastAbsDeviations(pts);
      QVERIFY2(got <= best + 1e-6, qPrintable(QString("Σ|r| = %1, the best line through two points gives %2 (missed by %3)")
                                                  .arg(got, 0, 'g', 12).arg(best, 0, 'g', 12).arg(got - best)));
      // The cost the page reports is core's mean of the same deviations.
      QVERIFY(std::abs(fit.cost - got / pts.size()) < 1e-12);
      // Huber lies between: its cost is what core's HuberLoss gives at its own line.
      const LineFit huber = fitLine(pts, {.kind = gs::nn::LossKind::Huber, .delta = 1.0});
      QVERIFY(huber.converged);
      QVERIFY(huber.cost <= lineLoss(pts, fit.w, fit.b, {.kind = gs::nn::LossKind::Huber}).front() + 1e-9);
    }
  }

  void anOutlierSwingsMseButNotMae() {
    RegressionPage page;
    const double mse0 = page.fit(0).w, mae0 = page.fit(1).w, huber0 = page.fit(2).w;
    page.outlierButton()->click();
    QCOMPARE(page.points()[RegressionPage::kOutlierIndex], RegressionPage::kOutlierAt);
    const double mse1 = page.fit(0).w, mae1 = page.fit(1).w, huber1 = page.fit(2).w;
    QVERIFY2(std::abs(mse1 - mse0) > 0.3, qPrintable(QString("MSE slope %1 → %2").arg(mse0).arg(mse1)));
    QVERIFY2(std::abs(mae1 - mae0) < 0.05, qPrintable(QString("MAE slope %1 → %2").arg(mae0).arg(mae1)));
    QVERIFY2(std::abs(huber1 - huber0) < std::abs(mse1 - mse0), qPrintable(QString("Huber slope %1 → %2").arg(huber0).arg(huber1)));
    // The lines drawn are the fits.
    QCPGraph* mse_line = page.scatterPlot()->graph(1);
    QVERIFY(std::abs(mse_line->data()->at(1)->value - (mse1 * RegressionPage::kXMax + page.fit(0).b)) < 1e-9);
  }

  void perSampleBarsAreWhatTheReductionsReturn_data() {
    QTest::addColumn<int>("loss");
    QTest::newRow("MSELoss") << 0;
    QTest::newRow("L1Loss") << 1;
    QTest::newRow("HuberLoss") << 2;
  }
  void perSampleBarsAreWhatTheReductionsReturn() {
    QFETCH(int, loss);
    RegressionPage page;
    page.makeOutlier();
    page.barsLossBox()->setCurrentIndex(loss);
    auto* bars = qobject_cast<QCPBars*>(page.barsPlot()->plottable(0));
    QVERIFY(bars);
    QCOMPARE(bars->data()->size(), 8);
    double sum = 0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) sum += it->value;
    QVERIFY2(std::abs(sum - page.reducedSum()) < 1e-9, qPrintable(QString("Σ bars %1, reduction='sum' %2").arg(sum).arg(page.reducedSum())));
    QVERIFY(std::abs(sum / 8 - page.reducedMean()) < 1e-9);
    // And the mean is the cost the fit minimised.
    QVERIFY(std::abs(page.reducedMean() - page.fit(loss).cost) < 1e-12);
    page.reductionBox()->setCurrentText("sum");
    QVERIFY2(page.reductionResult()->text().contains(QString("tensor(%1)").arg(LossesPage::number(page.reducedSum()))), qPrintable(page.reductionResult()->text()));
    page.reductionBox()->setCurrentText("none");
    QVERIFY(page.reductionResult()->text().contains("reduction='none'"));
    QVERIFY(page.reductionResult()->text().contains("shape (8,)"));
    QVERIFY(page.pytorchCode().contains("reduction='none'"));
  }

  void huberDeltaRefits() {
    RegressionPage page;
    page.makeOutlier();
    page.deltaSlider()->setValue(1);  // δ = 0.1: almost L1
    const double near_l1 = page.fit(2).w;
    page.deltaSlider()->setValue(50);  // δ = 5: quadratic for every residual but the outlier's
    QVERIFY(std::abs(near_l1 - page.fit(1).w) < 0.05);
    QVERIFY(std::abs(page.fit(2).w - near_l1) > 0.05);
    QVERIFY(page.pytorchCode().contains("HuberLoss(delta=5.0)"));
  }

  void dragAPointWithTheMouse() {
    RegressionPage page;
    page.resize(800, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCustomPlot* plot = page.scatterPlot();
    plot->replot();
    const SamplePoint p = page.points()[3];
    const QPoint from(qRound(plot->xAxis->coordToPixel(p.x)), qRound(plot->yAxis->coordToPixel(p.y)));
    const QPoint to(from.x(), qRound(plot->yAxis->coordToPixel(10.0)));
    const double w0 = page.fit(0).w;
    QTest::mousePress(plot, Qt::LeftButton, {}, from);
    QTest::mouseMove(plot, (from + to) / 2);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, to);
    QVERIFY2(std::abs(page.points()[3].y - 10.0) < 0.1, qPrintable(QString("y = %1").arg(page.points()[3].y)));
    QVERIFY(std::abs(page.points()[3].x - p.x) < 0.1);
    const auto [w, b] = leastSquares(page.points());
    QVERIFY(std::abs(page.fit(0).w - w) < 1e-6 && std::abs(page.fit(0).w - w0) > 0.01);
    // A press away from every point grabs nothing.
    const auto before = page.points();
    QTest::mousePress(plot, Qt::LeftButton, {}, QPoint(qRound(plot->xAxis->coordToPixel(9.5)), qRound(plot->yAxis->coordToPixel(11.5))));
    QTest::mouseRelease(plot, Qt::LeftButton, {}, QPoint(10, 10));
    QCOMPARE(page.points(), before);
  }

  void classificationCurvesAreMinusLogP() {
    ClassificationPage page;
    QCustomPlot* plot = page.lossPlot();
    for (double p : {0.05, 0.1, 0.25, 0.5, 0.9}) {
      for (int g = 0; g < 3; ++g) {
        auto it = plot->graph(g)->data()->findBegin(p - 1e-9, false);
        QVERIFY(std::abs(it->key - p) < 1e-12);
        QVERIFY2(std::abs(it->value + std::log(p)) < 1e-9, qPrintable(QString("%1 at p=%2: %3, −log p = %4").arg(plot->graph(g)->name()).arg(p).arg(it->value).arg(-std::log(p))));
      }
      auto dp = page.gradientPlot()->graph(0)->data()->findBegin(p - 1e-9, false);
      auto dz = page.gradientPlot()->graph(1)->data()->findBegin(p - 1e-9, false);
      QVERIFY(std::abs(dp->value + 1.0 / p) < 1e-9);  // ∂(−log p)/∂p
      QVERIFY(std::abs(dz->value - (p - 1.0)) < 1e-9);  // ∂CE/∂z_true = softmax − one-hot
    }
    page.setProbability(0.2);
    QVERIFY(std::abs(page.atPoint().bce + std::log(0.2)) < 1e-12);
    QVERIFY(std::abs(page.atPoint().nll + std::log(0.2)) < 1e-12);
    QVERIFY(std::abs(page.atPoint().ce_grad_z + 0.8) < 1e-12);
  }

  void logitsPipelines() {
    ClassificationPage page;
    page.logits()->setValues({1.0, 2.0, 0.5});
    page.trueClassBox()->setCurrentIndex(1);
    const double lse = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(0.5));
    const auto& rows = page.pipelines();
    QVERIFY(std::abs(rows[0].value - (lse - 2.0)) < 1e-12);  // CE = −z_t + logsumexp(z)
    QVERIFY(std::abs(rows[1].value - rows[0].value) < 1e-12);
    const double p1 = std::exp(2.0 - lse);
    QVERIFY(std::abs(rows[3].value + p1) < 1e-12);   // NLL on probabilities: −p_t
    QVERIFY(std::abs(rows[4].value + 2.0) < 1e-12);  // NLL on raw logits: −z_t
    QVERIFY(page.pipelinesLabel()->text().remove(QChar(0x200B)).contains("F.cross_entropy(F.softmax(z, 1), t)"));  // (free to break after "(")
  }

  void doubleSoftmaxGivesTheDocumentedWrongValue() {
    MistakesPage page;
    page.setMistake(MistakesPage::Mistake::DoubleSoftmax);
    const auto& rows = page.rows();
    QCOMPARE(rows.size(), std::size_t(6));
    // A perfectly confident right answer: CE ≈ 0, but after a second softmax log(1 + 2/e).
    QVERIFY(*rows[4].value < 1e-12);
    QVERIFY2(std::abs(*rows[5].value - std::log(1 + 2 / std::exp(1.0))) < 1e-9, qPrintable(QString::number(*rows[5].value)));
    QVERIFY(*rows[3].value < 0.5 * *rows[2].value);  // smaller gradients
    // Trained with the double softmax, the true loss falls far more slowly.
    QCOMPARE(page.raceRight().size(), std::size_t(MistakesPage::kRaceSteps + 1));
    QCOMPARE(page.raceRight().front(), page.raceWrong().front());
    for (int k = 1; k <= MistakesPage::kRaceSteps; ++k) QVERIFY(page.raceWrong()[k] > page.raceRight()[k]);
    QVERIFY2(page.raceWrong().back() > 1.3 * page.raceRight().back(),
             qPrintable(QString("after %1 steps: right %2, double softmax %3").arg(MistakesPage::kRaceSteps).arg(page.raceRight().back()).arg(page.raceWrong().back())));
  }

  void mistakesShowTheEnginesMessageOrTheWrongNumber() {
    MistakesPage page;
    page.setMistake(MistakesPage::Mistake::BceOnLogits);
    QVERIFY(page.rows()[0].value && !page.rows()[1].value);
    // The explanation in the learner's language, PyTorch's own message beside it (labelled).
    QVERIFY2(page.rows()[1].error.contains("BCEWithLogitsLoss") && page.rows()[1].torch.contains("between 0 and 1"), qPrintable(page.rows()[1].error));
    QVERIFY(page.rows()[1].torch.startsWith("PyTorch's message: RuntimeError"));
    QVERIFY(page.details()->text().contains("<code>PyTorch's message: RuntimeError: all elements of input should be between 0 and 1</code>"));
    QVERIFY(page.rows()[3].value && std::abs(*page.rows()[3].value - *page.rows()[2].value) > 0.1);  // silently wrong
    QVERIFY(page.details()->text().contains("BCEWithLogitsLoss"));

    page.setMistake(MistakesPage::Mistake::OneHotTarget);
    QVERIFY(std::abs(*page.rows()[1].value - *page.rows()[0].value) < 1e-12);  // float one-hot = probabilities
    QVERIFY(!page.rows()[2].value && page.rows()[2].error.contains("target must have shape [4]"));
    QVERIFY(!page.rows()[3].value && page.rows()[3].torch.contains("expected scalar type Long"));
    QVERIFY(!page.rows()[4].value);

    page.setMistake(MistakesPage::Mistake::ColumnTarget);
    QVERIFY(!page.rows()[1].value && page.rows()[1].error.contains("broadcasting"));
    const std::vector<double> pred{1.1, 1.9, 3.2, 3.8}, y{1, 2, 3, 4};
    double right = 0, grid = 0;
    for (int i = 0; i < 4; ++i) {
      right += (pred[i] - y[i]) * (pred[i] - y[i]) / 4;
      for (int j = 0; j < 4; ++j) grid += (pred[i] - y[j]) * (pred[i] - y[j]) / 16;
    }
    QVERIFY(std::abs(*page.rows()[0].value - right) < 1e-12);
    QVERIFY(std::abs(*page.rows()[2].value - grid) < 1e-12);
    QVERIFY(page.pytorchCode().contains("squeeze(1)"));
  }

  void multiLabelVsMultiClass() {
    MultiLabelPage page;
    page.logits()->setValues({2.0, 1.5, -1.0, 0.5});
    double s = 0, m = 0;
    for (double v : page.softmaxes()) s += v;
    for (double v : page.sigmoids()) m += v;
    QVERIFY(std::abs(s - 1.0) < 1e-12);
    QVERIFY(m > 2.0);  // independent: no reason to sum to 1
    QVERIFY(std::abs(page.sigmoids()[0] - 1 / (1 + std::exp(-2.0))) < 1e-12);
    QCOMPARE(page.plot()->plottableCount(), 2);
  }

  void pagesSwitchAndStateComesBack() {
    LossesLab lab;
    QCOMPARE(lab.pageIds(), LossesLab::kPages);
    for (const QString& id : lab.pageIds()) {
      QVERIFY(lab.showPage(id));
      QCOMPARE(lab.currentPageId(), id);
      QVERIFY(!lab.pytorchCode().isEmpty());
    }
    QVERIFY(!lab.showPage("nope"));
    QVERIFY(lab.pytorchCode().contains("BCEWithLogitsLoss"));  // the multi-label page's code
    lab.showPage("regression");
    QVERIFY(lab.pytorchCode().contains("nn.MSELoss()"));
    lab.regressionPage()->makeOutlier();
    lab.regressionPage()->setDelta(2.5);
    lab.showPage("mistakes");
    lab.mistakesPage()->setMistake(MistakesPage::Mistake::ColumnTarget);
    const nlohmann::json state = lab.sessionState();
    LossesLab other;
    QCOMPARE(other.restoreSessionState(state), QString());
    QCOMPARE(other.currentPageId(), QString("mistakes"));
    QCOMPARE(other.regressionPage()->points(), lab.regressionPage()->points());
    QCOMPARE(other.regressionPage()->delta(), 2.5);
    QCOMPARE(other.mistakesPage()->mistake(), MistakesPage::Mistake::ColumnTarget);
    // A bad file changes nothing.
    nlohmann::json bad = state;
    bad["regression"]["points"] = {{1, 2}};
    bad["page"] = "classification";
    LossesLab third;
    QVERIFY(!third.restoreSessionState(bad).isEmpty());
    QCOMPARE(third.regressionPage()->points(), RegressionPage::defaultPoints());
    QCOMPARE(third.currentPageId(), QString("regression"));
  }

  void koreanShowsKorean() {
    Language::instance().setLanguage("ko");
    const QString explanation = Language::instance().explanation("losses");
    LossesLab lab;
    const QString tab = lab.tabs()->tabText(0);
    Language::instance().setLanguage("en");
    QVERIFY2(explanation.contains(QString::fromUtf8("손실")), qPrintable(explanation.left(200)));
    QVERIFY2(tab.contains(QString::fromUtf8("회귀")), qPrintable(tab));
    QTRY_COMPARE(lab.tabs()->tabText(0), QString("Regression"));  // and back
  }
};

QTEST_MAIN(TestLabLosses)
#include "tst_lab_losses.moc"
