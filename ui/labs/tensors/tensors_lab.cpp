#include "labs/tensors/tensors_lab.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStyle>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <memory>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/engine_message.h"
#include "app/language.h"
#include "labs/tensors/tensor_view.h"
#include "util/error.h"

namespace gsui {
namespace {

/// Tensors drawn as cards at most (the current result first, then the newest variables).
constexpr int kMaxCards = 10;
/// Storages bigger than this are not compared for in-place changes.
constexpr std::int64_t kMaxCompared = 4096;

std::vector<double> readStorage(const std::shared_ptr<gs::Storage>& storage, gs::Dtype dtype) {
  const auto n = std::int64_t(storage->nbytes() / gs::element_size(dtype));
  if (n == 0 || n > kMaxCompared) return {};
  auto flat = std::make_shared<gs::TensorImpl>();
  flat->storage = storage;
  flat->shape = {n};
  flat->strides = {1};
  flat->dtype = dtype;
  return gs::Tensor(flat).to_vector<double>();
}

QString html(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

/// A read-only rich-text box for the note and the error: it scrolls when its text is taller
/// than the height fitTextBoxes() gives it, so that the tensors keep most of the room.
QTextBrowser* textBox(const char* name) {
  auto* box = new QTextBrowser;
  box->setObjectName(name);
  box->setOpenLinks(false);
  box->setFocusPolicy(Qt::NoFocus);
  box->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  return box;
}

/// The program editor: it asks for no more than its minimum height, so that the side panel's
/// scroll area (which sizes by preferred heights) scrolls only when even that does not fit; it
/// grows into whatever room is left.
///
/// Line numbers in a gutter on its left: in a narrow panel long lines wrap, and the number marks
/// where each line begins (a wrapped part has none, so "5, 6]])" is not read as a statement of
/// its own); they are also the numbers the note above the cards quotes ("Line 13:").
class ProgramEditor : public QPlainTextEdit {
 public:
  ProgramEditor() : gutter_(new Gutter(this)) {
    gutter_->setObjectName("lineNumbers");
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { fitGutter(); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
      if (dy) gutter_->scroll(0, dy);
      else gutter_->update(0, rect.y(), gutter_->width(), rect.height());
    });
    fitGutter();
  }
  QSize sizeHint() const override { return {QPlainTextEdit::sizeHint().width(), minimumHeight()}; }
  QWidget* gutter() const { return gutter_; }
  int gutterWidth() const {
    const int digits = std::max(2, static_cast<int>(QString::number(blockCount()).size()));
    return fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits + fontMetrics().averageCharWidth();
  }
  /// The lines (1-based, inclusive) whose numbers are drawn in the text's colour (the statement
  /// shown); the others are dimmed.
  void setCurrentLines(int first, int last) {
    if (first == first_ && last == last_) return;
    first_ = first, last_ = last;
    gutter_->update();
  }

 protected:
  void resizeEvent(QResizeEvent* event) override {
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    gutter_->setGeometry(r.left(), r.top(), gutterWidth(), r.height());
  }
  void changeEvent(QEvent* event) override {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitGutter();
  }

 private:
  class Gutter : public QWidget {
   public:
    explicit Gutter(ProgramEditor* editor) : QWidget(editor), editor_(editor) {}

   protected:
    void paintEvent(QPaintEvent* event) override { editor_->paintGutter(event); }

   private:
    ProgramEditor* editor_;
  };

  void fitGutter() {
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect r = contentsRect();
    gutter_->setGeometry(r.left(), r.top(), gutterWidth(), r.height());
    gutter_->update();
  }

  void paintGutter(QPaintEvent* event) {
    QPainter p(gutter_);
    p.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QColor dim = palette().color(QPalette::Text);
    dim.setAlphaF(0.45);
    const int right = gutter_->width() - fontMetrics().averageCharWidth() / 2;
    QTextBlock block = firstVisibleBlock();
    double top = blockBoundingGeometry(block).translated(contentOffset()).top();
    for (; block.isValid() && top <= event->rect().bottom(); block = block.next()) {
      const double height = blockBoundingRect(block).height();
      if (block.isVisible() && top + height >= event->rect().top()) {
        const int line = block.blockNumber() + 1;
        p.setPen(line >= first_ && line <= last_ ? palette().color(QPalette::Text) : dim);
        // (the first of the block's wrapped lines: the number sits on its baseline's line)
        const int first_line_height = block.layout() && block.layout()->lineCount() > 0
                                          ? static_cast<int>(std::ceil(block.layout()->lineAt(0).height()))
                                          : fontMetrics().height();
        p.drawText(QRect(0, static_cast<int>(top), right, first_line_height), Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
      }
      top += height;
    }
  }

  Gutter* gutter_;
  int first_ = 0, last_ = 0;
};

/// The explanation above the program shows this many lines at most.
constexpr int kAboutLines = 5;

/// `text` as it fits `lines` lines of `width`: cut with "…" in the last line if longer.
QString firstLines(const QString& text, const QFont& font, double width, int lines) {
  if (width <= 0) return text;
  QTextLayout layout(text, font);
  layout.beginLayout();
  int start = -1, count = 0;
  for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
    line.setLineWidth(width);
    if (++count == lines) start = line.textStart();
  }
  layout.endLayout();
  if (count <= lines || start < 0) return text;
  const QFontMetricsF fm(font);
  return text.left(start) + fm.elidedText(text.mid(start), Qt::ElideRight, width);
}

/// How many lines `text` takes wrapped at `width`.
int wrappedLines(const QString& text, const QFont& font, double width) {
  if (text.isEmpty()) return 0;
  if (width <= 0) return 1;
  QTextLayout layout(text, font);
  QTextOption option;
  option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
  layout.setTextOption(option);
  layout.beginLayout();
  int count = 0;
  for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
    line.setLineWidth(width);
    ++count;
  }
  layout.endLayout();
  return count;
}

}  // namespace

