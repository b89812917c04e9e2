#include "app/app_runner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QDeadlineTimer>
#include <QTimer>
#include <cstdio>
#include <unistd.h>
#include <cstdlib>
#include <variant>

#include "app/appearance.h"
#include "app/lab.h"
#include "app/lab_registry.h"
#include "app/language.h"
#include "app/lesson.h"
#include "app/layout_check.h"
#include "app/main_window.h"
#include "app/session_store.h"
#include "app/settings_keys.h"

namespace gsui {
namespace {

bool hasDisplay() {
  const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
  if (!platform.isEmpty()) return true;  // the user chose a platform (offscreen, xcb, wayland, ...)
  return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

void printError(const QString& text) { std::fprintf(stderr, "gradscope: %s\n", qPrintable(text)); }

/// The command line, checked.
struct Options {
  QString lab;       ///< "" : the last one
  QString page;      ///< a page of the lab ("" : its first)
  QString language;  ///< "" : the saved or the system's
  bool presentation = false;
  int steps = 0;
  QSize size;        ///< invalid: the saved or the default
  QString screenshot;
  bool check_layout = false;
  bool check_language = false;  ///< with --check-layout in Korean: also English left on screen
  QString lesson;    ///< a shipped lesson's id or a lesson file ("" : none)
  int lesson_step = 1;  ///< from 1
  QString open;      ///< a file for MainWindow::openFile ("" : none)
};

/// The window size of --size, or the problem.
std::variant<QSize, QString> parseSize(const QString& text) {
  const QStringList wh = text.split('x');
  const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
  if (wh.size() != 2 || w < 320 || h < 240 || w > 8000 || h > 8000)
    return QString("--size: expected WIDTHxHEIGHT between 320x240 and 8000x8000, got \"%1\"").arg(text);
  return QSize(w, h);
}

/// Reads and checks the options; the problem (printed by the caller, exit status 2) otherwise.
std::variant<Options, QString> parseOptions(const QCommandLineParser& parser) {
  Options o;
  o.lab = parser.value("lab");
  if (!o.lab.isEmpty() && !findLab(o.lab)) {
    QStringList ids;
    for (const LabInfo& info : labRegistry()) ids << info.id;
    return QString("unknown lab \"%1\"; the labs are: %2").arg(o.lab, ids.join(", "));
  }
  o.page = parser.value("page");
  bool ok = true;
  o.steps = parser.value("steps").toInt(&ok);
  if (!ok || o.steps < 0 || o.steps > 100000) return QString("--steps: expected a number from 0 to 100000, got \"%1\"").arg(parser.value("steps"));
  if (parser.isSet("size")) {
    const auto size = parseSize(parser.value("size"));
    if (const QString* problem = std::get_if<QString>(&size)) return *problem;
    o.size = std::get<QSize>(size);
  }
  o.language = parser.value("lang");
  if (parser.isSet("lang") && !Language::available().contains(o.language)) return QString("--lang: expected en or ko, got \"%1\"").arg(o.language);
  o.presentation = parser.isSet("presentation");
  o.lesson = parser.value("lesson");
  if (parser.isSet("lesson-step")) {
    o.lesson_step = parser.value("lesson-step").toInt(&ok);
    if (!ok || o.lesson_step < 1 || o.lesson_step > kMaxLessonSteps)
      return QString("--lesson-step: expected a step number from 1 to %1, got \"%2\"").arg(kMaxLessonSteps).arg(parser.value("lesson-step"));
    if (o.lesson.isEmpty()) return QString("--lesson-step: give the lesson with --lesson ID");
  }
  o.open = parser.value("open");
  o.check_layout = parser.isSet("check-layout");
  o.check_language = parser.isSet("check-language");
  if (parser.isSet("screenshot")) {
    o.screenshot = parser.value("screenshot");
    const QFileInfo target(o.screenshot);
    if (o.screenshot.isEmpty() || !QFileInfo(target.absolutePath()).isDir() || !QFileInfo(target.absolutePath()).isWritable())
      return QString("--screenshot: cannot write \"%1\": its folder does not exist or is not writable").arg(o.screenshot);
  }
  return o;
}

void addOptions(QCommandLineParser& parser) {
  parser.setApplicationDescription("GradScope: learn deep learning by doing.");
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOptions({{"list-labs", "Print the lab ids (with group, title and pages) and exit."},
                     {"list-lessons", "Print the shipped lessons (id, steps, title) and exit."},
                     {"lesson", "Start the lesson <id> (a shipped lesson's id, or a lesson file).", "id"},
                     {"lesson-step", "With --lesson: start at step <n> (from 1); with --screenshot, render that step.", "n"},
                     {"lab", "Open lab <id>.", "id"},
                     {"open", "Open <file>: a lesson, a scenario (in its lab), a network (in the builder), or safetensors "
                              "weights (into the open lab).", "file"},
                     {"page", "Show page <id> of the lab (e.g. --lab cnn --page train).", "id"},
                     {"lang", "Interface language: en or ko (default: the system's).", "code"},
                     {"presentation", "Start in presentation mode."},
                     {"steps", "Advance the lab <n> steps.", "n", "0"},
                     {"size", "Window size, e.g. 1280x720.", "WxH"},
                     {"check-layout", "Lay the labs out offscreen (--lab: one lab, --page: one page) and list every text cut or elided, "
                                      "widget clipped, horizontal scroll bar, small plot and primary control out of sight; exit 1 if any."},
                     {"check-language", "With --check-layout --lang ko: also list every text on screen still in English."},
                     {"screenshot", "Render offscreen, write the PNG <file>, exit.", "file"}});
}

/// Lets layouts, plots and queued replots settle, then writes the window (with its OpenGL views
/// painted in: a grab cannot read them) as a PNG. The exit status.
int writeScreenshot(QApplication& app, MainWindow& window, const QString& path) {
  int status = 1;
  QTimer::singleShot(400, &app, [&] {
    // Work the lab started (a data set loading, steps running in its worker) finishes first.
    QDeadlineTimer deadline(120000);
    while (window.currentLab() && window.currentLab()->busy() && !deadline.hasExpired()) QApplication::processEvents(QEventLoop::AllEvents, 50);
    QApplication::processEvents();
    QImage image = window.grab().toImage();
    if (window.currentLab()) {
      QPainter painter(&image);
      for (const auto& [widget, render] : window.currentLab()->openGLRenders()) {
        if (!widget->isVisible() || render.isNull()) continue;
        const QPoint at = widget->mapTo(&window, QPoint(0, 0));
        painter.drawImage(QRectF(at, QSizeF(widget->size())), render, QRectF(QPointF(0, 0), QSizeF(render.size())));
      }
    }
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && image.save(&file, "PNG") && file.commit()) status = 0;
    else printError(QString("--screenshot: cannot write \"%1\"").arg(path));
    app.quit();
  });
  app.exec();
  return status;
}

/// Milliseconds since this process started (the kernel's start time, so the loading of the shared
/// libraries before main() counts), for GRADSCOPE_STARTUP_TIMING.
double msSinceProcessStart() {
  QFile stat("/proc/self/stat"), uptime("/proc/uptime");
  if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly)) return -1;
  const QString text = QString::fromLatin1(stat.readAll());
  const QStringList fields = text.mid(text.lastIndexOf(')') + 2).split(' ');  // after "(comm)": field 3 onwards
  const double start_ticks = fields.value(19).toDouble();                       // field 22: starttime
  const double now_s = QString::fromLatin1(uptime.readAll()).split(' ').value(0).toDouble();
  return (now_s - start_ticks / static_cast<double>(sysconf(_SC_CLK_TCK))) * 1000.0;
}

