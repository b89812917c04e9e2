#include "app/main_window.h"

#include <QAction>
#include <QLocale>
#include <QDateTime>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QInputDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <utility>

#include "app/annotation_overlay.h"
#include "app/appearance.h"
#include "app/control_group.h"
#include "app/export.h"
#include "app/lab.h"
#include "app/lab_registry.h"
#include "app/language.h"
#include "app/lesson.h"
#include "app/lesson_player.h"
#include "app/play_speed.h"
#include "app/session_store.h"
#include "app/settings_keys.h"
#include "app/shared_network.h"
#include "app/wheel_guard.h"

namespace gsui {

namespace {

/// Keeps a scroll area as wide as its content's minimum (plus the vertical scroll bar).
class ControlsWidthKeeper : public QObject {
 public:
  /// The panel's least width, whatever its controls.
  static constexpr int kMinimumWidth = 260;
  ControlsWidthKeeper(QScrollArea* area, QObject* parent) : QObject(parent), area_(area) {}
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Show || event->type() == QEvent::FontChange) {
      auto* content = static_cast<QWidget*>(watched);
      const int need = std::max(kMinimumWidth, content->minimumSizeHint().width() + area_->verticalScrollBar()->sizeHint().width() +
                                                   2 * area_->frameWidth());
      if (area_->minimumWidth() != need) area_->setMinimumWidth(need);
    }
    return false;
  }

 private:
  QScrollArea* area_;
};

}  // namespace

MainWindow::MainWindow(QSettings* settings, QWidget* parent) : QMainWindow(parent), settings_(settings) {
  setObjectName("MainWindow");
  setWindowIcon(QIcon(":/icons/gradscope.svg"));
  setDockOptions(QMainWindow::AnimatedDocks);

  // Scrolling the Controls panel with the wheel scrolls it: a combo box or spin box under the
  // pointer changes only once it has been clicked (it has the focus).
  qApp->installEventFilter(new WheelGuard(this));

  views_ = new QStackedWidget;
  auto* placeholder = new QLabel;
  placeholder->setAlignment(Qt::AlignCenter);
  views_->addWidget(placeholder);
  // Above the lab, a lesson's caption and question (hidden outside lessons).
  auto* central = new QWidget;
  auto* central_layout = new QVBoxLayout(central);
  central_layout->setContentsMargins(0, 0, 0, 0);
  central_layout->setSpacing(0);
  lesson_bar_ = new LessonBar;
  central_layout->addWidget(lesson_bar_);
  central_layout->addWidget(views_, 1);
  setCentralWidget(central);
  overlay_ = new AnnotationOverlay(views_);
  session_ = new SessionStore([this] { return labs_.values(); }, [this] { return currentLabId(); },
                              [this](const QString& id) { return showLab(id) ? current_ : nullptr; }, this);
  connect(session_, &SessionStore::autosaveFailed, this,
          [this](const QString& problem) { statusBar()->showMessage(tr("Autosave failed: %1").arg(problem), 6000); });
  buildLabList();
  buildSidePanel();
  step_readout_ = new QLabel;
  step_readout_->setObjectName("StepReadout");
  step_readout_->hide();
  statusBar()->addPermanentWidget(step_readout_);
  play_timer_ = new QTimer(this);
  connect(play_timer_, &QTimer::timeout, this, [this] {
    if (!current_) return;
    current_->step();
    ++timer_steps_;
  });
  readout_timer_ = new QTimer(this);
  readout_timer_->setInterval(200);
  connect(readout_timer_, &QTimer::timeout, this, &MainWindow::updateStepReadout);
  readout_timer_->start();
  lessons_ = new LessonPlayer(this, lesson_bar_);
  connect(lessons_, &LessonPlayer::left, this, &MainWindow::updateLessonActions);
  connect(lessons_, &LessonPlayer::stepShown, this, &MainWindow::updateLessonActions);
  buildActions();
  buildMenus();
  buildNavigation();
  connectSettings();
  dark_->setChecked(Appearance::instance().theme() == Theme::Dark);
  retranslate();
  updatePlayState();
  // A lab asks for a network to be opened in the builder: show it; the builder takes the pending
  // spec itself (in its constructor when showLab creates it, else on the same signal).
  connect(&SharedNetwork::instance(), &SharedNetwork::editRequested, this, [this] { showLab(labs::kBuilder); });
  const QString last = settings_ ? settings_->value(keys::kLastLab).toString() : QString();
  if (!showLab(last)) showLab(labRegistry().first().id);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLabList() {
  // Left: the labs, grouped like the course.
  nav_ = new QTreeWidget;
  nav_->setHeaderHidden(true);
  nav_->setRootIsDecorated(false);
  nav_->setIndentation(14);
  nav_dock_ = new QDockWidget;
  nav_dock_->setObjectName("LabList");
  nav_dock_->setWidget(nav_);
  nav_dock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
  addDockWidget(Qt::LeftDockWidgetArea, nav_dock_);
  connect(nav_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
    if (item && !item->data(0, Qt::UserRole).toString().isEmpty()) showLab(item->data(0, Qt::UserRole).toString());
  });
}

