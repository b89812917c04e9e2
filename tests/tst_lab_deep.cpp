// The Deep networks lab (issue 12): its registration and pages, and the transfer-learning page.
// The page's curves are a real run of the shipped scenario: equal, bit for bit, to the same three
// recipes trained here with core, also when Play is paused and resumed; the frozen layers do not
// move while the head does, the counts of trainable and frozen parameters are core's, and the
// fine-tuned network beats the one trained from scratch on the shipped seed. A missing
// Fashion-MNIST names its Debian package.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>

#include "test_timing.h"
#include "app/engine_message.h"
#include "app/lab_registry.h"
#include "app/language.h"
#include "labs/cnn/cnn_image_views.h"
#include "labs/deep/deep_lab.h"
#include "labs/deep/transfer_page.h"
#include "labs/deep/transfer_views.h"
#include "labs/deep/transfer_experiment.h"
#include "plots/plot_style.h"
#include "spec/scenario.h"
#include "util/error_codes.h"

using namespace gsui;
using transfer::Recipe;

namespace {

const int kTimeoutMs = gstest::waitMs(180000);

bool haveFashionMnist() {
  return QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") || !qEnvironmentVariableIsEmpty("GRADSCOPE_FASHION_MNIST_DIR");
}

/// The three recipes trained here for `epochs` epochs with core alone: test accuracy per epoch, 0 first.
std::array<std::vector<double>, 3> directRun(int per_class, int epochs) {
  gs::spec::Scenario first = transfer::scenarioFor(Recipe::Frozen, per_class, epochs);
  const gs::spec::ScenarioData data = gs::spec::load_scenario_data(first);
  std::array<std::vector<double>, 3> acc;
  std::vector<gs::spec::Run> runs;
  for (Recipe r : transfer::kRecipes) {
    gs::spec::Scenario s = transfer::scenarioFor(r, per_class, epochs);
    runs.push_back(gs::spec::make_run(s, data));
    gs::train::Trainer& t = *runs.back().trainer;
    acc[static_cast<std::size_t>(r)].push_back(t.evaluate(t.test_set()).accuracy);
  }
  for (int e = 0; e < epochs; ++e)
    for (Recipe r : transfer::kRecipes) {
      gs::train::Trainer& t = *runs[static_cast<std::size_t>(r)].trainer;
      t.run_epoch();
      acc[static_cast<std::size_t>(r)].push_back(t.snapshot().test_accuracy);
    }
  return acc;
}

}  // namespace

