// File → Save weights / Load weights in the app: the Playground's and the CNN Train page's
// networks go to a safetensors file and come back (the views then show the loaded model), a file
// of another network is refused naming the tensor and changes nothing, the builder writes its
// initialised network and checks a file against it, and the menu follows the open lab.
#include <QtTest>

#include <QAction>
#include <QStatusBar>
#include <QTemporaryDir>
#include <algorithm>

#include "app/language.h"
#include "app/main_window.h"
#include "builder/network_builder.h"
#include "io/safetensors.h"
#include "labs/builder/builder_lab.h"
#include "labs/cnn/cnn_lab.h"
#include "labs/cnn/cnn_train_page.h"
#include "labs/playground/playground_lab.h"
#include "nn/module.h"
#include "spec/model_spec.h"
#include "tensor/random.h"

using namespace gsui;

namespace {

/// "" when both hold the same names, shapes and values (in order), else the first difference.
QString difference(const gs::io::NamedTensors& a, const gs::io::NamedTensors& b) {
  if (a.size() != b.size()) return QString("%1 tensors against %2").arg(a.size()).arg(b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const QString name = QString::fromStdString(a[i].first);
    if (a[i].first != b[i].first) return QString("tensor %1 is %2 against %3").arg(i).arg(name, QString::fromStdString(b[i].first));
    if (a[i].second.shape() != b[i].second.shape()) return name + ": shapes differ";
    const auto x = a[i].second.to_vector<double>(), y = b[i].second.to_vector<double>();
    for (std::size_t k = 0; k < x.size(); ++k)
      if (x[k] != y[k]) return QString("%1[%2]: %3 against %4").arg(name).arg(k).arg(x[k], 0, 'g', 9).arg(y[k], 0, 'g', 9);
  }
  return {};
}

/// The tensors a lab's network holds now, as its Save weights writes them.
template <class WithWeights>
gs::io::NamedTensors savedState(WithWeights& lab, const QString& path) {
  const QString problem = lab.saveWeights(path);
  if (!problem.isEmpty()) qWarning("%s", qPrintable(problem));
  return problem.isEmpty() ? gs::io::read_safetensors(path.toStdString()) : gs::io::NamedTensors{};
}

/// The Playground's frame once the worker has published one after `version` and it is drawn.
bool waitForNewFrame(PlaygroundLab& lab, std::uint64_t version) {
  if (!QTest::qWaitFor([&] { return lab.session().frameVersion() > version; }, 30000)) return false;
  return lab.trainSteps(0);  // draws the latest frame
}

}  // namespace

class WeightsUiTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void playgroundRoundTrip() {
    QTemporaryDir dir;
    const QString a = dir.filePath("a.safetensors"), b = dir.filePath("b.safetensors"), c = dir.filePath("c.safetensors");
    PlaygroundLab lab;
    QVERIFY(lab.trainSteps(5));
    const gs::io::NamedTensors saved = savedState(lab, a);
    QVERIFY(!saved.empty());
    QCOMPARE(QString::fromStdString(saved.front().first), QString("0.weight"));  // PyTorch's state_dict key
    const std::vector<double> savedGrid = lab.frame().grid;

    lab.reset();
    QVERIFY(lab.trainSteps(15));
    QVERIFY2(!difference(saved, savedState(lab, b)).isEmpty(), "training on should have changed the weights");
    QVERIFY(lab.frame().grid != savedGrid);

