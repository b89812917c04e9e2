// Weights files (core/io/safetensors): the round trip within GradScope, with PyTorch in both
// directions (the test parses the format with Python's standard library, no extra package), the
// command line's --save-weights / --load-weights and "params_file", and every malformed file
// refused with its message, the model left as it was.
#include <QtTest>

#include "test_helpers.h"

#include <QProcess>
#include <QTemporaryDir>
#include <cstring>
#include <fstream>

#include "autograd/grad_mode.h"
#include "golden.h"
#include "io/safetensors.h"
#include "spec/model_spec.h"
#include "tensor/random.h"

using namespace gs;
using nlohmann::json;

namespace {

/// A CNN with every kind of state: conv and linear weights, BatchNorm's running statistics and
/// its int64 num_batches_tracked, a residual block.
spec::ModelSpec cnn_spec() {
  return spec::parse_model_spec(json::parse(R"({"input_shape": [2, 8, 8], "layers": [
      {"type": "Conv2d", "out_channels": 4, "kernel_size": 3, "padding": 1}, {"type": "BatchNorm2d"}, {"type": "ReLU"},
      {"type": "ResidualBlock"}, {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Flatten"},
      {"type": "Linear", "out_features": 5}, {"type": "BatchNorm1d"}, {"type": "Tanh"}, {"type": "Linear", "out_features": 3}]})"));
}

/// A model whose running statistics are not the initial ones: a few train-mode forwards.
std::shared_ptr<nn::Sequential> trained_model(std::uint64_t seed) {
  Generator g(seed);
  auto model = spec::build_model(cnn_spec(), kFloat32, &g);
  NoGradGuard no_grad;
  model->train();
  for (int i = 0; i < 3; ++i) model->forward(randn({6, 2, 8, 8}, {}, &g));
  model->eval();
  return model;
}

QString python_with_torch() {
  for (const QString& candidate : {QString("/usr/bin/python3"), QString("python3")}) {
    QProcess probe;
    probe.start(candidate, {"-c", "import torch"});
    if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0) return candidate;
  }
  return {};
}

/// Python that reads and writes safetensors with struct and json only.
const char* kPythonFormat = R"(
import json, struct, torch
DT = {'F32': torch.float32, 'F64': torch.float64, 'I64': torch.int64}
def read(path):
    b = open(path, 'rb').read()
    n = struct.unpack('<Q', b[:8])[0]
    h = json.loads(b[8:8 + n])
    out = {}
    for k, v in h.items():
        if k == '__metadata__': continue
        s, e = v['data_offsets']
        out[k] = torch.frombuffer(bytearray(b[8 + n + s:8 + n + e]), dtype=DT[v['dtype']]).reshape(v['shape']).clone()
    return out
def write(path, sd):
    names = {torch.float32: 'F32', torch.float64: 'F64', torch.int64: 'I64'}
    h, data, off = {}, b'', 0
    for k, t in sd.items():
        raw = t.detach().contiguous().numpy().tobytes()
        h[k] = {'dtype': names[t.dtype], 'shape': list(t.shape), 'data_offsets': [off, off + len(raw)]}
        data += raw; off += len(raw)
    text = json.dumps(h).encode()
    open(path, 'wb').write(struct.pack('<Q', len(text)) + text + data)
)";

std::vector<double> output_of(nn::Module& model, const Tensor& x) {
  NoGradGuard no_grad;
  model.eval();
  return model.forward(x).to_vector<double>();
}

void write_raw(const std::string& path, const std::string& header, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  const std::uint64_t n = header.size();
  char len[8];
  for (int i = 0; i < 8; ++i) len[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  out.write(len, 8);
  out << header << data;
}

}  // namespace

