// The CNN lab, one suite of three parts: the convolution stepped cell by cell against conv2d
// (lab_cnn/convolution_tests.cpp), MLP vs CNN (lab_cnn/compare_tests.cpp), and here the Train page: training from the lab reaches what `gradscope-cli train` reaches on
// the same scenario, a confusion cell lists exactly the images core counts there, the views follow
// the model, the mistakes are shown, and closing mid-training is safe.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include "app/language.h"
#include "app/shared_network.h"
#include "builder/network_builder.h"
#include "labs/builder/builder_lab.h"
#include "labs/cnn/cnn_class_views.h"
#include "labs/cnn/cnn_compare_page.h"
#include "labs/cnn/cnn_image_views.h"
#include "labs/cnn/cnn_lab.h"
#include "labs/cnn/cnn_train_page.h"
#include "metrics/metrics.h"
#include <qcustomplot.h>

using namespace gsui;

namespace {

/// Waits until the page's run is built (or refused).
bool waitReady(CnnTrainPage& page) {
  return QTest::qWaitFor([&] { return page.ready() || !page.problem().isEmpty(); }, 60000);
}

/// Trains `epochs` whole epochs and waits for the frame of the last one.
std::shared_ptr<const CnnFrame> trainEpochs(CnnTrainPage& page, int epochs) {
  std::shared_ptr<const CnnFrame> frame = page.session().latestFrame();
  if (!frame) return nullptr;
  page.session().step(static_cast<int>(frame->stepsPerEpoch * epochs));
  const bool done = QTest::qWaitFor([&] {
    frame = page.session().latestFrame();
    return frame && static_cast<int>(frame->epochs.size()) >= epochs;
  }, 120000);
  if (!done) return nullptr;
  page.refresh();
  return frame;
}

/// Korean with no English sentence left: Hangul, and no run of three English words (names in
/// code such as Flatten, in_channels or [N, 32, 2, 2] may stand alone).
bool noEnglishSentence(const QString& text) {
  static const QRegularExpression hangul("[\\x{AC00}-\\x{D7A3}]");
  static const QRegularExpression english_run("\\b[a-z]{2,}\\s+[a-z]{2,}\\s+[a-z]{2,}\\b");
  return text.contains(hangul) && !text.contains(english_run);
}

}  // namespace

class LabCnnTest : public QObject {
  Q_OBJECT

 private slots:
  void trainsToTheAccuracyOfTheCli() {
    CnnTrainPage page;
    QVERIFY(waitReady(page));
    QVERIFY2(page.problem().isEmpty(), qPrintable(page.problem()));
    const auto frame = trainEpochs(page, 2);
    QVERIFY(frame && frame->epochs.size() == 2);

    CnnTrainSetup setup = page.setup();
    setup.epochs = 2;
    QTemporaryFile f(QDir::tempPath() + "/cnn_XXXXXX.json");
    QVERIFY(f.open());
    f.write(QByteArray::fromStdString(gs::spec::to_json(toScenario(setup)).dump()));
    f.close();
    QProcess cli;
    cli.start(GRADSCOPE_CLI, {"train", f.fileName()});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    const QList<QByteArray> lines = cli.readAllStandardOutput().trimmed().split('\n');
    const QJsonObject last_epoch = QJsonDocument::fromJson(lines[lines.size() - 2]).object();
    QCOMPARE(last_epoch.value("epoch").toInt(), 2);
    const double cli_acc = last_epoch.value("test_acc").toDouble(), lab_acc = frame->epochs.back().testAccuracy;
    QVERIFY2(std::abs(cli_acc - lab_acc) < 1e-5, qPrintable(QString("cli %1, lab %2").arg(cli_acc).arg(lab_acc)));
    QVERIFY2(std::abs(last_epoch.value("test_loss").toDouble() - frame->epochs.back().testLoss) < 1e-5,
             qPrintable(QString("cli %1, lab %2").arg(last_epoch.value("test_loss").toDouble()).arg(frame->epochs.back().testLoss)));
    QVERIFY(lab_acc > 0.5);  // two epochs of LeNet on digits learn something
  }

