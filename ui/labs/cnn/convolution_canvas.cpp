#include "labs/cnn/convolution_canvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <algorithm>
#include <cmath>

#include "app/appearance.h"
#include "labs/cnn/convolution_model.h"
#include "labs/cnn/convolution_text.h"

namespace gsui {
namespace {

/// The window's outline: a bright orange (Okabe–Ito), visible on black, white and every grey.
const QColor kWindowColor(0xE6, 0x9F, 0x00);
/// Max pooling's winner: bluish green (Okabe–Ito), apart from the window's orange.
const QColor kWinnerColor(0x00, 0x9E, 0x73);

double gapOf() { return 10.0 * Appearance::instance().scale(); }

}  // namespace

ConvolutionCanvas::ConvolutionCanvas(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConvolutionCanvas::setModel(const ConvolutionModel* model) {
  model_ = model;
  update();
}

void ConvolutionCanvas::setTaps(std::vector<CanvasTap> taps) {
  taps_ = std::move(taps);
  update();
}

void ConvolutionCanvas::setTitles(const QStringList& inputs, const QStringList& outputs) {
  input_titles_ = inputs;
  output_titles_ = outputs;
  update();
}

int ConvolutionCanvas::titleHeight() const { return fontMetrics().height() + 4; }

ConvolutionCanvas::Layout ConvolutionCanvas::layout() const {
  Layout l;
  if (!model_ || !model_->ready()) return l;
  const auto& img = model_->setup().image;
  const gs::Padding2d pad = model_->padding();
  const double in_rows = double(img.height() + pad.top + pad.bottom), in_cols = double(img.width() + pad.left + pad.right);
  const double out_rows = double(model_->outputHeight()), out_cols = double(model_->outputWidth());
  const double c = double(img.channels()), o = double(model_->outputChannels());
  // Little margin above and below: on a wide, low page the height decides the cells' size.
  const double gap = gapOf(), vgap = 4, arrow = 3.0 * fontMetrics().height(), title = titleHeight();
  const double w = width() - 2 * gap, h = height() - 2 * vgap;
  // One row: inputs, the arrow, outputs.
  const double row_cell = std::min((w - (c - 1 + o - 1) * gap - arrow) / (c * in_cols + o * out_cols),
                                   (h - title) / std::max(in_rows, out_rows));
  // Two rows: inputs above, outputs below.
  const double two_cell = std::min((w - std::max(c - 1, o - 1) * gap) / std::max(c * in_cols, o * out_cols),
                                   (h - 2 * title - arrow) / (in_rows + out_rows));
  const bool one_row = row_cell >= two_cell;
  l.cell = std::clamp(std::floor(one_row ? row_cell : two_cell), 2.0, 72.0 * Appearance::instance().scale());
  const double in_w = in_cols * l.cell, out_w = out_cols * l.cell;
  if (one_row) {
    const double total = c * in_w + o * out_w + (c - 1 + o - 1) * gap + arrow;
    const double top = vgap + title + std::max(0.0, (h - title - std::max(in_rows, out_rows) * l.cell) / 2);
    double x = gap + std::max(0.0, (w - total) / 2);
    for (int i = 0; i < int(c); ++i, x += in_w + gap) l.inputs.emplace_back(x, top + (std::max(in_rows, out_rows) - in_rows) * l.cell / 2);
    x -= gap;
    l.arrow_from = {x + arrow * 0.15, top + std::max(in_rows, out_rows) * l.cell / 2};
    l.arrow_to = {x + arrow * 0.85, l.arrow_from.y()};
    x += arrow;
    for (int i = 0; i < int(o); ++i, x += out_w + gap) l.outputs.emplace_back(x, top + (std::max(in_rows, out_rows) - out_rows) * l.cell / 2);
  } else {
    const double total_h = 2 * title + arrow + (in_rows + out_rows) * l.cell;
    double y = vgap + title + std::max(0.0, (h - total_h) / 2);
    double x = gap + std::max(0.0, (w - (c * in_w + (c - 1) * gap)) / 2);
    for (int i = 0; i < int(c); ++i, x += in_w + gap) l.inputs.emplace_back(x, y);
    y += in_rows * l.cell;
    l.arrow_from = {width() / 2.0, y + arrow * 0.15};
    l.arrow_to = {width() / 2.0, y + arrow * 0.85};
    y += arrow + title;
    x = gap + std::max(0.0, (w - (o * out_w + (o - 1) * gap)) / 2);
    for (int i = 0; i < int(o); ++i, x += out_w + gap) l.outputs.emplace_back(x, y);
  }
  return l;
}

ConvolutionCanvas::CellText ConvolutionCanvas::cellText(double cell, const std::vector<double>& values) const {
  const int base = QFontInfo(font()).pixelSize();
  const double room = cell - std::max(3.0, cell * 0.1);
  // Two decimals at a comfortable size, else one down to a size still legible from the back of a
  // room; smaller than that, the grey levels speak alone.
  for (const auto& [decimals, smallest] : {std::pair{2, 0.6}, std::pair{1, 0.45}}) {
    // The shapes of every value drawn (digits as '0'): the widest decides, so no two numbers touch.
    QSet<QString> shapes{QStringLiteral("−∞")};
    for (double v : values) {
      QString s = cellNumber(v, decimals);
      for (QChar& c : s)
        if (c.isDigit()) c = '0';
      shapes.insert(s);
    }
    QFont f = font();
    for (int px = base; px >= std::max(9, int(std::lround(base * smallest))); --px) {
      f.setPixelSize(px);
      const QFontMetricsF m(f);
      double wide = 0;
      for (const QString& s : shapes) wide = std::max(wide, m.horizontalAdvance(s));
      if (wide <= room && m.height() <= cell) return {f, decimals, true};
    }
  }
  return {font(), 2, false};
}

std::pair<ConvolutionCanvas::CellText, ConvolutionCanvas::CellText> ConvolutionCanvas::cellTexts(double cell) const {
  if (!model_ || !model_->ready()) return {};
  return {cellText(cell, model_->setup().image.pixels.to_vector<double>()), cellText(cell, model_->outputValues())};
}

bool ConvolutionCanvas::showsNumbers() const {
  const auto [in, out] = cellTexts(layout().cell);
  return in.show && out.show;
}

void ConvolutionCanvas::paintCell(QPainter& p, const QRectF& r, double value, double lo, double hi, const CellText& text) const {
  const double t = hi > lo ? std::clamp((value - lo) / (hi - lo), 0.0, 1.0) : 0.5;
  const int grey = int(std::lround(255 * t));
  p.fillRect(r, QColor(grey, grey, grey));
  if (!text.show) return;
  p.setPen(grey > 140 ? Qt::black : Qt::white);
  p.drawText(r, Qt::AlignCenter, cellNumber(value, text.decimals));
}

void ConvolutionCanvas::paintInput(QPainter& p, const Layout& l, const CellText& text) const {
  const auto& img = model_->setup().image;
  const gs::Padding2d pad = model_->padding();
  const std::vector<double> values = img.pixels.to_vector<double>();
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  const bool max_pool = model_->setup().operation == ConvOperation::MaxPool;
  const Appearance& look = Appearance::instance();
  const std::int64_t rows = img.height() + pad.top + pad.bottom, cols = img.width() + pad.left + pad.right;
  p.setFont(text.font);
  for (std::int64_t c = 0; c < img.channels(); ++c) {
    const QPointF at = l.inputs[std::size_t(c)];
    for (std::int64_t r = 0; r < rows; ++r) {
      for (std::int64_t q = 0; q < cols; ++q) {
        const QRectF cell(at.x() + q * l.cell, at.y() + r * l.cell, l.cell, l.cell);
        const std::int64_t iy = r - pad.top, ix = q - pad.left;
        if (iy >= 0 && iy < img.height() && ix >= 0 && ix < img.width()) {
          paintCell(p, cell, values[std::size_t((c * img.height() + iy) * img.width() + ix)], std::min(0.0, *lo),
                    std::max(1.0, *hi), text);
          continue;
        }
        // Padding: a dashed grey border and its value in grey (a flat grey when cells are tiny).
        if (l.cell < 10) {
          p.fillRect(cell, look.gridColor());
          continue;
        }
        p.fillRect(cell, look.plotBackground());
        p.setPen(QPen(look.gridColor().darker(130), 1, Qt::DashLine));
        p.drawRect(cell.adjusted(1, 1, -1, -1));
        if (text.show) {
          p.setPen(QColor(140, 140, 140));
          p.drawText(cell, Qt::AlignCenter, max_pool ? QStringLiteral("−∞") : QStringLiteral("0"));
        }
      }
    }
    p.setPen(look.plotForeground());
    p.setFont(font());
    p.drawText(QRectF(at.x(), at.y() - titleHeight(), cols * l.cell, titleHeight()), Qt::AlignCenter | Qt::AlignBottom,
               fontMetrics().elidedText(input_titles_.value(int(c)), Qt::ElideRight, int(cols * l.cell) + 40));
    p.setFont(text.font);
  }
  // The window: every cell it reads outlined, and its whole extent (dilation leaves gaps).
  if (taps_.empty()) return;
  const double pen = std::max(2.0, 3.0 * look.scale());
  for (std::int64_t c = 0; c < img.channels(); ++c) {
    QRectF extent;
    for (const CanvasTap& t : taps_) {
      if (t.channel != c) continue;
      const QPointF at = l.inputs[std::size_t(c)];
      const QRectF cell(at.x() + (t.ix + pad.left) * l.cell, at.y() + (t.iy + pad.top) * l.cell, l.cell, l.cell);
      extent = extent.isNull() ? cell : extent.united(cell);
      if (l.cell < 8 && !t.winner) continue;  // tiny cells: the extent alone reads better
      p.setPen(QPen(t.winner ? kWinnerColor : kWindowColor, t.winner ? pen * 1.5 : pen * 0.6));
      p.setBrush(Qt::NoBrush);
      p.drawRect(cell.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2));
    }
    if (extent.isNull()) continue;
    p.setPen(QPen(kWindowColor, pen));
    p.drawRect(extent);
  }
}

void ConvolutionCanvas::paintOutput(QPainter& p, const Layout& l, const CellText& text) const {
  const Appearance& look = Appearance::instance();
  const std::vector<double>& values = model_->outputValues();
  const std::int64_t oh = model_->outputHeight(), ow = model_->outputWidth(), plane = oh * ow;
  for (std::int64_t c = 0; c < model_->outputChannels(); ++c) {
    const QPointF at = l.outputs[std::size_t(c)];
    // The colour scale spans the whole channel, so a cell keeps its grey as the others appear.
    const auto first = values.begin() + c * plane;
    const auto [lo, hi] = std::minmax_element(first, first + plane);
    p.setFont(text.font);
    for (std::int64_t y = 0; y < oh; ++y) {
      for (std::int64_t x = 0; x < ow; ++x) {
        const QRectF cell(at.x() + x * l.cell, at.y() + y * l.cell, l.cell, l.cell);
        const std::int64_t index = c * plane + y * ow + x;
        if (model_->isRevealed(index)) {
          paintCell(p, cell, values[std::size_t(index)], *lo, *hi, text);
        } else {
          p.fillRect(cell, look.plotBackground());
          if (l.cell < 8) continue;  // tiny cells: an empty map, not a mesh
          p.setPen(QPen(look.gridColor(), 1, Qt::DotLine));
          p.drawRect(cell.adjusted(0.5, 0.5, -0.5, -0.5));
        }
      }
    }
    p.setPen(QPen(look.plotForeground(), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(at.x(), at.y(), ow * l.cell, oh * l.cell));
    p.setFont(font());
    p.drawText(QRectF(at.x() - 20, at.y() - titleHeight(), ow * l.cell + 40, titleHeight()), Qt::AlignCenter | Qt::AlignBottom,
               output_titles_.value(int(c)));
  }
  if (model_->current() < 0) return;
  const auto [c, y, x] = model_->cellAt(model_->current());
  const double pen = std::max(2.0, 3.0 * look.scale());
  const QPointF at = l.outputs[std::size_t(c)];
  p.setPen(QPen(kWindowColor, pen));
  p.drawRect(QRectF(at.x() + x * l.cell, at.y() + y * l.cell, l.cell, l.cell));
}

void ConvolutionCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), Appearance::instance().plotBackground());
  if (!model_ || !model_->ready()) return;
  p.setRenderHint(QPainter::Antialiasing, false);
  const Layout l = layout();
  // Each side its own decimals: the inputs (0 to 1) often keep two where the outputs keep one.
  const auto [in_text, out_text] = cellTexts(l.cell);
  paintInput(p, l, in_text);
  paintOutput(p, l, out_text);
  // The arrow from the input to the output.
  p.setRenderHint(QPainter::Antialiasing, true);
  const QColor fg = Appearance::instance().plotForeground();
  p.setPen(QPen(fg, Appearance::instance().lineWidth(), Qt::SolidLine, Qt::RoundCap));
  p.drawLine(l.arrow_from, l.arrow_to);
  const QPointF d = l.arrow_to - l.arrow_from;
  const double len = std::hypot(d.x(), d.y());
  if (len <= 0) return;
  const QPointF u = d / len, n(-u.y(), u.x());
  const double head = std::min(10.0 * Appearance::instance().scale(), len / 2);
  QPainterPath tip;
  tip.moveTo(l.arrow_to);
  tip.lineTo(l.arrow_to - u * head + n * head * 0.6);
  tip.lineTo(l.arrow_to - u * head - n * head * 0.6);
  tip.closeSubpath();
  p.fillPath(tip, fg);
}

QPoint ConvolutionCanvas::outputCellCentre(std::int64_t channel, std::int64_t oy, std::int64_t ox) const {
  const Layout l = layout();
  if (channel < 0 || std::size_t(channel) >= l.outputs.size()) return {-1, -1};
  const QPointF at = l.outputs[std::size_t(channel)];
  return QPointF(at.x() + (ox + 0.5) * l.cell, at.y() + (oy + 0.5) * l.cell).toPoint();
}

void ConvolutionCanvas::mousePressEvent(QMouseEvent* event) {
  if (!model_ || !model_->ready() || event->button() != Qt::LeftButton) return;
  const Layout l = layout();
  const QPointF pos = event->position();
  for (std::size_t c = 0; c < l.outputs.size(); ++c) {
    const QPointF rel = (pos - l.outputs[c]) / l.cell;
    if (rel.x() < 0 || rel.y() < 0) continue;
    const auto x = std::int64_t(rel.x()), y = std::int64_t(rel.y());
    if (x < model_->outputWidth() && y < model_->outputHeight()) {
      emit cellClicked(std::int64_t(c), y, x);
      return;
    }
  }
}

}  // namespace gsui
