#include "app/layout_check.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QSet>
#include <QHeaderView>
#include <QLabel>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStyledItemDelegate>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTabBar>
#include <QTableView>
#include <QTextDocument>
#include <algorithm>
#include <qcustomplot.h>

#include "app/appearance.h"

namespace gsui {

namespace {

QString pathOf(const QWidget* w, const QWidget* root) {
  QStringList parts;
  for (const QWidget* p = w; p && p != root; p = p->parentWidget())
    parts.prepend(p->objectName().isEmpty() ? QString(p->metaObject()->className()).remove("gsui::") : p->objectName());
  // Long paths: the last four steps say where it is.
  if (parts.size() > 4) parts = QStringList{"…"} + parts.mid(parts.size() - 4);
  return parts.join('/');
}

QString plain(const QString& text, Qt::TextFormat format) {
  if (format == Qt::PlainText || (format == Qt::AutoText && !Qt::mightBeRichText(text))) return text;
  QTextDocument doc;
  doc.setHtml(text);
  return doc.toPlainText();
}

QString excerpt(QString text) {
  text.replace('\n', ' ');
  return text.size() > 60 ? text.left(57) + "…" : text;
}

/// Whether every ancestor up to `root` is shown (a widget of a hidden tab is not checked).
bool shown(const QWidget* w, const QWidget* root) { return w->isVisibleTo(root) && w->width() > 0 && w->height() > 0; }

/// The widget's rectangle as far as the window (and any scroll area's viewport) lets it be seen.
QRect visibleRect(const QWidget* w, const QWidget* root) {
  QRect r(w->mapTo(root, QPoint(0, 0)), w->size());
  for (const QWidget* p = w->parentWidget(); p && p != root; p = p->parentWidget())
    r &= QRect(p->mapTo(root, QPoint(0, 0)), p->size());
  return r & root->rect();
}

/// Whether `w` sits in a scroll area (whose content may extend below its viewport by design).
const QAbstractScrollArea* scrollAreaOf(const QWidget* w, const QWidget* root) {
  for (const QWidget* p = w->parentWidget(); p && p != root; p = p->parentWidget())
    if (auto* area = qobject_cast<const QAbstractScrollArea*>(p)) return area;
  return nullptr;
}

/// Whether `layout`, or a layout nested in it, places `w`.
bool inLayout(const QLayout* layout, const QWidget* w) {
  if (!layout) return false;
  for (int i = 0; i < layout->count(); ++i) {
    QLayoutItem* item = layout->itemAt(i);
    if (item->widget() == w || inLayout(item->layout(), w)) return true;
  }
  return false;
}

}  // namespace

QVector<LayoutProblem> checkLayout(QWidget* window) {
  QVector<LayoutProblem> problems;
  auto add = [&](const QString& kind, const QString& text, const QWidget* w, const QString& detail) {
    problems.push_back({kind, excerpt(text), pathOf(w, window), detail});
  };
  const double scale = Appearance::instance().scale();
  for (QWidget* w : window->findChildren<QWidget*>()) {
    if (!shown(w, window) || w->isWindow()) continue;
    const QRect seen = visibleRect(w, window);
    const QRect full(w->mapTo(window, QPoint(0, 0)), w->size());
    const QAbstractScrollArea* area = scrollAreaOf(w, window);
    // Cut by the window's edge (not by a scroll area's viewport: that is scrolling, checked below).
    if (!area && (full.right() > window->width() + 1 || full.bottom() > window->height() + 1) && !seen.isEmpty() &&
        (qobject_cast<QLabel*>(w) || qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) || qobject_cast<QCustomPlot*>(w)))
      add("clipped", w->metaObject()->className(), w, QString("reaches %1×%2 in a %3×%4 window").arg(full.right()).arg(full.bottom()).arg(window->width()).arg(window->height()));
    if (w->property("gsPrimary").toBool() && seen.size() != full.size())
      add("hidden primary control", w->metaObject()->className(), w, "needs scrolling to be seen");
    if (auto* label = qobject_cast<QLabel*>(w)) {
      if (label->text().isEmpty() || label->pixmap().cacheKey() != 0) continue;
      const QString text = plain(label->text(), label->textFormat());
      // Covered by a widget its own layout placed over it: a layout given less room than its
      // rows need lets a wrapped heading's widget keep its height while the next row starts on it.
      if (const QWidget* parent = label->parentWidget(); parent && inLayout(parent->layout(), label))
        for (const QObject* o : parent->children()) {
          const auto* other = qobject_cast<const QWidget*>(o);
          if (!other || other == label || other->isWindow() || !shown(other, window) || !inLayout(parent->layout(), other)) continue;
          const QRect overlap = other->geometry() & label->geometry();
          if (overlap.width() > 2 && overlap.height() > 2) {
            add("covered text", text, w, QString("%1 px of its height under %2").arg(overlap.height()).arg(pathOf(other, window)));
            break;  // (one is enough: a row of plots covers it five times)
          }
        }
      if (label->wordWrap()) {
        const int need = label->heightForWidth(label->width());
        if (need > label->height() + 2) add("cut text", text, w, QString("needs %1 px of height, has %2").arg(need).arg(label->height()));
      } else if (label->sizeHint().width() > label->width() + 1) {
        add("cut text", text, w, QString("needs %1 px, has %2").arg(label->sizeHint().width()).arg(label->width()));
      }
    } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
      if (button->text().isEmpty() || qobject_cast<QTabBar*>(w->parentWidget())) continue;
      if (button->sizeHint().width() > button->width() + 1)
        add("cut text", button->text(), w, QString("needs %1 px, has %2").arg(button->sizeHint().width()).arg(button->width()));
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
      QStyleOptionComboBox option;
      option.initFrom(combo);
      option.editable = combo->isEditable();
      const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo);
      const int need = combo->fontMetrics().horizontalAdvance(combo->currentText()) + 2;  // the style draws it 1 px in from each side
      if (!combo->currentText().isEmpty() && need > field.width())
        add("cut text", combo->currentText(), w, QString("needs %1 px, has %2").arg(need).arg(field.width()));
    } else if (auto* tabs = qobject_cast<QTabBar*>(w)) {
      for (int i = 0; i < tabs->count(); ++i) {
        const QRect r = tabs->tabRect(i);
        const int need = tabs->fontMetrics().horizontalAdvance(tabs->tabText(i));
        if (tabs->tabText(i).isEmpty()) continue;
        if (r.width() < need) add("elided tab", tabs->tabText(i), w, QString("needs %1 px, has %2").arg(need).arg(r.width()));
        else if (!tabs->rect().contains(r)) add("tab out of sight", tabs->tabText(i), w, "behind the tab bar's scroll arrows");
      }
    } else if (auto* table = qobject_cast<QTableView*>(w)) {
      const QAbstractItemModel* model = table->model();
      if (!model) continue;
      // What the view's delegate needs for each cell, and each header section, against what it has.
      for (int row = 0; row < model->rowCount(); ++row)
        for (int col = 0; col < model->columnCount(); ++col) {
          if (table->isRowHidden(row) || table->isColumnHidden(col)) continue;
          const QModelIndex index = model->index(row, col);
          const QString text = model->data(index).toString();
          if (text.isEmpty() || table->indexWidget(index)) continue;
          const QSize need = table->sizeHintForIndex(index);
          const int has = table->columnWidth(col);
          if (need.width() <= has + 1) continue;
          // Wider than its column: cut, unless the view wraps it onto lines that the row has room
          // for (a word longer than the column cannot wrap: it is elided).
          int longest_word = 0;
          const QFontMetrics fm = table->fontMetrics();
          for (const QString& word : text.split(QRegularExpression("\\s+"), Qt::SkipEmptyParts))
            longest_word = std::max(longest_word, fm.horizontalAdvance(word));
          const int margins = need.width() - fm.horizontalAdvance(text);
          if (!table->wordWrap() || longest_word + margins > has + 1)
            add("cut text", text, w, QString("cell (%1, %2) needs %3 px, has %4").arg(row).arg(col).arg(need.width()).arg(has));
          else if (table->itemDelegate()->sizeHint(QStyleOptionViewItem(), index).height() > table->rowHeight(row) + 1 &&
                   fm.boundingRect(QRect(0, 0, has - margins, 10000), Qt::TextWordWrap, text).height() > table->rowHeight(row) + 1)
            add("cut text", text, w, QString("cell (%1, %2) wraps taller than its row (%3 px)").arg(row).arg(col).arg(table->rowHeight(row)));
        }
      for (QHeaderView* header : {table->horizontalHeader(), table->verticalHeader()}) {
        if (!header->isVisible()) continue;
        for (int s = 0; s < header->count(); ++s) {
          if (header->isSectionHidden(s)) continue;
          const QString text = model->headerData(s, header->orientation()).toString();
          if (text.isEmpty()) continue;
          const int need_along = header->sectionSizeHint(s), has = header->sectionSize(s);
          if (header->orientation() == Qt::Horizontal && need_along > has + 1)
            add("cut text", text, header, QString("header needs %1 px, has %2").arg(need_along).arg(has));
          if (header->orientation() == Qt::Vertical && header->sizeHint().width() > header->width() + 1)
            add("cut text", text, header, QString("header needs %1 px, has %2").arg(header->sizeHint().width()).arg(header->width()));
        }
      }
    }
    if (auto* scroll = qobject_cast<QAbstractScrollArea*>(w); scroll && scroll->horizontalScrollBar()->isVisible() &&
                                                             scroll->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOn)
      add("horizontal scroll bar", w->metaObject()->className(), w,
          QString("content %1 px wide in %2").arg(scroll->horizontalScrollBar()->maximum() + scroll->viewport()->width()).arg(scroll->viewport()->width()));
    if (auto* plot = qobject_cast<QCustomPlot*>(w)) {
      // One of many small multiples (a grid of histograms), or a companion beside a lab's main
      // plot (the learning-rate schedule under the loss), may be smaller than a plot alone.
      const double k = plot->property("gsSmallMultiple").toBool() || plot->property("gsCompanion").toBool() ? 0.6 : 1.0;
      if (plot->width() < k * kMinPlotWidth * scale || plot->height() < k * kMinPlotHeight * scale)
        add("small plot", plot->objectName(), w, QString("%1×%2 px").arg(plot->width()).arg(plot->height()));
      // The data's own area too: a plot of fair size can still leave its curves a sliver once two
      // axes, their labels and a legend under a projector's font have taken their share.
      else if (const QCPAxisRect* rect = plot->axisRectCount() > 0 ? plot->axisRect() : nullptr;
               rect && rect->visible() && rect->height() < k * kMinDataHeight * scale)
        add("small plot", plot->objectName(), w,
            QString("data area %1 px high in a %2×%3 px plot").arg(rect->height()).arg(plot->width()).arg(plot->height()));
      // An axis title longer than the plot is wide (or, up the side, tall): QCustomPlot centres it
      // on the axis and the widget's edge cuts both ends ("false positive rat").
      // (a plot not laid out yet, its rectangle still of no size, is not judged)
      if (QCPAxisRect* rect = plot->axisRectCount() > 0 ? plot->axisRect() : nullptr; rect && rect->visible() && rect->width() > 0 && rect->height() > 0)
        for (QCPAxis* axis : rect->axes()) {
          if (!axis->visible() || axis->label().isEmpty()) continue;
          const double half = QFontMetrics(axis->labelFont()).boundingRect(QRect(0, 0, 100000, 100000), 0, axis->label()).width() / 2.0;
          const bool across = axis->orientation() == Qt::Horizontal;
          const double centre = across ? rect->center().x() : rect->center().y(), room = across ? plot->width() : plot->height();
          if (centre - half < -1 || centre + half > room + 1)
            add("cut text", axis->label(), w, QString("axis title needs %1 px, the plot is %2").arg(static_cast<int>(2 * half)).arg(static_cast<int>(room)));
        }
    }
  }
  return problems;
}