  void confusionCellListsExactlyItsImages() {
    CnnTrainPage page;
    page.resize(1200, 700);
    page.show();
    QVERIFY(waitReady(page));
    const auto frame = trainEpochs(page, 1);
    QVERIFY(frame && frame->evaluation);
    const CnnEvaluation& e = *frame->evaluation;
    const gs::metrics::Matrix m = gs::metrics::confusion_matrix(e.targets, e.predictions, 10);
    QCOMPARE(page.confusionGrid()->matrix(), m);
    QCOMPARE(static_cast<std::int64_t>(e.targets.size()), page.testImages().size(0));
    // A diagonal cell and the largest mistake.
    int bt = 0, bp = 1;
    for (int t = 0; t < 10; ++t)
      for (int p = 0; p < 10; ++p)
        if (t != p && m[t][p] > m[bt][bp]) bt = t, bp = p;
    for (auto [t, p] : {std::pair{3, 3}, std::pair{bt, bp}}) {
      const QRect cell = page.confusionGrid()->cellRect(t, p);
      QTest::mouseClick(page.confusionGrid(), Qt::LeftButton, {}, cell.center());
      const auto& shown = page.galleryIndices();
      QCOMPARE(static_cast<std::int64_t>(shown.size()), m[t][p]);
      for (auto i : shown) {
        QCOMPARE(e.targets[static_cast<std::size_t>(i)], std::int64_t(t));
        QCOMPARE(e.predictions[static_cast<std::size_t>(i)], std::int64_t(p));
      }
      QCOMPARE(page.gallery()->count(), static_cast<int>(std::min<std::int64_t>(m[t][p], 24)));
      // Each caption is the probability the model gave the predicted class.
      if (!shown.empty()) {
        const float prob = e.probabilities[static_cast<std::size_t>(shown[0] * 10 + p)];
        QCOMPARE(page.gallery()->caption(0), QString("%1 %").arg(std::lround(prob * 100)));
      }
    }
  }

  void viewsFollowTheChosenImageAndTheDrawing() {
    CnnTrainPage page;
    page.resize(1200, 700);
    page.show();
    QVERIFY(waitReady(page));
    QVERIFY(trainEpochs(page, 1));
    QTest::mouseClick(page.imageStrip(), Qt::LeftButton, {}, page.imageStrip()->imageRect(3).center());
    QVERIFY(QTest::qWaitFor([&] { return page.session().latestFrame()->chosenImage == 3; }, 10000));
    const auto frame = page.session().latestFrame();
    QCOMPARE(frame->maps.size(), std::size_t(10));  // every layer of the LeNet-like preset
    QCOMPARE(frame->maps[0].shape, (gs::Shape{16, 8, 8}));
    QCOMPARE(frame->filters.shape, (gs::Shape{16, 1, 5, 5}));
    QCOMPARE(frame->maps.back().shape, (gs::Shape{10}));

    // Draw a stroke: the probabilities of the drawing arrive, sum to one, and change with it.
    page.drawingPad()->stroke({{16, 4}, {16, 28}});
    QVERIFY(QTest::qWaitFor([&] { return page.session().latestFrame()->drawnProbabilities.size() == 10; }, 10000));
    const std::vector<float> first = page.session().latestFrame()->drawnProbabilities;
    double sum = 0;
    for (float p : first) sum += p;
    QVERIFY(std::abs(sum - 1.0) < 1e-4);
    page.drawingPad()->stroke({{4, 6}, {28, 6}, {4, 28}, {28, 28}});
    QVERIFY(QTest::qWaitFor([&] { return page.session().latestFrame()->drawnProbabilities != first; }, 10000));
    // The worker may publish another frame between a refresh and the comparison (CI saw it), so
    // the bars must show the latest frame's numbers once the frames settle.
    QVERIFY(QTest::qWaitFor([&] {
      page.refresh();
      return page.probabilityBars()->probabilities() == page.session().latestFrame()->drawnProbabilities;
    }, 10000));
  }

