#pragma once
// The Descent lab's learning-rate slider: log scale from 1e-3 to 1, with a red tick at the largest
// rate for which plain gradient descent still converges.
#include <QWidget>

class QSlider;

namespace gsui {

/// A log-scale learning-rate slider (1e-3 … 1) that marks the largest stable rate with a red tick.
class LearningRateSlider : public QWidget {
  Q_OBJECT
 public:
  explicit LearningRateSlider(QWidget* parent = nullptr);
  double value() const;
  void setValue(double lr);
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
};

}  // namespace gsui
