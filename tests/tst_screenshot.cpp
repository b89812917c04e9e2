// `gradscope --lab ID --screenshot FILE` for every lab, in both languages and presentation mode:
// a real, non-blank PNG; and clean failures for an unknown lab or an unwritable path.
#include <QtTest>

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include "app/lab_registry.h"
#include "support/run_app.h"

class TestScreenshot : public QObject {
  Q_OBJECT

  static int run(const QStringList& args, QString* err = nullptr) { return gstest::runApp(args, nullptr, err, 60000); }

 private slots:
  void everyLabRenders_data() {
    QTest::addColumn<QString>("lab");
    QTest::addColumn<QStringList>("extra");
    for (const gsui::LabInfo& info : gsui::labRegistry()) {
      QTest::newRow(qPrintable(info.id + " en")) << info.id << QStringList{"--lang", "en"};
      QTest::newRow(qPrintable(info.id + " ko")) << info.id << QStringList{"--lang", "ko"};
      QTest::newRow(qPrintable(info.id + " presentation")) << info.id << QStringList{"--presentation", "--steps", "3"};
    }
  }
  void everyLabRenders() {
    QFETCH(QString, lab);
    QFETCH(QStringList, extra);
    QTemporaryDir dir;
    const QString path = dir.filePath(lab + ".png");
    QString err;
    QCOMPARE(run(QStringList{"--lab", lab, "--size", "1280x720", "--screenshot", path} + extra, &err), 0);
    QImage image(path);
    QVERIFY2(!image.isNull(), qPrintable(err));
    QCOMPARE(image.size(), QSize(1280, 720));
    // Not blank: many distinct colours, and dark text pixels on the light background.
    QSet<QRgb> colours;
    int dark = 0;
    for (int y = 0; y < image.height(); y += 3)
      for (int x = 0; x < image.width(); x += 3) {
        const QRgb c = image.pixel(x, y);
        colours.insert(c);
        dark += qGray(c) < 80;
      }
    QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    QVERIFY(dark > 500);
  }

  void unknownLabAndBadPathFail() {
    QTemporaryDir dir;
    QString err;
    QCOMPARE(run({"--lab", "nosuchlab", "--screenshot", dir.filePath("x.png")}, &err), 2);
    QVERIFY(err.contains("unknown lab \"nosuchlab\""));
    QVERIFY(err.contains("perceptron"));
    QCOMPARE(run({"--lab", "perceptron", "--screenshot", "/nonexistent-dir/x.png"}, &err), 2);
    QVERIFY(err.contains("cannot write"));
    QCOMPARE(run({"--lab", "perceptron", "--lang", "fr", "--screenshot", dir.filePath("x.png")}, &err), 2);
    QVERIFY(err.contains("--lang"));
    QCOMPARE(run({"--size", "10x10", "--screenshot", dir.filePath("x.png")}, &err), 2);
  }

  void listsLabs() {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(GRADSCOPE_APP, {"--list-labs"});
    p.waitForFinished(30000);
    const QString out = p.readAllStandardOutput();
    for (const gsui::LabInfo& info : gsui::labRegistry()) QVERIFY(out.contains(info.id + "\t"));
  }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
