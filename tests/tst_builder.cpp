// The network builder: edits produce the right spec and shapes, the Flatten mistake is caught at
// the layer at fault, undo/redo, save/load with validation, and the exported PyTorch code.
#include <QtTest>

#include <QPointer>
#include <QSpinBox>

#include <QMimeData>
#include <QPushButton>
#include <QTemporaryDir>
#include <memory>

#include "app/language.h"
#include "app/appearance.h"
#include "builder/network_builder.h"
#include "spec/layer_table.h"

#include <QGraphicsView>
#include <QListWidget>

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

  static QString typeAt(const NetworkBuilder& b, int i) {
    return QString::fromStdString(b.specJson()["layers"][i]["type"].get<std::string>());
  }
  static QPoint viewportPoint(const NetworkBuilder& b, QPointF scene) { return b.view()->mapFromScene(scene); }
  static void showBuilder(NetworkBuilder& b) {
    b.resize(1000, 800);
    b.show();
    QVERIFY(QTest::qWaitForWindowExposed(&b));
  }

  void dragFromThePaletteInsertsWhereDropped() {
    NetworkBuilder b;
    showBuilder(b);
    QWidget* viewport = b.view()->viewport();
    // The palette's own drag payload for "Dropout" (what QListWidget hands to QDrag).
    const auto found = b.palette()->findItems("Dropout", Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    std::unique_ptr<QMimeData> mime(b.palette()->model()->mimeData({b.palette()->indexFromItem(found.first())}));
    QVERIFY(mime->hasFormat(NetworkBuilder::kLayerMime));
    // Dropped in the gap between layer 3 (Flatten) and layer 4 (Linear).
    const QPoint at = viewportPoint(b, (b.layerCentre(3) + b.layerCentre(4)) / 2);
    QCOMPARE(b.insertionIndex(b.view()->mapToScene(at)), 4);
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted());
    QSignalSpy changed(&b, &NetworkBuilder::specChanged);
    QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(b.layerCount(), 6);
    QCOMPARE(typeAt(b, 4), QString("Dropout"));
    QCOMPARE(b.selectedLayer(), 4);
    QVERIFY(b.report().ok());
    // Dropped above the first layer: it becomes layer 0 (here a wrong one: BatchNorm1d on an image).
    const auto bn = b.palette()->findItems("BatchNorm2d", Qt::MatchExactly);
    std::unique_ptr<QMimeData> mime2(b.palette()->model()->mimeData({b.palette()->indexFromItem(bn.first())}));
    const QPoint top = viewportPoint(b, b.layerCentre(0) - QPointF(0, 60));
    QDragEnterEvent enter2(top, Qt::CopyAction, mime2.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter2);
    QDropEvent drop2(top, Qt::CopyAction, mime2.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop2);
    QVERIFY(drop2.isAccepted());
    QCOMPARE(typeAt(b, 0), QString("BatchNorm2d"));
    QCOMPARE(b.edgeLabels()[1], QString("[N, 1, 28, 28]"));
    // Undo takes both drops back.
    b.undoStack()->undo();
    b.undoStack()->undo();
    QCOMPARE(b.layerCount(), 5);
    // Foreign data (plain text) is not taken.
    QMimeData text;
    text.setText("Linear");
    QDragEnterEvent foreign(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &foreign);
    QVERIFY(!foreign.isAccepted());
    QCOMPARE(b.layerCount(), 5);
  }

  void dragALayerToMoveIt() {
    NetworkBuilder b;
    showBuilder(b);
    QWidget* viewport = b.view()->viewport();
    // Drag the ReLU (layer 1) below the MaxPool2d (layer 2).
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, viewportPoint(b, b.layerCentre(1)));
    QCOMPARE(b.selectedLayer(), 1);
    QTest::mouseMove(viewport, viewportPoint(b, b.layerCentre(1) + QPointF(0, 30)));
    const QPoint target = viewportPoint(b, (b.layerCentre(2) + b.layerCentre(3)) / 2);
    QTest::mouseMove(viewport, target);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, target);
    QCOMPARE(typeAt(b, 1), QString("MaxPool2d"));
    QCOMPARE(typeAt(b, 2), QString("ReLU"));
    QCOMPARE(b.selectedLayer(), 2);
    QCOMPARE(b.edgeLabels()[2], QString("[N, 8, 14, 14]"));
    // The move can be undone from the button at once.
    auto* undo = b.findChild<QPushButton*>("undo");
    QVERIFY(undo);
    QCOMPARE(undo->text(), QString("Undo"));
    QVERIFY(undo->isEnabled());
    // A click without moving only selects.
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, viewportPoint(b, b.layerCentre(4)));
    QCOMPARE(b.selectedLayer(), 4);
    QCOMPARE(typeAt(b, 2), QString("ReLU"));
    // Dragging the Linear to the top is a move the shapes refuse: the badge sits on it.
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, viewportPoint(b, b.layerCentre(4)));
    const QPoint top = viewportPoint(b, b.layerCentre(0) - QPointF(0, 40));
    QTest::mouseMove(viewport, top);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, top);
    QCOMPARE(typeAt(b, 0), QString("Linear"));
    QCOMPARE(b.report().error_layer, 0);
    b.undoStack()->undo();
    QCOMPARE(typeAt(b, 4), QString("Linear"));
  }

  void dragOntoThePaletteOrDeleteKeyRemoves() {
    NetworkBuilder b;
    showBuilder(b);
    QWidget* viewport = b.view()->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, viewportPoint(b, b.layerCentre(1)));
    const QPoint over_palette = viewport->mapFromGlobal(b.palette()->mapToGlobal(b.palette()->rect().center()));
    QTest::mouseMove(viewport, over_palette);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, over_palette);
    QCOMPARE(b.layerCount(), 4);
    QCOMPARE(typeAt(b, 1), QString("MaxPool2d"));
    // Delete removes the chosen layer.
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, viewportPoint(b, b.layerCentre(0)));
    QCOMPARE(b.selectedLayer(), 0);
    b.view()->setFocus();
    QTest::keyClick(b.view(), Qt::Key_Delete);
    QCOMPARE(b.layerCount(), 3);
    QCOMPARE(typeAt(b, 0), QString("MaxPool2d"));
    QTest::keyClick(b.view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(b.layerCount(), 4);
  }

  void thePaletteIsTheLayerTable() {
    // An image input offers every kind in the table's order; a flat one hides the image-only
    // kinds; a dropped layer gets the table's palette arguments and is valid where offered.
    NetworkBuilder b;
    QStringList all, flat;
    for (const gs::spec::LayerKind* k : gs::spec::layer_kinds()) {
      all << QString::fromStdString(k->name);
      if (k->palette_group == gs::spec::PaletteGroup::Any) flat << QString::fromStdString(k->name);
    }
    auto shown = [&] {
      QStringList out;
      for (int i = 0; i < b.palette()->count(); ++i) out << b.palette()->item(i)->text();
      return out;
    };
    QCOMPARE(shown(), all);
    QCOMPARE(shown().mid(0, 3), (QStringList{"Linear", "Conv2d", "MaxPool2d"}));
    b.addLayer("Conv2d", 0);
    nlohmann::json expected = gs::spec::find_layer_kind("Conv2d")->palette_args;
    expected["type"] = "Conv2d";
    QCOMPARE(b.specJson()["layers"][0].dump(), expected.dump());
    QVERIFY(b.report().ok());
    QVERIFY(b.setSpecJson({{"input_shape", {6}}, {"layers", nlohmann::json::array()}}).isEmpty());
    QCOMPARE(shown(), flat);
    QVERIFY(!flat.contains("Flatten") && flat.contains("BatchNorm1d"));
    for (const QString& type : flat) {
      b.addLayer(type);
      QVERIFY2(b.report().ok(), qPrintable(type + ": " + b.errorText()));
    }
  }

  void aSpecWithoutAnInputShapeKeepsTheBuildersInput() {
    // {"layers": [...]} leaves the input to the data: the builder keeps its own, so every edge
    // still has a shape (it used to throw drawing the edges).
    NetworkBuilder b;
    b.setInputShape({6});
    QCOMPARE(b.setSpecJson({{"layers", {{{"type", "Linear"}, {"out_features", 3}}}}}), QString());
    QCOMPARE(b.edgeLabels(), (QStringList{"[N, 6]", "[N, 3]"}));
    QCOMPARE(b.specJson()["input_shape"], nlohmann::json({6}));
  }

  void closingWithAnArgumentEditorInFocusIsSafe() {
    // Qt deletes the child widgets after the builder's members: a focused editor that reports its
    // edit then must not reach the builder (it used to terminate the app).
    auto* b = new NetworkBuilder;
    b->resize(1000, 700);
    b->show();
    QVERIFY(QTest::qWaitForWindowExposed(b));
    b->selectLayer(0);
    auto* editor = b->findChild<QSpinBox*>();
    QVERIFY(editor);
    editor->setFocus();
    editor->setValue(editor->value() + 1);
    const QPointer<QSpinBox> guard(editor);
    delete b;  // the process survives this, and the editor went with its builder
    QVERIFY(guard.isNull());
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
  void theDiagramGrowsInPresentationMode() {
    // Issue 15: the scene is drawn at the presentation scale and never enlarged past 1:1, so on
    // a projector the boxes come out larger on screen, not smaller; a long network still fits.
    NetworkBuilder b;
    b.resize(1600, 1000);
    b.show();
    QVERIFY(QTest::qWaitForWindowExposed(&b));
    auto onScreenWidth = [&b] {
      b.selectLayer(-1);  // redraws the scene
      const QPoint left = b.view()->mapFromScene(b.layerCentre(0) - QPointF(100, 0));
      const QPoint right = b.view()->mapFromScene(b.layerCentre(0) + QPointF(100, 0));
      return right.x() - left.x();  // 200 scene units, on screen
    };
    const double zoom_normal = onScreenWidth() / 200.0;
    Appearance::instance().setPresentation(true);
    const double zoom_presentation = onScreenWidth() / 200.0;
    const double scale = Appearance::instance().scale();
    Appearance::instance().setPresentation(false);
    QVERIFY2(zoom_normal <= 1.0 + 1e-9 && zoom_presentation <= 1.0 + 1e-9, qPrintable(QString("%1 %2").arg(zoom_normal).arg(zoom_presentation)));
    // A box is 360 × scale scene units wide: on screen it grows with the scale.
    QVERIFY2(360 * scale * zoom_presentation > 1.2 * 360 * zoom_normal, qPrintable(QString("%1 %2").arg(zoom_normal).arg(zoom_presentation)));
    // Twenty layers in a small view: shrunk to fit, both ends in sight.
    for (int i = 0; i < 15; ++i) b.addLayer("ReLU");
    b.resize(500, 400);
    QCoreApplication::processEvents();
    const QRect room = b.view()->viewport()->rect();
    QVERIFY(room.contains(b.view()->mapFromScene(b.view()->sceneRect().topLeft() + QPointF(10, 20))));
    QVERIFY(room.contains(b.view()->mapFromScene(b.view()->sceneRect().bottomRight() - QPointF(10, 20))));
  }
};

QTEST_MAIN(TestBuilder)
#include "tst_builder.moc"