TensorsLab::TensorsLab(QWidget* parent) : Lab(parent) {
  buildView();
  buildControls();
  retranslate();
  applyAppearance();
  choosePreset(0);
}

void TensorsLab::buildView() {
  note_ = textBox("note");
  error_ = textBox("error");
  error_->hide();
  view_ = new TensorView;
  view_->setObjectName("tensorView");
  scroll_ = new QScrollArea;
  scroll_->setWidget(view_);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);
  // The view wraps its texts to the visible width, which changes without the view resizing when
  // a wide grid keeps it wider than the scroll area (a scroll bar coming or going).
  scroll_->viewport()->installEventFilter(this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(note_);
  layout->addWidget(error_);
  layout->addWidget(scroll_, 1);
}

void TensorsLab::buildControls() {
  program_box_ = new ControlGroup(controlsLayout());
  preset_box_ = new QComboBox;
  preset_box_->setObjectName("presets");
  preset_box_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  preset_box_->setMinimumContentsLength(10);
  // The field shows "Example 3 of 10" (a title does not fit a projector's side panel: issue 15);
  // the list shows the titles (column 1), and the title label under the field the chosen one, wrapped.
  preset_model_ = new QStandardItemModel(0, 2, this);
  preset_box_->setModel(preset_model_);
  auto* titles = new QListView;
  preset_box_->setView(titles);
  preset_box_->setModelColumn(0);
  titles->setModelColumn(1);
  title_ = new QLabel;
  title_->setObjectName("presetTitle");
  title_->setWordWrap(true);
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  about_ = new QLabel;
  about_->setObjectName("about");
  about_->setWordWrap(true);
  about_->installEventFilter(this);
  editor_ = new ProgramEditor;
  editor_->setObjectName("program");
  editor_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  editor_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  editor_->installEventFilter(this);
  run_button_ = new QPushButton;
  run_button_->setObjectName("run");
  step_button_ = new QPushButton;
  step_button_->setObjectName("step");
  reset_button_ = new QPushButton;
  reset_button_->setObjectName("reset");
  position_ = new QLabel;
  position_->setObjectName("position");
  position_->setWordWrap(true);
  // The buttons right under the presets, so that they stay in view on a projector.
  program_box_->addWideRow(preset_box_);
  program_box_->addWideRow(title_);
  program_box_->addWideRow({run_button_, step_button_, reset_button_});
  program_box_->addWideRow(position_);
  program_box_->addWideRow(about_);
  program_box_->addWideRow(editor_);
  controlsLayout()->addWidget(program_box_, 1);

  connect(preset_box_, &QComboBox::activated, this, [this](int i) { choosePreset(i); });
  connect(editor_, &QPlainTextEdit::textChanged, this, [this] {
    reloadProgram();
    emit codeChanged();
  });
  connect(run_button_, &QPushButton::clicked, this, &TensorsLab::runAll);
  connect(step_button_, &QPushButton::clicked, this, &TensorsLab::step);
  connect(reset_button_, &QPushButton::clicked, this, &TensorsLab::reset);
}

