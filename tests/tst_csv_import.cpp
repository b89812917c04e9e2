// The learner's own data in the Playground: any CSV table (header or not, comma or semicolon)
// read by core, its columns chosen in the import dialog, trained in the lab to the numbers the
// CLI's trainer reaches on the saved scenario; every bad file refused naming its line and problem,
// with nothing half-loaded.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <random>

#include "app/language.h"
#include "cases/commands.h"
#include "data/csv_import.h"
#include "labs/playground/csv_import_dialog.h"
#include "labs/playground/playground_controls.h"
#include "labs/playground/playground_lab.h"
#include "spec/scenario.h"
#include "spec/transfer.h"

using namespace gsui;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return {};
  f.write(text);
  return path;
}

/// Two Gaussian blobs, labelled by text: "red" around (−1, −1), "blue" around (1.5, 1.5), in the
/// units of a measured table (x in centimetres, y in grams: very different scales).
QByteArray blobs(int n, char sep = ',') {
  std::mt19937 gen(7);
  std::normal_distribution<double> noise(0.0, 0.6);
  QByteArray out = QByteArray("length") + sep + "weight" + sep + "id" + sep + "colour\n";
  for (int i = 0; i < n; ++i) {
    const bool blue = i % 2 == 1;
    const double cx = blue ? 1.5 : -1.0;
    out += QByteArray::number(10 + cx + noise(gen), 'f', 4) + sep + QByteArray::number(500 + 100 * (cx + noise(gen)), 'f', 2) + sep +
           QByteArray::number(i) + sep + (blue ? "blue" : "red") + "\n";
  }
  return out;
}

/// Twelve good rows "x,y,label" after a header; `line` (the file's line number) replaced by `bad`.
QByteArray tableWith(int line, const QByteArray& bad) {
  QByteArray out = "a,b,label\n";
  for (int i = 2; i <= 13; ++i) out += i == line ? bad + "\n" : QByteArray::number(i) + "," + QByteArray::number(i % 5) + "," + (i % 2 ? "yes" : "no") + "\n";
  return out;
}

}  // namespace

