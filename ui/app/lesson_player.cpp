#include "app/lesson_player.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaProperty>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/lab.h"
#include "app/main_window.h"
#include "app/tabbed_lab.h"

namespace gsui {

namespace {

QString shortDump(const nlohmann::json& j) { return QString::fromStdString(j.dump()).left(60); }

/// The inputs a learner moves: buttons, sliders, spin boxes, combo boxes, line edits.
bool isInput(const QWidget* w) {
  return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QAbstractSlider*>(w) ||
         qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QComboBox*>(w) || qobject_cast<const QLineEdit*>(w);
}

/// A widget whose value a step can set: an input, or a composite widget with a user property
/// (the Descent lab's learning-rate slider).
bool isValueControl(const QWidget* w) {
  if (qobject_cast<const QPushButton*>(w) && !static_cast<const QPushButton*>(w)->isCheckable()) return false;
  return isInput(w) || w->metaObject()->userProperty().isValid();
}

bool within(const QWidget* w, const QList<QWidget*>& roots) {
  for (const QWidget* p = w; p; p = p->parentWidget())
    if (roots.contains(const_cast<QWidget*>(p))) return true;
  return false;
}

}  // namespace

// ---- LessonHighlight ------------------------------------------------------------------------

LessonHighlight::LessonHighlight(QWidget* window) : QWidget(window), timer_(new QTimer(this)) {
  setObjectName("lessonHighlight");
  setAttribute(Qt::WA_TransparentForMouseEvents);
  setAttribute(Qt::WA_NoSystemBackground);
  hide();
  // Controls move (a panel scrolls, a dock resizes, presentation mode relays out): the frames
  // follow them while a step shows.
  timer_->setInterval(150);
  connect(timer_, &QTimer::timeout, this, &LessonHighlight::follow);
}

void LessonHighlight::setTargets(const QList<QPointer<QWidget>>& targets) {
  targets_ = targets;
  drawn_.clear();
  if (targets_.isEmpty()) {
    timer_->stop();
    hide();
    return;
  }
  timer_->start();
  follow();
}

QList<QRect> LessonHighlight::frames() const {
  QList<QRect> out;
  QWidget* window = parentWidget();
  const int pad = static_cast<int>(std::lround(4 * Appearance::instance().scale()));
  for (const QPointer<QWidget>& t : targets_) {
    if (!t || !t->isVisibleTo(window) || t->width() <= 0) continue;
    QRect r(t->mapTo(window, QPoint(0, 0)), t->size());
    // Only the part in sight: a control scrolled out of its panel is framed at the panel's edge.
    for (QWidget* p = t->parentWidget(); p && p != window; p = p->parentWidget())
      r &= QRect(p->mapTo(window, QPoint(0, 0)), p->size()).adjusted(-pad, -pad, pad, pad);
    if (!r.isEmpty()) out << r.adjusted(-pad, -pad, pad, pad);
  }
  return out;
}

void LessonHighlight::follow() {
  QWidget* window = parentWidget();
  if (geometry() != window->rect()) setGeometry(window->rect());
  const QList<QRect> now = frames();
  if (now != drawn_ || isHidden()) {
    drawn_ = now;
    show();
    update();
  }
  raise();
}

void LessonHighlight::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const double scale = Appearance::instance().scale();
  // Orange reads on the light, dark and projector themes alike, and is none of the class colours.
  QPen pen(QColor(255, 140, 0), 3 * scale);
  p.setPen(pen);
  p.setBrush(QColor(255, 140, 0, 28));
  for (const QRect& r : drawn_) p.drawRoundedRect(QRectF(r).adjusted(1.5 * scale, 1.5 * scale, -1.5 * scale, -1.5 * scale), 6 * scale, 6 * scale);
}

// ---- LessonBar ------------------------------------------------------------------------------

