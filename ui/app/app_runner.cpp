#include "app/app_runner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <cstdlib>

#include "app/appearance.h"
#include "app/lab.h"
#include "app/lab_registry.h"
#include "app/language.h"
#include "app/main_window.h"
#include "app/settings_keys.h"

namespace gsui {
namespace {

bool hasDisplay() {
  const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
  if (!platform.isEmpty()) return true;  // the user chose a platform (offscreen, xcb, wayland, ...)
  return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

void printError(const QString& text) { std::fprintf(stderr, "gradscope: %s\n", qPrintable(text)); }

}  // namespace

int runApp(int argc, char** argv) {
  // Look at the arguments before QApplication exists: screenshots need no display.
  bool screenshot = false, list = false;
  for (int i = 1; i < argc; ++i) {
    const QByteArray a(argv[i]);
    screenshot = screenshot || a == "--screenshot" || a.startsWith("--screenshot=");
    list = list || a == "--list-labs";
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
  parser.setApplicationDescription("GradScope: learn deep learning by doing.");
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption list_opt("list-labs", "Print the lab ids and exit.");
  const QCommandLineOption lab_opt("lab", "Open lab <id>.", "id");
  const QCommandLineOption lang_opt("lang", "Interface language: en or ko (default: the system's).", "code");
  const QCommandLineOption present_opt("presentation", "Start in presentation mode.");
  const QCommandLineOption steps_opt("steps", "Advance the lab <n> steps.", "n", "0");
  const QCommandLineOption size_opt("size", "Window size, e.g. 1280x720.", "WxH");
  const QCommandLineOption shot_opt("screenshot", "Render offscreen, write the PNG <file>, exit.", "file");
  parser.addOptions({list_opt, lab_opt, lang_opt, present_opt, steps_opt, size_opt, shot_opt});
  parser.process(app);

  if (parser.isSet(list_opt)) {
    for (const LabInfo& info : labRegistry())
      std::printf("%s\t%s\t%s\n", qPrintable(info.id), qPrintable(groupTitle(info.group)), qPrintable(labTitle(info)));
    return 0;
  }
  if (parser.isSet(lab_opt) && !findLab(parser.value(lab_opt))) {
    QStringList ids;
    for (const LabInfo& info : labRegistry()) ids << info.id;
    printError(QString("unknown lab \"%1\"; the labs are: %2").arg(parser.value(lab_opt), ids.join(", ")));
    return 2;
  }
  bool ok = true;
  const int steps = parser.value(steps_opt).toInt(&ok);
  if (!ok || steps < 0 || steps > 100000) {
    printError(QString("--steps: expected a number from 0 to 100000, got \"%1\"").arg(parser.value(steps_opt)));
    return 2;
  }
  QSize size;
  if (parser.isSet(size_opt)) {
    const QStringList wh = parser.value(size_opt).split('x');
    const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
    if (wh.size() != 2 || w < 320 || h < 240 || w > 8000 || h > 8000) {
      printError(QString("--size: expected WIDTHxHEIGHT between 320x240 and 8000x8000, got \"%1\"").arg(parser.value(size_opt)));
      return 2;
    }
    size = QSize(w, h);
  }
  QString language = Language::systemDefault();
  if (parser.isSet(lang_opt)) {
    language = parser.value(lang_opt);
    if (!Language::available().contains(language)) {
      printError(QString("--lang: expected en or ko, got \"%1\"").arg(language));
      return 2;
    }
  }
  const QString shot = parser.value(shot_opt);
  if (screenshot) {
    const QFileInfo target(shot);
    if (shot.isEmpty() || !QFileInfo(target.absolutePath()).isDir() || !QFileInfo(target.absolutePath()).isWritable()) {
      printError(QString("--screenshot: cannot write \"%1\": its folder does not exist or is not writable").arg(shot));
      return 2;
    }
  }

  // Screenshots use fixed settings (nothing remembered, nothing changed on disk).
  QSettings user_settings;
  QSettings* settings = screenshot ? nullptr : &user_settings;
  if (!parser.isSet(lang_opt) && settings) language = settings->value(keys::kLanguage, language).toString();
  Appearance::instance().applyToApplication();
  Language::instance().setLanguage(language);

  MainWindow window(settings);
  window.setLanguage(language);
  if (parser.isSet(lab_opt)) window.showLab(parser.value(lab_opt));
  if (screenshot) window.resize(size.isValid() ? size : QSize(1280, 720));
  else if (size.isValid()) window.resize(size);
  window.show();
  if (parser.isSet(present_opt)) window.setPresentation(true, /*full_screen=*/!screenshot);
  if (screenshot && size.isValid()) window.resize(size);
  for (int i = 0; i < steps && window.currentLab(); ++i) window.currentLab()->step();

  if (!screenshot) {
    // The session autosaves every minute and at exit; after a crash or a kill, the next start
    // offers to restore it.
    window.setSessionFile(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/session.json");
    QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    return app.exec();
  }

  // Let layouts, plots and queued replots settle, then grab the window.
  int status = 1;
  QTimer::singleShot(400, &app, [&] {
    QApplication::processEvents();
    QImage image = window.grab().toImage();
    if (window.currentLab()) {
      QPainter painter(&image);
      const qreal dpr = image.devicePixelRatio();
      for (const auto& [widget, render] : window.currentLab()->openGLRenders()) {
        if (!widget->isVisible() || render.isNull()) continue;
        const QPoint at = widget->mapTo(&window, QPoint(0, 0));
        painter.drawImage(QRectF(at, QSizeF(widget->size())), render, QRectF(QPointF(0, 0), QSizeF(render.size())));
        Q_UNUSED(dpr);
      }
    }
    QSaveFile file(shot);
    if (file.open(QIODevice::WriteOnly) && image.save(&file, "PNG") && file.commit()) {
      status = 0;
    } else {
      printError(QString("--screenshot: cannot write \"%1\"").arg(shot));
    }
    app.quit();
  });
  app.exec();
  return status;
}

}  // namespace gsui
