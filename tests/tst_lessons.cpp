// Lessons (issue 16): every shipped lesson steps through its states, highlights and locks what it
// says; Page Down / Page Up / Esc; refused files change nothing; a recorded lesson plays back;
// `gradscope --list-lessons` and `--lesson ID --lesson-step N --screenshot`.
#include <QtTest>

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>

#include "app/appearance.h"
#include "app/lab.h"
#include "app/lab_registry.h"
#include "support/run_app.h"
#include "app/language.h"
#include "app/lesson.h"
#include "app/lesson_player.h"
#include "app/main_window.h"
#include "app/tabbed_lab.h"
#include "labs/cnn/cnn_lab.h"
#include "labs/cnn/convolution_page.h"
#include "labs/descent/descent_lab.h"
#include "labs/descent/learning_rate_slider.h"

using namespace gsui;

namespace {

QStringList labIds() {
  QStringList ids;
  for (const LabInfo& info : labRegistry()) ids << info.id;
  return ids;
}

nlohmann::json descentLesson() {
  return nlohmann::json::parse(R"({"format": "gradscope-lesson", "version": 1, "id": "t", "title": "T",
    "steps": [
      {"lab": "descent", "controls": {"rate0": 0.02, "rateOn1": false}, "highlight": ["rate0"], "caption": "one",
       "question": {"en": "Why?", "ko": "왜?"}},
      {"lab": "descent", "controls": {"rate0": 0.05, "a": 50}, "highlight": ["a", "b"], "caption": {"en": "two", "ko": "둘"}},
      {"lab": "activations", "controls": {"depth": 20}, "lock": false, "caption": "three"}
    ]})");
}

/// Whether a widget can be used (enabled up to the window).
bool usable(const QWidget* w) { return w->isEnabled(); }

}  // namespace

class TestLessons : public QObject {
  Q_OBJECT

