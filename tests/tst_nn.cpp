// nn modules: PyTorch's parameter names, layouts, default initialisation, initialisers, modes.
#include <QtTest>

#include <cmath>
#include <map>

#include "test_helpers.h"

#include "nn/activation.h"
#include "nn/batchnorm.h"
#include "nn/conv.h"
#include "nn/diagnostics.h"
#include "nn/perceptron.h"
#include "nn/residual.h"
#include "ops/functional.h"
#include "spec/model_spec.h"
#include "optim/sgd.h"
#include "nn/init.h"
#include "nn/linear.h"

using namespace gs;

class TestNn : public QObject {
  Q_OBJECT
 private slots:
  void sequentialNamesAndLayouts() {
    Generator g(0);
    nn::Sequential model({std::make_shared<nn::Conv2d>(nn::Conv2dOptions{.in_channels = 1, .out_channels = 8, .kernel_size = {3, 3}, .padding = {1, 1}}, kFloat32, &g),
                          std::make_shared<nn::ReLU>(), std::make_shared<nn::MaxPool2d>(nn::Pool2dOptions{}),
                          std::make_shared<nn::Flatten>(),
                          std::make_shared<nn::Linear>(nn::LinearOptions{.in_features = 8 * 14 * 14, .out_features = 10}, kFloat32, &g)});
    const auto params = model.named_parameters();
    QCOMPARE(params.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(params[0].first), QString("0.weight"));
    QCOMPARE(params[0].second.shape(), (Shape{8, 1, 3, 3}));  // [out, in, kh, kw]
    QCOMPARE(QString::fromStdString(params[2].first), QString("4.weight"));
    QCOMPARE(params[2].second.shape(), (Shape{10, 1568}));  // Linear: [out, in]
    QCOMPARE(QString::fromStdString(params[3].first), QString("4.bias"));
    for (auto& [name, p] : params) QVERIFY(p.requires_grad() && p.is_leaf());
    const Tensor y = model.forward(randn({2, 1, 28, 28}));
    QCOMPARE(y.shape(), (Shape{2, 10}));
    QCOMPARE(QString::fromStdString(model.repr()),
             QString("Sequential(\n  (0): Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n  (1): ReLU()\n"
                     "  (2): MaxPool2d(kernel_size=2, stride=2, padding=0)\n  (3): Flatten(start_dim=1, end_dim=-1)\n"
                     "  (4): Linear(in_features=1568, out_features=10, bias=True)\n)"));
  }

  void defaultInitIsPyTorchs() {
    // kaiming_uniform(a=√5) on weights and U(±1/√fan_in) on biases: both bounded by 1/√fan_in.
    Generator g(3);
    nn::Linear layer({.in_features = 400, .out_features = 300}, kFloat64, &g);
    const double bound = 1.0 / std::sqrt(400.0);
    QVERIFY(layer.weight.max().item() <= bound && layer.weight.min().item() >= -bound);
    QVERIFY(layer.weight.max().item() > 0.95 * bound);
    // Variance of U(−b, b) is b²/3.
    QVERIFY(std::abs(var(layer.weight.reshape({-1}), {0}).item() - bound * bound / 3) < 0.03 * bound * bound);
    QVERIFY(layer.bias.max().item() <= bound);
  }

  void initialisersMatchTheirFormulas() {
    Generator g(5);
    Tensor w = empty({200, 300}, {.dtype = kFloat64});
    nn::init::xavier_uniform_(w, 1.0, &g);
    const double xb = std::sqrt(6.0 / 500.0);
    QVERIFY(w.max().item() <= xb && w.max().item() > 0.95 * xb);
    nn::init::xavier_normal_(w, 1.0, &g);
    QVERIFY(std::abs(std::sqrt(var(w.reshape({-1}), {0}).item()) - std::sqrt(2.0 / 500.0)) < 0.02 * std::sqrt(2.0 / 500.0));
    nn::init::kaiming_normal_(w, 0.0, "fan_in", "relu", &g);
    QVERIFY(std::abs(std::sqrt(var(w.reshape({-1}), {0}).item()) - std::sqrt(2.0 / 300.0)) < 0.02 * std::sqrt(2.0 / 300.0));
    nn::init::kaiming_uniform_(w, 0.0, "fan_out", "relu", &g);
    QVERIFY(w.max().item() <= std::sqrt(2.0) * std::sqrt(3.0 / 200.0));
    nn::init::normal_(w, 0.0, 0.01, &g);  // the course's "std 0.01"
    QVERIFY(std::abs(std::sqrt(var(w.reshape({-1}), {0}).item()) - 0.01) < 0.0005);
    nn::init::constant_(w, 0.25);
    QCOMPARE(w.mean().item(), 0.25);
    QCOMPARE(nn::init::calculate_gain("tanh"), 5.0 / 3.0);
    QCOMPARE(nn::init::calculate_gain("relu"), std::sqrt(2.0));
    // Seeded: the same generator seed gives the same weights.
    Generator g1(9), g2(9);
    nn::Linear a({.in_features = 3, .out_features = 2}, kFloat32, &g1), b({.in_features = 3, .out_features = 2}, kFloat32, &g2);
    QCOMPARE(a.weight.to_vector<float>(), b.weight.to_vector<float>());
  }