class TestCsvImport : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void readsSeparatorsHeadersAndLabels() {
    // Semicolons with decimal commas, as a German or Korean spreadsheet may write, and a BOM.
    gs::data::CsvTable t = gs::data::parse_csv_table("\xEF\xBB\xBFh\xC3\xB6he;breite;art\n1,5;2;B\n\n2,5;3;A\n", "t.csv");
    QCOMPARE(t.separator, ';');
    QVERIFY(t.has_header);
    QCOMPARE(t.columns, (std::vector<std::string>{"h\xC3\xB6he", "breite", "art"}));
    QCOMPARE(t.lines, (std::vector<std::int64_t>{2, 4}));  // the blank line 3 counted, not kept
    // No header: the columns are numbered; a quoted field keeps its comma.
    t = gs::data::parse_csv_table("1,2,\"a, b\"\n3,4,c\n", "t.csv");
    QVERIFY(!t.has_header);
    QCOMPARE(t.columns, (std::vector<std::string>{"column 1", "column 2", "column 3"}));
    QCOMPARE(t.rows[0][2], std::string("a, b"));
    // Labels in sorted order: numerically when all are numbers (2 before 10), else by their text.
    QByteArray numeric = "x,y,label\n", text = "x,y,label\n";
    for (int i = 0; i < 12; ++i) {
      numeric += QByteArray::number(i) + "," + QByteArray::number(i * i) + "," + (i % 2 ? "10" : "2") + "\n";
      text += QByteArray::number(i) + ",1," + (i % 2 ? "setosa" : "Versicolor") + "\n";
    }
    gs::data::Dataset d = gs::data::table_to_dataset(gs::data::parse_csv_table(numeric.toStdString(), "n.csv"), {.features = {"x", "y"}, .target = "label"});
    QCOMPARE(d.class_names, (std::vector<std::string>{"2", "10"}));
    QCOMPARE(d.y.to_vector<std::int64_t>()[0], std::int64_t(0));
    QCOMPARE(d.y.to_vector<std::int64_t>()[1], std::int64_t(1));
    QCOMPARE(d.x.shape(), (gs::Shape{12, 2}));
    QCOMPARE(d.x.to_vector<double>()[2 * 3 + 1], 9.0);
    d = gs::data::table_to_dataset(gs::data::parse_csv_table(text.toStdString(), "t.csv"), {.features = {"x"}, .target = "label"});
    QCOMPARE(d.class_names, (std::vector<std::string>{"Versicolor", "setosa"}));  // by their bytes, as sorted() in Python
    // Regression: the target as a number column.
    d = gs::data::table_to_dataset(gs::data::parse_csv_table(numeric.toStdString(), "n.csv"),
                                   {.features = {"x"}, .target = "y", .task = gs::data::CsvTask::Regression});
    QCOMPARE(d.y.shape(), (gs::Shape{12, 1}));
    QCOMPARE(d.y.to_vector<double>()[11], 121.0);
  }

  void badFilesAreRefusedNamingLineAndProblem_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("regression");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("line");     // args()[1] where the problem has a line, else ""
    QTest::addColumn<QString>("message");  // what the lab says (English)
    QTest::newRow("ragged row") << tableWith(6, "6,1") << "label" << false << "csv_ragged" << "6"
                                << "data.csv, line 6: 2 values where the table has 3 columns";
    QTest::newRow("text in a number column") << tableWith(9, "9,twelve,yes") << "label" << false << "csv_not_a_number" << "9"
                                             << "data.csv, line 9, column \"b\": \"twelve\" is not a number.";
    QTest::newRow("missing value") << tableWith(4, ",1,yes") << "label" << false << "csv_not_a_number" << "4"
                                   << "data.csv, line 4, column \"a\": the value is missing";
    QTest::newRow("nan") << tableWith(7, "7,nan,no") << "label" << false << "csv_not_finite" << "7"
                         << "data.csv, line 7, column \"b\": \"nan\" is not a finite number";
    QByteArray values = "a,b,label\n";
    for (int i = 2; i <= 13; ++i) values += QByteArray::number(i) + ",1," + (i == 12 ? QByteArray("-inf") : QByteArray::number(i * 0.5)) + "\n";
    QTest::newRow("inf in the target") << values << "label" << true << "csv_not_finite" << "12"
                                       << "data.csv, line 12, column \"label\": \"-inf\" is not a finite number";
    QByteArray one_class = "a,b,label\n", three = "a,b,label\n", few = "a,b,label\n";
    for (int i = 0; i < 12; ++i) {
      one_class += QByteArray::number(i) + ",1,yes\n";
      three += QByteArray::number(i) + ",1," + QList<QByteArray>{"dog", "cat", "fish"}[i % 3] + "\n";
    }
    for (int i = 0; i < 5; ++i) few += QByteArray::number(i) + ",1," + (i % 2 ? "a" : "b") + "\n";
    QTest::newRow("a single class") << one_class << "label" << false << "csv_single_class" << "label"
                                    << "Every label in \"label\" is \"yes\": a classifier needs two classes.";
    QTest::newRow("three classes") << three << "label" << false << "csv_too_many_classes" << "label"
                                   << "\"label\" has 3 classes (cat, dog, fish); the Playground classifies two.";
    QTest::newRow("too few rows") << few << "label" << false << "csv_too_few_rows" << "5"
                                  << "data.csv has 5 data rows; at least 10 are needed";
    QTest::newRow("empty file") << QByteArray("\n \n") << "label" << false << "csv_empty" << "" << "data.csv is empty";
    QTest::newRow("no such column") << tableWith(0, "") << "colour" << false << "csv_unknown_column" << "colour"
                                    << "data.csv has no column \"colour\" (its columns: a, b, label).";
  }

  void badFilesAreRefusedNamingLineAndProblem() {
    QFETCH(QByteArray, text);
    QFETCH(QString, target);
    QFETCH(bool, regression);
    QFETCH(QString, code);
    QFETCH(QString, line);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = write(dir, "data.csv", text);
    const playground::CsvSource csv{path.toStdString(), {"a", "b"}, target.toStdString(), regression};
    // Core: the code and the values a front end words the problem with.
    try {
      playground::readCsv(csv);
      QFAIL("the file was accepted");
    } catch (const gs::Error& e) {
      QCOMPARE(QString::fromStdString(e.code()), code);
      if (!line.isEmpty()) QCOMPARE(QString::fromStdString(e.args().at(1)), line);
      QVERIFY2(QString::fromUtf8(e.what()).contains(QFileInfo(path).fileName()), e.what());
    }
    // The lab: the message, and nothing changed (the previous data set trains on).
    PlaygroundLab lab;
    lab.setDataset("spiral");
    const nlohmann::json before = lab.scenarioJson();
    const QString error = lab.importCsv(csv);
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(lab.scenarioJson(), before);
    QCOMPARE(lab.setup().dataset, std::string("spiral"));
    QVERIFY(!lab.setup().csv);
    QVERIFY(lab.trainSteps(5));  // the old run still trains
    // The dialog: OK stays open and shows the same words.
    CsvImportDialog dialog;
    dialog.setPath(path);
    if (dialog.targetCombo()->count() > 0) {
      dialog.taskCombo()->setCurrentIndex(regression ? 1 : 0);
      dialog.featureCombo(0)->setCurrentIndex(dialog.featureCombo(0)->findData("a"));
      dialog.featureCombo(1)->setCurrentIndex(dialog.featureCombo(1)->findData("b"));
      const int t = dialog.targetCombo()->findData(target);
      if (t < 0) return;  // "no such column" cannot be chosen in the dialog
      dialog.targetCombo()->setCurrentIndex(t);
      dialog.accept();
      QVERIFY(dialog.result() != QDialog::Accepted);
    }
    QVERIFY2(dialog.problemLabel()->text().contains(message), qPrintable(dialog.problemLabel()->text()));
  }

  void aFileTooLargeOrTooLongIsRefused() {
    QByteArray rows = "a,b,c\n";
    for (std::int64_t i = 0; i <= gs::data::kMaxCsvRows; ++i) rows += "1,2,3\n";
    try {
      gs::data::parse_csv_table(rows.toStdString(), "long.csv");
      QFAIL("accepted");
    } catch (const gs::Error& e) {
      QCOMPARE(e.code(), std::string("csv_too_many_rows"));
      QCOMPARE(e.args().at(1), std::to_string(gs::data::kMaxCsvRows + 2));  // the first line past the limit
    }
  }

  void importedThroughTheDialogTrainsToTheCliTrainersNumbers() {
    QTemporaryDir dir;
    const QString path = write(dir, "blobs.csv", blobs(200, ';'));
    CsvImportDialog dialog;
    QCOMPARE(dialog.setPath(path), QString());
    QCOMPARE(dialog.preview()->rowCount(), CsvImportDialog::kPreviewRows);
    QCOMPARE(dialog.preview()->columnCount(), 4);
    QCOMPARE(dialog.preview()->horizontalHeaderItem(3)->text(), QString("colour"));
    QCOMPARE(dialog.preview()->verticalHeaderItem(0)->text(), QString("2"));  // the file's line
    // Defaults: the first two columns as x₁ and x₂, the last as the label.
    QCOMPARE(dialog.targetCombo()->currentData().toString(), QString("colour"));
    dialog.featureCombo(1)->setCurrentIndex(dialog.featureCombo(1)->findData("weight"));
    QCOMPARE(dialog.check(), QString());
    const playground::CsvSource csv = dialog.source();
    QCOMPARE(csv.features, (std::vector<std::string>{"length", "weight"}));

    PlaygroundLab lab;
    QCOMPARE(lab.importCsv(csv), QString());
    QCOMPARE(lab.setup().dataset, std::string("csv"));
    QCOMPARE(lab.problemType(), playground::Problem::Binary);
    QVERIFY(!lab.oneDimensional());
    QVERIFY(!lab.playgroundControls()->setup().csv->regression);
    // Standardized onto the plane: both columns span about ±6 whatever their units.
    const PlanePoints& points = lab.views()->points();
    QCOMPARE(points.x.size(), std::size_t(200));
    const auto [lo, hi] = std::minmax_element(points.y.begin(), points.y.end());
    QVERIFY2(*lo > -7 && *lo < -2 && *hi > 2 && *hi < 7, qPrintable(QString("%1 %2").arg(*lo).arg(*hi)));

    const int epochs = 20, per_epoch = 100 / 10;  // half of 200 for test, batches of 10
    QVERIFY(lab.trainSteps(epochs * per_epoch));
    QVERIFY2(lab.frame().test_accuracy >= 0.9, qPrintable(QString::number(lab.frame().test_accuracy)));

    // The saved setup names the file and the columns; the CLI's trainer reproduces the run.
    const nlohmann::json scenario = lab.scenarioJson();
    QCOMPARE(scenario["dataset"]["name"].get<std::string>(), std::string("csv"));
    QCOMPARE(scenario["dataset"]["path"].get<std::string>(), path.toStdString());
    QCOMPARE(scenario["dataset"]["columns"], nlohmann::json({"length", "weight"}));
    QCOMPARE(scenario["dataset"]["target"].get<std::string>(), std::string("colour"));
    QCOMPARE(scenario["epochs"].get<int>(), epochs);
    nlohmann::json last;
    gs::cases::run_train(scenario, [&](const nlohmann::json& line) {
      if (line.contains("epoch")) last = line;
    });
    QCOMPARE(last["epoch"].get<int>(), epochs);
    QVERIFY2(std::abs(last["test_loss"].get<double>() - lab.frame().test_loss) < 2e-6,
             qPrintable(QString("cli %1, playground %2").arg(last["test_loss"].get<double>()).arg(lab.frame().test_loss)));
    QVERIFY2(std::abs(last["test_acc"].get<double>() - lab.frame().test_accuracy) < 1e-9,
             qPrintable(QString("cli %1, playground %2").arg(last["test_acc"].get<double>()).arg(lab.frame().test_accuracy)));

    // Beside its table, the setup names it relatively and still trains from another folder.
    nlohmann::json relative = scenario;
    relative["dataset"]["path"] = "blobs.csv";
    gs::spec::resolve_relative_paths(relative, dir.path().toStdString());
    QCOMPARE(QFileInfo(QString::fromStdString(relative["dataset"]["path"].get<std::string>())).canonicalFilePath(), QFileInfo(path).canonicalFilePath());

    // And it opens again in the Playground as the same setup.
    PlaygroundLab other;
    QCOMPARE(other.applyScenario(scenario, "setup.json"), QString());
    QCOMPARE(other.setup().csv, lab.setup().csv);
    QCOMPARE(other.scenarioJson()["dataset"], scenario["dataset"]);
  }

  void oneColumnRegressionFitsYAgainstX() {
    QTemporaryDir dir;
    QByteArray text;  // no header: "column 1", "column 2"
    for (int i = 0; i < 120; ++i) {
      const double x = -3 + 6.0 * i / 119;
      text += QByteArray::number(x, 'f', 4) + "," + QByteArray::number(1000 + 200 * x * x, 'f', 2) + "\n";
    }
    const QString path = write(dir, "curve.csv", text);
    PlaygroundLab lab;
    // Two classes need x₁ and x₂; a value can be fitted against x₁ alone.
    QVERIFY(lab.importCsv({path.toStdString(), {"column 1"}, "column 2", false}).contains("choose a column for each"));
    QCOMPARE(lab.importCsv({path.toStdString(), {"column 1"}, "column 2", true}), QString());
    QVERIFY(lab.oneDimensional());
    QCOMPARE(lab.problemType(), playground::Problem::Regression);
    QCOMPARE(lab.networkSpec().input_shape, (gs::Shape{1}));  // x₁ only: the x₂ features wait
    lab.controls()->findChild<QCheckBox*>("feature_x1^2")->setChecked(true);
    QVERIFY(lab.trainSteps(1));
    const double start = lab.frame().test_loss;
    QVERIFY(lab.trainSteps(600));
    // The target standardized: a parabola through its x² feature is fitted far below its variance (1).
    QVERIFY2(lab.frame().test_loss < 0.1 && lab.frame().test_loss < start / 5,
             qPrintable(QString("%1 → %2").arg(start).arg(lab.frame().test_loss)));
  }

  void aSavedSetupWhoseTableWentBadIsRefusedOnOpen() {
    QTemporaryDir dir;
    const QString path = write(dir, "blobs.csv", blobs(60));
    PlaygroundLab lab;
    QCOMPARE(lab.importCsv({path.toStdString(), {"length", "weight"}, "colour", false}), QString());
    const nlohmann::json scenario = lab.scenarioJson();
    QList<QByteArray> lines = blobs(60).split('\n');
    lines[1] = "ten,500,0,red";  // line 2: text in a number column
    write(dir, "blobs.csv", lines.join('\n'));
    PlaygroundLab other;
    other.setDataset("xor");
    const nlohmann::json before = other.scenarioJson();
    const QString error = other.applyScenario(scenario, "setup.json");
    QVERIFY2(error.contains("setup.json: blobs.csv, line 2, column \"length\": \"ten\" is not a number."),
             qPrintable(error));
    QCOMPARE(other.scenarioJson(), before);
    // The CLI's trainer says the same in English, naming the line.
    try {
      gs::cases::run_train(scenario, [](const nlohmann::json&) {});
      QFAIL("trained on a bad table");
    } catch (const gs::Error& e) {
      QCOMPARE(e.code(), std::string("csv_not_a_number"));
    }
  }

  void theControlsOfferTheTableAndTheImportButton() {
    QTemporaryDir dir;
    const QString path = write(dir, "blobs.csv", blobs(40));
    PlaygroundLab lab;
    auto* dataset = lab.controls()->findChild<QComboBox*>("dataset");
    QCOMPARE(dataset->findData("csv"), -1);  // no table yet
    QVERIFY(lab.controls()->findChild<QPushButton*>("import_csv"));
    QCOMPARE(lab.importCsv({path.toStdString(), {"length", "weight"}, "colour", false}), QString());
    const int item = dataset->findData("csv");
    QVERIFY(item >= 0);
    QCOMPARE(dataset->itemText(item), QString("table: blobs.csv"));
    QCOMPARE(dataset->currentIndex(), item);
    // Another data set and back: the table stays on offer.
    lab.setDataset("circle");
    QCOMPARE(dataset->findData("csv"), item);
    dataset->setCurrentIndex(item);
    QCOMPARE(lab.setup().dataset, std::string("csv"));
    QVERIFY(lab.trainSteps(3));
    // The code panel reads the same table with Python's csv module.
    QVERIFY(lab.pytorchCode().contains("csv.reader"));
    QVERIFY(lab.pytorchCode().contains(path));
  }
};

QTEST_MAIN(TestCsvImport)
#include "tst_csv_import.moc"
