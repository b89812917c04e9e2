// The Metrics lab: the threshold page's numbers are core's (and so scikit-learn's) at several
// thresholds, the slider moved by keys updates every view, a clicked confusion cell highlights
// exactly its samples, the presets set their thresholds, the always-"healthy" model shows the
// accuracy trap, a malformed CSV is named by row and changes nothing, the multi-class page shows
// classification_report, and Korean shows Korean.
#include <QtTest>

#include <algorithm>
#include <QComboBox>
#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/language.h"
#include "app/palette.h"
#include "labs/cnn/cnn_class_views.h"
#include "labs/cnn/cnn_page.h"
#include "labs/metrics/binary_page.h"
#include "labs/metrics/metrics_lab.h"
#include "labs/metrics/multiclass_page.h"
#include "metrics/metrics.h"
#include "plots/plot_style.h"

using namespace gsui;

namespace {

bool waitIdle(const MetricsLab& lab) { return QTest::qWaitFor([&] { return !lab.busy(); }, 60000); }

/// The lab shown at `size`, its window exposed and its first task done.
bool showIdle(MetricsLab& lab, QSize size) {
  lab.resize(size);
  lab.show();
  return QTest::qWaitForWindowExposed(&lab) && waitIdle(lab);
}

/// A small fixed example; scikit-learn 1.2.1 gives roc_auc_score 0.8611111111111112 and
/// average_precision_score 0.8833333333333333, and at threshold 0.3 / 0.5 / 0.7 (y_pred = scores >= t):
///   confusion_matrix(...).ravel() = (2, 4, 0, 6) / (5, 1, 1, 5) / (6, 0, 3, 3)
///   precision_recall_fscore_support(average="binary") = (0.6, 1, 0.75) / (0.8333, 0.8333, 0.8333) / (1, 0.5, 0.6667)
///   accuracy_score = 0.6667 / 0.8333 / 0.75
const std::vector<int> kLabels = {0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1};
const std::vector<double> kScores = {0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.65, 0.55, 0.7, 0.3, 0.45, 0.6};

QString writeFile(const QTemporaryDir& dir, const QString& name, const QString& text) {
  QFile f(dir.filePath(name));
  if (!f.open(QIODevice::WriteOnly)) return {};
  f.write(text.toUtf8());
  return f.fileName();
}

QString exampleCsv() {
  QString text = "label,score\n";
  for (std::size_t i = 0; i < kLabels.size(); ++i) text += QString("%1,%2\n").arg(kLabels[i]).arg(kScores[i]);
  return text;
}

double cellValue(const QTableWidget* table, int row) { return table->item(row, 0)->text().toDouble(); }

}  // namespace