LessonBar::LessonBar(QWidget* parent) : QWidget(parent) {
  setObjectName("lessonBar");
  setAutoFillBackground(true);
  title_ = new QLabel;
  title_->setObjectName("lessonTitle");
  title_->setWordWrap(true);
  caption_ = new QLabel;
  caption_->setObjectName("lessonCaption");
  caption_->setWordWrap(true);
  caption_->setTextFormat(Qt::RichText);
  question_ = new QLabel;
  question_->setObjectName("lessonQuestion");
  question_->setWordWrap(true);
  question_->setTextFormat(Qt::RichText);
  back_ = new QPushButton;
  back_->setObjectName("lessonBack");
  next_ = new QPushButton;
  next_->setObjectName("lessonNext");
  leave_ = new QPushButton;
  leave_->setObjectName("lessonLeave");
  for (QPushButton* b : {back_, next_, leave_}) b->setFocusPolicy(Qt::NoFocus);  // Page Down stays the window's
  connect(back_, &QPushButton::clicked, this, &LessonBar::backClicked);
  connect(next_, &QPushButton::clicked, this, &LessonBar::nextClicked);
  connect(leave_, &QPushButton::clicked, this, &LessonBar::leaveClicked);
  auto* text = new QVBoxLayout;
  text->setSpacing(2);
  text->addWidget(title_);
  text->addWidget(caption_);
  text->addWidget(question_);
  auto* buttons = new QVBoxLayout;
  buttons->setSpacing(4);
  auto* move = new QHBoxLayout;
  move->addWidget(back_);
  move->addWidget(next_);
  buttons->addLayout(move);
  buttons->addWidget(leave_, 0, Qt::AlignRight);
  buttons->addStretch();
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 6, 8, 6);
  layout->addLayout(text, 1);
  layout->addLayout(buttons);
  hide();
}

void LessonBar::show(const Lesson& lesson, int index) {
  lesson_ = &lesson;
  index_ = index;
  retranslate();
  QWidget::show();
}

void LessonBar::retranslate() {
  back_->setText(tr("◀ Back"));
  back_->setToolTip(tr("The previous step (Page Up)"));
  leave_->setText(tr("Leave the lesson"));
  leave_->setToolTip(tr("Back to the lab as it is (Esc)"));
  if (!lesson_ || lesson_->steps.empty()) return;
  const int n = static_cast<int>(lesson_->steps.size());
  const LessonStep& step = lesson_->steps[static_cast<std::size_t>(index_)];
  title_->setText(tr("Lesson: %1 — step %2 of %3").arg(lesson_->title.text()).arg(index_ + 1).arg(n));
  caption_->setText(step.caption.text());
  question_->setText(step.question.empty() ? QString() : QStringLiteral("<b><i>%1</i></b>").arg(step.question.text().toHtmlEscaped()));
  question_->setVisible(!step.question.empty());
  back_->setEnabled(index_ > 0);
  next_->setText(index_ + 1 < n ? tr("Next ▶") : tr("Finish"));
  next_->setToolTip(index_ + 1 < n ? tr("The next step (Page Down)") : tr("The end of the lesson (Page Down)"));
  QFont title = font();
  title.setBold(true);
  title_->setFont(title);
  fitHeight();
}

void LessonBar::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) retranslate();
  QWidget::changeEvent(event);
}

void LessonBar::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fitHeight();
}

void LessonBar::fitHeight() {
  // The texts wrap at the bar's width (a longer Korean caption, presentation mode's font, a
  // narrower window): the bar grows with them instead of cutting lines off.
  if (!isVisible() || width() < 100) return;  // (laid out later: resizeEvent comes then)
  const int needed = layout()->heightForWidth(width());
  if (needed > 0 && needed != minimumHeight()) setMinimumHeight(needed);
}

// ---- LessonPlayer ---------------------------------------------------------------------------

LessonPlayer::LessonPlayer(MainWindow* window, LessonBar* bar)
    : QObject(window), window_(window), bar_(bar), highlight_(new LessonHighlight(window)) {
  connect(bar_, &LessonBar::backClicked, this, [this] { (void)previous(); });
  connect(bar_, &LessonBar::nextClicked, this, [this] { (void)next(); });
  connect(bar_, &LessonBar::leaveClicked, this, &LessonPlayer::leave);
  recording_.id = "my-lesson";
}

QString LessonPlayer::start(const Lesson& lesson, int index) {
  if (lesson.steps.empty()) return tr("the lesson has no steps");
  if (index < 0 || index >= static_cast<int>(lesson.steps.size()))
    return tr("step %1: the lesson has steps 1 to %2").arg(index + 1).arg(lesson.steps.size());
  const Lesson before = lesson_;
  const bool was_active = active_;
  const int was_index = index_;
  lesson_ = lesson;
  active_ = true;
  if (QString problem = goTo(index); !problem.isEmpty()) {
    lesson_ = before;
    active_ = was_active;
    index_ = was_index;
    if (!active_) leave();
    return problem;
  }
  return {};
}