  void batchNormRunningStatisticsAndModes() {
    nn::BatchNorm bn({.num_features = 2}, 1, kFloat64);
    const auto buffers = bn.named_buffers();
    QCOMPARE(QString::fromStdString(buffers[0].first), QString("running_mean"));
    Tensor x = tensor({{1.0, 10.0}, {3.0, 20.0}}, TensorOptions{.dtype = kFloat64});
    Tensor y = bn.forward(x);
    // Training: batch statistics, biased variance: (x − μ)/√(σ² + ε).
    QVERIFY(std::abs(y.index({0, 0}).item() + 1.0 / std::sqrt(1.0 + 1e-5)) < 1e-12);
    // Running mean: 0.9·0 + 0.1·μ; running var uses the unbiased variance (2 for column 0).
    QVERIFY(std::abs(bn.running_mean.index({0}).item() - 0.2) < 1e-12);
    QVERIFY(std::abs(bn.running_var.index({0}).item() - (0.9 + 0.1 * 2.0)) < 1e-12);
    QCOMPARE(bn.num_batches_tracked.item(), 1.0);
    bn.eval();
    Tensor e = bn.forward(x);
    QVERIFY(std::abs(e.index({0, 0}).item() - (1.0 - 0.2) / std::sqrt(1.1 + 1e-5)) < 1e-12);
    QCOMPARE(bn.num_batches_tracked.item(), 1.0);
    bn.train();
    try {
      bn.forward(ones({1, 2}, {.dtype = kFloat64}));
      QFAIL("a batch of one must be refused in training mode");
    } catch (const Error& err) {
      QVERIFY(std::string(err.what()).find("Expected more than 1 value per channel when training") != std::string::npos);
    }
  }

  void dropoutScalesAndIsOffInEval() {
    Generator g(1);
    nn::Dropout drop(0.25, &g);
    Tensor x = ones({10000}, {.dtype = kFloat64});
    Tensor y = drop.forward(x);
    const auto v = y.to_vector<double>();
    int zeros_count = 0;
    for (double e : v) {
      QVERIFY(e == 0.0 || std::abs(e - 1.0 / 0.75) < 1e-12);
      zeros_count += e == 0.0;
    }
    QVERIFY(std::abs(zeros_count / 10000.0 - 0.25) < 0.02);
    drop.eval();
    QVERIFY(drop.forward(x).is_same(x));
  }

  void perceptronRuleLearnsOrAndNeverXor() {
    const Tensor x = tensor({{0.0, 0.0}, {0.0, 1.0}, {1.0, 0.0}, {1.0, 1.0}}, TensorOptions{.dtype = kFloat64});
    nn::Perceptron p(2, 1.0);
    const Tensor y_or = tensor({0.0, 1.0, 1.0, 1.0}, TensorOptions{.dtype = kFloat64});
    // From zero weights: (0,0) is right (step(0) = 0); (0,1) is wrong, so w += (0,1), b += 1.
    QVERIFY(!p.update(x.index({0}), 0.0));
    QVERIFY(p.update(x.index({1}), 1.0));
    QCOMPARE(p.weight.to_vector<double>(), (std::vector<double>{0.0, 1.0}));
    QCOMPARE(p.bias.item(), 1.0);
    for (int epoch = 0; epoch < 10; ++epoch)
      for (int i = 0; i < 4; ++i) p.update(x.index({i}), y_or.index({i}).item());
    QCOMPARE(p.errors(x, y_or), std::int64_t(0));
    nn::Perceptron q(2, 1.0);
    const Tensor y_xor = tensor({0.0, 1.0, 1.0, 0.0}, TensorOptions{.dtype = kFloat64});
    for (int epoch = 0; epoch < 100; ++epoch)
      for (int i = 0; i < 4; ++i) q.update(x.index({i}), y_xor.index({i}).item());
    QVERIFY(q.errors(x, y_xor) > 0);
  }

