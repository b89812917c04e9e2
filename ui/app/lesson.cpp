#include "app/lesson.h"

#include <QCoreApplication>
#include <QDir>

#include "app/json_file.h"
#include "app/language.h"

namespace gsui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("gsui::Lesson", text); }

QString shortDump(const nlohmann::json& j) { return QString::fromStdString(j.dump()).left(60); }

/// A text field: one string, or {"en": …, "ko": …} with at least English.
QString readText(const nlohmann::json& j, const QString& field, LessonText* out) {
  if (j.is_string()) {
    out->en = out->ko = QString::fromStdString(j.get<std::string>());
    return {};
  }
  if (!j.is_object() || !j.contains("en") || !j["en"].is_string() || (j.contains("ko") && !j["ko"].is_string()))
    return tr("%1: expected a text or {\"en\": text, \"ko\": text}, got %2").arg(field, shortDump(j));
  out->en = QString::fromStdString(j["en"].get<std::string>());
  out->ko = QString::fromStdString(j.value("ko", std::string()));
  return {};
}

nlohmann::json textToJson(const LessonText& t) {
  if (t.ko.isEmpty() || t.ko == t.en) return t.en.toStdString();
  return {{"en", t.en.toStdString()}, {"ko", t.ko.toStdString()}};
}

QString readStep(const nlohmann::json& j, const QString& at, const QStringList& known_labs, LessonStep* step) {
  if (!j.is_object()) return tr("%1: expected an object, got %2").arg(at, shortDump(j));
  static const QStringList fields = {"lab", "page", "state", "controls", "highlight", "lock", "run", "caption", "question"};
  for (const auto& [key, value] : j.items())
    if (!fields.contains(QString::fromStdString(key)))
      return tr("%1.%2: unknown field (the fields are %3)").arg(at, QString::fromStdString(key), fields.join(", "));
  if (!j.contains("lab") || !j["lab"].is_string()) return tr("%1.lab: expected a lab id").arg(at);
  step->lab = QString::fromStdString(j["lab"].get<std::string>());
  if (!known_labs.contains(step->lab))
    return tr("%1.lab: this GradScope has no lab \"%2\" (it has %3)").arg(at, step->lab, known_labs.join(", "));
  if (j.contains("page")) {
    if (!j["page"].is_string()) return tr("%1.page: expected a page id, got %2").arg(at, shortDump(j["page"]));
    step->page = QString::fromStdString(j["page"].get<std::string>());
  }
  if (j.contains("state")) step->state = j["state"];
  if (j.contains("controls")) {
    if (!j["controls"].is_object()) return tr("%1.controls: expected {name: value}, got %2").arg(at, shortDump(j["controls"]));
    for (const auto& [name, value] : j["controls"].items())
      if (!value.is_number() && !value.is_boolean() && !value.is_string())
        return tr("%1.controls.%2: expected a number, true/false or a text, got %3").arg(at, QString::fromStdString(name), shortDump(value));
    step->controls = j["controls"];
  }
  if (j.contains("highlight")) {
    if (!j["highlight"].is_array()) return tr("%1.highlight: expected a list of control names").arg(at);
    for (const nlohmann::json& h : j["highlight"]) {
      if (!h.is_string()) return tr("%1.highlight: expected control names, got %2").arg(at, shortDump(h));
      step->highlight << QString::fromStdString(h.get<std::string>());
    }
  }
  if (j.contains("lock")) {
    if (!j["lock"].is_boolean()) return tr("%1.lock: expected true or false, got %2").arg(at, shortDump(j["lock"]));
    step->lock = j["lock"].get<bool>();
  }
  if (j.contains("run")) {
    const nlohmann::json& r = j["run"];
    if (!r.is_number_integer() || r.get<std::int64_t>() < 0 || r.get<std::int64_t>() > kMaxLessonRun)
      return tr("%1.run: expected a number of steps from 0 to %2, got %3").arg(at).arg(kMaxLessonRun).arg(shortDump(r));
    step->run = static_cast<int>(r.get<std::int64_t>());
  }
  if (!j.contains("caption")) return tr("%1.caption: a step needs a caption").arg(at);
  if (QString p = readText(j["caption"], at + ".caption", &step->caption); !p.isEmpty()) return p;
  if (j.contains("question"))
    if (QString p = readText(j["question"], at + ".question", &step->question); !p.isEmpty()) return p;
  return {};
}

}  // namespace

