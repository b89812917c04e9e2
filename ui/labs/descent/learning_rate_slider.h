#pragma once
// The Descent lab's learning-rate slider: log scale from 1e-3 to 1, with a red tick at the largest
// rate for which plain gradient descent still converges.
#include <QWidget>

class QSlider;

namespace gsui {

/// A log-scale learning-rate slider (1e-3 … 1) that marks the largest stable rate with a red tick.
/// Its value has at most 4 significant digits (a drag gives 3: 10^(k/100) rounded), so that
/// label, paths and code can all write exactly the rate the optimizer uses (see text()).
class LearningRateSlider : public QWidget {
  Q_OBJECT
  // The value a lesson step sets and records (LessonPlayer::setControl).
  Q_PROPERTY(double value READ value WRITE setValue NOTIFY valueChanged USER true)
 public:
  explicit LearningRateSlider(QWidget* parent = nullptr);
  double value() const { return value_; }
  /// Sets lr (clamped to 1e-3 … 1, rounded to 4 significant digits).
  void setValue(double lr);
  /// The value as the lab writes it everywhere: exactly, with no trailing zeros ("0.04").
  static QString text(double lr);
  void setStableLimit(double lr);
  double stableLimit() const { return limit_; }
  QSlider* slider() const { return slider_; }

 signals:
  void valueChanged(double lr);

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QSlider* slider_;
  double limit_ = -1;
  double value_ = 1e-3;
};

}  // namespace gsui