int TensorsLab::presetIndex(const QString& id) const {
  for (int i = 0; i < presets_.size(); ++i)
    if (presets_[i].id == id) return i;
  return -1;
}

void TensorsLab::choosePreset(int index) {
  if (index < 0 || index >= presets_.size()) return;
  preset_ = index;
  preset_box_->setCurrentIndex(index);
  showAbout();
  editor_->setPlainText(presets_[index].source);  // (reloads the program)
}

QStringList TensorsLab::presetIds() { return tensorPresetIds(); }

bool TensorsLab::showPage(const QString& id) {
  int index = presetIndex(id);
  bool number = false;
  const int n = id.toInt(&number);
  if (index < 0 && number && n >= 1 && n <= presets_.size()) index = n - 1;
  if (index < 0) return false;
  choosePreset(index);
  return true;
}

void TensorsLab::showAbout() {
  about_full_ = preset_ >= 0 && preset_ < presets_.size() ? presets_[preset_].about : QString();
  about_->setToolTip(about_full_);
  // As high as its lines at the width it has
  // *with* the panel's scroll bar, whether the bar shows now or not: a height that followed the
  // wrapping of the moment would show and hide the bar, whose width changes the wrapping (a loop
  // without end when a window was built in presentation mode).
  const QScrollArea* panel = nullptr;
  for (QWidget* w = about_->parentWidget(); w && !panel; w = w->parentWidget()) panel = qobject_cast<QScrollArea*>(w);
  const bool bar_shown = panel && panel->verticalScrollBar()->isVisible();
  const int bar = bar_shown ? 0 : about_->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, about_);
  // (at most five lines: the program below needs the room more; the rest is in the tooltip and
  // in the program's own "# about:" line)
  const int lines = std::clamp(wrappedLines(about_full_, about_->font(), about_->contentsRect().width() - bar), 1, kAboutLines);
  const QString shown = firstLines(about_full_, about_->font(), about_->contentsRect().width(), kAboutLines);
  if (about_->text() != shown) about_->setText(shown);
  const QMargins m = about_->contentsMargins();
  about_->setMinimumHeight(lines * QFontMetrics(about_->font()).lineSpacing() + m.top() + m.bottom());
  const QString title = preset_ >= 0 && preset_ < presets_.size() ? presets_[preset_].title : QString();
  preset_box_->setToolTip(title);
  title_->setText(title);
}

void TensorsLab::setProgram(const QString& source) { editor_->setPlainText(source); }

void TensorsLab::reloadProgram() {
  split_error_.clear();
  statements_.clear();
  try {
    statements_ = gs::eval::split_statements(editor_->toPlainText().toStdString());
  } catch (const gs::Error& e) {
    split_error_ = engineExplanation(e);  // (a sentence without a code stays as core words it)
  }
  reset();
}

