// The studio frame: navigation grouped like the course, play controls and their shortcuts,
// language switching at run time, presentation mode, remembered settings, export.
#include <QtTest>
#include <QDirIterator>

#include <QAction>
#include <QComboBox>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QToolBar>
#include <QToolButton>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>

#include "app/annotation_overlay.h"
#include "app/appearance.h"
#include "app/control_group.h"
#include "app/export.h"
#include "app/lab.h"
#include "app/lab_registry.h"
#include "app/language.h"
#include "app/layout_check.h"
#include "app/main_window.h"
#include "app/play_speed.h"
#include "app/session_store.h"
#include "app/wheel_guard.h"
#include "builder/network_builder.h"
#include "labs/builder/builder_lab.h"
#include "labs/perceptron/perceptron_lab.h"
#include "labs/playground/playground_lab.h"
#include "plots/plot_style.h"

#include <qcustomplot.h>

using namespace gsui;

class TestApp : public QObject {
  Q_OBJECT

  static QTreeWidgetItem* navItem(QTreeWidget* nav, const QString& id) {
    for (QTreeWidgetItem* item : nav->findItems(QString(), Qt::MatchContains | Qt::MatchRecursive))
      if (item->data(0, Qt::UserRole).toString() == id) return item;
    return nullptr;
  }

 private slots:
  // A window built while presentation mode and Korean are already on (a second window, a test
  // after another) lays out and shows every lab: the Tensors lab's explanation, refitted to its
  // width, once fed its own resize back until the stack overflowed.
  void aWindowBuiltInPresentationModeAndKorean() {
    struct Restore {
      ~Restore() {
        Appearance::instance().setPresentation(false);
        Language::instance().setLanguage("en");
      }
    } restore;
    Language::instance().setLanguage("ko");
    Appearance::instance().setPresentation(true);
    for (QSize size : {QSize(1920, 1080), QSize(1024, 768)}) {
      MainWindow w;
      w.setLanguage("ko");
      w.resize(size);
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      for (const LabInfo& info : labRegistry()) {
        w.showLab(info.id);
        QTest::qWait(1);
        QVERIFY2(w.currentLab() && w.isVisible(), qPrintable(info.id));
      }
    }
  }

  // The wheel over a combo or spin box that was not clicked scrolls the panel, not the value.
  void wheelScrollsThePanelNotTheValue() {
    WheelGuard guard;
    qApp->installEventFilter(&guard);
    QScrollArea area;
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    auto* combo = new QComboBox;
    combo->addItems({"SGD", "Adam", "RMSprop"});
    auto* spin = new QSpinBox;
    layout->addWidget(combo);
    layout->addWidget(spin);
    layout->addSpacing(2000);  // the panel scrolls
    area.setWidget(content);
    area.resize(200, 150);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    auto wheel = [](QWidget* w) {
      QWheelEvent e(QPointF(5, 5), w->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
      QApplication::sendEvent(w, &e);
    };
    area.setFocus();
    wheel(combo);
    wheel(spin);
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(spin->value(), 0);
    QVERIFY(area.verticalScrollBar()->value() > 0);  // the panel took the wheel
    combo->setFocus();  // clicked: the wheel is the combo's
    wheel(combo);
    QCOMPARE(combo->currentIndex(), 1);
    qApp->removeEventFilter(&guard);
  }

  void init() {
    Language::instance().setLanguage("en");
    Appearance::instance().setPresentation(false);
    Appearance::instance().setPresentationScale(1.6);  // (a test before may have pressed Ctrl +)
    Appearance::instance().applyToApplication();  // as the app does at start-up
    QCoreApplication::processEvents();
  }

  void navigationListsRegisteredLabsInCourseGroups() {
    MainWindow w;
    QTreeWidget* nav = w.navigation();
    // Only the groups that have labs, in course order.
    QSet<int> groups;
    for (const LabInfo& info : labRegistry()) groups.insert(static_cast<int>(info.group));
    QCOMPARE(nav->topLevelItemCount(), groups.size());
    QCOMPARE(nav->topLevelItem(0)->text(0), QString("Basics"));
    QCOMPARE(nav->topLevelItem(1)->text(0), QString("Neurons"));
    for (int i = 1; i < nav->topLevelItemCount(); ++i)
      QVERIFY(nav->topLevelItem(i - 1)->data(0, Qt::UserRole + 1).toInt() < nav->topLevelItem(i)->data(0, Qt::UserRole + 1).toInt());
    int labs = 0;
    for (int i = 0; i < nav->topLevelItemCount(); ++i) labs += nav->topLevelItem(i)->childCount();
    QCOMPARE(labs, labRegistry().size());
    QVERIFY(navItem(nav, "perceptron"));
    QVERIFY(!w.showLab("no-such-lab"));
  }

  void clickingTheNavigationOpensTheLab() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy spy(&w, &MainWindow::labChanged);
    QTreeWidgetItem* item = navItem(w.navigation(), "activations");
    const QRect rect = w.navigation()->visualItemRect(item);
    QTest::mouseClick(w.navigation()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toString(), QString("activations"));
    QCOMPARE(w.currentLabId(), QString("activations"));
    QVERIFY(w.windowTitle().contains("Activations"));
    QVERIFY(w.explanationView()->toPlainText().contains("activation function"));
    QVERIFY(w.codeView()->toPlainText().contains("import torch"));
  }

