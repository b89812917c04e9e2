// Deep networks lab, vgg page: the blocks it draws and charts are core's block_summary of core's
// vgg_spec for the controls, too many blocks shows the problem instead of a picture, the network
// opens in the builder (once, whether the builder existed or not); the builder's "Add a VGG block"
// is one undoable edit of five layers and its block table follows the spec; session and Korean.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <qcustomplot.h>

#include "app/language.h"
#include "app/main_window.h"
#include "app/shared_network.h"
#include "builder/network_builder.h"
#include "labs/builder/builder_lab.h"
#include "labs/deep/deep_lab.h"
#include "labs/deep/vgg_diagram.h"
#include "labs/deep/vgg_page.h"
#include "spec/blocks.h"

using namespace gsui;
using nlohmann::json;

namespace {
/// The values of every bar of the chart, by key (blocks and head are two QCPBars).
std::map<double, double> barValues(QCustomPlot* plot) {
  std::map<double, double> values;
  for (int i = 0; i < plot->plottableCount(); ++i)
    if (auto* bars = qobject_cast<QCPBars*>(plot->plottable(i)))
      for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) values[it->key] = it->value;
  return values;
}

/// "" when the page shows exactly core's blocks for `spec` (diagram, its texts and the chart), else the difference.
QString shownDiffersFromCore(VggPage* page, const gs::spec::ModelSpec& spec) {
  const auto core = gs::spec::block_summary(spec);
  const auto& shown = page->diagram()->blocks();
  if (shown.size() != core.size()) return QString("%1 blocks drawn, core has %2").arg(shown.size()).arg(core.size());
  const auto bars = barValues(page->parameterChart());
  if (bars.size() != core.size()) return QString("%1 bars, core has %2 blocks").arg(bars.size()).arg(core.size());
  for (std::size_t i = 0; i < core.size(); ++i) {
    const auto& c = core[i];
    const auto& s = shown[i];
    if (s.label != c.label || s.output != c.output || s.parameters != c.parameters || s.first_layer != c.first_layer)
      return QString("block %1 differs (%2)").arg(i).arg(QString::fromStdString(c.label));
    const QStringList texts = page->diagram()->boxTexts(static_cast<int>(i) + 1);
    if (texts.value(1) != QString::fromStdString(gs::spec::batch_shape_str(c.output)))
      return QString("block %1 reads %2").arg(i).arg(texts.value(1));
    if (!texts.value(2).startsWith(QLocale().toString(c.parameters) + " "))
      return QString("block %1 reads %2, core %3").arg(i).arg(texts.value(2)).arg(c.parameters);
    if (bars.at(static_cast<double>(i + 1)) != static_cast<double>(c.parameters))
      return QString("bar %1 is %2, core %3").arg(i).arg(bars.at(static_cast<double>(i + 1))).arg(c.parameters);
  }
  return {};
}

int rowOf(QTableWidget* table, const QString& first_column) {
  for (int r = 0; r < table->rowCount(); ++r)
    if (table->item(r, 0)->text() == first_column) return r;
  return -1;
}
}  // namespace

