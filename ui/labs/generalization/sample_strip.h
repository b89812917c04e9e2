#pragma once
// The Splits page's picture of the data: every sample a thin cell, sorted by class, one row per
// split. Row "class" colours the species; "hold-out" the train / validation / test roles; one row
// per fold of k-fold cross-validation (its test part in the test colour, the fold under way
// outlined, its score at the right end); "bootstrap" a stack of ticks per sample, one per draw
// (none: out of bag).
#include <QStringList>
#include <QWidget>
#include <cstdint>
#include <vector>

#include "labs/generalization/gen_experiments.h"

namespace gsui {

class SampleStrip : public QWidget {
  Q_OBJECT
 public:
  explicit SampleStrip(QWidget* parent = nullptr);
  /// The samples' classes (drawing order: by class, then index).
  void setClasses(const std::vector<std::int64_t>& labels);
  void setHoldout(const std::vector<SampleRole>& roles);
  /// Each fold's test indices, the fold under way (−1: none) and a text per fold (its score, or "").
  void setFolds(const std::vector<std::vector<std::int64_t>>& folds, int current, const QStringList& scores);
  void setBootstrap(const std::vector<int>& counts);
  /// Row titles and the legend's words: class, hold-out, fold %1, bootstrap, train, validation, test, out of bag.
  void setTexts(const QStringList& texts);
  /// The index of the sample drawn at position `column` (left to right).
  std::int64_t sampleAt(int column) const { return order_.at(static_cast<std::size_t>(column)); }
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  int rowHeight() const;
  std::vector<std::int64_t> labels_, order_;
  std::vector<SampleRole> holdout_;
  std::vector<std::vector<std::int64_t>> folds_;
  std::vector<int> fold_of_;  ///< per sample: the fold whose test part holds it
  int current_ = -1;
  QStringList scores_;
  std::vector<int> counts_;
  QStringList texts_;
};

}  // namespace gsui
