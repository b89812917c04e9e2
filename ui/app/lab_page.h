#pragma once
// One page (tab) of a TabbedLab: its view is the page itself, its controls a separate widget that
// the lab shows in the side panel while the page is current. The lab forwards Play / Step /
// Reset, the PyTorch code, export, language, appearance and the session to the current page.
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QWidget>
#include <nlohmann/json.hpp>

class QVBoxLayout;

namespace gsui {

class LabPage : public QWidget {
  Q_OBJECT
 public:
  explicit LabPage(QWidget* parent = nullptr);
  ~LabPage() override;
  /// The side panel of this page (owned by the page until the lab places it).
  QWidget* controls() const { return controls_; }
  /// The tab's title, translated.
  virtual QString title() const = 0;
  virtual QString pytorchCode() const = 0;
  virtual void step() {}
  virtual void reset() {}
  /// Play / Pause: a page that trains runs its own job; it emits stoppedPlaying when it stops.
  virtual void setPlaying(bool) {}
  /// Work under way that a screenshot should wait for (see Lab::busy()).
  virtual bool busy() const { return false; }
  /// The page became current (true) or was left (false).
  virtual void setCurrent(bool) {}
  virtual QList<QPair<QString, QWidget*>> exportablePlots() const = 0;
  virtual void retranslate() = 0;
  virtual void applyAppearance() = 0;
  /// What the session keeps of this page, and how it comes back ("" or a problem, nothing changed).
  virtual nlohmann::json sessionState() const { return nullptr; }
  virtual QString restoreSessionState(const nlohmann::json&) { return {}; }

 signals:
  void codeChanged();
  void message(const QString& text);
  /// Playing stopped on its own (the window's Play button goes back to Play).
  void stoppedPlaying();

 protected:
  /// The layout of the controls panel: the page adds its groups here, then a stretch.
  QVBoxLayout* controlsLayout() const;

 private:
  QPointer<QWidget> controls_;  ///< (the window's side panel may own and delete it first)
};

}  // namespace gsui
