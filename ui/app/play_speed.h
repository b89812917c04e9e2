#pragma once
// How fast Play runs, in steps per second, from one step a second (each step's numbers on
// screen) to flat out: one setting for the window, remembered per lab. Labs that play on the
// window's timer get it as their timer's rate; labs that train in a worker thread get it as the
// worker's limit (TrainingSessionBase). Keys: [ slower, ] faster.
#include <QObject>
#include <QString>
#include <QVector>

namespace gsui {

class PlaySpeed : public QObject {
  Q_OBJECT
 public:
  static PlaySpeed& instance();
  /// The choices, slowest first; 0 is flat out (the last).
  static const QVector<double>& levels();
  /// Steps per second; 0: flat out.
  double stepsPerSecond() const { return steps_per_second_; }
  /// Sets the speed (snapped to the nearest level).
  void setStepsPerSecond(double steps_per_second);
  void slower();
  void faster();
  /// "1 step/s", "30 steps/s", "Flat out" (translated).
  static QString label(double steps_per_second);
  /// Slow enough to read each step's numbers (≤ 2 steps/s).
  bool watchable() const { return steps_per_second_ > 0 && steps_per_second_ <= 2; }
  /// The nearest level's index.
  static int levelOf(double steps_per_second);

 signals:
  void changed(double steps_per_second);

 private:
  PlaySpeed() = default;
  double steps_per_second_ = 0;
};

}  // namespace gsui