namespace {

/// Lower-case words a Korean course writes in English: PyTorch and Python names, math.
const QSet<QString>& keptWords() {
  static const QSet<QString> words = {"lr", "std", "mean", "dim", "max", "min", "sum", "log", "exp", "sin", "cos", "tanh", "relu",
                                      "sigmoid", "softmax", "true", "false", "torch", "nn", "optim", "grad", "item", "view", "reshape",
                                      "requires", "backward", "zero", "step", "eval", "train", "model", "same", "valid", "none",
                                      "cuda", "cpu", "float", "int", "dtype", "shape", "stride", "weight", "bias", "padding",
                                      "dilation", "kernel", "size", "features", "channels", "momentum", "eps", "betas", "gamma",
                                      "safetensors", "json", "csv", "png", "svg", "pdf", "py", "px", "ms", "fps", "rgb", "idx",
                                      "gz", "deb", "apt", "sudo", "install", "dataset", "fashion", "mnist", "digits", "iris", "wine",
                                      "auc", "ap", "tp", "fp", "tn", "fn", "max", "avg", "pool", "flatten", "linear", "conv",
                                      "batchnorm", "dropout", "identity", "data", "get", "set", "inplace", "contiguous", "permute",
                                      "squeeze", "unsqueeze", "cat", "stack", "matmul", "bmm", "mm", "broadcast", "clone", "detach",
                                      "amsgrad", "nesterov", "centered", "alpha", "beta", "delta", "reduction", "logits", "target",
                                      "input", "output", "x", "y", "w", "b", "k", "h", "p", "q", "x1", "x2",
                                      // scikit-learn's report and the iris species keep their names
                                      "support", "macro", "micro", "weighted", "setosa", "versicolor", "virginica"};
  return words;
}

/// The English words of a text: runs of 3+ ASCII letters, all lower case, not kept terms, not
/// part of an identifier or path (next to _ . / ( or a digit).
QStringList englishWords(const QString& text) {
  QStringList found;
  static const QRegularExpression word("(?<![\\w./(=-])([a-z]{3,})(?![\\w.(/=])");
  for (auto it = word.globalMatch(text); it.hasNext();) {
    const QString w = it.next().captured(1);
    if (!keptWords().contains(w)) found << w;
  }
  return found;
}

}  // namespace

