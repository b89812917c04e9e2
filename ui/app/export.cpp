#include "app/export.h"

#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>
#include <qcustomplot.h>

namespace gsui {
namespace {

QString writeVector(QWidget* widget, const QString& path, bool svg) {
  const QSize size = widget->size();
  QCustomPlot* plot = qobject_cast<QCustomPlot*>(widget);
  if (svg) {
    QSvgGenerator gen;
    gen.setFileName(path);
    gen.setSize(size);
    gen.setViewBox(QRect(QPoint(0, 0), size));
    gen.setTitle(widget->windowTitle().isEmpty() ? QStringLiteral("GradScope") : widget->windowTitle());
    QCPPainter painter;  // a QPainter that QCustomPlot can draw vectors with
    if (!painter.begin(&gen)) return QObject::tr("cannot write \"%1\"").arg(path);
    if (plot) plot->toPainter(&painter, size.width(), size.height());
    else widget->render(&painter);
    painter.end();
    return {};
  }
  if (plot) {
    return plot->savePdf(path, size.width(), size.height()) ? QString() : QObject::tr("cannot write \"%1\"").arg(path);
  }
  QPdfWriter pdf(path);
  pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
  pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
  pdf.setResolution(72);
  QPainter painter;
  if (!painter.begin(&pdf)) return QObject::tr("cannot write \"%1\"").arg(path);
  widget->render(&painter);
  painter.end();
  return {};
}

}  // namespace

QString exportWidget(QWidget* widget, const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != "png" && suffix != "svg" && suffix != "pdf")
    return QObject::tr("unknown file type \"%1\": use .png, .svg or .pdf").arg(suffix);
  const QFileInfo dir(QFileInfo(path).absolutePath());
  if (!dir.isDir() || !dir.isWritable()) return QObject::tr("cannot write \"%1\": the folder does not exist or is not writable").arg(path);
  // A view on a page never shown has not been laid out (Qt leaves it at 100×30): it is drawn at
  // the size it asks for, not as a sliver.
  const QSize wanted = widget->sizeHint().expandedTo(widget->minimumSizeHint()).expandedTo(widget->minimumSize());
  if (!widget->isVisible() && (widget->width() < wanted.width() || widget->height() < wanted.height()))
    widget->resize(widget->size().expandedTo(wanted));
  if (suffix == "png") {
    const QPixmap pixmap = widget->grab();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !pixmap.save(&file, "PNG") || !file.commit())
      return QObject::tr("cannot write \"%1\"").arg(path);
    return {};
  }
  return writeVector(widget, path, suffix == "svg");
}

}  // namespace gsui
