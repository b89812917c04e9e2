// File → Open… and --open (issue 18): a file is opened as what its content says it is (a lesson,
// a scenario in its lab, a network in the builder, weights into the open lab); anything else is
// refused naming the file or the field, and changes nothing. The File menu shows the open lab's
// own actions (issue 16: the Playground's Import CSV…).
#include <QtTest>

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>

#include "app/appearance.h"
#include "app/lab.h"
#include "app/language.h"
#include "app/lesson_player.h"
#include "app/main_window.h"
#include "builder/network_builder.h"
#include "labs/builder/builder_lab.h"
#include "labs/playground/playground_lab.h"
#include "support/run_app.h"

using namespace gsui;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
  const QString path = dir.filePath(name);
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) return {};
  return path;
}

QByteArray json(const nlohmann::json& j) { return QByteArray::fromStdString(j.dump(1)); }

/// The XOR preset with Adam at 0.03: values a fresh Playground does not have.
nlohmann::json xorScenario() {
  return nlohmann::json::parse(R"({"version": 1, "lab": "playground", "title": "XOR, opened",
    "dataset": {"name": "xor", "n": 300, "noise": 0.1, "test_ratio": 0.5, "seed": 1, "features": ["x1", "x2"]},
    "model": {"layers": [{"type": "Linear", "out_features": 1}]},
    "loss": "BCEWithLogitsLoss", "optimizer": {"name": "Adam", "lr": 0.03}, "batch_size": 10, "seed": 1})");
}

}  // namespace

class TestAppOpen : public QObject {
  Q_OBJECT

  static int run(const QStringList& args, QString* err) { return gstest::runApp(args, nullptr, err); }

 private slots:
  void init() {
    Language::instance().setLanguage("en");
    Appearance::instance().setPresentation(false);
  }

  void scenarioOpensItsLabWithItsValues() {
    QTemporaryDir dir;
    const QString path = writeFile(dir, "xor.json", json(xorScenario()));
    MainWindow w;
    QVERIFY(w.showLab("perceptron"));
    const QString problem = w.openFile(path);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(w.currentLabId(), QString("playground"));
    auto* playground = qobject_cast<PlaygroundLab*>(w.currentLab());
    QVERIFY(playground);
    QCOMPARE(playground->setup().dataset, std::string("xor"));
    QVERIFY(playground->setup().optimizer == gs::optim::OptimizerKind::Adam);
    QCOMPARE(playground->setup().lr, 0.03);
    QCOMPARE(playground->hiddenLayers(), std::vector<int>{});
    QVERIFY(w.statusBar()->currentMessage().contains("xor.json"));
  }

