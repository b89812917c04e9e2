// Replays tests/fuzz/corpus/<target>/* through every fuzz target (issue 18): the inputs that
// once crashed a reader or let an exception other than gs::Error escape stay here, with seeds
// for each file kind, so a regression fails this suite without clang or libFuzzer. New findings
// come from scripts/fuzz.sh.
#include <QDir>
#include <QFile>
#include <QtTest>

#include "fuzz/targets.h"
#include "util/error.h"
#include "util/json_error.h"

class TestFuzzCorpus : public QObject {
  Q_OBJECT

 private slots:
  void corpus_data() {
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("path");
    const QDir root(GRADSCOPE_FUZZ_CORPUS);
    QVERIFY2(root.exists(), qPrintable(root.path()));
    const auto& targets = gs::fuzz::targets();
    for (int t = 0; t < int(targets.size()); ++t) {
      const QDir dir(root.filePath(targets[std::size_t(t)].name));
      const QStringList files = dir.entryList(QDir::Files, QDir::Name);
      for (const QString& f : files) QTest::newRow(qPrintable(QString("%1/%2").arg(targets[std::size_t(t)].name, f))) << t << dir.filePath(f);
    }
  }

  void corpus() {
    QFETCH(int, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    try {
      gs::fuzz::run_guarded(gs::fuzz::targets()[std::size_t(target)].run, reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                            std::size_t(bytes.size()));
    } catch (const std::string& escape) {
      QFAIL(qPrintable(QString::fromStdString("an exception other than gs::Error escaped: " + escape)));
    }
  }

  /// Every target has seeds: a file kind without any would be fuzzed from nothing.
  void every_target_has_a_corpus() {
    const QDir root(GRADSCOPE_FUZZ_CORPUS);
    for (const auto& t : gs::fuzz::targets())
      QVERIFY2(!QDir(root.filePath(t.name)).entryList(QDir::Files).isEmpty(), t.name);
  }

  /// A wrong type met while reading a parsed file names the field, not nlohmann's exception id
  /// (the build defines JSON_DIAGNOSTICS, so the exception carries the value's JSON pointer).
  void jsonErrorsNameTheField() {
    QCOMPARE(gs::json_pointer_field("/layers/2/kernel_size"), std::string("layers[2].kernel_size"));
    QCOMPARE(gs::describe_json_error("[json.exception.type_error.302] (/view/page) type must be string, but is number"),
             std::string("view.page: expected a string, got a number"));
    QCOMPARE(gs::describe_json_error("[json.exception.out_of_range.403] (/dataset) key 'name' not found"),
             std::string("dataset: the field \"name\" is missing"));
    const nlohmann::json file = nlohmann::json::parse(R"({"view": {"pages": [{"page": 5}]}})");
    std::string message;
    try {
      (void)file["view"]["pages"][0]["page"].get<std::string>();
    } catch (const nlohmann::json::exception& e) {
      message = gs::describe_json_error(e);
    }
#if JSON_DIAGNOSTICS
    QCOMPARE(message, std::string("view.pages[0].page: expected a string, got a number"));
#else
    QCOMPARE(message, std::string("expected a string, got a number"));
#endif
  }

  /// The guard itself: gs::Error is the reader's answer, anything else is reported.
  void guard_tells_errors_from_escapes() {
    const std::uint8_t bytes[] = {'{'};
    gs::fuzz::run_guarded([](const std::uint8_t*, std::size_t) { throw gs::Error("refused"); }, bytes, 1);
    bool escaped = false;
    try {
      gs::fuzz::run_guarded([](const std::uint8_t*, std::size_t) { throw std::out_of_range("vector"); }, bytes, 1);
    } catch (const std::string& e) {
      escaped = e.find("vector") != std::string::npos;
    }
    QVERIFY(escaped);
  }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzz_corpus.moc"
