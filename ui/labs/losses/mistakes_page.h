#pragma once
// The "mistakes on purpose" page of the Losses lab: each mistake the course warns about, made
// through core, shown next to the right pipeline: the engine's message where core refuses, the
// silently wrong number where it (like PyTorch) cannot know.
#include <optional>
#include <vector>

#include "labs/losses/losses_page.h"

class QButtonGroup;
class QCustomPlot;
class QLabel;

namespace gsui {

class ControlGroup;

class MistakesPage : public LossesPage {
  Q_OBJECT
 public:
  enum class Mistake { DoubleSoftmax, BceOnLogits, OneHotTarget, ColumnTarget };
  static constexpr int kMistakes = 4;
  /// Training steps of the double-softmax race (SGD, lr 0.5, on the logits themselves).
  static constexpr int kRaceSteps = 40;

  /// One pipeline and what core gave: a value, or the error it raised.
  struct Row {
    QString code;                 ///< the PyTorch expression
    bool right = false;           ///< the correct pipeline (✓) or the mistake (✗)
    std::optional<double> value;  ///< the loss (or gradient norm) it returned
    QString error;                ///< the engine's explanation when it refused (in the learner's language)
    QString torch;                ///< and PyTorch's own message, labelled (English on purpose)
    QString note;                 ///< what the row shows (translated)
  };

  explicit MistakesPage(QWidget* parent = nullptr);
  QString title() const override;
  QString pytorchCode() const override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

  Mistake mistake() const { return mistake_; }
  void setMistake(Mistake mistake);
  const std::vector<Row>& rows() const { return rows_; }
  /// The double-softmax race: the true cross-entropy after each SGD step, right and wrong pipeline.
  const std::vector<double>& raceRight() const { return race_right_; }
  const std::vector<double>& raceWrong() const { return race_wrong_; }
  QCustomPlot* plot() const { return plot_; }
  QLabel* details() const { return details_; }

 private:
  void update();
  void buildRows();
  void drawBars();
  void drawRace();

  Mistake mistake_ = Mistake::DoubleSoftmax;
  std::vector<Row> rows_;
  std::vector<double> race_right_, race_wrong_;
  ControlGroup* group_;
  QButtonGroup* buttons_;
  std::vector<QLabel*> choice_labels_;  ///< the wrapped text beside each radio button
  QLabel* intro_;
  QCustomPlot* plot_;
  QLabel* details_;
};

}  // namespace gsui
