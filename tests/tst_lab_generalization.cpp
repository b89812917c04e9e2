// Generalization lab: early stopping's restored weights, the k-fold partition the lab draws and
// its numbers against `gradscope-cli cv` (gs::cases::run_cv), overfitting at a high degree and not
// at degree 1, L1's zeros against L2's, the augmentation gallery against core's functions, the
// hold-out strip, the bootstrap, the pages, the session and Korean.
#include <QtTest>

#include "test_timing.h"
#include "english_in.h"

#include <QLabel>
#include <QSlider>
#include <QTabWidget>
#include <cmath>

#include "app/engine_message.h"
#include "app/lab_registry.h"
#include "app/language.h"
#include "app/layout_check.h"
#include "cases/commands.h"
#include "data/augment.h"
#include "labs/generalization/augmentation_page.h"
#include "labs/generalization/cures_page.h"
#include "labs/generalization/generalization_lab.h"
#include "labs/generalization/overfitting_page.h"
#include "labs/generalization/splits_page.h"
#include "util/error_codes.h"

using namespace gsui;

namespace {

const int kTrainTimeoutMs = gstest::waitMs(120000);

/// Trains the overfitting page to its last epoch and returns (train MSE, validation MSE).
std::pair<double, double> fitTo(OverfittingPage& page, int degree) {
  OverfitSettings s;
  s.degree = degree;
  page.setSettings(s);
  page.setPlaying(true);
  [&] { QTRY_VERIFY_WITH_TIMEOUT(page.shownFrame().epoch >= s.epochs && !page.busy(), kTrainTimeoutMs); }();
  return {page.shownFrame().train_loss, page.shownFrame().val_loss};
}

void expectClose(double got, double want, double tolerance, const char* what) {
  QVERIFY2(std::abs(got - want) <= tolerance, qPrintable(QString("%1: %2 vs %3 (off by %4)").arg(what).arg(got, 0, 'g', 10).arg(want, 0, 'g', 10).arg(std::abs(got - want))));
}


}  // namespace