void MainWindow::buildSidePanel() {
  // Right: controls above, explanation / PyTorch below.
  controls_ = new QStackedWidget;
  explanation_ = new QTextBrowser;
  explanation_->setOpenExternalLinks(false);
  // A formula or name longer than the panel breaks where it must rather than scroll sideways.
  explanation_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
  code_ = new QPlainTextEdit;
  code_->setReadOnly(true);
  code_->setLineWrapMode(QPlainTextEdit::NoWrap);
  code_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  copy_code_ = new QPushButton;
  connect(copy_code_, &QPushButton::clicked, this, [this] {
    QApplication::clipboard()->setText(code_->toPlainText());
    statusBar()->showMessage(tr("PyTorch code copied to the clipboard"), 3000);
  });
  auto* code_page = new QWidget;
  auto* code_layout = new QVBoxLayout(code_page);
  code_layout->setContentsMargins(0, 0, 0, 0);
  code_layout->addWidget(code_);
  code_layout->addWidget(copy_code_, 0, Qt::AlignRight);
  info_tabs_ = new QTabWidget;
  info_tabs_->addTab(explanation_, QString());
  info_tabs_->addTab(code_page, QString());
  // Below the lab's controls, presentation mode's "More controls" unfolds the groups it folded.
  more_controls_ = new QPushButton;
  more_controls_->setObjectName("moreControls");
  more_controls_->setCheckable(true);
  more_controls_->hide();
  connect(more_controls_, &QPushButton::toggled, this, [this](bool more) {
    for (ControlGroup* g : std::as_const(folded_))
      if (g) g->setFolded(!more);
    updateMoreControls();
  });
  auto* controls_scroll = new QScrollArea;
  controls_scroll->setObjectName("ControlsScroll");
  controls_scroll->setWidget(controls_);
  controls_scroll->setWidgetResizable(true);
  controls_scroll->setFrameShape(QFrame::NoFrame);
  controls_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // The panel scrolls down, never sideways: it is at least as wide as the current lab's
  // controls need (their minimum, recomputed whenever they lay out again), and the lab view
  // gives up the room.
  controls_->installEventFilter(new ControlsWidthKeeper(controls_scroll, this));
  // The toggle sits under the scroll area: at the end of the panel and in sight without scrolling.
  controls_content_ = new QWidget;
  auto* content_layout = new QVBoxLayout(controls_content_);
  content_layout->setContentsMargins(0, 0, 0, 0);
  content_layout->setSpacing(2);
  content_layout->addWidget(controls_scroll, 1);
  content_layout->addWidget(more_controls_);
  side_split_ = new QSplitter(Qt::Vertical);
  auto* side_split = side_split_;
  side_split->addWidget(controls_content_);
  side_split->addWidget(info_tabs_);
  side_split->setStretchFactor(0, 1);
  side_split->setStretchFactor(1, 1);
  side_dock_ = new QDockWidget;
  side_dock_->setObjectName("SidePanel");
  side_dock_->setWidget(side_split);
  side_dock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
  // No minimum width set on the dock itself: QDockWidgetLayout counts a minimum set by hand in its
  // own minimum, which Qt then sets as the dock's, so it could only grow (after Ctrl = in
  // presentation mode the panel came back 408 px wide instead of 340). The least width is the
  // scroll area's (ControlsWidthKeeper::kMinimumWidth).
  addDockWidget(Qt::RightDockWidgetArea, side_dock_);
}

void MainWindow::connectSettings() {
  // Appearance and language changes reach every lab and are remembered; the window comes back
  // where it was.
  // A dock paints its title in the font the application had when the dock was made
  // (QDockWidgetPrivate::font) for as long as its own font is the application's, so "Controls"
  // stayed small in presentation mode. The title gets a font of its own, the application's in
  // bold; what the dock holds keeps the regular weight.
  const auto fitDockTitles = [this] {
    QFont title = QApplication::font();
    title.setBold(true);
    QFont body = QApplication::font();
    body.setBold(false);
    for (QDockWidget* dock : {nav_dock_, side_dock_}) {
      dock->setFont(title);
      if (dock->widget()) dock->widget()->setFont(body);
    }
  };
  fitDockTitles();
  connect(&Appearance::instance(), &Appearance::changed, this, [this, fitDockTitles] {
    fitDockTitles();
    for (Lab* lab : labs_) lab->applyAppearance();
    fitLabList();
    // "English" whole at every scale: the combo's own hint comes out a pixel short at large sizes.
    // (measured once the new font reached the box)
    QTimer::singleShot(0, language_box_, [box = language_box_] {
      int widest = 0;
      for (int i = 0; i < box->count(); ++i) widest = std::max(widest, box->fontMetrics().horizontalAdvance(box->itemText(i)));
      box->setMinimumWidth(0);
      box->setMinimumWidth(std::max(box->sizeHint().width(), widest + 2 * box->fontMetrics().averageCharWidth() +
                                                                   box->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 12));
    });
    code_->setFont([] {
      QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
      f.setPointSizeF(Appearance::instance().fontPointSize());
      return f;
    }());
    if (settings_) settings_->setValue(keys::kPresentationScale, Appearance::instance().presentationScale());
  });
  connect(&Language::instance(), &Language::languageChanged, this, [this](const QString& code) {
    if (settings_) settings_->setValue(keys::kLanguage, code);
    refreshSidePanel();
  });

  if (settings_) {
    restoreGeometry(settings_->value(keys::kGeometry).toByteArray());
    restoreState(settings_->value(keys::kWindowState).toByteArray());
    Appearance::instance().setPresentationScale(settings_->value(keys::kPresentationScale, 1.6).toDouble());
    if (settings_->value(keys::kTheme).toString() == "dark") Appearance::instance().setTheme(Theme::Dark);
  }
}