  void sgdFollowsPyTorchsUpdateRule() {
    // θ = 1 on f = θ², g = 2θ. Momentum 0.9, dampening 0, lr 0.1: PyTorch gives
    // b₁ = g₁ = 2, θ₁ = 0.8; g₂ = 1.6, b₂ = 0.9·2 + 1.6 = 3.4, θ₂ = 0.8 − 0.34 = 0.46.
    Tensor theta = tensor({1.0}, TensorOptions{.dtype = kFloat64, .requires_grad = true});
    optim::SGD sgd({theta}, {.lr = 0.1, .momentum = 0.9});
    for (int i = 0; i < 2; ++i) {
      sgd.zero_grad();
      (theta * theta).sum().backward();
      sgd.step();
    }
    QVERIFY(std::abs(theta.item() - 0.46) < 1e-12);
    QVERIFY(std::abs(sgd.momentum_buffer(0).item() - 3.4) < 1e-12);
    Tensor w = tensor({1.0}, TensorOptions{.dtype = kFloat64, .requires_grad = true});
    optim::SGD nesterov({w}, {.lr = 0.1, .momentum = 0.9, .weight_decay = 0.5, .nesterov = true});
    (w * w).sum().backward();
    nesterov.step();  // g = 2 + 0.5 = 2.5, b = 2.5, step = g + 0.9 b = 4.75 → θ = 1 − 0.475
    QVERIFY(std::abs(w.item() - 0.525) < 1e-12);
    QVERIFY_EXCEPTION_THROWN(optim::SGD({w}, {.lr = -1.0}), Error);
  }

  void makeActivationMatchesTheFunctionalOps() {
    // Every name the factory knows, with non-default arguments, against the functional op; 25
    // with β = 2 passes Softplus's threshold 10, where it is linear.
    const Tensor x = tensor({-3.0, -0.5, 0.0, 0.7, 25.0}, TensorOptions{.dtype = kFloat64});
    const nn::ActivationArgs args{.negative_slope = 0.2, .alpha = 0.5, .approximate = "tanh", .beta = 2.0, .threshold = 10.0};
    const std::map<std::string, Tensor> expected = {
        {"ReLU", relu(x)}, {"Sigmoid", sigmoid(x)}, {"Tanh", tanh(x)}, {"LeakyReLU", leaky_relu(x, 0.2)},
        {"ELU", elu(x, 0.5)}, {"GELU", gelu(x, "tanh")}, {"Softplus", softplus(x, 2.0, 10.0)}, {"Identity", x}};
    QCOMPARE(nn::activation_names().size(), expected.size());
    for (const std::string& name : nn::activation_names()) {
      QVERIFY2(expected.count(name), name.c_str());
      const auto m = nn::make_activation(name, args);
      QCOMPARE(m->type_name(), name);
      QCOMPARE(m->forward(x).to_vector<double>(), expected.at(name).to_vector<double>());
    }
    // Left out, the arguments are PyTorch's defaults.
    QCOMPARE(nn::make_activation("LeakyReLU")->forward(x).to_vector<double>(), leaky_relu(x).to_vector<double>());
    QCOMPARE(nn::make_activation("ELU")->forward(x).to_vector<double>(), elu(x).to_vector<double>());
    QCOMPARE(nn::make_activation("GELU")->forward(x).to_vector<double>(), gelu(x).to_vector<double>());
    QCOMPARE(nn::make_activation("Softplus")->forward(x).to_vector<double>(), softplus(x).to_vector<double>());
    QCOMPARE(QString::fromStdString(error_of([] { nn::make_activation("Swish"); })),
             QString("unknown activation \"Swish\" (known: ReLU, Sigmoid, Tanh, LeakyReLU, ELU, GELU, Softplus, Identity)"));
  }

  void depthProbeShowsVanishingSigmoidGradients() {
    const nn::DepthProbe sig = nn::probe_depth("Sigmoid", 15, 16, 32, 0);
    const nn::DepthProbe relu = nn::probe_depth("ReLU", 15, 16, 32, 0);
    QCOMPARE(sig.grad_norms.size(), std::size_t(15));
    QVERIFY(sig.grad_norms.front() < 1e-4 * sig.grad_norms.back());
    QVERIFY(relu.grad_norms.front() > sig.grad_norms.front() * 100);
    for (auto d : sig.dead_units) QCOMPARE(d, std::int64_t(0));  // sigmoid is never exactly 0
    QVERIFY_EXCEPTION_THROWN(nn::probe_depth("Swish", 3), Error);
    QVERIFY_EXCEPTION_THROWN(nn::probe_depth("ReLU", 0), Error);
  }

