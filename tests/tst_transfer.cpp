// Transfer learning in core (issue 12): a task made of some classes (only_classes), a few
// labelled samples per class (train_per_class), the first layers of a model taken from a weights
// file and frozen ("transfer"), and the shipped recipe: the base CNN pretrained on five
// Fashion-MNIST classes, fine-tuned on ten images of each of the five others, beats the same
// network trained from scratch on them; its frozen layers do not move while its head does.
#include <QtTest>

#include "test_helpers.h"

#include <QFile>
#include <QTemporaryDir>

#include "data/dataset.h"
#include "io/safetensors.h"
#include "ops/functional.h"
#include "spec/scenario.h"
#include "spec/transfer.h"
#include "golden.h"

using namespace gs;
using nlohmann::json;

namespace {

std::string scenarios() { return std::string(GRADSCOPE_GOLDEN_DIR) + "/../../resources/scenarios"; }
bool have_fashion_mnist() {
  return QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") || !qEnvironmentVariableIsEmpty("GRADSCOPE_FASHION_MNIST_DIR");
}

/// A shipped scenario as the CLI reads it (relative paths against its folder).
spec::Scenario shipped(const std::string& name) {
  json j = gs::testing::load_json(scenarios() + "/" + name + ".json");
  spec::resolve_relative_paths(j, scenarios());
  return spec::parse_scenario(j);
}

/// Six samples of three classes, labels 0 1 2 0 1 2, x = the sample's index.
data::Dataset six() {
  data::Dataset d;
  d.x = arange(0, 6).to(kFloat32).reshape({6, 1});
  d.y = from_vector({0, 1, 2, 0, 1, 2}, {6}, {.dtype = kInt64});
  d.class_names = {"a", "b", "c"};
  return d;
}

const char* kSmallCnn = R"({"input_shape": [1, 6, 6], "layers": [
    {"type": "Conv2d", "out_channels": 2, "kernel_size": 3, "padding": 1}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
    {"type": "Flatten"}, {"type": "Linear", "out_features": 3}]})";

}  // namespace

