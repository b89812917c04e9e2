#pragma once
// One page (tab) of the Initialization lab: its view is the page itself, its controls a separate
// widget that the lab shows in the side panel while the page is current (as the Losses lab's).
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QWidget>
#include <nlohmann/json.hpp>

class QComboBox;
class QVBoxLayout;

namespace gsui {

class InitPage : public QWidget {
  Q_OBJECT
 public:
  explicit InitPage(QWidget* parent = nullptr);
  ~InitPage() override;
  /// The side panel of this page (owned by the page until the lab places it).
  QWidget* controls() const { return controls_; }
  /// The tab's title, translated.
  virtual QString title() const = 0;
  virtual QString pytorchCode() const = 0;
  virtual void step() {}
  virtual void reset() {}
  virtual bool busy() const { return false; }
  virtual QList<QPair<QString, QWidget*>> exportablePlots() const = 0;
  virtual void retranslate() = 0;
  virtual void applyAppearance() = 0;
  /// What the session keeps of this page and how it comes back ("" or a problem, nothing changed).
  virtual nlohmann::json sessionState() const { return nullptr; }
  virtual QString restoreSessionState(const nlohmann::json&) { return {}; }

  /// A number as the lab prints it: 3 significant digits, scientific below 0.001.
  static QString number(double value);
  /// Fills `box` with the schemes' labels (data: the scheme's id) or the activations'.
  static void fillSchemes(QComboBox* box, bool with_zeros);
  static void fillActivations(QComboBox* box);

 signals:
  void codeChanged();

 protected:
  QVBoxLayout* controlsLayout() const;

 private:
  QPointer<QWidget> controls_;  ///< (the window's side panel may own and delete it first)
};

}  // namespace gsui