class TestLabMetrics : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void initTestCase() {
    Language::instance().setLanguage("en");
    QVERIFY(dir_.isValid());
  }

  void panelShowsCoresNumbersAtSeveralThresholds() {
    MetricsLab lab;
    QVERIFY(waitIdle(lab));
    BinaryPage& page = *lab.binaryPage();
    QVERIFY(!page.labels().empty());
    QCOMPARE(page.scores().size(), page.labels().size());
    for (double t : {0.1, 0.25, 0.5, 0.75, 0.9}) {
      page.setThreshold(t);
      QCOMPARE(page.threshold(), t);
      const gs::metrics::BinaryScores want = gs::metrics::binary_scores(page.labels(), page.scores(), t);
      const gs::metrics::BinaryScores& got = page.confusion()->scores();
      QCOMPARE(got.tp, want.tp);
      QCOMPARE(got.fp, want.fp);
      QCOMPARE(got.fn, want.fn);
      QCOMPARE(got.tn, want.tn);
      const double values[5] = {want.precision, want.recall, want.f1, want.accuracy, want.specificity};
      for (int r = 0; r < 5; ++r)
        QVERIFY2(std::abs(cellValue(page.metricsTable(), r) - values[r]) <= 0.0005,
                 qPrintable(QString("row %1 at t=%2: shown %3, core %4").arg(r).arg(t).arg(page.metricsTable()->item(r, 0)->text()).arg(values[r])));
      // The current points on ROC and PR are the matrix's rates.
      const auto roc_point = page.rocPlot()->graph(2)->data()->at(0);
      QCOMPARE(roc_point->key, 1 - want.specificity);
      QCOMPARE(roc_point->value, want.recall);
      const auto pr_point = page.prPlot()->graph(2)->data()->at(0);
      QCOMPARE(pr_point->key, want.recall);
      QCOMPARE(pr_point->value, want.precision);
    }
  }

  void csvExampleMatchesScikitLearn() {
    MetricsLab lab;
    QVERIFY(waitIdle(lab));
    BinaryPage& page = *lab.binaryPage();
    QCOMPARE(page.loadCsv(writeFile(dir_, "example.csv", exampleCsv())), QString());
    QCOMPARE(page.source(), BinaryPage::Source::Csv);
    QCOMPARE(page.scores(), kScores);
    QVERIFY2(plotTitle(page.rocPlot()).contains("AUC = 0.861"), qPrintable(plotTitle(page.rocPlot())));
    QVERIFY2(plotTitle(page.prPlot()).contains("AP = 0.883"), qPrintable(plotTitle(page.prPlot())));
    QCOMPARE(gs::metrics::roc_auc_score(page.labels(), page.scores()), 0.8611111111111112);
    QCOMPARE(gs::metrics::average_precision_score(page.labels(), page.scores()), 0.8833333333333333);
    const struct {
      double t;
      std::int64_t tn, fp, fn, tp;
      double precision, recall, f1, accuracy;
    } rows[] = {{0.3, 2, 4, 0, 6, 0.6, 1.0, 0.7499999999999999, 0.6666666666666666},
                {0.5, 5, 1, 1, 5, 0.8333333333333334, 0.8333333333333334, 0.8333333333333334, 0.8333333333333334},
                {0.7, 6, 0, 3, 3, 1.0, 0.5, 0.6666666666666666, 0.75}};
    for (const auto& r : rows) {
      page.setThreshold(r.t);
      const auto& s = page.shownScores();
      QCOMPARE(s.tn, r.tn);
      QCOMPARE(s.fp, r.fp);
      QCOMPARE(s.fn, r.fn);
      QCOMPARE(s.tp, r.tp);
      QVERIFY(std::abs(s.precision - r.precision) < 1e-12 && std::abs(s.recall - r.recall) < 1e-12);
      QVERIFY(std::abs(s.f1 - r.f1) < 1e-12 && std::abs(s.accuracy - r.accuracy) < 1e-12);
      QCOMPARE(page.metricsTable()->item(0, 0)->text(), QString::number(r.precision, 'f', 3));
      QCOMPARE(page.metricsTable()->item(1, 0)->text(), QString::number(r.recall, 'f', 3));
    }
  }

  void sliderKeysUpdateEveryView() {
    MetricsLab lab;
    QVERIFY(showIdle(lab, QSize(1100, 700)));
    BinaryPage& page = *lab.binaryPage();
    page.setThreshold(0.5);
    QSignalSpy thresholds(&page, &BinaryPage::thresholdChanged), views(&page, &BinaryPage::viewsUpdated), code(&lab, &Lab::codeChanged);
    const auto before = page.shownScores();
    const QString label_before = page.findChild<QLabel*>("thresholdLabel")->text();
    page.slider()->setFocus();
    for (int i = 0; i < 40; ++i) QTest::keyClick(page.slider(), Qt::Key_Right);  // +0.2
    QCOMPARE(thresholds.count(), 40);
    QVERIFY(views.count() >= 40);
    QVERIFY(code.count() >= 40);
    QVERIFY(std::abs(page.threshold() - 0.7) < 1e-9);
    const auto after = gs::metrics::binary_scores(page.labels(), page.scores(), 0.7);
    QCOMPARE(page.confusion()->scores().tp, after.tp);
    QVERIFY(after.tp + after.fp < before.tp + before.fp);  // fewer samples called positive
    QVERIFY(page.findChild<QLabel*>("thresholdLabel")->text() != label_before);
    QVERIFY(page.findChild<QLabel*>("thresholdLabel")->text().contains("0.700"));
    // The histogram's threshold line, the ROC and PR points moved with it.
    auto* line = static_cast<QCPItemStraightLine*>(page.histogram()->item(0));
    QCOMPARE(line->point1->key(), page.threshold());
    QCOMPARE(page.rocPlot()->graph(2)->data()->at(0)->value, after.recall);
    QCOMPARE(page.prPlot()->graph(2)->data()->at(0)->value, after.precision);
    QVERIFY(lab.pytorchCode().contains("threshold = 0.700"));
    QTest::keyClick(page.slider(), Qt::Key_PageDown);  // −0.05
    QVERIFY(std::abs(page.threshold() - 0.65) < 1e-9);
  }

  // The metrics table stands beside the confusion matrix where the page is wide enough, so that
  // under a projector's font the top row is not as tall as the matrix and the table stacked, and
  // the score plots under it start higher; under the matrix on a narrow page.
  void metricsTableBesideTheMatrixWhereItFits() {
    Appearance::instance().setPresentation(true);
    {
      MetricsLab lab;
      QVERIFY(showIdle(lab, QSize(1000, 600)));
      BinaryPage& page = *lab.binaryPage();
      QTRY_VERIFY(page.metricsBesideMatrix());
      const QRect table = page.metricsTable()->geometry(), matrix = page.confusion()->geometry();
      QVERIFY2(table.left() >= matrix.right() && table.top() < matrix.bottom(),
               qPrintable(QString("table at %1,%2; matrix right %3").arg(table.left()).arg(table.top()).arg(matrix.right())));
      const int stacked = page.confusion()->minimumSizeHint().height() + page.metricsTable()->height();
      QTRY_VERIFY2(page.slider()->geometry().top() < stacked,
                   qPrintable(QString("the slider at %1, under a stack of %2").arg(page.slider()->geometry().top()).arg(stacked)));
      // The projection keeps a readable data area of its own.
      QVERIFY(page.projectionPlot()->height() >= readablePlotHeight(page.projectionPlot()));
      lab.resize(560, 700);
      QTRY_VERIFY(!page.metricsBesideMatrix());
      QTRY_VERIFY(page.metricsTable()->geometry().top() >= page.confusion()->geometry().bottom());
      lab.resize(1000, 600);  // and back
      QTRY_VERIFY(page.metricsBesideMatrix());
    }
    Appearance::instance().setPresentation(false);
  }

  void clickingACellHighlightsExactlyItsSamples() {
    MetricsLab lab;
    QVERIFY(showIdle(lab, QSize(1100, 700)));
    BinaryPage& page = *lab.binaryPage();
    page.setThreshold(0.3);
    for (auto cell : {BinaryConfusionView::FP, BinaryConfusionView::TP, BinaryConfusionView::FN, BinaryConfusionView::TN}) {
      QTest::mouseClick(page.confusion(), Qt::LeftButton, {}, page.confusion()->cellRect(cell).center());
      QCOMPARE(page.confusion()->selected(), cell);
      const int actual = BinaryConfusionView::actualOf(cell), predicted = BinaryConfusionView::predictedOf(cell);
      std::vector<std::int64_t> want;
      for (std::size_t i = 0; i < page.labels().size(); ++i)
        if (page.labels()[i] == actual && (page.scores()[i] >= 0.3) == (predicted == 1)) want.push_back(static_cast<std::int64_t>(i));
      QCOMPARE(page.highlighted(), want);
      const auto& s = page.shownScores();
      const std::int64_t count[] = {s.tn, s.fp, s.fn, s.tp};
      QCOMPARE(static_cast<std::int64_t>(want.size()), count[cell]);
      // The histogram's outlined bars count exactly those samples; the projection rings them.
      double bars = 0;
      auto* highlight = static_cast<QCPBars*>(page.histogram()->plottable(2));
      for (auto it = highlight->data()->constBegin(); it != highlight->data()->constEnd(); ++it) bars += it->value;
      QCOMPARE(bars, static_cast<double>(want.size()));
      QCOMPARE(page.projectionPlot()->graph(2)->dataCount(), static_cast<int>(want.size()));
    }
    // A second click on the same cell clears the highlight.
    QTest::mouseClick(page.confusion(), Qt::LeftButton, {}, page.confusion()->cellRect(BinaryConfusionView::TN).center());
    QCOMPARE(page.confusion()->selected(), BinaryConfusionView::None);
    QVERIFY(page.highlighted().empty());
    QCOMPARE(page.projectionPlot()->graph(2)->dataCount(), 0);
  }

  void presetsSetTheirThresholds() {
    MetricsLab lab;
    QVERIFY(waitIdle(lab));
    BinaryPage& page = *lab.binaryPage();
    page.applyPreset(BinaryPage::Preset::CancerScreening);
    QVERIFY(waitIdle(lab));
    QCOMPARE(page.source(), BinaryPage::Source::BreastCancer);
    QCOMPARE(page.threshold(), 0.2);
    QVERIFY(page.presetNote()->text().contains("recall"));
    const auto cancer = page.shownScores();
    QVERIFY2(cancer.recall > cancer.precision, "a low threshold favours recall");
    page.applyPreset(BinaryPage::Preset::SpamFiltering);
    QVERIFY(waitIdle(lab));
    QCOMPARE(page.source(), BinaryPage::Source::Spam);
    QCOMPARE(page.threshold(), 0.8);
    QVERIFY(page.presetNote()->text().contains("precision"));
    const auto spam = page.shownScores();
    QVERIFY2(spam.precision > spam.recall, "a high threshold favours precision");
    // The same model at 0.2 would let more mail into the spam folder (more false positives).
    QVERIFY(gs::metrics::binary_scores(page.labels(), page.scores(), 0.2).fp > spam.fp);
  }

  void alwaysHealthyHasMajorityAccuracyAndZeroRecall() {
    MetricsLab lab;
    QVERIFY(waitIdle(lab));
    BinaryPage& page = *lab.binaryPage();
    page.applyPreset(BinaryPage::Preset::ClassImbalance);
    QCOMPARE(page.source(), BinaryPage::Source::AlwaysHealthy);
    QCOMPARE(page.threshold(), 0.5);
    const auto& labels = page.labels();
    const double healthy = static_cast<double>(std::count(labels.begin(), labels.end(), 0)) / static_cast<double>(labels.size());
    QVERIFY(healthy > 0.9);
    QCOMPARE(page.shownScores().accuracy, healthy);
    QCOMPARE(page.shownScores().recall, 0.0);
    QCOMPARE(page.shownScores().tp, std::int64_t(0));
    QCOMPARE(page.metricsTable()->item(3, 0)->text(), QString::number(healthy, 'f', 3));
    QCOMPARE(page.metricsTable()->item(1, 0)->text(), QString("0.000"));
    QVERIFY(page.presetNote()->text().contains(QString::number(healthy, 'f', 3)));
  }

  void malformedCsvNamesTheRowAndChangesNothing_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad label") << "label,score\n1,0.9\n0,0.2\n2,0.5\n" << "row 4";
    QTest::newRow("bad score") << "label,score\n1,0.9\n0,abc\n" << "row 3";
    QTest::newRow("missing column") << "label,score\n1,0.9\n0\n" << "row 3";
    QTest::newRow("infinite score") << "label,score\n1,inf\n" << "row 2";
    QTest::newRow("wrong header") << "y,p\n1,0.9\n" << "row 1";
    QTest::newRow("one class") << "label,score\n1,0.9\n1,0.3\n" << "both classes";
  }
  void malformedCsvNamesTheRowAndChangesNothing() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    MetricsLab lab;
    QVERIFY(waitIdle(lab));
    BinaryPage& page = *lab.binaryPage();
    page.setThreshold(0.4);
    const auto labels = page.labels();
    const auto scores = page.scores();
    const auto source = page.source();
    const QString problem = page.loadCsv(writeFile(dir_, "bad.csv", text));
    QVERIFY2(problem.contains(expected), qPrintable(problem));
    QCOMPARE(page.labels(), labels);
    QCOMPARE(page.scores(), scores);
    QCOMPARE(page.source(), source);
    QCOMPARE(page.threshold(), 0.4);
  }

  void multiclassPageShowsTheReport() {
    MetricsLab lab;
    QVERIFY(lab.showPage("multiclass"));
    QVERIFY(waitIdle(lab));
    MulticlassPage& page = *lab.multiclassPage();
    QCOMPARE(page.dataset(), QString("iris"));
    const auto& t = page.targets();
    const auto& p = page.predictions();
    QCOMPARE(t.size(), std::size_t(45));
    const gs::metrics::ClassScores want = gs::metrics::class_scores(gs::metrics::confusion_matrix(t, p, 3));
    QTableWidget* table = page.reportTable();
    QCOMPARE(table->rowCount(), 3 + 4);
    for (int c = 0; c < 3; ++c) {
      QCOMPARE(table->item(c, 0)->text(), QString::number(want.precision[c], 'f', 2));
      QCOMPARE(table->item(c, 1)->text(), QString::number(want.recall[c], 'f', 2));
      QCOMPARE(table->item(c, 2)->text(), QString::number(want.f1[c], 'f', 2));
      QCOMPARE(table->item(c, 3)->text(), QString::number(want.support[c]));
    }
    const double accuracy = gs::metrics::accuracy(gs::metrics::confusion_matrix(t, p, 3));
    QCOMPARE(table->item(3, 2)->text(), QString::number(accuracy, 'f', 2));
    QCOMPARE(table->item(4, 0)->text(), QString::number(accuracy, 'f', 2));  // micro = accuracy
    QCOMPARE(table->item(5, 2)->text(), QString::number(want.macro_f1, 'f', 2));
    QVERIFY(accuracy > 0.85);
    QCOMPARE(page.confusionGrid()->matrix(), gs::metrics::confusion_matrix(t, p, 3));
    QVERIFY(lab.pytorchCode().contains("classification_report(y_test, y_pred"));
    QVERIFY(page.setDataset("wine"));
    QVERIFY(waitIdle(lab));
    QCOMPARE(page.reportTable()->verticalHeaderItem(0)->text(), QString("class_0"));
  }

  void sessionStateRoundTrips() {
    MetricsLab lab;
    QVERIFY(waitIdle(lab));
    lab.binaryPage()->applyPreset(BinaryPage::Preset::SpamFiltering);
    lab.showPage("multiclass");
    const nlohmann::json state = lab.sessionState();
    MetricsLab other;
    QCOMPARE(other.restoreSessionState(state), QString());
    QVERIFY(waitIdle(other));
    QCOMPARE(other.binaryPage()->source(), BinaryPage::Source::Spam);
    QCOMPARE(other.binaryPage()->threshold(), 0.8);
    QCOMPARE(other.tabs()->currentIndex(), 1);
    nlohmann::json bad = state;
    bad["source"] = 9;
    QVERIFY(other.restoreSessionState(bad).contains("source"));
  }

  void koreanShowsKorean() {
    Language::instance().setLanguage("ko");
    MetricsLab lab;
    QVERIFY(waitIdle(lab));
    const QString tab = lab.tabs()->tabText(0), header = lab.binaryPage()->metricsTable()->verticalHeaderItem(0)->text();
    lab.binaryPage()->applyPreset(BinaryPage::Preset::CancerScreening);
    QVERIFY(waitIdle(lab));
    const QString note = lab.binaryPage()->presetNote()->text();
    const QString problem = lab.binaryPage()->loadCsv(writeFile(dir_, "bad_ko.csv", "label,score\n3,0.5\n"));
    Language::instance().setLanguage("en");
    auto hangul = [](const QString& s) { return std::any_of(s.begin(), s.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; }); };
    QVERIFY2(hangul(tab), qPrintable(tab));
    QVERIFY2(hangul(header), qPrintable(header));
    QVERIFY2(hangul(note), qPrintable(note));
    QVERIFY2(hangul(problem) && problem.contains("2"), qPrintable(problem));
  }

  void confusionGridTitlesNeverMeetLabelsOrCells_data() {
    QTest::addColumn<int>("side");
    QTest::addColumn<int>("point_size");
    QTest::newRow("small") << 160 << 9;
    QTest::newRow("medium") << 300 << 12;
    QTest::newRow("projector") << 420 << 22;
  }
  void confusionGridTitlesNeverMeetLabelsOrCells() {
    // "실제" (Actual) beside the rows, the row labels, the cells: three bands that never overlap,
    // whatever the size and the font (Korean class names are wider than their Latin first letters).
    QFETCH(int, side);
    QFETCH(int, point_size);
    ConfusionGrid grid;
    QFont f = grid.font();
    f.setPointSize(point_size);
    grid.setFont(f);
    grid.resize(side, side);
    grid.setClassNames({"티셔츠/탑", "바지", "풀오버"});
    grid.setAxisTitles("실제", "예측");
    grid.setMatrix({{5, 1, 0}, {0, 7, 2}, {1, 0, 9}});
    const QRect title = grid.rowTitleRect(), labels = grid.rowLabelsRect(), cells = grid.cellRect(0, 0).united(grid.cellRect(2, 2));
    QVERIFY2(title.right() < labels.left(), qPrintable(QString("title to %1, labels from %2").arg(title.right()).arg(labels.left())));
    QVERIFY2(labels.right() < cells.left(), qPrintable(QString("labels to %1, cells from %2").arg(labels.right()).arg(cells.left())));
    const QFontMetrics fm(grid.font());
    QVERIFY(title.width() >= fm.boundingRect("실제").height());  // the turned title fits its band
    QVERIFY(labels.width() >= fm.horizontalAdvance("티셔"));    // the widest row label fits its band
    QVERIFY(cells.right() <= grid.width() && cells.bottom() <= grid.height());
  }

  void confusionCountsReadAndTitlesShowWhole_data() {
    QTest::addColumn<int>("classes");
    QTest::addColumn<bool>("presentation");
    QTest::newRow("iris") << 3 << false;
    QTest::newRow("digits") << 10 << false;
    QTest::newRow("digits, projector") << 10 << true;
  }
  void confusionCountsReadAndTitlesShowWhole() {
    // At its smallest, the grid still draws every count at the readable minimum, whole in its
    // cell, and both axis titles whole (not "t" of "predicted class").
    QFETCH(int, classes);
    QFETCH(bool, presentation);
    Appearance::instance().setPresentation(presentation);
    ConfusionGrid grid;
    grid.setClassNames(CnnPage::classNames("fashion_mnist").mid(0, classes));
    grid.setAxisTitles("true class", "predicted class");
    gs::metrics::Matrix m(static_cast<std::size_t>(classes), std::vector<std::int64_t>(static_cast<std::size_t>(classes), 3));
    m[0][0] = 120;
    grid.setMatrix(m);
    grid.resize(grid.minimumSizeHint());
    QFont least = grid.font();
    least.setPointSizeF(Appearance::instance().minimumPointSize());
    const QFont counts = grid.countFont();
    QVERIFY2(QFontInfo(counts).pixelSize() >= QFontInfo(least).pixelSize(),
             qPrintable(QString("counts %1 px, the readable minimum %2 px").arg(QFontInfo(counts).pixelSize()).arg(QFontInfo(least).pixelSize())));
    QVERIFY2(QFontMetrics(counts).horizontalAdvance("120") <= grid.cellRect(0, 0).width(),
             qPrintable(QString("\"120\" is %1 px in a cell of %2").arg(QFontMetrics(counts).horizontalAdvance("120")).arg(grid.cellRect(0, 0).width())));
    const QFontMetrics fm(grid.font());
    const QRect columns = grid.columnTitleRect(), rows = grid.rowTitleTextRect();
    QVERIFY2(columns.width() >= fm.horizontalAdvance("predicted class") && columns.left() >= 0 && columns.right() < grid.width(),
             qPrintable(QString("%1 px from %2 in %3").arg(columns.width()).arg(columns.left()).arg(grid.width())));
    // (turned: its length runs up from the grid's bottom, within the widget)
    QVERIFY2(rows.width() >= fm.horizontalAdvance("true class") && rows.left() >= 0 && rows.right() <= grid.cellRect(classes - 1, 0).bottom() + 1,
             qPrintable(QString("%1 px from %2").arg(rows.width()).arg(rows.left())));
    // A larger grid draws larger counts, up to half again the widget's font.
    const int small = QFontInfo(counts).pixelSize();
    grid.resize(grid.minimumSizeHint() * 3);
    QVERIFY(QFontInfo(grid.countFont()).pixelSize() > small);
    QVERIFY(QFontInfo(grid.countFont()).pixelSize() <= QFontInfo(grid.font()).pixelSize() * 3 / 2);
    Appearance::instance().setPresentation(false);
  }

  // "실제" down the side of a matrix stands upright, one syllable under the other, as Korean is
  // set vertically; an English title, a mixed one, or one too long for the side is turned.
  void aShortKoreanSideTitleStandsUpright() {
    const QFont font = QApplication::font();
    const QFontMetrics fm(font);
    QVERIFY(sideTitleUpright(fm, QString::fromUtf8("실제"), 10 * fm.height()));
    QVERIFY(sideTitleUpright(fm, QString::fromUtf8("실제 클래스"), 10 * fm.height()));
    QVERIFY(!sideTitleUpright(fm, QString::fromUtf8("실제 클래스"), 3 * fm.height()));
    QVERIFY(!sideTitleUpright(fm, "actual", 10 * fm.height()));
    QVERIFY(!sideTitleUpright(fm, QString::fromUtf8("실제 (y)"), 10 * fm.height()));
    auto ink = [](const QImage& image) {
      QRect box;
      for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
          if (qGray(image.pixel(x, y)) < 128) box |= QRect(x, y, 1, 1);
      return box;
    };
    auto draw = [&](const QSize& size, auto paint) {
      QImage image(size, QImage::Format_RGB32);
      image.fill(Qt::white);
      QPainter p(&image);
      p.setFont(font);
      p.setPen(Qt::black);
      paint(p);
      return image;
    };
    // A band of six lines: the two syllables take the middle two, "실" the upper of them.
    const QRect band(0, 0, fm.height() + 4, 6 * fm.height());
    const QImage side = draw(band.size(), [&](QPainter& p) { drawSideTitle(p, band, QString::fromUtf8("실제")); });
    const QImage alone = draw(band.size(), [&](QPainter& p) {
      p.drawText(QRect(0, 0, band.width(), fm.height()), Qt::AlignCenter, QString::fromUtf8("실"));
    });
    const QImage top = side.copy(0, 0, band.width(), band.height() / 2);
    const QRect s = ink(top), a = ink(alone);
    QVERIFY(!a.isEmpty());
    QCOMPARE(s.size(), a.size());
    QVERIFY2(top.copy(s) == alone.copy(a), "the band's top syllable is not \"실\" written upright");
    QVERIFY(ink(side).bottom() > band.height() / 2);  // and "제" under it
    // Turned, as before, the English title's ink runs along the band.
    const QImage turned = draw(band.size(), [&](QPainter& p) { drawSideTitle(p, band, "actual"); });
    QVERIFY(ink(turned).height() > 2 * ink(turned).width());
  }

  // A column too narrow for its class's name gets an abbreviation with a full stop, never a
  // name cut at the edge ("versicolo"), and never fewer letters than tell the classes apart.
  void columnLabelsAbbreviateRatherThanCut() {
    ConfusionGrid grid;
    grid.setClassNames({"setosa", "versicolor", "virginica"});
    const QFontMetrics fm(grid.font());
    QCOMPARE(grid.columnLabel(1, 1000), QString("versicolor"));
    const int room = fm.horizontalAdvance("versicolo") + 1;
    const QString label = grid.columnLabel(1, room);
    QVERIFY2(label.endsWith('.') && label.startsWith("ve") && fm.horizontalAdvance(label) <= room, qPrintable(label));
    QVERIFY(grid.columnLabel(1, 1).startsWith("ve"));  // the letters that tell it from "virginica"
    grid.setClassNames({"class_0", "class_1", "class_2"});
    QCOMPARE(grid.columnLabel(2, fm.horizontalAdvance("class_") + 2), QString("2"));
  }

  void projectionDrawsTestSamplesHollowInTheClassColours() {
    MetricsLab lab;
    QVERIFY(waitIdle(lab));
    QCustomPlot* projection = lab.binaryPage()->projectionPlot();
    for (int cls = 0; cls < 2; ++cls) {
      const QCPScatterStyle style = projection->graph(cls)->scatterStyle();
      QCOMPARE(style.pen().color(), palette::classColor(cls));  // class k as in every lab
      QCOMPARE(style.brush().color(), Appearance::instance().plotBackground());  // hollow: test samples
      QVERIFY(projection->graph(cls)->dataCount() > 0);
    }
    // Its legend, under the plot, names the two classes and nothing else (not the rings of a
    // chosen cell), outside the axis rectangle where it would cover points.
    QVERIFY(projection->legend->visible());
    QCOMPARE(projection->legend->itemCount(), 2);
    for (int cls = 0; cls < 2; ++cls) {
      QVERIFY(projection->legend->hasItemWithPlottable(projection->graph(cls)));
      QVERIFY(!projection->graph(cls)->name().isEmpty());
    }
    QVERIFY(projection->legend->layout() != projection->axisRect()->insetLayout());
  }
};

QTEST_MAIN(TestLabMetrics)
#include "tst_lab_metrics.moc"