class TestLabDeepVgg : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { Language::instance().setLanguage("en"); }

  void pageShowsCoresBlocks() {
    DeepLab lab;
    QVERIFY(lab.showPage("vgg"));
    VggPage* page = lab.vggPage();
    // The default: Fashion-MNIST, 2 blocks of 2 convolutions from 16 channels.
    const gs::spec::ModelSpec fashion = gs::spec::vgg_spec({1, 28, 28}, 2, 2, 16, 10);
    QString diff = shownDiffersFromCore(page, fashion);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(page->diagram()->boxTexts(1).value(0), QString("Block 1: Conv-Conv-Pool"));
    QCOMPARE(page->diagram()->boxTexts(2).value(1), QString("[N, 32, 7, 7]"));
    QCOMPARE(page->diagram()->boxTexts(0).value(1), QString("[N, 1, 28, 28]"));
    QCOMPARE(page->diagram()->totalText(), QString("%1 parameters in total").arg(QLocale().toString(2480 + 13888 + 15690)));
    QCOMPARE(page->pytorchCode(), QString::fromStdString(gs::spec::pytorch_code(fashion)));

    // One more block (the spin box's arrow key), then three convolutions per block from 32 channels.
    QSignalSpy code(page, &LabPage::codeChanged);
    page->blocksBox()->setFocus();
    QTest::keyClick(page->blocksBox(), Qt::Key_Up);
    QCOMPARE(page->blocksBox()->value(), 3);
    QCOMPARE(code.count(), 1);
    diff = shownDiffersFromCore(page, gs::spec::vgg_spec({1, 28, 28}, 3, 2, 16, 10));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(page->diagram()->boxTexts(3).value(1), QString("[N, 64, 3, 3]"));
    QTest::keyClick(page->convsBox(), Qt::Key_Up);
    page->channelsBox()->setCurrentIndex(page->channelsBox()->findData(32));
    diff = shownDiffersFromCore(page, gs::spec::vgg_spec({1, 28, 28}, 3, 3, 32, 10));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(page->diagram()->boxTexts(1).value(0), QString("Block 1: Conv-Conv-Conv-Pool"));
    // The photo input: three channels in.
    page->inputBox()->setCurrentIndex(page->inputBox()->findData("photo"));
    diff = shownDiffersFromCore(page, gs::spec::vgg_spec({3, 32, 32}, 3, 3, 32, 10));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(page->problem().isEmpty());
    QVERIFY(page->openInBuilderButton()->isEnabled());
  }

  void tooManyBlocksShowsTheProblem() {
    DeepLab lab;
    VggPage* page = lab.vggPage();
    page->inputBox()->setCurrentIndex(page->inputBox()->findData("digits"));
    page->blocksBox()->setValue(3);  // 8 → 4 → 2 → 1: fits
    QVERIFY(page->problem().isEmpty());
    QCOMPARE(page->diagram()->boxTexts(3).value(1), QString("[N, 64, 1, 1]"));
    QTest::keyClick(page->blocksBox(), Qt::Key_Up);  // a fourth pool on 1×1
    QCOMPARE(page->blocksBox()->value(), 4);
    QVERIFY2(page->problem().contains("Layer 19 (MaxPool2d)"), qPrintable(page->problem()));
    QVERIFY2(page->problem().contains("1×1 feature map"), qPrintable(page->problem()));
    QVERIFY2(page->problem().contains("16×16"), qPrintable(page->problem()));
    QCOMPARE(page->diagram()->problem(), page->problem());
    QVERIFY(page->diagram()->blocks().empty());
    QVERIFY(page->blocks().empty());
    QVERIFY(barValues(page->parameterChart()).empty());
    QVERIFY(!page->openInBuilderButton()->isEnabled());
    QVERIFY(page->pytorchCode().startsWith("#"));
    // Fashion-MNIST takes four (28 → 1) but not five.
    page->inputBox()->setCurrentIndex(page->inputBox()->findData("fashion"));
    QVERIFY(page->problem().isEmpty());
    page->blocksBox()->setValue(5);
    QVERIFY2(page->problem().contains("32×32"), qPrintable(page->problem()));
    page->reset();
    QVERIFY(page->problem().isEmpty());
    QCOMPARE(page->blocks().size(), std::size_t{3});
  }

  void builderAddsAVggBlockInOneUndoStep() {
    BuilderLab lab;
    NetworkBuilder* b = lab.builder();
    // The builder's start: Conv2d(8)-ReLU-MaxPool2d-Flatten-Linear.
    const json start = b->specJson();
    QCOMPARE(start["layers"].size(), std::size_t{5});
    QTableWidget* table = lab.blockTable();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QString("1: Conv-Pool"));
    QCOMPARE(table->item(0, 1)->text(), QString("[N, 8, 14, 14]"));
    QCOMPARE(table->item(1, 0)->text(), QString("Head"));
    QCOMPARE(table->item(1, 2)->text(), QLocale().toString(8 * 14 * 14 * 10 + 10));

    const int undo_before = b->undoStack()->count();
    QSignalSpy changed(b, &NetworkBuilder::specChanged);
    QTest::mouseClick(lab.vggButton(), Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(b->undoStack()->count(), undo_before + 1);
    json layers = b->specJson()["layers"];
    QCOMPARE(layers.size(), std::size_t{10});
    const std::vector<std::string> types = {"Conv2d", "ReLU", "MaxPool2d", "Conv2d", "ReLU", "Conv2d", "ReLU", "MaxPool2d", "Flatten", "Linear"};
    for (std::size_t i = 0; i < types.size(); ++i) QCOMPARE(layers[i]["type"].get<std::string>(), types[i]);
    QCOMPARE(layers[3]["out_channels"].get<int>(), 16);  // twice the 8 before it
    QCOMPARE(layers[5]["out_channels"].get<int>(), 16);
    QCOMPARE(layers[3]["kernel_size"].get<int>(), 3);
    QCOMPARE(layers[3]["padding"].get<int>(), 1);
    QCOMPARE(layers[7]["kernel_size"].get<int>(), 2);
    QVERIFY2(b->errorText().isEmpty(), qPrintable(b->errorText()));
    // The table follows: a second block [N, 16, 7, 7] with 16·8·9 + 16 + 16·16·9 + 16 parameters.
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(1, 0)->text(), QString("2: Conv-Conv-Pool"));
    QCOMPARE(table->item(1, 1)->text(), QString("[N, 16, 7, 7]"));
    QCOMPARE(table->item(1, 2)->text(), QLocale().toString(16 * 8 * 9 + 16 + 16 * 16 * 9 + 16));
    QCOMPARE(table->item(2, 2)->text(), QLocale().toString(16 * 7 * 7 * 10 + 10));

    QTest::mouseClick(lab.vggButton(), Qt::LeftButton);  // again: 32 channels, still before the Flatten
    layers = b->specJson()["layers"];
    QCOMPARE(layers.size(), std::size_t{15});
    QCOMPARE(layers[8]["out_channels"].get<int>(), 32);
    QCOMPARE(layers[13]["type"].get<std::string>(), std::string("Flatten"));
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->item(2, 1)->text(), QString("[N, 32, 3, 3]"));

    b->undoStack()->undo();  // one undo takes the whole block away
    QCOMPARE(b->specJson()["layers"].size(), std::size_t{10});
    QCOMPARE(table->rowCount(), 3);
    b->undoStack()->undo();
    QCOMPARE(b->specJson(), start);
    QCOMPARE(table->rowCount(), 2);

    // Without a Flatten (the mistake), the block goes at the end; the table gives way to a note.
    QTest::mouseClick(lab.controls()->findChild<QPushButton*>("removeFlatten"), Qt::LeftButton);
    QVERIFY(!b->errorText().isEmpty());
    QVERIFY(table->isHidden());
    QVERIFY(!lab.controls()->findChild<QLabel*>("blockSummaryNote")->text().isEmpty());
    b->undoStack()->undo();
    b->setSpecJson(json::parse(R"({"input_shape": [1, 28, 28], "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 3}]})"));
    QTest::mouseClick(lab.vggButton(), Qt::LeftButton);
    layers = b->specJson()["layers"];
    QCOMPARE(layers.size(), std::size_t{6});
    QCOMPARE(layers[5]["type"].get<std::string>(), std::string("MaxPool2d"));
    QCOMPARE(layers[1]["out_channels"].get<int>(), 8);
    // No convolution before: 16 channels.
    b->setSpecJson(json::parse(R"({"input_shape": [3, 32, 32], "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})"));
    QTest::mouseClick(lab.vggButton(), Qt::LeftButton);
    QCOMPARE(b->specJson()["layers"][0]["out_channels"].get<int>(), 16);
    QCOMPARE(rowOf(table, "1: Conv-Conv-Pool"), 0);
    QCOMPARE(table->item(0, 1)->text(), QString("[N, 16, 16, 16]"));
    // A flat input has no image to convolve: the button is off.
    b->setSpecJson(json::parse(R"({"input_shape": [4], "layers": [{"type": "Linear", "out_features": 2}]})"));
    QVERIFY(!lab.vggButton()->isEnabled());
  }

  void opensInTheBuilderOnce() {
    MainWindow w;
    QVERIFY(w.showLab("deep"));
    auto* deep = qobject_cast<DeepLab*>(w.currentLab());
    QVERIFY(deep);
    QVERIFY(deep->showPage("vgg"));
    VggPage* page = deep->vggPage();
    page->blocksBox()->setValue(3);
    // The builder does not exist yet: showLab creates it, and it takes the spec in its constructor.
    QTest::mouseClick(page->openInBuilderButton(), Qt::LeftButton);
    QCOMPARE(w.currentLabId(), QString("builder"));
    auto* builder = qobject_cast<BuilderLab*>(w.currentLab());
    QVERIFY(builder);
    const json expected = gs::spec::to_json(gs::spec::vgg_spec({1, 28, 28}, 3, 2, 16, 10));
    QCOMPARE(builder->builder()->specJson()["layers"], expected["layers"]);
    QCOMPARE(builder->builder()->specJson()["input_shape"], expected["input_shape"]);
    QCOMPARE(builder->builder()->undoStack()->count(), 1);  // applied once
    QVERIFY(!SharedNetwork::instance().takePendingEdit());
    QCOMPARE(builder->blockTable()->rowCount(), 4);
    // The builder exists now: back to the page, another network, opened again.
    QVERIFY(w.showLab("deep"));
    page->inputBox()->setCurrentIndex(page->inputBox()->findData("digits"));
    page->blocksBox()->setValue(1);
    QTest::mouseClick(page->openInBuilderButton(), Qt::LeftButton);
    QCOMPARE(w.currentLab(), static_cast<Lab*>(builder));
    QCOMPARE(builder->builder()->specJson()["layers"], gs::spec::to_json(gs::spec::vgg_spec({1, 8, 8}, 1, 2, 16, 10))["layers"]);
    QCOMPARE(builder->builder()->undoStack()->count(), 2);
    QCOMPARE(builder->blockTable()->item(0, 1)->text(), QString("[N, 16, 4, 4]"));
    builder->builder()->undoStack()->undo();  // one step back: the first network
    QCOMPARE(builder->builder()->specJson()["layers"], expected["layers"]);
  }

  void sessionRoundTripsAndRefusesBadValues() {
    DeepLab lab;
    VggPage* page = lab.vggPage();
    QVERIFY(page->setConfiguration("photo", 4, 3, 64));
    const json state = page->sessionState();
    QCOMPARE(state, (json{{"input", "photo"}, {"blocks", 4}, {"convs", 3}, {"channels", 64}}));
    DeepLab other;
    VggPage* second = other.vggPage();
    QCOMPARE(second->restoreSessionState(state), QString());
    QCOMPARE(second->sessionState(), state);
    QCOMPARE(second->blocks().size(), std::size_t{5});
    for (const auto& [key, value, word] : std::vector<std::tuple<std::string, json, QString>>{
             {"input", "cats", "input"}, {"blocks", 6, "blocks"}, {"blocks", "2", "blocks"}, {"convs", 0, "convs"},
             {"channels", 12, "channels"}, {"channels", 1.5, "channels"}}) {
      json bad = state;
      bad["blocks"] = 1;  // a change that must not happen either
      bad[key] = value;
      const QString problem = second->restoreSessionState(bad);
      QVERIFY2(problem.startsWith(word + ":"), qPrintable(problem));
      QCOMPARE(second->sessionState(), state);  // nothing changed
    }
    QVERIFY(!second->restoreSessionState(json::array()).isEmpty());
    QVERIFY(!page->setConfiguration("photo", 9, 1, 8));
    QCOMPARE(page->sessionState(), state);
  }

  void koreanShowsKorean() {
    Language::instance().setLanguage("ko");
    DeepLab lab;
    VggPage* page = lab.vggPage();
    const QString tab = lab.tabs()->tabText(1);
    const QString button = page->openInBuilderButton()->text();
    const QString caption = page->caption()->text();
    const QString box = page->diagram()->boxTexts(1).value(0);
    BuilderLab builder;
    const QString vgg = builder.vggButton()->text();
    Language::instance().setLanguage("en");
    QVERIFY2(tab.contains(QString::fromUtf8("블록")), qPrintable(tab));
    QVERIFY2(button.contains(QString::fromUtf8("신경망 만들기")), qPrintable(button));
    QVERIFY2(caption.contains(QString::fromUtf8("채널")), qPrintable(caption));
    QVERIFY2(box.contains(QString::fromUtf8("블록")), qPrintable(box));
    QVERIFY2(vgg.contains(QString::fromUtf8("블록")), qPrintable(vgg));
    QTRY_COMPARE(page->openInBuilderButton()->text(), QString("Open in the network builder"));  // and back
    QTRY_COMPARE(page->diagram()->boxTexts(1).value(0), QString("Block 1: Conv-Conv-Pool"));
    QTRY_COMPARE(builder.vggButton()->text(), QString("Add a VGG block (Conv-Conv-Pool)"));
  }
};

QTEST_MAIN(TestLabDeepVgg)
#include "tst_lab_deep_vgg.moc"