void TensorsLab::reset() {
  interpreter_.reset();
  next_ = 0;
  current_ = -1;
  last_.reset();
  recent_.clear();
  changed_.clear();
  showState();
}

bool TensorsLab::runNext() {
  if (next_ >= int(statements_.size())) return false;
  // The storages before the statement, to find the cells an in-place change wrote.
  std::map<const gs::Storage*, std::pair<std::shared_ptr<gs::Storage>, std::vector<double>>> before;
  for (const auto& [name, value] : interpreter_.variables())
    if (value.is_tensor() && value.tensor.defined()) {
      const auto& storage = value.tensor.impl()->storage;
      if (!before.count(storage.get())) before[storage.get()] = {storage, readStorage(storage, value.tensor.dtype())};
    }
  last_ = interpreter_.run(statements_[std::size_t(next_)]);
  current_ = next_++;
  for (const std::string& name : last_->assigned) {
    recent_.erase(std::remove(recent_.begin(), recent_.end(), name), recent_.end());
    recent_.push_back(name);
  }
  changed_.clear();
  for (const auto& [name, value] : interpreter_.variables()) {
    if (!value.is_tensor() || !value.tensor.defined()) continue;
    auto it = before.find(value.tensor.impl()->storage.get());
    if (it == before.end() || changed_.count(it->first)) continue;
    const std::vector<double> now = readStorage(it->second.first, value.tensor.dtype());
    std::set<std::int64_t> cells;
    for (std::size_t k = 0; k < std::min(now.size(), it->second.second.size()); ++k)
      if (now[k] != it->second.second[k]) cells.insert(std::int64_t(k));
    if (!cells.empty()) changed_[it->first] = cells;
  }
  return last_->ok;
}

void TensorsLab::step() {
  if (!split_error_.isEmpty()) return;
  if (next_ >= int(statements_.size())) {
    emit message(tr("End of the program: press Reset to start again."));
    return;
  }
  runNext();
  showState();
}

void TensorsLab::runAll() {
  if (!split_error_.isEmpty()) return;
  interpreter_.reset();
  next_ = 0;
  current_ = -1;
  recent_.clear();
  while (runNext()) {
  }
  showState();
}

void TensorsLab::showState() {
  highlightCurrent();
  showNote();
  showError();
  updateViewContent();
  position_->setText(statements_.empty() ? tr("No statements")
                     : current_ < 0      ? tr("Before statement 1 of %1").arg(statements_.size())
                                         : tr("Statement %1 of %2").arg(current_ + 1).arg(statements_.size()));
  step_button_->setEnabled(split_error_.isEmpty() && next_ < int(statements_.size()));
}

void TensorsLab::highlightCurrent() {
  QList<QTextEdit::ExtraSelection> selections;
  if (current_ >= 0 && current_ < int(statements_.size())) {
    const auto& s = statements_[std::size_t(current_)];
    QColor colour = last_ && !last_->ok ? Appearance::instance().errorColor() : Appearance::instance().seriesColor(4);
    colour.setAlpha(70);
    for (int line = s.first_line; line <= s.last_line; ++line) {
      QTextEdit::ExtraSelection sel;
      sel.cursor = QTextCursor(editor_->document()->findBlockByNumber(line - 1));
      sel.format.setBackground(colour);
      sel.format.setProperty(QTextFormat::FullWidthSelection, true);
      selections << sel;
    }
  }
  editor_->setExtraSelections(selections);
  const bool shown = current_ >= 0 && current_ < int(statements_.size());
  static_cast<ProgramEditor*>(editor_)->setCurrentLines(shown ? statements_[std::size_t(current_)].first_line : 0,
                                                        shown ? statements_[std::size_t(current_)].last_line : 0);
  revealCurrent();
  revealCurrentLater();
}

