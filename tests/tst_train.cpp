// The Trainer and scenarios: every shipped scenario trains to a sensible accuracy, divergence is
// detected and explained, stop requests and snapshots work across threads, scenario files are
// validated field by field.
#include <QtTest>

#include "util/error_codes.h"
#include "test_helpers.h"

#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <cmath>
#include <thread>

#include "data/dataset.h"
#include "golden.h"
#include "ops/functional.h"
#include "optim/adaptive.h"
#include "optim/factory.h"
#include "spec/scenario.h"

using namespace gs;
using nlohmann::json;


namespace {
std::string resources() { return std::string(GRADSCOPE_GOLDEN_DIR) + "/../../resources/"; }
json scenario(const std::string& name) { return gs::testing::load_json(resources() + "scenarios/" + name + ".json"); }
bool have_fashion_mnist() {
  return QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") || !qEnvironmentVariableIsEmpty("GRADSCOPE_FASHION_MNIST_DIR");
}
/// Bit-for-bit equal, NaN included (a diverged step's loss).
bool same_number(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }
}  // namespace

class TestTrain : public QObject {
  Q_OBJECT
 private slots:
  // A NaN run names its real cause: Adam with eps 0 (a weight whose gradient is always 0 divides
  // 0 by 0), not the learning rate; LinearLR(total_iters=0) keeps lr·start_factor as PyTorch's
  // chainable form does, instead of turning the learning rate into nan.
  void nanRunsNameTheirCause() {
    json file = scenario("iris");
    file["optimizer"] = {{"name", "Adam"}, {"lr", 0.01}, {"eps", 0}};
    // A constant-zero input column: its weights' gradient is exactly 0, so Adam's m / √v is 0/0.
    spec::Scenario s = spec::parse_scenario(file);
    auto trainer = spec::make_trainer(s);
    data::Dataset train = trainer->train_set();
    {
      Tensor x = train.x.clone();
      x.select(1, 0).fill_(0.0);
      train.x = x;
    }
    auto model = spec::build_model(s.model);
    train::Trainer t(model, nn::make_loss(s.loss), optim::make_optimizer(file["optimizer"], model->parameters()), {}, train, trainer->test_set(), s.config);
    bool diverged = false;
    for (int i = 0; i < 20 && !diverged; ++i) diverged = !t.step();
    QVERIFY(diverged);
    QVERIFY_CONTAINS(t.snapshot().reason, "eps is 0");
    // The reason carries its code and values, so the UI can say it in the learner's language.
    QCOMPARE(t.snapshot().reason_code, std::string("diverged_eps_zero"));
    QCOMPARE(t.snapshot().reason, gs::format_message(t.snapshot().reason_code, t.snapshot().reason_args));
    json linear = scenario("iris");
    linear["scheduler"] = {{"name", "LinearLR"}, {"start_factor", 0.5}, {"total_iters", 0}};
    spec::Scenario ls = spec::parse_scenario(linear);
    auto lt = spec::make_trainer(ls);
    for (int e = 0; e < 3; ++e) QVERIFY(lt->run_epoch());
    QCOMPARE(lt->snapshot().lr, 0.5 * ls.optimizer.lr());
  }

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
    if (name == "fashion_mnist" && !have_fashion_mnist())
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
    QCOMPARE(snap.reason_code, std::string("diverged_updates_grew"));
    QCOMPARE(snap.reason_args.size(), std::size_t{4});
    QCOMPARE(snap.reason_args[1], std::to_string(snap.step));
    QCOMPARE(snap.reason_args[3], std::string("5"));
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