/// Lets the window's layouts, plots and the lab's work settle.
void settle(MainWindow& window) {
  QDeadlineTimer deadline(120000);
  QApplication::processEvents();
  while (window.currentLab() && window.currentLab()->busy() && !deadline.hasExpired()) QApplication::processEvents(QEventLoop::AllEvents, 50);
  for (int i = 0; i < 3; ++i) {
    QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QApplication::processEvents();
  }
}

/// --check-layout: every page of `labs` (or only `page`), laid out in the window as it is; the
/// problems on standard output, one per line. The exit status: 1 when there is any.
int checkLayouts(MainWindow& window, const QStringList& labs, const QString& page, bool check_language, QSize screen) {
  int problems = 0;
  for (const QString& id : labs) {
    window.showLab(id);
    const QStringList pages = !page.isEmpty() ? QStringList{page} : window.currentLab()->pageIds().isEmpty() ? QStringList{QString()} : window.currentLab()->pageIds();
    for (const QString& p : pages) {
      if (!p.isEmpty()) window.currentLab()->showPage(p);
      settle(window);
      QVector<LayoutProblem> found = checkLayout(&window);
      // The window itself must fit the screen it was given: a lab whose minimum size is larger
      // pushes it past the edge (the offscreen platform lets it grow; a projector does not).
      if (window.width() > screen.width() || window.height() > screen.height())
        found.push_front({"window larger than the screen", id, "MainWindow",
                          QString("%1×%2 on a %3×%4 screen").arg(window.width()).arg(window.height()).arg(screen.width()).arg(screen.height())});
      if (check_language) found += checkLanguage(&window);
      for (const LayoutProblem& problem : found) {
        std::printf("%s%s: %s\n", qPrintable(id), qPrintable(p.isEmpty() ? QString() : "/" + p), qPrintable(describe(problem)));
        ++problems;
      }
    }
  }
  std::fflush(stdout);
  return problems > 0 ? 1 : 0;
}

}  // namespace