QString LessonText::text() const { return Language::instance().language() == "ko" && !ko.isEmpty() ? ko : en; }

QString parseLesson(const nlohmann::json& j, const QStringList& known_labs, Lesson* out) {
  if (!j.is_object() || j.value("format", std::string()) != "gradscope-lesson")
    return tr("not a GradScope lesson (\"format\": \"gradscope-lesson\" is missing)");
  if (!j.contains("version") || !j["version"].is_number_integer())
    return tr("version: expected a whole number, got %1").arg(shortDump(j.value("version", nlohmann::json())));
  if (j["version"].get<std::int64_t>() > kLessonVersion)
    return tr("version %1: this lesson was written by a newer GradScope (this one reads version %2)")
        .arg(shortDump(j["version"]))
        .arg(kLessonVersion);
  if (j["version"].get<std::int64_t>() < 1) return tr("version: expected 1, got %1").arg(shortDump(j["version"]));
  Lesson lesson;
  if (!j.contains("id") || !j["id"].is_string() || j["id"].get<std::string>().empty())
    return tr("id: expected a name for the lesson");
  lesson.id = QString::fromStdString(j["id"].get<std::string>());
  if (!j.contains("title")) return tr("title: a lesson needs a title");
  if (QString p = readText(j["title"], "title", &lesson.title); !p.isEmpty()) return p;
  if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty())
    return tr("steps: expected a list of at least one step");
  if (j["steps"].size() > static_cast<std::size_t>(kMaxLessonSteps))
    return tr("steps: %1 steps, at most %2").arg(j["steps"].size()).arg(kMaxLessonSteps);
  for (std::size_t i = 0; i < j["steps"].size(); ++i) {
    LessonStep step;
    if (QString p = readStep(j["steps"][i], QString("steps[%1]").arg(i), known_labs, &step); !p.isEmpty()) return p;
    lesson.steps.push_back(std::move(step));
  }
  *out = std::move(lesson);
  return {};
}

nlohmann::json lessonToJson(const Lesson& lesson) {
  nlohmann::json steps = nlohmann::json::array();
  for (const LessonStep& s : lesson.steps) {
    nlohmann::json j = {{"lab", s.lab.toStdString()}, {"caption", textToJson(s.caption)}};
    if (!s.page.isEmpty()) j["page"] = s.page.toStdString();
    if (!s.state.is_null()) j["state"] = s.state;
    if (!s.controls.is_null()) j["controls"] = s.controls;
    if (!s.highlight.isEmpty()) {
      j["highlight"] = nlohmann::json::array();
      for (const QString& h : s.highlight) j["highlight"].push_back(h.toStdString());
    }
    if (!s.lock) j["lock"] = false;
    if (s.run > 0) j["run"] = s.run;
    if (!s.question.empty()) j["question"] = textToJson(s.question);
    steps.push_back(std::move(j));
  }
  return {{"format", "gradscope-lesson"},
          {"version", kLessonVersion},
          {"id", lesson.id.toStdString()},
          {"title", textToJson(lesson.title)},
          {"steps", std::move(steps)}};
}

QString readLessonFile(const QString& path, const QStringList& known_labs, Lesson* out) {
  const JsonFile file = readJsonFile(path);
  if (!file.ok()) return file.error;
  if (QString p = parseLesson(file.json, known_labs, out); !p.isEmpty()) return QString("\"%1\": %2").arg(path, p);
  return {};
}

QString writeLessonFile(const QString& path, const Lesson& lesson) { return writeJsonFile(path, lessonToJson(lesson)); }

QStringList shippedLessonFiles() {
  QStringList files;
  for (const QString& name : QDir(":/lessons").entryList({"*.json"}, QDir::Files, QDir::Name)) files << ":/lessons/" + name;
  return files;
}

}  // namespace gsui