class TestWeights : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

 private slots:
  void roundTripWithinGradScope() {
    auto a = trained_model(1);
    io::save_weights(path("a.safetensors"), *a, {{"producer", "test"}});
    auto b = trained_model(2);  // other weights, other statistics
    const Tensor x = randn({4, 2, 8, 8});
    QVERIFY(output_of(*a, x) != output_of(*b, x));
    io::load_weights(path("a.safetensors"), *b);
    QCOMPARE(output_of(*b, x), output_of(*a, x));  // bit for bit
    const io::NamedTensors sd = io::state_dict(*b);
    auto it = std::find_if(sd.begin(), sd.end(), [](const auto& p) { return p.first == "1.num_batches_tracked"; });
    QVERIFY(it != sd.end());
    QCOMPARE(it->second.dtype(), kInt64);
    QCOMPARE(it->second.item(), 3.0);
    QCOMPARE(io::read_safetensors_metadata(path("a.safetensors")).at("producer"), std::string("test"));
  }

  void malformedFilesAreRefused_data() {
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("data_bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << "{\"a\": " << 0 << "not valid JSON";
    QTest::newRow("offsets past the end") << R"({"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}})" << 8 << "lie outside the 8 bytes";
    QTest::newRow("overlap") << R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}})"
                             << 12 << "overlaps the one before it";
    QTest::newRow("hole") << R"({"a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}})" << 8 << "bytes 0 to 4 of the data belong to no tensor";
    QTest::newRow("trailing bytes") << R"({"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}})" << 8 << "the last 4 bytes";
    QTest::newRow("shape vs bytes") << R"({"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})" << 8 << "needs 12 bytes but data_offsets give 8";
    QTest::newRow("dtype") << R"({"a": {"dtype": "BF16", "shape": [4], "data_offsets": [0, 8]}})" << 8 << "has dtype BF16";
    QTest::newRow("absurd shape") << R"({"a": {"dtype": "F64", "shape": [4294967296, 4294967296], "data_offsets": [0, 8]}})" << 8 << "needs";
    QTest::newRow("negative size") << R"({"a": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}})" << 4 << "holds something other than sizes";
    QTest::newRow("no offsets") << R"({"a": {"dtype": "F32", "shape": [1]}})" << 4 << "needs \"dtype\", \"shape\" and \"data_offsets\"";
  }
  void malformedFilesAreRefused() {
    QFETCH(QString, header);
    QFETCH(int, data_bytes);
    QFETCH(QString, message);
    write_raw(path("bad.safetensors"), header.toStdString(), std::string(static_cast<std::size_t>(data_bytes), '\0'));
    const std::string e = error_of([&] { io::read_safetensors(path("bad.safetensors")); });
    QVERIFY_CONTAINS(e, message.toStdString());
    QVERIFY_CONTAINS(e, "bad.safetensors");
  }

  void truncatedAndHostileLengthsAreRefused() {
    { std::ofstream(path("short.safetensors"), std::ios::binary) << "abc"; }
    QVERIFY_CONTAINS(error_of([&] { io::read_safetensors(path("short.safetensors")); }), "fewer than the 8 of the header length");
    // A header length far past the end of the file: refused before anything is allocated or read.
    std::string huge(8, '\xff');
    { std::ofstream(path("huge.safetensors"), std::ios::binary) << huge << "{}"; }
    QVERIFY_CONTAINS(error_of([&] { io::read_safetensors(path("huge.safetensors")); }), "more than 100 MB");
    write_raw(path("past.safetensors"), "{}", "");
    std::fstream f(path("past.safetensors"), std::ios::in | std::ios::out | std::ios::binary);
    f.put(static_cast<char>(50));  // claims 50 bytes of header; 2 follow
    f.close();
    QVERIFY_CONTAINS(error_of([&] { io::read_safetensors(path("past.safetensors")); }), "the header claims 50 bytes but only 2 follow");
    QVERIFY_CONTAINS(error_of([&] { io::read_safetensors(path("missing.safetensors")); }), "no such file");
  }

  void weightsThatDoNotFitChangeNothing() {
    auto model = trained_model(1);
    const Tensor x = randn({2, 2, 8, 8});
    const std::vector<double> before = output_of(*model, x);
    io::NamedTensors sd = io::state_dict(*trained_model(5));
    io::NamedTensors missing(sd.begin() + 1, sd.end());
    QVERIFY_CONTAINS(error_of([&] { io::load_state_dict(*model, missing); }), "Missing key(s) in state_dict: \"0.weight\"");
    io::NamedTensors extra = sd;
    extra.emplace_back("99.weight", zeros({1}));
    QVERIFY_CONTAINS(error_of([&] { io::load_state_dict(*model, extra); }), "Unexpected key(s) in state_dict: \"99.weight\"");
    io::NamedTensors wrong = sd;
    wrong.back().second = zeros({7});  // the last parameter or buffer, another shape
    QVERIFY_CONTAINS(error_of([&] { io::load_state_dict(*model, wrong); }), "size mismatch for " + sd.back().first);
    io::NamedTensors ints = sd;
    ints[0].second = ints[0].second.to(kInt64);
    QVERIFY_CONTAINS(error_of([&] { io::load_state_dict(*model, ints); }), "integers and floating-point numbers");
    QCOMPARE(output_of(*model, x), before);  // nothing half-loaded
    io::NamedTensors doubles = sd;
    for (auto& [name, t] : doubles)
      if (t.dtype() == kFloat32) t = t.to(kFloat64);
    io::load_state_dict(*model, doubles);  // F64 into a float32 network converts, as load_state_dict does
    QCOMPARE(output_of(*model, x), output_of(*trained_model(5), x));
  }

  void gradScopeWeightsLoadIntoPyTorch() {
    const QString python = python_with_torch();
    if (python.isEmpty()) QSKIP("PyTorch is not installed (scripts/install-deps.sh --dev installs python3-torch)");
    auto model = trained_model(3);
    io::save_weights(path("ours.safetensors"), *model);
    Generator g(11);
    const Tensor x = randn({3, 2, 8, 8}, {}, &g);
    const std::string code = spec::pytorch_code(cnn_spec()) + kPythonFormat +
                             "model.load_state_dict(read(" + json(path("ours.safetensors")).dump() + "))\n"
                             "model.eval()\nx = torch.tensor(" + json(x.to_vector<double>()).dump() + ").reshape(3, 2, 8, 8)\n"
                             "print(json.dumps(model(x).detach().reshape(-1).tolist()))\n";
    QProcess run;
    run.start(python, {"-c", QString::fromStdString(code)});
    QVERIFY(run.waitForFinished(120000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    const auto theirs = json::parse(run.readAllStandardOutput().trimmed().split('\n').last().toStdString()).get<std::vector<double>>();
    const std::vector<double> ours = output_of(*model, x);
    QCOMPARE(theirs.size(), ours.size());
    for (std::size_t i = 0; i < ours.size(); ++i) QVERIFY2(std::abs(theirs[i] - ours[i]) < 1e-5, std::to_string(i).c_str());
  }

  void pyTorchWeightsLoadIntoGradScope() {
    const QString python = python_with_torch();
    if (python.isEmpty()) QSKIP("PyTorch is not installed (scripts/install-deps.sh --dev installs python3-torch)");
    const std::string code = spec::pytorch_code(cnn_spec()) + kPythonFormat +
                             "torch.manual_seed(7)\nmodel.train()\n"
                             "for _ in range(2): model(torch.randn(6, 2, 8, 8))\n"  // running statistics of its own
                             "model.eval()\nwrite(" + json(path("theirs.safetensors")).dump() + ", model.state_dict())\n"
                             "x = torch.randn(3, 2, 8, 8)\n"
                             "print(json.dumps({'x': x.reshape(-1).tolist(), 'y': model(x).detach().reshape(-1).tolist()}))\n";
    QProcess run;
    run.start(python, {"-c", QString::fromStdString(code)});
    QVERIFY(run.waitForFinished(120000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    const json out = json::parse(run.readAllStandardOutput().trimmed().split('\n').last().toStdString());
    auto model = trained_model(4);
    io::load_weights(path("theirs.safetensors"), *model);
    const Tensor x = from_vector(out["x"].get<std::vector<double>>(), {3, 2, 8, 8});
    const std::vector<double> ours = output_of(*model, x);
    const auto theirs = out["y"].get<std::vector<double>>();
    QCOMPARE(theirs.size(), ours.size());
    for (std::size_t i = 0; i < ours.size(); ++i) QVERIFY2(std::abs(theirs[i] - ours[i]) < 1e-5, std::to_string(i).c_str());
  }

  void commandLineSavesAndLoadsWeights() {
    const QString scenario = QString(GRADSCOPE_GOLDEN_DIR) + "/../../resources/scenarios/iris.json";
    QProcess train;
    train.start(GRADSCOPE_CLI, {"train", scenario, "--save-weights", QString::fromStdString(path("iris.safetensors"))});
    QVERIFY(train.waitForFinished(120000));
    QCOMPARE(train.exitCode(), 0);
    const io::NamedTensors sd = io::read_safetensors(path("iris.safetensors"));
    QCOMPARE(sd.front().first, std::string("0.weight"));
    // The same weights, given to a grad case as a file, give the model that file's outputs.
    const json model = json::parse(R"({"input_shape": [4], "layers": [{"type": "Linear", "out_features": 16},
                                       {"type": "ReLU"}, {"type": "Linear", "out_features": 3}]})");
    const json grad = {{"model", model}, {"params_file", path("iris.safetensors")}, {"input", {{0.1, 0.2, 0.3, 0.4}}}, {"mode", "eval"}};
    QProcess run;
    run.start(GRADSCOPE_CLI, {"grad", "-"});
    run.write(QByteArray::fromStdString(grad.dump()));
    run.closeWriteChannel();
    QVERIFY(run.waitForFinished(60000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    Generator g(0);
    auto ours = spec::build_model(spec::parse_model_spec(model), kFloat32, &g);
    io::load_weights(path("iris.safetensors"), *ours);
    const std::vector<double> expected = output_of(*ours, tensor({{0.1, 0.2, 0.3, 0.4}}));
    const auto got = json::parse(run.readAllStandardOutput().toStdString())["output"][0].get<std::vector<double>>();
    for (std::size_t i = 0; i < expected.size(); ++i) QVERIFY(std::abs(got[i] - expected[i]) < 1e-6);
    // A file that does not fit: status 1, the message names the file and the tensor.
    QProcess bad;
    bad.start(GRADSCOPE_CLI, {"train", QString(GRADSCOPE_GOLDEN_DIR) + "/../../resources/scenarios/breast_cancer.json", "--load-weights",
                              QString::fromStdString(path("iris.safetensors"))});
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 1);
    const QString err = bad.readAllStandardError();
    QVERIFY2(err.contains("iris.safetensors") && err.contains("Missing key(s) in state_dict: \"3.weight\""), qPrintable(err));
  }
};

QTEST_APPLESS_MAIN(TestWeights)
#include "tst_weights.moc"
