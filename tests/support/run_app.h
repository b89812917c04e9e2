#pragma once
// Runs the app (GRADSCOPE_APP, the built `gradscope`) offscreen with `args`, for the suites that
// test its command line: the exit status (-1 when it crashed or did not finish), and what it
// wrote to standard output and standard error.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace gstest {

inline int runApp(const QStringList& args, QString* out = nullptr, QString* err = nullptr, int timeout_ms = 120000) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("QT_QPA_PLATFORM", "offscreen");
  p.setProcessEnvironment(env);
  p.start(GRADSCOPE_APP, args);
  p.waitForFinished(timeout_ms);
  if (out) *out = p.readAllStandardOutput();
  if (err) *err = p.readAllStandardError();
  return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

}  // namespace gstest
