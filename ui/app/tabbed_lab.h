#pragma once
// A lab made of pages (tabs), each a LabPage with its own side panel: the plumbing every such lab
// shares — page ids for `--page`, the current page's controls in the side panel (sized to that
// page, not the widest), Play / Step / Reset / code / export / language / appearance forwarded to
// the current page, and the session state of every page, restored all or nothing.
//
// A derived lab adds its pages in its constructor (addPage, in tab order) and calls retranslate()
// at the end of it.
#include <QStringList>
#include <QVector>

#include "app/lab.h"

class QStackedWidget;
class QTabWidget;

namespace gsui {

class LabPage;

class TabbedLab : public Lab {
  Q_OBJECT
 public:
  /// `tabs_name`: the tab widget's object name (tests find it by that).
  explicit TabbedLab(const QString& tabs_name, QWidget* parent = nullptr);
  ~TabbedLab() override;
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  bool playsItself() const override { return true; }
  void setPlaying(bool playing) override;
  void step() override;
  void reset() override;
  bool busy() const override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  /// {"page": id, <id>: the page's state, …}.
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  QStringList pageIds() const override { return ids_; }
  bool showPage(const QString& id) override;
  QString currentPageId() const { return ids_.value(current_); }
  LabPage* currentPage() const { return current_ >= 0 ? pages_[current_] : nullptr; }
  QTabWidget* tabs() const { return tabs_; }

 protected:
  void addPage(const QString& id, LabPage* page);

 private:
  void pageChanged(int index);

  QTabWidget* tabs_;
  QStackedWidget* panels_;
  QVector<LabPage*> pages_;
  QStringList ids_;
  int current_ = -1;
  bool playing_ = false;
};

}  // namespace gsui