  static int run(const QStringList& args, QString* out = nullptr, QString* err = nullptr) { return gstest::runApp(args, out, err); }

 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  // The file format: what is refused, with the field named; and a round trip.
  void refusesWithTheReason_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not a lesson") << R"({"steps": []})" << "not a GradScope lesson";
    QTest::newRow("newer") << R"({"format": "gradscope-lesson", "version": 2, "id": "x", "title": "x", "steps": []})"
                           << "newer GradScope";
    QTest::newRow("no steps") << R"({"format": "gradscope-lesson", "version": 1, "id": "x", "title": "x", "steps": []})"
                              << "steps: expected a list";
    QTest::newRow("missing lab") << R"({"format": "gradscope-lesson", "version": 1, "id": "x", "title": "x",
                                       "steps": [{"lab": "descent", "caption": "a"}, {"lab": "rnn", "caption": "b"}]})"
                                 << "steps[1].lab: this GradScope has no lab \"rnn\"";
    QTest::newRow("no caption") << R"({"format": "gradscope-lesson", "version": 1, "id": "x", "title": "x",
                                      "steps": [{"lab": "descent"}]})"
                                << "steps[0].caption";
    QTest::newRow("bad run") << R"({"format": "gradscope-lesson", "version": 1, "id": "x", "title": "x",
                                   "steps": [{"lab": "descent", "caption": "a", "run": -3}]})"
                             << "steps[0].run";
    QTest::newRow("typo") << R"({"format": "gradscope-lesson", "version": 1, "id": "x", "title": "x",
                                "steps": [{"lab": "descent", "caption": "a", "hilight": ["a"]}]})"
                          << "steps[0].hilight: unknown field";
    QTest::newRow("bad control value") << R"({"format": "gradscope-lesson", "version": 1, "id": "x", "title": "x",
                                   "steps": [{"lab": "descent", "caption": "a", "controls": {"a": [1]}}]})"
                                       << "steps[0].controls.a";
  }
  void refusesWithTheReason() {
    QFETCH(QString, json);
    QFETCH(QString, expected);
    Lesson lesson;
    lesson.id = "untouched";
    const QString problem = parseLesson(nlohmann::json::parse(json.toStdString()), labIds(), &lesson);
    QVERIFY2(problem.contains(expected), qPrintable(problem));
    QCOMPARE(lesson.id, QString("untouched"));  // nothing of a refused file is kept
  }

  void roundTrip() {
    Lesson a;
    QCOMPARE(parseLesson(descentLesson(), labIds(), &a), QString());
    QCOMPARE(a.steps.size(), std::size_t(3));
    QCOMPARE(a.steps[0].question.ko, QString::fromUtf8("왜?"));
    QCOMPARE(a.steps[2].lock, false);
    Lesson b;
    QCOMPARE(parseLesson(lessonToJson(a), labIds(), &b), QString());
    QCOMPARE(lessonToJson(b), lessonToJson(a));
  }

  // Every shipped lesson: each step opens its lab and page, its controls hold the step's values,
  // what it highlights is usable and framed, the lab's other inputs are locked.
  void everyShippedLessonSteps() {
    const auto shipped = MainWindow::shippedLessons();
    QVERIFY2(shipped.size() >= 5, "the course's lessons");
    QStringList ids;
    for (const auto& [id, file] : shipped) ids << id;
    for (const char* id : {"learning-rate", "xor-hidden-layer", "vanishing-gradients", "overfitting", "cnn-shapes"})
      QVERIFY2(ids.contains(id), id);
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    for (const auto& [id, file] : shipped) {
      QCOMPARE(w.startLesson(id), QString());
      LessonPlayer* player = w.lessons();
      QVERIFY(player->active());
      for (int i = 0; i < static_cast<int>(player->lesson().steps.size()); ++i) {
        const QString where = QString("%1 step %2").arg(id).arg(i + 1);
        QCOMPARE(player->goTo(i), QString());
        QCoreApplication::processEvents();
        const LessonStep& step = player->lesson().steps[static_cast<std::size_t>(i)];
        QCOMPARE(w.currentLabId(), step.lab);
        Lab* lab = w.currentLab();
        const nlohmann::json now = LessonPlayer::captureControls(*lab);
        if (step.controls.is_object())
          for (const auto& [name, value] : step.controls.items()) {
            QWidget* control = LessonPlayer::findControl(*lab, QString::fromStdString(name));
            QVERIFY2(control, qPrintable(where + " " + QString::fromStdString(name)));
            if (!now.contains(name)) continue;  // (a combo given by index)
            if (value.is_number_float()) QVERIFY2(std::abs(now[name].get<double>() - value.get<double>()) < 1e-9, qPrintable(where));
            else if (!qobject_cast<QComboBox*>(control) || value.is_string())
              QVERIFY2(now[name] == value, qPrintable(where + " " + QString::fromStdString(name + " = " + now[name].dump())));
          }
        for (QWidget* h : player->highlightedControls()) QVERIFY2(usable(h), qPrintable(where + " " + h->objectName()));
        QCOMPARE(player->highlightedControls().size(), step.highlight.size());
        if (step.lock) {
          QVERIFY2(!player->lockedControls().isEmpty(), qPrintable(where));
          for (QWidget* l : player->lockedControls()) QVERIFY(!l->isEnabled());
        }
        QCOMPARE(w.findChild<LessonBar*>()->caption()->text(), step.caption.en);
        QVERIFY(w.findChild<LessonBar*>()->isVisible());
      }
      player->leave();
      QVERIFY(player->lockedControls().isEmpty());
    }
  }

  // Every caption and question of every shipped lesson shows whole — in Korean, in presentation
  // mode, at a projector's 1920×1080 and at 1024×768 — walking forward and back: the bar grows
  // with its text instead of cutting lines off.
  void captionsAreNeverClipped_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("1024x768") << QSize(1024, 768);
  }
  void captionsAreNeverClipped() {
    QFETCH(QSize, size);
    struct Restore {  // (also when a check fails)
      ~Restore() {
        Appearance::instance().setPresentation(false);
        Language::instance().setLanguage("en");
      }
    } restore;
    Language::instance().setLanguage("ko");
    MainWindow w;
    w.setLanguage("ko");
    w.resize(size);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setPresentation(true, false);
    w.resize(size);
    LessonBar* bar = w.findChild<LessonBar*>();
    auto whole = [](QLabel* label) {
      if (label->isHidden()) return QString();
      const int needed = label->heightForWidth(label->width());
      const QRect in_bar(label->mapTo(label->window(), QPoint(0, 0)), label->size());
      const QRect bar(label->parentWidget()->mapTo(label->window(), QPoint(0, 0)), label->parentWidget()->size());
      if (label->height() < needed) return QString("%1 px high, needs %2").arg(label->height()).arg(needed);
      if (!bar.contains(in_bar)) return QString("outside the bar");
      return QString();
    };
    for (const auto& [id, file] : MainWindow::shippedLessons()) {
      QCOMPARE(w.startLesson(id), QString());
      const int n = static_cast<int>(w.lessons()->lesson().steps.size());
      QList<int> order;
      for (int i = 0; i < n; ++i) order << i;
      for (int i = n - 2; i >= 0; --i) order << i;
      for (int i : order) {
        QCOMPARE(w.lessons()->goTo(i), QString());
        const QString where = QString("%1 step %2").arg(id).arg(i + 1);
        // (the bar's layout settles within a few event-loop passes, as the window's would)
        QCOMPARE(bar->caption()->text(), w.lessons()->lesson().steps[static_cast<std::size_t>(i)].caption.ko);
        QTRY_VERIFY2_WITH_TIMEOUT(whole(bar->caption()).isEmpty(), qPrintable(where + " caption: " + whole(bar->caption())), 1000);
        QTRY_VERIFY2_WITH_TIMEOUT(whole(bar->question()).isEmpty(), qPrintable(where + " question: " + whole(bar->question())), 1000);
      }
      w.lessons()->leave();
    }
  }

  // The CNN-shapes lesson's convolution steps fill the whole output map themselves ("run"): the
  // learner sees the map each caption speaks of without pressing Step — opened at a step, moving
  // on (the map already partly filled) and going back (already full: "run" stops there).
  void convolutionStepsShowTheirResult() {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.startLesson("cnn-shapes", 2), QString());
    LessonPlayer* player = w.lessons();
    const std::int64_t cells[] = {36, 64, 16, 16};  // 6×6; padded 8×8; stride 2: 4×4; 2×2 pooling: 4×4
    for (int i : {2, 3, 0, 1, 2, 1, 0}) {
      QCOMPARE(player->goTo(i), QString());
      auto* lab = qobject_cast<CnnLab*>(w.currentLab());
      QVERIFY(lab);
      const ConvolutionModel& model = lab->convolutionPage()->model();
      QCOMPARE(model.cellCount(), cells[i]);
      QVERIFY2(model.finished(), qPrintable(QString("step %1: %2 of %3 cells").arg(i + 1).arg(model.revealed()).arg(model.cellCount())));
      QVERIFY(!lab->canStep());
    }
    player->leave();
  }

  // Page Down / Page Up (a clicker), the bar's buttons, Esc; the locks come off.
  void keysAndButtonsMoveBetweenSteps() {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.showLab("descent"));
    auto* lab = qobject_cast<DescentLab*>(w.currentLab());
    QVERIFY(lab);
    QVERIFY(lab->aSlider()->isEnabled());
    Lesson lesson;
    QCOMPARE(parseLesson(descentLesson(), labIds(), &lesson), QString());
    QCOMPARE(w.lessons()->start(lesson), QString());
    QCOMPARE(lab->learningRate(0), 0.02);
    QVERIFY(lab->rateSlider(0)->isEnabled());
    QVERIFY(!lab->aSlider()->isEnabled());  // locked: step 1 is about the learning rate
    QVERIFY(!lab->rateSlider(1)->slider()->isEnabled());
    // The frame is drawn around the highlighted slider.
    QTRY_COMPARE(w.lessons()->highlight()->frames().size(), 1);
    const QRect slider(lab->rateSlider(0)->mapTo(&w, QPoint(0, 0)), lab->rateSlider(0)->size());
    QVERIFY(w.lessons()->highlight()->frames()[0].contains(slider.center()));
    LessonBar* bar = w.findChild<LessonBar*>();
    QVERIFY(bar->question()->isVisible());
    QVERIFY(!bar->backButton()->isEnabled());

    QTest::keyClick(&w, Qt::Key_PageDown);
    QCOMPARE(w.lessons()->stepIndex(), 1);
    QCOMPARE(lab->learningRate(0), 0.05);
    QCOMPARE(lab->aSlider()->value(), 50);
    QVERIFY(lab->aSlider()->isEnabled());
    QVERIFY(!lab->rateSlider(0)->slider()->isEnabled());
    QVERIFY(!bar->question()->isVisible());
    QTest::keyClick(&w, Qt::Key_PageUp);
    QCOMPARE(w.lessons()->stepIndex(), 0);
    QCOMPARE(lab->learningRate(0), 0.02);
    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QCOMPARE(w.lessons()->stepIndex(), 2);
    QCOMPARE(w.currentLabId(), QString("activations"));
    QVERIFY(w.lessons()->lockedControls().isEmpty());  // "lock": false
    QCOMPARE(bar->nextButton()->text(), QString("Finish"));
    QVERIFY(w.showLab("descent"));
    QVERIFY(lab->aSlider()->isEnabled());  // the descent step's locks came off when it was left

    // Esc leaves the lesson (and not presentation mode, which is not on).
    QVERIFY(w.lessons()->goTo(0).isEmpty());
    QVERIFY(!lab->aSlider()->isEnabled());
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!w.lessons()->active());
    QVERIFY(!bar->isVisible());
    QVERIFY(lab->aSlider()->isEnabled());
    QVERIFY(lab->rateSlider(1)->slider()->isEnabled());
    QTRY_VERIFY(!w.lessons()->highlight()->isVisible());
    // Page Down outside a lesson is the focused slider's again (the window's action is off).
    lab->aSlider()->setFocus();
    const int a = lab->aSlider()->value();
    QTest::keyClick(lab->aSlider(), Qt::Key_PageDown);
    QVERIFY(lab->aSlider()->value() != a);
  }

  // Esc in presentation mode during a lesson: first the lesson, then presentation mode.
  void escapeLeavesTheLessonFirst() {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setPresentation(true, false);
    Lesson lesson;
    QCOMPARE(parseLesson(descentLesson(), labIds(), &lesson), QString());
    QCOMPARE(w.lessons()->start(lesson), QString());
    // A highlighted control in a group presentation mode folded is brought into sight.
    QCOMPARE(w.startLesson("xor-hidden-layer", 1), QString());
    QCoreApplication::processEvents();
    QWidget* layers = LessonPlayer::findControl(*w.currentLab(), "hiddenLayers");
    QVERIFY(layers && layers->isVisible());
    QTRY_VERIFY(!w.lessons()->highlight()->frames().isEmpty());
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!w.lessons()->active());
    QVERIFY(Appearance::instance().presentation());
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!Appearance::instance().presentation());
  }

  // A step that names a control the lab lacks is refused before anything is set.
  void aWrongStepChangesNothing() {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(w.showLab("descent"));
    auto* lab = qobject_cast<DescentLab*>(w.currentLab());
    Lesson lesson;
    QCOMPARE(parseLesson(nlohmann::json::parse(R"({"format": "gradscope-lesson", "version": 1, "id": "t", "title": "T",
      "steps": [{"lab": "descent", "controls": {"rate0": 0.03}, "highlight": ["rate0"], "caption": "ok"},
                {"lab": "activations", "controls": {"depth": 5}, "caption": "x"},
                {"lab": "descent", "controls": {"rate0": 0.5, "nonsense": 1}, "caption": "bad"},
                {"lab": "descent", "controls": {"rate0": 0.5, "a": 1000}, "caption": "out of range"}]})"),
                         labIds(), &lesson),
             QString());
    QCOMPARE(w.lessons()->start(lesson), QString());
    QCOMPARE(lab->learningRate(0), 0.03);
    const QString problem = w.lessons()->goTo(2);
    QVERIFY2(problem.contains("step 3") && problem.contains("\"nonsense\""), qPrintable(problem));
    QCOMPARE(w.lessons()->stepIndex(), 0);
    QCOMPARE(w.currentLabId(), QString("descent"));
    QCOMPARE(lab->learningRate(0), 0.03);  // rate0 was not set to 0.5
    QVERIFY(!lab->aSlider()->isEnabled());  // still step 1's locks
    const QString range = w.lessons()->goTo(3);
    QVERIFY2(range.contains("a: expected a whole number from -100 to 100"), qPrintable(range));
    // A lesson that cannot start leaves no lesson running.
    w.lessons()->leave();
    Lesson bad = lesson;
    bad.steps.erase(bad.steps.begin(), bad.steps.begin() + 2);
    QVERIFY(!w.lessons()->start(bad).isEmpty());
    QVERIFY(!w.lessons()->active());
    QVERIFY(lab->aSlider()->isEnabled());
    QVERIFY(!w.findChild<LessonBar*>()->isVisible());
    // Files: a malformed one and a newer one are refused by startLesson with the reason.
    QTemporaryDir dir;
    QFile broken(dir.filePath("broken.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"format\": \"gradscope-lesson\", ");
    broken.close();
    QVERIFY(w.startLesson(broken.fileName()).contains("not valid JSON"));
    QFile newer(dir.filePath("newer.json"));
    QVERIFY(newer.open(QIODevice::WriteOnly));
    newer.write(R"({"format": "gradscope-lesson", "version": 7, "id": "n", "title": "n", "steps": [{"lab": "descent", "caption": "c"}]})");
    newer.close();
    QVERIFY(w.startLesson(newer.fileName()).contains("newer GradScope"));
    QVERIFY(w.startLesson("no-such-lesson").contains("learning-rate"));  // names the lessons there are
    QVERIFY(!w.lessons()->active());
  }

  // A teacher records two states and plays them back.
  void recordedLessonPlaysBack() {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(w.showLab("descent"));
    auto* lab = qobject_cast<DescentLab*>(w.currentLab());
    lab->setLearningRate(0, 0.2);
    lab->aSlider()->setValue(-40);
    QCOMPARE(w.lessons()->recordStep({"first", "첫째"}), QString());
    lab->setLearningRate(0, 0.007);
    QVERIFY(w.showLab("init"));
    QVERIFY(w.currentLab()->showPage("grid"));
    QCOMPARE(w.lessons()->recordStep({"second", "둘째"}), QString());
    QCOMPARE(w.lessons()->recording().steps.size(), std::size_t(2));
    QCOMPARE(w.lessons()->recording().steps[1].page, QString("grid"));
    QVERIFY(!w.lessons()->recording().steps[1].state.is_null());  // a lab with a session state keeps it
    QTemporaryDir dir;
    const QString path = dir.filePath("mine.json");
    w.lessons()->setRecordingTitle({"Mine", "내 수업"}, "mine");
    QCOMPARE(writeLessonFile(path, w.lessons()->recording()), QString());

    QVERIFY(w.showLab("descent"));
    QCOMPARE(lab->learningRate(0), 0.007);
    QCOMPARE(w.startLesson(path), QString());
    QCOMPARE(w.currentLabId(), QString("descent"));
    QCOMPARE(lab->learningRate(0), 0.2);
    QCOMPARE(lab->aSlider()->value(), -40);
    QCOMPARE(w.lessons()->next(), QString());
    QCOMPARE(w.currentLabId(), QString("init"));
    QCOMPARE(qobject_cast<TabbedLab*>(w.currentLab())->currentPageId(), QString("grid"));
  }

  // In Korean the bar says the Korean caption and question.
  void theBarSpeaksTheLearnersLanguage() {
    Language::instance().setLanguage("ko");
    MainWindow w;
    w.setLanguage("ko");
    w.resize(1280, 720);
    w.show();
    Lesson lesson;
    QCOMPARE(parseLesson(descentLesson(), labIds(), &lesson), QString());
    QCOMPARE(w.lessons()->start(lesson, 1), QString());
    LessonBar* bar = w.findChild<LessonBar*>();
    QCOMPARE(bar->caption()->text(), QString::fromUtf8("둘"));
    QVERIFY2(!bar->nextButton()->text().contains("Next"), qPrintable(bar->nextButton()->text()));
    w.setLanguage("en");
    QTRY_COMPARE(bar->caption()->text(), QString("two"));
    Language::instance().setLanguage("en");
  }

  void commandLine() {
    QString out, err;
    QCOMPARE(run({"--list-lessons"}, &out, &err), 0);
    QVERIFY2(out.contains("learning-rate\t4\t"), qPrintable(out));
    QVERIFY(out.contains("cnn-shapes"));
    QTemporaryDir dir;
    const QString png = dir.filePath("step.png");
    QCOMPARE(run({"--lesson", "learning-rate", "--lesson-step", "3", "--size", "1280x720", "--screenshot", png}, &out, &err), 0);
    QImage image(png);
    QCOMPARE(image.size(), QSize(1280, 720));
    QCOMPARE(run({"--lesson", "learning-rate", "--lesson-step", "9", "--screenshot", png}, &out, &err), 2);
    QVERIFY2(err.contains("steps 1 to 4"), qPrintable(err));
    QCOMPARE(run({"--lesson", "nope", "--screenshot", png}, &out, &err), 2);
    QVERIFY2(err.contains("no lesson \"nope\""), qPrintable(err));
  }
};

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
