#pragma once
// One page (tab) of the Losses lab: its view is the page itself, its controls a separate widget
// that the lab shows in the side panel while the page is current.
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QWidget>
#include <nlohmann/json.hpp>

class QLabel;
class QVBoxLayout;

namespace gsui {

class LossesPage : public QWidget {
  Q_OBJECT
 public:
  explicit LossesPage(QWidget* parent = nullptr);
  ~LossesPage() override;
  /// The side panel of this page (owned by the page until the lab places it).
  QWidget* controls() const { return controls_; }
  /// The tab's title, translated.
  virtual QString title() const = 0;
  virtual QString pytorchCode() const = 0;
  virtual void reset() {}
  virtual QList<QPair<QString, QWidget*>> exportablePlots() const = 0;
  virtual void retranslate() = 0;
  virtual void applyAppearance() = 0;
  /// What the session keeps of this page (null: nothing) and how it comes back ("" or a problem).
  virtual nlohmann::json sessionState() const { return nullptr; }
  virtual QString restoreSessionState(const nlohmann::json&) { return {}; }

  /// A number as the lab prints it (4 significant decimals, no "-0.0000").
  static QString number(double value, int decimals = 4);
  /// An engine error (gs::Error) as the lab shows it: its explanation, then PyTorch's own message.
  static QString engineMessage(const std::exception& error);
  /// Styles a label as an error (true) or as a plain note (false).
  static void markError(QLabel* label, bool error);

 signals:
  void codeChanged();

 protected:
  QVBoxLayout* controlsLayout() const;

 private:
  QPointer<QWidget> controls_;  ///< (the window's side panel may own and delete it first)
};

}  // namespace gsui