  // Every shipped scenario and Playground preset survives parse → to_json → parse: the same typed
  // values, the same file when written again, and the same numbers for the first training steps.
  void scenarioFilesRoundTrip_data() {
    QTest::addColumn<QString>("path");
    for (const char* folder : {"scenarios", "presets"}) {
      const QDir dir(QString::fromStdString(resources() + folder));
      const QStringList files = dir.entryList({"*.json"}, QDir::Files, QDir::Name);
      QVERIFY(!files.isEmpty());
      for (const QString& f : files) QTest::newRow(qPrintable(QString(folder) + "/" + f)) << dir.filePath(f);
    }
  }
  void scenarioFilesRoundTrip() {
    QFETCH(QString, path);
    if (path.contains("fashion") && !have_fashion_mnist()) QSKIP("Debian's dataset-fashion-mnist is not installed");
    json file = gs::testing::load_json(path.toStdString());
    spec::resolve_relative_paths(file, QFileInfo(path).absolutePath().toStdString());  // as the CLI reads it
    const spec::Scenario a = spec::parse_scenario(file);
    const json written = spec::to_json(a);
    const spec::Scenario b = spec::parse_scenario(written);
    QVERIFY2(a == b, written.dump().c_str());
    QCOMPARE(spec::to_json(b), written);
    QVERIFY(b.dataset == a.dataset && b.loss == a.loss && b.optimizer == a.optimizer && b.scheduler == a.scheduler && b.config == a.config);
    spec::Scenario run_a = a, run_b = b;
    spec::Run ra = spec::make_run(run_a), rb = spec::make_run(run_b);
    for (int step = 0; step < 3; ++step) {
      QCOMPARE(rb.trainer->step(), ra.trainer->step());
      const double la = ra.trainer->snapshot().last_loss, lb = rb.trainer->snapshot().last_loss;
      QVERIFY2(same_number(la, lb), qPrintable(QString("step %1: %2 vs %3").arg(step).arg(la, 0, 'g', 17).arg(lb, 0, 'g', 17)));
    }
    const auto pa = ra.trainer->model().parameters(), pb = rb.trainer->model().parameters();
    for (std::size_t i = 0; i < pa.size(); ++i) QCOMPARE(pb[i].to_vector<double>(), pa[i].to_vector<double>());
  }

