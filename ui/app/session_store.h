#pragma once
// The autosaved session (DESIGN.md, "Files the user owns"): which lab is open and each lab's own
// state (Lab::sessionState()), in a versioned JSON file written every minute and at a normal
// exit. A session that did not end normally is offered back at the next start; a broken file or
// one from a newer GradScope is refused by name, never half-restored.
#include <QObject>
#include <QString>
#include <functional>
#include <nlohmann/json.hpp>

class QTimer;

namespace gsui {

class Lab;

class SessionStore : public QObject {
  Q_OBJECT
 public:
  static constexpr int kVersion = 1;
  /// The labs opened so far (their states are saved).
  using LabsFn = std::function<QList<Lab*>()>;
  /// Opens the lab `id` (creating it when needed) and returns it; null when there is no such lab.
  using OpenFn = std::function<Lab*(const QString& id)>;

  SessionStore(LabsFn labs, std::function<QString()> current_lab, OpenFn open_lab, QObject* parent = nullptr);

  /// Autosaves to `path` every minute from now on; "" turns autosaving off.
  void setFile(const QString& path);
  QString file() const { return file_; }
  /// Writes the session now; `clean` marks a normal exit. "" or the problem.
  QString save(bool clean);
  /// A session file's JSON, or null with the problem in *error (unreadable, broken JSON, not a
  /// session, a newer version).
  static nlohmann::json read(const QString& path, QString* error);
  /// Puts the labs back as `session` holds them and opens its lab; "" or the problems, one a line.
  QString restore(const nlohmann::json& session);
  /// The last session when it did not end normally and has something to restore; else null. A
  /// file that cannot be read as a session (broken JSON, a field of the wrong type, a newer
  /// version) is moved aside to "<file>.broken-<time>", kept for the user and never read again
  /// at start-up; *moved_aside then says so, naming both files.
  nlohmann::json unfinished(QString* moved_aside = nullptr) const;

 signals:
  /// The minute's autosave could not write the file.
  void autosaveFailed(const QString& problem);

 private:
  LabsFn labs_;
  std::function<QString()> current_lab_;
  OpenFn open_lab_;
  QString file_;
  QTimer* timer_;
};

}  // namespace gsui