  void mistakesAreShownNotCrashed() {
    CnnTrainPage page;
    QVERIFY(waitReady(page));
    auto* no_flatten = page.controls()->findChild<QCheckBox*>("noFlatten");
    QVERIFY(no_flatten);
    no_flatten->click();
    QVERIFY(waitReady(page));
    QVERIFY(!page.ready());
    QVERIFY2(page.problem().contains("Flatten"), qPrintable(page.problem()));
    auto* error = page.findChild<QLabel*>("layersError");
    QVERIFY(error->text().contains("Flatten"));
    no_flatten->click();
    QVERIFY(waitReady(page));
    QVERIFY(page.ready());

    auto* channels = page.controls()->findChild<QCheckBox*>("wrongChannels");
    channels->click();
    QVERIFY(waitReady(page));
    QVERIFY2(page.problem().contains("in_channels"), qPrintable(page.problem()));
    channels->click();
    QVERIFY(waitReady(page));

    // Too high a learning rate changes the running optimizer: the next step uses it.
    page.controls()->findChild<QCheckBox*>("lrTooHigh")->click();
    QVERIFY(page.ready());
    page.step();
    QVERIFY(QTest::qWaitFor([&] { return page.session().snapshot().step >= 1; }, 10000));
    QCOMPARE(page.session().snapshot().lr, kTooHighLr);
  }

  void mistakesAreExplainedInKorean() {
    // Core names the mistake and its values (gs::Error::code()); the page says it in Korean.
    Language::instance().setLanguage("ko");
    CnnTrainSetup setup;
    setup.noFlatten = true;
    CnnTrainPage page;
    page.setSetup(setup);
    QVERIFY(waitReady(page));
    const QString text = page.findChild<QLabel*>("layersError")->text();
    Language::instance().setLanguage("en");
    // core's own sentence for the code (one text for the builder and this lab), in Korean, at its layer.
    QVERIFY2(text.contains(QString::fromUtf8("Flatten을 추가해")) && text.contains("[N, 32, 2, 2]"), qPrintable(text));
    QVERIFY2(text.contains(QString::fromUtf8("번 층 (Linear)")), qPrintable(text));
    QVERIFY2(noEnglishSentence(text), qPrintable(text));
    QCOMPARE(page.problem(), text);
  }

  void wrongChannelsAreExplainedInKorean() {
    Language::instance().setLanguage("ko");
    CnnTrainSetup setup;
    setup.wrongChannels = true;
    CnnTrainPage page;
    page.setSetup(setup);
    QVERIFY(waitReady(page));
    const QString text = page.findChild<QLabel*>("layersError")->text();
    Language::instance().setLanguage("en");
    QVERIFY2(text.contains("in_channels") && text.contains(QString::fromUtf8("채널")), qPrintable(text));
    QVERIFY2(noEnglishSentence(text), qPrintable(text));
    QVERIFY(!page.ready());
    // In English the same table says core's sentence word for word.
    page.retranslate();
    QTRY_COMPARE(page.findChild<QLabel*>("layersError")->text(),
                 QString("Layer 0 (Conv2d): Conv2d(in_channels=3) gets 1 channels from the layer before: set in_channels to 1 "
                         "(or leave it out to infer it)."));
  }