  void networkOpensInTheBuilder() {
    QTemporaryDir dir;
    const QString path = writeFile(dir, "net.json", R"({"version": 1, "input_shape": [4],
      "layers": [{"type": "Linear", "out_features": 3}, {"type": "ReLU"}, {"type": "Linear", "out_features": 2}]})");
    MainWindow w;
    QVERIFY(w.showLab("perceptron"));
    QCOMPARE(w.openFile(path), QString());
    QCOMPARE(w.currentLabId(), QString("builder"));
    auto* builder = qobject_cast<BuilderLab*>(w.currentLab());
    QCOMPARE(builder->builder()->layerCount(), 3);
    QVERIFY(builder->builder()->specJson()["input_shape"] == nlohmann::json::parse("[4]"));
  }

  void lessonStarts() {
    QTemporaryDir dir;
    const QString path = writeFile(dir, "lesson.json", R"({"format": "gradscope-lesson", "version": 1, "id": "t", "title": "T",
      "steps": [{"lab": "descent", "caption": "one"}, {"lab": "activations", "caption": "two"}]})");
    MainWindow w;
    QVERIFY(w.showLab("perceptron"));
    QCOMPARE(w.openFile(path), QString());
    QVERIFY(w.lessons()->active());
    QCOMPARE(w.currentLabId(), QString("descent"));
  }

  void weightsLoadIntoTheOpenLab() {
    QTemporaryDir dir;
    const QString path = dir.filePath("playground.safetensors");
    MainWindow w;
    QVERIFY(w.showLab("playground"));
    QString problem = w.saveWeightsTo(path);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = w.openFile(path);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(w.statusBar()->currentMessage().contains("playground.safetensors"));
    // A lab without a network: refused, naming the file, and the lab stays.
    QVERIFY(w.showLab("tensors"));
    problem = w.openFile(path);
    QVERIFY2(problem.contains("playground.safetensors") && problem.contains("safetensors"), qPrintable(problem));
    QCOMPARE(w.currentLabId(), QString("tensors"));
  }

  // Whatever is wrong with a file, the message names the file (or the field) and nothing changes:
  // the same lab, in the same state, no lesson.
  void refusedFilesChangeNothing_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("says");
    QTest::newRow("malformed JSON") << "broken.json" << QByteArray(R"({"lab": "playground", "dataset": )") << "not valid JSON";
    nlohmann::json wrong_type = xorScenario();
    wrong_type["epochs"] = "ten";
    QTest::newRow("a field of the wrong type") << "wrong_type.json" << json(wrong_type) << "epochs";
    nlohmann::json bad_lr = xorScenario();
    bad_lr["optimizer"]["lr"] = -1;
    QTest::newRow("a bad value") << "bad_lr.json" << json(bad_lr) << "lr";
    QTest::newRow("lab not text") << "lab_number.json" << QByteArray(R"({"lab": 5})") << "lab: expected a lab's id, got 5";
    QTest::newRow("unknown lab") << "unknown_lab.json" << QByteArray(R"({"version": 1, "lab": "quantum"})") << "lab: no lab \"quantum\"";
    QTest::newRow("a lab that opens no files") << "descent.json" << QByteArray(R"({"version": 1, "lab": "descent"})")
                                               << "the Gradient descent lab opens no files";
    QTest::newRow("another format") << "other.json" << QByteArray(R"({"format": "keras", "layers": []})")
                                    << "format: expected \"gradscope-lesson\"";
    QTest::newRow("a lesson with an unknown lab") << "lesson.json"
                                                  << QByteArray(R"({"format": "gradscope-lesson", "version": 1, "id": "t", "title": "T",
                                                                   "steps": [{"lab": "quantum", "caption": "x"}]})")
                                                  << "steps[0].lab";
    QTest::newRow("a network that does not fit together") << "net.json"
                                                           << QByteArray(R"({"input_shape": [4], "layers": [{"type": "Conv3d"}]})")
                                                           << "Conv3d";
    QTest::newRow("JSON of another kind") << "other_kind.json" << QByteArray(R"({"name": "x", "values": [1, 2]})")
                                          << "expected a lesson";
    QTest::newRow("a JSON array") << "array.json" << QByteArray("[1, 2, 3]") << "expected a lesson";
    QByteArray random(4096, '\0');
    quint32 state = 12345;
    for (char& c : random) {
      state = state * 1664525u + 1013904223u;
      c = static_cast<char>(state >> 24);
    }
    QTest::newRow("random bytes") << "random.bin" << random << "is not a file GradScope opens";
    QByteArray fake_weights(8, '\0');
    fake_weights[0] = 100;  // a header of 100 bytes, and only 10 follow
    fake_weights += "{\"a\": {}}x";
    QTest::newRow("cut safetensors") << "cut.safetensors" << fake_weights << "cut.safetensors";
    QTest::newRow("an empty file") << "empty.json" << QByteArray() << "empty.json";
  }

  void refusedFilesChangeNothing() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = writeFile(dir, name, bytes);
    QVERIFY(!path.isEmpty());
    MainWindow w;
    QVERIFY(w.showLab("builder"));
    auto* builder = qobject_cast<BuilderLab*>(w.currentLab());
    builder->builder()->addLayer("Dropout", 1);
    const nlohmann::json spec = builder->builder()->specJson();
    QVERIFY(w.showLab("playground"));
    auto* playground = qobject_cast<PlaygroundLab*>(w.currentLab());
    playground->setDataset("spiral");
    playground->setHiddenLayers({5, 3});
    const nlohmann::json before = playground->scenarioJson();

    const QString problem = w.openFile(path);
    QVERIFY2(problem.contains(says), qPrintable(problem));
    QVERIFY2(problem.contains(name), qPrintable(problem));
    QCOMPARE(w.currentLabId(), QString("playground"));
    QVERIFY(w.currentLab() == playground);
    QVERIFY(playground->scenarioJson() == before);
    QVERIFY(builder->builder()->specJson() == spec);
    QVERIFY(!w.lessons()->active());
  }

  void missingFileNamesIt() {
    MainWindow w;
    QVERIFY(w.showLab("perceptron"));
    const QString problem = w.openFile("/no/such/dir/scenario.json");
    QVERIFY2(problem.contains("/no/such/dir/scenario.json"), qPrintable(problem));
    QCOMPARE(w.currentLabId(), QString("perceptron"));
  }

  void openIsCtrlOInTheFileMenu() {
    MainWindow w;
    QVERIFY(w.fileMenu()->actions().contains(w.openAction()));
    QCOMPARE(w.openAction()->shortcut(), QKeySequence(QKeySequence::Open));
    QVERIFY(w.actions().contains(w.openAction()));  // works with the menu bar hidden (presentation mode)
  }

  // Issue 16: the Playground's Import CSV… is in the File menu while the Playground is open.
  void fileMenuShowsTheLabsActions() {
    MainWindow w;
    QVERIFY(w.showLab("playground"));
    auto* playground = qobject_cast<PlaygroundLab*>(w.currentLab());
    auto importAction = [&w]() -> QAction* {
      for (QAction* a : w.fileMenu()->actions())
        if (a->objectName() == "importCsvAction") return a;
      return nullptr;
    };
    QAction* import = importAction();
    QVERIFY(import);
    QCOMPARE(import->text(), QString("Import CSV…"));
    QVERIFY(!playground->csvDialog());
    import->trigger();
    QVERIFY(playground->csvDialog());
    QVERIFY(playground->csvDialog()->isVisible());
    playground->csvDialog()->reject();
    QVERIFY(w.showLab("descent"));
    QVERIFY(!importAction());
    QVERIFY(w.showLab("playground"));
    QCOMPARE(importAction(), import);  // the same action, once
    int imports = 0;
    for (QAction* a : w.fileMenu()->actions()) imports += a->objectName() == "importCsvAction";
    QCOMPARE(imports, 1);
  }

  void commandLine() {
    QTemporaryDir dir;
    const QString bad = writeFile(dir, "bad.json", R"({"version": 1, "lab": "quantum"})");
    const QString png = dir.filePath("shot.png");
    QString err;
    QCOMPARE(run({"--open", bad, "--screenshot", png}, &err), 1);
    QVERIFY2(err.contains("--open") && err.contains("bad.json") && err.contains("quantum"), qPrintable(err));
    QVERIFY(!QFile::exists(png));
    const QString good = writeFile(dir, "xor.json", json(xorScenario()));
    QCOMPARE(run({"--lab", "perceptron", "--open", good, "--screenshot", png}, &err), 0);
    QVERIFY2(err.isEmpty() || !err.contains("--open"), qPrintable(err));
    QVERIFY(QFile::exists(png));
  }
};

QTEST_MAIN(TestAppOpen)
#include "tst_app_open.moc"