void TensorsLab::revealCurrent() {
  reveal_pending_ = false;
  if (current_ < 0 || current_ >= int(statements_.size())) return;
  const auto& s = statements_[std::size_t(current_)];
  const int block = editor_->textCursor().blockNumber() + 1;
  if (block < s.first_line || block > s.last_line) editor_->setTextCursor(QTextCursor(editor_->document()->findBlockByNumber(s.first_line - 1)));
  editor_->centerCursor();
  // Near the end of the program centring can leave the scroll bar at its end with the statement
  // still below a short editor (its lines wrapped since the bar's range was set): then scroll
  // until it shows.
  const QTextCursor last(editor_->document()->findBlockByNumber(s.last_line - 1));
  for (int tries = 0; tries < 64 && editor_->cursorRect(last).bottom() > editor_->viewport()->height(); ++tries) {
    QScrollBar* bar = editor_->verticalScrollBar();
    if (bar->value() >= bar->maximum()) bar->setMaximum(bar->maximum() + 1);
    bar->setValue(bar->value() + 1);
  }
}

void TensorsLab::revealCurrentLater() {
  if (reveal_pending_) return;
  reveal_pending_ = true;
  QTimer::singleShot(0, this, &TensorsLab::revealCurrent);
}

bool TensorsLab::eventFilter(QObject* watched, QEvent* event) {
  const auto type = event->type();
  if (watched == scroll_->viewport() && type == QEvent::Resize) view_->relayout();
  if (watched == editor_ && (type == QEvent::Resize || type == QEvent::Show || type == QEvent::FontChange)) revealCurrentLater();
  // Refitted after the layout pass that resized it, never inside it.
  if (watched == about_ && type == QEvent::Resize && static_cast<QResizeEvent*>(event)->oldSize().width() != about_->width() && !about_pending_) {
    about_pending_ = true;
    QMetaObject::invokeMethod(this, [this] {
      about_pending_ = false;
      showAbout();
    }, Qt::QueuedConnection);
  }
  return Lab::eventFilter(watched, event);
}

void TensorsLab::resizeEvent(QResizeEvent* event) {
  Lab::resizeEvent(event);
  fitTextBoxes();
}

void TensorsLab::fitTextBoxes() {
  const int width = std::max(100, contentsRect().width() - 8);  // the layout's margins
  for (QTextBrowser* box : {note_, error_}) {
    // An error gets up to a third of the lab's height (it is what the learner must read now), a
    // note a quarter; a box that must scroll shows whole lines, not half of its last one.
    const int cap = std::max(60, box == error_ ? height() / 3 : height() / 4);
    // Measured on a copy: the box lays its own document out to its viewport.
    const std::unique_ptr<QTextDocument> doc(box->document()->clone());
    doc->setTextWidth(width - 2 * box->frameWidth());
    const int frame = 2 * box->frameWidth() + int(std::ceil(2 * doc->documentMargin()));
    const int needed = int(std::ceil(doc->size().height())) + 2 * box->frameWidth();
    const int line = std::max(1, QFontMetrics(box->font()).lineSpacing());
    box->setFixedHeight(needed <= cap ? needed : frame + std::max(1, (cap - frame) / line) * line);
  }
}

std::pair<int, int> TensorsLab::highlightedLines() const {
  const auto selections = editor_->extraSelections();
  if (selections.isEmpty()) return {0, 0};
  return {selections.first().cursor.blockNumber() + 1, selections.last().cursor.blockNumber() + 1};
}

void TensorsLab::showNote() {
  const QString source = editor_->toPlainText();
  auto set = [this](const QString& text) {
    note_html_ = text;
    note_->setHtml(text);
    fitTextBoxes();
  };
  if (!split_error_.isEmpty()) {
    set(tr("The program cannot be split into statements."));
    return;
  }
  if (current_ < 0) {
    const QString first = statements_.empty() ? QString() : statementNote(source, statements_.front().first_line);
    set(tr("Press <b>Step</b> to run the program one statement at a time, or <b>Run</b> to run it all.") +
                   (first.isEmpty() ? QString() : QStringLiteral("<br>") + first.toHtmlEscaped()));
    return;
  }
  const auto& s = statements_[std::size_t(current_)];
  const QString note = statementNote(source, s.first_line);
  set(QStringLiteral("<b>%1</b> <code>%2</code>%3")
                     .arg(tr("Line %1:").arg(s.first_line), html(s.text),
                          note.isEmpty() ? QString() : QStringLiteral("<br>") + note.toHtmlEscaped()));
}

