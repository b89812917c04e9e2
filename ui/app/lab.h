#pragma once
// The interface every lab implements. A lab is a view (this widget) plus a side panel of
// controls; the main window supplies the explanation, the PyTorch code panel, play controls,
// export, presentation mode and language switching around it.
#include <QImage>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <nlohmann/json.hpp>

class QAction;
class QVBoxLayout;

namespace gs::train {
class Trainer;
}

namespace gsui {

class TrainingSessionBase;

/// Runs `work` in the session's worker between two steps and waits for it: the model belongs to
/// the worker, so weights are read and written there, never from the UI thread while it trains.
/// Returns "" or the message of what `work` threw (the run keeps going either way). A worker
/// that does not answer within `timeout_ms` gets the work cancelled (it then never runs) and
/// the answer says so.
QString runInWorker(TrainingSessionBase& session, std::function<void(gs::train::Trainer&)> work, int timeout_ms = 60000);

class Lab : public QWidget {
  Q_OBJECT
 public:
  explicit Lab(QWidget* parent = nullptr);
  ~Lab() override;
  /// The registry id ("perceptron"), given by the registry when it creates the lab (empty for a
  /// lab made on its own, as in a test).
  QString labId() const { return id_; }
  void setLabId(const QString& id) { id_ = id; }
  /// The side panel of controls, owned by the lab; the window shows it beside the lab.
  QWidget* controls() const { return controls_; }
  /// PyTorch code equivalent to the lab's current state.
  virtual QString pytorchCode() const = 0;
  /// Whether Play / Step / Reset mean something here.
  virtual bool animates() const { return false; }
  /// Advances one step (Play calls it on a timer).
  virtual void step() {}
  /// Whether step() has something left to show: false once a stepped animation reached its end
  /// (a convolution's output map is full). A lesson step's "run" stops there.
  virtual bool canStep() const { return true; }
  /// Back to the initial state.
  virtual void reset() {}
  /// Steps per second while playing.
  virtual int playRate() const { return 10; }
  /// Play's speed (steps per second, 0: flat out) until the learner picks another (PlaySpeed):
  /// the lab's own pace; in presentation mode a lab that trains in a worker runs at a pace a
  /// class can follow instead of thousands of epochs in a few seconds.
  virtual double defaultPlaySpeed(bool presentation) const { return playsItself() ? (presentation ? 100 : 0) : playRate(); }
  /// The last step's numbers, shown while Play is slow enough to read them (≤ 2 steps/s); "" for
  /// none (the window then counts the steps).
  virtual QString stepReadout() const { return {}; }
  /// A lab that trains in a worker thread runs its own play loop: the window then calls
  /// setPlaying() instead of step() on a timer.
  virtual bool playsItself() const { return false; }
  virtual void setPlaying(bool) {}
  /// What the session autosave keeps of this lab (null: nothing), and how it comes back; the
  /// restore returns a problem (nothing changed) or "".
  virtual nlohmann::json sessionState() const { return nullptr; }
  virtual QString restoreSessionState(const nlohmann::json&) { return {}; }
  /// The plots the user can export, with their (translated) names.
  virtual QList<QPair<QString, QWidget*>> exportablePlots() const = 0;
  /// Re-applies texts after a language switch.
  virtual void retranslate() = 0;
  /// Re-applies fonts, pens and colours after the appearance changed (presentation mode, theme).
  virtual void applyAppearance() = 0;
  /// A lab made of pages (tabs): their ids, for `--page` ("" for none).
  virtual QStringList pageIds() const { return {}; }
  /// Shows the page `id` of pageIds(); false for an unknown id.
  virtual bool showPage(const QString&) { return false; }
  /// Work the lab has started is still under way (loading data, steps asked for): a screenshot
  /// waits for it.
  virtual bool busy() const { return false; }
  /// OpenGL views (3-D surfaces) rendered to images, with the widget they belong to: a window
  /// grab cannot read them, so screenshots paint these over it.
  virtual QList<QPair<QWidget*, QImage>> openGLRenders() const { return {}; }
  /// Whether the lab shows a network whose weights File → Save weights / Load weights write and
  /// read (a safetensors file named by PyTorch's state_dict keys).
  virtual bool hasWeights() const { return false; }
  /// Writes the network's state_dict to `path`; "" or the problem, translated.
  virtual QString saveWeights(const QString& path);
  /// Loads `path` into the network, as load_state_dict(strict=True); "" or the problem
  /// (translated, naming the file and the tensor), in which case nothing changed.
  virtual QString loadWeights(const QString& path);
  /// Opens a file of this lab's kind that the window was given (File → Open…, --open): `json` is
  /// its content, already read (a scenario whose "lab" is this lab's id, or the builder's network
  /// spec). "" or the problem (translated, naming the file), in which case nothing changed. By
  /// default a lab opens no files, and says so.
  virtual QString openFile(const QString& path, const nlohmann::json& json);
  /// Actions of this lab for the window's File menu, shown there while the lab is open (removed
  /// when another opens). The lab owns them; each call sets their texts in the current language.
  virtual QList<QAction*> fileActions() { return {}; }

 signals:
  /// The PyTorch code changed (a control moved).
  void codeChanged();
  /// A one-line message for the status bar.
  void message(const QString& text);
  /// A lab that plays itself stopped on its own (divergence, an error, a preset or a new
  /// network): the window's Play button goes back to Play.
  void stoppedPlaying();

 protected:
  void changeEvent(QEvent* event) override;
  /// The controls panel's layout: a lab adds its groups top to bottom, then a stretch.
  QVBoxLayout* controlsLayout() const;
  /// The lab's action named `name` (made on the first call, running `triggered`; the lab owns
  /// it), now reading `text`: what fileActions() returns.
  QAction* labAction(const QString& name, const QString& text, const std::function<void()>& triggered);

 private:
  QString id_;
  QPointer<QWidget> controls_;  ///< (the window's side panel may own it; QPointer sees that)
};

}  // namespace gsui
