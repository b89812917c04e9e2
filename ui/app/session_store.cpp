#include "app/session_store.h"

#include <QDateTime>
#include <QFile>
#include <QTimer>

#include "app/json_file.h"
#include "util/json_error.h"
#include "app/lab.h"

namespace gsui {

SessionStore::SessionStore(LabsFn labs, std::function<QString()> current_lab, OpenFn open_lab, QObject* parent)
    : QObject(parent), labs_(std::move(labs)), current_lab_(std::move(current_lab)), open_lab_(std::move(open_lab)), timer_(new QTimer(this)) {
  timer_->setInterval(60 * 1000);
  connect(timer_, &QTimer::timeout, this, [this] {
    const QString error = save(false);
    if (!error.isEmpty()) emit autosaveFailed(error);
  });
}

void SessionStore::setFile(const QString& path) {
  file_ = path;
  if (path.isEmpty()) timer_->stop();
  else timer_->start();
}

QString SessionStore::save(bool clean) {
  if (file_.isEmpty()) return tr("no session file");
  nlohmann::json labs = nlohmann::json::object();
  for (Lab* lab : labs_()) {
    const nlohmann::json state = lab->sessionState();
    if (!state.is_null()) labs[lab->labId().toStdString()] = state;
  }
  return writeJsonFile(file_, {{"version", kVersion},
                               {"clean", clean},
                               {"saved_at", QDateTime::currentDateTime().toString(Qt::ISODate).toStdString()},
                               {"lab", current_lab_().toStdString()},
                               {"labs", labs}});
}

nlohmann::json SessionStore::read(const QString& path, QString* error) {
  JsonFile file = readJsonFile(path);
  if (!file.ok()) {
    *error = file.error;
    return nullptr;
  }
  const nlohmann::json& j = file.json;
  if (!j.is_object() || !j.contains("labs") || !j["labs"].is_object()) {
    *error = tr("\"%1\" is not a GradScope session (no \"labs\")").arg(path);
    return nullptr;
  }
  const nlohmann::json version = j.value("version", nlohmann::json(kVersion));
  if (!version.is_number_integer()) {
    *error = tr("\"%1\": version: expected a whole number, got %2").arg(path, QString::fromStdString(version.dump()).left(40));
    return nullptr;
  }
  if (version.get<std::int64_t>() > kVersion) {
    *error = tr("\"%1\" was written by a newer GradScope (version %2)").arg(path, QString::fromStdString(version.dump()).left(40));
    return nullptr;
  }
  // Every field read later has its type checked here, so nothing after can throw on it.
  for (const auto& [field, type] : {std::pair{"clean", nlohmann::json::value_t::boolean}, std::pair{"saved_at", nlohmann::json::value_t::string},
                                     std::pair{"lab", nlohmann::json::value_t::string}}) {
    if (j.contains(field) && j[field].type() != type) {
      *error = tr("\"%1\": %2: expected %3, got %4")
                   .arg(path, field, type == nlohmann::json::value_t::boolean ? tr("true or false") : tr("a string"),
                        QString::fromStdString(j[field].dump()).left(40));
      return nullptr;
    }
  }
  return std::move(file.json);
}

QString SessionStore::restore(const nlohmann::json& session) {
  QStringList problems;
  for (const auto& [id, state] : session["labs"].items()) {
    const QString lab_id = QString::fromStdString(id);
    Lab* lab = open_lab_(lab_id);
    if (!lab) {
      problems << tr("%1: no such lab").arg(lab_id);
      continue;
    }
    QString error;
    try {  // a lab that meets a value of the wrong type reports it; the others still come back
      error = lab->restoreSessionState(state);
    } catch (const std::exception& e) {
      error = QString::fromStdString(gs::describe_json_error(e.what())).left(200);  // names the field at fault
    }
    if (!error.isEmpty()) problems << QString("%1: %2").arg(lab_id, error);
  }
  const QString lab = QString::fromStdString(session.value("lab", std::string()));
  if (!lab.isEmpty()) (void)open_lab_(lab);
  return problems.join('\n');
}

nlohmann::json SessionStore::unfinished(QString* moved_aside) const {
  if (file_.isEmpty() || !QFile::exists(file_)) return nullptr;
  QString error;
  nlohmann::json session = read(file_, &error);
  if (session.is_null()) {
    // Never again at start-up (a crash loop the learner could not leave), but kept for them.
    const QString aside = file_ + ".broken-" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss");
    const bool moved = QFile::rename(file_, aside) || QFile::remove(file_);
    if (moved_aside)
      *moved_aside = QFile::exists(aside) ? tr("The last session could not be restored (%1). It was moved to %2.").arg(error, aside)
                                          : tr("The last session could not be restored (%1) and was removed.").arg(error);
    if (!moved && moved_aside) *moved_aside = tr("The last session could not be restored (%1).").arg(error);
    return nullptr;
  }
  if (session.value("clean", true) || session["labs"].empty()) return nullptr;
  return session;
}

}  // namespace gsui