QString TensorsLab::noteText() const { return note_html_; }
QString TensorsLab::aboutText() const { return about_full_; }
QString TensorsLab::errorText() const { return error_->isHidden() ? QString() : error_html_; }

void TensorsLab::showError() {
  QString text;
  if (!split_error_.isEmpty()) {
    text = QStringLiteral("<b>SyntaxError</b><br>%1").arg(split_error_.toHtmlEscaped());
  } else if (last_ && !last_->ok && current_ >= 0) {
    const auto& s = statements_[std::size_t(current_)];
    const QString torch = QString::fromStdString(last_->error_text());
    const QString english = QString::fromStdString(last_->message);
    const QString teaching = engineMessage(last_->code, last_->args, english);
    // Tight: the statement and what the picture shows on one line, then the teaching sentence,
    // then PyTorch's own words.
    text = QStringLiteral("<b>%1</b> <code>%2</code> &nbsp;<i>%3</i><br>%4")
               .arg(tr("Error in line %1:").arg(s.first_line), html(s.text), tr("The picture keeps the state before the error."),
                    teaching.toHtmlEscaped());
    if (!torch.isEmpty() && torch != english) text += QStringLiteral("<br>%1 <code>%2</code>").arg(tr("PyTorch says:"), torch.toHtmlEscaped());
  }
  error_->setVisible(!text.isEmpty());
  error_html_ = text;
  error_->setHtml(text);
  fitTextBoxes();
  if (last_ && !last_->ok && current_ >= 0) {
    // The status bar gets the first sentence of the teaching text, in the learner's language
    // (the whole of it, and PyTorch's own words, are in the box above the picture).
    const QString teaching = engineMessage(last_->code, last_->args, QString::fromStdString(last_->message));
    const int end = teaching.indexOf(QStringLiteral(". "));
    emit message(tr("Error in line %1:").arg(statements_[std::size_t(current_)].first_line) + ' ' + (end > 0 ? teaching.left(end + 1) : teaching));
  }
}