class TestTransfer : public QObject {
  Q_OBJECT
 private slots:
  void keepClassesRelabelsInTheOrderGiven() {
    const data::Dataset d = data::keep_classes(six(), {2, 0});
    QCOMPARE(d.class_names, (std::vector<std::string>{"c", "a"}));
    QCOMPARE(d.y.to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, 0, 1, 0}));
    QCOMPARE(d.x.to_vector<float>(), (std::vector<float>{0, 2, 3, 5}));
    QVERIFY_CONTAINS(error_of([] { data::keep_classes(six(), {0, 3}); }), "class 3 is not one of the set's classes 0 to 2");
    QVERIFY_CONTAINS(error_of([] { data::keep_classes(six(), {1, 1}); }), "class 1 is listed twice");
    QVERIFY_CONTAINS(error_of([] { data::keep_classes(six(), {1}); }), "at least two classes");
  }

  void perClassSubsetTakesKOfEachClass() {
    const data::Dataset d = data::per_class_subset(six(), 1, 3);
    QCOMPARE(d.size(), std::int64_t(3));
    QCOMPARE(d.class_counts(), (std::vector<std::int64_t>{1, 1, 1}));
    // Seeded: the same draw again; kept in the original order.
    QCOMPARE(data::per_class_subset(six(), 1, 3).x.to_vector<float>(), d.x.to_vector<float>());
    const auto x = d.x.to_vector<float>();
    QVERIFY(std::is_sorted(x.begin(), x.end()));
    QCOMPARE(data::per_class_subset(six(), 5, 3).size(), std::int64_t(6));  // fewer than k: all of them
  }

  void datasetFieldsAreValidatedAndRoundTrip() {
    const json good = {{"name", "iris"}, {"only_classes", {2, 1}}, {"train_per_class", 4}};
    const spec::DatasetSpec d = spec::parse_dataset(good);
    QCOMPARE(d.only_classes, (std::vector<std::int64_t>{2, 1}));
    QCOMPARE(*d.train_per_class, std::int64_t(4));
    QVERIFY(spec::parse_dataset(spec::to_json(d)) == d);
    const spec::ScenarioData data = spec::load_dataset(d, false);
    QCOMPARE(data.split.train.class_names, (std::vector<std::string>{"virginica", "versicolor"}));
    QCOMPARE(data.split.train.class_counts(), (std::vector<std::int64_t>{4, 4}));
    QCOMPARE(data.split.test.size(), std::int64_t(20));  // 20% of the 100 kept samples, untouched
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "iris"}, {"only_classes", {1}}}); }), "dataset.only_classes: expected a list of at least two");
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "iris"}, {"only_classes", "1,2"}}); }), "dataset.only_classes");
    QVERIFY_CONTAINS(error_of([] { spec::parse_dataset(json{{"name", "iris"}, {"train_per_class", 0}}); }), "dataset.train_per_class: expected");
    QVERIFY_CONTAINS(error_of([] { spec::load_dataset(spec::parse_dataset(json{{"name", "iris"}, {"only_classes", {0, 7}}}), false); }),
                     "dataset.only_classes: class 7 is not one of the set's classes 0 to 2");
    // A huge value is quoted as an excerpt, not dumped.
    json big = json::array();
    for (int i = 0; i < 5000; ++i) big.push_back(json::array({i}));
    const std::string message = error_of([&] { spec::parse_dataset(json{{"name", "iris"}, {"only_classes", big}}); });
    QVERIFY2(message.size() < 200, message.c_str());
  }

  void applyTransferCopiesTheFirstLayersAndFreezesThem() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("base.safetensors").toStdString();
    const spec::ModelSpec ms = spec::parse_model_spec(json::parse(kSmallCnn));
    Generator g1(1), g2(2);
    auto base = spec::build_model(ms, kFloat32, &g1);
    io::save_weights(path, *base);
    auto model = spec::build_model(ms, kFloat32, &g2);
    const auto head_before = model->named_parameters()[2].second.to_vector<float>();
    const spec::TransferReport r = spec::apply_transfer(*model, {.weights = path, .layers = 3, .freeze = true}, 5);
    QCOMPARE(r.loaded_tensors, std::int64_t(2));                // 0.weight, 0.bias
    QCOMPARE(r.frozen_parameters, std::int64_t(2 * 9 + 2));       // the convolution
    QCOMPARE(r.trainable_parameters, std::int64_t(18 * 3 + 3));   // the new head
    const auto p = model->named_parameters(), b = base->named_parameters();
    QCOMPARE(p[0].second.to_vector<float>(), b[0].second.to_vector<float>());
    QCOMPARE(p[1].second.to_vector<float>(), b[1].second.to_vector<float>());
    QCOMPARE(p[2].second.to_vector<float>(), head_before);  // the head is not the base's
    QVERIFY(!p[0].second.requires_grad() && !p[1].second.requires_grad() && p[2].second.requires_grad());
    // A backward reaches the head only.
    model->forward(ones({2, 1, 6, 6})).sum().backward();
    QVERIFY(!p[0].second.grad().defined() && p[2].second.grad().defined());
    // Wrong files: a missing tensor, a shape that differs, too many layers; nothing changes.
    auto other = spec::build_model(spec::parse_model_spec(json::parse(
        R"({"input_shape": [1, 6, 6], "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 3, "padding": 1}, {"type": "ReLU"},
            {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Flatten"}, {"type": "Linear", "out_features": 3}]})")), kFloat32, &g2);
    const auto w = other->named_parameters()[0].second.to_vector<float>();
    QVERIFY_CONTAINS(error_of([&] { spec::apply_transfer(*other, {.weights = path, .layers = 3}, 5); }),
                     "transfer.weights: base.safetensors: \"0.weight\" has shape [2, 1, 3, 3] but this model's has [4, 1, 3, 3]");
    QCOMPARE(other->named_parameters()[0].second.to_vector<float>(), w);
    QVERIFY(other->named_parameters()[0].second.requires_grad());
    io::write_safetensors(path, {{"0.weight", zeros({2, 1, 3, 3})}});
    QVERIFY_CONTAINS(error_of([&] { spec::apply_transfer(*model, {.weights = path, .layers = 3}, 5); }),
                     "has no tensor \"0.bias\" for layer 0 (it holds 0.weight)");
    QVERIFY_CONTAINS(error_of([&] { spec::apply_transfer(*model, {.weights = path, .layers = 9}, 5); }), "the model has only 5");
    QVERIFY_CONTAINS(error_of([&] { spec::apply_transfer(*model, {.weights = dir.filePath("none").toStdString(), .layers = 1}, 5); }), "none");
  }

  void transferFieldIsValidated() {
    json s = gs::testing::load_json(scenarios() + "/fashion_transfer.json");
    QVERIFY(spec::parse_scenario(s).transfer);
    QCOMPARE(spec::parse_scenario(spec::to_json(spec::parse_scenario(s))).transfer->layers, std::int64_t(6));
    for (const auto& [field, value, expected] : std::vector<std::tuple<std::string, json, std::string>>{
             {"layers", 0, "transfer.layers: expected how many leading layers"},
             {"layers", 8, "transfer.layers: 8 of the model's 8 layers take pretrained weights"},
             {"weights", 3, "transfer.weights: expected the path of a .safetensors file, got 3"},
             {"freeze", "yes", "transfer.freeze: expected true or false"},
             {"frozen", true, "transfer.frozen: unknown field"}}) {
      json bad = s;
      bad["transfer"][field] = value;
      QVERIFY_CONTAINS(error_of([&] { spec::parse_scenario(bad); }), expected);
    }
    json relative = s;
    spec::resolve_relative_paths(relative, "/some/folder");
    QCOMPARE(relative["transfer"]["weights"].get<std::string>(), std::string("/some/folder/fashion_base.safetensors"));
  }

  // The shipped recipe on its seed: frozen layers bit-for-bit unchanged, the head moved, and the
  // fine-tuned network ahead of the same one trained from scratch on the same 50 images.
  void fineTuningBeatsScratchOnTheShippedSeed() {
    if (!have_fashion_mnist()) QSKIP("Debian's dataset-fashion-mnist is not installed (scripts/install-deps.sh installs it)");
    spec::Scenario tuned = shipped("fashion_transfer");
    spec::Scenario scratch = tuned;
    scratch.transfer.reset();
    spec::Run a = spec::make_run(tuned), b = spec::make_run(scratch);
    QCOMPARE(a.trainer->train_set().size(), std::int64_t(50));
    QCOMPARE(a.trainer->test_set().size(), std::int64_t(5000));
    const auto before = a.trainer->model().named_parameters();
    std::vector<std::vector<float>> values;
    for (const auto& [name, p] : before) values.push_back(p.to_vector<float>());
    const auto base = io::read_safetensors(scenarios() + "/fashion_base.safetensors");
    QCOMPARE(values[0], base[0].second.to_vector<float>());  // 0.weight came from the file
    for (std::int64_t e = 0; e < tuned.epochs; ++e) {
      QVERIFY(a.trainer->run_epoch());
      QVERIFY(b.trainer->run_epoch());
    }
    const auto after = a.trainer->model().named_parameters();
    for (std::size_t i = 0; i < after.size(); ++i) {
      const bool frozen = after[i].first.rfind("0.", 0) == 0 || after[i].first.rfind("3.", 0) == 0;
      QCOMPARE(after[i].second.requires_grad(), !frozen);
      if (frozen) QVERIFY2(after[i].second.to_vector<float>() == values[i], after[i].first.c_str());
      else QVERIFY2(after[i].second.to_vector<float>() != values[i], after[i].first.c_str());
    }
    const double tuned_acc = a.trainer->snapshot().test_accuracy, scratch_acc = b.trainer->snapshot().test_accuracy;
    qInfo("test accuracy on the 5,000 unseen-class images: fine-tuned %.4f, from scratch %.4f", tuned_acc, scratch_acc);
    QVERIFY2(tuned_acc > scratch_acc + 0.03, qPrintable(QString("%1 vs %2").arg(tuned_acc).arg(scratch_acc)));
    QVERIFY(tuned_acc > 0.85);
  }
};

QTEST_APPLESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