QWidget* LessonPlayer::findControl(const Lab& lab, const QString& name) {
  if (name.isEmpty()) return nullptr;
  if (lab.controls())
    if (auto* w = lab.controls()->findChild<QWidget*>(name)) return w;
  return lab.findChild<QWidget*>(name);
}

QString LessonPlayer::setControl(QWidget* w, const nlohmann::json& v) {
  const QString name = w->objectName();
  auto expected = [&](const QString& what) { return tr("%1: expected %2, got %3").arg(name, what, shortDump(v)); };
  if (auto* combo = qobject_cast<QComboBox*>(w)) {
    int index = -1;
    if (v.is_string()) {
      const QString text = QString::fromStdString(v.get<std::string>());
      index = combo->findData(text);
      if (index < 0) index = combo->findText(text);
    } else if (v.is_number_integer()) {
      index = static_cast<int>(v.get<std::int64_t>());
    }
    if (index < 0 || index >= combo->count()) {
      QStringList choices;
      for (int i = 0; i < combo->count(); ++i)
        choices << (combo->itemData(i).toString().isEmpty() ? combo->itemText(i) : combo->itemData(i).toString());
      return expected(tr("one of %1").arg(choices.join(", ")));
    }
    combo->setCurrentIndex(index);
    return {};
  }
  if (auto* button = qobject_cast<QAbstractButton*>(w)) {
    if (!v.is_boolean() || !button->isCheckable()) return expected(tr("true or false"));
    if (button->isChecked() != v.get<bool>()) button->click();  // as a learner's click: the lab hears clicked and toggled
    if (button->isChecked() != v.get<bool>()) button->setChecked(v.get<bool>());  // (a disabled one)
    return {};
  }
  if (auto* spin = qobject_cast<QDoubleSpinBox*>(w)) {
    if (!v.is_number()) return expected(tr("a number"));
    const double x = v.get<double>();
    if (!(x >= spin->minimum() && x <= spin->maximum())) return expected(tr("a number from %1 to %2").arg(spin->minimum()).arg(spin->maximum()));
    spin->setValue(x);
    return {};
  }
  if (auto* spin = qobject_cast<QSpinBox*>(w)) {
    if (!v.is_number_integer()) return expected(tr("a whole number"));
    const auto x = v.get<std::int64_t>();
    if (x < spin->minimum() || x > spin->maximum()) return expected(tr("a whole number from %1 to %2").arg(spin->minimum()).arg(spin->maximum()));
    spin->setValue(static_cast<int>(x));
    return {};
  }
  if (auto* slider = qobject_cast<QAbstractSlider*>(w)) {
    if (!v.is_number_integer()) return expected(tr("a whole number"));
    const auto x = v.get<std::int64_t>();
    if (x < slider->minimum() || x > slider->maximum())
      return expected(tr("a whole number from %1 to %2").arg(slider->minimum()).arg(slider->maximum()));
    slider->setValue(static_cast<int>(x));
    return {};
  }
  if (auto* edit = qobject_cast<QLineEdit*>(w)) {
    if (!v.is_string()) return expected(tr("a text"));
    edit->setText(QString::fromStdString(v.get<std::string>()));
    emit edit->editingFinished();
    return {};
  }
  const QMetaProperty user = w->metaObject()->userProperty();
  if (user.isValid()) {
    QVariant value;
    if (v.is_boolean()) value = v.get<bool>();
    else if (v.is_number()) value = v.get<double>();
    else if (v.is_string()) value = QString::fromStdString(v.get<std::string>());
    if (!value.convert(user.metaType())) return expected(QString::fromLatin1(user.metaType().name()));
    if (!user.write(w, value)) return expected(QString::fromLatin1(user.metaType().name()));
    return {};
  }
  return tr("%1: not a control a lesson can set").arg(name);
}

