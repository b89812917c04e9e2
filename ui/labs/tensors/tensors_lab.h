#pragma once
// Tensors lab: a PyTorch program (a preset from the course notes, or typed) run statement by
// statement on the engine through gs::eval, every tensor drawn as a grid over its flat storage
// (tensor_view.h), the operation of the current statement pictured (broadcast ghosts, cat vs
// stack, the matmul shape rule), the preset's note for the statement beside it, and PyTorch's
// own error, with the teaching sentence, when a statement fails.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "app/lab.h"
#include "eval/interpreter.h"
#include "labs/tensors/tensor_presets.h"

class QComboBox;
class QStandardItemModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTextBrowser;

namespace gsui {

class ControlGroup;
class TensorView;

class TensorsLab : public Lab {
  Q_OBJECT
 public:
  explicit TensorsLab(QWidget* parent = nullptr);
  QString pytorchCode() const override;
  bool animates() const override { return true; }
  /// The next statement (after an error, the one after it).
  void step() override;
  /// Forgets the variables; back before the first statement.
  void reset() override;
  int playRate() const override { return 1; }
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  /// The presets' ids, one page each: `--page 03_permute_then_view` (or just `--page 3`).
  QStringList pageIds() const override { return presetIds(); }
  /// Chooses the preset `id` (its file name, or its number "3" / "03"); false for an unknown one.
  bool showPage(const QString& id) override;
  /// The presets' ids in order, for the lab registry's page list.
  static QStringList presetIds();

  int presetCount() const { return int(presets_.size()); }
  /// The preset whose file is `id` ("02_view_reshape_contiguous"), −1 if none.
  int presetIndex(const QString& id) const;
  void choosePreset(int index);
  /// Replaces the program (as typing would): variables are forgotten.
  void setProgram(const QString& source);
  /// Runs from the first statement to the end, stopping at the first error, as Python does.
  void runAll();

  /// The statement run last (−1 before the first), and how many there are.
  int currentStatement() const { return current_; }
  int statementCount() const { return int(statements_.size()); }
  /// The lines (1-based, inclusive) highlighted in the editor, {0, 0} for none.
  std::pair<int, int> highlightedLines() const;
  QString noteText() const;
  QString aboutText() const;
  QString errorText() const;
  const gs::eval::Interpreter& interpreter() const { return interpreter_; }
  TensorView* view() const { return view_; }
  /// The name of the variable that is `t` (or views the same storage with the same shape, strides
  /// and offset); "" for a temporary.
  QString variableNameOf(const gs::Tensor& t) const;

 protected:
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildView();
  void buildControls();
  /// Splits the editor's program into statements and starts over.
  void reloadProgram();
  /// Runs statement next_; false on an error or at the end.
  bool runNext();
  void showState();
  void showNote();
  void showError();
  void highlightCurrent();
  /// Scrolls the editor so that the current statement is in the middle of it; `later` waits
  /// until pending layouts (a resize, a font change) are done.
  void revealCurrent();
  void revealCurrentLater();
  /// The note and error boxes as tall as their text, each at most a quarter of the lab.
  void fitTextBoxes();
  /// The preset's about text, cut to a few lines (the whole of it in the tooltip).
  void showAbout();
  void updateViewContent();

  ControlGroup* program_box_;
  QComboBox* preset_box_;
  QStandardItemModel* preset_model_;  ///< per preset: "Example 3 of 10" (the field), "3. title" (the list)
  QLabel* title_;                     ///< the chosen preset's title, wrapped
  QLabel* about_;
  QPlainTextEdit* editor_;
  QPushButton* run_button_;
  QPushButton* step_button_;
  QPushButton* reset_button_;
  QLabel* position_;
  QTextBrowser* note_;
  QTextBrowser* error_;
  QString note_html_, error_html_, about_full_;
  bool reveal_pending_ = false;
  bool about_pending_ = false;  ///< a refit of the explanation to its new width is queued
  QScrollArea* scroll_;
  TensorView* view_;

  QVector<TensorPreset> presets_;
  int preset_ = -1;
  QString presets_language_;
  gs::eval::Interpreter interpreter_;
  std::vector<gs::eval::Statement> statements_;
  QString split_error_;
  int next_ = 0, current_ = -1;
  std::optional<gs::eval::Outcome> last_;
  std::vector<std::string> recent_;  ///< variable names, the most recently bound last
  /// Storage offsets the last statement changed, per storage.
  std::map<const gs::Storage*, std::set<std::int64_t>> changed_;
};

}  // namespace gsui
