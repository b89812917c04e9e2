#pragma once
// The cost as a rotatable 3-D surface with the descent paths on it (Qt DataVisualization). It
// needs OpenGL: on a platform without it (offscreen tests) the widget says so instead.
#include <QImage>
#include <QWidget>
#include <array>
#include <functional>
#include <vector>

#include "plots/contour_plot.h"

class QLabel;
class QSurface3DSeries;
class Q3DSurface;

namespace gsui {

class SurfaceView : public QWidget {
  Q_OBJECT
 public:
  explicit SurfaceView(QWidget* parent = nullptr);
  /// False when this platform cannot draw OpenGL (the widget shows a note instead).
  bool available() const { return graph_ != nullptr; }
  void setFunction(const std::function<double(double, double)>& f, std::array<double, 4> range, int n = 60);
  /// Paths drawn as thin ribbons lying on the surface, up to `upto` steps.
  void setPaths(const std::vector<PathView>& paths, int upto);
  /// The rendered 3-D image (for screenshots: a window grab cannot read OpenGL).
  QImage render(const QSize& size) const;
  void setAxisTitles(const QString& x, const QString& y, const QString& z);

 private:
  /// The axis labels and titles at the size of the text around them (presentation mode scales
  /// them with Appearance::scale(), as it does every other font).
  void applyAppearance();

  Q3DSurface* graph_ = nullptr;
  QSurface3DSeries* surface_ = nullptr;
  std::vector<QSurface3DSeries*> ribbons_;
  QLabel* note_ = nullptr;
  std::function<double(double, double)> f_;
  std::array<double, 4> range_{-2, 2, -2, 2};
  double z_max_ = 1;
  double label_point_size_ = 0;  ///< the theme's own label size, at scale 1
};

}  // namespace gsui