  void playStepResetAndTheirShortcuts() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.showLab("perceptron"));
    auto* lab = qobject_cast<PerceptronLab*>(w.currentLab());
    QVERIFY(lab);
    QVERIFY(w.stepAction()->isEnabled());
    QTest::keyClick(&w, Qt::Key_Right);  // one step: sample 1 of 4 processed
    QTest::keyClick(&w, Qt::Key_Right);
    QTest::keyClick(&w, Qt::Key_Right);
    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(lab->epoch(), 1);
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(w.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(lab->epoch() >= 2, 5000);  // the timer keeps stepping
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(!w.isPlaying());
    QTest::keyClick(&w, Qt::Key_R);
    QCOMPARE(lab->epoch(), 0);
    // A lab that plays itself and stops on its own (here: a preset is chosen) sets Play back.
    QVERIFY(w.showLab("playground"));
    auto* playground = qobject_cast<PlaygroundLab*>(w.currentLab());
    QVERIFY(playground);
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(w.isPlaying());
    QVERIFY(w.playAction()->isChecked());
    QCOMPARE(playground->applyPreset(PlaygroundLab::presetPaths().first()), QString());
    QVERIFY(!w.isPlaying());
    QVERIFY(!w.playAction()->isChecked());
    QVERIFY(!playground->session().playing());
    // The activations lab does not animate: Play and Step are disabled there.
    w.showLab("activations");
    QVERIFY(!w.playAction()->isEnabled());
    QVERIFY(!w.stepAction()->isEnabled());
  }

  // One Korean word for "step" (단계), "train" (학습) and "optimizer" (최적화 기법) everywhere the learner reads (the catalogue is checked by
  // resources/translations/fill_ko.py; the explanations and lessons here).
  void koreanSaysStepOneWay() {
    int files = 0;
    for (const QString& dir : {QStringLiteral(":/explanations/ko"), QStringLiteral(":/lessons")}) {
      QDirIterator it(dir, QDirIterator::Subdirectories);
      while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly)) continue;
        ++files;
        const QString text = QString::fromUtf8(f.readAll());
        for (const char* other : {"스텝", "훈련", "옵티마이저"})  // (단계, 학습, 최적화 기법)
          QVERIFY2(!text.contains(QString::fromUtf8(other)), qPrintable(f.fileName() + ": " + QString::fromUtf8(other)));
      }
    }
    QVERIFY(files > 10);
    Language::instance().setLanguage("ko");
    QCOMPARE(QCoreApplication::translate("gsui::GpuLab", "Time per training step").contains(QString::fromUtf8("단계")), true);
    Language::instance().setLanguage("en");
  }

  void languageSwitchesAtRunTime() {
    MainWindow w;
    w.showLab("perceptron");
    const QString english_code = w.codeView()->toPlainText();
    QCOMPARE(w.navigation()->topLevelItem(1)->text(0), QString("Neurons"));
    QCOMPARE(w.sidePanel()->windowTitle(), QString("Controls"));
    auto* box = w.findChild<QComboBox*>("LanguageBox");
    QVERIFY(box);
    box->setCurrentIndex(box->findData("ko"));
    emit box->activated(box->currentIndex());
    QCOMPARE(Language::instance().language(), QString("ko"));
    // Qt posts LanguageChange to every window: the texts change on the next event loop turn.
    QTRY_COMPARE(w.navigation()->topLevelItem(1)->text(0), QString::fromUtf8("뉴런"));
    QCOMPARE(w.sidePanel()->windowTitle(), QString::fromUtf8("조작"));
    QVERIFY(w.explanationView()->toPlainText().contains(QString::fromUtf8("퍼셉트론")));
    QVERIFY(w.windowTitle().contains(QString::fromUtf8("퍼셉트론")));
    auto* lab = qobject_cast<PerceptronLab*>(w.currentLab());
    QVERIFY(lab->statusLabel()->text().contains(QString::fromUtf8("에포크")));
    QCOMPARE(w.codeView()->toPlainText(), english_code);  // code stays code
    w.setLanguage("en");
    QTRY_COMPARE(w.navigation()->topLevelItem(1)->text(0), QString("Neurons"));
    QVERIFY(lab->statusLabel()->text().contains("Epoch"));
  }

  void presentationModeScalesFontsAndHidesTheLabList() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const double normal = QApplication::font().pointSizeF();
    QTest::keyClick(&w, Qt::Key_F5);
    QTRY_VERIFY(w.isFullScreen());
    QVERIFY(Appearance::instance().presentation());
    QTRY_VERIFY(QApplication::font().pointSizeF() >= normal * 1.4);  // 1.6 × 0.9 on a 1280×720 screen
    QVERIFY(Appearance::instance().lineWidth() > 2.0);
    QVERIFY(Appearance::instance().palette().color(QPalette::Window) == QColor(Qt::white));  // high contrast
    QVERIFY(!w.labList()->isVisible());
    const double before = QApplication::font().pointSizeF();
    QTest::keyClick(&w, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(QApplication::font().pointSizeF() > before);
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!Appearance::instance().presentation());
    QCOMPARE(QApplication::font().pointSizeF(), normal);
    QVERIFY(w.labList()->isVisible());
  }

  // Presentation mode is a layout (issue 15): F5 puts the menu bar and the Explanation panel aside,
  // folds the groups without a primary control behind "More controls", and gives the view two
  // thirds of the width; Esc puts every one of these back as it was.
  void presentationModeIsALayout() {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.showLab("playground"));
    QCoreApplication::processEvents();
    const QList<ControlGroup*> groups = w.currentLab()->controls()->findChildren<ControlGroup*>();
    QList<ControlGroup*> primary, secondary;
    for (ControlGroup* g : groups) (g->holdsPrimary() ? primary : secondary) << g;
    QVERIFY(!primary.isEmpty());
    QVERIFY(secondary.size() >= 2);  // data, features, network
    for (ControlGroup* g : groups) QVERIFY(g->isVisible());
    QVERIFY(w.menuBar()->isVisible());
    QVERIFY(w.explanationView()->isVisible());
    const int side_before = w.sidePanel()->width(), lab_list_before = w.labList()->width();
    const double share_before = w.viewWidthShare();

    QTest::keyClick(&w, Qt::Key_F5);
    QTRY_VERIFY(w.isFullScreen());
    QTRY_COMPARE(w.size(), QSize(1280, 720));  // the whole (projector) screen
    QCoreApplication::processEvents();
    QVERIFY(Appearance::instance().presentation());
    QVERIFY(!w.menuBar()->isVisible());
    QVERIFY(!w.explanationView()->isVisible());
    QVERIFY(!w.explanationAction()->isChecked());
    for (ControlGroup* g : primary) QVERIFY(g->isVisible());
    for (ControlGroup* g : secondary) QVERIFY2(!g->isVisible() && g->isFolded(), qPrintable(g->title()));
    QPushButton* more = w.moreControlsButton();
    QVERIFY(more->isVisible());
    QCOMPARE(more->text(), QString("More controls"));
    QTRY_VERIFY2(w.viewWidthShare() >= 0.65, qPrintable(QString::number(w.viewWidthShare())));
    QVERIFY(w.viewWidthShare() > share_before);
    // Shortcuts still work with the menu bar hidden (Ctrl + grows the text).
    const double scale = Appearance::instance().scale();
    QTest::keyClick(&w, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(Appearance::instance().scale() > scale);
    QTest::keyClick(&w, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(Appearance::instance().scale(), scale);
    // "More controls" unfolds the folded groups, and folds them again.
    QTest::mouseClick(more, Qt::LeftButton);
    for (ControlGroup* g : secondary) QVERIFY(g->isVisible());
    QCOMPARE(more->text(), QString("Fewer controls"));
    QTest::mouseClick(more, Qt::LeftButton);
    for (ControlGroup* g : secondary) QVERIFY(!g->isVisible());
    // The toolbar's Explanation brings the panel back (and puts it aside again).
    auto* toolbar = w.findChild<QToolBar*>("PlayControls");
    QVERIFY(toolbar);
    auto* explain = qobject_cast<QToolButton*>(toolbar->widgetForAction(w.explanationAction()));
    QVERIFY(explain && explain->isVisible());
    QTest::mouseClick(explain, Qt::LeftButton);
    QVERIFY(w.explanationView()->isVisible());
    QTest::mouseClick(explain, Qt::LeftButton);
    QVERIFY(!w.explanationView()->isVisible());
    // A lab without primary controls keeps all its groups; one opened in presentation mode folds.
    QVERIFY(w.showLab("tensors"));
    for (ControlGroup* g : w.currentLab()->controls()->findChildren<ControlGroup*>()) QVERIFY(!g->isFolded());
    QVERIFY(!more->isVisible());
    QVERIFY(w.showLab("optimizers"));
    int folded = 0;
    for (ControlGroup* g : w.currentLab()->controls()->findChildren<ControlGroup*>()) folded += g->isFolded();
    QVERIFY(folded > 0);
    QVERIFY(more->isVisible());
    QVERIFY(w.showLab("playground"));

    // Esc: everything as it was, also after the presenter made the text larger (Ctrl = twice).
    const double presenter = Appearance::instance().presentationScale();
    QTest::keyClick(&w, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(&w, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(Appearance::instance().presentationScale(), presenter + 0.4);
    QCoreApplication::processEvents();
    QTest::keyClick(&w, Qt::Key_Escape);
    w.resize(1280, 720);
    QTRY_COMPARE(w.size(), QSize(1280, 720));
    QCoreApplication::processEvents();
    QVERIFY(!Appearance::instance().presentation());
    QVERIFY(w.menuBar()->isVisible());
    QVERIFY(w.explanationView()->isVisible());
    QVERIFY(w.explanationAction()->isChecked());
    QVERIFY(w.labList()->isVisible());
    QVERIFY(!more->isVisible());
    for (ControlGroup* g : groups) QVERIFY2(g->isVisible() && !g->isFolded(), qPrintable(g->title()));
    QTRY_COMPARE(w.sidePanel()->width(), side_before);
    QCOMPARE(w.labList()->width(), lab_list_before);
    Appearance::instance().setPresentationScale(presenter);
  }

  // Play's speed: one setting in the toolbar, [ and ], remembered per lab and mode; a lab's own
  // pace by default, a pace a class can follow in presentation mode; at one step a second the
  // step's numbers are on screen.
  void playSpeedIsOneSettingPerLab() {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.showLab("descent"));
    QComboBox* speed = w.speedBox();
    QVERIFY(speed && speed->isVisible());
    QCOMPARE(PlaySpeed::instance().stepsPerSecond(), 10.0);  // Descent's own 8 a second, at the nearest choice
    QCOMPARE(speed->currentData().toDouble(), 10.0);
    QTest::keyClick(&w, Qt::Key_BracketRight);
    QCOMPARE(PlaySpeed::instance().stepsPerSecond(), 30.0);
    QCOMPARE(speed->currentText(), QString("30 steps/s"));
    QVERIFY(w.showLab("playground"));
    QCOMPARE(PlaySpeed::instance().stepsPerSecond(), 0.0);  // a worker trains flat out
    QCOMPARE(speed->currentText(), QString("Flat out"));
    w.setPresentation(true, false);
    QCOMPARE(PlaySpeed::instance().stepsPerSecond(), 100.0);  // … but not in front of a class
    w.setPresentation(false);
    QCOMPARE(PlaySpeed::instance().stepsPerSecond(), 0.0);
    QVERIFY(w.showLab("descent"));
    QCOMPARE(PlaySpeed::instance().stepsPerSecond(), 30.0);  // remembered
    for (int i = 0; i < 5; ++i) QTest::keyClick(&w, Qt::Key_BracketLeft);
    QCOMPARE(PlaySpeed::instance().stepsPerSecond(), 1.0);  // (the slowest)
    QVERIFY(!w.stepReadout()->isVisible());
    w.playAction()->trigger();
    QTRY_VERIFY(w.stepReadout()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(w.stepReadout()->text().startsWith("step 1 "), 4000);
    QVERIFY2(w.stepReadout()->text().contains("f = "), qPrintable(w.stepReadout()->text()));
    w.playAction()->trigger();
    QTRY_VERIFY(!w.stepReadout()->isVisible());
  }

  // The Korean check leaves code alone: a widget marked gsVerbatim (PyTorch's own message) and the
  // <code> spans of a Korean sentence; English elsewhere is still found.
  void languageCheckSkipsCode() {
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* verbatim = new QLabel("RuntimeError: element 0 of tensors does not require grad");
    verbatim->setProperty("gsVerbatim", true);
    auto* sentence = new QLabel(QString::fromUtf8("<p><code>optimizer.zero_grad()</code>를 부르지 않으면 기울기가 쌓입니다.</p>"));
    auto* english = new QLabel("The gradients accumulate here");
    for (QLabel* l : {verbatim, sentence, english}) layout->addWidget(l);
    window.resize(900, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QVector<LayoutProblem> found = checkLanguage(&window);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].text, QString("The gradients accumulate here"));
    verbatim->setProperty("gsVerbatim", false);
    QCOMPARE(checkLanguage(&window).size(), 2);
  }

  // The scale follows the window: a 1024×768 laptop gets less than a 1920×1080 projector, the
  // presenter's Ctrl +/− multiplies both, and outside presentation mode it is 1.
  void presentationScaleFollowsTheWindowHeight() {
    QCOMPARE(Appearance::windowFactorFor(QSize(1280, 800)), 1.0);
    QVERIFY(Appearance::windowFactorFor(QSize(1024, 768)) < Appearance::windowFactorFor(QSize(1280, 720)));
    QVERIFY(Appearance::windowFactorFor(QSize(1280, 720)) < Appearance::windowFactorFor(QSize(1920, 1080)));
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const int box_normal = w.style()->pixelMetric(QStyle::PM_IndicatorWidth);
    w.setPresentation(true, /*full_screen=*/false);  // windows of other sizes than this screen's
    w.resize(1024, 768);
    QTRY_COMPARE(w.size(), QSize(1024, 768));
    const double small = Appearance::instance().scale();
    const double small_font = QApplication::font().pointSizeF();
    w.resize(1920, 1080);
    QTRY_COMPARE(w.size(), QSize(1920, 1080));
    const double large = Appearance::instance().scale();
    QVERIFY2(small < large, qPrintable(QString("%1 at 1024×768, %2 at 1920×1080").arg(small).arg(large)));
    QVERIFY(small > 1.0);
    QCOMPARE(large, Appearance::instance().presentationScale() * Appearance::windowFactorFor(QSize(1920, 1080)));
    QVERIFY(QApplication::font().pointSizeF() > small_font);
    QVERIFY(Appearance::instance().lineWidth() > 2.0 * small);
    // Check boxes grow with the text (the style's indicator), not only their labels.
    QVERIFY(qApp->style()->pixelMetric(QStyle::PM_IndicatorWidth) >= box_normal * large - 1);
    QTest::keyClick(&w, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(Appearance::instance().scale() > large);
    QTest::keyClick(&w, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(&w, Qt::Key_Escape);
    QCOMPARE(Appearance::instance().scale(), 1.0);
    QCOMPARE(qApp->style()->pixelMetric(QStyle::PM_IndicatorWidth), box_normal);
  }

  void settingsAreRemembered() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath("gradscope.ini"), QSettings::IniFormat);
    {
      MainWindow w(&settings);
      w.showLab("autograd");
      w.setLanguage("ko");
      Appearance::instance().setPresentationScale(2.0);
      w.close();
    }
    QCOMPARE(settings.value("lab/last").toString(), QString("autograd"));
    QCOMPARE(settings.value("ui/language").toString(), QString("ko"));
    QCOMPARE(settings.value("presentation/scale").toDouble(), 2.0);
    QVERIFY(!settings.value("window/geometry").toByteArray().isEmpty());
    MainWindow again(&settings);
    QCOMPARE(again.currentLabId(), QString("autograd"));
    Appearance::instance().setPresentationScale(1.6);
  }

  void penDrawsOverTheLabAndLetsClicksThroughWhenOff() {
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.showLab("perceptron"));
    AnnotationOverlay* pen = w.annotations();
    QVERIFY(pen);
    QVERIFY(!pen->isActive());
    QVERIFY(pen->testAttribute(Qt::WA_TransparentForMouseEvents));  // off: clicks reach the lab
    QTest::keyClick(&w, Qt::Key_P);
    QVERIFY(pen->isActive());
    QVERIFY(w.penAction()->isChecked());
    QVERIFY(!pen->testAttribute(Qt::WA_TransparentForMouseEvents));
    QCOMPARE(pen->geometry(), QRect(QPoint(0, 0), w.currentLab()->parentWidget()->size()));  // it covers the lab
    // A stroke: press, move, release.
    QTest::mousePress(pen, Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
    QTest::mouseMove(pen, QPoint(160, 130));
    QTest::mouseMove(pen, QPoint(220, 110));
    QTest::mouseRelease(pen, Qt::LeftButton, Qt::NoModifier, QPoint(230, 100));
    QCOMPARE(pen->strokeCount(), 1);
    // The drawing is in what the window shows (and so in screenshots): magenta pixels on the stroke.
    const QImage shot = w.grab().toImage();
    const QPoint at = pen->mapTo(&w, QPoint(160, 130));
    int magenta = 0;
    for (int dy = -3; dy <= 3; ++dy)
      for (int dx = -3; dx <= 3; ++dx) {
        const QColor c = shot.pixelColor(at + QPoint(dx, dy));
        magenta += c.red() > 180 && c.green() < 80 && c.blue() > 80;
      }
    QVERIFY2(magenta > 0, "the stroke is not in the window's image");
    QTest::keyClick(&w, Qt::Key_P);  // off: the drawing stays, clicks go through again
    QVERIFY(!pen->isActive());
    QCOMPARE(pen->strokeCount(), 1);
    QVERIFY(pen->testAttribute(Qt::WA_TransparentForMouseEvents));
    QTest::keyClick(&w, Qt::Key_C);
    QCOMPARE(pen->strokeCount(), 0);
    // A lab switch clears the drawing.
    QTest::keyClick(&w, Qt::Key_P);
    QTest::mouseClick(pen, Qt::LeftButton, Qt::NoModifier, QPoint(50, 50));
    QCOMPARE(pen->strokeCount(), 1);
    QVERIFY(w.showLab("descent"));
    QCOMPARE(pen->strokeCount(), 0);
  }

  void sessionAutosaveAndRecovery() {
    QTemporaryDir dir;
    const QString path = dir.filePath("gradscope/session.json");
    {
      MainWindow w;
      w.session()->setFile(path);
      QVERIFY(w.showLab("builder"));
      auto* builder = qobject_cast<BuilderLab*>(w.currentLab());
      builder->builder()->addLayer("Dropout", 4);
      QVERIFY(w.showLab("playground"));
      auto* playground = qobject_cast<PlaygroundLab*>(w.currentLab());
      playground->setDataset("spiral");
      playground->setHiddenLayers({6, 5, 4});
      QCOMPARE(w.session()->save(/*clean=*/false), QString());  // as the minute timer does; then the window dies unclosed
    }
    QString error;
    const nlohmann::json session = SessionStore::read(path, &error);
    QVERIFY2(!session.is_null(), qPrintable(error));
    QCOMPARE(session["clean"].get<bool>(), false);
    QCOMPARE(session["lab"].get<std::string>(), std::string("playground"));
    {
      MainWindow w;
      QCOMPARE(w.session()->restore(session), QString());
      QCOMPARE(w.currentLabId(), QString("playground"));
      auto* playground = qobject_cast<PlaygroundLab*>(w.currentLab());
      QCOMPARE(playground->hiddenLayers(), (std::vector<int>{6, 5, 4}));
      QCOMPARE(playground->networkSpec().input_shape, gs::Shape{2});
      QVERIFY(w.showLab("builder"));
      auto* builder = qobject_cast<BuilderLab*>(w.currentLab());
      QCOMPARE(builder->builder()->layerCount(), 6);
      QCOMPARE(builder->builder()->specJson()["layers"][4]["type"].get<std::string>(), std::string("Dropout"));
      // A normal close marks the session clean: nothing to offer next time.
      w.session()->setFile(path);
      w.close();
    }
    QCOMPARE(SessionStore::read(path, &error)["clean"].get<bool>(), true);
    // Broken or newer files are refused with their name, and nothing is restored from them.
    QFile broken(dir.filePath("broken.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"labs\": {");
    broken.close();
    QVERIFY(SessionStore::read(broken.fileName(), &error).is_null());
    QVERIFY(error.contains("broken.json") && error.contains("not valid JSON"));
    QFile newer(dir.filePath("newer.json"));
    QVERIFY(newer.open(QIODevice::WriteOnly));
    newer.write("{\"version\": 7, \"labs\": {}}");
    newer.close();
    QVERIFY(SessionStore::read(newer.fileName(), &error).is_null());
    QVERIFY(error.contains("newer GradScope (version 7)"));
    // A damaged lab state is reported; the other labs still come back.
    nlohmann::json damaged = session;
    damaged["labs"]["builder"]["layers"][0]["type"] = "Conv3d";
    MainWindow w;
    const QString problems = w.session()->restore(damaged);
    QVERIFY2(problems.contains("builder") && problems.contains("Conv3d"), qPrintable(problems));
    QCOMPARE(qobject_cast<PlaygroundLab*>(w.currentLab())->hiddenLayers(), (std::vector<int>{6, 5, 4}));
  }

  // A session file with a field of the wrong type used to abort every start (an uncaught
  // json::type_error): now it is refused naming the field, moved aside once (kept for the user)
  // and never read again; a lab state that throws is reported and the other labs come back.
  void brokenSessionIsMovedAsideNotACrashLoop() {
    QTemporaryDir dir;
    const QString path = dir.filePath("session.json");
    for (const char* text : {R"({"version": 1, "clean": "no", "labs": {"builder": {}}})", R"({"version": 1, "clean": false, "saved_at": 5, "labs": {"x": 1}})",
                             R"({"version": "1", "labs": {}})", R"([1, 2])", R"({"version": 1, "clean": false, "lab": [], "labs": {"a": 1}})"}) {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(text);
      f.close();
      SessionStore store([] { return QList<Lab*>(); }, [] { return QString(); }, [](const QString&) { return nullptr; });
      store.setFile(path);
      QString moved;
      QVERIFY(store.unfinished(&moved).is_null());
      QVERIFY2(moved.contains("moved to") && moved.contains(".broken-"), qPrintable(moved));
      QVERIFY(!QFile::exists(path));  // never read again at the next start
      const QStringList kept = QDir(dir.path()).entryList({"session.json.broken-*"});
      QVERIFY(!kept.isEmpty());
      for (const QString& k : kept) QFile::remove(dir.filePath(k));
      QString again;
      QVERIFY(store.unfinished(&again).is_null());
      QVERIFY(again.isEmpty());
    }
    QString error;
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"version": 1, "clean": "no", "labs": {}})");
    f.close();
    QVERIFY(SessionStore::read(path, &error).is_null());
    QVERIFY2(error.contains("clean: expected true or false, got \"no\""), qPrintable(error));
  }

  void plotTitlesBreakRatherThanClip() {
    QCustomPlot* plot = makePlot("x", "y");
    addPlotTitle(plot);
    plot->resize(900, 300);
    plot->show();
    QVERIFY(QTest::qWaitForWindowExposed(plot));
    const QString title = "Epoch 12 · test loss 0.123 · accuracy 97.5 %";
    setPlotTitle(plot, title);
    auto* element = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
    QCOMPARE(element->text(), title);  // fits: one line
    plot->resize(200, 300);            // a narrow plot: two lines, broken at the middle separator
    QCOMPARE(element->text(), QString("Epoch 12 · test loss 0.123\naccuracy 97.5 %"));
    QCOMPARE(plotTitle(plot), title);
    setPlotTitle(plot, "ROC curve of the test points, AUC = 0.987");
    QCOMPARE(element->text(), QString("ROC curve of the test points,\nAUC = 0.987"));
    plot->resize(900, 300);
    QCOMPARE(element->text(), QString("ROC curve of the test points, AUC = 0.987"));
    delete plot;
  }

  // A short plot shows as many y ticks as its height holds with a gap between labels; a tall one
  // the count the lab asked for, which a later change by the lab overrides.
  void shortPlotsShowFewerTicksThanTallOnes() {
    QCustomPlot* plot = makePlot("x", "y");
    plot->yAxis->setRange(0, 90);
    plot->resize(400, 600);
    plot->show();
    QVERIFY(QTest::qWaitForWindowExposed(plot));
    plot->replot();
    QCoreApplication::processEvents();
    QCOMPARE(plot->yAxis->ticker()->tickCount(), 5);  // QCPAxisTicker's default, what was asked
    plot->resize(400, 140);
    plot->replot();
    QTRY_VERIFY(plot->yAxis->ticker()->tickCount() < 5);
    const int line = QFontMetrics(plot->yAxis->tickLabelFont()).height();
    QVERIFY2(plot->yAxis->ticker()->tickCount() <= std::max(2, plot->axisRect()->height() / (2 * line)),
             qPrintable(QString("%1 ticks in %2 px").arg(plot->yAxis->ticker()->tickCount()).arg(plot->axisRect()->height())));
    QVERIFY(plot->yAxis->ticker()->tickCount() >= 2);
    // The labels drawn really are fewer and far enough apart.
    const QVector<double> ticks = plot->yAxis->tickVector();
    for (int i = 1; i < ticks.size(); ++i)
      QVERIFY(std::abs(plot->yAxis->coordToPixel(ticks[i]) - plot->yAxis->coordToPixel(ticks[i - 1])) >= line);
    QSharedPointer<QCPAxisTicker> own(new QCPAxisTicker);
    own->setTickCount(3);
    plot->yAxis->setTicker(own);  // the lab's own choice ...
    plot->resize(400, 600);
    plot->replot();
    QTRY_COMPARE(plot->yAxis->ticker()->tickCount(), 3);  // ... is what comes back when there is room
    delete plot;
  }

  // Bars named by a text ticker have no zero line through the first bar.
  void categoryAxesDrawNoZeroLine() {
    QCustomPlot* plot = makePlot("class", "p");
    QSharedPointer<QCPAxisTickerText> names(new QCPAxisTickerText);
    names->addTick(0, "z1");
    names->addTick(1, "z2");
    plot->xAxis->setTicker(names);
    plot->xAxis->setRange(-0.5, 1.5);
    QVERIFY(plot->xAxis->grid()->zeroLinePen() != Qt::NoPen);  // (as styled, before a layout)
    plot->replot();
    QCOMPARE(plot->xAxis->grid()->zeroLinePen().style(), Qt::NoPen);
    QVERIFY(plot->yAxis->grid()->zeroLinePen().style() != Qt::NoPen);  // a number axis keeps its zero
    delete plot;
  }

  void exportWritesPngSvgAndPdf() {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTemporaryDir dir;
    for (const LabInfo& info : labRegistry()) {
      const QString id = info.id;
      w.showLab(id);
      for (const auto& [name, plot] : w.currentLab()->exportablePlots()) {
        for (const char* ext : {"png", "svg", "pdf"}) {
          const QString path = dir.filePath(id + "-" + QString::number(qHash(name)) + "." + ext);
          QCOMPARE(exportWidget(plot, path), QString());
          QFile f(path);
          QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
          const QByteArray head = f.read(8);
          if (QString(ext) == "png") QVERIFY(head.startsWith("\x89PNG"));
          if (QString(ext) == "pdf") QVERIFY(head.startsWith("%PDF"));
          if (QString(ext) == "svg") QVERIFY(f.readAll().contains("<svg"));
          QVERIFY2(f.size() > 500, qPrintable(QString("%1 (%2): %3 bytes").arg(path, name).arg(f.size())));
        }
      }
    }
    QVERIFY(exportWidget(w.currentLab(), dir.filePath("x.bmp")).contains("unknown file type"));
    QVERIFY(exportWidget(w.currentLab(), "/nonexistent-dir/x.png").contains("not writable"));
  }
};

// A 1280×720 screen, as a classroom projector gives: presentation mode's full screen is that size
// (the offscreen platform's own screen is 800×600).
int main(int argc, char** argv) {
  const QString config = QDir::temp().filePath(QString("tst_app_screen_%1.json").arg(QCoreApplication::applicationPid()));
  QFile file(config);
  if (file.open(QIODevice::WriteOnly))
    file.write(R"({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96}]})");
  file.close();
  if (qEnvironmentVariable("QT_QPA_PLATFORM", "offscreen") == "offscreen") qputenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + config).toUtf8());
  QApplication app(argc, argv);
  app.setAttribute(Qt::AA_Use96Dpi, true);
  QTEST_SET_MAIN_SOURCE_PATH
  TestApp test;
  const int status = QTest::qExec(&test, argc, argv);
  QFile::remove(config);
  return status;
}
#include "tst_app.moc"
