// Optimizers against torch.optim trajectories on the landscape functions, schedulers against
// torch's LR sequences, and the closed forms the Descent lab teaches.
#include <QtTest>

#include <cmath>

#include "golden.h"
#include "landscape/landscape.h"
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
