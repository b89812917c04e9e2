// The Trainer and scenarios: every shipped scenario trains to a sensible accuracy, divergence is
// detected and explained, stop requests and snapshots work across threads, scenario files are
// validated field by field.
#include <QtTest>

#include "test_helpers.h"

#include <QDir>
#include <QElapsedTimer>
#include <thread>

#include "golden.h"
#include "optim/adaptive.h"
#include "optim/factory.h"
#include "spec/scenario.h"

using namespace gs;
using nlohmann::json;


namespace {
json scenario(const std::string& name) {
  return gs::testing::load_json(std::string(GRADSCOPE_GOLDEN_DIR) + "/../../resources/scenarios/" + name + ".json");
}
}  // namespace

class TestTrain : public QObject {
  Q_OBJECT
 private slots:
  void shippedScenariosTrain_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("min_accuracy");
    QTest::newRow("iris") << "iris" << 0.9;
    QTest::newRow("breast_cancer") << "breast_cancer" << 0.93;
    QTest::newRow("wine") << "wine" << 0.9;
    QTest::newRow("digits") << "digits" << 0.9;
    QTest::newRow("fashion_mnist") << "fashion_mnist" << 0.75;
    QTest::newRow("spiral") << "spiral" << 0.9;
    QTest::newRow("xor") << "xor" << 0.9;
  }
  void shippedScenariosTrain() {
    QFETCH(QString, name);
    QFETCH(double, min_accuracy);
    if (name == "fashion_mnist" && !QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") &&
        qEnvironmentVariableIsEmpty("GRADSCOPE_FASHION_MNIST_DIR"))
      QSKIP("Debian's dataset-fashion-mnist is not installed (scripts/install-deps.sh installs it)");
    spec::Scenario s = spec::parse_scenario(scenario(name.toStdString()));
    auto trainer = spec::make_trainer(s);
    const train::Evaluation before = trainer->evaluate(trainer->test_set());
    for (std::int64_t e = 0; e < s.epochs; ++e) QVERIFY(trainer->run_epoch());
    const train::Evaluation after = trainer->evaluate(trainer->test_set());
    QVERIFY2(after.accuracy >= min_accuracy, qPrintable(QString("test accuracy %1").arg(after.accuracy)));
    QVERIFY(after.loss < before.loss);
    QCOMPARE(trainer->snapshot().epoch, s.epochs);
  }

  void regressionFitsTheLine() {
    spec::Scenario s = spec::parse_scenario(scenario("regression"));
    auto trainer = spec::make_trainer(s);
    for (std::int64_t e = 0; e < s.epochs; ++e) QVERIFY(trainer->run_epoch());
    QVERIFY(trainer->evaluate(trainer->test_set()).loss < 0.05);  // noise 0.1 → MSE ≈ 0.01
    QCOMPARE(trainer->evaluate(trainer->test_set()).accuracy, -1.0);
  }

  void divergenceStopsAndSaysWhy() {
    spec::Scenario s = spec::parse_scenario(scenario("diverging"));
    auto trainer = spec::make_trainer(s);
    bool finished = true;
    for (std::int64_t e = 0; e < s.epochs && finished; ++e) finished = trainer->run_epoch();
    QVERIFY(!finished);
    QVERIFY(trainer->diverged());
    const train::Snapshot snap = trainer->snapshot();
    QVERIFY(snap.diverged);
    QVERIFY(snap.step > 0);
    QVERIFY_CONTAINS(snap.reason, "at step " + std::to_string(snap.step));
    QVERIFY_CONTAINS(snap.reason, "Lower the learning rate (now 5)");
    QVERIFY(!trainer->step());  // stays stopped
  }

  void stopRequestAndSnapshotsFromAnotherThread() {
    spec::Scenario s = spec::parse_scenario(scenario("spiral"));
    auto trainer = spec::make_trainer(s);
    std::thread worker([&] {
      while (trainer->step()) {
      }
    });
    std::int64_t last = 0;
    QElapsedTimer clock;
    clock.start();
    while (last < 200 && clock.elapsed() < 20000) {  // read while it trains: the step count only grows
      const train::Snapshot snap = trainer->snapshot();
      QVERIFY(snap.step >= last);
      QVERIFY(snap.loss_history.size() <= 2000);
      last = snap.step;
      std::this_thread::yield();
    }
    QVERIFY(last >= 200);
    trainer->request_stop();
    worker.join();
    QVERIFY(trainer->snapshot().step > 0);
    QVERIFY(!trainer->step());
    trainer->clear_stop();
    QVERIFY(trainer->step());
  }

  void optimizerAndBatchSizeChangeMidRun() {
    json j = scenario("iris");
    spec::Scenario s = spec::parse_scenario(j);
    auto trainer = spec::make_trainer(s);
    for (int i = 0; i < 20; ++i) QVERIFY(trainer->step());
    // The switch keeps every weight as it was; only the rule that moves them changes.
    std::vector<std::vector<double>> before;
    for (const Tensor& p : trainer->model().parameters()) before.push_back(p.to_vector<double>());
    trainer->set_optimizer(optim::make_optimizer({{"name", "Adam"}, {"lr", 0.01}}, trainer->model().parameters()));
    std::size_t k = 0;
    for (const Tensor& p : trainer->model().parameters()) QCOMPARE(p.to_vector<double>(), before[k++]);
    QCOMPARE(trainer->snapshot().lr, 0.01);
    QVERIFY(dynamic_cast<optim::Adam*>(&trainer->optimizer()) != nullptr);
    const std::int64_t n = trainer->train_set().size();
    QCOMPARE(trainer->snapshot().passes, std::int64_t(20 / ((n + 15) / 16)));  // iris: batches of 16
    trainer->set_batch_size(7);
    QCOMPARE(trainer->steps_per_epoch(), (n + 6) / 7);
    const std::int64_t passes = trainer->snapshot().passes;
    for (int i = 0; i < 200; ++i) QVERIFY(trainer->step());
    QCOMPARE(trainer->snapshot().passes, passes + 200 / ((n + 6) / 7));  // the unfinished pass is not counted
    QVERIFY(trainer->evaluate(trainer->test_set()).accuracy > 0.9);
    QVERIFY_CONTAINS(error_of([&] { trainer->set_batch_size(0); }), "batch_size: expected a positive integer, got 0");
    // With a scheduler driving the optimizer the switch is refused, and nothing changes.
    j["scheduler"] = {{"name", "StepLR"}, {"step_size", 5}};
    spec::Scenario with = spec::parse_scenario(j);
    auto scheduled = spec::make_trainer(with);
    const optim::Optimizer* original = &scheduled->optimizer();
    QVERIFY_CONTAINS(error_of([&] { scheduled->set_optimizer(optim::make_optimizer({{"name", "SGD"}, {"lr", 0.1}}, scheduled->model().parameters())); }),
                     "a learning-rate scheduler drives the current optimizer");
    QCOMPARE(&scheduled->optimizer(), original);
  }

  void l2ShrinksWeights() {
    json j = scenario("iris");
    j["epochs"] = 30;
    spec::Scenario plain = spec::parse_scenario(j);
    j["regularization"] = {{"l2", 0.05}};
    spec::Scenario reg = spec::parse_scenario(j);
    auto a = spec::make_trainer(plain), b = spec::make_trainer(reg);
    for (int e = 0; e < 30; ++e) {
      a->run_epoch();
      b->run_epoch();
    }
    auto norm = [](train::Trainer& t) {
      double n = 0;
      for (auto& [name, p] : t.model().named_parameters())
        if (name.find("weight") != std::string::npos) n += (p * p).sum().item();
      return n;
    };
    QVERIFY(norm(*b) < 0.7 * norm(*a));
  }

  void scenarioFilesAreValidated() {
    auto err = [](json j) { return error_of([&] { spec::parse_scenario(j); }); };
    json ok = scenario("iris");
    json j = ok;
    j["version"] = 7;
    QVERIFY_CONTAINS(err(j), "written by a newer GradScope (version 7)");
    j = ok;
    j.erase("version");
    QVERIFY_CONTAINS(err(j), "version: missing");
    j = ok;
    j["epoch"] = 3;
    QVERIFY_CONTAINS(err(j), "epoch: unknown field");
    j = ok;
    j["dataset"]["noize"] = 0.1;
    QVERIFY_CONTAINS(err(j), "dataset.noize: unknown field");
    j = ok;
    j["optimizer"] = {{"name", "Adam"}, {"learning_rate", 0.1}};
    QVERIFY_CONTAINS(err(j), "optimizer.learning_rate: unknown argument of Adam");
    j = ok;
    j["batch_size"] = 0;
    QVERIFY_CONTAINS(err(j), "batch_size: expected an integer from 1");
    j = ok;
    j["loss"] = "CrossEntropy";
    QVERIFY_CONTAINS(err(j), "unknown loss \"CrossEntropy\"");
    j = ok;
    j["scheduler"] = {{"name", "StepLR"}};
    QVERIFY_CONTAINS(err(j), "StepLR: step_size must be positive");
    // Model and data that do not fit each other: caught before training, naming the fix.
    j = ok;
    j["model"]["layers"][2]["out_features"] = 2;
    spec::Scenario s = spec::parse_scenario(j);
    QVERIFY_CONTAINS(error_of([&] { spec::make_trainer(s); }), "Set the last Linear's out_features to 3");
    j = ok;
    j["loss"] = "MSELoss";
    s = spec::parse_scenario(j);
    QVERIFY_CONTAINS(error_of([&] { spec::make_trainer(s); }), "MSELoss is a regression loss");
    j = ok;
    j["model"]["input_shape"] = {5};
    s = spec::parse_scenario(j);
    QVERIFY_CONTAINS(error_of([&] { spec::make_trainer(s); }), "does not match the data set \"iris\", whose samples have shape [4]");
  }
};

QTEST_APPLESS_MAIN(TestTrain)
#include "tst_train.moc"