  void missingFashionMnistIsNamedInTheLearnersLanguage() {
    qputenv("GRADSCOPE_FASHION_MNIST_DIR", "/nonexistent/fashion-mnist");
    Language::instance().setLanguage("ko");
    CnnTrainPage page;
    QVERIFY(waitReady(page));
    CnnTrainSetup setup;
    setup.dataset = "fashion_mnist";
    page.setSetup(setup);
    QVERIFY(waitReady(page));
    const QString problem = page.problem();
    Language::instance().setLanguage("en");
    qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
    QVERIFY(!page.ready());
    QVERIFY2(problem.contains("dataset-fashion-mnist") && problem.contains(QString::fromUtf8("설치되어 있지 않습니다")), qPrintable(problem));
    page.setSetup(CnnTrainSetup{});  // the digits still train
    QVERIFY(waitReady(page));
    QVERIFY(page.ready());
  }

  void closingMidTrainingIsSafe() {
    auto* lab = new CnnLab;
    lab->showPage("train");
    QVERIFY(waitReady(*lab->trainPage()));
    lab->setPlaying(true);
    QVERIFY(QTest::qWaitFor([&] { return lab->trainPage()->session().snapshot().step > 3; }, 30000));
    delete lab;  // stops the worker mid-epoch; no frame reaches a dead page
    // And while the data are still loading.
    auto* loading = new CnnLab;
    loading->showPage("train");
    delete loading;
  }

  void setupsRoundTripThroughScenarios() {
    for (CnnPreset p : {CnnPreset::LeNet, CnnPreset::Vgg, CnnPreset::Residual, CnnPreset::Mlp}) {
      CnnTrainSetup s;
      s.preset = p;
      s.dataset = "fashion_mnist";
      s.subset = 7000;
      s.augment = true;
      s.batchSize = 128;
      s.lr = 3e-3;
      const CnnTrainSetup back = fromScenario(gs::spec::parse_scenario(gs::spec::to_json(toScenario(s))));
      QVERIFY(back == s);
    }
  }