class TestLabGeneralization : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void registeredUnderEvaluation() {
    const LabInfo* info = findLab("generalization");
    QVERIFY(info);
    QCOMPARE(info->group, LabGroup::Evaluation);
    GeneralizationLab lab;
    QCOMPARE(lab.pageIds(), (QStringList{"overfitting", "splits", "cures", "augmentation"}));
    for (const QString& id : lab.pageIds()) {
      QVERIFY(lab.showPage(id));
      QCOMPARE(lab.tabs()->currentIndex(), lab.pageIds().indexOf(id));
      QVERIFY2(lab.pytorchCode().contains("import torch"), qPrintable(id));
    }
    QVERIFY(!lab.showPage("nope"));
  }

  void overfitsAtHighDegreeNotAtDegreeOne() {
    OverfittingPage page;
    const auto [train15, val15] = fitTo(page, 15);
    QVERIFY2(val15 > 2 * train15, qPrintable(QString("degree 15: train %1, validation %2").arg(train15).arg(val15)));
    QCOMPARE(page.epochs().back(), 3000.0);
    QVERIFY(page.trainLosses().size() >= 100);  // one point per 25-epoch chunk at least
    const auto [train1, val1] = fitTo(page, 1);
    QVERIFY2(val1 < 1.5 * train1, qPrintable(QString("degree 1: train %1, validation %2").arg(train1).arg(val1)));
    QVERIFY2(train1 > train15 * 2, qPrintable(QString("a line fits the training points worse: %1 vs %2").arg(train1).arg(train15)));
    // Seeded: the same settings give the same numbers.
    const auto again = fitTo(page, 1);
    QCOMPARE(again.first, train1);
    QCOMPARE(again.second, val1);
    QVERIFY(page.pytorchCode().contains("PolynomialFeatures(degree=1"));
  }

  void queuedStepsDrawAPointPerChunk() {
    // Steps asked for all at once (as --steps does) still give the loss curve a point per chunk.
    OverfittingPage page;
    for (int i = 0; i < 20; ++i) page.step();
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTrainTimeoutMs);
    QCOMPARE(page.shownFrame().epoch, std::int64_t(20 * OverfittingPage::kEpochsPerTick));
    QString shown;
    for (double e : page.epochs()) shown += QString::number(e) + " ";
    QVERIFY2(page.epochs().size() == 20, qPrintable(shown));
    for (int i = 0; i < 20; ++i) QCOMPARE(page.epochs()[i], double((i + 1) * OverfittingPage::kEpochsPerTick));
  }

  void kfoldPartitionIsStratifiedAndComplete() {
    SplitsPage page;
    page.setFolds(5);
    const FoldPlan& plan = page.plan();
    QCOMPARE(plan.all.size(), std::int64_t(150));
    QCOMPARE(plan.folds.size(), std::size_t(5));
    std::vector<int> tested(150, 0);
    const std::vector<std::int64_t> labels = plan.all.y.to_vector<std::int64_t>();
    for (const auto& fold : plan.folds) {
      std::vector<int> per_class(3, 0);
      for (std::int64_t i : fold) {
        ++tested[static_cast<std::size_t>(i)];
        ++per_class[static_cast<std::size_t>(labels[static_cast<std::size_t>(i)])];
      }
      QCOMPARE(per_class, (std::vector<int>{10, 10, 10}));  // 50 per species / 5 folds
    }
    for (int i = 0; i < 150; ++i) QVERIFY2(tested[static_cast<std::size_t>(i)] == 1, qPrintable(QString("sample %1 tested %2 times").arg(i).arg(tested[i])));
  }

  void kfoldNumbersEqualTheCli() {
    SplitsPage page;
    page.setFolds(4);
    page.step();  // one fold
    QTRY_VERIFY_WITH_TIMEOUT(page.results().size() == 1 && !page.busy(), kTrainTimeoutMs);
    page.setPlaying(true);  // the rest
    QTRY_VERIFY_WITH_TIMEOUT(page.results().size() == 4 && !page.busy(), kTrainTimeoutMs);
    std::vector<nlohmann::json> lines;
    gs::cases::run_cv(gs::spec::to_json(page.scenario()), 4, [&](const nlohmann::json& line) { lines.push_back(line); });
    QCOMPARE(lines.size(), std::size_t(5));
    for (int k = 0; k < 4; ++k) {
      const FoldResult& r = page.results()[static_cast<std::size_t>(k)];
      QCOMPARE(r.fold, k);
      QCOMPARE(lines[k]["test_size"].get<std::int64_t>(), r.test_size);
      QCOMPARE(lines[k]["train_size"].get<std::int64_t>(), r.train_size);
      expectClose(r.test_accuracy, lines[k]["test_acc"].get<double>(), 1e-6, "fold accuracy");
      expectClose(r.test_loss, lines[k]["test_loss"].get<double>(), 1e-6, "fold loss");
    }
    const nlohmann::json& done = lines.back();
    expectClose(page.accuracy().mean, done["test_acc"]["mean"].get<double>(), 2e-6, "mean accuracy");
    expectClose(page.accuracy().std, done["test_acc"]["std"].get<double>(), 2e-6, "std of accuracy");
    expectClose(page.loss().mean, done["test_loss"]["mean"].get<double>(), 2e-6, "mean loss");
    QVERIFY(page.accuracy().mean > 0.8);
  }

  void holdoutAndBootstrap() {
    SplitsPage page;
    const std::vector<SampleRole>& roles = page.holdout();
    QCOMPARE(roles.size(), std::size_t(150));
    // Iris test_ratio 0.3 → 15 of each species tested; validation 0.2 of the other 35 → 7 each.
    QCOMPARE(std::count(roles.begin(), roles.end(), SampleRole::Test), std::ptrdiff_t(45));
    QCOMPARE(std::count(roles.begin(), roles.end(), SampleRole::Validation), std::ptrdiff_t(21));
    page.setBootstrapSeed(5);
    const auto [sample, oob] = gs::data::bootstrap_indices(150, 5);
    const std::vector<int>& counts = page.bootstrap();
    QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 150);
    QCOMPARE(static_cast<std::size_t>(std::count(counts.begin(), counts.end(), 0)), oob.size());
    for (std::int64_t i : oob) QCOMPARE(counts[static_cast<std::size_t>(i)], 0);
  }

  void earlyStoppingRestoresTheBestWeights() {
    CuresPage page;
    Cures cures;
    cures.patience = 5;
    page.setCures(cures);
    page.train();
    QTRY_VERIFY_WITH_TIMEOUT(page.finished() && !page.busy(), kTrainTimeoutMs);
    const CureResult& r = page.cured();
    QVERIFY2(r.stopped_early, "the base run overfits, so early stopping should end it");
    QVERIFY(r.best_epoch > 0 && r.best_epoch < static_cast<std::int64_t>(r.val_loss.size()));
    QCOMPARE(static_cast<std::int64_t>(r.val_loss.size()), r.best_epoch + 5);
    const double best = r.val_loss[static_cast<std::size_t>(r.best_epoch - 1)];
    QCOMPARE(*std::min_element(r.val_loss.begin(), r.val_loss.end()), best);
    expectClose(r.final_val_loss, best, 1e-6 * std::max(1.0, best), "validation loss after the restore");
    QVERIFY(r.final_val_loss < r.val_loss.back());  // not the last epoch's weights
    QVERIFY(page.pytorchCode().contains("load_state_dict(best_state)"));
    // The base run trained the whole 80 epochs on the same seed, and overfits.
    QCOMPARE(page.base().val_loss.size(), std::size_t(80));
    QVERIFY(page.base().train_loss.back() < page.base().val_loss.back());
  }

  void noCureTickedTrainsTheBaseOnly() {
    CuresPage page;
    QVERIFY(!page.cures().any());
    page.train();
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTrainTimeoutMs);
    QCOMPARE(page.base().val_loss.size(), std::size_t(80));
    QVERIFY(page.cured().val_loss.empty());  // no second run identical to the base
    QVERIFY(!page.finished());
    page.train();  // the base is done and nothing is ticked: nothing to train
    QVERIFY(!page.busy());
    const auto* status = page.controls()->findChild<QLabel*>("status");
    QVERIFY(status);
    QVERIFY2(status->text().contains("No cure is ticked"), qPrintable(status->text()));
  }

  void l1LeavesMoreZerosThanL2() {
    CuresPage page;
    Cures l1;
    l1.l1 = 0.003;
    page.setCures(l1);
    page.train();
    QTRY_VERIFY_WITH_TIMEOUT(page.finished() && !page.busy(), kTrainTimeoutMs);
    const std::int64_t base_zeros = nearZeroCount(page.base().weights);
    const std::int64_t l1_zeros = nearZeroCount(page.cured().weights);
    const std::vector<float> base_weights = page.base().weights;
    Cures l2;
    l2.l2 = 0.003;
    page.setCures(l2);
    page.train();
    QTRY_VERIFY_WITH_TIMEOUT(page.finished() && !page.busy(), kTrainTimeoutMs);
    QCOMPARE(page.base().weights, base_weights);  // the same base run
    const std::int64_t l2_zeros = nearZeroCount(page.cured().weights);
    QVERIFY2(l1_zeros > 2 * l2_zeros && l1_zeros > 2 * base_zeros,
             qPrintable(QString("near-zero weights: L1 %1, L2 %2, base %3").arg(l1_zeros).arg(l2_zeros).arg(base_zeros)));
    QVERIFY(page.pytorchCode().contains("weight_decay="));
  }

  void augmentationSlidersFollowCore() {
    AugmentationPage page;
    QVERIFY(page.image().defined());
    QCOMPARE(page.image().shape(), (gs::Shape{1, 8, 8}));
    const std::vector<float> before = page.tileValues(AugmentKind::Rotate);
    page.slider(AugmentKind::Rotate)->setValue(35);
    const std::vector<float> after = page.tileValues(AugmentKind::Rotate);
    QVERIFY(before != after);
    QCOMPARE(after, gs::data::affine(page.image(), 35, 0, 0, 1.0).to_vector<float>());
    page.slider(AugmentKind::Blur)->setValue(2);
    QCOMPARE(page.tileValues(AugmentKind::Blur), gs::data::blur(page.image(), 2).to_vector<float>());
    QCOMPARE(page.tileValues(AugmentKind::Flip), gs::data::hflip(page.image()).to_vector<float>());
    QCOMPARE(page.tileValues(AugmentKind::Original), page.image().to_vector<float>());
    page.slider(AugmentKind::Brightness)->setValue(-20);
    QCOMPARE(page.tileValues(AugmentKind::Brightness), gs::data::brightness_contrast(page.image(), -0.2, 1.0).to_vector<float>());
    QVERIFY(page.pytorchCode().contains("F.rotate(img, 35)"));
  }

  void sessionComesBack() {
    GeneralizationLab lab;
    lab.showPage("cures");
    Cures c;
    c.dropout = 0.3;
    c.batch_norm = true;
    lab.curesPage()->setCures(c);
    lab.splitsPage()->setFolds(3);
    const nlohmann::json state = lab.sessionState();
    GeneralizationLab other;
    QCOMPARE(other.restoreSessionState(state), QString());
    QCOMPARE(other.tabs()->currentIndex(), 2);
    QCOMPARE(other.curesPage()->cures(), c);
    QCOMPARE(other.splitsPage()->folds(), 3);
    nlohmann::json bad = state;
    bad["splits"]["folds"] = 40;
    QVERIFY(other.restoreSessionState(bad).contains("folds"));
    QVERIFY(other.pytorchCode().contains("nn.Dropout(p=0.3)"));
    QVERIFY(other.pytorchCode().contains("nn.BatchNorm1d(128)"));
  }

  void aDivergedRunKeepsCoresReasonCode() {
    // The trainer's stop reason leaves the run as core's code and values, not as an English
    // sentence, so that the page can say it in the learner's language.
    gs::spec::Scenario s = curesScenario(Cures{});
    s.optimizer.set_lr(1e30);
    CureResult result;
    gs::Error error("(no error)");
    try {
      trainCure(s, result, [] { return false; }, [](std::int64_t, double, double) {});
    } catch (const gs::Error& e) {
      error = e;
    }
    QVERIFY2(QString::fromStdString(error.code()).startsWith("diverged_"), error.what());
    const gs::MessageTemplate* m = gs::find_message(error.code());
    QVERIFY(m);
    QCOMPARE(static_cast<int>(error.args().size()), m->arity);
    QCOMPARE(std::string(error.what()), gs::format_message(error.code(), error.args()));
    QCOMPARE(engineExplanation(error), QString::fromStdString(error.what()));
    QVERIFY(Language::instance().setLanguage("ko"));
    const QString korean = engineExplanation(error);
    Language::instance().setLanguage("en");
    QVERIFY2(korean != QString::fromStdString(error.what()), qPrintable(korean));
    QVERIFY2(korean.contains(QString::fromStdString(error.args()[1])), qPrintable(korean));  // the step
    const QStringList english = englishIn(korean);
    QVERIFY2(english.isEmpty(), qPrintable(english.join("; ")));
  }

  void aSavedValueOfTheWrongTypeIsNamed() {
    GeneralizationLab lab;
    nlohmann::json state = lab.sessionState();
    state["splits"]["folds"] = "three";
    QCOMPARE(lab.restoreSessionState(state).contains("folds, bootstrap_seed, test_ratio, validation: expected numbers"), true);
    state = lab.sessionState();
    state["cures"]["augment"] = "yes";
    QVERIFY(lab.restoreSessionState(state).contains("augment, batch_norm: expected true or false"));
    QVERIFY(Language::instance().setLanguage("ko"));
    const QString korean = lab.restoreSessionState(state);
    Language::instance().setLanguage("en");
    QVERIFY2(korean.contains(QString::fromUtf8("숫자여야 합니다")), qPrintable(korean));
  }

  void koreanShowsKorean() {
    Language::instance().setLanguage("ko");
    const QString explanation = Language::instance().explanation("generalization");
    GeneralizationLab lab;
    const QString tab = lab.tabs()->tabText(0);
    Language::instance().setLanguage("en");
    QVERIFY2(explanation.contains(QString::fromUtf8("과적합")), qPrintable(explanation.left(200)));
    QVERIFY2(tab.contains(QString::fromUtf8("과적합")), qPrintable(tab));
    QTRY_COMPARE(lab.tabs()->tabText(0), QString("Overfitting"));  // the language change reaches the lab as an event
  }
};

QTEST_MAIN(TestLabGeneralization)
#include "tst_lab_generalization.moc"
