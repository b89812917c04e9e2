#pragma once
// Plays a lesson in the main window: each step opens its lab, sets the state, highlights the
// controls to touch (a frame drawn over the window) and disables the lab's other controls, and
// shows the caption and the question in a bar above the lab (Page Down / Page Up, a presenter's
// clicker, move between steps; Esc leaves). It also records one: "Add this state as a step"
// from any lab, then save.
#include <QObject>
#include <QPointer>
#include <QWidget>

#include "app/lesson.h"

class QLabel;
class QPushButton;
class QTimer;

namespace gsui {

class Lab;
class MainWindow;

/// The frames around the controls a step asks the learner to touch, drawn over the whole window
/// (docks included); clicks go through.
class LessonHighlight : public QWidget {
  Q_OBJECT
 public:
  explicit LessonHighlight(QWidget* window);
  void setTargets(const QList<QPointer<QWidget>>& targets);
  /// The frames as drawn now, in window coordinates (for tests).
  QList<QRect> frames() const;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void follow();
  QList<QPointer<QWidget>> targets_;
  QList<QRect> drawn_;
  QTimer* timer_;
};

/// The bar above the lab: the lesson's title and step, the caption, the question, Back / Next / Leave.
class LessonBar : public QWidget {
  Q_OBJECT
 public:
  explicit LessonBar(QWidget* parent = nullptr);
  void show(const Lesson& lesson, int index);
  void retranslate();
  QLabel* caption() const { return caption_; }
  QLabel* question() const { return question_; }
  QPushButton* backButton() const { return back_; }
  QPushButton* nextButton() const { return next_; }
  QPushButton* leaveButton() const { return leave_; }

 signals:
  void backClicked();
  void nextClicked();
  void leaveClicked();

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  /// The bar is never shorter than its texts wrapped at its width (fitHeight()), even under a
  /// parent layout that ignores height-for-width: no caption or question loses its last lines.
  void fitHeight();
  QLabel* title_;
  QLabel* caption_;
  QLabel* question_;
  QPushButton* back_;
  QPushButton* next_;
  QPushButton* leave_;
  const Lesson* lesson_ = nullptr;
  int index_ = 0;
};

class LessonPlayer : public QObject {
  Q_OBJECT
 public:
  /// bar: where the caption shows (the window places it); highlight draws over `window`.
  LessonPlayer(MainWindow* window, LessonBar* bar);

  /// Starts `lesson` at step `index`; "" or the problem (then no lesson runs).
  QString start(const Lesson& lesson, int index = 0);
  bool active() const { return active_; }
  const Lesson& lesson() const { return lesson_; }
  int stepIndex() const { return index_; }
  /// Shows step `index`; "" or the problem (the lab, its state and the previous step stay as they
  /// were: the controls and highlights are resolved before anything is set).
  QString goTo(int index);
  QString next();
  QString previous();
  /// Leaves the lesson: every control it disabled is enabled again, the bar and frames go.
  void leave();
  LessonHighlight* highlight() const { return highlight_; }
  LessonBar* bar() const { return bar_; }
  /// The controls the current step left enabled / disabled (for tests).
  QList<QWidget*> highlightedControls() const;
  QList<QWidget*> lockedControls() const;

  /// Recording: the current lab's state (its session state, or its named controls' values when
  /// it keeps none) as a new step with `caption`.
  QString recordStep(const LessonText& caption);
  const Lesson& recording() const { return recording_; }
  void setRecordingTitle(const LessonText& title, const QString& id);
  void clearRecording() { recording_.steps.clear(); }

  /// The named value controls of a lab (objectName → value), as a step's "controls" sets them.
  static nlohmann::json captureControls(const Lab& lab);
  /// Sets a control as a learner would (a click, a slider moved); "" or the problem.
  static QString setControl(QWidget* control, const nlohmann::json& value);
  /// The widget named `name` in the lab's controls or view (nullptr for none).
  static QWidget* findControl(const Lab& lab, const QString& name);

 signals:
  void stepShown(int index);
  void left();

 private:
  void unlock();
  void lock(Lab* lab, const QList<QWidget*>& keep);

  MainWindow* window_;
  LessonBar* bar_;
  LessonHighlight* highlight_;
  Lesson lesson_;
  Lesson recording_;
  int index_ = 0;
  bool active_ = false;
  QList<QPointer<QWidget>> locked_, highlighted_;
};

}  // namespace gsui