  void openNetworkFilesGoodAndBad() {
    CnnTrainPage page;
    QVERIFY(waitReady(page));
    QTemporaryDir dir;
    auto write = [&](const char* name, const QByteArray& text) {
      QFile f(dir.filePath(name));
      f.open(QIODevice::WriteOnly);
      f.write(text);
      return f.fileName();
    };
    const CnnTrainSetup before = page.setup();
    // Refused, naming what is wrong; the setup is untouched.
    QVERIFY(page.openNetworkFile(write("garbage.json", "{not json")).size() > 0);
    QVERIFY(page.openNetworkFile(dir.filePath("missing.json")).size() > 0);
    QVERIFY(page.openNetworkFile(write("array.json", "[1, 2]")).size() > 0);
    QVERIFY(page.openNetworkFile(write("layer.json", R"({"layers": [{"type": "Conv3d"}]})")).contains("Conv3d"));
    QVERIFY(page.openNetworkFile(write("iris.json", R"({"version": 1, "lab": "cnn", "dataset": {"name": "iris"},
        "model": {"layers": [{"type": "Linear", "out_features": 3}]}, "loss": "CrossEntropyLoss",
        "optimizer": {"name": "Adam"}})")).contains("iris"));
    QVERIFY(page.openNetworkFile(write("scenario.json", R"({"version": 1, "lab": "cnn", "dataset": {"name": "digits"},
        "model": {"layers": []}, "loss": "CrossEntropyLoss", "optimizer": {"name": "Adam"}, "batch_size": 0})")).contains("batch_size"));
    QVERIFY(page.setup() == before);
    // A builder's spec that parses but cannot take these images: the run is refused with the layer's reason.
    QCOMPARE(page.openNetworkFile(write("flat.json", R"({"input_shape": [64], "layers": [{"type": "Linear", "out_features": 10}]})")), QString());
    QVERIFY(waitReady(page));
    QVERIFY2(!page.ready() && page.problem().contains("Linear"), qPrintable(page.problem()));
    // A good spec from the builder trains.
    QCOMPARE(page.openNetworkFile(write("good.json", R"({"input_shape": [1, 8, 8], "layers": [{"type": "Conv2d", "out_channels": 4,
        "kernel_size": 3}, {"type": "ReLU"}, {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})")), QString());
    QVERIFY(waitReady(page));
    QVERIFY2(page.ready(), qPrintable(page.problem()));
    QCOMPARE(page.setup().preset, CnnPreset::FromFile);
    // And the lab's shipped scenarios open as whole setups.
    const QString shipped = QString(GRADSCOPE_GOLDEN_DIR) + "/../../resources/scenarios/cnn_digits_vgg.json";
    QCOMPARE(page.openNetworkFile(shipped), QString());
    QCOMPARE(page.setup().preset, CnnPreset::Vgg);
    QCOMPARE(page.setup().lr, 0.003);
  }

  void trainsTheBuildersNetwork() {
    SharedNetwork::instance().setSpec(nullptr);
    CnnTrainPage page;
    QVERIFY(waitReady(page));
    auto* from_builder = page.controls()->findChild<QPushButton*>("fromBuilder");
    QVERIFY(from_builder);
    const CnnTrainSetup before = page.setup();
    QVERIFY(page.takeBuilderNetwork().contains("builder"));  // no builder opened yet: nothing changes
    QVERIFY(page.setup() == before);
    // A network drawn in the builder lab trains here.
    BuilderLab builder;
    const nlohmann::json spec = nlohmann::json::parse(R"({"input_shape": [1, 8, 8], "layers": [{"type": "Conv2d",
        "out_channels": 6, "kernel_size": 3, "padding": 1}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
        {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})");
    QCOMPARE(builder.builder()->setSpecJson(spec), QString());
    from_builder->click();
    QCOMPARE(page.setup().preset, CnnPreset::FromFile);
    QCOMPARE(modelOf(page.setup())["layers"], builder.builder()->specJson()["layers"]);
    QVERIFY(waitReady(page));
    QVERIFY2(page.ready(), qPrintable(page.problem()));
    const auto frame = trainEpochs(page, 1);
    QVERIFY(frame);
    QCOMPARE(frame->filters.shape, (gs::Shape{6, 1, 3, 3}));
  }

  void forkedRunIsBitIdenticalUntilItsLearningRateChanges() {
    // Fork (issue 16): B is A to the last bit until one knob changes in B, and only B changes.
    CnnTrainPage page;
    QVERIFY(waitReady(page));
    page.session().step(5);
    QVERIFY(QTest::qWaitFor([&] { return page.session().latestFrame()->snapshot.step == 5; }, 60000));
    QSignalSpy started(&page, &CnnTrainPage::forkStarted);
    QTest::mouseClick(page.forkButton(), Qt::LeftButton);
    QVERIFY(page.forked());
    QVERIFY(started.wait(60000));
    QVERIFY(page.forkRunning());
    QCOMPARE(page.forkDifference(), QString("no change yet"));
    QCOMPARE(page.forkFrame()->snapshot.step, std::int64_t(5));
    auto stepBoth = [&](int steps) {
      const std::int64_t a = page.session().latestFrame()->snapshot.step, b = page.forkFrame()->snapshot.step;
      for (int i = 0; i < steps; ++i) page.step();
      return QTest::qWaitFor([&] {
        return page.session().latestFrame()->snapshot.step == a + steps && page.forkFrame()->snapshot.step == b + steps;
      }, 60000);
    };
    QVERIFY(stepBoth(8));
    QCOMPARE(page.forkFrame()->snapshot.loss_history, page.session().latestFrame()->snapshot.loss_history);
    // B's learning rate only.
    auto* lr = page.controls()->findChild<QComboBox*>("lr");
    lr->setCurrentIndex(lr->findData(1e-2));
    QCOMPARE(page.forkDifference(), QString("lr 0.01"));
    QVERIFY(stepBoth(8));
    QVERIFY(page.forkFrame()->snapshot.loss_history != page.session().latestFrame()->snapshot.loss_history);
    QCOMPARE(page.session().latestFrame()->snapshot.lr, 1e-3);
    QCOMPARE(page.forkFrame()->snapshot.lr, 1e-2);
    page.refresh();
    auto* curves = page.findChild<QCustomPlot*>("curves");
    QCOMPARE(curves->graphCount(), 5);
    QCOMPARE(curves->graph(3)->pen().style(), Qt::DashLine);
    QVERIFY(curves->graph(3)->name().contains("lr 0.01"));
    // Another network is not a fork's change: refused, still forked, the controls unchanged.
    auto* preset = page.controls()->findChild<QComboBox*>("preset");
    preset->setCurrentIndex(static_cast<int>(CnnPreset::Mlp));
    QCOMPARE(page.setup().preset, CnnPreset::LeNet);
    QCOMPARE(preset->currentIndex(), static_cast<int>(CnnPreset::LeNet));
    QVERIFY(page.forked());
    // Ending it: A's settings come back and its curves stand alone.
    QTest::mouseClick(page.forkButton(), Qt::LeftButton);
    QVERIFY(!page.forked());
    QCOMPARE(page.setup().lr, 1e-3);
    QCOMPARE(lr->currentData().toDouble(), 1e-3);
    QCOMPARE(curves->graphCount(), 3);
  }

  void trainsOnTheLearnersImageFolder() {
    // Issue 16: a folder of PNG/JPEG images, one subfolder per class (torchvision's ImageFolder).
    QTemporaryDir dir;
    QDir root(dir.path());
    for (const char* c : {"dark", "light"}) QVERIFY(root.mkdir(c));
    for (int i = 0; i < 20; ++i) {
      QImage dark(20, 20, QImage::Format_RGB32), light(24, 18, QImage::Format_RGB32);
      dark.fill(qRgb(20 + i, 10, 30));
      light.fill(qRgb(230, 220 - i, 240));
      QVERIFY(dark.save(root.filePath(QString("dark/%1.png").arg(i))));
      QVERIFY(light.save(root.filePath(QString("light/%1.jpg").arg(i)), "JPEG"));
    }
    CnnTrainPage page;
    QVERIFY(waitReady(page));
    // A folder that is not one: refused naming it, nothing changed.
    QTemporaryDir bad;
    QVERIFY(QDir(bad.path()).mkdir("only"));
    QVERIFY(QImage(4, 4, QImage::Format_RGB32).save(bad.filePath("only/1.png")));
    const QString problem = page.openImageFolder(bad.path());
    QVERIFY2(problem.contains(bad.path()) && problem.contains("only"), qPrintable(problem));
    QCOMPARE(page.setup().dataset, QString("digits"));
    // The good one: two classes named by their folders, images made 16×16 RGB.
    QCOMPARE(page.openImageFolder(dir.path()), QString());
    QCOMPARE(page.setup().dataset, QString("image_folder"));
    QCOMPARE(page.trainClassNames(), (QStringList{"dark", "light"}));
    page.controls()->findChild<QCheckBox*>("folderColor")->setChecked(true);
    auto* size = page.controls()->findChild<QComboBox*>("folderSize");
    size->setCurrentIndex(size->findData(16));
    QCOMPARE(page.setup().folderChannels, 3);
    QCOMPARE(page.setup().folderSize, 16);
    QVERIFY(waitReady(page));
    QVERIFY2(page.problem().isEmpty(), qPrintable(page.problem()));
    QCOMPARE(page.testImages().size(1), std::int64_t(3));
    QCOMPARE(page.testImages().size(2), std::int64_t(16));
    const auto frame = trainEpochs(page, 3);
    QVERIFY(frame);
    QVERIFY2(frame->epochs.back().testAccuracy == 1.0, qPrintable(QString::number(frame->epochs.back().testAccuracy)));
    QCOMPARE(frame->evaluation->classes, 2);
    QCOMPARE(page.confusionGrid()->matrix().size(), std::size_t(2));
    QVERIFY(page.pytorchCode().contains("datasets.ImageFolder('" + dir.path() + "'"));
    QVERIFY(!page.pytorchCode().contains("Grayscale"));
    // The scenario names the folder: `gradscope-cli train` reads the same images.
    const gs::spec::Scenario s = toScenario(page.setup());
    QCOMPARE(s.dataset.name, std::string("image_folder"));
    QCOMPARE(s.dataset.path, dir.path().toStdString());
    QCOMPARE(fromScenario(gs::spec::parse_scenario(gs::spec::to_json(s))), page.setup());
  }

  void sessionKeepsThePageAndTheSetup() {
    CnnLab lab;
    CnnTrainSetup setup;
    setup.preset = CnnPreset::Residual;
    setup.batchSize = 32;
    setup.lr = 3e-3;
    lab.trainPage()->setSetup(setup);
    lab.showPage("compare");
    const nlohmann::json state = lab.sessionState();
    CnnLab other;
    QCOMPARE(other.restoreSessionState(state), QString());
    QVERIFY(other.trainPage()->setup() == setup);
    QCOMPARE(other.currentPage(), static_cast<CnnPage*>(other.comparePage()));
    // A bad state changes nothing and says which field.
    nlohmann::json bad = state;
    bad["train"]["batch_size"] = -1;
    QVERIFY(other.restoreSessionState(bad).contains("batch_size"));
    QVERIFY(other.trainPage()->setup() == setup);
    QVERIFY(other.restoreSessionState({{"page", 7}}).contains("page"));
  }

  void pytorchCodeParses() {
    CnnTrainPage page;
    if (QProcess::execute("python3", {"-c", "pass"}) != 0) QSKIP("python3 is not installed");
    QProcess python;
    python.start("python3", {"-c", "import ast, sys; ast.parse(sys.stdin.read())"});
    python.write(page.pytorchCode().toUtf8());
    python.closeWriteChannel();
    QVERIFY(python.waitForFinished(30000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    QVERIFY(page.pytorchCode().contains("nn.Conv2d(1, 16, kernel_size=5, padding=2)"));
  }
};

int runConvolutionTests(int argc, char** argv);
int runCompareTests(int argc, char** argv);
bool hasConvolutionTest(const char* name);
bool hasCompareTest(const char* name);

namespace {
/// The test functions named on the command line (none: all of them).
QStringList namedFunctions(int argc, char** argv) {
  QStringList names;
  for (int i = 1; i < argc; ++i) {
    const QString a = QString::fromLocal8Bit(argv[i]);
    if (a.startsWith('-')) {
      if (a == "-o" || a == "-maxwarnings" || a == "-eventdelay" || a == "-keydelay" || a == "-mousedelay") ++i;  // their value
      continue;
    }
    names << a.section(':', 0, 0);
  }
  return names;
}
/// Whether a part has one of the functions named (each part runs only then: Qt Test would fail
/// a part for a name that belongs to another).
bool named(const QStringList& names, const std::function<bool(const char*)>& has) {
  if (names.isEmpty()) return true;
  for (const QString& n : names)
    if (has(n.toLatin1().constData())) return true;
  return false;
}
}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QTEST_SET_MAIN_SOURCE_PATH
  const QStringList names = namedFunctions(argc, argv);
  int failures = 0;
  LabCnnTest train;
  if (named(names, [&](const char* n) { return train.metaObject()->indexOfMethod(QByteArray(n) + "()") >= 0; }))
    failures += QTest::qExec(&train, argc, argv);
  if (named(names, hasConvolutionTest)) failures += runConvolutionTests(argc, argv);
  if (named(names, hasCompareTest)) failures += runCompareTests(argc, argv);
  return failures;
}

#include "tst_lab_cnn.moc"