void MainWindow::buildActions() {
  play_ = new QAction(this);
  play_->setShortcut(Qt::Key_Space);
  play_->setCheckable(true);
  connect(play_, &QAction::triggered, this, [this] { togglePlay(); });
  step_ = new QAction(this);
  step_->setShortcut(Qt::Key_Right);
  connect(step_, &QAction::triggered, this, [this] {
    if (current_ && current_->animates()) current_->step();
  });
  reset_ = new QAction(this);
  reset_->setShortcut(Qt::Key_R);
  connect(reset_, &QAction::triggered, this, [this] {
    if (!current_) return;
    play_timer_->stop();
    if (self_playing_) current_->setPlaying(false);
    self_playing_ = false;
    updatePlayState();
    current_->reset();
    timer_steps_ = 0;
  });
  slower_ = new QAction(this);
  slower_->setShortcut(Qt::Key_BracketLeft);
  connect(slower_, &QAction::triggered, this, [] { PlaySpeed::instance().slower(); });
  faster_ = new QAction(this);
  faster_->setShortcut(Qt::Key_BracketRight);
  connect(faster_, &QAction::triggered, this, [] { PlaySpeed::instance().faster(); });
  connect(&PlaySpeed::instance(), &PlaySpeed::changed, this, [this](double sps) {
    if (applying_speed_ || !current_) return;
    lab_speed_[current_->labId() + (Appearance::instance().presentation() ? "/presentation" : "")] = sps;
    applyPlaySpeed();
  });
  presentation_ = new QAction(this);
  presentation_->setShortcut(Qt::Key_F5);
  presentation_->setCheckable(true);
  connect(presentation_, &QAction::toggled, this, [this](bool on) { setPresentation(on); });
  leave_presentation_ = new QAction(this);
  leave_presentation_->setShortcut(Qt::Key_Escape);
  connect(leave_presentation_, &QAction::triggered, this, &MainWindow::escape);
  addAction(leave_presentation_);
  bigger_ = new QAction(this);
  bigger_->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
  connect(bigger_, &QAction::triggered, this, [] {
    Appearance::instance().setPresentationScale(Appearance::instance().presentationScale() + 0.2);
  });
  smaller_ = new QAction(this);
  smaller_->setShortcut(QKeySequence::ZoomOut);
  connect(smaller_, &QAction::triggered, this, [] {
    Appearance::instance().setPresentationScale(Appearance::instance().presentationScale() - 0.2);
  });
  dark_ = new QAction(this);
  dark_->setCheckable(true);
  connect(dark_, &QAction::toggled, this, [this](bool on) {
    Appearance::instance().setTheme(on ? Theme::Dark : Theme::Light);
    if (settings_) settings_->setValue(keys::kTheme, on ? "dark" : "light");
  });
  // The presenter's pen: P draws over the lab, C clears; a lab switch clears too.
  pen_ = new QAction(this);
  pen_->setCheckable(true);
  pen_->setShortcut(Qt::Key_P);
  connect(pen_, &QAction::toggled, overlay_, &AnnotationOverlay::setActive);
  clear_pen_ = new QAction(this);
  clear_pen_->setShortcut(Qt::Key_C);
  connect(clear_pen_, &QAction::triggered, overlay_, &AnnotationOverlay::clear);
  // A lesson's steps: Page Down / Page Up, as a presenter's clicker sends them (only during a
  // lesson; otherwise they stay the sliders' and lists' own keys).
  lesson_next_ = new QAction(this);
  lesson_next_->setShortcut(Qt::Key_PageDown);
  connect(lesson_next_, &QAction::triggered, this, [this] { (void)lessons_->next(); });
  lesson_previous_ = new QAction(this);
  lesson_previous_->setShortcut(Qt::Key_PageUp);
  connect(lesson_previous_, &QAction::triggered, this, [this] { (void)lessons_->previous(); });
  addAction(lesson_next_);
  addAction(lesson_previous_);
  addAction(record_step_ = new QAction(this));  // (its shortcut works with the menu bar hidden too)
  open_lesson_ = new QAction(this);
  connect(open_lesson_, &QAction::triggered, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a lesson"), QString(), tr("GradScope lessons (*.json)"));
    if (path.isEmpty()) return;
    if (const QString problem = startLesson(path); !problem.isEmpty()) QMessageBox::warning(this, tr("Open a lesson"), problem);
  });
  record_step_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
  connect(record_step_, &QAction::triggered, this, &MainWindow::recordLessonStep);
  save_lesson_ = new QAction(this);
  connect(save_lesson_, &QAction::triggered, this, &MainWindow::saveRecordedLesson);
  discard_lesson_ = new QAction(this);
  connect(discard_lesson_, &QAction::triggered, this, [this] {
    lessons_->clearRecording();
    updateLessonActions();
  });
  shortcuts_ = new QAction(this);
  shortcuts_->setShortcut(Qt::Key_F1);
  connect(shortcuts_, &QAction::triggered, this, &MainWindow::showShortcuts);
  about_ = new QAction(this);
  connect(about_, &QAction::triggered, this, &MainWindow::showAbout);
  open_file_ = new QAction(this);
  open_file_->setShortcut(QKeySequence::Open);
  connect(open_file_, &QAction::triggered, this, &MainWindow::openFileDialog);
  save_weights_ = new QAction(this);
  connect(save_weights_, &QAction::triggered, this, &MainWindow::saveWeights);
  load_weights_ = new QAction(this);
  connect(load_weights_, &QAction::triggered, this, &MainWindow::loadWeights);
  quit_ = new QAction(this);
  quit_->setShortcut(QKeySequence::Quit);
  connect(quit_, &QAction::triggered, this, &QWidget::close);
  auto* languages = new QActionGroup(this);
  english_ = new QAction(QStringLiteral("English"), languages);
  korean_ = new QAction(QStringLiteral("한국어"), languages);
  english_->setCheckable(true);
  korean_->setCheckable(true);
  connect(english_, &QAction::triggered, this, [this] { setLanguage("en"); });
  connect(korean_, &QAction::triggered, this, [this] { setLanguage("ko"); });
  // The Explanation / PyTorch panel: presentation mode puts it aside, this brings it back.
  explain_ = new QAction(this);
  explain_->setCheckable(true);
  explain_->setChecked(true);
  connect(explain_, &QAction::toggled, this, [this](bool on) { info_tabs_->setVisible(on); });
  // In the File menu's Export submenu, and here so that Ctrl+E works with the menu bar hidden.
  export_lab_ = new QAction(this);
  export_lab_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  connect(export_lab_, &QAction::triggered, this, [this] {
    if (current_) exportPlot(current_, tr("lab"));
  });
  toggle_nav_ = nav_dock_->toggleViewAction();
  toggle_nav_->setShortcut(Qt::Key_F7);
  toggle_side_ = side_dock_->toggleViewAction();
  toggle_side_->setShortcut(Qt::Key_F8);
  // The window's own actions: their shortcuts work while presentation mode hides the menu bar.
  for (QAction* a : {slower_, faster_}) addAction(a);
  for (QAction* a : {play_, step_, reset_, presentation_, bigger_, smaller_, shortcuts_, toggle_nav_, toggle_side_, pen_, clear_pen_,
                     explain_, export_lab_, open_file_, quit_})
    addAction(a);
}

