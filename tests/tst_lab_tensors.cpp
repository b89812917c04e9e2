// Tensors lab: a preset steps statement by statement with its line highlighted and its note
// shown; the storage offset the view draws under every grid cell is storage_offset + Σ index·stride
// of the engine's tensor, in the painted rectangles themselves; Run stops at an error and shows
// PyTorch's message; Reset forgets; unknown syntax says "not supported here"; Korean notes; shared
// storage listed and in-place changes outlined; broadcast, cat/stack and matmul pictures.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTextBlock>
#include <QTextLayout>

#include "app/appearance.h"
#include "app/language.h"
#include "labs/tensors/tensor_view.h"
#include "labs/tensors/tensors_lab.h"

using namespace gsui;

namespace {

template <class T>
T* control(TensorsLab& lab, const char* name) {
  T* w = lab.controls()->findChild<T*>(name);
  if (!w) w = lab.findChild<T*>(name);
  return w;
}

void clickStep(TensorsLab& lab, int times = 1) {
  for (int i = 0; i < times; ++i) QTest::mouseClick(control<QPushButton>(lab, "step"), Qt::LeftButton);
}

/// The lab's controls panel shown on its own at `size`, and its program editor.
QPlainTextEdit* showEditor(TensorsLab& lab, QSize size) {
  QWidget* panel = lab.controls();
  panel->resize(size);
  panel->show();
  if (!QTest::qWaitForWindowExposed(panel)) return nullptr;
  return control<QPlainTextEdit>(lab, "program");
}

const gs::Tensor& variable(const TensorsLab& lab, const char* name) {
  static const gs::Tensor none;
  const gs::eval::Value* v = lab.interpreter().variable(name);
  return v && v->is_tensor() ? v->tensor : none;
}

/// Every element of the card `name`: the drawn offset equals storage_offset + Σ index·stride of
/// `t`, the painted grid cell shows t's value, and the painted storage cell at that offset is
/// labelled with the offset and shows the same value.
void checkDrawnOffsets(TensorView* view, const QString& name, const gs::Tensor& t) {
  view->grab();  // paints, recording what was drawn
  const std::vector<double> values = t.to_vector<double>();
  for (std::int64_t f = 0; f < t.numel(); ++f) {
    const gs::Shape idx = TensorGrid::unravel(f, t.shape());
    std::int64_t expected = t.storage_offset();
    for (std::size_t d = 0; d < idx.size(); ++d) expected += idx[d] * t.strides()[d];
    const auto drawn = view->drawnOffset(name, idx);
    const QString where = QStringLiteral("%1 element %2").arg(name).arg(f);
    QVERIFY2(drawn.has_value(), qPrintable(where + " not drawn"));
    QVERIFY2(*drawn == expected, qPrintable(QStringLiteral("%1: drawn offset %2, stride() says %3").arg(where).arg(*drawn).arg(expected)));
    const QRectF cell = view->drawnCellRect(name, idx);
    QVERIFY2(cell.isValid() && view->rect().contains(cell.toAlignedRect()), qPrintable(where + " painted outside the view"));
    QCOMPARE(view->drawnCellText(name, idx), TensorGrid::number(values[std::size_t(f)], t.dtype()));
    QVERIFY2(view->drawnStorageRect(name, expected).isValid(), qPrintable(where + ": its storage cell is not painted"));
    QCOMPARE(view->drawnStorageLabel(name, expected), QString::number(expected));
    QCOMPARE(view->drawnStorageText(name, expected), view->drawnCellText(name, idx));
  }
}

}  // namespace