int runApp(int argc, char** argv) {
  // Look at the arguments before QApplication exists: screenshots need no display.
  bool screenshot = false, list = false;
  for (int i = 1; i < argc; ++i) {
    const QByteArray a(argv[i]);
    screenshot = screenshot || a == "--screenshot" || a.startsWith("--screenshot=") || a == "--check-layout";
    list = list || a == "--list-labs" || a == "--list-lessons";
  }
  if ((screenshot || list) && !hasDisplay()) qputenv("QT_QPA_PLATFORM", "offscreen");
  if (!screenshot && !list && !hasDisplay()) {
    printError("no display found (DISPLAY and WAYLAND_DISPLAY are unset). Render a lab without one with\n"
               "  gradscope --lab perceptron --screenshot perceptron.png");
    return 3;
  }

  QApplication app(argc, argv);
  QApplication::setApplicationName("GradScope");
  QApplication::setOrganizationName("GradScope");
  QApplication::setApplicationVersion(GRADSCOPE_VERSION);
  QApplication::setDesktopFileName("gradscope");
  QCommandLineParser parser;
  addOptions(parser);
  parser.process(app);
  if (parser.isSet("list-labs")) {
    for (const LabInfo& info : labRegistry())
      std::printf("%s\t%s\t%s\t%s\n", qPrintable(info.id), qPrintable(groupTitle(info.group)), qPrintable(labTitle(info)),
                  qPrintable(info.pages.join(',')));
    return 0;
  }
  if (parser.isSet("list-lessons")) {
    QStringList labs;
    for (const LabInfo& info : labRegistry()) labs << info.id;
    for (const auto& [id, file] : MainWindow::shippedLessons()) {
      Lesson lesson;
      (void)readLessonFile(file, labs, &lesson);
      std::printf("%s\t%d\t%s\n", qPrintable(id), static_cast<int>(lesson.steps.size()), qPrintable(lesson.title.en));
    }
    return 0;
  }
  const auto parsed = parseOptions(parser);
  if (const QString* problem = std::get_if<QString>(&parsed)) {
    printError(*problem);
    return 2;
  }
  const Options& o = std::get<Options>(parsed);

  // Screenshots use fixed settings (nothing remembered, nothing changed on disk).
  QSettings user_settings;
  QSettings* settings = screenshot ? nullptr : &user_settings;
  QString language = o.language.isEmpty() ? Language::systemDefault() : o.language;
  if (o.language.isEmpty() && settings) language = settings->value(keys::kLanguage, language).toString();
  Appearance::instance().applyToApplication();
  Language::instance().setLanguage(language);

  MainWindow window(settings);
  window.setLanguage(language);
  if (!o.lab.isEmpty()) window.showLab(o.lab);
  if (!o.page.isEmpty() && !(window.currentLab() && window.currentLab()->showPage(o.page))) {
    const QStringList pages = window.currentLab() ? window.currentLab()->pageIds() : QStringList();
    printError(pages.isEmpty() ? QString("--page: this lab has no pages")
                               : QString("--page: unknown page \"%1\"; the pages are: %2").arg(o.page, pages.join(", ")));
    return 2;
  }
  if (screenshot) window.resize(o.size.isValid() ? o.size : QSize(1280, 720));
  else if (o.size.isValid()) window.resize(o.size);
  window.show();
  if (qEnvironmentVariableIsSet("GRADSCOPE_STARTUP_TIMING"))
    QTimer::singleShot(0, &window, [&window] {
      // After the first pass of the event loop the window has been laid out and painted.
      window.repaint();
      std::fprintf(stderr, "gradscope: first window painted %.0f ms after the process started\n", msSinceProcessStart());
    });
  if (o.presentation) window.setPresentation(true, /*full_screen=*/!screenshot);
  if (screenshot && o.size.isValid()) window.resize(o.size);
  if (!o.open.isEmpty()) {
    if (const QString problem = window.openFile(o.open); !problem.isEmpty()) {
      printError(QString("--open: %1").arg(problem));
      // Rendered or checked offscreen, a file that does not open is a failure; on screen the
      // window says so and stays.
      if (screenshot || QGuiApplication::platformName() == QLatin1String("offscreen")) return 1;
      QTimer::singleShot(0, &window, [&window, problem] { QMessageBox::warning(&window, MainWindow::tr("Open"), problem); });
    }
  }
  if (!o.lesson.isEmpty()) {
    if (const QString problem = window.startLesson(o.lesson, o.lesson_step - 1); !problem.isEmpty()) {
      printError(QString("--lesson: %1").arg(problem));
      return 2;
    }
  }
  for (int i = 0; i < o.steps && window.currentLab(); ++i) window.currentLab()->step();
  if (o.check_layout) {
    QStringList labs;
    if (!o.lab.isEmpty()) labs << o.lab;
    else
      for (const LabInfo& info : labRegistry()) labs << info.id;
    return checkLayouts(window, labs, o.page, o.check_language, o.size.isValid() ? o.size : QSize(1280, 720));
  }
  if (screenshot) return writeScreenshot(app, window, o.screenshot);
  // The session autosaves every minute and at exit; after a crash or a kill, the next start
  // offers to restore it.
  window.session()->setFile(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/session.json");
  QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
  return app.exec();
}

}  // namespace gsui