void MainWindow::buildMenus() {
  file_menu_ = menuBar()->addMenu(QString());
  file_menu_->setObjectName("FileMenu");
  file_menu_->addAction(open_file_);
  // The open lab's own actions (the Playground's Import CSV…) go here, before this separator.
  lab_actions_end_ = file_menu_->addSeparator();
  export_menu_ = file_menu_->addMenu(QString());
  file_menu_->addSeparator();
  file_menu_->addAction(save_weights_);
  file_menu_->addAction(load_weights_);
  // A lab with pages (the CNN lab) has weights on some of them only: checked as the menu opens.
  connect(file_menu_, &QMenu::aboutToShow, this, &MainWindow::updateWeightsActions);
  connect(file_menu_, &QMenu::aboutToShow, this, &MainWindow::updateLabFileActions);
  file_menu_->addSeparator();
  file_menu_->addAction(quit_);
  view_menu_ = menuBar()->addMenu(QString());
  view_menu_->addAction(presentation_);
  view_menu_->addAction(bigger_);
  view_menu_->addAction(smaller_);
  view_menu_->addSeparator();
  view_menu_->addAction(dark_);
  view_menu_->addAction(toggle_nav_);
  view_menu_->addAction(toggle_side_);
  view_menu_->addSeparator();
  view_menu_->addAction(pen_);
  view_menu_->addAction(clear_pen_);
  language_menu_ = menuBar()->addMenu(QString());
  language_menu_->addAction(english_);
  language_menu_->addAction(korean_);
  lessons_menu_ = menuBar()->addMenu(QString());
  lessons_menu_->setObjectName("LessonsMenu");
  buildLessonsMenu();
  help_menu_ = menuBar()->addMenu(QString());
  help_menu_->addAction(shortcuts_);
  help_menu_->addAction(about_);

  toolbar_ = addToolBar(QString());
  toolbar_->setObjectName("PlayControls");
  toolbar_->setMovable(false);
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  toolbar_->addAction(play_);
  toolbar_->addAction(step_);
  toolbar_->addAction(reset_);
  speed_box_ = new QComboBox;
  speed_box_->setObjectName("PlaySpeed");
  speed_box_->setFocusPolicy(Qt::NoFocus);  // [ and ] and the arrow keys stay the window's
  for (double level : PlaySpeed::levels()) speed_box_->addItem(QString(), level);
  speed_box_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  connect(speed_box_, &QComboBox::activated, this,
          [this](int i) { PlaySpeed::instance().setStepsPerSecond(speed_box_->itemData(i).toDouble()); });
  toolbar_->addWidget(speed_box_);
  toolbar_->addSeparator();
  toolbar_->addAction(presentation_);
  toolbar_->addAction(explain_);
  toolbar_->addAction(pen_);
  auto* spacer = new QWidget;
  spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  toolbar_->addWidget(spacer);
  language_box_ = new QComboBox;
  language_box_->addItem(QStringLiteral("English"), "en");
  language_box_->addItem(QStringLiteral("한국어"), "ko");
  language_box_->setObjectName("LanguageBox");
  language_box_->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // "English" whole in presentation mode too
  connect(language_box_, &QComboBox::activated, this, [this](int i) { setLanguage(language_box_->itemData(i).toString()); });
  toolbar_->addWidget(language_box_);
  play_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
  step_->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
  reset_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
  presentation_->setIcon(style()->standardIcon(QStyle::SP_TitleBarMaxButton));
  pen_->setIcon(QIcon(":/icons/pen.svg"));
  explain_->setIcon(style()->standardIcon(QStyle::SP_FileDialogInfoView));
}

void MainWindow::buildNavigation() {
  nav_->clear();
  QHash<int, QTreeWidgetItem*> groups;
  for (const LabInfo& info : labRegistry()) {
    const int g = static_cast<int>(info.group);
    if (!groups.contains(g)) {
      auto* group = new QTreeWidgetItem;
      group->setData(0, Qt::UserRole + 1, g);
      group->setFlags(Qt::ItemIsEnabled);
      QFont f = group->font(0);
      f.setBold(true);
      group->setFont(0, f);
      groups[g] = group;
    }
    auto* item = new QTreeWidgetItem(groups[g]);
    item->setData(0, Qt::UserRole, info.id);
  }
  QList<int> order = groups.keys();
  std::sort(order.begin(), order.end());
  for (int g : order) nav_->addTopLevelItem(groups[g]);
  nav_->expandAll();
  fitLabList();
}

void MainWindow::fitLabList() {
  // The list is as wide as its longest title (in this language and font), never a scroll bar.
  // (Measured from the items: the column itself stretches to the view, so its width would feed
  // back into the minimum and the dock would only ever grow.)
  nav_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  int widest = 0;
  for (int g = 0; g < nav_->topLevelItemCount(); ++g) {
    const QTreeWidgetItem* group = nav_->topLevelItem(g);
    widest = std::max(widest, QFontMetrics(group->font(0)).horizontalAdvance(group->text(0)));
    for (int c = 0; c < group->childCount(); ++c)
      widest = std::max(widest, nav_->indentation() + QFontMetrics(group->child(c)->font(0)).horizontalAdvance(group->child(c)->text(0)));
  }
  nav_->setMinimumWidth(widest + 2 * nav_->frameWidth() + 16);
}

Lab* MainWindow::labById(const QString& id) {
  const LabInfo* info = findLab(id);
  if (!info) return nullptr;
  if (Lab* lab = labs_.value(id)) return lab;
  Lab* lab = createLab(*info);
  labs_.insert(id, lab);
  views_->addWidget(lab);
  controls_->addWidget(lab->controls());
  // Not shown yet: it takes no room in the stacks' sizes until showLab() makes it current.
  for (QWidget* w : {static_cast<QWidget*>(lab), lab->controls()}) w->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
  connect(lab, &Lab::codeChanged, this, [this, lab] {
    if (lab == current_) code_->setPlainText(lab->pytorchCode());
  });
  connect(lab, &Lab::message, this, [this](const QString& text) {
    // One line, never cut at the window's edge: a message longer than the bar ends in "…" (the lab
    // shows the whole of it where it happened).
    const int room = statusBar()->width() - 2 * statusBar()->fontMetrics().averageCharWidth() - 24;
    statusBar()->showMessage(room > 40 ? statusBar()->fontMetrics().elidedText(text.simplified(), Qt::ElideRight, room) : text, 6000);
  });
  connect(lab, &Lab::stoppedPlaying, this, [this, lab] {
    if (lab != current_ || !self_playing_) return;
    self_playing_ = false;
    updatePlayState();
  });
  return lab;
}