class TestLabTensors : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void presetsLoadInBothLanguages() {
    TensorsLab lab;
    QCOMPARE(lab.presetCount(), 10);
    QVERIFY(lab.presetIndex("02_view_reshape_contiguous") >= 0);
    const QVector<TensorPreset> en = tensorPresets("en"), ko = tensorPresets("ko");
    QCOMPARE(en.size(), ko.size());
    for (int i = 0; i < en.size(); ++i) {
      QCOMPARE(ko[i].id, en[i].id);
      QVERIFY2(!en[i].title.isEmpty() && !en[i].about.isEmpty(), qPrintable(en[i].id));
      // Same code on the same lines: only comments differ.
      const QStringList a = en[i].source.split('\n'), b = ko[i].source.split('\n');
      QCOMPARE(a.size(), b.size());
      for (int l = 0; l < a.size(); ++l)
        if (!a[l].trimmed().startsWith('#')) QCOMPARE(b[l], a[l]);
    }
  }

  void stepHighlightsAndShowsTheNote() {
    TensorsLab lab;
    lab.choosePreset(lab.presetIndex("02_view_reshape_contiguous"));
    QCOMPARE(lab.currentStatement(), -1);
    QCOMPARE(lab.highlightedLines(), std::make_pair(0, 0));
    clickStep(lab);  // import torch
    QCOMPARE(lab.currentStatement(), 0);
    QCOMPARE(lab.highlightedLines(), std::make_pair(3, 3));
    clickStep(lab);  // x = torch.arange(12)
    QCOMPARE(lab.highlightedLines(), std::make_pair(5, 5));
    QVERIFY(lab.noteText().contains("one flat block of memory"));
    clickStep(lab);  // y = x.view(3, 4)
    QCOMPARE(lab.highlightedLines(), std::make_pair(7, 7));
    QVERIFY(lab.noteText().contains("nothing is copied"));
    QVERIFY(lab.noteText().contains("x.view(3, 4)"));
    QVERIFY(lab.errorText().isEmpty());
    TensorView* view = lab.view();
    QCOMPARE(view->cards().front().name, QString("y"));  // what the statement made comes first
    QVERIFY(view->cards().front().current);
    QCOMPARE(view->operation().kind, gs::eval::Event::Kind::View);
  }

  void drawnOffsetsFollowTheStrides() {
    TensorsLab lab;
    lab.resize(1280, 720);
    lab.choosePreset(lab.presetIndex("02_view_reshape_contiguous"));
    clickStep(lab, 3);
    checkDrawnOffsets(lab.view(), "y", variable(lab, "y"));
    checkDrawnOffsets(lab.view(), "x", variable(lab, "x"));
    QCOMPARE(lab.view()->drawnJumps("y"), (QStringList{"+1", "+4"}));
    // A transpose, a slice with an offset and step, a 3-D permute, an expand (stride 0).
    lab.setProgram("x = torch.arange(24)\nt = x.view(4, 6).t()\ns = x.view(4, 6)[1:, ::2]\n"
                   "p = x.view(2, 3, 4).permute(2, 0, 1)\ne = torch.arange(3).view(3, 1).expand(3, 4)\n"
                   "q = x.view(2, 3, 2, 2)");
    lab.runAll();
    QVERIFY2(lab.errorText().isEmpty(), qPrintable(lab.errorText()));
    for (const char* name : {"t", "s", "p", "e", "q", "x"}) {
      QVERIFY2(!lab.view()->summarised(name), name);
      checkDrawnOffsets(lab.view(), name, variable(lab, name));
    }
    QCOMPARE(variable(lab, "s").storage_offset(), 6);
  }

  // arange(24) in a narrow panel: the row wraps, in order, each piece under its own indices,
  // and nothing is wider than the room; a row that fits stays one row.
  void aLongRowWrapsToTheRoom() {
    const QFont font;
    const QFontMetricsF small(font);
    const GridGeometry wrapped = TensorGrid::layout({24}, QSizeF(30, 20), small, 200);
    QCOMPARE(int(wrapped.cells.size()), 24);
    QVERIFY(wrapped.size.width() <= 200);
    QCOMPARE(wrapped.cells[5].top(), wrapped.cells[0].top());  // six to a row
    QVERIFY(wrapped.cells[6].top() > wrapped.cells[5].bottom());
    QCOMPARE(wrapped.cells[6].left(), wrapped.cells[0].left());
    for (std::size_t i = 0; i < wrapped.cells.size(); ++i) {
      QVERIFY(wrapped.cells[i].right() <= wrapped.size.width() + 1e-9);
      QVERIFY(wrapped.cells[i].bottom() <= wrapped.size.height() + 1e-9);
    }
    int indices = 0;
    for (const GridLabel& label : wrapped.labels)
      if (label.rect.bottom() <= wrapped.cells[0].top() + 1e-9 || label.text.toInt() >= 6) ++indices;
    QCOMPARE(indices, 24);
    const GridGeometry one_row = TensorGrid::layout({24}, QSizeF(30, 20), small, 24 * 30);
    QCOMPARE(one_row.cells[23].top(), one_row.cells[0].top());
  }

  void hoverShowsTheOffsetSum() {
    TensorsLab lab;
    lab.resize(1280, 720);
    lab.setProgram("x = torch.arange(12).view(3, 4)");
    lab.runAll();
    TensorView* view = lab.view();
    view->grab();
    const QRectF cell = view->drawnCellRect("x", {1, 2});
    QTest::mouseClick(view, Qt::LeftButton, {}, cell.center().toPoint());
    QCOMPARE(view->offsetFormula(), QString("x[1, 2] lives at storage offset 6 = 0 + 1·4 + 2·1"));
    QTest::mouseClick(view, Qt::LeftButton, {}, cell.center().toPoint());  // unpins
    QVERIFY(view->offsetFormula().isEmpty());
  }

  void runStopsAtTheFirstErrorAndStepGoesOn() {
    TensorsLab lab;
    lab.setProgram("x = torch.arange(12).view(3, 4)\ny = x.t()\nz = y.view(12)\nw = x + 1");
    QTest::mouseClick(control<QPushButton>(lab, "run"), Qt::LeftButton);
    QCOMPARE(lab.currentStatement(), 2);
    QVERIFY(lab.errorText().contains("view size is not compatible with input tensor"));
    QCOMPARE(lab.highlightedLines(), std::make_pair(3, 3));
    QVERIFY(!lab.interpreter().variable("w"));  // stopped there, as Python does
    QVERIFY(lab.interpreter().variable("y"));   // the picture keeps the last state
    clickStep(lab);  // goes on after the error
    QCOMPARE(lab.currentStatement(), 3);
    QVERIFY(lab.errorText().isEmpty());
    QVERIFY(lab.interpreter().variable("w"));
  }

  void presetErrorsOnlyInTheLastStatement() {
    TensorsLab lab;
    for (int i = 0; i < lab.presetCount(); ++i) {
      lab.choosePreset(i);
      lab.runAll();
      if (!lab.errorText().isEmpty())
        QVERIFY2(lab.currentStatement() == lab.statementCount() - 1, qPrintable(QString("preset %1 fails at statement %2").arg(i).arg(lab.currentStatement())));
      else
        QCOMPARE(lab.currentStatement(), lab.statementCount() - 1);
    }
  }

  void resetForgets() {
    TensorsLab lab;
    lab.choosePreset(0);
    clickStep(lab, 3);
    QVERIFY(!lab.interpreter().variables().empty());
    QTest::mouseClick(control<QPushButton>(lab, "reset"), Qt::LeftButton);
    QVERIFY(lab.interpreter().variables().empty());
    QCOMPARE(lab.currentStatement(), -1);
    QVERIFY(lab.view()->cards().empty());
    clickStep(lab);
    QCOMPARE(lab.currentStatement(), 0);
  }

  void unknownSyntaxIsNotSupported() {
    TensorsLab lab;
    lab.setProgram("x = [i for i in range(3)]");
    lab.step();
    QVERIFY2(lab.errorText().contains("not supported here"), qPrintable(lab.errorText()));
  }

  void koreanNotes() {
    TensorsLab lab;
    lab.choosePreset(lab.presetIndex("02_view_reshape_contiguous"));
    clickStep(lab, 3);
    const QString english = lab.noteText();
    Language::instance().setLanguage("ko");
    QCoreApplication::sendPostedEvents();
    lab.retranslate();
    QVERIFY(lab.noteText() != english);
    QVERIFY2(lab.noteText().contains(QRegularExpression("[\\x{AC00}-\\x{D7A3}]")), qPrintable(lab.noteText()));
    QCOMPARE(lab.currentStatement(), 2);  // the run goes on: the code is the same
    QVERIFY(lab.pytorchCode().contains(QRegularExpression("[\\x{AC00}-\\x{D7A3}]")));
    // The preset's title (under the presets field, which says "Example 3 of 10") and the list's titles.
    QVERIFY(control<QLabel>(lab, "presetTitle")->text().contains(QRegularExpression("[\\x{AC00}-\\x{D7A3}]")));
    auto* presets = control<QComboBox>(lab, "presets");
    QVERIFY(presets->model()->index(presets->currentIndex(), 1).data().toString().contains(QRegularExpression("[\\x{AC00}-\\x{D7A3}]")));
    Language::instance().setLanguage("en");
    lab.retranslate();
    QCOMPARE(lab.noteText(), english);
  }

  void sharingAndInPlaceChanges() {
    TensorsLab lab;
    lab.setProgram("x = torch.arange(6)\ny = x.view(2, 3)\nz = x.clone()\nw = y.t()\ny[0, 1] = 100");
    lab.runAll();
    QVERIFY2(lab.errorText().isEmpty(), qPrintable(lab.errorText()));
    TensorView* view = lab.view();
    view->grab();
    std::map<QString, TensorCard> cards;
    for (const TensorCard& c : view->cards()) cards[c.name] = c;
    QCOMPARE(cards["y"].shares, (QStringList{"x", "w"}));
    QCOMPARE(cards["x"].shares, (QStringList{"y", "w"}));
    QVERIFY(cards["z"].shares.isEmpty());
    QCOMPARE(cards["x"].colour, cards["w"].colour);
    QVERIFY(cards["x"].colour != cards["z"].colour);
    // Offset 1 changed: y[0, 1], x[1] and w[1, 0] are outlined; z is not.
    QCOMPARE(view->drawnChangedCells("y"), (std::vector<std::int64_t>{1}));
    QCOMPARE(view->drawnChangedCells("x"), (std::vector<std::int64_t>{1}));
    QCOMPARE(view->drawnChangedCells("w"), (std::vector<std::int64_t>{2}));  // w[1, 0] in (3, 2)
    QVERIFY(view->drawnChangedCells("z").empty());
    QCOMPARE(view->operation().kind, gs::eval::Event::Kind::InPlace);
  }

  void broadcastCatStackMatmulPictures() {
    TensorsLab lab;
    lab.setProgram("a = torch.ones(3, 1)\nb = torch.arange(3)\na - b");
    lab.runAll();
    OperationPicture op = lab.view()->operation();
    QCOMPARE(op.kind, gs::eval::Event::Kind::Broadcast);
    QCOMPARE(op.parts.size(), std::size_t(3));
    QCOMPARE(op.parts[0].shape, (gs::Shape{3, 3}));
    QCOMPARE(op.ghost_cells, 6 + 6);  // a's 2 repeated columns, b's 2 repeated rows
    QVERIFY(op.parts[0].cells[1].ghost && !op.parts[0].cells[0].ghost);
    QVERIFY(op.explanation.contains("more elements"));

    lab.setProgram("a = torch.zeros(2, 3)\nb = torch.ones(2, 3)\ntorch.cat([a, b], dim=1)");
    lab.runAll();
    op = lab.view()->operation();
    QCOMPARE(op.kind, gs::eval::Event::Kind::Cat);
    QCOMPARE(op.result_sources, (std::vector<int>{0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1}));
    QCOMPARE(op.new_dim, -1);

    lab.setProgram("a = torch.zeros(2, 3)\nb = torch.ones(2, 3)\ntorch.stack([a, b], dim=1)");
    lab.runAll();
    op = lab.view()->operation();
    QCOMPARE(op.kind, gs::eval::Event::Kind::Stack);
    QCOMPARE(op.new_dim, 1);
    QCOMPARE(op.result_sources, (std::vector<int>{0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1}));
    QVERIFY(op.parts.back().legend.join(" ").contains("new dimension"));

    lab.setProgram("a = torch.ones(2, 3)\nb = torch.ones(3, 4)\na @ b");
    lab.runAll();
    op = lab.view()->operation();
    QCOMPARE(op.kind, gs::eval::Event::Kind::Matmul);
    QVERIFY(op.dims_agree);
    QString line;
    for (const ShapeRun& r : op.shapes) line += r.text;
    QCOMPARE(line.simplified(), QString("(2, 3) @ (3, 4) → (2, 4)"));

    lab.setProgram("a = torch.ones(2, 3)\nb = torch.ones(2, 4)\na @ b");
    lab.runAll();
    QVERIFY(!lab.errorText().isEmpty());
    op = lab.view()->operation();
    QCOMPARE(op.kind, gs::eval::Event::Kind::Matmul);
    QVERIFY(!op.dims_agree);
    int red = 0;
    for (const ShapeRun& r : op.shapes) red += r.colour == Appearance::instance().errorColor();
    QVERIFY(red >= 2);  // 3 and 2, the inner dims that disagree
  }

  void bigTensorsAreSummarised() {
    TensorsLab lab;
    lab.setProgram("x = torch.zeros(10, 10)");
    lab.runAll();
    QVERIFY(lab.view()->summarised("x"));
    lab.view()->grab();
    QVERIFY(!lab.view()->drawnOffset("x", {0, 0}).has_value());
  }

  void codeAndSession() {
    TensorsLab lab;
    lab.choosePreset(lab.presetIndex("05_cat_vs_stack"));
    QVERIFY(lab.pytorchCode().contains("torch.stack"));
    QVERIFY(lab.pytorchCode().startsWith("# title:"));
    const nlohmann::json state = lab.sessionState();
    TensorsLab other;
    QCOMPARE(other.restoreSessionState(state), QString());
    QCOMPARE(other.pytorchCode(), lab.pytorchCode());
    QCOMPARE(control<QComboBox>(other, "presets")->currentIndex(), lab.presetIndex("05_cat_vs_stack"));
    QVERIFY(!other.restoreSessionState(nlohmann::json{{"preset", 3}}).isEmpty());
    QCOMPARE(other.pytorchCode(), lab.pytorchCode());  // nothing half-applied
  }

  void presetsArePages() {
    TensorsLab lab;
    const QStringList pages = lab.pageIds();
    QCOMPARE(pages.size(), lab.presetCount());
    QCOMPARE(pages.front(), QString("01_creation_and_dtype"));
    QCOMPARE(pages, TensorsLab::presetIds());
    QVERIFY(lab.showPage("05_cat_vs_stack"));
    QCOMPARE(control<QComboBox>(lab, "presets")->currentIndex(), lab.presetIndex("05_cat_vs_stack"));
    QVERIFY(lab.pytorchCode().contains("torch.stack"));
    QCOMPARE(lab.currentStatement(), -1);
    lab.step();  // --steps N steps the page shown
    QCOMPARE(lab.currentStatement(), 0);
    QVERIFY(lab.showPage("3"));  // its number, as on the command line
    QCOMPARE(control<QComboBox>(lab, "presets")->currentIndex(), 2);
    QVERIFY(!lab.showPage("no_such_preset"));
    QVERIFY(!lab.showPage("11"));
    QCOMPARE(control<QComboBox>(lab, "presets")->currentIndex(), 2);  // unchanged
  }

  // Lines that wrap in a narrow panel: the number in the gutter marks where each program line
  // begins, and a wrapped part gets none (it is not a statement of its own).
  void wrappedPartsHaveNoLineNumber() {
    TensorsLab lab;
    QPlainTextEdit* editor = showEditor(lab, QSize(300, 420));
    QVERIFY(editor);
    auto* gutter = editor->findChild<QWidget*>("lineNumbers");
    QVERIFY(gutter);
    lab.setProgram("x = torch.zeros(2, 3)  # a long comment that wraps over several lines of this narrow editor\ny = x + 1");
    QTest::qWait(20);
    QVERIFY2(editor->viewport()->x() >= gutter->geometry().right() && gutter->width() >= editor->fontMetrics().horizontalAdvance("99"),
             qPrintable(QString("gutter %1 px, text from %2").arg(gutter->width()).arg(editor->viewport()->x())));
    const QTextBlock first = editor->document()->firstBlock();
    QVERIFY2(first.layout()->lineCount() > 1, "the long line should wrap at 300 px");
    const QImage image = gutter->grab().toImage();
    const double dpr = image.devicePixelRatio();
    auto inked = [&](int top, int bottom) {  // in the gutter's rows top..bottom (logical px)
      for (int y = int(top * dpr); y < int(bottom * dpr) && y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
          if (image.pixel(x, y) != image.pixel(0, y)) return true;
      return false;
    };
    auto lineRect = [&](const QTextBlock& block, int line) {
      QTextCursor c(block);
      c.setPosition(block.position() + block.layout()->lineAt(line).textStart());
      return editor->cursorRect(c);
    };
    const QRect one = lineRect(first, 0), wrapped = lineRect(first, 1), two = lineRect(first.next(), 0);
    QVERIFY2(inked(one.top(), one.bottom()), "line 1 has no number");
    QVERIFY2(!inked(wrapped.top() + 1, wrapped.bottom() - 1), "the wrapped part of line 1 has a number");
    QVERIFY2(inked(two.top(), two.bottom()), "line 2 has no number");
  }

  void currentStatementStaysInView() {
    TensorsLab lab;
    QPlainTextEdit* editor = showEditor(lab, QSize(340, 420));
    QVERIFY(editor);
    auto check = [&](const char* when) {
      QTest::qWait(20);  // the deferred reveal after a layout change
      const auto [first, last] = lab.highlightedLines();
      QVERIFY2(first > 0, when);
      const QRect viewport = editor->viewport()->rect();
      for (int line : {first, last}) {
        const QRect r = editor->cursorRect(QTextCursor(editor->document()->findBlockByNumber(line - 1)));
        QVERIFY2(viewport.contains(r), qPrintable(QString("%1: line %2 at %3..%4, the editor shows 0..%5")
                                                      .arg(when).arg(line).arg(r.top()).arg(r.bottom()).arg(viewport.height())));
      }
    };
    lab.choosePreset(lab.presetIndex("03_permute_then_view"));
    for (int i = 0; i < lab.statementCount(); ++i) {
      lab.step();
      check(qPrintable(QString("after step %1").arg(i + 1)));
    }
    lab.controls()->resize(300, 300);  // a narrower, shorter panel rewraps the program
    check("after a resize");
    lab.choosePreset(lab.presetIndex("06_matmul_shapes"));
    clickStep(lab, 4);
    check("in the middle of another preset");
    Appearance::instance().setPresentation(true);
    lab.applyAppearance();
    check("in presentation mode");
    Appearance::instance().setPresentation(false);
    lab.applyAppearance();
    check("back from presentation mode");
  }

  void operandsAreNamedByTheirVariables() {
    TensorsLab lab;
    auto labels = [&lab] {
      QStringList out;
      for (const OperationPart& part : lab.view()->operation().parts) out << part.label.section(' ', 0, 0);
      return out;
    };
    lab.setProgram("W = torch.ones(2, 3)\nx = torch.ones(3, 4)\nW @ x");
    lab.runAll();
    QCOMPARE(labels(), (QStringList{"W", "x", "result"}));
    QVERIFY2(lab.view()->operation().explanation.contains("a row of W times a column of x"), qPrintable(lab.view()->operation().explanation));
    // A.t() is a temporary: not "A", whose storage it shares.
    lab.setProgram("A = torch.ones(2, 3)\nA @ A.t()");
    lab.runAll();
    QCOMPARE(labels(), (QStringList{"A", "right", "result"}));
    // ... unless a variable is that very view (same storage, shape, strides and offset).
    lab.setProgram("a = torch.ones(2, 3)\nat = a.t()\nC = a @ a.t()");
    lab.runAll();
    QCOMPARE(labels(), (QStringList{"a", "at", "C"}));
    // An operand the statement rebinds is no longer that name's tensor.
    lab.setProgram("B = torch.ones(3, 3)\nM = torch.ones(3, 3)\nB = B @ M");
    lab.runAll();
    QCOMPARE(labels(), (QStringList{"left", "M", "B"}));
    lab.setProgram("m = torch.ones(2, 3)\nrow = torch.arange(3)\nm + row");
    lab.runAll();
    QCOMPARE(labels(), (QStringList{"m", "row", "result"}));
  }

  void scalarOperandBroadcastsFromOneCell() {
    // `M * 2`: core sends the Python number as a 0-d operand.
    gs::eval::Event e;
    e.kind = gs::eval::Event::Kind::Broadcast;
    e.op = "*";
    const gs::Tensor m = gs::from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
    e.operands = {m, gs::scalar_tensor(2)};
    e.result = gs::from_vector({2, 4, 6, 8, 10, 12}, {2, 3});
    const OperationPicture op = TensorOperation::build({e}, [&m](const gs::Tensor& t) { return t.is_same(m) ? QString("M") : QString(); });
    QCOMPARE(op.parts.size(), std::size_t(3));
    QCOMPARE(op.parts[1].shape, (gs::Shape{2, 3}));
    QCOMPARE(op.ghost_cells, 5);  // one real cell, five copies
    QVERIFY(!op.parts[1].cells[0].ghost);
    for (std::size_t k = 1; k < 6; ++k) QVERIFY(op.parts[1].cells[k].ghost && op.parts[1].cells[k].text == "2.");
    QVERIFY2(op.parts[0].label.startsWith("M "), qPrintable(op.parts[0].label));
    QVERIFY2(op.parts[1].label.startsWith("the number 2."), qPrintable(op.parts[1].label));
    QVERIFY(op.explanation.contains("shape ()"));
  }

  void strideZeroLoopsAndLabelsClearOfArcs() {
    TensorsLab lab;
    lab.resize(1280, 720);
    lab.setProgram("e = torch.arange(3).view(3, 1).expand(3, 4)\np = torch.arange(24).view(2, 3, 4).permute(2, 0, 1)\n"
                   "y = torch.arange(12).view(3, 4)\nq = torch.arange(12).view(4, 3)");
    lab.runAll();
    QVERIFY2(lab.errorText().isEmpty(), qPrintable(lab.errorText()));
    TensorView* view = lab.view();
    view->grab();
    QCOMPARE(view->drawnJumps("e"), (QStringList{"+0", "+1"}));  // dim 1 (stride 0) loops back onto its cell
    QCOMPARE(view->drawnJumps("p"), (QStringList{"+1", "+4", "+12"}));
    for (const char* name : {"e", "p", "y", "q"}) {
      const auto labels = view->drawnJumpLabelRects(name);
      const auto arcs = view->drawnJumpArcRects(name);
      QCOMPARE(labels.size(), arcs.size());
      for (std::size_t j = 0; j < labels.size(); ++j) {
        for (std::size_t k = 0; k < arcs.size(); ++k)
          for (const QRectF& piece : arcs[k])
            QVERIFY2(k == j || !labels[j].adjusted(0.5, 0.5, -0.5, -0.5).intersects(piece),
                     qPrintable(QString("%1: label %2 (%4,%5 %6x%7) crosses arc %3 (%8,%9 %10x%11)").arg(name).arg(j).arg(k)
                                 .arg(labels[j].x()).arg(labels[j].y()).arg(labels[j].width()).arg(labels[j].height())
                                 .arg(piece.x()).arg(piece.y()).arg(piece.width()).arg(piece.height())));
        for (std::size_t k = j + 1; k < labels.size(); ++k) QVERIFY(!labels[j].intersects(labels[k]));
      }
    }
  }
};

QTEST_MAIN(TestLabTensors)
#include "tst_lab_tensors.moc"
