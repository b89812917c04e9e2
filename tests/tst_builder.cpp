// The network builder: edits produce the right spec and shapes, the Flatten mistake is caught at
// the layer at fault, undo/redo, save/load with validation, and the exported PyTorch code.
#include <QtTest>

#include <QTemporaryDir>

#include "app/language.h"
#include "builder/network_builder.h"

using namespace gsui;

class TestBuilder : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void startsWithAValidCnnAndItsShapes() {
    NetworkBuilder b;
    QVERIFY(b.report().ok());
    QCOMPARE(b.edgeLabels(), (QStringList{"[N, 1, 28, 28]", "[N, 8, 28, 28]", "[N, 8, 28, 28]", "[N, 8, 14, 14]", "[N, 1568]", "[N, 10]"}));
    QCOMPARE(b.report().total_parameters, std::int64_t(80 + 15690));
  }

  void theFlattenMistakeIsCaughtAndUndone() {
    NetworkBuilder b;
    b.removeLayer(3);  // the Flatten
    QCOMPARE(b.report().error_layer, 3);
    QVERIFY(b.errorText().contains("Linear expects [N, features] but gets [N, 8, 14, 14]: add a Flatten after the last pooling layer"));
    QVERIFY(b.pytorchCode().startsWith("# The network has an error"));
    b.undoStack()->undo();
    QVERIFY(b.report().ok());
    b.undoStack()->redo();
    QCOMPARE(b.report().error_layer, 3);
  }

  void editsChangeSpecAndShapes() {
    NetworkBuilder b;
    b.setArgument(0, "out_channels", 16);
    QCOMPARE(b.specJson()["layers"][0]["out_channels"].get<int>(), 16);
    QCOMPARE(b.edgeLabels()[1], QString("[N, 16, 28, 28]"));
    QCOMPARE(b.edgeLabels()[4], QString("[N, 3136]"));
    b.addLayer("Dropout", 4);
    QCOMPARE(b.layerCount(), 6);
    QCOMPARE(QString::fromStdString(b.specJson()["layers"][4]["type"].get<std::string>()), QString("Dropout"));
    b.moveLayer(4, 5);
    QCOMPARE(QString::fromStdString(b.specJson()["layers"][5]["type"].get<std::string>()), QString("Dropout"));
    b.setInputShape({3, 32, 32});
    QVERIFY(b.errorText().contains("Conv2d(in_channels") || b.report().ok());  // in_channels inferred: still fine
    QCOMPARE(b.edgeLabels()[0], QString("[N, 3, 32, 32]"));
    b.setArgument(0, "kernel_size", 40);
    QVERIFY(b.errorText().contains("does not fit"));
    for (int i = 0; i < 4; ++i) b.undoStack()->undo();
    QCOMPARE(b.specJson()["layers"][0]["out_channels"].get<int>(), 16);
  }

  void saveLoadAndExport() {
    QTemporaryDir dir;
    NetworkBuilder a;
    a.setArgument(4, "out_features", 7);
    QCOMPARE(a.saveSpec(dir.filePath("net.json")), QString());
    NetworkBuilder b;
    QCOMPARE(b.loadSpec(dir.filePath("net.json")), QString());
    QCOMPARE(b.specJson()["layers"][4]["out_features"].get<int>(), 7);
    QFile bad(dir.filePath("bad.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"version": 1, "layers": [{"type": "Conv2d", "out_channels": 3, "kernel": 3}]})");
    bad.close();
    QVERIFY(b.loadSpec(bad.fileName()).contains("unknown argument \"kernel\""));
    QCOMPARE(b.specJson()["layers"][4]["out_features"].get<int>(), 7);  // nothing half-loaded
    QFile newer(dir.filePath("newer.json"));
    QVERIFY(newer.open(QIODevice::WriteOnly));
    newer.write(R"({"version": 9, "layers": []})");
    newer.close();
    QVERIFY(b.loadSpec(newer.fileName()).contains("newer GradScope"));
    QCOMPARE(b.exportPython(dir.filePath("model.py")), QString());
    QFile py(dir.filePath("model.py"));
    QVERIFY(py.open(QIODevice::ReadOnly));
    const QString code = py.readAll();
    QVERIFY(code.contains("nn.Conv2d(1, 8, kernel_size=3, padding=1)"));
    QVERIFY(code.contains("nn.Linear(1568, 7)"));
    QVERIFY(code.contains("nn.Flatten()"));
  }
};

QTEST_MAIN(TestBuilder)
#include "tst_builder.moc"
