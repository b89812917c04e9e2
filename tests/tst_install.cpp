// Desktop integration: `cmake --install` puts the programs, data sets, scenarios, .desktop entry,
// AppStream metadata and icon in place, and the installed CLI trains from the installed data.
#include <QtTest>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

class TestInstall : public QObject {
  Q_OBJECT

  QTemporaryDir prefix_;

  static QString run(const QString& program, const QStringList& args, int* code, const QString& cwd = {}) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("GRADSCOPE_DATA_DIR");
    p.setProcessEnvironment(env);
    if (!cwd.isEmpty()) p.setWorkingDirectory(cwd);
    p.start(program, args);
    p.waitForFinished(120000);
    *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
  }

 private slots:
  void initTestCase() {
    QVERIFY(prefix_.isValid());
    int code = 0;
    const QString out = run(GRADSCOPE_CMAKE, {"--install", GRADSCOPE_BINARY_DIR, "--prefix", prefix_.path()}, &code);
    QVERIFY2(code == 0, qPrintable(out));
  }

  void filesLandWhereADesktopLooks() {
    for (const char* f : {"bin/gradscope", "bin/gradscope-cli", "share/gradscope/data/iris.csv", "share/gradscope/data/digits.csv.gz",
                          "share/gradscope/scenarios/iris.json", "share/applications/org.gradscope.GradScope.desktop",
                          "share/metainfo/org.gradscope.GradScope.metainfo.xml",
                          "share/icons/hicolor/scalable/apps/org.gradscope.GradScope.svg"})
      QVERIFY2(QFile::exists(prefix_.filePath(f)), f);
    QVERIFY(QFileInfo(prefix_.filePath("bin/gradscope")).isExecutable());
  }

  void desktopEntryAndMetadataAgree() {
    // (QSettings would read ';' as a comment: the entry is parsed by hand, key=value per line.)
    QFile desktop(prefix_.filePath("share/applications/org.gradscope.GradScope.desktop"));
    QVERIFY(desktop.open(QIODevice::ReadOnly));
    QMap<QString, QString> entry;
    const QStringList lines = QString::fromUtf8(desktop.readAll()).split('\n');
    QCOMPARE(lines.first(), QString("[Desktop Entry]"));
    for (const QString& line : lines)
      if (const int eq = line.indexOf('='); eq > 0) entry.insert(line.left(eq), line.mid(eq + 1));
    QCOMPARE(entry.value("Type"), QString("Application"));
    QCOMPARE(entry.value("Exec"), QString("gradscope"));  // the installed binary's name
    QCOMPARE(entry.value("Icon"), QString("org.gradscope.GradScope"));  // the installed icon's name
    QVERIFY(entry.value("Categories").startsWith("Education;Science;"));
    QVERIFY(entry.value("Comment[ko]").contains("딥러닝"));
    QFile meta(prefix_.filePath("share/metainfo/org.gradscope.GradScope.metainfo.xml"));
    QVERIFY(meta.open(QIODevice::ReadOnly));
    const QString xml = meta.readAll();
    QVERIFY(xml.contains("<id>org.gradscope.GradScope</id>"));
    QVERIFY(xml.contains("<launchable type=\"desktop-id\">org.gradscope.GradScope.desktop</launchable>"));
    const QString appstream = QStandardPaths::findExecutable("appstreamcli");
    if (appstream.isEmpty()) {
      qInfo("appstreamcli is not installed: the AppStream file was checked by the assertions above only");
      return;
    }
    int code = 0;
    const QString out = run(appstream, {"validate", "--no-net", meta.fileName()}, &code);
    QVERIFY2(code == 0, qPrintable(out));
  }

  void installedCliTrainsFromInstalledData() {
    // Away from the source tree, and without GRADSCOPE_DATA_DIR: the data beside the binary.
    QTemporaryDir elsewhere;
    int code = 0;
    QString out = run(prefix_.filePath("bin/gradscope-cli"), {"train", prefix_.filePath("share/gradscope/scenarios/iris.json")}, &code,
                      elsewhere.path());
    QVERIFY2(code == 0, qPrintable(out));
    QVERIFY(out.contains("\"test_acc\""));
    // It really reads the installed copy: without it, the error names the installed path.
    QVERIFY(QFile::remove(prefix_.filePath("share/gradscope/data/iris.csv")));
    out = run(prefix_.filePath("bin/gradscope-cli"), {"train", prefix_.filePath("share/gradscope/scenarios/iris.json")}, &code,
              elsewhere.path());
    QVERIFY(code != 0);
    QVERIFY2(out.contains(prefix_.filePath("share/gradscope/data/iris.csv")), qPrintable(out));
  }
};

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