  void weightGradientNormsTakeEveryWeightInsideBlocks() {
    // Conv2d, a ResidualBlock (two convolutions, two BatchNorms) and a Linear: the weights are the
    // parameters with 2+ dimensions, BatchNorm's γ and β and the biases are not.
    Generator g(5);
    nn::Sequential model;
    model.push_back(std::make_shared<nn::Conv2d>(nn::Conv2dOptions{.in_channels = 1, .out_channels = 2, .kernel_size = {3, 3}, .padding = {1, 1}}, kFloat64, &g));
    model.push_back(std::make_shared<nn::ResidualBlock>(2, 3, kFloat64, &g));
    model.push_back(std::make_shared<nn::Flatten>());
    model.push_back(std::make_shared<nn::Linear>(nn::LinearOptions{.in_features = 2 * 4 * 4, .out_features = 3}, kFloat64, &g));
    const Tensor x = randn({4, 1, 4, 4}, {.dtype = kFloat64}, &g);
    cross_entropy(model.forward(x), from_vector({0, 1, 2, 1}, {4}, {.dtype = kInt64})).backward();
    const auto norms = nn::weight_gradient_norms(model);
    QStringList names;
    for (const auto& [name, norm] : norms) names << QString::fromStdString(name);
    QCOMPARE(names, (QStringList{"0.weight", "1.conv1.weight", "1.conv2.weight", "3.weight"}));
    std::map<std::string, Tensor> params;
    for (const auto& [name, p] : model.named_parameters()) params[name] = p;
    for (const auto& [name, norm] : norms) {
      double sum = 0;
      for (double v : params[name].grad().to_vector<double>()) sum += v * v;
      QVERIFY(sum > 0);
      QVERIFY2(std::abs(norm - std::sqrt(sum)) <= 1e-12 * std::sqrt(sum), name.c_str());
    }
    model.zero_grad();  // set_to_none: no .grad counts 0
    for (const auto& [name, norm] : nn::weight_gradient_norms(model)) QCOMPARE(norm, 0.0);
  }

  void residualBlockIsTorchvisionsBasicBlock() {
    Generator g(2);
    nn::ResidualBlock block(4, 3, kFloat64, &g);
    const auto params = block.named_parameters();
    QCOMPARE(params.size(), std::size_t(6));  // conv1.weight, bn1.weight, bn1.bias, conv2.weight, bn2.weight, bn2.bias
    QCOMPARE(QString::fromStdString(params[0].first), QString("conv1.weight"));
    QCOMPARE(params[0].second.shape(), (Shape{4, 4, 3, 3}));
    QCOMPARE(QString::fromStdString(params[3].first), QString("conv2.weight"));
    const Tensor x = randn({2, 4, 5, 5}, {.dtype = kFloat64}, &g);
    const Tensor y = block.forward(x);
    QCOMPARE(y.shape(), x.shape());
    // y = relu(x + bn2(conv2(relu(bn1(conv1(x)))))) computed by hand with the same parameters.
    auto bn = [](const Tensor& t, const Tensor& w, const Tensor& b) {
      return batch_norm(t, Tensor(), Tensor(), w, b, true);
    };
    const auto p = block.named_parameters();
    const Tensor h = relu(bn(conv2d(x, p[0].second, Tensor(), {1, 1}, {1, 1}), p[1].second, p[2].second));
    const Tensor expected = relu(x + bn(conv2d(h, p[3].second, Tensor(), {1, 1}, {1, 1}), p[4].second, p[5].second));
    QVERIFY((y - expected).abs().max().item() < 1e-12);
    // Through the spec, with shapes, parameter count and teaching errors.
    const auto spec = spec::parse_model_spec(nlohmann::json::parse(
        R"({"input_shape": [3, 8, 8], "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 3, "padding": 1},
            {"type": "ResidualBlock"}, {"type": "Flatten"}, {"type": "Linear", "out_features": 2}]})"));
    const auto report = spec::infer_shapes(spec);
    QVERIFY(report.ok());
    QCOMPARE(report.layers[1].output, (Shape{4, 8, 8}));
    QCOMPARE(report.layers[1].parameters, std::int64_t(2 * 4 * 4 * 9 + 16));
    QCOMPARE(QString::fromStdString(spec::build_model(spec)->named_parameters()[2].first), QString("1.conv1.weight"));
    const auto bad = spec::infer_shapes(spec::parse_model_spec(nlohmann::json::parse(
        R"({"input_shape": [3, 8, 8], "layers": [{"type": "ResidualBlock", "channels": 4}]})")));
    QVERIFY(bad.error.find("both need the same channels") != std::string::npos);
  }

  void zeroGradClearsEveryParameter() {
    nn::Linear layer({.in_features = 2, .out_features = 2});
    layer.forward(ones({1, 2})).sum().backward();
    QVERIFY(layer.weight.grad().defined());
    layer.zero_grad(false);
    QCOMPARE(layer.weight.grad().abs().sum().item(), 0.0);
    layer.zero_grad();
    QVERIFY(!layer.weight.grad().defined() && !layer.bias.grad().defined());
  }
};

QTEST_APPLESS_MAIN(TestNn)
#include "tst_nn.moc"
