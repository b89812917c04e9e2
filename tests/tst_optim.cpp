// Optimizers against torch.optim trajectories on the landscape functions, schedulers against
// torch's LR sequences, and the closed forms the Descent lab teaches.
#include <QtTest>

#include <cmath>

#include "golden.h"
#include "test_helpers.h"
#include "landscape/landscape.h"
#include "optim/adaptive.h"
#include "optim/factory.h"
#include "optim/scheduler.h"
#include "optim/sgd.h"

using namespace gs;
using nlohmann::json;

class TestOptim : public QObject {
  Q_OBJECT
  json optim_, schedulers_;

 private slots:
  void initTestCase() {
    optim_ = gs::testing::load_json(gs::testing::golden_path("optim.json"))["cases"];
    schedulers_ = gs::testing::load_json(gs::testing::golden_path("schedulers.json"))["cases"];
    QVERIFY(optim_.size() >= 80);
  }

  void trajectoriesMatchTorchOptim_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < optim_.size(); ++i) {
      const json& c = optim_[i];
      QTest::newRow(qPrintable(QString::fromStdString(c["function"]["name"].get<std::string>() + " " + c["optimizer"].dump())))
          << static_cast<int>(i);
    }
  }
  void trajectoriesMatchTorchOptim() {
    QFETCH(int, index);
    const json& c = optim_[index];
    const landscape::Function f = landscape::parse_function(c["function"]);
    const landscape::Path path = landscape::run_optimizer(f, {c["start"][0].get<double>(), c["start"][1].get<double>()}, c["optimizer"],
                                                          c["steps"].get<int>());
    QCOMPARE(path.points.size(), c["path"].size());
    for (std::size_t s = 0; s < path.points.size(); ++s) {
      for (int k = 0; k < 3; ++k) {
        const double want = c["path"][s][k].get<double>(), got = path.points[s][k];
        QVERIFY2(std::abs(got - want) <= 1e-9 + 1e-7 * std::abs(want),
                 qPrintable(QString("step %1 coord %2: %3 vs torch %4").arg(s).arg(k).arg(got, 0, 'g', 17).arg(want, 0, 'g', 17)));
      }
    }
  }

  void schedulersMatchTorch_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < schedulers_.size(); ++i)
      QTest::newRow(schedulers_[i]["scheduler"]["name"].get<std::string>().c_str()) << static_cast<int>(i);
  }
  void schedulersMatchTorch() {
    QFETCH(int, index);
    const json& c = schedulers_[index];
    Tensor p = zeros({1}, {.requires_grad = true});
    optim::SGD sgd({p}, {.lr = c["base_lr"].get<double>()});
    optim::Scheduler s = optim::make_scheduler(c["scheduler"], sgd);
    const auto& lrs = c["lrs"];
    for (std::size_t e = 0; e < lrs.size(); ++e) {
      if (c.contains("metrics")) {
        s.step(c["metrics"][e].get<double>());
        QVERIFY2(std::abs(sgd.lr() - lrs[e].get<double>()) < 1e-12, qPrintable(QString("epoch %1: %2").arg(e).arg(sgd.lr())));
      } else {
        QVERIFY2(std::abs(sgd.lr() - lrs[e].get<double>()) < 1e-12, qPrintable(QString("epoch %1: %2 vs %3").arg(e).arg(sgd.lr()).arg(lrs[e].get<double>())));
        s.step(0);
      }
    }
  }

  void schedulePreviewDoesNotTouchTheOptimizer() {
    const auto lrs = optim::LRScheduler::preview([](optim::Optimizer& o) { return std::make_unique<optim::StepLR>(o, 2, 0.1); }, 1.0, 5);
    QCOMPARE(lrs.size(), std::size_t(5));
    QVERIFY(std::abs(lrs[2] - 0.1) < 1e-15 && std::abs(lrs[4] - 0.01) < 1e-15);
  }

  void gradientDescentOnQuadraticFollowsTheClosedForm() {
    // f = a·x², plain GD: x_k = (1 − 2·a·lr)^k · x_0, exactly.
    const double a = 3, lr = 0.05, x0 = 1.7;
    const landscape::Function f = landscape::parse_function(json{{"name", "quadratic"}, {"a", a}, {"b", 1}});
    const landscape::Path path = landscape::run_optimizer(f, {x0, 0.0}, json{{"name", "SGD"}, {"lr", lr}}, 30);
    for (int k = 0; k <= 30; ++k) QVERIFY(std::abs(path.points[k][0] - std::pow(1 - 2 * a * lr, k) * x0) < 1e-12);
  }

  void divergenceIsMarkedAtTheRightStep() {
    // lr > 1/a diverges: |x_k| = |1 − 2·a·lr|^k·|x_0| overflows to inf at a known step.
    const landscape::Function f = landscape::parse_function(json{{"name", "quadratic"}, {"a", 1}, {"b", 1}});
    const double lr = 10.0;  // factor |1 − 20| = 19 per step
    const landscape::Path path = landscape::run_optimizer(f, {1.0, 1.0}, json{{"name", "SGD"}, {"lr", lr}}, 1000);
    QVERIFY(path.diverged_at > 0);
    // f = 2·19^(2k) overflows double (~1.8e308) when 2k·log10(19) > 308.25: k = 121.
    int expected = 0;
    while (std::isfinite(2 * std::pow(19.0, 2.0 * expected))) ++expected;
    QCOMPARE(path.diverged_at, expected);
  }

  // JSON → typed → JSON: the name, lr, and only the arguments that differ from PyTorch's defaults;
  // reading it back gives the same typed options.
  void optimizerJsonKeepsOnlyNonDefaults_data() {
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("SGD default lr") << R"({"name": "SGD"})" << R"({"name": "SGD", "lr": 0.001})";
    QTest::newRow("SGD momentum") << R"({"name": "SGD", "lr": 0.1, "momentum": 0.9, "dampening": 0, "nesterov": true})"
                                  << R"({"name": "SGD", "lr": 0.1, "momentum": 0.9, "nesterov": true})";
    QTest::newRow("Adam defaults") << R"({"name": "Adam", "lr": 0.1, "betas": [0.9, 0.999], "eps": 1e-8, "amsgrad": false})"
                                   << R"({"name": "Adam", "lr": 0.1})";
    QTest::newRow("Adam betas") << R"({"name": "Adam", "betas": [0.8, 0.99]})" << R"({"name": "Adam", "lr": 0.001, "betas": [0.8, 0.99]})";
    QTest::newRow("AdamW default decay") << R"({"name": "AdamW", "lr": 0.01, "weight_decay": 0.01})" << R"({"name": "AdamW", "lr": 0.01})";
    QTest::newRow("AdamW no decay") << R"({"name": "AdamW", "weight_decay": 0})" << R"({"name": "AdamW", "lr": 0.001, "weight_decay": 0.0})";
    QTest::newRow("Adam decay") << R"({"name": "Adam", "weight_decay": 0.01})" << R"({"name": "Adam", "lr": 0.001, "weight_decay": 0.01})";
    QTest::newRow("RMSprop") << R"({"name": "RMSprop", "alpha": 0.9, "centered": true})" << R"({"name": "RMSprop", "lr": 0.01, "alpha": 0.9, "centered": true})";
    QTest::newRow("Adagrad") << R"({"name": "Adagrad", "lr_decay": 0.1})" << R"({"name": "Adagrad", "lr": 0.01, "lr_decay": 0.1})";
    QTest::newRow("Adadelta") << R"({"name": "Adadelta", "rho": 0.9})" << R"({"name": "Adadelta", "lr": 1.0})";
    QTest::newRow("Adamax") << R"({"name": "Adamax", "eps": 1e-6})" << R"({"name": "Adamax", "lr": 0.002, "eps": 1e-6})";
    QTest::newRow("Rprop") << R"({"name": "Rprop", "etas": [0.5, 1.2], "step_sizes": [1e-5, 10]})"
                           << R"({"name": "Rprop", "lr": 0.01, "step_sizes": [1e-5, 10.0]})";
  }
  void optimizerJsonKeepsOnlyNonDefaults() {
    QFETCH(QString, in);
    QFETCH(QString, out);
    const optim::OptimizerOptions o = optim::parse_optimizer(json::parse(in.toStdString()));
    QCOMPARE(optim::to_json(o), json::parse(out.toStdString()));
    QVERIFY(optim::parse_optimizer(optim::to_json(o)) == o);
  }

  void schedulerJsonKeepsOnlyNonDefaults_data() {
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("StepLR") << R"({"name": "StepLR", "step_size": 5, "gamma": 0.1})" << R"({"name": "StepLR", "step_size": 5})";
    QTest::newRow("MultiStepLR") << R"({"name": "MultiStepLR", "milestones": [3, 8]})" << R"({"name": "MultiStepLR", "milestones": [3, 8]})";
    QTest::newRow("ExponentialLR") << R"({"name": "ExponentialLR", "gamma": 0.9})" << R"({"name": "ExponentialLR", "gamma": 0.9})";
    QTest::newRow("CosineAnnealingLR") << R"({"name": "CosineAnnealingLR", "T_max": 10, "eta_min": 0})"
                                       << R"({"name": "CosineAnnealingLR", "T_max": 10})";
    QTest::newRow("LinearLR") << R"({"name": "LinearLR", "start_factor": 0.5, "total_iters": 5})"
                              << R"({"name": "LinearLR", "start_factor": 0.5})";
    QTest::newRow("ReduceLROnPlateau") << R"({"name": "ReduceLROnPlateau", "mode": "min", "patience": 3, "threshold_mode": "abs"})"
                                       << R"({"name": "ReduceLROnPlateau", "patience": 3, "threshold_mode": "abs"})";
  }
  void schedulerJsonKeepsOnlyNonDefaults() {
    QFETCH(QString, in);
    QFETCH(QString, out);
    const optim::SchedulerOptions o = optim::parse_scheduler(json::parse(in.toStdString()));
    QCOMPARE(optim::to_json(o), json::parse(out.toStdString()));
    QVERIFY(optim::parse_scheduler(optim::to_json(o)) == o);
  }

  void typedOptionsBuildTheOptimizer() {
    for (optim::OptimizerKind k : optim::optimizer_kinds()) QCOMPARE(optim::optimizer_kind(optim::optimizer_name(k)), std::optional(k));
    QCOMPARE(optim::optimizer_kind("Adma"), std::optional<optim::OptimizerKind>());
    const optim::OptimizerOptions adamw = optim::default_optimizer_options(optim::OptimizerKind::AdamW, 0.05);
    QCOMPARE(adamw.lr(), 0.05);
    QCOMPARE(std::get<optim::AdamOptions>(adamw.options).weight_decay, 1e-2);  // torch.optim.AdamW's default
    Tensor p = zeros({1}, {.requires_grad = true});
    auto opt = optim::make_optimizer(adamw, {p});
    QVERIFY(dynamic_cast<optim::AdamW*>(opt.get()) != nullptr);
    QCOMPARE(opt->lr(), 0.05);
    // Typed and JSON give the same path on a landscape.
    const landscape::Function f = landscape::parse_function(json{{"name", "rosenbrock"}});
    optim::OptimizerOptions rms = optim::default_optimizer_options(optim::OptimizerKind::RMSprop, 0.01);
    std::get<optim::RMSpropOptions>(rms.options).momentum = 0.5;
    const landscape::Path typed = landscape::run_optimizer(f, {-1.0, 1.5}, optim::to_json(rms), 50);
    const landscape::Path text = landscape::run_optimizer(f, {-1.0, 1.5}, json{{"name", "RMSprop"}, {"lr", 0.01}, {"momentum", 0.5}}, 50);
    QCOMPARE(typed.points, text.points);
    // Options of another kind are a caller's bug, named.
    QVERIFY_CONTAINS(error_of([&] { optim::make_optimizer(optim::OptimizerOptions{optim::OptimizerKind::Adam, optim::SGDOptions{}}, {p}); }),
                     "Adam: its options hold the arguments of another kind");
    optim::SGD sgd({p});
    QVERIFY_CONTAINS(error_of([&] { optim::make_scheduler(optim::default_scheduler_options(optim::SchedulerKind::StepLR), sgd); }),
                     "StepLR: step_size must be positive");
    QVERIFY_CONTAINS(error_of([] { optim::parse_scheduler(json{{"name", "ExponentialLR"}}); }), "scheduler.gamma: required by ExponentialLR");
    QVERIFY_CONTAINS(error_of([] { optim::parse_scheduler(json{{"name", "MultiStepLR"}}); }), "scheduler.milestones: expected a list of epochs");
    QVERIFY_CONTAINS(error_of([] { optim::parse_scheduler(json{{"name", "StepLR"}, {"step", 3}}); }),
                     "scheduler.step: unknown argument of StepLR (it takes: gamma, step_size)");
  }

  void badOptimizerSpecsAreNamed() {
    Tensor p = zeros({1}, {.requires_grad = true});
    auto err = [&](const char* text) {
      try {
        optim::make_optimizer(json::parse(text), {p});
      } catch (const Error& e) {
        return std::string(e.what());
      }
      return std::string("<no error>");
    };
    QVERIFY(err(R"({"name": "Adma"})").find("unknown optimizer \"Adma\"") != std::string::npos);
    QVERIFY(err(R"({"name": "Adam", "beta": [0.9, 0.99]})").find("optimizer.beta: unknown argument of Adam") != std::string::npos);
    QVERIFY(err(R"({"name": "Adam", "lr": -1})").find("optimizer.lr: must be >= 0") != std::string::npos);
    QVERIFY(err(R"({"name": "Adam", "betas": [0.9]})").find("optimizer.betas: expected a pair") != std::string::npos);
    QVERIFY(err(R"({"name": "Adam", "betas": [0.9, 1.5]})").find("invalid beta parameter at index 1") != std::string::npos);
    QVERIFY(err(R"({"name": "SGD", "nesterov": true})").find("Nesterov momentum requires a momentum") != std::string::npos);
    QVERIFY(err(R"({"lr": 0.1})").find("optimizer.name: missing") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestOptim)
#include "tst_optim.moc"