  // A fork (issue 16): a second run of the same scenario takes over the first's state mid-run —
  // weights, Adam's moments, the scheduler, the data order and position, dropout's draws, the
  // settings changed since — and both then train bit for bit alike; changing one changes only it.
  // A run of another structure is refused and changes nothing.
  void forkedRunsAreBitIdenticalUntilChanged_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::newRow("Adam + StepLR") << R"({"name": "Adam", "lr": 0.01})";
    QTest::newRow("SGD momentum nesterov") << R"({"name": "SGD", "lr": 0.05, "momentum": 0.9, "nesterov": true})";
    QTest::newRow("RMSprop centered") << R"({"name": "RMSprop", "lr": 0.01, "centered": true, "momentum": 0.5})";
    QTest::newRow("Adagrad") << R"({"name": "Adagrad", "lr": 0.05})";
    QTest::newRow("Adadelta") << R"({"name": "Adadelta"})";
    QTest::newRow("Adamax") << R"({"name": "Adamax"})";
    QTest::newRow("Rprop") << R"({"name": "Rprop"})";
    QTest::newRow("AdamW") << R"({"name": "AdamW", "lr": 0.01})";
  }
  void forkedRunsAreBitIdenticalUntilChanged() {
    QFETCH(QString, optimizer);
    json file = json::parse(R"({"version": 1, "dataset": {"name": "spiral", "n": 200, "noise": 0.1, "test_ratio": 0.2, "seed": 3},
        "model": {"layers": [{"type": "Linear", "out_features": 12}, {"type": "Tanh"}, {"type": "Dropout", "p": 0.2},
                             {"type": "Linear", "out_features": 8}, {"type": "BatchNorm1d"}, {"type": "ReLU"},
                             {"type": "Linear", "out_features": 1}]},
        "loss": "BCEWithLogitsLoss", "optimizer": {}, "scheduler": {"name": "StepLR", "step_size": 2, "gamma": 0.5},
        "batch_size": 16, "seed": 5})");
    file["optimizer"] = json::parse(optimizer.toStdString());
    spec::Scenario sa = spec::parse_scenario(file), sb = sa;
    spec::Run a = spec::make_run(sa), b = spec::make_run(sb);
    for (int i = 0; i < 37; ++i) a.trainer->step();  // mid-epoch, past an epoch end
    a.trainer->finish_epoch();
    for (int i = 0; i < 5; ++i) a.trainer->step();
    a.trainer->set_regularization(0, 1e-3);  // a setting changed mid-run travels with the fork
    a.trainer->step();
    b.trainer->copy_state_from(*a.trainer);
    QCOMPARE(b.trainer->snapshot().step, a.trainer->snapshot().step);
    auto same_weights = [&] {
      const auto pa = a.trainer->model().named_parameters(), pb = b.trainer->model().named_parameters();
      for (std::size_t i = 0; i < pa.size(); ++i)
        if (pa[i].second.to_vector<double>() != pb[i].second.to_vector<double>()) return false;
      const auto ba = a.trainer->model().named_buffers(), bb = b.trainer->model().named_buffers();
      for (std::size_t i = 0; i < ba.size(); ++i)
        if (ba[i].second.to_vector<double>() != bb[i].second.to_vector<double>()) return false;
      return true;
    };
    QVERIFY(same_weights());
    for (int i = 0; i < 30; ++i) {
      QCOMPARE(b.trainer->step(), a.trainer->step());
      if (i == 12) {
        a.trainer->finish_epoch();
        b.trainer->finish_epoch();
      }
      const double la = a.trainer->snapshot().last_loss, lb = b.trainer->snapshot().last_loss;
      QVERIFY2(same_number(la, lb), qPrintable(QString("step %1: %2 vs %3").arg(i).arg(la, 0, 'g', 17).arg(lb, 0, 'g', 17)));
      QCOMPARE(b.trainer->optimizer().lr(), a.trainer->optimizer().lr());
    }
    QVERIFY(same_weights());
    // One knob changed in the fork (the batch size: Rprop ignores the lr after its first step):
    // from the next step on, the runs part.
    b.trainer->set_batch_size(8);
    a.trainer->step();
    b.trainer->step();
    QVERIFY(!same_weights());

    // Another structure: refused, and the run it was asked of is untouched.
    json other = file;
    other["model"]["layers"][0]["out_features"] = 13;
    spec::Scenario sc = spec::parse_scenario(other);
    spec::Run c = spec::make_run(sc);
    const auto before = c.trainer->model().parameters()[0].to_vector<double>();
    QVERIFY_THROWS_EXCEPTION(gs::Error, c.trainer->copy_state_from(*a.trainer));
    QCOMPARE(c.trainer->model().parameters()[0].to_vector<double>(), before);
    QCOMPARE(c.trainer->snapshot().step, std::int64_t(0));
  }

  // The fitted pipeline maps the raw samples to exactly what the model trains and is tested on, so
  // the Playground's grid of the plane can go through the same features and standardizing.
  void pipelineReproducesTheModelInputs_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("columns");
    QTest::newRow("playground features, standardized")
        << R"js({"version": 1, "dataset": {"name": "circle", "noise": 0.1, "test_ratio": 0.5, "seed": 1,
              "features": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]},
              "model": {"layers": [{"type": "Linear", "out_features": 1}]}, "loss": "BCEWithLogitsLoss", "optimizer": {"name": "SGD", "lr": 0.1}})js"
        << qint64(7);
    QTest::newRow("1-D set, default feature x1, raw")
        << R"({"version": 1, "dataset": {"name": "cubic", "noise": 0.05, "standardize": false},
              "model": {"layers": [{"type": "Linear", "out_features": 1}]}, "loss": "MSELoss", "optimizer": {"name": "SGD", "lr": 0.1}})"
        << qint64(1);
    QTest::newRow("iris, standardized table") << QString::fromStdString(scenario("iris").dump()) << qint64(4);
    QTest::newRow("digits, images kept") << QString::fromStdString(scenario("digits").dump()) << qint64(1);
    QTest::newRow("digits, flattened for an MLP")
        << R"({"version": 1, "dataset": {"name": "digits", "standardize": true, "seed": 4},
              "model": {"layers": [{"type": "Linear", "out_features": 10}]}, "loss": "CrossEntropyLoss", "optimizer": {"name": "SGD", "lr": 0.1}})"
        << qint64(64);
  }
  void pipelineReproducesTheModelInputs() {
    QFETCH(QString, text);
    QFETCH(qint64, columns);
    spec::Scenario s = spec::parse_scenario(json::parse(text.toStdString()));
    const spec::ScenarioData d = spec::load_scenario_data(s);
    QCOMPARE(d.split.train.x.size(1), static_cast<std::int64_t>(columns));
    for (const auto& [raw, model_input] : {std::pair{d.raw.train.x, d.split.train.x}, std::pair{d.raw.test.x, d.split.test.x}}) {
      const Tensor mapped = d.pipeline.transform(raw);
      QCOMPARE(mapped.shape(), model_input.shape());
      QCOMPARE(mapped.to_vector<float>(), model_input.to_vector<float>());
    }
    QCOMPARE(d.raw.train.y.to_vector<double>(), d.split.train.y.to_vector<double>());
    spec::Run run = spec::make_run(s);
    QCOMPARE(run.pipeline.transform(run.raw.train.x).to_vector<float>(), run.trainer->train_set().x.to_vector<float>());
    QCOMPARE(run.pipeline.transform(run.raw.test.x).to_vector<float>(), run.trainer->test_set().x.to_vector<float>());
    if (!d.pipeline.features.empty()) {
      // A grid of the plane [M, 2] becomes the model's [M, features] inputs.
      QCOMPARE(d.raw.train.x.size(1), std::int64_t(2));
      QCOMPARE(d.pipeline.transform(zeros({5, 2})).shape(), (Shape{5, static_cast<std::int64_t>(columns)}));
    }
    if (d.pipeline.standardizer) {  // the train part's own statistics: mean 0 per column
      for (double m : mean(d.split.train.x.flatten(1), {0}).to_vector<double>()) QVERIFY2(std::abs(m) < 1e-5, qPrintable(QString::number(m)));
    }
  }

  void lossJsonKeepsOnlyNonDefaults_data() {
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("name") << R"("CrossEntropyLoss")" << R"("CrossEntropyLoss")";
    QTest::newRow("default reduction") << R"({"name": "MSELoss", "reduction": "mean"})" << R"("MSELoss")";
    QTest::newRow("default delta") << R"({"name": "HuberLoss", "delta": 1.0})" << R"("HuberLoss")";
    QTest::newRow("delta") << R"({"name": "HuberLoss", "delta": 0.5, "reduction": "mean"})" << R"({"name": "HuberLoss", "delta": 0.5})";
    QTest::newRow("reduction") << R"({"name": "L1Loss", "reduction": "sum"})" << R"({"name": "L1Loss", "reduction": "sum"})";
  }
  void lossJsonKeepsOnlyNonDefaults() {
    QFETCH(QString, in);
    QFETCH(QString, out);
    const nn::LossOptions o = nn::parse_loss(json::parse(in.toStdString()));
    QCOMPARE(nn::to_json(o), json::parse(out.toStdString()));
    QVERIFY(nn::parse_loss(nn::to_json(o)) == o);
  }

  void lossKindsSayWhatTheyTake() {
    QCOMPARE(nn::loss_kinds().size(), std::size_t(7));
    for (nn::LossKind k : nn::loss_kinds()) {
      QCOMPARE(nn::loss_kind(nn::loss_name(k)), std::optional<nn::LossKind>(k));
      const nn::Loss loss = nn::make_loss(nn::LossOptions{.kind = k});
      QCOMPARE(loss.kind, k);
      QCOMPARE(loss.name, std::string(nn::loss_name(k)));
      QCOMPARE(loss.takes_class_indices(), k == nn::LossKind::CrossEntropy || k == nn::LossKind::NLL);
      QCOMPARE(loss.is_binary(), k == nn::LossKind::BCE || k == nn::LossKind::BCEWithLogits);
    }
    QCOMPARE(nn::loss_kind("CrossEntropy"), std::optional<nn::LossKind>());
    QVERIFY_CONTAINS(error_of([] { nn::parse_loss(json{{"name", "MSELoss"}, {"delta", 2}}); }), "loss.delta: unknown argument of MSELoss");
    QVERIFY_CONTAINS(error_of([] { nn::parse_loss(json{{"name", "HuberLoss"}, {"delta", 0}}); }), "loss.delta: expected a positive number");
    QVERIFY_CONTAINS(error_of([] { nn::parse_loss(json{{"name", "L1Loss"}, {"reduction", "avg"}}); }), "reduction must be");
    // Typed: the same function as from JSON.
    const Tensor o = tensor({0.2, -1.5, 3.0}), t = tensor({0.0, 0.5, 1.0});
    QCOMPARE(nn::make_loss(nn::LossOptions{.kind = nn::LossKind::Huber, .delta = 0.5}).fn(o, t).item(),
             nn::make_loss(json{{"name", "HuberLoss"}, {"delta", 0.5}}).fn(o, t).item());
  }

  void datasetDefaultsAreLeftOutOfTheFile() {
    const spec::DatasetSpec line = spec::parse_dataset(json{{"name", "regression"}});
    QCOMPARE(line.noise, 0.1);  // the regression set's own default
    QCOMPARE(spec::to_json(line), (json{{"name", "regression"}}));
    const spec::DatasetSpec quiet = spec::parse_dataset(json{{"name", "regression"}, {"noise", 0}, {"standardize", false}});
    QCOMPARE(spec::to_json(quiet), (json{{"name", "regression"}, {"noise", 0.0}, {"standardize", false}}));
    QVERIFY(spec::parse_dataset(spec::to_json(quiet)) == quiet);
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "iris"}, {"seed", -1}}); }), "dataset.seed: expected a non-negative integer");
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "iris"}, {"standardize", 1}}); }), "dataset.standardize: expected true or false");
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "iris"}, {"test_ratio", 1.5}}); }), "dataset.test_ratio: expected a fraction");
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "iris"}, {"features", {"x1"}}}); }), "only the Playground's 2-D data sets");
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "xor"}, {"features", {"x3"}}}); }), "unknown feature \"x3\"");
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "xor"}, {"n", 1}}); }), "dataset.n: expected an integer of at least 2, got 1");
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "xor"}, {"n", 1000000000000}}); }),
                     "dataset.n: at most 1000000 samples, got 1000000000000");
  }

  // Fashion-MNIST's own split: n subsets its 60,000 training and 10,000 test images 6 : 1.
  // Augmentation draws from the run's seed: two runs agree, and differ from one without it.
  void officialSplitAndAugmentation() {
    if (!have_fashion_mnist()) QSKIP("Debian's dataset-fashion-mnist is not installed");
    json j = json::parse(R"({"version": 1, "dataset": {"name": "fashion_mnist", "split": "official", "n": 700},
        "model": {"input_shape": [1, 28, 28], "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 3},
        {"type": "ReLU"}, {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]},
        "loss": "CrossEntropyLoss", "optimizer": {"name": "Adam"}, "batch_size": 50, "epochs": 1})");
    const spec::ScenarioData d = spec::load_scenario_data(spec::parse_scenario(j));
    QCOMPARE(d.split.train.size(), std::int64_t(600));
    QCOMPARE(d.split.test.size(), std::int64_t(100));
    auto losses = [](json scenario) {
      spec::Scenario s = spec::parse_scenario(scenario);
      auto trainer = spec::make_trainer(s);
      std::vector<double> out;
      for (int i = 0; i < 4; ++i) {
        trainer->step();
        out.push_back(trainer->snapshot().last_loss);
      }
      return out;
    };
    const std::vector<double> plain = losses(j);
    j["augment"] = true;
    const std::vector<double> a = losses(j), b = losses(j);
    QCOMPARE(a, b);
    QVERIFY(a != plain);
  }

  void earlyStoppingRestoresTheBestEpoch() {
    // An MLP far too big for 200 noisy points, a high learning rate: validation loss turns up.
    json j = {{"version", 1}, {"dataset", {{"name", "circle"}, {"n", 200}, {"noise", 0.3}, {"seed", 3}}},
              {"model", {{"layers", json::array({{{"type", "Linear"}, {"out_features", 64}}, {{"type", "ReLU"}},
                                                  {{"type", "Linear"}, {"out_features", 64}}, {{"type", "ReLU"}},
                                                  {{"type", "Linear"}, {"out_features", 1}}})}}},
              {"loss", "BCEWithLogitsLoss"}, {"optimizer", {{"name", "Adam"}, {"lr", 0.03}}}, {"batch_size", 8},
              {"epochs", 200}, {"seed", 1}, {"validation", 0.25},
              {"early_stopping", {{"monitor", "val_loss"}, {"patience", 4}, {"restore_best", true}}}};
    spec::Scenario s = spec::parse_scenario(j);
    QCOMPARE(spec::parse_scenario(spec::to_json(s)), s);  // the fields round-trip
    auto trainer = spec::make_trainer(s);
    QCOMPARE(trainer->validation_set().size(), std::int64_t{40});  // a quarter of the 160 training points
    QCOMPARE(trainer->train_set().size(), std::int64_t{120});
    std::vector<double> val_loss;  // per epoch
    for (std::int64_t e = 0; e < s.epochs && trainer->run_epoch(); ++e) {
      val_loss.push_back(trainer->snapshot().val_loss);
      if (trainer->stopped_early()) break;
    }
    const train::Snapshot snap = trainer->snapshot();
    QVERIFY(snap.stopped_early);
    QVERIFY(snap.epoch < s.epochs);
    // It stopped `patience` epochs after the best one, and no epoch since was better.
    QCOMPARE(snap.epoch, snap.best_epoch + 4);
    const double best = val_loss[snap.best_epoch - 1];
    QCOMPARE(*std::min_element(val_loss.begin(), val_loss.end()), best);
    QVERIFY(val_loss.back() > best);
    // The best epoch's weights are back: the validation loss is that epoch's, bit for bit.
    QCOMPARE(trainer->evaluate(trainer->validation_set()).loss, best);
    QVERIFY_CONTAINS(snap.reason, "weights are restored");
    QCOMPARE(snap.reason_code, std::string("early_stopping_restored"));
    QCOMPARE(snap.reason, gs::format_message(snap.reason_code, snap.reason_args));
    QVERIFY(!trainer->step());  // stopped for good
  }

  void validationAndEarlyStoppingFieldsAreValidated() {
    auto err = [](json j) { return error_of([&] { spec::parse_scenario(j); }); };
    json ok = scenario("iris");
    json j = ok;
    j["validation"] = 1.5;
    QVERIFY_CONTAINS(err(j), "validation: expected the fraction of the training part");
    j = ok;
    j["early_stopping"] = {{"patience", 3}};
    QVERIFY_CONTAINS(err(j), "needs a validation split: add \"validation\": 0.2");
    j["validation"] = 0.2;
    j["early_stopping"]["monitor"] = "test_loss";
    QVERIFY_CONTAINS(err(j), "the test set is never watched");
    j["early_stopping"] = {{"patience", 0}};
    QVERIFY_CONTAINS(err(j), "early_stopping.patience: expected an integer from 1");
    j["early_stopping"] = {{"patiense", 3}};
    QVERIFY_CONTAINS(err(j), "early_stopping.patiense: unknown field");
    j["early_stopping"] = {{"monitor", "train_loss"}};
    j.erase("validation");
    QCOMPARE(spec::parse_scenario(j).config.early_stopping->monitor, std::string("train_loss"));  // needs no split
  }

  void stratifiedFoldsPartitionTheSamples() {
    const data::Dataset d = data::make_classification("blobs", 103, 0.5, 4, 3);
    const auto folds = data::stratified_kfold_indices(d, 5, 9);
    QCOMPARE(folds.size(), std::size_t{5});
    std::vector<int> seen(d.size(), 0);
    for (const auto& f : folds) {
      for (std::int64_t i : f) ++seen[i];
      QVERIFY(f.size() == 20 || f.size() == 21);
    }
    QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));  // each sample tested exactly once
    const std::vector<std::int64_t> counts = d.class_counts();
    const std::vector<std::int64_t> labels = d.y.to_vector<std::int64_t>();
    for (const auto& f : folds) {
      for (std::size_t c = 0; c < counts.size(); ++c) {
        const auto in_fold = std::count_if(f.begin(), f.end(), [&](std::int64_t i) { return labels[i] == std::int64_t(c); });
        QVERIFY(std::abs(double(in_fold) - double(counts[c]) / 5) <= 1.0);  // the class proportions hold
      }
    }
    QVERIFY_CONTAINS(error_of([&] { data::stratified_kfold_indices(d, 1, 0); }), "k must be between 2");
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
    j["augment"] = "yes";
    QVERIFY_CONTAINS(err(j), "augment: expected true or false");
    j = ok;
    j["dataset"]["split"] = "official";
    QVERIFY_CONTAINS(err(j), "dataset.split: \"official\" is Fashion-MNIST's own train/test split");
    j = ok;
    j["dataset"]["split"] = "by_hand";
    QVERIFY_CONTAINS(err(j), "dataset.split: expected \"random\" or \"official\"");
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