nlohmann::json LessonPlayer::captureControls(const Lab& lab) {
  nlohmann::json out = nlohmann::json::object();
  QList<QWidget*> widgets;
  if (lab.controls()) widgets = lab.controls()->findChildren<QWidget*>();
  for (QWidget* w : widgets) {
    const QString name = w->objectName();
    if (name.isEmpty() || name.startsWith("qt_") || !isValueControl(w)) continue;
    // A part of a named composite control (the slider inside a learning-rate slider) is set by it.
    bool inside_named = false;
    for (QWidget* p = w->parentWidget(); p && p != lab.controls(); p = p->parentWidget())
      inside_named = inside_named || (!p->objectName().isEmpty() && isValueControl(p) && !isInput(p));
    if (inside_named) continue;
    const std::string key = name.toStdString();
    if (auto* combo = qobject_cast<QComboBox*>(w)) {
      const QString data = combo->currentData().toString();
      out[key] = (data.isEmpty() ? combo->currentText() : data).toStdString();
    } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
      if (button->isCheckable()) out[key] = button->isChecked();
    } else if (auto* spin = qobject_cast<QDoubleSpinBox*>(w)) {
      out[key] = spin->value();
    } else if (auto* spin = qobject_cast<QSpinBox*>(w)) {
      out[key] = spin->value();
    } else if (auto* slider = qobject_cast<QAbstractSlider*>(w)) {
      out[key] = slider->value();
    } else if (auto* edit = qobject_cast<QLineEdit*>(w)) {
      out[key] = edit->text().toStdString();
    } else if (const QMetaProperty user = w->metaObject()->userProperty(); user.isValid()) {
      const QVariant v = user.read(w);
      if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Float) out[key] = v.toDouble();
      else if (v.typeId() == QMetaType::Int) out[key] = v.toInt();
      else if (v.typeId() == QMetaType::Bool) out[key] = v.toBool();
      else out[key] = v.toString().toStdString();
    }
  }
  return out;
}

