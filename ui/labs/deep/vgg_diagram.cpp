#include "labs/deep/vgg_diagram.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

#include "app/appearance.h"

namespace gsui {

namespace {
/// The height and width of a [C, H, W] shape, 1 for a flat one ([10]).
std::int64_t heightOf(const gs::Shape& s) { return s.size() == 3 ? s[1] : 1; }
std::int64_t channelsOf(const gs::Shape& s) { return s.empty() ? 1 : s[0]; }
}  // namespace

VggDiagram::VggDiagram(QWidget* parent) : QWidget(parent) {
  setObjectName("vggDiagram");
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize VggDiagram::minimumSizeHint() const { return {300, fontMetrics().height() * 14}; }

void VggDiagram::setBlocks(const gs::Shape& input_shape, const std::vector<gs::spec::BlockSummary>& blocks) {
  input_shape_ = input_shape;
  blocks_ = blocks;
  problem_.clear();
  update();
}

void VggDiagram::setProblem(const QString& problem) {
  blocks_.clear();
  problem_ = problem;
  update();
}

QStringList VggDiagram::boxTexts(int index) const {
  if (blocks_.empty() || index < 0 || index > static_cast<int>(blocks_.size())) return {};
  if (index == 0) return {tr("Input"), QString::fromStdString(gs::spec::batch_shape_str(input_shape_))};
  const gs::spec::BlockSummary& b = blocks_[static_cast<std::size_t>(index - 1)];
  const QString shape = QString::fromStdString(gs::spec::batch_shape_str(b.output));
  const QString params = tr("%1 parameters").arg(QLocale().toString(b.parameters));
  if (b.label == "Head") return {tr("Head: Flatten, Linear"), shape, params};
  return {tr("Block %1: %2").arg(index).arg(QString::fromStdString(b.label)), shape, params};
}

QString VggDiagram::totalText() const {
  std::int64_t total = 0;
  for (const auto& b : blocks_) total += b.parameters;
  return tr("%1 parameters in total").arg(QLocale().toString(total));
}

void VggDiagram::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) update();
}

