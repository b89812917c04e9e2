#pragma once
// The views of the MLP-vs-CNN page: test accuracy per epoch (a line per model), accuracy on
// shifted test images (grouped bars per shift) and a strip of test images, original beside shifted.
#include <QImage>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <array>

#include "labs/cnn/compare_training.h"

class QCustomPlot;

namespace gsui {

/// A grayscale image of [H × W] values in [0, 1] (0 black, 1 white), one pixel per value; scale it
/// with nearest-neighbour sampling (drawImage without SmoothPixmapTransform) so pixels stay square.
QImage grayImage(const std::vector<float>& values, std::int64_t height, std::int64_t width);

/// Test accuracy (%) per epoch of each model: `names` are the legend entries, `accuracy[m]` the
/// values of epochs 1, 2, …; the x axis spans at least `epochs`.
void drawAccuracyCurves(QCustomPlot* plot, const std::array<QVector<double>, 2>& accuracy, const QStringList& names, int epochs);
/// Accuracy (%) at shifts 0…kMaxShift, a bar per model side by side (empty report: empty plot).
void drawShiftBars(QCustomPlot* plot, const ShiftReport& report, const QStringList& names, const QString& shiftTick);

/// Test images in pairs: the original, then shifted by kExampleShift pixels, with the true class
/// and whether each model got the shifted one right. As many pairs as fit side by side (at most
/// kExampleCount), the largest whole multiple of the image's pixels. Paints nothing before a report.
class ShiftExamplesView : public QWidget {
  Q_OBJECT
 public:
  explicit ShiftExamplesView(QWidget* parent = nullptr);
  void setReport(const ShiftReport& report, const QStringList& classNames);
  /// The two models' short names, in the current language.
  void setModelNames(const QStringList& models);
  void clear();
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;
  /// How many pairs the current width shows.
  int shownExamples() const;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QString verdicts(const ShiftReport::Example& example) const;
  void paintExample(QPainter& painter, const ShiftReport::Example& example, const QRect& cell) const;

  std::vector<ShiftReport::Example> examples_;
  QStringList class_names_, models_;
};

}  // namespace gsui
