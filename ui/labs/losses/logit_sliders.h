#pragma once
// A row of sliders, one logit each (−6 … 6 in steps of 0.1), with the value beside each: the
// classification and multi-label pages' input panel.
#include <QWidget>
#include <vector>

class QLabel;
class QSlider;

namespace gsui {

class LogitSliders : public QWidget {
  Q_OBJECT
 public:
  static constexpr double kRange = 6.0;
  LogitSliders(const std::vector<double>& initial, const QString& object_name, QWidget* parent = nullptr);
  std::vector<double> values() const;
  /// Sets every logit (each clamped to ±kRange); emits changed() once.
  void setValues(const std::vector<double>& values);
  int count() const { return static_cast<int>(sliders_.size()); }
  QSlider* slider(int i) const { return sliders_[static_cast<std::size_t>(i)]; }
  /// The row labels ("z0", or a class name), set by the page in retranslate().
  void setNames(const QStringList& names);

 signals:
  void changed();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void showValues();
  std::vector<QSlider*> sliders_;
  std::vector<QLabel*> names_, values_;
  bool setting_ = false;
};

}  // namespace gsui
