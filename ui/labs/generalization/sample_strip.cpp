#include "labs/generalization/sample_strip.h"

#include <QPainter>
#include <algorithm>
#include <numeric>

#include "app/appearance.h"
#include "app/palette.h"

namespace gsui {
namespace {
enum Text { kClass, kHoldout, kFold, kBootstrap, kTrain, kValidation, kTest, kOutOfBag, kTextCount };
constexpr int kBootstrapTicks = 4;  ///< tick rows drawn for the bootstrap (more draws: the top tick is darker)
}  // namespace

SampleStrip::SampleStrip(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  for (int i = 0; i < kTextCount; ++i) texts_ << QString();
}

void SampleStrip::setClasses(const std::vector<std::int64_t>& labels) {
  labels_ = labels;
  order_.resize(labels.size());
  std::iota(order_.begin(), order_.end(), 0);
  std::stable_sort(order_.begin(), order_.end(), [&](std::int64_t a, std::int64_t b) { return labels_[a] < labels_[b]; });
  updateGeometry();
  update();
}

void SampleStrip::setHoldout(const std::vector<SampleRole>& roles) {
  holdout_ = roles;
  update();
}

void SampleStrip::setFolds(const std::vector<std::vector<std::int64_t>>& folds, int current, const QStringList& scores) {
  if (folds != folds_) {
    folds_ = folds;
    fold_of_.assign(labels_.size(), -1);
    for (std::size_t f = 0; f < folds.size(); ++f)
      for (std::int64_t i : folds[f]) fold_of_[static_cast<std::size_t>(i)] = static_cast<int>(f);
    updateGeometry();
  }
  current_ = current;
  scores_ = scores;
  update();
}

void SampleStrip::setBootstrap(const std::vector<int>& counts) {
  counts_ = counts;
  update();
}

void SampleStrip::setTexts(const QStringList& texts) {
  texts_ = texts;
  while (texts_.size() < kTextCount) texts_ << QString();
  updateGeometry();
  update();
}

int SampleStrip::rowHeight() const { return fontMetrics().height() + 6; }

QSize SampleStrip::sizeHint() const {
  const int rows = 3 + static_cast<int>(folds_.size()) + 2;  // class, hold-out, folds, bootstrap (2 rows high), legend
  return {700, rows * rowHeight() + 12};
}

QSize SampleStrip::minimumSizeHint() const { return {300, sizeHint().height()}; }

void SampleStrip::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const Appearance& look = Appearance::instance();
  p.fillRect(rect(), look.plotBackground());
  if (labels_.empty()) return;
  const QFontMetrics fm = fontMetrics();
  const int rh = rowHeight();
  QStringList titles = {texts_[kClass], texts_[kHoldout]};
  for (std::size_t f = 0; f < folds_.size(); ++f) titles << texts_[kFold].arg(f + 1);
  titles << texts_[kBootstrap];
  int title_width = 0;
  for (const QString& t : titles) title_width = std::max(title_width, fm.horizontalAdvance(t));
  int score_width = fm.horizontalAdvance("00.0%") + 8;
  for (const QString& s : scores_) score_width = std::max(score_width, fm.horizontalAdvance(s) + 8);
  const int left = title_width + 10, right = width() - score_width;
  const double cell = static_cast<double>(right - left) / static_cast<double>(labels_.size());
  auto x_of = [&](std::size_t column) { return left + cell * static_cast<double>(column); };
  auto fill = [&](int row_top, int height, std::size_t column, const QColor& colour) {
    p.fillRect(QRectF(x_of(column), row_top + 2, std::max(1.0, cell - (cell > 3 ? 0.6 : 0.0)), height - 4), colour);
  };
  // Roles in the app's marker language (app/palette.h), in the foreground colour so that they never
  // look like a class: a training sample is filled, a test (or out-of-bag) sample is a hollow
  // frame, a validation sample, neither, is hatched.
  const QColor ink = look.plotForeground();
  auto role = [&](QRectF box, SampleRole r, int alpha) {
    QColor c = ink;
    c.setAlpha(alpha);
    if (r == SampleRole::Train) {
      p.fillRect(box, c);
    } else if (r == SampleRole::Validation) {
      p.fillRect(box, QBrush(c, Qt::BDiagPattern));
    } else {
      p.setPen(QPen(c, 1));
      p.setBrush(Qt::NoBrush);
      p.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
    }
  };
  auto cell_box = [&](int row_top, int height, std::size_t column) {
    return QRectF(x_of(column), row_top + 2, std::max(1.0, cell - (cell > 3 ? 0.6 : 0.0)), height - 4);
  };
  auto title = [&](int row_top, int height, const QString& text) {
    p.setPen(look.plotForeground());
    p.drawText(QRect(0, row_top, title_width + 4, height), Qt::AlignRight | Qt::AlignVCenter, text);
  };
  int y = 4;
  // Classes: each in its colour of every lab.
  title(y, rh, texts_[kClass]);
  for (std::size_t c = 0; c < order_.size(); ++c) fill(y, rh, c, palette::classColor(static_cast<int>(labels_[order_[c]])));
  y += rh;
  title(y, rh, texts_[kHoldout]);
  if (holdout_.size() == labels_.size())
    for (std::size_t c = 0; c < order_.size(); ++c) {
      role(cell_box(y, rh, c), holdout_[static_cast<std::size_t>(order_[c])], 220);
    }
  y += rh;
  for (std::size_t f = 0; f < folds_.size(); ++f) {
    title(y, rh, titles[static_cast<int>(2 + f)]);
    for (std::size_t c = 0; c < order_.size(); ++c) {
      const bool held_out = fold_of_[static_cast<std::size_t>(order_[c])] == static_cast<int>(f);
      const bool dimmed = current_ >= 0 && static_cast<int>(f) != current_;  // the fold under way stands out
      role(cell_box(y, rh, c), held_out ? SampleRole::Test : SampleRole::Train, dimmed ? 90 : 220);
    }
    if (static_cast<int>(f) == current_) {
      p.setPen(QPen(look.plotForeground(), 2 * look.scale()));
      p.setBrush(Qt::NoBrush);
      p.drawRect(QRectF(left - 2, y, right - left + 4, rh));
    }
    p.setPen(look.plotForeground());
    p.drawText(QRect(right + 4, y, score_width, rh), Qt::AlignLeft | Qt::AlignVCenter, scores_.value(static_cast<int>(f)));
    y += rh;
  }
  // Bootstrap: one tick per draw, stacked; an empty column is out of bag (a hollow frame).
  title(y, 2 * rh, texts_[kBootstrap]);
  if (counts_.size() == labels_.size()) {
    const double tick = (2.0 * rh - 4) / kBootstrapTicks;
    for (std::size_t c = 0; c < order_.size(); ++c) {
      const int n = counts_[static_cast<std::size_t>(order_[c])];
      const double x = x_of(c), w = std::max(1.0, cell - (cell > 3 ? 0.6 : 0.0));
      if (n == 0) {
        role(QRectF(x, y + 2, w, 2.0 * rh - 4), SampleRole::Test, 220);
        continue;
      }
      for (int k = 0; k < std::min(n, kBootstrapTicks); ++k) {
        QColor colour = ink;
        colour.setAlpha(k == kBootstrapTicks - 1 && n > kBootstrapTicks ? 255 : 170);
        p.fillRect(QRectF(x, y + 2.0 * rh - 2 - (k + 1) * tick, w, tick - 1), colour);
      }
    }
  }
  y += 2 * rh;
  // Legend.
  int x = left;
  const int swatch = fm.height() - 4;
  // (a test sample and one out of bag are both held out: one hollow swatch names both)
  const std::pair<SampleRole, QString> legend[] = {{SampleRole::Train, texts_[kTrain]},
                                                   {SampleRole::Validation, texts_[kValidation]},
                                                   {SampleRole::Test, texts_[kTest] + QStringLiteral(" / ") + texts_[kOutOfBag]}};
  for (const auto& [r, text] : legend) {
    role(QRectF(x, y + (rh - swatch) / 2, swatch, swatch), r, 220);
    p.setPen(look.plotForeground());
    const int w = fm.horizontalAdvance(text);
    p.drawText(QRect(x + swatch + 4, y, w + 2, rh), Qt::AlignLeft | Qt::AlignVCenter, text);
    x += swatch + w + 18;
  }
}

}  // namespace gsui