QVector<LayoutProblem> checkLanguage(QWidget* window) {
  QVector<LayoutProblem> problems;
  auto check = [&](const QString& text, const QWidget* w) {
    const QString plain_text = text.simplified();
    const QStringList words = englishWords(plain_text);
    // One stray word inside a Korean sentence may be a term; two, or a text that is only English, is not.
    const bool only_ascii = std::all_of(plain_text.begin(), plain_text.end(), [](QChar c) { return c.unicode() < 128; });
    if (words.size() >= 2 || (!words.isEmpty() && only_ascii))
      problems.push_back({"untranslated", excerpt(plain_text), pathOf(w, window), "English: " + words.mid(0, 4).join(", ")});
  };
  // Code is English on purpose: a widget marked gsVerbatim (PyTorch's own message, a program) and
  // text inside <code> or <pre> (a PyTorch name in a Korean sentence) are not the learner's language.
  static const QRegularExpression code_span("<(code|pre)\\b[^>]*>.*?</\\1>",
                                            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
  for (QWidget* w : window->findChildren<QWidget*>()) {
    if (!shown(w, window) || w->isWindow() || w->property("gsVerbatim").toBool()) continue;
    if (auto* label = qobject_cast<QLabel*>(w)) {
      QString text = label->text();
      if (label->textFormat() != Qt::PlainText) text.remove(code_span);
      check(plain(text, label->textFormat()), w);
    } else if (auto* button = qobject_cast<QAbstractButton*>(w)) check(button->text(), w);
    else if (auto* box = qobject_cast<QGroupBox*>(w)) check(box->title(), w);
    else if (auto* combo = qobject_cast<QComboBox*>(w)) check(combo->currentText(), w);
    else if (auto* tabs = qobject_cast<QTabBar*>(w))
      for (int i = 0; i < tabs->count(); ++i) check(tabs->tabText(i), w);
    else if (auto* header = qobject_cast<QHeaderView*>(w); header && header->model())
      for (int s = 0; s < header->count(); ++s) check(header->model()->headerData(s, header->orientation()).toString(), w);
  }
  return problems;
}

QString describe(const LayoutProblem& p) { return QString("%1 \"%2\" at %3: %4").arg(p.kind, p.text, p.where, p.detail); }

}  // namespace gsui
