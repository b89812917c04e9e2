#pragma once
// Lessons: guided walkthroughs for a class or for self-study. A lesson is a versioned JSON file
// (format below); each step opens a lab (and page), sets its state — the state the session
// autosave restores, and/or named controls set to values — highlights the controls to touch,
// locks the others, shows a caption and a question, and may run a number of steps.
//
//   {"format": "gradscope-lesson", "version": 1, "id": "learning-rate",
//    "title": {"en": "The learning rate", "ko": "학습률"},
//    "steps": [{"lab": "descent", "page": "", "state": {…}, "controls": {"rate0": 0.1},
//               "highlight": ["rate0"], "lock": true, "run": 20,
//               "caption": {"en": "…", "ko": "…"}, "question": {"en": "…", "ko": "…"}}]}
//
// "state", "controls", "page", "highlight", "lock" (default true), "run" (default 0) and
// "question" may be left out; a text may be one string for both languages. "run" presses Step
// that many times for the learner (training steps, a convolution's cells), stopping early where
// the lab has nothing left to step (Lab::canStep()): a step shows its result without a press.
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <vector>

namespace gsui {

inline constexpr int kLessonVersion = 1;
inline constexpr int kMaxLessonSteps = 200;
inline constexpr int kMaxLessonRun = 10000;  ///< steps one lesson step may run

/// A text in English and Korean; text() is the current language's (English when Korean is empty).
struct LessonText {
  QString en, ko;
  QString text() const;
  bool empty() const { return en.isEmpty() && ko.isEmpty(); }
};

struct LessonStep {
  QString lab;                 ///< a registry id
  QString page;                ///< a page of the lab ("" for its current one)
  nlohmann::json state;        ///< Lab::restoreSessionState's argument (null: none)
  nlohmann::json controls;     ///< {objectName: value} set after the state (null: none)
  QStringList highlight;       ///< objectNames of the controls to touch
  bool lock = true;            ///< the lab's other controls are disabled during the step
  int run = 0;                 ///< steps run after the state is set (fewer where the lab is done)
  LessonText caption, question;
};

struct Lesson {
  QString id;
  LessonText title;
  std::vector<LessonStep> steps;
};

/// Reads a lesson's JSON; "" or the problem, naming the field ("steps[2].lab: no lab \"cnn\"").
/// known_labs: the ids a step may open (a lesson whose lab is missing is refused by name).
QString parseLesson(const nlohmann::json& j, const QStringList& known_labs, Lesson* out);
nlohmann::json lessonToJson(const Lesson& lesson);
/// A lesson file; "" or the problem (naming the file). Nothing of a refused file is kept.
QString readLessonFile(const QString& path, const QStringList& known_labs, Lesson* out);
QString writeLessonFile(const QString& path, const Lesson& lesson);
/// The lessons shipped with GradScope (resources/lessons, in the course's order).
QStringList shippedLessonFiles();

}  // namespace gsui