bool MainWindow::showLab(const QString& id) {
  const LabInfo* info = findLab(id);
  if (!info) return false;
  if (current_ && current_->labId() == id) return true;
  play_timer_->stop();
  if (current_ && self_playing_) current_->setPlaying(false);
  self_playing_ = false;
  Lab* lab = labById(id);
  current_ = lab;
  timer_steps_ = 0;
  views_->setCurrentWidget(lab);
  overlay_->clear();  // notes belong to the lab they were drawn on
  overlay_->raise();
  // The side panel is as large as the current lab's controls: a QStackedWidget would take the
  // largest of every lab opened so far (a scroll bar over nothing, a panel too wide).
  // So is the view: the window's minimum is the current lab's, not the largest of every lab opened
  // (which pushed a 1024×768 window past the screen in presentation mode).
  for (QStackedWidget* stack : {controls_, views_})
    for (int i = 0; i < stack->count(); ++i) {
      const bool shown = stack->widget(i) == lab->controls() || stack->widget(i) == lab;
      stack->widget(i)->setSizePolicy(shown ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                      shown ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
  controls_->setCurrentWidget(lab->controls());
  if (Appearance::instance().presentation()) {
    foldControls();
    QTimer::singleShot(0, this, &MainWindow::sizePresentationDocks);
  }
  updateMoreControls();
  for (QTreeWidgetItem* item : nav_->findItems(QString(), Qt::MatchContains | Qt::MatchRecursive)) {
    if (item->data(0, Qt::UserRole).toString() == id) {
      const QSignalBlocker block(nav_);
      nav_->setCurrentItem(item);
    }
  }
  refreshSidePanel();
  applyPlaySpeed();
  updatePlayState();
  updateExportMenu();
  updateWeightsActions();
  updateLabFileActions();
  setWindowTitle(QStringLiteral("GradScope — %1").arg(labTitle(*info)));
  if (settings_) settings_->setValue(keys::kLastLab, id);
  emit labChanged(id);
  return true;
}

QString MainWindow::currentLabId() const { return current_ ? current_->labId() : QString(); }

void MainWindow::refreshSidePanel() {
  if (!current_) return;
  explanation_->setHtml(Language::instance().explanation(current_->labId()));
  code_->setPlainText(current_->pytorchCode());
}

void MainWindow::togglePlay() {
  if (!current_ || !current_->animates()) {
    play_->setChecked(false);
    return;
  }
  if (current_->playsItself()) {
    self_playing_ = !self_playing_;
    current_->setPlaying(self_playing_);
  } else if (play_timer_->isActive()) {
    play_timer_->stop();
  } else {
    play_timer_->start(playInterval());
  }
  updatePlayState();
}

bool MainWindow::isPlaying() const { return play_timer_->isActive() || self_playing_; }

void MainWindow::updatePlayState() {
  const bool animates = current_ && current_->animates();
  play_->setEnabled(animates);
  step_->setEnabled(animates);
  reset_->setEnabled(current_ != nullptr);
  const bool playing = isPlaying();
  play_->setChecked(playing);
  play_->setText(playing ? tr("Pause") : tr("Play"));
  play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void MainWindow::updateExportMenu() {
  export_menu_->clear();
  if (!current_) return;
  for (const auto& [name, widget] : current_->exportablePlots()) {
    QWidget* w = widget;
    const QString n = name;
    export_menu_->addAction(tr("%1…").arg(name), this, [this, w, n] { exportPlot(w, n); });
  }
  export_menu_->addSeparator();
  export_menu_->addAction(export_lab_);
}

void MainWindow::updateWeightsActions() {
  const bool has = current_ && current_->hasWeights();
  save_weights_->setEnabled(has);
  load_weights_->setEnabled(has);
}

void MainWindow::saveWeights() {
  updateWeightsActions();
  if (!save_weights_->isEnabled()) return;
  const QString path = QFileDialog::getSaveFileName(this, tr("Save weights"), currentLabId() + ".safetensors",
                                                    tr("safetensors (*.safetensors)"));
  if (path.isEmpty()) return;
  const QString problem = saveWeightsTo(path);
  if (!problem.isEmpty()) QMessageBox::warning(this, tr("Save weights"), problem);
}

void MainWindow::loadWeights() {
  updateWeightsActions();
  if (!load_weights_->isEnabled()) return;
  const QString path = QFileDialog::getOpenFileName(this, tr("Load weights"), QString(), tr("safetensors (*.safetensors)"));
  if (path.isEmpty()) return;
  const QString problem = loadWeightsFrom(path);
  if (!problem.isEmpty()) QMessageBox::warning(this, tr("Load weights"), problem);
}

namespace {

/// Runs `io` on `lab` and puts its outcome in the status bar: the lab's own message when it
/// gave one (the builder says which tensors fit), else `done`.
QString weightsCall(Lab* lab, QStatusBar* status, const QString& done, const std::function<QString()>& io) {
  if (!lab || !lab->hasWeights()) return MainWindow::tr("This lab has no network with weights.");
  QString said;
  const auto spoke = QObject::connect(lab, &Lab::message, status, [&said](const QString& text) { said = text; });
  const QString problem = io();
  QObject::disconnect(spoke);
  if (problem.isEmpty()) status->showMessage(said.isEmpty() ? done : said, 8000);
  return problem;
}

}  // namespace

QString MainWindow::saveWeightsTo(const QString& path) {
  return weightsCall(current_, statusBar(), tr("Saved the weights to %1").arg(path), [&] { return current_->saveWeights(path); });
}

QString MainWindow::loadWeightsFrom(const QString& path) {
  return weightsCall(current_, statusBar(), tr("Loaded the weights from %1").arg(path), [&] { return current_->loadWeights(path); });
}

void MainWindow::exportPlot(QWidget* plot, const QString& name) {
  QString base = currentLabId() + "-" + name.toLower().replace(' ', '-');
  const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(name), base + ".png",
                                                    tr("PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)"));
  if (path.isEmpty()) return;
  const QString error = exportWidget(plot, path);
  if (error.isEmpty()) statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
  else QMessageBox::warning(this, tr("Export failed"), error);
}

void MainWindow::setLanguage(const QString& code) {
  if (!Language::instance().setLanguage(code)) return;
  english_->setChecked(code == "en");
  korean_->setChecked(code == "ko");
  language_box_->setCurrentIndex(language_box_->findData(code));
}

void MainWindow::setPresentation(bool on, bool full_screen) {
  if (Appearance::instance().presentation() == on) return;
  const QSignalBlocker block(presentation_);
  presentation_->setChecked(on);
  if (on) {
    saved_ = {saveState(), side_split_->sizes(), !menuBar()->isHidden(), !info_tabs_->isHidden(), !nav_dock_->isHidden(),
              nav_dock_->width(), side_dock_->width()};
    was_maximized_ = isMaximized();
    nav_dock_->hide();
    menuBar()->hide();
    explain_->setChecked(false);  // the panel steps aside; the toolbar's Explanation brings it back
    Appearance::instance().setWindowSize(size());
    if (full_screen) showFullScreen();
  } else {
    if (was_maximized_) showMaximized();
    else if (isFullScreen()) showNormal();
    menuBar()->setVisible(saved_.menu);
    nav_dock_->setVisible(saved_.labs);
    explain_->setChecked(saved_.info);
  }
  Appearance::instance().setPresentation(on);
  if (on) foldControls();
  else unfoldControls();
  updateLessonActions();  // (Esc)
  applyPlaySpeed();       // (a pace a class can follow)
  if (on) {
    sizePresentationDocks();
    QTimer::singleShot(0, this, &MainWindow::sizePresentationDocks);  // again once full screen
  } else {
    // Docks, their sizes and the split between controls and explanation as they were (again once
    // the window is back to its normal size).
    auto restore = [this, saved = saved_] {
      // The controls' minimum widths at the normal font first (else a dock keeps the width of
      // presentation mode's larger text).
      QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
      restoreState(saved.state);
      resizeDocks({nav_dock_, side_dock_}, {saved.labs_width, saved.side_width}, Qt::Horizontal);
      side_split_->setSizes(saved.split);
    };
    restore();
    QTimer::singleShot(0, this, restore);
  }
}

void MainWindow::sizePresentationDocks() {
  if (!Appearance::instance().presentation() || !side_dock_->isVisible()) return;
  // The strip is as wide as its controls need and no wider than 30 % of the window (the folded
  // panel needs less): the view keeps the rest.
  const int need = side_dock_->minimumSizeHint().width();
  resizeDocks({side_dock_}, {std::max(need, width() * 30 / 100)}, Qt::Horizontal);
}

double MainWindow::viewWidthShare() const { return width() > 0 ? static_cast<double>(views_->width()) / width() : 0.0; }

void MainWindow::foldControls() {
  if (!current_ || folded_labs_.contains(current_->labId())) return;
  folded_labs_.insert(current_->labId());
  // A panel is the lab's controls or one page of them (a widget in a stack: the pages of a lab
  // with tabs). Only a panel that marks primary controls is folded: the rest of a lab that marks
  // none is as primary as anything.
  QWidget* root = current_->controls();
  QHash<QWidget*, QList<ControlGroup*>> panels;
  for (ControlGroup* g : root->findChildren<ControlGroup*>()) {
    QWidget* panel = g->parentWidget();
    while (panel != root && !qobject_cast<QStackedWidget*>(panel->parentWidget())) panel = panel->parentWidget();
    panels[panel] << g;
  }
  for (auto it = panels.cbegin(); it != panels.cend(); ++it) {
    const QList<QWidget*> widgets = it.key()->findChildren<QWidget*>();
    if (std::none_of(widgets.begin(), widgets.end(), [](const QWidget* w) { return w->property("gsPrimary").toBool(); })) continue;
    for (ControlGroup* g : it.value()) {
      if (g->holdsPrimary() || g->isFolded()) continue;
      g->setFolded(!more_controls_->isChecked());
      folded_ << g;
    }
  }
  // A page change shows another page's folded groups, or none.
  for (QStackedWidget* pages : root->findChildren<QStackedWidget*>())
    connect(pages, &QStackedWidget::currentChanged, this, &MainWindow::updateMoreControls, Qt::UniqueConnection);
  updateMoreControls();
}

void MainWindow::unfoldControls() {
  for (ControlGroup* g : std::as_const(folded_))
    if (g) g->setFolded(false);
  folded_.clear();
  folded_labs_.clear();
  const QSignalBlocker block(more_controls_);
  more_controls_->setChecked(false);
  updateMoreControls();
}

void MainWindow::updateMoreControls() {
  if (!more_controls_) return;
  bool any = false;
  if (current_ && Appearance::instance().presentation()) {
    QWidget* root = current_->controls();
    for (ControlGroup* g : std::as_const(folded_))
      if (g && root->isAncestorOf(g) && (g->parentWidget() == root || g->parentWidget()->isVisibleTo(root))) any = true;
  }
  more_controls_->setVisible(any);
  more_controls_->setText(more_controls_->isChecked() ? tr("Fewer controls") : tr("More controls"));
  more_controls_->setToolTip(tr("Presentation mode shows the lab's main controls; this shows the others too"));
}

void MainWindow::resizeEvent(QResizeEvent* event) {
  QMainWindow::resizeEvent(event);
  // Presentation mode's text and lines follow the window's size (nothing changes outside it).
  Appearance::instance().setWindowSize(event->size());
  if (Appearance::instance().presentation()) QTimer::singleShot(0, this, &MainWindow::sizePresentationDocks);
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (!docks_sized_ && !(settings_ && settings_->contains(keys::kWindowState))) {
    // The lab view gets the room: the side panel about a quarter of the window.
    resizeDocks({nav_dock_, side_dock_}, {150, std::max(320, width() / 4 + 20)}, Qt::Horizontal);
  }
  if (!docks_sized_) side_split_->setSizes({height() * 62 / 100, height() * 38 / 100});
  docks_sized_ = true;
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::retranslate() {
  nav_dock_->setWindowTitle(tr("Labs"));
  side_dock_->setWindowTitle(tr("Controls"));
  info_tabs_->setTabText(0, tr("Explanation"));
  info_tabs_->setTabText(1, tr("PyTorch"));
  copy_code_->setText(tr("Copy code"));
  file_menu_->setTitle(tr("&File"));
  export_menu_->setTitle(tr("&Export plot"));
  view_menu_->setTitle(tr("&View"));
  language_menu_->setTitle(tr("&Language"));
  help_menu_->setTitle(tr("&Help"));
  lessons_menu_->setTitle(tr("Less&ons"));
  for (int i = 0; i < speed_box_->count(); ++i) speed_box_->setItemText(i, PlaySpeed::label(speed_box_->itemData(i).toDouble()));
  speed_box_->setToolTip(tr("Play's speed: from one step a second, with each step's numbers, to flat out ([ slower, ] faster)"));
  slower_->setText(tr("Slower"));
  faster_->setText(tr("Faster"));
  buildLessonsMenu();
  toolbar_->setWindowTitle(tr("Play controls"));
  step_->setText(tr("Step"));
  reset_->setText(tr("Reset"));
  presentation_->setText(tr("Presentation"));
  pen_->setText(tr("Pen"));
  explain_->setText(tr("Explanation"));
  explain_->setToolTip(tr("Show or hide the explanation and the PyTorch code"));
  export_lab_->setText(tr("Whole lab view…"));
  updateMoreControls();
  pen_->setToolTip(tr("Draw over the lab with the mouse (P); C clears"));
  clear_pen_->setText(tr("Clear the drawing"));
  bigger_->setText(tr("Bigger text and lines"));
  smaller_->setText(tr("Smaller text and lines"));
  dark_->setText(tr("Dark theme"));
  shortcuts_->setText(tr("Keyboard shortcuts"));
  about_->setText(tr("About GradScope"));
  quit_->setText(tr("Quit"));
  open_file_->setText(tr("Open…"));
  open_file_->setToolTip(tr("A lesson, a scenario or a network (JSON), or weights for the open lab (safetensors)"));
  updateLabFileActions();
  save_weights_->setText(tr("Save weights…"));
  load_weights_->setText(tr("Load weights…"));
  save_weights_->setToolTip(tr("The open lab's network as a safetensors file (PyTorch's state_dict names)"));
  load_weights_->setToolTip(tr("Weights from a safetensors file into the open lab's network"));
  toggle_nav_->setText(tr("Lab list"));
  toggle_side_->setText(tr("Side panel"));
  play_->setToolTip(tr("Play / pause the lab (Space)"));
  step_->setToolTip(tr("One step (→)"));
  reset_->setToolTip(tr("Back to the start (R)"));
  presentation_->setToolTip(tr("Presentation mode: full screen, the lab's view large and its primary controls in one strip, text and lines that "
                                "scale with the screen (F5; Ctrl +/− scale more; Esc leaves)"));
  for (int i = 0; i < nav_->topLevelItemCount(); ++i) {
    QTreeWidgetItem* group = nav_->topLevelItem(i);
    group->setText(0, groupTitle(static_cast<LabGroup>(group->data(0, Qt::UserRole + 1).toInt())));
    for (int j = 0; j < group->childCount(); ++j) {
      QTreeWidgetItem* item = group->child(j);
      item->setText(0, labTitle(*findLab(item->data(0, Qt::UserRole).toString())));
    }
  }
  if (const LabInfo* info = current_ ? findLab(current_->labId()) : nullptr)
    setWindowTitle(QStringLiteral("GradScope — %1").arg(labTitle(*info)));
  updatePlayState();
  updateExportMenu();
}

void MainWindow::showShortcuts() {
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Keyboard shortcuts"));
  auto* table = new QTableWidget(0, 2);
  table->horizontalHeader()->hide();
  table->verticalHeader()->hide();
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->horizontalHeader()->setStretchLastSection(true);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  const QList<QPair<QString, QString>> rows = {
      {tr("Space"), tr("Play / pause")}, {tr("→"), tr("One step")}, {tr("R"), tr("Reset the lab")},
      {tr("F5"), tr("Presentation mode")}, {tr("Esc"), tr("Leave the lesson, then presentation mode")},
      {tr("[ / ]"), tr("Play slower / faster")},
      {tr("Page Down / Page Up"), tr("Next / previous step of a lesson (a presenter's clicker)")},
      {tr("Ctrl + / Ctrl −"), tr("Bigger / smaller text and lines")}, {tr("F7"), tr("Show / hide the lab list")},
      {tr("F8"), tr("Show / hide the side panel")}, {tr("P"), tr("Pen: draw over the lab with the mouse")},
      {tr("C"), tr("Clear the drawing")}, {tr("Ctrl+O"), tr("Open a lesson, a scenario, a network or weights")},
      {tr("Ctrl+E"), tr("Export the lab view")}, {tr("F1"), tr("This help")}};
  for (const auto& [key, what] : rows) {
    const int r = table->rowCount();
    table->insertRow(r);
    table->setItem(r, 0, new QTableWidgetItem(key));
    table->setItem(r, 1, new QTableWidgetItem(what));
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(table);
  layout->addWidget(buttons);
  dialog.resize(520, 420);
  dialog.exec();
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About GradScope"),
                     tr("<h3>GradScope %1</h3><p>Learn deep learning by doing: every lab runs on GradScope's own "
                        "tensor and autograd engine, which follows PyTorch's semantics.</p>"
                        "<p>Data sets from the UCI Machine Learning Repository (CC BY 4.0). Photographs by "
                        "danielbuechele and vultilion on Flickr (CC BY 2.0).</p>")
                         .arg(QApplication::applicationVersion()));
}

void MainWindow::offerRecovery() {
  QString moved_aside;
  const nlohmann::json session = session_->unfinished(&moved_aside);
  if (!moved_aside.isEmpty()) statusBar()->showMessage(moved_aside, 20000);
  if (session.is_null()) return;
  const QString when = QDateTime::fromString(QString::fromStdString(session.value("saved_at", std::string())), Qt::ISODate)
                           .toString(QLocale().dateTimeFormat(QLocale::ShortFormat));
  const auto answer = QMessageBox::question(this, tr("Recover the last session?"),
                                            tr("GradScope did not close normally last time. Restore the labs as they were "
                                               "at %1 (the Playground's setup, the builder's network)?")
                                                .arg(when),
                                            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
  if (answer != QMessageBox::Yes) return;
  const QString problems = session_->restore(session);
  if (!problems.isEmpty()) QMessageBox::warning(this, tr("Recovered, with problems"), problems);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  play_timer_->stop();
  if (!session_->file().isEmpty()) (void)session_->save(true);
  if (settings_) {
    if (Appearance::instance().presentation()) setPresentation(false);
    settings_->setValue(keys::kGeometry, saveGeometry());
    settings_->setValue(keys::kWindowState, saveState());
  }
  QMainWindow::closeEvent(event);
}

}  // namespace gsui

namespace gsui {

QList<QPair<QString, QString>> MainWindow::shippedLessons() {
  QStringList labs;
  for (const LabInfo& info : labRegistry()) labs << info.id;
  QList<QPair<QString, QString>> out;
  for (const QString& file : shippedLessonFiles()) {
    Lesson lesson;
    if (readLessonFile(file, labs, &lesson).isEmpty()) out.append({lesson.id, file});
  }
  return out;
}

QString MainWindow::startLesson(const QString& id_or_path, int step) {
  QString path = id_or_path;
  for (const auto& [id, file] : shippedLessons())
    if (id == id_or_path) path = file;
  if (path == id_or_path && !QFileInfo::exists(path)) {
    QStringList ids;
    for (const auto& [id, file] : shippedLessons()) ids << id;
    return tr("no lesson \"%1\" (the lessons are %2, or give a lesson file)").arg(id_or_path, ids.join(", "));
  }
  QStringList labs;
  for (const LabInfo& info : labRegistry()) labs << info.id;
  Lesson lesson;
  if (const QString problem = readLessonFile(path, labs, &lesson); !problem.isEmpty()) return problem;
  const QString problem = lessons_->start(lesson, step);
  updateLessonActions();
  return problem;
}

void MainWindow::buildLessonsMenu() {
  if (!lessons_menu_) return;
  lessons_menu_->clear();
  int n = 0;
  QStringList labs;
  for (const LabInfo& info : labRegistry()) labs << info.id;
  for (const QString& file : shippedLessonFiles()) {
    Lesson lesson;
    if (!readLessonFile(file, labs, &lesson).isEmpty()) continue;  // (a lab this build lacks)
    const QString id = lesson.id;
    QAction* a = lessons_menu_->addAction(QStringLiteral("&%1  %2").arg(++n).arg(lesson.title.text()));
    a->setData(id);
    connect(a, &QAction::triggered, this, [this, id] {
      if (const QString problem = startLesson(id); !problem.isEmpty()) QMessageBox::warning(this, tr("Lessons"), problem);
    });
  }
  lessons_menu_->addSeparator();
  lessons_menu_->addAction(open_lesson_);
  lessons_menu_->addSeparator();
  lessons_menu_->addAction(record_step_);
  lessons_menu_->addAction(save_lesson_);
  lessons_menu_->addAction(discard_lesson_);
  open_lesson_->setText(tr("Open a lesson file…"));
  record_step_->setText(tr("Add this state as a step…"));
  save_lesson_->setText(tr("Save the recorded lesson…"));
  discard_lesson_->setText(tr("Discard the recorded lesson"));
  updateLessonActions();
}

void MainWindow::escape() {
  if (lessons_->active()) lessons_->leave();
  else setPresentation(false);
}

void MainWindow::updateLessonActions() {
  const bool lesson = lessons_ && lessons_->active();
  if (lesson_next_) lesson_next_->setEnabled(lesson);
  if (lesson_previous_) lesson_previous_->setEnabled(lesson);
  if (leave_presentation_) leave_presentation_->setEnabled(lesson || Appearance::instance().presentation());
  const int recorded = lessons_ ? static_cast<int>(lessons_->recording().steps.size()) : 0;
  if (save_lesson_) {
    save_lesson_->setEnabled(recorded > 0);
    save_lesson_->setText(recorded > 0 ? tr("Save the recorded lesson (steps: %1)…").arg(recorded) : tr("Save the recorded lesson…"));
  }
  if (discard_lesson_) discard_lesson_->setEnabled(recorded > 0);
}

void MainWindow::recordLessonStep() {
  bool ok = false;
  const QString caption = QInputDialog::getMultiLineText(
      this, tr("Add this state as a step"),
      tr("The caption the class reads at this step (the lab, its settings and its page are recorded with it):"), QString(), &ok);
  if (!ok) return;
  if (const QString problem = lessons_->recordStep({caption, caption}); !problem.isEmpty()) {
    QMessageBox::warning(this, tr("Add this state as a step"), problem);
    return;
  }
  updateLessonActions();
  statusBar()->showMessage(tr("Step %1 recorded. Lessons → Save the recorded lesson… writes the file.").arg(lessons_->recording().steps.size()), 6000);
}

void MainWindow::saveRecordedLesson() {
  if (lessons_->recording().steps.empty()) return;
  bool ok = false;
  const QString title = QInputDialog::getText(this, tr("Save the recorded lesson"), tr("The lesson's title:"), QLineEdit::Normal,
                                              lessons_->recording().title.text(), &ok);
  if (!ok) return;
  const QString path = QFileDialog::getSaveFileName(this, tr("Save the recorded lesson"), QStringLiteral("lesson.json"),
                                                    tr("GradScope lessons (*.json)"));
  if (path.isEmpty()) return;
  lessons_->setRecordingTitle({title, title}, QFileInfo(path).completeBaseName());
  if (const QString problem = writeLessonFile(path, lessons_->recording()); !problem.isEmpty()) {
    QMessageBox::warning(this, tr("Save the recorded lesson"), problem);
    return;
  }
  statusBar()->showMessage(tr("Lesson saved to %1").arg(path), 6000);
}

}  // namespace gsui

namespace gsui {

int MainWindow::playInterval() const {
  const double sps = PlaySpeed::instance().stepsPerSecond();
  return sps > 0 ? std::max(16, static_cast<int>(std::lround(1000.0 / sps))) : 16;  // (flat out: a step per frame)
}

void MainWindow::applyPlaySpeed() {
  if (!current_ || !speed_box_) return;
  const QString key = current_->labId() + (Appearance::instance().presentation() ? "/presentation" : "");
  const double sps = lab_speed_.contains(key) ? lab_speed_.value(key) : current_->defaultPlaySpeed(Appearance::instance().presentation());
  applying_speed_ = true;
  PlaySpeed::instance().setStepsPerSecond(sps);
  applying_speed_ = false;
  speed_box_->setCurrentIndex(PlaySpeed::levelOf(PlaySpeed::instance().stepsPerSecond()));
  if (play_timer_->isActive()) play_timer_->setInterval(playInterval());
  updateStepReadout();
}

void MainWindow::updateStepReadout() {
  if (!step_readout_) return;
  const bool show = current_ && current_->animates() && isPlaying() && PlaySpeed::instance().watchable();
  QString text;
  if (show) {
    text = current_->stepReadout();
    if (text.isEmpty() && !current_->playsItself()) text = tr("step %1").arg(timer_steps_);
  }
  if (step_readout_->text() != text) step_readout_->setText(text);
  step_readout_->setVisible(!text.isEmpty());
}

}  // namespace gsui