void VggDiagram::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const Appearance& look = Appearance::instance();
  const QColor text = palette().color(QPalette::WindowText);
  const QRect area = rect().adjusted(6, 6, -6, -6);
  if (blocks_.empty()) {
    p.setPen(problem_.isEmpty() ? text : look.errorColor());
    p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, problem_);
    return;
  }
  const int columns = static_cast<int>(blocks_.size()) + 1;
  const double column_w = static_cast<double>(area.width()) / columns;
  // The texts under each box, wrapped to the column (at spaces and hyphens); a smaller font when a
  // line still does not fit.
  // Narrow columns (many blocks, presentation mode): a smaller font, down to 70%, until the texts
  // take at most 40% of the height and no word is wider than its column.
  const int text_w = static_cast<int>(column_w) - 6;
  QFont font = p.font(), bold;
  int text_h = 0;
  for (double scale = 1.0; scale > 0.65; scale -= 0.1) {
    font = p.font();
    font.setPointSizeF(p.font().pointSizeF() * scale);
    bold = font;
    bold.setBold(true);
    text_h = 0;
    bool fits = true;
    for (int i = 0; i < columns; ++i) {
      const QStringList lines = boxTexts(i);
      int h = 0;
      for (int k = 0; k < lines.size(); ++k) {
        const QFontMetrics fm(k == 0 ? bold : font);
        h += fm.boundingRect(0, 0, text_w, 1000, Qt::TextWordWrap, lines[k]).height();
        // (a line may break after a space or a hyphen: "Conv-Conv-" / "Pool")
        for (const QString& word : lines[k].split(QRegularExpression("(?<=[ -])"))) fits = fits && fm.horizontalAdvance(word.trimmed()) <= text_w;
      }
      text_h = std::max(text_h, h);
    }
    if (fits && text_h <= area.height() * 0.4) break;
  }
  const int line = QFontMetrics(font).height();
  // Above: the total. Then the boxes, bottoms on one line, then the texts.
  p.setPen(text);
  p.setFont(bold);
  p.drawText(QRect(area.left(), area.top(), area.width(), line), Qt::AlignLeft | Qt::AlignVCenter, totalText());
  const double top = area.top() + line * 1.6;
  const double base = area.bottom() - text_h - 6;
  const double box_max = std::max(20.0, base - top);
  // Height ∝ H (the true halving); thickness ∝ log2(C) so 1 → 512 channels stay on screen.
  const double h_in = static_cast<double>(heightOf(input_shape_));
  std::int64_t c_max = channelsOf(input_shape_);
  for (const auto& b : blocks_) c_max = std::max(c_max, channelsOf(b.output));
  const double log_max = std::log2(static_cast<double>(std::max<std::int64_t>(c_max, 2)));
  const double thick_max = std::min(column_w * 0.35, box_max * 0.5);
  const double depth_ratio = 0.45;  // the receding side (the image's width), drawn skewed
  const double face_h_max = box_max / (1 + depth_ratio * 0.6);
  QPointF previous_right;
  for (int i = 0; i < columns; ++i) {
    const gs::Shape shape = i == 0 ? input_shape_ : blocks_[static_cast<std::size_t>(i - 1)].output;
    const bool head = i > 0 && blocks_[static_cast<std::size_t>(i - 1)].label == "Head";
    const bool image = shape.size() == 3;
    const double face_h = image ? std::max(6.0, face_h_max * static_cast<double>(heightOf(shape)) / h_in) : face_h_max * 0.8;
    const double thick =
        image ? std::max(3.0, thick_max * (0.12 + 0.88 * std::log2(static_cast<double>(channelsOf(shape)) + 1) / (log_max + 1))) : 6.0;
    const double depth = image ? face_h * depth_ratio : 0;
    const double cx = area.left() + column_w * (i + 0.5);
    const QRectF face(cx - (thick + depth) / 2, base - face_h, thick, face_h);
    const QColor fill = head ? look.seriesColor(1) : i == 0 ? look.seriesColor(2) : look.seriesColor(0);
    p.setPen(QPen(text, 1));
    if (depth > 0) {
      // The top and the side of the volume: the image's width receding to the upper right.
      const QPointF d(depth, -depth * 0.6);
      QPolygonF top_face({face.topLeft(), face.topLeft() + d, face.topRight() + d, face.topRight()});
      QPolygonF side({face.topRight(), face.topRight() + d, face.bottomRight() + d, face.bottomRight()});
      p.setBrush(fill.lighter(130));
      p.drawPolygon(top_face);
      p.setBrush(fill.darker(115));
      p.drawPolygon(side);
    }
    p.setBrush(fill);
    p.drawRect(face);
    // An arrow from the previous box.
    const QPointF left(face.left() - 3, base - face_h / 2);
    if (i > 0) {
      const QPointF from(previous_right.x() + 3, std::max(previous_right.y(), left.y()));  // the mid-height of the smaller box: inside both
      const QPointF to(left.x(), from.y());
      if (to.x() - from.x() > 8) {
        p.setPen(QPen(text, 1.2));
        p.drawLine(from, to);
        p.setBrush(text);
        p.drawPolygon(QPolygonF({to, to + QPointF(-6, -3), to + QPointF(-6, 3)}));
      }
    }
    previous_right = QPointF(face.right() + depth, base - face_h / 2);
    // The texts.
    const QStringList lines = boxTexts(i);
    double y = base + 6;
    for (int k = 0; k < lines.size(); ++k) {
      p.setFont(k == 0 ? bold : font);
      p.setPen(text);
      const QRectF r(cx - text_w / 2.0, y, text_w, 1000);
      const QRectF used = p.boundingRect(r, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, lines[k]);
      p.drawText(r, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, lines[k]);
      y += used.height();
    }
  }
}

}  // namespace gsui