void TensorsLab::updateViewContent() {
  QStringList output;
  std::vector<TensorCard> cards;
  // Every storage keeps one colour, in the order the variables were bound.
  std::map<const gs::Storage*, int> colours;
  auto colourOf = [&colours](const gs::Tensor& t) {
    return colours.emplace(t.impl()->storage.get(), int(colours.size())).first->second;
  };
  for (const auto& [name, value] : interpreter_.variables())
    if (value.is_tensor() && value.tensor.defined()) colourOf(value.tensor);
  auto cardOf = [&](const QString& name, const gs::Tensor& t, const QString& caption, bool current) {
    TensorCard card{.name = name, .caption = caption, .tensor = t, .colour = colourOf(t), .shares = {}, .changed = {}, .current = current};
    for (const std::string& other : interpreter_.names_sharing_storage(t))
      if (QString::fromStdString(other) != name) card.shares << QString::fromStdString(other);
    auto it = changed_.find(t.impl()->storage.get());
    if (it != changed_.end()) card.changed = it->second;
    return card;
  };
  OperationPicture operation;
  std::string result_variable;
  if (last_) {
    for (const std::string& line : last_->printed) output << QString::fromStdString(line);
    if (last_->ok && last_->is_expression && last_->value.is_tensor()) {
      // The value of a bare expression: a card of its own, unless it is a variable itself (`x`,
      // `row.add_(1)`), which then comes first.
      const gs::Tensor& value = last_->value.tensor;
      auto same = std::find_if(interpreter_.variables().begin(), interpreter_.variables().end(),
                               [&value](const auto& v) { return v.second.is_tensor() && v.second.tensor.is_same(value); });
      if (same != interpreter_.variables().end()) result_variable = same->first;
      else cards.push_back(cardOf(tr("result"), value, tr("the value of %1").arg(QString::fromStdString(statements_[std::size_t(current_)].text)), true));
    } else if (last_->ok && last_->is_expression && last_->value.kind != gs::eval::Value::Kind::None)
      output << QStringLiteral("%1  →  %2").arg(QString::fromStdString(statements_[std::size_t(current_)].text), QString::fromStdString(last_->value.repr()));
    operation = TensorOperation::build(last_->events, [this](const gs::Tensor& t) { return variableNameOf(t); });
  }
  // The names the statement bound first, then the others, newest first.
  std::vector<std::string> order;
  if (!result_variable.empty()) order.push_back(result_variable);
  if (last_ && last_->ok)
    for (const std::string& n : last_->assigned) order.push_back(n);
  for (auto it = recent_.rbegin(); it != recent_.rend(); ++it)
    if (std::find(order.begin(), order.end(), *it) == order.end()) order.push_back(*it);
  QStringList hidden, others;
  for (const std::string& n : order) {
    const gs::eval::Value* v = interpreter_.variable(n);
    if (!v) continue;
    const QString name = QString::fromStdString(n);
    if (!v->is_tensor()) {
      others << QStringLiteral("%1 = %2").arg(name, QString::fromStdString(v->repr()));
      continue;
    }
    if (std::find_if(cards.begin(), cards.end(), [&name](const TensorCard& c) { return c.name == name; }) != cards.end()) continue;
    const bool set = last_ && last_->ok && std::find(last_->assigned.begin(), last_->assigned.end(), n) != last_->assigned.end();
    const bool shown = n == result_variable;
    const QString caption = set ? tr("set by this statement") : shown ? tr("the value of the statement") : QString();
    if (int(cards.size()) >= kMaxCards) hidden << name;
    else cards.push_back(cardOf(name, v->tensor, caption, set || shown));
  }
  if (!others.isEmpty()) output << tr("Other variables: %1").arg(others.join(QStringLiteral(", ")));
  if (!hidden.isEmpty()) output << tr("Not drawn (too many tensors): %1").arg(hidden.join(QStringLiteral(", ")));
  view_->setContent(std::move(operation), output, std::move(cards));
}

QString TensorsLab::variableNameOf(const gs::Tensor& t) const {
  if (!t.defined()) return {};
  const auto& vars = interpreter_.variables();
  for (const auto& [name, value] : vars)
    if (value.is_tensor() && value.tensor.defined() && value.tensor.is_same(t)) return QString::fromStdString(name);
  for (const auto& [name, value] : vars) {
    if (!value.is_tensor() || !value.tensor.defined()) continue;
    const gs::Tensor& v = value.tensor;
    if (v.impl()->storage == t.impl()->storage && v.shape() == t.shape() && v.strides() == t.strides() &&
        v.storage_offset() == t.storage_offset() && v.dtype() == t.dtype())
      return QString::fromStdString(name);
  }
  return {};
}

