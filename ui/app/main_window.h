#pragma once
// The studio window: labs grouped like the course on the left, the lab's view in the middle,
// its controls, explanation and PyTorch code on the right; play controls, presentation mode
// (F5), language switching and export around them.
#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <nlohmann/json.hpp>

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;
class QMenu;
class QToolBar;

namespace gsui {

class AnnotationOverlay;
class ControlGroup;
class Lab;
class LessonBar;
class LessonPlayer;
class SessionStore;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  /// settings may be null (nothing remembered, as in tests).
  explicit MainWindow(QSettings* settings = nullptr, QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a lab by id; false (and nothing changes) for an unknown id.
  bool showLab(const QString& id);
  Lab* currentLab() const { return current_; }
  QString currentLabId() const;
  void setLanguage(const QString& code);
  /// Presentation mode is a layout: the lab list, the menu bar and the Explanation / PyTorch panel
  /// step aside (the toolbar's Explanation brings the panel back), the controls panel keeps only
  /// the groups with the lab's primary controls ("More controls" unfolds the rest), the lab's view
  /// takes about two thirds of the width, and fonts and lines scale with the window's height
  /// (Appearance::scale()); high contrast, and (unless full_screen is false, as for screenshots)
  /// full screen. Leaving it puts every one of these back as it was.
  void setPresentation(bool on, bool full_screen = true);
  bool isPlaying() const;

  QTreeWidget* navigation() const { return nav_; }
  QTextBrowser* explanationView() const { return explanation_; }
  QPlainTextEdit* codeView() const { return code_; }
  QAction* playAction() const { return play_; }
  QAction* stepAction() const { return step_; }
  QAction* resetAction() const { return reset_; }
  /// Play's speed in the toolbar, and its keys [ (slower) and ] (faster).
  QComboBox* speedBox() const { return speed_box_; }
  QLabel* stepReadout() const { return step_readout_; }
  QAction* presentationAction() const { return presentation_; }
  QAction* penAction() const { return pen_; }
  /// Shows / hides the Explanation and PyTorch panel (checked: shown).
  QAction* explanationAction() const { return explain_; }
  /// The toggle at the end of the controls panel that unfolds the groups presentation mode folded.
  QPushButton* moreControlsButton() const { return more_controls_; }
  /// The view's share of the window's width, 0–1 (for tests and --check-layout).
  double viewWidthShare() const;
  /// File → Save weights… / Load weights…: enabled while the current lab hasWeights().
  QAction* saveWeightsAction() const { return save_weights_; }
  QAction* loadWeightsAction() const { return load_weights_; }
  /// What the two actions do after their file dialog: the current lab's network to or from the
  /// safetensors file `path`. A status-bar message on success; the problem (translated, naming
  /// the file and tensor; nothing changed) is returned, "" on success.
  QString saveWeightsTo(const QString& path);
  QString loadWeightsFrom(const QString& path);
  /// File → Open… (Ctrl+O) and --open: opens `path` as what its content says it is: a lesson
  /// ("format": "gradscope-lesson") starts; a scenario (a "lab" field) opens its lab with it; a
  /// network spec (a "layers" field) opens in the builder; safetensors weights load into the open
  /// lab's network. "" or the problem (translated, naming the file or the field), in which case
  /// nothing changed: the same lab is open, in the same state.
  QString openFile(const QString& path);
  QAction* openAction() const { return open_file_; }
  /// The File menu: Open…, the open lab's fileActions(), Export, weights, Quit.
  QMenu* fileMenu() const { return file_menu_; }

  /// The autosaved session (the open lab, the Playground's setup, the builder's network); written
  /// at a normal close too.
  SessionStore* session() const { return session_; }
  /// At start: when the last session did not end normally, asks whether to restore it.
  void offerRecovery();
  AnnotationOverlay* annotations() const { return overlay_; }
  QDockWidget* sidePanel() const { return side_dock_; }
  QDockWidget* labList() const { return nav_dock_; }

  /// Lessons (the Lessons menu, Page Down / Page Up, Esc): the player and what it plays.
  LessonPlayer* lessons() const { return lessons_; }
  /// Starts the lesson of `id_or_path` (a shipped lesson's id, or a lesson file) at step `step`
  /// (from 0); "" or the problem, with nothing changed.
  QString startLesson(const QString& id_or_path, int step = 0);
  /// The shipped lessons, id → file, in the course's order.
  static QList<QPair<QString, QString>> shippedLessons();

 signals:
  void labChanged(const QString& id);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  /// The lab `id`, created on first use without being shown; null for an unknown id.
  Lab* labById(const QString& id);
  /// Opens `id` with the file's JSON (Lab::openFile), switching to it only when it took the file.
  QString openInLab(const QString& id, const QString& path, const nlohmann::json& json);
  /// File → Open…'s dialog; a problem in a message box.
  void openFileDialog();
  /// The File menu shows the current lab's fileActions() (and no other lab's).
  void updateLabFileActions();
  void buildLabList();
  void fitLabList();
  void buildSidePanel();
  void connectSettings();
  void buildActions();
  void buildMenus();
  void buildNavigation();
  void retranslate();
  void updatePlayState();
  /// Play's speed: the current lab's (remembered per lab and mode), applied to the timer or the
  /// lab's worker, shown in the toolbar.
  void applyPlaySpeed();
  int playInterval() const;
  void updateStepReadout();
  void updateExportMenu();
  void updateWeightsActions();
  /// The file dialogs of File → Save weights… / Load weights…; a problem in a message box.
  void saveWeights();
  void loadWeights();
  void refreshSidePanel();
  void togglePlay();
  void exportPlot(QWidget* plot, const QString& name);
  void showShortcuts();
  void showAbout();
  /// Presentation mode's strip: folds the current lab's groups without a primary control.
  void foldControls();
  /// Unfolds every group foldControls() folded, in every lab.
  void unfoldControls();
  void updateMoreControls();
  /// The side panel's width in presentation mode: the controls' minimum, at most a third.
  void sizePresentationDocks();
  void buildLessonsMenu();
  /// Esc: leaves a lesson first, then presentation mode.
  void escape();
  void updateLessonActions();
  /// Lessons → Add this state as a step… / Save the recorded lesson…
  void recordLessonStep();
  void saveRecordedLesson();

  QSettings* settings_;
  QTreeWidget* nav_ = nullptr;
  QStackedWidget* views_ = nullptr;
  QStackedWidget* controls_ = nullptr;
  QTabWidget* info_tabs_ = nullptr;
  QSplitter* side_split_ = nullptr;
  QTextBrowser* explanation_ = nullptr;
  QPlainTextEdit* code_ = nullptr;
  QPushButton* copy_code_ = nullptr;
  QDockWidget* nav_dock_ = nullptr;
  QDockWidget* side_dock_ = nullptr;
  QToolBar* toolbar_ = nullptr;
  QComboBox* language_box_ = nullptr;
  QTimer* play_timer_ = nullptr;
  QComboBox* speed_box_ = nullptr;
  QAction* slower_ = nullptr;
  QAction* faster_ = nullptr;
  QLabel* step_readout_ = nullptr;
  QTimer* readout_timer_ = nullptr;
  int timer_steps_ = 0;  ///< steps Play's timer took since the lab was opened or reset
  bool applying_speed_ = false;  ///< applyPlaySpeed() sets the lab's speed: not the learner's choice
  QHash<QString, double> lab_speed_;  ///< the learner's choice per lab id (+ "/presentation")
  QHash<QString, Lab*> labs_;
  Lab* current_ = nullptr;

  QMenu* file_menu_ = nullptr;
  QMenu* export_menu_ = nullptr;
  QMenu* view_menu_ = nullptr;
  QMenu* language_menu_ = nullptr;
  QMenu* help_menu_ = nullptr;
  QMenu* lessons_menu_ = nullptr;
  QAction* open_lesson_ = nullptr;
  QAction* record_step_ = nullptr;
  QAction* save_lesson_ = nullptr;
  QAction* discard_lesson_ = nullptr;
  QAction* lesson_next_ = nullptr;
  QAction* lesson_previous_ = nullptr;
  LessonBar* lesson_bar_ = nullptr;
  LessonPlayer* lessons_ = nullptr;
  QAction* play_ = nullptr;
  QAction* step_ = nullptr;
  QAction* reset_ = nullptr;
  QAction* presentation_ = nullptr;
  QAction* leave_presentation_ = nullptr;
  QAction* bigger_ = nullptr;
  QAction* smaller_ = nullptr;
  QAction* dark_ = nullptr;
  QAction* shortcuts_ = nullptr;
  QAction* about_ = nullptr;
  QAction* quit_ = nullptr;
  QAction* open_file_ = nullptr;
  QAction* lab_actions_end_ = nullptr;  ///< the separator after the current lab's fileActions()
  QList<QPointer<QAction>> lab_file_actions_;  ///< the current lab's, as the File menu shows them
  QAction* save_weights_ = nullptr;
  QAction* load_weights_ = nullptr;
  QAction* english_ = nullptr;
  QAction* korean_ = nullptr;
  QAction* toggle_nav_ = nullptr;
  QAction* toggle_side_ = nullptr;
  QAction* pen_ = nullptr;
  QAction* clear_pen_ = nullptr;
  QAction* explain_ = nullptr;
  QAction* export_lab_ = nullptr;
  QPushButton* more_controls_ = nullptr;
  QWidget* controls_content_ = nullptr;
  /// The groups presentation mode folded (per lab, so that a lab opened later is folded too).
  QList<QPointer<ControlGroup>> folded_;
  QSet<QString> folded_labs_;
  /// What presentation mode changed, to put back exactly when it ends.
  struct Saved {
    QByteArray state;  ///< saveState(): docks, their sizes and the toolbar
    QList<int> split;  ///< controls / explanation heights
    bool menu = true, info = true, labs = true;
    int labs_width = 0, side_width = 0;  ///< the docks' widths
  } saved_;
  AnnotationOverlay* overlay_ = nullptr;
  SessionStore* session_ = nullptr;
  bool was_maximized_ = false;
  bool docks_sized_ = false;
  bool self_playing_ = false;  ///< the current lab runs its own play loop and is playing
};

}  // namespace gsui
