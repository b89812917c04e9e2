#pragma once
// One page of the CNN lab (a tab): its view is the page itself, its controls a separate widget the
// lab shows in the side panel while the page is current. The lab forwards Play / Step / Reset,
// the PyTorch code, export, language and appearance to the current page.
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <string>
#include <vector>

class QVBoxLayout;

namespace gsui {

class CnnPage : public QWidget {
  Q_OBJECT
 public:
  explicit CnnPage(QWidget* parent = nullptr);
  ~CnnPage() override;
  /// The side panel of this page (owned by the page until the lab places it).
  QWidget* controls() const { return controls_; }
  /// The tab's title, translated.
  virtual QString title() const = 0;
  virtual QString pytorchCode() const = 0;
  virtual void step() {}
  /// See Lab::canStep().
  virtual bool canStep() const { return true; }
  virtual void reset() {}
  /// Play / Pause: the page runs its own timer or training session.
  virtual void setPlaying(bool) {}
  virtual QList<QPair<QString, QWidget*>> exportablePlots() const = 0;
  virtual void retranslate() = 0;
  virtual void applyAppearance() = 0;
  /// The page became current (true) or was left (false): a page may pause its work when hidden.
  virtual void setCurrent(bool) {}
  /// The ten class names of a data set ("digits": 0 … 9, "fashion_mnist": T-shirt/top …), translated.
  static QStringList classNames(const QString& dataset);
  /// An engine error in the learner's language when core gave it a code (gs::Error::code(): a
  /// data set not installed, ...), else its English message. Call in the UI thread.
  static QString engineProblem(const std::string& code, const std::vector<std::string>& args, const QString& message);
  /// Work under way that a screenshot should wait for (see Lab::busy()).
  virtual bool busy() const { return false; }

 signals:
  void codeChanged();
  void message(const QString& text);
  /// Playing stopped on its own (the window's Play button goes back to Play).
  void stoppedPlaying();

 protected:
  /// The layout of the controls panel: the page adds its ControlGroups here, then a stretch.
  QVBoxLayout* controlsLayout() const;

 private:
  QPointer<QWidget> controls_;  ///< (the window's side panel may own and delete it first)
};

}  // namespace gsui