void TensorsLab::retranslate() {
  program_box_->setTitle(tr("Program"));
  run_button_->setText(tr("Run"));
  run_button_->setToolTip(tr("Run the whole program from the start; it stops at the first error, as Python does."));
  step_button_->setText(tr("Step"));
  step_button_->setToolTip(tr("Run the next statement."));
  reset_button_->setText(tr("Reset"));
  reset_button_->setToolTip(tr("Forget all variables and go back to the first statement."));
  editor_->setToolTip(tr("One statement per line (or separated by ;). Comments above a statement are its note."));
  // The presets in the new language: an unedited program follows (its code lines are the same,
  // so the run so far stays valid).
  const QString language = Language::instance().language();
  if (language != presets_language_) {
    const bool unedited = preset_ >= 0 && preset_ < presets_.size() && editor_->toPlainText() == presets_[preset_].source;
    presets_ = tensorPresets(language);
    presets_language_ = language;
    const QSignalBlocker block(preset_box_);
    preset_box_->clear();
    for (int i = 0; i < presets_.size(); ++i)
      preset_model_->appendRow({new QStandardItem(tr("Example %1 of %2").arg(i + 1).arg(presets_.size())),
                                new QStandardItem(QString("%1. %2").arg(i + 1).arg(presets_[i].title))});
    preset_box_->view()->setMinimumWidth(preset_box_->view()->sizeHintForColumn(1) + 24);  // the popup shows whole titles
    if (preset_ >= 0 && preset_ < presets_.size()) {
      preset_box_->setCurrentIndex(preset_);
      showAbout();
      if (unedited) {
        const QSignalBlocker block_editor(editor_);
        editor_->setPlainText(presets_[preset_].source);
      }
    }
  }
  if (preset_ >= 0) showState();
}

void TensorsLab::applyAppearance() {
  QFont mono(QStringLiteral("monospace"));
  mono.setStyleHint(QFont::Monospace);
  mono.setPointSizeF(QApplication::font().pointSizeF());
  editor_->setFont(mono);
  const Appearance& look = Appearance::instance();
  // Five lines at least (four of the bigger ones on a projector, where the panel is short); it
  // grows into the room there is.
  editor_->setMinimumHeight(int(QFontMetrics(mono).lineSpacing() * (look.presentation() ? 4 : 5) + 2 * editor_->frameWidth() + 8));
  QFont big = QApplication::font();
  big.setPointSizeF(big.pointSizeF() * (look.presentation() ? 1.0 : 1.1));
  note_->setFont(big);
  error_->setFont(QApplication::font());
  for (QTextBrowser* box : {note_, error_}) box->document()->setDocumentMargin(std::max(3.0, 4 * look.scale()));
  QColor note_bg = look.seriesColor(5);
  note_bg.setAlpha(40);
  note_->setStyleSheet(QStringLiteral("QTextBrowser#note { background: %1; border: none; border-left: %2px solid %3; }")
                           .arg(note_bg.name(QColor::HexArgb)).arg(int(4 * look.scale())).arg(look.seriesColor(5).name()));
  QColor error_bg = look.errorColor();
  error_bg.setAlpha(30);
  error_->setStyleSheet(QStringLiteral("QTextBrowser#error { color: %1; background: %2; border: %3px solid %1; }")
                            .arg(look.errorColor().name(), error_bg.name(QColor::HexArgb)).arg(int(std::max(1.0, 2 * look.scale()))));
  view_->setFont(QApplication::font());
  if (preset_ >= 0) showState();
  showAbout();
  fitTextBoxes();
  revealCurrentLater();
}

QString TensorsLab::pytorchCode() const {
  QString code = editor_->toPlainText();
  if (!code.endsWith('\n')) code += '\n';
  return code;
}

nlohmann::json TensorsLab::sessionState() const {
  return {{"preset", preset_ >= 0 && preset_ < presets_.size() ? presets_[preset_].id.toStdString() : std::string()},
          {"program", editor_->toPlainText().toStdString()}};
}

QString TensorsLab::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("the Tensors lab's state is not an object");
  if (!state.contains("program") || !state["program"].is_string()) return tr("the Tensors lab's state has no \"program\" text");
  int index = -1;
  if (state.contains("preset")) {
    if (!state["preset"].is_string()) return tr("\"preset\" must be a file name");
    index = presetIndex(QString::fromStdString(state["preset"].get<std::string>()));
  }
  if (index >= 0) {
    preset_ = index;
    preset_box_->setCurrentIndex(index);
    showAbout();
  }
  setProgram(QString::fromStdString(state["program"].get<std::string>()));
  return {};
}

QList<QPair<QString, QWidget*>> TensorsLab::exportablePlots() const { return {{tr("Tensors and their storage"), view_}}; }

}  // namespace gsui