    const std::uint64_t version = lab.session().frameVersion();
    const QString problem = lab.loadWeights(a);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString diff = difference(saved, savedState(lab, c));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // The views show the loaded model, as after a training step.
    QVERIFY(waitForNewFrame(lab, version));
    QCOMPARE(lab.frame().grid, savedGrid);
  }

  void playgroundRefusesAnotherNetworksFile() {
    QTemporaryDir dir;
    const QString own = dir.filePath("own.safetensors"), other = dir.filePath("other.safetensors"), after = dir.filePath("after.safetensors");
    PlaygroundLab lab;
    QVERIFY(lab.trainSteps(3));
    const gs::io::NamedTensors before = savedState(lab, own);
    QVERIFY(before.size() >= 2);

    // The same names, but the first layer of another width.
    gs::io::NamedTensors wrong = before;
    const std::string name = wrong.front().first;
    wrong.front().second = gs::zeros({wrong.front().second.size(0) + 3, wrong.front().second.size(1)});
    gs::io::write_safetensors(other.toStdString(), wrong);
    QString problem = lab.loadWeights(other);
    QVERIFY2(problem.contains(QString::fromStdString(name)), qPrintable(problem));
    QVERIFY2(problem.contains("other.safetensors"), qPrintable(problem));
    QString diff = difference(before, savedState(lab, after));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // The file is read in the training worker; its refusal still reaches a Korean learner in Korean,
    // naming the same tensor.
    Language::instance().setLanguage("ko");
    const QString korean = lab.loadWeights(other);
    Language::instance().setLanguage("en");
    const bool hangul = std::any_of(korean.begin(), korean.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
    QVERIFY2(hangul && korean.contains(QString::fromStdString(name)), qPrintable(korean));

    // A tensor missing: its name is said.
    gs::io::NamedTensors missing(before.begin(), before.end() - 1);
    gs::io::write_safetensors(other.toStdString(), missing);
    problem = lab.loadWeights(other);
    QVERIFY2(problem.contains(QString::fromStdString(before.back().first)), qPrintable(problem));
    diff = difference(before, savedState(lab, after));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // Not a weights file at all; then training goes on (a bad file does not stop the run).
    QFile junk(other);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a safetensors file");
    junk.close();
    QVERIFY(!lab.loadWeights(other).isEmpty());
    QVERIFY(lab.trainSteps(2));
    QCOMPARE(lab.frame().step, std::int64_t(5));
  }

  void playgroundSavesAndLoadsWhileTraining() {
    // The worker keeps stepping: the file is written and read between two of its steps.
    QTemporaryDir dir;
    const QString path = dir.filePath("live.safetensors");
    PlaygroundLab lab;
    lab.setPlaying(true);
    QVERIFY(QTest::qWaitFor([&] { return lab.session().snapshot().step > 20; }, 30000));
    for (int i = 0; i < 5; ++i) {
      QString problem = lab.saveWeights(path);
      QVERIFY2(problem.isEmpty(), qPrintable(problem));
      problem = lab.loadWeights(path);
      QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QVERIFY(lab.session().playing());
    const std::int64_t step = lab.session().snapshot().step;
    QVERIFY(QTest::qWaitFor([&] { return lab.session().snapshot().step > step + 10; }, 30000));  // training went on
    lab.setPlaying(false);
  }

  void cnnTrainPageRoundTrip() {
    QTemporaryDir dir;
    const QString a = dir.filePath("a.safetensors"), b = dir.filePath("b.safetensors"), c = dir.filePath("c.safetensors");
    CnnTrainPage page;
    CnnTrainSetup setup;
    setup.dataset = "digits";
    setup.preset = CnnPreset::Mlp;  // quick steps; the Conv presets go through the same calls
    page.setSetup(setup);
    QVERIFY(QTest::qWaitFor([&] { return page.ready() || !page.problem().isEmpty(); }, 60000));
    QVERIFY2(page.problem().isEmpty(), qPrintable(page.problem()));
    const auto stepTo = [&](std::int64_t step) {
      page.session().step(static_cast<int>(step - page.session().latestFrame()->snapshot.step));
      return QTest::qWaitFor([&] { return page.session().latestFrame()->snapshot.step >= step; }, 30000);
    };
    QVERIFY(stepTo(3));
    const gs::io::NamedTensors saved = savedState(page, a);
    QVERIFY(!saved.empty());
    const std::vector<float> savedOutput = page.session().latestFrame()->maps.back().values;

    QVERIFY(stepTo(10));
    QVERIFY2(!difference(saved, savedState(page, b)).isEmpty(), "training on should have changed the weights");
    QVERIFY(page.session().latestFrame()->maps.back().values != savedOutput);

    const std::uint64_t version = page.session().frameVersion();
    const QString problem = page.loadWeights(a);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString diff = difference(saved, savedState(page, c));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // The page's views draw the loaded model: the chosen image's outputs are those saved.
    QVERIFY(QTest::qWaitFor([&] { return page.session().frameVersion() > version; }, 30000));
    QCOMPARE(page.session().latestFrame()->maps.back().values, savedOutput);
  }

  void cnnLabHasWeightsOnTheTrainPageOnly() {
    CnnLab lab;
    QVERIFY(lab.showPage("convolution"));
    QVERIFY(!lab.hasWeights());
    QVERIFY(!lab.saveWeights(QDir::temp().filePath("never.safetensors")).isEmpty());
    QVERIFY(lab.showPage("train"));
    QVERIFY(lab.hasWeights());
  }

  void builderWritesItsInitialisedNetworkAndChecksFiles() {
    QTemporaryDir dir;
    const QString path = dir.filePath("builder.safetensors");
    BuilderLab lab;
    QSignalSpy said(&lab, &Lab::message);
    QVERIFY(lab.hasWeights());
    const QString problem = lab.saveWeights(path);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Exactly core's model of the spec with the builder's seed.
    gs::Generator generator(BuilderLab::kWeightsSeed);
    const auto model = gs::spec::build_model(gs::spec::parse_model_spec(lab.builder()->specJson()), gs::kFloat32, &generator);
    const QString diff = difference(gs::io::state_dict(*model), gs::io::read_safetensors(path.toStdString()));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    QVERIFY(lab.loadWeights(path).isEmpty());
    QVERIFY(!said.isEmpty());
    QVERIFY2(said.last().at(0).toString().contains("fit"), qPrintable(said.last().at(0).toString()));

    // A Playground network's file does not fit: the message names the first tensor at fault.
    PlaygroundLab playground;
    const QString other = dir.filePath("playground.safetensors");
    QVERIFY(playground.saveWeights(other).isEmpty());
    const QString refused = lab.loadWeights(other);
    QVERIFY2(refused.startsWith("The weights do not fit this network:") && refused.contains("playground.safetensors"), qPrintable(refused));
    gs::io::NamedTensors both = gs::io::read_safetensors(other.toStdString());
    for (const auto& named : gs::io::state_dict(*model)) both.push_back(named);
    QVERIFY2(std::any_of(both.begin(), both.end(), [&](const auto& t) { return refused.contains(QString("\"%1\"").arg(QString::fromStdString(t.first))); }),
             qPrintable(refused));
  }

  void menuFollowsTheOpenLab() {
    QTemporaryDir dir;
    const QString path = dir.filePath("window.safetensors");
    MainWindow w;
    QVERIFY(w.showLab("tensors"));
    QVERIFY(!w.saveWeightsAction()->isEnabled());
    QVERIFY(!w.loadWeightsAction()->isEnabled());
    QVERIFY(!w.saveWeightsTo(path).isEmpty());
    QVERIFY(!QFile::exists(path));

    QVERIFY(w.showLab("playground"));
    QVERIFY(w.saveWeightsAction()->isEnabled());
    QVERIFY(w.loadWeightsAction()->isEnabled());
    QString problem = w.saveWeightsTo(path);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(w.statusBar()->currentMessage().contains("window.safetensors"));
    problem = w.loadWeightsFrom(path);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!w.loadWeightsFrom(dir.filePath("missing.safetensors")).isEmpty());

    QVERIFY(w.showLab("tensors"));
    QVERIFY(!w.saveWeightsAction()->isEnabled());
  }
};

QTEST_MAIN(WeightsUiTest)
#include "tst_weights_ui.moc"