QString LessonPlayer::goTo(int index) {
  if (!active_) return tr("no lesson is running");
  if (index < 0 || index >= static_cast<int>(lesson_.steps.size()))
    return tr("step %1: the lesson has steps 1 to %2").arg(index + 1).arg(lesson_.steps.size());
  const LessonStep& step = lesson_.steps[static_cast<std::size_t>(index)];
  const QString at = tr("step %1").arg(index + 1);
  const QString previous_lab = window_->currentLabId();
  unlock();
  auto refuse = [&](const QString& problem) {
    if (window_->currentLabId() != previous_lab) window_->showLab(previous_lab);
    if (Lab* lab = window_->currentLab(); lab && index_ < static_cast<int>(lesson_.steps.size()) && lab->labId() == lesson_.steps[index_].lab) {
      QList<QWidget*> keep;
      for (const QPointer<QWidget>& h : highlighted_)
        if (h) keep << h;
      lock(lab, keep);
    }
    return QString("%1: %2").arg(at, problem);
  };
  if (!window_->showLab(step.lab)) return refuse(tr("this GradScope has no lab \"%1\"").arg(step.lab));
  Lab* lab = window_->currentLab();
  if (!step.page.isEmpty() && !lab->showPage(step.page))
    return refuse(tr("the lab \"%1\" has no page \"%2\" (it has %3)").arg(step.lab, step.page, lab->pageIds().join(", ")));
  // Everything the step names is found before anything is set: a wrong name changes nothing.
  QList<QPair<QWidget*, nlohmann::json>> sets;
  if (step.controls.is_object())
    for (const auto& [key, value] : step.controls.items()) {
      QWidget* w = findControl(*lab, QString::fromStdString(key));
      if (!w) return refuse(tr("controls: the lab \"%1\" has no control \"%2\"").arg(step.lab, QString::fromStdString(key)));
      sets.append({w, value});
    }
  QList<QWidget*> keep;
  QList<QPointer<QWidget>> targets;
  for (const QString& name : step.highlight) {
    QWidget* w = findControl(*lab, name);
    if (!w) return refuse(tr("highlight: the lab \"%1\" has no control \"%2\"").arg(step.lab, name));
    keep << w;
    targets << w;
  }
  if (!step.state.is_null())
    if (QString problem = lab->restoreSessionState(step.state); !problem.isEmpty()) return refuse(tr("state: %1").arg(problem));
  if (!step.page.isEmpty()) lab->showPage(step.page);  // (a state may name another page)
  for (const auto& [w, value] : sets)
    if (QString problem = setControl(w, value); !problem.isEmpty()) return refuse(tr("controls: %1").arg(problem));
  for (int i = 0; i < step.run && lab->animates() && lab->canStep(); ++i) lab->step();
  // A control to touch is in sight: presentation mode's strip unfolds the group that holds it.
  for (QWidget* w : keep)
    for (QWidget* p = w; p && p != lab->controls(); p = p->parentWidget())
      if (auto* group = qobject_cast<ControlGroup*>(p); group && group->isFolded()) group->setFolded(false);
  // ... and scrolled into its panel's view: a group unfolded above it may have pushed it out.
  // The first control wins where they do not all fit; again once the unfolded groups are laid out.
  const QList<QPointer<QWidget>> wanted(targets.rbegin(), targets.rend());
  auto scroll = [wanted] {
    for (const QPointer<QWidget>& w : wanted) {
      if (!w) continue;
      for (QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (auto* area = qobject_cast<QScrollArea*>(p)) {
          area->ensureWidgetVisible(w);
          break;
        }
    }
  };
  QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  scroll();
  QTimer::singleShot(0, this, scroll);
  index_ = index;
  highlighted_ = targets;
  if (step.lock) lock(lab, keep);
  bar_->show(lesson_, index_);
  highlight_->setTargets(targets);
  emit stepShown(index_);
  return {};
}

QString LessonPlayer::next() {
  if (!active_) return {};
  if (index_ + 1 >= static_cast<int>(lesson_.steps.size())) {
    leave();
    return {};
  }
  const QString problem = goTo(index_ + 1);
  if (!problem.isEmpty()) window_->statusBar()->showMessage(problem, 8000);
  return problem;
}

QString LessonPlayer::previous() {
  if (!active_ || index_ == 0) return {};
  const QString problem = goTo(index_ - 1);
  if (!problem.isEmpty()) window_->statusBar()->showMessage(problem, 8000);
  return problem;
}

void LessonPlayer::leave() {
  unlock();
  highlighted_.clear();
  highlight_->setTargets({});
  bar_->hide();
  const bool was = active_;
  active_ = false;
  if (was) emit left();
}

void LessonPlayer::lock(Lab* lab, const QList<QWidget*>& keep) {
  if (!lab->controls()) return;
  for (QWidget* w : lab->controls()->findChildren<QWidget*>()) {
    if (!isInput(w) || !w->isEnabled() || within(w, keep)) continue;
    // A group that holds a highlighted control stays usable down to it (its tabs, its check box).
    bool holds_kept = false;
    for (QWidget* k : keep) holds_kept = holds_kept || w->isAncestorOf(k);
    if (holds_kept) continue;
    w->setEnabled(false);
    locked_ << w;
  }
}

void LessonPlayer::unlock() {
  for (const QPointer<QWidget>& w : std::as_const(locked_))
    if (w) w->setEnabled(true);
  locked_.clear();
}

QList<QWidget*> LessonPlayer::highlightedControls() const {
  QList<QWidget*> out;
  for (const QPointer<QWidget>& w : highlighted_)
    if (w) out << w;
  return out;
}

QList<QWidget*> LessonPlayer::lockedControls() const {
  QList<QWidget*> out;
  for (const QPointer<QWidget>& w : locked_)
    if (w) out << w;
  return out;
}

QString LessonPlayer::recordStep(const LessonText& caption) {
  Lab* lab = window_->currentLab();
  if (!lab) return tr("no lab is open");
  LessonStep step;
  step.lab = lab->labId();
  if (auto* tabbed = qobject_cast<TabbedLab*>(lab)) step.page = tabbed->currentPageId();
  step.state = lab->sessionState();
  // A lab that keeps no session state is recorded by its named controls' values.
  if (step.state.is_null()) step.controls = captureControls(*lab);
  step.caption = caption;
  if (recording_.steps.size() >= static_cast<std::size_t>(kMaxLessonSteps))
    return tr("a lesson has at most %1 steps").arg(kMaxLessonSteps);
  recording_.steps.push_back(std::move(step));
  return {};
}

void LessonPlayer::setRecordingTitle(const LessonText& title, const QString& id) {
  recording_.title = title;
  recording_.id = id;
}

}  // namespace gsui
