// `gradscope-cli grad` on whole MLP and CNN cases against PyTorch's results
// (tests/golden/grad_cases), and malformed cases: non-zero exit and a message naming the fault.
#include <QtTest>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <fstream>
#include <functional>

#include "golden.h"

using nlohmann::json;

namespace {

struct CliResult {
  int exit_code = -1;
  QString out, err;
};

CliResult run_cli(const QStringList& args, const QByteArray& stdin_data = {}) {
  QProcess p;
  p.start(GRADSCOPE_CLI, args);
  if (!stdin_data.isEmpty()) p.write(stdin_data);
  p.closeWriteChannel();
  p.waitForFinished(60000);
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

/// Flattens nested JSON numbers, so shapes and values compare in one go.
void flatten(const json& j, std::vector<double>& out) {
  if (j.is_array())
    for (const auto& e : j) flatten(e, out);
  else
    out.push_back(j.get<double>());
}

std::vector<double> flat(const json& j) {
  std::vector<double> v;
  flatten(j, v);
  return v;
}

}  // namespace

class TestCliGrad : public QObject {
  Q_OBJECT

  void expectFailure(const json& c, const char* part) {
    const CliResult r = run_cli({"grad", "-"}, QByteArray::fromStdString(c.dump()));
    QVERIFY2(r.exit_code == 1, qPrintable("exit " + QString::number(r.exit_code) + ": " + r.err));
    QVERIFY2(r.err.contains(QString::fromUtf8(part)), qPrintable("stderr: " + r.err));
    QVERIFY(r.out.isEmpty());
  }

  json baseCase() {
    return json::parse(std::ifstream(gs::testing::golden_path("grad_cases/mlp_cross_entropy.json")))["case"];
  }

 private slots:
  void matchesPyTorch_data() {
    QTest::addColumn<QString>("file");
    const QDir dir(QString::fromStdString(gs::testing::golden_path("grad_cases")));
    const QStringList files = dir.entryList({"*.json"}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << dir.filePath(f);
  }
  void matchesPyTorch() {
    QFETCH(QString, file);
    const json golden = gs::testing::load_json(file.toStdString());
    const CliResult r = run_cli({"grad", file});
    QTemporaryDir tmp;
    QFile caseFile(tmp.filePath("case.json"));
    QVERIFY(caseFile.open(QIODevice::WriteOnly));
    caseFile.write(QByteArray::fromStdString(golden["case"].dump()));
    caseFile.close();
    const CliResult run = run_cli({"grad", caseFile.fileName()});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    const json got = json::parse(run.out.toStdString());
    const json& want = golden["expected"];
    const double tol = golden["tolerance"].get<double>();
    auto same = [&](const json& a, const json& b, const std::string& what) {
      const double ratio = gs::testing::tolerance_ratio(flat(a), flat(b), tol, tol * 10);
      QVERIFY2(ratio <= 1.0, (what + " differs from PyTorch: " + std::to_string(ratio) + "× the tolerance").c_str());
    };
    same(got["output"], want["output"], "output");
    same(got["loss"], want["loss"], "loss");
    same(got["input_grad"], want["input_grad"], "input_grad");
    QCOMPARE(got["grads"].size(), want["grads"].size());
    for (const auto& [name, g] : want["grads"].items()) {
      QVERIFY2(got["grads"].contains(name), name.c_str());
      same(got["grads"][name], g, "grads[" + name + "]");
    }
    for (const auto& [name, b] : want["buffers"].items()) same(got["buffers"][name], b, "buffers[" + name + "]");
  }

  void unknownLayer() {
    json c = baseCase();
    c["model"]["layers"][1]["type"] = "Relu";
    expectFailure(c, "unknown layer type \"Relu\". Did you mean \"ReLU\"?");
  }
  void wrongParameterShape() {
    json c = baseCase();
    c["params"]["0.weight"] = json::parse("[[1, 2, 3, 4]]");
    expectFailure(c, "params[\"0.weight\"]: has shape [1, 4] but the model needs [8, 4]");
  }
  void unknownParameter() {
    json c = baseCase();
    c["params"]["5.weight"] = json::parse("[1]");
    expectFailure(c, "params[\"5.weight\"]: the model has no parameter or buffer with this name");
  }
  void shapeMismatch() {
    json c = baseCase();
    c["model"]["input_shape"] = json::parse("[5]");
    expectFailure(c, "input: has shape [6, 4] but model.input_shape [5] needs [N, 5]");
  }
  void missingFlatten() {
    json c;
    c["model"] = json::parse(R"({"layers": [{"type": "Conv2d", "out_channels": 2, "kernel_size": 3}, {"type": "Linear", "out_features": 2}]})");
    c["input"] = json::parse("[[[[1,2,3],[4,5,6],[7,8,9]]]]");
    expectFailure(c, "Linear expects [N, features] but gets [N, 2, 1, 1]");
  }
  void targetOutOfRange() {
    json c = baseCase();
    c["target"] = json::parse("[0, 1, 2, 3, 0, 1]");
    expectFailure(c, "target 3 (sample 3) is not a class index in [0, 3)");
  }
  void logitsIntoBceLoss() {
    json c = baseCase();
    c["loss"] = "BCELoss";
    c["model"]["layers"][2]["out_features"] = 1;
    c["params"].erase("2.weight");
    c["params"].erase("2.bias");
    c["target"] = json::parse("[[1],[0],[1],[0],[1],[0]]");
    expectFailure(c, "use BCEWithLogitsLoss");
  }
  void raggedInput() {
    json c = baseCase();
    c["input"][2] = json::parse("[1, 2]");
    expectFailure(c, "input[2]: has 2 values");
  }
  // A value nested 20,000 lists deep (40 KB) used to overflow the stack; refused by its depth.
  void deeplyNestedInputIsRefused() {
    json c = baseCase();
    c["input"] = "DEEP";
    QByteArray text = QByteArray::fromStdString(c.dump());
    text.replace("\"DEEP\"", QByteArray(20000, '[') + "1" + QByteArray(20000, ']'));
    const CliResult r = run_cli({"grad", "-"}, text);
    QVERIFY2(r.exit_code == 1, qPrintable("exit " + QString::number(r.exit_code) + ": " + r.err.left(300)));
    QVERIFY2(r.err.contains("input: nested more than 16 lists deep"), qPrintable(r.err.left(300)));
    QVERIFY(r.err.size() < 1000);  // the message quotes no dump of the value
  }
  void unknownLossAndField() {
    json c = baseCase();
    c["loss"] = "CrossEntropy";
    expectFailure(c, "loss: unknown loss \"CrossEntropy\"");
    json d = baseCase();
    d["lr"] = 0.1;
    expectFailure(d, "case: unknown field \"lr\"");
  }
  void badJsonAndMissingFile() {
    CliResult r = run_cli({"grad", "-"}, "{\"model\": ");
    QCOMPARE(r.exit_code, 1);
    QVERIFY(r.err.contains("is not valid JSON"));
    r = run_cli({"grad", "/nonexistent/case.json"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY(r.err.contains("cannot open \"/nonexistent/case.json\""));
    r = run_cli({"frobnicate"});
    QCOMPARE(r.exit_code, 2);
    QVERIFY(r.err.contains("unknown command"));
  }
};

QTEST_APPLESS_MAIN(TestCliGrad)
#include "tst_cli_grad.moc"