class TestLabDeep : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  // Runs first, before anything has read the real files.
  void missingFashionMnistNamesThePackage() {
    QTemporaryDir empty;
    const QByteArray before = qgetenv("GRADSCOPE_FASHION_MNIST_DIR");
    qputenv("GRADSCOPE_FASHION_MNIST_DIR", empty.path().toUtf8());
    {
      TransferPage page;
      QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTimeoutMs);
      QVERIFY2(page.problem().contains("dataset-fashion-mnist"), qPrintable(page.problem()));
      QVERIFY(page.findChild<QLabel*>("transferStatus")->text().contains("dataset-fashion-mnist"));
      QVERIFY(page.curve(Recipe::Frozen).test_accuracy.empty());
      page.train();  // refused again, with the same message, no crash
      QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTimeoutMs);
      QVERIFY(page.problem().contains("dataset-fashion-mnist"));
    }
    if (before.isEmpty()) qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
    else qputenv("GRADSCOPE_FASHION_MNIST_DIR", before);
  }

  void missingFashionMnistIsSaidInKorean() {
    QTemporaryDir empty;
    const QByteArray before = qgetenv("GRADSCOPE_FASHION_MNIST_DIR");
    qputenv("GRADSCOPE_FASHION_MNIST_DIR", empty.path().toUtf8());
    Language::instance().setLanguage("ko");
    QString problem;
    {
      TransferPage page;
      QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTimeoutMs);
      problem = page.problem();
    }
    Language::instance().setLanguage("en");
    if (before.isEmpty()) qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
    else qputenv("GRADSCOPE_FASHION_MNIST_DIR", before);
    QVERIFY2(problem.contains(empty.path()) && problem.contains(QString::fromUtf8("설치되어 있지 않습니다")), qPrintable(problem));
    QVERIFY2(!problem.contains("is not installed"), qPrintable(problem));
  }

  void aBrokenShippedScenarioIsCoded() {
    // The shipped scenario missing or damaged: core's codes, so the page says it in Korean too.
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath("data") && QDir(root.path()).mkpath("scenarios"));
    const QByteArray before = qgetenv("GRADSCOPE_DATA_DIR");
    qputenv("GRADSCOPE_DATA_DIR", (root.path() + "/data").toUtf8());
    auto errorOf = [] {
      try {
        transfer::shippedScenario();
      } catch (const gs::Error& e) {
        return e;
      }
      return gs::Error("(no error)");
    };
    const std::string path = (root.path() + "/scenarios/fashion_transfer.json").toStdString();
    const gs::Error missing = errorOf();
    QFile file(root.path() + "/scenarios/fashion_transfer.json");
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": 1,");
    file.close();
    const gs::Error damaged = errorOf();
    if (before.isEmpty()) qunsetenv("GRADSCOPE_DATA_DIR");
    else qputenv("GRADSCOPE_DATA_DIR", before);
    QCOMPARE(missing.code(), std::string("shipped_file_missing"));
    QCOMPARE(QDir::cleanPath(QString::fromStdString(missing.args().at(0))), QDir::cleanPath(QString::fromStdString(path)));
    QCOMPARE(damaged.code(), std::string("shipped_file_invalid"));
    QCOMPARE(damaged.args().size(), std::size_t(2));
    QVERIFY(damaged.args()[1].find("parse error") != std::string::npos);  // the parser's own words, quoted
    Language::instance().setLanguage("ko");
    const QString korean = engineExplanation(missing);
    Language::instance().setLanguage("en");
    QVERIFY2(korean.contains(QString::fromStdString(missing.args()[0])) && korean.contains(QString::fromUtf8("다시 설치")),
             qPrintable(korean));
  }

  void theLabIsRegisteredWithItsPages() {
    const LabInfo* info = findLab("deep");
    QVERIFY(info);
    QCOMPARE(info->group, LabGroup::Networks);
    QCOMPARE(labTitle(*info), QString("Deep networks"));
    DeepLab lab;
    QCOMPARE(lab.pageIds(), (QStringList{"shortcuts", "vgg", "transfer"}));
    QVERIFY(lab.showPage("transfer"));
    QCOMPARE(lab.currentPageId(), QString("transfer"));
    QCOMPARE(lab.tabs()->tabText(2), QString("Transfer learning"));
    QVERIFY(!lab.showPage("resnet"));
    QVERIFY(lab.pytorchCode().contains("p.requires_grad = False"));
  }

  void thePictureLocksTheBaseAndCountsAsCore() {
    TransferPage page;
    const auto& boxes = page.networkView()->layers();
    QCOMPARE(boxes.size(), std::size_t(8));
    for (std::size_t i = 0; i < boxes.size(); ++i) QCOMPARE(boxes[i].pretrained, i < 6);
    QCOMPARE(QString::fromStdString(boxes[7].type), QString("Linear"));
    QCOMPARE(QString::fromStdString(boxes[7].detail), QString("784→5"));
    QVERIFY(page.networkView()->frozen());
    // The counts are core's, on the model the frozen recipe trains.
    gs::spec::Scenario s = transfer::scenarioFor(Recipe::Frozen, 10, 1);
    if (!haveFashionMnist()) QSKIP("Debian's dataset-fashion-mnist is not installed");
    gs::spec::Run run = gs::spec::make_run(s);
    const auto [trainable, frozen] = gs::spec::count_trainable_frozen(run.trainer->model());
    QCOMPARE(page.trainableParameters(), trainable);
    QCOMPARE(page.frozenParameters(), frozen);
    QCOMPARE(frozen, std::int64_t(8 * 25 + 8 + 16 * 8 * 25 + 16));
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTimeoutMs);
  }

  // Eight boxes in a narrow panel take two rows rather than shrink their names, and the view is
  // as tall as the two rows need; a wide panel keeps one row.
  void theBoxesTakeTwoRowsWhenNarrow() {
    TransferPage page;
    NetworkLockView* view = page.networkView();
    page.resize(400, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE(view->boxRows(), 2);
    QCOMPARE(view->height(), view->heightForWidth(view->width()));
    const int two_rows = view->height();
    page.resize(1400, 700);
    QTRY_COMPARE(view->boxRows(), 1);
    QTRY_VERIFY(view->height() < two_rows);
    QCOMPARE(view->height(), view->heightForWidth(view->width()));
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTimeoutMs);
  }

  // Epoch 0, then Play, Pause mid-way, Play again to the end: the curves equal a direct run of
  // the shipped scenario, the frozen tensors are the file's, and fine-tuning beats scratch.
  void trainingIsTheShippedRecipeAndBeatsScratch() {
    if (!haveFashionMnist()) QSKIP("Debian's dataset-fashion-mnist is not installed");
    TransferPage page;
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTimeoutMs);
    QVERIFY2(page.problem().isEmpty(), qPrintable(page.problem()));
    QCOMPARE(page.curve(Recipe::Frozen).test_accuracy.size(), std::size_t(1));
    // Before training, frozen and fine-tune-all are the same network (the base and the same new head).
    QCOMPARE(page.curve(Recipe::Frozen).test_accuracy[0], page.curve(Recipe::FineTuneAll).test_accuracy[0]);
    QCOMPARE(page.gallery()->count(), 5);
    QCOMPARE(page.gallery()->caption(0), QString("Sandal"));
    QCOMPARE(page.gallery()->caption(4), QString("Ankle boot"));
    QVERIFY(plotHint(page.accuracyPlot()).contains("Train the three recipes"));  // epoch 0 says what comes
    const int epochs = 12;
    page.setEpochs(epochs);
    QSignalSpy finished(&page, &TransferPage::trainingFinished);
    QSignalSpy stopped(&page, &LabPage::stoppedPlaying);
    page.setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(page.curve(Recipe::Frozen).test_accuracy.size() >= 3, kTimeoutMs);
    page.setPlaying(false);
    QVERIFY(!page.busy());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(stopped.count(), 0);  // paused by the learner: not a stop of its own
    QTest::qWait(50);  // the epochs the job posted before it stopped
    const std::size_t paused_at = page.curve(Recipe::Frozen).test_accuracy.size();
    QVERIFY(paused_at < static_cast<std::size_t>(epochs) + 1);
    QCOMPARE(page.curve(Recipe::Scratch).test_accuracy.size(), paused_at);
    page.setPlaying(true);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeoutMs);
    QCOMPARE(stopped.count(), 1);  // the end of the run stopped Play by itself
    QVERIFY(plotHint(page.accuracyPlot()).isEmpty());
    const auto direct = directRun(10, epochs);
    for (Recipe r : transfer::kRecipes) QCOMPARE(page.curve(r).test_accuracy, direct[static_cast<std::size_t>(r)]);
    QVERIFY(page.frozenUnchanged());
    QVERIFY(page.headMoved());
    const double tuned = page.curve(Recipe::Frozen).test_accuracy.back(), scratch = page.curve(Recipe::Scratch).test_accuracy.back();
    qInfo("after %d epochs on 10 images per class: frozen + new head %.4f, fine-tune all %.4f, from scratch %.4f", epochs, tuned,
          page.curve(Recipe::FineTuneAll).test_accuracy.back(), scratch);
    QVERIFY2(tuned > scratch + 0.03, qPrintable(QString("%1 vs %2").arg(tuned).arg(scratch)));
    QVERIFY(page.findChild<QLabel*>("transferStatus")->text().contains("bit for bit"));
    // Step: one more epoch of each; Reset: back to epoch 0.
    page.step();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, kTimeoutMs);
    QCOMPARE(page.curve(Recipe::Scratch).test_accuracy.size(), std::size_t(epochs + 2));
    page.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTimeoutMs);
    QCOMPARE(page.curve(Recipe::Frozen).test_accuracy.size(), std::size_t(1));
    QVERIFY(!page.frozenUnchanged());
    QVERIFY(!plotHint(page.accuracyPlot()).isEmpty());
  }

  void fewerImagesPerClassRetrains() {
    if (!haveFashionMnist()) QSKIP("Debian's dataset-fashion-mnist is not installed");
    TransferPage page;
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTimeoutMs);
    auto* per_class = page.controls()->findChild<QComboBox*>("transferPerClass");
    per_class->setCurrentIndex(per_class->findData(2));
    QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), kTimeoutMs);
    QCOMPARE(page.gallery()->count(), 5);
    page.setEpochs(2);
    QTest::mouseClick(page.controls()->findChild<QPushButton*>("transferTrain"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.curve(Recipe::Scratch).test_accuracy.size() == 3 && !page.busy(), kTimeoutMs);
    const auto direct = directRun(2, 2);
    for (Recipe r : transfer::kRecipes) QCOMPARE(page.curve(r).test_accuracy, direct[static_cast<std::size_t>(r)]);
    QVERIFY(page.pytorchCode().contains("# 2 images of each new class"));
  }

  void sessionStateRoundTripsAndRefusesBadValues() {
    TransferPage page;
    page.setEpochs(7);
    page.setPerClass(5);
    const nlohmann::json state = page.sessionState();
    TransferPage other;
    QVERIFY(other.restoreSessionState(state).isEmpty());
    QCOMPARE(other.epochs(), 7);
    QCOMPARE(other.perClass(), 5);
    QVERIFY(other.restoreSessionState({{"per_class", 3}}).contains("per_class"));
    QVERIFY(other.restoreSessionState({{"epochs", 0}}).contains("epochs"));
    QVERIFY(other.restoreSessionState({{"epochs", "many"}}).contains("epochs"));
    QCOMPARE(other.epochs(), 7);
    QCOMPARE(other.perClass(), 5);
    DeepLab lab;
    QVERIFY(lab.restoreSessionState({{"page", "transfer"}, {"transfer", {{"epochs", 9}}}}).isEmpty());
    QCOMPARE(lab.currentPageId(), QString("transfer"));
    QCOMPARE(lab.transferPage()->epochs(), 9);
    QVERIFY(lab.restoreSessionState({{"page", "nowhere"}}).contains("page"));
    QVERIFY(lab.restoreSessionState({{"page", "vgg"}, {"transfer", {{"epochs", -1}}}}).contains("transfer: epochs"));
    QCOMPARE(lab.currentPageId(), QString("transfer"));  // nothing applied
    QTRY_VERIFY_WITH_TIMEOUT(!lab.busy() && !page.busy() && !other.busy(), kTimeoutMs);
  }

  void koreanTexts() {
    DeepLab lab;
    const QString title = lab.tabs()->tabText(2);
    Language::instance().setLanguage("ko");
    QTRY_VERIFY(lab.tabs()->tabText(2) != title);
    QVERIFY(!Language::instance().explanation("deep").contains("Transfer learning"));
    QVERIFY(Language::instance().explanation("deep").contains("전이 학습"));
    Language::instance().setLanguage("en");
    QTRY_COMPARE(lab.tabs()->tabText(2), title);
    QTRY_VERIFY_WITH_TIMEOUT(!lab.busy(), kTimeoutMs);
  }
};

QTEST_MAIN(TestLabDeep)
#include "tst_lab_deep.moc"
