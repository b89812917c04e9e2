#include "plots/surface_view.h"

#include <QGuiApplication>
#include <QLabel>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QVBoxLayout>
#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/Q3DTheme>
#include <QtDataVisualization/QSurface3DSeries>
#include <QtDataVisualization/QValue3DAxis>
#include <cmath>

#include "app/appearance.h"

namespace gsui {
namespace {
bool opengl_available() {
  if (QGuiApplication::platformName() == QLatin1String("offscreen") || QGuiApplication::platformName() == QLatin1String("minimal"))
    return false;
  QOpenGLContext context;
  return context.create();
}
}  // namespace

SurfaceView::SurfaceView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  if (!opengl_available()) {
    note_ = new QLabel(tr("The 3-D view needs OpenGL, which this session does not have (run GradScope with a display, "
                          "or under xvfb-run)."));
    note_->setWordWrap(true);
    note_->setAlignment(Qt::AlignCenter);
    layout->addWidget(note_);
    return;  // (the note is a label: the application's font scales it)
  }
  graph_ = new Q3DSurface;
  graph_->setShadowQuality(QAbstract3DGraph::ShadowQualityNone);
  graph_->activeTheme()->setType(Q3DTheme::ThemeQt);
  graph_->activeTheme()->setBackgroundEnabled(false);
  graph_->activeTheme()->setLabelBackgroundEnabled(false);
  graph_->scene()->activeCamera()->setCameraPreset(Q3DCamera::CameraPresetIsometricLeftHigh);
  surface_ = new QSurface3DSeries;
  surface_->setDrawMode(QSurface3DSeries::DrawSurface);
  surface_->setFlatShadingEnabled(false);
  QLinearGradient g;
  g.setColorAt(0.0, QColor(0xde, 0xeb, 0xf7));
  g.setColorAt(1.0, QColor(0x6b, 0xae, 0xd6));
  surface_->setBaseGradient(g);
  surface_->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
  graph_->addSeries(surface_);
  layout->addWidget(QWidget::createWindowContainer(graph_, this));
  label_point_size_ = graph_->activeTheme()->font().pointSizeF();
  connect(&Appearance::instance(), &Appearance::changed, this, &SurfaceView::applyAppearance);
  applyAppearance();
}

void SurfaceView::applyAppearance() {
  if (!graph_) return;
  QFont font = graph_->activeTheme()->font();
  if (label_point_size_ > 0) font.setPointSizeF(label_point_size_ * Appearance::instance().scale());
  graph_->activeTheme()->setFont(font);
}

void SurfaceView::setAxisTitles(const QString& x, const QString& y, const QString& z) {
  if (!graph_) return;
  graph_->axisX()->setTitle(x);
  graph_->axisZ()->setTitle(y);
  graph_->axisY()->setTitle(z);
  for (QValue3DAxis* a : {graph_->axisX(), graph_->axisY(), graph_->axisZ()}) a->setTitleVisible(true);
}

void SurfaceView::setFunction(const std::function<double(double, double)>& f, std::array<double, 4> r, int n) {
  f_ = f;
  range_ = r;
  if (!graph_) return;
  auto* rows = new QSurfaceDataArray;
  rows->reserve(n);
  z_max_ = 0;
  for (int j = 0; j < n; ++j) {
    auto* row = new QSurfaceDataRow(n);
    const double y = r[2] + (r[3] - r[2]) * j / (n - 1);
    for (int i = 0; i < n; ++i) {
      const double x = r[0] + (r[1] - r[0]) * i / (n - 1);
      const double z = f(x, y);
      z_max_ = std::max(z_max_, z);
      (*row)[i].setPosition(QVector3D(static_cast<float>(x), static_cast<float>(z), static_cast<float>(y)));
    }
    *rows << row;
  }
  surface_->dataProxy()->resetArray(rows);
  graph_->axisX()->setRange(static_cast<float>(r[0]), static_cast<float>(r[1]));
  graph_->axisZ()->setRange(static_cast<float>(r[2]), static_cast<float>(r[3]));
  graph_->axisY()->setRange(0, static_cast<float>(z_max_));
}

void SurfaceView::setPaths(const std::vector<PathView>& paths, int upto) {
  if (!graph_) return;
  for (QSurface3DSeries* s : ribbons_) {
    graph_->removeSeries(s);
    delete s;
  }
  ribbons_.clear();
  for (const PathView& p : paths) {
    auto* rows = new QSurfaceDataArray;
    const int n = std::min<int>(upto + 1, static_cast<int>(p.points.size()));
    // A ribbon: the path, and the same path a hair higher, as two rows of one thin surface.
    for (int lift = 0; lift < 2; ++lift) {
      auto* row = new QSurfaceDataRow;
      for (int k = 0; k < n; ++k) {
        const auto& pt = p.points[k];
        if (!std::isfinite(pt[2]) || pt[0] < range_[0] || pt[0] > range_[1] || pt[1] < range_[2] || pt[1] > range_[3]) break;
        *row << QSurfaceDataItem(QVector3D(static_cast<float>(pt[0]), static_cast<float>(pt[2] + z_max_ * (0.01 + 0.01 * lift)),
                                           static_cast<float>(pt[1])));
      }
      *rows << row;
    }
    if (rows->at(0)->size() < 2) {
      qDeleteAll(*rows);
      delete rows;
      continue;
    }
    auto* series = new QSurface3DSeries;
    series->setDrawMode(QSurface3DSeries::DrawWireframe);
    series->setWireframeColor(p.color);
    series->dataProxy()->resetArray(rows);
    graph_->addSeries(series);
    ribbons_.push_back(series);
  }
}

QImage SurfaceView::render(const QSize& size) const {
  if (!graph_) return {};
  return graph_->renderToImage(4, size);
}

}  // namespace gsui
