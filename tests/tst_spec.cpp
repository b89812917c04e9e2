// Model specs: validation that names the field, shape inference, and the teaching errors.
#include <QtTest>

#include <QProcess>

#include "test_helpers.h"

#include "nn/activation.h"
#include "ops/functional.h"
#include "spec/blocks.h"
#include "spec/layer_table.h"
#include "spec/model_spec.h"

using namespace gs;
using nlohmann::json;


class TestSpec : public QObject {
  Q_OBJECT

  static json cnn() {
    return json::parse(R"({"input_shape": [1, 28, 28], "layers": [
      {"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1}, {"type": "ReLU"},
      {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})");
  }

 private slots:
  void makeLayerFillsPyTorchsDefaults() {
    const spec::LayerSpec linear = spec::make_layer("Linear", {{"out_features", 8}});
    QCOMPARE(linear.type, std::string("Linear"));
    QCOMPARE(linear.args, (nlohmann::json{{"out_features", 8}, {"bias", true}}));
    QCOMPARE(spec::make_layer("Dropout").args["p"].get<double>(), 0.5);
    QVERIFY_CONTAINS(error_of([] { spec::make_layer("Linear", {{"out_feature", 8}}); }), "unknown argument \"out_feature\"");
  }

  void infersShapesAndParameterCounts() {
    const spec::ModelSpec s = spec::parse_model_spec(cnn());
    const spec::ShapeReport r = spec::infer_shapes(s);
    QVERIFY(r.ok());
    QCOMPARE(r.layers.size(), std::size_t(5));
    QCOMPARE(r.layers[0].output, (Shape{8, 28, 28}));
    QCOMPARE(r.layers[2].output, (Shape{8, 14, 14}));
    QCOMPARE(r.layers[3].output, (Shape{1568}));
    QCOMPARE(r.layers[4].output, (Shape{10}));
    QCOMPARE(r.layers[0].parameters, std::int64_t(8 * 9 + 8));
    QCOMPARE(r.layers[4].parameters, std::int64_t(1568 * 10 + 10));
    QCOMPARE(r.total_parameters, std::int64_t(80 + 15690));
    QCOMPARE(QString::fromStdString(spec::batch_shape_str(r.layers[2].output)), QString("[N, 8, 14, 14]"));
  }

  void missingFlattenIsTaught() {
    json j = cnn();
    j["layers"].erase(3);
    const spec::ShapeReport r = spec::infer_shapes(spec::parse_model_spec(j));
    QVERIFY(!r.ok());
    QCOMPARE(r.error_layer, 3);
    QVERIFY_CONTAINS(r.error, "Linear expects [N, features] but gets [N, 8, 14, 14]: add a Flatten after the last pooling layer");
    QCOMPARE(r.layers.size(), std::size_t(3));  // the layers before the fault still have shapes
    // The mistake's code and values, for a front end to say it in the learner's language.
    QCOMPARE(r.error_code, std::string("linear_needs_flat"));
    QCOMPARE(r.error_args, (std::vector<std::string>{"[N, 8, 14, 14]", "1568"}));
    QVERIFY_CONTAINS(error_of([&] { spec::build_model(spec::parse_model_spec(j)); }), "layer 3 (Linear)");
  }

  void otherShapeMistakes() {
    auto err = [](const char* text) { return spec::infer_shapes(spec::parse_model_spec(json::parse(text))).error; };
    QVERIFY_CONTAINS(err(R"({"input_shape": [4], "layers": [{"type": "Conv2d", "out_channels": 2, "kernel_size": 3}]})"),
                     "Conv2d expects images [N, C, H, W] but gets [N, 4]");
    QVERIFY_CONTAINS(err(R"({"input_shape": [1, 4, 4], "layers": [{"type": "Conv2d", "out_channels": 2, "kernel_size": 5}]})"),
                     "does not fit in the 4x4 feature map");
    // A window larger than its input by one: PyTorch's floor gives 0 (C++'s truncation gave 1,
    // and max_pool2d then read past the input). Refused in the spec and by the op itself.
    QVERIFY_CONTAINS(err(R"({"input_shape": [1, 1, 1], "layers": [{"type": "MaxPool2d", "kernel_size": 2}]})"),
                     "does not fit in the 1x1 feature map");
    QVERIFY_CONTAINS(err(R"({"input_shape": [1, 2, 2], "layers": [{"type": "Conv2d", "out_channels": 1, "kernel_size": 3, "stride": 2}]})"),
                     "does not fit in the 2x2 feature map");
    QVERIFY_CONTAINS(error_of([] { max_pool2d(ones({1, 1, 1, 1}), {2, 2}, {2, 2}); }), "Output size is too small");
    QVERIFY_CONTAINS(error_of([] { avg_pool2d(ones({1, 1, 3, 1}), {2, 2}, {2, 2}); }), "Output size is too small");
    // Sizes past what any machine holds are refused before a product wraps (a builder once showed
    // "−8446744073709551606 parameters").
    QVERIFY_CONTAINS(err(R"({"input_shape": [1, 28, 28], "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 16000000}]})"),
                     "more than 1,000,000,000 parameters");
    QVERIFY_CONTAINS(err(R"({"input_shape": [4096, 4096, 4096], "layers": [{"type": "ReLU"}]})"), "more than 1,000,000,000 numbers per sample");
    QVERIFY_CONTAINS(error_of([] { spec::parse_model_spec(json::parse(R"({"layers": [{"type": "Linear", "out_features": 300000000000}]})")); }),
                     "is beyond the largest size here");
    QVERIFY_CONTAINS(error_of([] { spec::parse_model_spec(json::parse(R"({"input_shape": [1e12], "layers": []})")); }), "input_shape[0]");
    QCOMPARE(window_output_size(7, 3, 2, 0, 1), std::int64_t(3));   // ⌊(7 − 3) / 2⌋ + 1
    QCOMPARE(window_output_size(1, 2, 2, 0, 1), std::int64_t(0));   // ⌊−1 / 2⌋ + 1 = 0, not 1
    QCOMPARE(window_output_size(2, 3, 2, 0, 1), std::int64_t(0));
    QVERIFY_CONTAINS(err(R"({"input_shape": [3], "layers": [{"type": "Linear", "in_features": 4, "out_features": 2}]})"),
                     "Linear(in_features=4) gets 3 features");
    QVERIFY_CONTAINS(err(R"({"input_shape": [3, 8, 8], "layers": [{"type": "Conv2d", "in_channels": 1, "out_channels": 2, "kernel_size": 3}]})"),
                     "Conv2d(in_channels=1) gets 3 channels");
    QVERIFY_CONTAINS(err(R"({"input_shape": [6], "layers": [{"type": "BatchNorm2d"}]})"), "use BatchNorm1d");
    QVERIFY_CONTAINS(err(R"({"input_shape": [6], "layers": [{"type": "Softmax", "dim": 0}]})"), "across the batch");
  }

  void invalidFieldsAreNamed() {
    auto err = [](const char* text) { return error_of([&] { spec::parse_model_spec(json::parse(text)); }); };
    QVERIFY_CONTAINS(err(R"({"layers": [{"type": "Dense", "out_features": 3}]})"), "model.layers[0]: unknown layer type \"Dense\"");
    QVERIFY_CONTAINS(err(R"({"layers": [{"type": "Conv2d", "out_channels": 3, "kernel": 3}]})"),
                     "unknown argument \"kernel\". Did you mean \"kernel_size\"?");
    QVERIFY_CONTAINS(err(R"({"layers": [{"type": "Linear"}]})"), "model.layers[0].out_features: required argument of Linear is missing");
    QVERIFY_CONTAINS(err(R"({"layers": [{"type": "Linear", "out_features": -2}]})"), "model.layers[0].out_features: must be a positive integer");
    QVERIFY_CONTAINS(err(R"({"layers": [{"type": "Dropout", "p": 1.5}]})"), "model.layers[0].p: dropout probability has to be between 0 and 1");
    QVERIFY_CONTAINS(err(R"({"layers": [{"type": "Conv2d", "out_channels": 3, "kernel_size": "3"}]})"), "model.layers[0].kernel_size: expected");
    QVERIFY_CONTAINS(err(R"({"input_shape": [0], "layers": []})"), "model.input_shape[0]: expected a positive integer");
    QVERIFY_CONTAINS(err(R"({"inputshape": [2], "layers": []})"), "unknown field \"inputshape\". Did you mean \"input_shape\"?");
    QVERIFY_CONTAINS(err(R"({"layers": [{"type": "ReLU", "inplace": true}]})"), "ReLU takes no arguments");
  }

  void roundTripsThroughJson() {
    const spec::ModelSpec s = spec::parse_model_spec(cnn());
    const spec::ModelSpec back = spec::parse_model_spec(spec::to_json(s));
    QCOMPARE(back.input_shape, s.input_shape);
    QCOMPARE(back.layers.size(), s.layers.size());
    QCOMPARE(back.layers[0].args.dump(), s.layers[0].args.dump());
    QCOMPARE(s.layers[0].args["kernel_size"].dump(), std::string("[3,3]"));
  }

  void initSchemesFollowTheirFormulas() {
    // Every ≥2-D weight gets the scheme; biases of those layers 0; BatchNorm keeps 1 and 0.
    json j = json::parse(R"({"input_shape": [40], "init": "kaiming_uniform", "layers": [
      {"type": "Linear", "out_features": 300}, {"type": "BatchNorm1d"}, {"type": "ReLU"}, {"type": "Linear", "out_features": 1}]})");
    Generator g(3);
    auto model = spec::build_model(spec::parse_model_spec(j), kFloat64, &g);
    const auto params = model->named_parameters();
    QCOMPARE(params[0].first, std::string("0.weight"));
    const std::vector<double> w = params[0].second.to_vector<double>();
    const double bound = std::sqrt(2.0) * std::sqrt(3.0 / 40);  // gain √2 (ReLU) · √(3 / fan_in)
    double lo = 1e9, hi = -1e9, sq = 0;
    for (double v : w) lo = std::min(lo, v), hi = std::max(hi, v), sq += v * v;
    QVERIFY(lo >= -bound && hi <= bound);
    QVERIFY(hi > 0.95 * bound && lo < -0.95 * bound);                      // 12,000 draws reach the ends
    QVERIFY(std::abs(std::sqrt(sq / w.size()) - bound / std::sqrt(3.0)) < 0.01);  // U(−b, b) has sd b/√3
    for (double v : params[1].second.to_vector<double>()) QCOMPARE(v, 0.0);  // 0.bias
    for (double v : params[2].second.to_vector<double>()) QCOMPARE(v, 1.0);  // 1.weight (BatchNorm)
    for (double v : params[3].second.to_vector<double>()) QCOMPARE(v, 0.0);  // 1.bias (BatchNorm)

    j["init"] = "xavier_normal";
    model = spec::build_model(spec::parse_model_spec(j), kFloat64, &g);
    double s2 = 0;
    const std::vector<double> wx = model->named_parameters()[0].second.to_vector<double>();
    for (double v : wx) s2 += v * v;
    QVERIFY(std::abs(std::sqrt(s2 / wx.size()) - std::sqrt(2.0 / 340)) < 0.003);

    j["init"] = "zeros";
    model = spec::build_model(spec::parse_model_spec(j), kFloat64, &g);
    for (const auto& [name, p] : model->named_parameters())
      if (name.ends_with("weight") && p.dim() == 2) QCOMPARE(p.abs().sum().item(), 0.0);

    // "default" is PyTorch's own: the same numbers as a spec without "init".
    j["init"] = "default";
    Generator g1(5), g2(5);
    json plain = j;
    plain.erase("init");
    QCOMPARE(spec::build_model(spec::parse_model_spec(j), kFloat64, &g1)->named_parameters()[0].second.to_vector<double>(),
             spec::build_model(spec::parse_model_spec(plain), kFloat64, &g2)->named_parameters()[0].second.to_vector<double>());
  }

  void initIsValidatedAndRoundTrips() {
    json j = cnn();
    j["init"] = "kaiming_norm";
    QVERIFY_CONTAINS(error_of([&] { spec::parse_model_spec(j); }), "model.init: expected one of default, xavier_uniform");
    QVERIFY_CONTAINS(error_of([&] { spec::parse_model_spec(j); }), "kaiming_normal");  // the suggestion
    j["init"] = 3;
    QVERIFY_CONTAINS(error_of([&] { spec::parse_model_spec(j); }), "model.init");
    j["init"] = "xavier_uniform";
    QCOMPARE(spec::parse_model_spec(spec::to_json(spec::parse_model_spec(j))).init, std::string("xavier_uniform"));
    QVERIFY(!spec::to_json(spec::parse_model_spec(cnn())).contains("init"));
  }

  void pytorchCodeDefinesTheSameNetwork() {
    json j = json::parse(R"({"input_shape": [3, 16, 16], "init": "kaiming_normal", "layers": [
      {"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1, "bias": false}, {"type": "BatchNorm2d"},
      {"type": "ReLU"}, {"type": "ResidualBlock"}, {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Flatten"},
      {"type": "Linear", "out_features": 10}, {"type": "Dropout", "p": 0.5}, {"type": "LeakyReLU", "negative_slope": 0.2},
      {"type": "Linear", "out_features": 2}]})");
    const std::string code = spec::pytorch_code(spec::parse_model_spec(j));
    for (const char* line : {"nn.Conv2d(3, 8, kernel_size=3, padding=1, bias=False),  # -> [N, 8, 16, 16]",
                             "nn.BatchNorm2d(8),", "nn.ReLU(),", "    ResidualBlock(8),", "class ResidualBlock(nn.Module):",
                             "nn.MaxPool2d(kernel_size=2),  # -> [N, 8, 8, 8]", "nn.Flatten(),", "nn.Linear(512, 10),",
                             "nn.Dropout(),", "nn.LeakyReLU(negative_slope=0.2),", "nn.Linear(10, 2),  # -> [N, 2]",
                             "nn.init.kaiming_normal_(m.weight, nonlinearity='relu')", "model.apply(init_weights)"})
      QVERIFY2(code.find(line) != std::string::npos, line);
    json wrong = cnn();
    wrong["layers"].erase(3);  // the Flatten
    QVERIFY_CONTAINS(error_of([&] { spec::pytorch_code(spec::parse_model_spec(wrong)); }), "add a Flatten");
  }

  void pytorchCodeRunsInPyTorch_data() {
    QTest::addColumn<QString>("spec");
    QTest::newRow("cnn, residual, init") << QString::fromStdString(json::parse(R"({"input_shape": [3, 16, 16], "init": "kaiming_normal", "layers": [
      {"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1, "bias": false}, {"type": "BatchNorm2d"}, {"type": "ReLU"},
      {"type": "ResidualBlock"}, {"type": "MaxPool2d", "kernel_size": 2}, {"type": "AvgPool2d", "kernel_size": [2, 1], "stride": 2},
      {"type": "Flatten"}, {"type": "Linear", "out_features": 10}, {"type": "Dropout", "p": 0.3}, {"type": "GELU", "approximate": "tanh"},
      {"type": "Linear", "out_features": 3}, {"type": "LogSoftmax", "dim": 1}]})").dump());
    QTest::newRow("mlp") << QString::fromStdString(json::parse(R"({"input_shape": [7], "init": "xavier_uniform", "layers": [
      {"type": "Linear", "out_features": 6}, {"type": "BatchNorm1d", "momentum": 0.2}, {"type": "LeakyReLU", "negative_slope": 0.2},
      {"type": "Linear", "out_features": 4, "bias": false}, {"type": "ELU", "alpha": 0.5}, {"type": "Softplus", "beta": 2},
      {"type": "Linear", "out_features": 1}, {"type": "Sigmoid"}]})").dump());
  }

  void pytorchCodeRunsInPyTorch() {
    // The exported code, run by PyTorch itself: the same output shape and parameter count as
    // GradScope's shape inference. Needs Debian's python3-torch (scripts/install-deps.sh --dev).
    QString python;
    for (const QString& candidate : {QString("/usr/bin/python3"), QString("python3")}) {
      QProcess probe;
      probe.start(candidate, {"-c", "import torch"});
      if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0) {
        python = candidate;
        break;
      }
    }
    if (python.isEmpty()) QSKIP("PyTorch is not installed (scripts/install-deps.sh --dev installs python3-torch)");
    QFETCH(QString, spec);
    const spec::ModelSpec s = spec::parse_model_spec(json::parse(spec.toStdString()));
    const spec::ShapeReport report = spec::infer_shapes(s);
    std::string shape;
    for (auto d : s.input_shape) shape += std::to_string(d) + ", ";
    const std::string code = spec::pytorch_code(s) +
                             "\nimport json\nmodel.eval()\ny = model(torch.zeros(2, " + shape + "))\n"
                             "print(json.dumps({'shape': list(y.shape)[1:], 'params': sum(p.numel() for p in model.parameters())}))\n";
    QProcess run;
    run.start(python, {"-c", QString::fromStdString(code)});
    QVERIFY(run.waitForFinished(120000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    const json out = json::parse(run.readAllStandardOutput().trimmed().split('\n').last().toStdString());
    QCOMPARE(out["shape"].get<Shape>(), report.layers.back().output);
    QCOMPARE(out["params"].get<std::int64_t>(), report.total_parameters);
  }

  void layerTableIsConsistent() {
    // One entry per kind, in palette order, each argument named once, palette defaults that are
    // its own arguments; the required sizes a shape rule infers have no default to hide behind.
    std::vector<std::string> names;
    int order = -1;
    for (const spec::LayerKind* k : spec::layer_kinds()) {
      QVERIFY2(std::find(names.begin(), names.end(), k->name) == names.end(), k->name.c_str());
      names.push_back(k->name);
      QVERIFY2(k->palette_order > order, k->name.c_str());
      order = k->palette_order;
      QCOMPARE(spec::find_layer_kind(k->name), k);
      QVERIFY2(k->shape && k->build, k->name.c_str());
      std::vector<std::string> args;
      bool named_seen = false;
      for (const spec::LayerArg& a : k->args) {
        QVERIFY2(std::find(args.begin(), args.end(), a.name) == args.end(), a.name);
        args.emplace_back(a.name);
        QVERIFY2(!(a.inferred && !a.fallback.is_null()), a.name);
        QVERIFY2(!(a.positional && named_seen), a.name);  // Python: positional arguments first
        named_seen = named_seen || !a.positional;
      }
      for (const auto& [key, value] : k->palette_args.items())
        QVERIFY2(std::find(args.begin(), args.end(), key) != args.end(), (k->name + "." + key).c_str());
    }
    QCOMPARE(names.size(), std::size_t(20));
    QVERIFY(!spec::find_layer_kind("Dense"));
    QVERIFY(!spec::find_layer_kind("linear"));
    // Every activation the factory makes is a layer a spec can use, built by that factory.
    for (const std::string& name : nn::activation_names()) {
      const spec::ModelSpec s = spec::parse_model_spec({{"input_shape", {3}}, {"layers", {{{"type", name}}}}});
      QCOMPARE(spec::build_model(s)->children()[0].second->type_name(), name);
    }
  }

  void everyLayerKindParsesInfersBuildsAndExports_data() {
    QTest::addColumn<QString>("type");
    for (const spec::LayerKind* k : spec::layer_kinds()) QTest::newRow(k->name.c_str()) << QString::fromStdString(k->name);
  }

  void everyLayerKindParsesInfersBuildsAndExports() {
    // A kind added without a complete entry fails here: the palette's arguments must be enough
    // to parse it, its shape rule must agree with the module it builds (output shape and
    // parameter count), and the PyTorch code must name it.
    QFETCH(QString, type);
    const spec::LayerKind& kind = *spec::find_layer_kind(type.toStdString());
    json layer = kind.palette_args;
    layer["type"] = kind.name;
    const Shape input = kind.palette_group == spec::PaletteGroup::Image ? Shape{2, 6, 6} : Shape{5};
    const spec::ModelSpec s = spec::parse_model_spec({{"input_shape", input}, {"layers", {layer}}});
    for (const spec::LayerArg& a : kind.args)
      QVERIFY2(s.layers[0].args.contains(a.name) == (!a.inferred || kind.palette_args.contains(a.name)), a.name);

    const spec::ShapeReport r = spec::infer_shapes(s);
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.layers.size(), std::size_t(1));

    Generator g(1);
    const auto model = spec::build_model(s, kFloat64, &g);
    QCOMPARE(model->size(), std::size_t(1));
    QCOMPARE((*model)[0]->type_name(), kind.name);
    Shape batch{3};
    batch.insert(batch.end(), input.begin(), input.end());
    Shape expected{3};
    expected.insert(expected.end(), r.layers[0].output.begin(), r.layers[0].output.end());
    QCOMPARE(model->forward(randn(batch, {.dtype = kFloat64}, &g)).shape(), expected);
    std::int64_t parameters = 0;
    for (const Tensor& p : model->parameters()) parameters += p.numel();
    QCOMPARE(parameters, r.layers[0].parameters);

    const std::string code = spec::pytorch_code(s);
    const std::string call = std::string(kind.pytorch_class ? "    " : "    nn.") + kind.name + "(";
    QVERIFY2(code.find(call) != std::string::npos, code.c_str());
    if (kind.pytorch_class) QVERIFY(code.find(kind.pytorch_class) != std::string::npos);
  }

  void buildsEveryLayerType() {
    const json j = json::parse(R"({"input_shape": [2, 6, 6], "layers": [
      {"type": "Conv2d", "out_channels": 3, "kernel_size": [3, 1], "stride": 1, "padding": [1, 0]},
      {"type": "BatchNorm2d"}, {"type": "ELU", "alpha": 0.5}, {"type": "AvgPool2d", "kernel_size": 2},
      {"type": "MaxPool2d", "kernel_size": 3, "stride": 1, "padding": 1}, {"type": "Flatten"},
      {"type": "Linear", "out_features": 5}, {"type": "BatchNorm1d"}, {"type": "LeakyReLU", "negative_slope": 0.2},
      {"type": "Dropout", "p": 0.1}, {"type": "GELU", "approximate": "tanh"}, {"type": "Softplus"}, {"type": "Tanh"},
      {"type": "Sigmoid"}, {"type": "Identity"}, {"type": "Linear", "out_features": 3}, {"type": "LogSoftmax", "dim": 1},
      {"type": "Softmax", "dim": -1}]})");
    Generator g(0);
    auto model = spec::build_model(spec::parse_model_spec(j), kFloat64, &g);
    QCOMPARE(model->size(), std::size_t(18));
    QCOMPARE(QString::fromStdString((*model)[1]->type_name()), QString("BatchNorm2d"));
    const Tensor y = model->forward(randn({4, 2, 6, 6}, {.dtype = kFloat64}, &g));
    QCOMPARE(y.shape(), (Shape{4, 3}));
    QVERIFY(std::abs(y.sum().item() - 4.0) < 1e-9);  // softmax rows sum to 1
    QCOMPARE(QString::fromStdString(model->named_parameters()[0].first), QString("0.weight"));
    QCOMPARE(model->named_parameters()[0].second.shape(), (Shape{3, 2, 3, 1}));
  }

  // The object form of "init" carries the scheme's argument: N(0, 0.01²) is the textbook's
  // too-small case (activations collapse), as the Initialization lab shows.
  void initObjectFormParsesRoundTripsAndNamesTheField() {
    json j = json::parse(R"({"input_shape": [100], "init": {"name": "normal", "std": 0.01},
      "layers": [{"type": "Linear", "out_features": 100}, {"type": "Tanh"}, {"type": "Linear", "out_features": 100}]})");
    const spec::ModelSpec s = spec::parse_model_spec(j);
    QCOMPARE(s.init, std::string("normal"));
    QCOMPARE(s.init_std, 0.01);
    const json back = spec::to_json(s);
    QCOMPARE(back["init"], (json{{"name", "normal"}, {"std", 0.01}}));
    QCOMPARE(spec::parse_model_spec(back).init_std, 0.01);
    // The weights are N(0, 0.01²): their std is near 0.01 and the biases are 0.
    Generator g(3);
    auto model = spec::build_model(s, kFloat64, &g);
    const Tensor w = model->named_parameters()[0].second;
    const double std_w = gs::var(w.flatten(), {0}, false).sqrt().item();
    QVERIFY2(std::abs(std_w - 0.01) < 0.0005, qPrintable(QString("std of 0.weight %1, expected 0.01 ± 0.0005").arg(std_w)));
    QCOMPARE(model->named_parameters()[1].second.abs().sum().item(), 0.0);
    QVERIFY(spec::pytorch_code(s).find("nn.init.normal_(m.weight, mean=0.0, std=0.01)") != std::string::npos);
    // The string forms still round-trip as strings; "normal" alone is N(0, 1).
    for (const char* name : {"normal", "xavier_uniform", "kaiming_normal", "zeros"}) {
      j["init"] = name;
      QCOMPARE(spec::to_json(spec::parse_model_spec(j))["init"], json(name));
    }
    QCOMPARE(spec::parse_model_spec(j = json::parse(R"({"layers": [], "init": "normal"})")).init_std, 1.0);
    j["init"] = {{"name", "xavier_uniform"}};
    QCOMPARE(spec::parse_model_spec(j).init, std::string("xavier_uniform"));
    QCOMPARE(spec::to_json(spec::parse_model_spec(j))["init"], json("xavier_uniform"));
    // Errors name the field.
    const std::vector<std::pair<json, std::string>> wrong = {
        {{{"name", "normal"}, {"std", -1}}, "model.init.std: expected a positive number"},
        {{{"name", "normal"}, {"std", 0}}, "model.init.std: expected a positive number"},
        {{{"name", "normal"}, {"std", "small"}}, "model.init.std: expected a positive number"},
        {{{"name", "xavier_uniform"}, {"std", 0.1}}, "model.init.std: only the \"normal\" scheme"},
        {{{"name", "norml"}, {"std", 0.1}}, "model.init.name: expected one of"},
        {{{"std", 0.1}}, "model.init.name: missing"},
        {{{"name", "normal"}, {"sdt", 0.1}}, "model.init: unknown field \"sdt\""},
    };
    for (const auto& [init, message] : wrong) {
      j["init"] = init;
      QVERIFY_CONTAINS(error_of([&] { spec::parse_model_spec(j); }), message);
    }
  }
  // VGG as blocks: Conv-Conv-Pool twice on 1×28×28 from 16 channels. A 3×3 convolution with
  // padding 1 keeps 28×28, each pool halves it, the channels double: [16, 14, 14], [32, 7, 7].
  void vggSpecAndBlockSummary() {
    const spec::ModelSpec s = spec::vgg_spec({1, 28, 28}, 2, 2, 16, 10);
    QCOMPARE(s.layers.size(), std::size_t{2 * (2 * 2 + 1) + 2});
    QCOMPARE(s.layers[0].type, std::string("Conv2d"));
    QCOMPARE(s.layers[0].args["out_channels"].get<int>(), 16);
    QCOMPARE(s.layers[0].args["kernel_size"], json({3, 3}));
    QCOMPARE(s.layers[0].args["padding"], json({1, 1}));
    QVERIFY_CONTAINS(spec::pytorch_code(s), "nn.Conv2d(16, 32, kernel_size=3, padding=1),  # -> [N, 32, 14, 14]");
    QVERIFY_CONTAINS(spec::pytorch_code(s), "nn.MaxPool2d(kernel_size=2),  # -> [N, 32, 7, 7]");
    QCOMPARE(s.layers[1].type, std::string("ReLU"));
    QCOMPARE(s.layers[4].type, std::string("MaxPool2d"));
    QCOMPARE(s.layers[5].args["out_channels"].get<int>(), 32);
    QCOMPARE(s.layers[10].type, std::string("Flatten"));
    QCOMPARE(s.layers[11].args["out_features"].get<int>(), 10);

    const auto blocks = spec::block_summary(s);
    QCOMPARE(blocks.size(), std::size_t{3});
    QCOMPARE(blocks[0].label, std::string("Conv-Conv-Pool"));
    QCOMPARE(blocks[1].label, std::string("Conv-Conv-Pool"));
    QCOMPARE(blocks[2].label, std::string("Head"));
    QCOMPARE(blocks[0].first_layer, 0);
    QCOMPARE(blocks[0].last_layer, 4);
    QCOMPARE(blocks[1].first_layer, 5);
    QCOMPARE(blocks[1].last_layer, 9);
    QCOMPARE(blocks[2].first_layer, 10);
    QCOMPARE(blocks[2].last_layer, 11);
    QCOMPARE(blocks[0].input, (Shape{1, 28, 28}));
    QCOMPARE(blocks[0].output, (Shape{16, 14, 14}));
    QCOMPARE(blocks[1].input, (Shape{16, 14, 14}));
    QCOMPARE(blocks[1].output, (Shape{32, 7, 7}));
    QCOMPARE(blocks[2].output, (Shape{10}));
    // 1·16·9 + 16 + 16·16·9 + 16; 16·32·9 + 32 + 32·32·9 + 32; 1568·10 + 10.
    QCOMPARE(blocks[0].parameters, std::int64_t{2480});
    QCOMPARE(blocks[1].parameters, std::int64_t{13888});
    QCOMPARE(blocks[2].parameters, std::int64_t{15690});

    // Every block's numbers are infer_shapes' numbers, whatever the network.
    for (const auto& [shape, n, convs, channels] : std::vector<std::tuple<Shape, int, int, int>>{
             {{1, 8, 8}, 3, 1, 8}, {{3, 32, 32}, 5, 3, 64}, {{1, 28, 28}, 1, 2, 32}}) {
      const spec::ModelSpec v = spec::vgg_spec(shape, n, convs, channels, 10);
      const spec::ShapeReport r = spec::infer_shapes(v);
      const auto b = spec::block_summary(v);
      QCOMPARE(b.size(), std::size_t(n + 1));
      std::int64_t sum = 0;
      for (std::size_t k = 0; k < b.size(); ++k) {
        sum += b[k].parameters;
        QCOMPARE(b[k].input, r.layers[std::size_t(b[k].first_layer)].input);
        QCOMPARE(b[k].output, r.layers[std::size_t(b[k].last_layer)].output);
        if (k > 0) QCOMPARE(b[k].first_layer, b[k - 1].last_layer + 1);
      }
      QCOMPARE(sum, r.total_parameters);
      QCOMPARE(b.back().last_layer, int(v.layers.size()) - 1);
      QCOMPARE(b[std::size_t(n - 1)].output[0], std::int64_t(channels) << (n - 1));
    }
    // A network without pooling is all head; activations and dropout do not name a block.
    const spec::ModelSpec mlp = spec::parse_model_spec(json::parse(R"({"input_shape": [4], "layers": [
      {"type": "Linear", "out_features": 8}, {"type": "ReLU"}, {"type": "Linear", "out_features": 2}]})"));
    QCOMPARE(spec::block_summary(mlp).size(), std::size_t{1});
    QCOMPARE(spec::block_summary(mlp)[0].parameters, std::int64_t{4 * 8 + 8 + 8 * 2 + 2});
    const auto cnn_blocks = spec::block_summary(spec::parse_model_spec(cnn()));
    QCOMPARE(cnn_blocks[0].label, std::string("Conv-Pool"));
    QCOMPARE(cnn_blocks[0].output, (Shape{8, 14, 14}));
  }

  void vggErrorsNameTheArgumentAndTheLayer() {
    QVERIFY_CONTAINS(error_of([] { spec::vgg_spec({64}, 2, 2, 16, 10); }), "input_shape:");
    QVERIFY_CONTAINS(error_of([] { spec::vgg_spec({1, 0, 28}, 2, 2, 16, 10); }), "input_shape:");
    QVERIFY_CONTAINS(error_of([] { spec::vgg_spec({1, 28, 28}, 0, 2, 16, 10); }), "blocks:");
    QVERIFY_CONTAINS(error_of([] { spec::vgg_spec({1, 28, 28}, 2, 0, 16, 10); }), "convs_per_block:");
    QVERIFY_CONTAINS(error_of([] { spec::vgg_spec({1, 28, 28}, 2, 2, 0, 10); }), "first_channels:");
    QVERIFY_CONTAINS(error_of([] { spec::vgg_spec({1, 28, 28}, 30, 2, 1 << 20, 10); }), "first_channels:");
    QVERIFY_CONTAINS(error_of([] { spec::vgg_spec({1, 28, 28}, 2, 2, 16, 0); }), "classes:");
    // 8×8 → 4 → 2 → 1: a fourth pool has no 2×2 window left. The error names the layer and keeps its code.
    const spec::ModelSpec too_deep = spec::vgg_spec({1, 8, 8}, 4, 2, 8, 10);
    QVERIFY_CONTAINS(error_of([&] { spec::block_summary(too_deep); }), "layer 19 (MaxPool2d)");
    QVERIFY_CONTAINS(error_of([&] { spec::block_summary(too_deep); }), "1x1 feature map");
    try {
      spec::block_summary(too_deep);
      QFAIL("no error");
    } catch (const Error& e) {
      QCOMPARE(e.code(), std::string("window_too_large"));
      QCOMPARE(e.args().size(), std::size_t{5});  // layer, window, feature map, padding, the output size it would have
    }
    QCOMPARE(spec::block_summary(spec::vgg_spec({1, 8, 8}, 3, 2, 8, 10)).size(), std::size_t{4});
  }
};

QTEST_APPLESS_MAIN(TestSpec)
#include "tst_spec.moc"
