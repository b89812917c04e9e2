// File → Open… and --open (issue 18): one entry for every file GradScope writes, its kind decided
// by its content rather than its name; and the File menu's place for the open lab's own actions.
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QtEndian>
#include <utility>

#include "app/json_file.h"
#include "app/lab.h"
#include "app/lab_registry.h"
#include "app/lesson.h"
#include "app/main_window.h"
#include "app/settings_keys.h"

namespace gsui {
namespace {

/// A safetensors file starts with its header's length (8 bytes, little-endian) and the header,
/// a JSON object: the reader checks the rest.
bool looksLikeSafetensors(const QByteArray& head, qint64 size) {
  if (head.size() < 9 || head[8] != '{') return false;
  const quint64 header = qFromLittleEndian<quint64>(head.constData());
  return header >= 2 && header <= static_cast<quint64>(size) - 8;
}

/// JSON is text: a NUL byte or a control character other than white space says it is not.
bool looksBinary(const QByteArray& head) {
  for (const char c : head) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') return true;
  }
  return false;
}

}  // namespace

QString MainWindow::openFile(const QString& path) {
  const QFileInfo info(path);
  if (!info.isFile()) return tr("cannot open \"%1\": there is no such file").arg(path);
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return tr("cannot open \"%1\": %2").arg(path, file.errorString());
  const QByteArray head = file.read(64);
  file.close();
  const QString expected = tr("%1 is not a file GradScope opens: expected a lesson (a \"format\" field), a scenario (a \"lab\" field) "
                              "or a network (a \"layers\" field) as JSON, or weights as safetensors")
                               .arg(path);
  if (looksLikeSafetensors(head, info.size())) {
    if (!current_ || !current_->hasWeights())
      return tr("%1 holds weights (safetensors): open a lab with a network to load them into (the Playground, the Network builder, "
                "the CNN lab's Train page)")
          .arg(path);
    return loadWeightsFrom(path);
  }
  if (looksBinary(head)) return expected;
  const JsonFile read = readJsonFile(path);
  if (!read.ok()) return read.error;
  const nlohmann::json& j = read.json;
  if (!j.is_object()) return expected;
  if (j.contains("format")) {
    if (j["format"] != "gradscope-lesson")
      return tr("%1: format: expected \"gradscope-lesson\" (a lesson), got %2").arg(path, QString::fromStdString(j["format"].dump()));
    return startLesson(path);
  }
  if (j.contains("lab")) {
    if (!j["lab"].is_string()) return tr("%1: lab: expected a lab's id, got %2").arg(path, QString::fromStdString(j["lab"].dump()));
    const QString id = QString::fromStdString(j["lab"].get<std::string>());
    if (!findLab(id)) {
      QStringList ids;
      for (const LabInfo& lab : labRegistry()) ids << lab.id;
      return tr("%1: lab: no lab \"%2\" (the labs are %3)").arg(path, id, ids.join(", "));
    }
    return openInLab(id, path, j);
  }
  if (j.contains("layers")) return openInLab(labs::kBuilder, path, j);
  return expected;
}

QString MainWindow::openInLab(const QString& id, const QString& path, const nlohmann::json& json) {
  Lab* lab = labById(id);
  if (!lab) return tr("%1: lab: no lab \"%2\"").arg(path, id);
  if (const QString problem = lab->openFile(path, json); !problem.isEmpty()) return problem;
  showLab(id);
  statusBar()->showMessage(tr("Opened %1").arg(path), 6000);
  return {};
}

void MainWindow::openFileDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open"), QString(),
                                                    tr("GradScope files (*.json *.safetensors);;All files (*)"));
  if (path.isEmpty()) return;
  if (const QString problem = openFile(path); !problem.isEmpty()) QMessageBox::warning(this, tr("Open"), problem);
}

void MainWindow::updateLabFileActions() {
  if (!file_menu_ || !lab_actions_end_) return;
  for (const QPointer<QAction>& a : std::as_const(lab_file_actions_))
    if (a) file_menu_->removeAction(a);
  lab_file_actions_.clear();
  if (!current_) return;
  for (QAction* a : current_->fileActions()) {
    file_menu_->insertAction(lab_actions_end_, a);
    lab_file_actions_ << a;
  }
}

}  // namespace gsui
