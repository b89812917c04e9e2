// gradscope-cli descent, metrics, train and bench: their JSON and text outputs, and bad input
// (non-zero exit, a message naming the field or value, never a crash).
#include <QtTest>

#include "backend/backend.h"

#include <QProcess>
#include <fstream>
#include <QTemporaryDir>

#include "golden.h"

using nlohmann::json;

namespace {
struct Run {
  int code;
  QString out, err;
};
Run cli(const QStringList& args, const QByteArray& input = {}) {
  QProcess p;
  p.start(GRADSCOPE_CLI, args);
  if (!input.isEmpty()) p.write(input);
  p.closeWriteChannel();
  p.waitForFinished(120000);
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}
QString scenario(const char* name) { return QString(GRADSCOPE_GOLDEN_DIR) + "/../../resources/scenarios/" + name + ".json"; }
}  // namespace

class TestCliTrain : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void descentFollowsTheClosedForm() {
    const Run r = cli({"descent", "-"}, R"({"function": {"name": "quadratic", "a": 1, "b": 10}, "start": [1.5, 1.0],
        "optimizer": {"name": "SGD", "lr": 0.02}, "steps": 20})");
    QCOMPARE(r.code, 0);
    const json out = json::parse(r.out.toStdString());
    QCOMPARE(out["path"].size(), std::size_t(21));  // start + 20 steps
    for (int k = 0; k <= 20; ++k) {
      QVERIFY(std::abs(out["path"][k][0].get<double>() - std::pow(1 - 2 * 1 * 0.02, k) * 1.5) < 1e-12);
      QVERIFY(std::abs(out["path"][k][1].get<double>() - std::pow(1 - 2 * 10 * 0.02, k) * 1.0) < 1e-12);
    }
    QVERIFY(!out.contains("diverged_at"));
  }

  void descentMarksDivergence() {
    const Run r = cli({"descent", "-"}, R"({"function": {"name": "quadratic", "a": 1, "b": 10}, "start": [1, 1],
        "optimizer": {"name": "SGD", "lr": 0.5}, "steps": 500})");
    QCOMPARE(r.code, 0);
    const json out = json::parse(r.out.toStdString());
    QVERIFY(out.contains("diverged_at"));
    QCOMPARE(out["path"].size(), out["diverged_at"].get<std::size_t>() + 1);
    QVERIFY(out["reason"].get<std::string>().find("lr < 1/a") != std::string::npos);
  }

  // The shipped transfer scenario, run from another folder: its weights path is read from the
  // scenario's folder; the summary counts trainable and frozen parameters; a missing or
  // mismatched weights file is refused naming it.
  void transferScenarioRunsFromAnyFolder() {
    if (!QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") && qEnvironmentVariableIsEmpty("GRADSCOPE_FASHION_MNIST_DIR"))
      QSKIP("Debian's dataset-fashion-mnist is not installed");
    json s = json::parse(std::ifstream(scenario("fashion_transfer").toStdString()));
    s["epochs"] = 1;
    const QString copy = dir_.filePath("transfer.json");
    QFile::copy(QString(GRADSCOPE_GOLDEN_DIR) + "/../../resources/scenarios/fashion_base.safetensors", dir_.filePath("fashion_base.safetensors"));
    std::ofstream(copy.toStdString()) << s.dump();
    const Run r = cli({"train", copy});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const json done = json::parse(r.out.trimmed().split(QChar(10)).last().toStdString());
    QCOMPARE(done["trainable_parameters"].get<int>(), 784 * 5 + 5);
    QCOMPARE(done["frozen_parameters"].get<int>(), 8 * 25 + 8 + 16 * 8 * 25 + 16);
    s["transfer"]["weights"] = "nowhere.safetensors";
    std::ofstream(copy.toStdString()) << s.dump();
    const Run missing = cli({"train", copy});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains("nowhere.safetensors"), qPrintable(missing.err));
    s["transfer"]["weights"] = "fashion_base.safetensors";
    s["model"]["layers"][0]["out_channels"] = 4;
    std::ofstream(copy.toStdString()) << s.dump();
    const Run mismatch = cli({"train", copy});
    QCOMPARE(mismatch.code, 1);
    QVERIFY2(mismatch.err.contains("\"0.weight\" has shape [8, 1, 5, 5] but this model's has [4, 1, 5, 5]"), qPrintable(mismatch.err));
  }

  // A version past 32 bits is not read as 1; output that cannot be written is a failure.
  void hugeVersionAndFullDisk() {
    json s = json::parse(std::ifstream(scenario("iris").toStdString()));
    s["version"] = 4294967297LL;
    const Run r = cli({"train", "-"}, QByteArray::fromStdString(s.dump()));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("newer GradScope (version 4294967297)"), qPrintable(r.err));
    if (!QFile::exists("/dev/full")) QSKIP("no /dev/full on this system");
    QProcess p;
    p.setStandardOutputFile("/dev/full");
    p.start(GRADSCOPE_CLI, {"eval", "torch.ones(3)"});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains("cannot write the output"));
  }

  void metricsFromCsv() {
    const QString path = dir_.filePath("scores.csv");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("label,score\n0,0.1\n0,0.4\n1,0.35\n1,0.8\n");
    f.close();
    const Run r = cli({"metrics", path, "--threshold", "0.35"});
    QCOMPARE(r.code, 0);
    const json out = json::parse(r.out.toStdString());
    QCOMPARE(out["auc"].get<double>(), 0.75);  // scikit-learn: roc_auc_score([0,0,1,1], [.1,.4,.35,.8])
    QVERIFY(std::abs(out["average_precision"].get<double>() - 0.8333333333333333) < 1e-12);
    QCOMPARE(out["confusion"], json::parse("[[1, 1], [0, 2]]"));
    QCOMPARE(out["recall"].get<double>(), 1.0);
    QVERIFY(out["roc"].size() >= 3);
    const Run nan = cli({"metrics", path, "--threshold", "nan"});
    QCOMPARE(nan.code, 1);
    QVERIFY2(nan.err.contains("--threshold: expected a finite number"), qPrintable(nan.err));
    QFile bad(dir_.filePath("bad.csv"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("label,score\n0,0.1\n2,0.4\n");
    bad.close();
    const Run e = cli({"metrics", bad.fileName()});
    QCOMPARE(e.code, 1);
    QVERIFY(e.err.contains("bad.csv:3: label \"2\" must be 0 or 1"));
    QVERIFY(cli({"metrics", path, "--threshold", "high"}).err.contains("--threshold: expected a number, got \"high\""));
  }

  void trainPrintsEpochsThenASummary() {
    const Run r = cli({"train", scenario("iris")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 61);  // 60 epochs + summary
    const json first = json::parse(lines.first().toStdString());
    for (const char* key : {"epoch", "train_loss", "test_loss", "train_acc", "test_acc", "lr"}) QVERIFY2(first.contains(key), key);
    const json done = json::parse(lines.last().toStdString());
    QVERIFY(done["done"].get<bool>());
    QVERIFY(done["test_acc"].get<double>() > 0.9);
    QVERIFY(done.contains("seconds"));
    const json binary = json::parse(cli({"train", scenario("xor")}).out.trimmed().split('\n').last().toStdString());
    QVERIFY(binary["test_auc"].get<double>() > 0.95);
  }

  void trainReportsValidationAndEarlyStopping() {
    QFile f(scenario("breast_cancer"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    json j = json::parse(f.readAll().toStdString());
    j["validation"] = 0.2;
    j["epochs"] = 200;
    j["early_stopping"] = {{"monitor", "val_loss"}, {"patience", 3}};
    const Run r = cli({"train", "-"}, QByteArray::fromStdString(j.dump()));
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.trimmed().split('\n');
    const json first = json::parse(lines.first().toStdString());
    for (const char* key : {"val_loss", "val_acc"}) QVERIFY2(first.contains(key), key);
    const json done = json::parse(lines.last().toStdString());
    QVERIFY(done["stopped_early"].get<bool>());
    QCOMPARE(done["stopped_epoch"].get<int>(), done["best_epoch"].get<int>() + 3);
    QCOMPARE(lines.size() - 1, done["stopped_epoch"].get<int>());  // one line per epoch trained
  }

  void cvTestsEverySampleOnce() {
    const Run r = cli({"cv", scenario("iris"), "--folds", "4"});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 5);  // 4 folds + summary
    int tested = 0;
    double sum = 0;
    for (int k = 0; k < 4; ++k) {
      const json fold = json::parse(lines[k].toStdString());
      QCOMPARE(fold["fold"].get<int>(), k + 1);
      QCOMPARE(fold["train_size"].get<int>() + fold["test_size"].get<int>(), 150);
      tested += fold["test_size"].get<int>();
      sum += fold["test_acc"].get<double>();
    }
    QCOMPARE(tested, 150);
    const json done = json::parse(lines.last().toStdString());
    QVERIFY(done["stratified"].get<bool>());
    QVERIFY(std::abs(done["test_acc"]["mean"].get<double>() - sum / 4) < 1e-5);
    QVERIFY(done["test_acc"]["std"].get<double>() >= 0);
    const Run bad = cli({"cv", scenario("iris"), "--folds", "1"});
    QCOMPARE(bad.code, 1);
    QVERIFY(bad.err.contains("--folds: expected a whole number from 2"));
  }

  void trainReportsDivergence() {
    const Run r = cli({"train", scenario("diverging")});
    QCOMPARE(r.code, 0);
    const json done = json::parse(r.out.trimmed().split(QChar(10)).last().toStdString());
    QVERIFY(done["diverged"].get<bool>());
    QVERIFY(done["reason"].get<std::string>().find("learning rate") != std::string::npos);
  }

  void trainRefusesBadScenarios() {
    Run r = cli({"train", "-"}, R"({"version": 2, "dataset": {"name": "iris"}})");
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("newer GradScope"));
    r = cli({"train", "-"}, R"({"version": 1, "dataset": {"name": "irises"}, "model": {"layers": []}, "loss": "MSELoss", "optimizer": {"name": "SGD"}})");
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("unknown data set \"irises\""));
    r = cli({"train", "-"}, R"({"version": 1, "dataset": {"name": "csv", "path": "/no/such.csv"}, "model": {"layers": []}, "loss": "MSELoss", "optimizer": {"name": "SGD"}})");
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("/no/such.csv: no such file"));
  }

  void trainOnADeviceSaysWhyWhenThereIsNone() {
    const QString iris = QString(GRADSCOPE_GOLDEN_DIR) + "/../../resources/scenarios/iris.json";
    const Run cpu = cli({"train", iris, "--device", "cpu"});
    QCOMPARE(cpu.code, 0);
    QVERIFY(cpu.out.contains("\"done\":true"));
    QVERIFY(cli({"train", iris, "--device", "tpu"}).err.contains("device: unknown device \"tpu\""));
    std::string why;
    if (gs::device_available(gs::Device::CUDA, &why)) QSKIP("a GPU is present: the no-GPU message cannot be shown here");
    const Run gpu = cli({"train", iris, "--device", "cuda"});
    QCOMPARE(gpu.code, 1);
    QVERIFY2(gpu.err.contains("CUDA is not available: " + QString::fromStdString(why)), qPrintable(gpu.err));
    QVERIFY(gpu.out.isEmpty());  // nothing trained, nothing half-printed
  }

  void benchPrintsOneLinePerWorkload() {
    const Run r = cli({"bench", "--workload", "W1", "--workload", "W3", "--seconds", "0.2"});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(QRegularExpression("^W1_playground_mlp threads=1 steps_per_s=[0-9.]+ samples_per_s=[0-9.]+ device=cpu batch=10$").match(lines[0]).hasMatch());
    QVERIFY(lines[1].startsWith("W3_small_cnn threads=1"));
    QVERIFY(cli({"bench", "--workload", "W9"}).err.contains("unknown workload \"W9\""));
    QVERIFY(cli({"bench", "--threads", "0"}).err.contains("--threads: expected 1 to 256"));
    const Run big = cli({"bench", "--workload", "W2", "--batch", "256", "--seconds", "0.1"});
    QVERIFY2(big.out.contains("device=cpu batch=256"), qPrintable(big.out + big.err));
    QVERIFY(cli({"bench", "--device", "tpu"}).err.contains("unknown device \"tpu\""));
    std::string why;
    if (!gs::device_available(gs::Device::CUDA, &why)) {  // no GPU: the reason, not a crash
      const Run gpu = cli({"bench", "--workload", "W1", "--device", "cuda", "--seconds", "0.1"});
      QCOMPARE(gpu.code, 1);
      QVERIFY2(gpu.err.contains("CUDA is not available: " + QString::fromStdString(why)), qPrintable(gpu.err));
    }
    const Run devices = cli({"devices"});
    QCOMPARE(devices.code, 0);
    const auto list = nlohmann::json::parse(devices.out.toStdString());
    QCOMPARE(list.size(), std::size_t(2));
    QCOMPARE(list[0]["device"].get<std::string>(), std::string("cpu"));
    QCOMPARE(list[1]["available"].get<bool>(), gs::device_available(gs::Device::CUDA));
  }
};

QTEST_APPLESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
