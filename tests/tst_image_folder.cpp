// The learner's image folders (torchvision's ImageFolder layout, issue 16): PNG and JPEG decoded
// to the pixels Qt decodes, made gray as PIL's "L" and resized as documented (block means when
// shrinking by a whole factor, the pixels themselves at the same size); classes are the sorted
// subfolders; every bad folder or file is refused with its code naming it; scenarios carry the
// folder, its channels and size, and a CNN trains on it from the scenario as on any data set.
#include <QtTest>

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <cmath>

#include "data/image_folder.h"
#include "spec/dataset_spec.h"
#include "spec/scenario.h"
#include "train/trainer.h"
#include "util/error.h"

using namespace gs;

namespace {

/// A w×h image whose pixel (x, y) is `color(x, y)`, saved as `path` (the format by its suffix).
template <class F>
bool writeImage(const QString& path, int w, int h, F color, const char* format = nullptr, int quality = 100) {
  QImage img(w, h, QImage::Format_RGB32);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) img.setPixel(x, y, color(x, y));
  return img.save(path, format, quality);
}

/// The code of the gs::Error `f` throws ("" when it throws none).
template <class F>
std::string codeOf(F f, std::vector<std::string>* args = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (args) *args = e.args();
    return e.code();
  }
  return {};
}

}  // namespace

class TestImageFolder : public QObject {
  Q_OBJECT
 private slots:
  void pngPixelsAsTheyAre() {
    QTemporaryDir dir;
    const QString path = dir.filePath("a.png");
    QVERIFY(writeImage(path, 4, 4, [](int x, int y) { return qRgb(x * 60, y * 70, 255 - x * 10); }));
    const data::DecodedImage d = data::decode_image(path.toStdString());
    QCOMPARE(d.width, std::int64_t(4));
    QCOMPARE(d.height, std::int64_t(4));
    // RGB at the same size: the pixels / 255, channel by channel (ToTensor's layout [C, H, W]).
    const Tensor rgb = data::image_to_tensor(d, {.channels = 3, .size = 4});
    QCOMPARE(rgb.shape(), (Shape{3, 4, 4}));
    const std::vector<float> v = rgb.to_vector<float>();
    QCOMPARE(v[0 * 16 + 2 * 4 + 3], 180.0f / 255);  // R of (x 3, y 2)
    QCOMPARE(v[1 * 16 + 2 * 4 + 3], 140.0f / 255);  // G
    QCOMPARE(v[2 * 16 + 2 * 4 + 3], 225.0f / 255);  // B
    // Gray is PIL's "L": 0.299 R + 0.587 G + 0.114 B.
    const std::vector<float> g = data::image_to_tensor(d, {.channels = 1, .size = 4}).to_vector<float>();
    QVERIFY(std::abs(g[2 * 4 + 3] - (0.299 * 180 + 0.587 * 140 + 0.114 * 225) / 255) < 1e-6);
  }

  void shrinkingAveragesBlocksAndGrowingInterpolates() {
    QTemporaryDir dir;
    const QString path = dir.filePath("b.png");
    QVERIFY(writeImage(path, 4, 4, [](int x, int y) { const int v = (x + 4 * y) * 16; return qRgb(v, v, v); }));
    const data::DecodedImage d = data::decode_image(path.toStdString());
    const std::vector<float> half = data::image_to_tensor(d, {.channels = 1, .size = 2}).to_vector<float>();
    // Each output pixel is the mean of its 2×2 block: (0 + 1 + 4 + 5)·16/4 = 40 for the first.
    const double expected[4] = {40, 72, 168, 200};
    for (int i = 0; i < 4; ++i) QVERIFY2(std::abs(half[i] - expected[i] / 255) < 1e-6, qPrintable(QString::number(half[i] * 255)));
    // Growing 4 → 8 (align_corners=False): the first output is the first pixel, the second a
    // quarter of the way to the next.
    const std::vector<float> twice = data::image_to_tensor(d, {.channels = 1, .size = 8}).to_vector<float>();
    QVERIFY(std::abs(twice[0] - 0.0) < 1e-6);
    QVERIFY(std::abs(twice[1] - 0.25 * 16 / 255) < 1e-6);
    QVERIFY(std::abs(twice[7] - 3 * 16 / 255.0) < 1e-6);
  }

  void jpegDecodesCloseToItsPixels() {
    QTemporaryDir dir;
    const QString path = dir.filePath("c.jpg");
    QVERIFY(writeImage(path, 16, 16, [](int, int) { return qRgb(200, 100, 50); }, "JPEG", 100));
    const data::DecodedImage d = data::decode_image(path.toStdString());
    QCOMPARE(d.width, std::int64_t(16));
    const std::vector<float> v = data::image_to_tensor(d, {.channels = 3, .size = 4}).to_vector<float>();
    QVERIFY(std::abs(v[0] * 255 - 200) < 3);
    QVERIFY(std::abs(v[16] * 255 - 100) < 3);
    QVERIFY(std::abs(v[32] * 255 - 50) < 3);
  }

  void classesAreTheSortedSubfoldersWithImages() {
    QTemporaryDir dir;
    QDir root(dir.path());
    for (const char* f : {"dog", "cat", "empty", "notes"}) QVERIFY(root.mkdir(f));
    QVERIFY(writeImage(root.filePath("cat/2.png"), 5, 3, [](int, int) { return qRgb(255, 255, 255); }));
    QVERIFY(writeImage(root.filePath("cat/1.PNG"), 3, 5, [](int, int) { return qRgb(0, 0, 0); }));
    QVERIFY(writeImage(root.filePath("dog/a.jpg"), 8, 8, [](int x, int) { return qRgb(x * 30, x * 30, x * 30); }, "JPEG"));
    QFile note(root.filePath("notes/readme.txt"));
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("not an image");
    note.close();
    QCOMPARE(data::image_folder_classes(dir.path().toStdString()), (std::vector<std::string>{"cat", "dog"}));
    const data::Dataset d = data::load_image_folder(dir.path().toStdString(), {.channels = 1, .size = 6});
    QCOMPARE(d.x.shape(), (Shape{3, 1, 6, 6}));
    QCOMPARE(d.y.to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 0, 1}));
    QCOMPARE(d.class_names, (std::vector<std::string>{"cat", "dog"}));
    // cat/1.PNG (black) before cat/2.png (white): files in name order.
    QCOMPARE(d.x.select(0, 0).max().item<double>(), 0.0);
    QCOMPARE(d.x.select(0, 1).min().item<double>(), 1.0);
  }

  void badFoldersAndFilesAreRefusedByName() {
    QTemporaryDir dir;
    QDir root(dir.path());
    std::vector<std::string> args;
    QCOMPARE(codeOf([&] { data::image_folder_classes(dir.filePath("nowhere").toStdString()); }), std::string("image_folder_missing"));
    QCOMPARE(codeOf([&] { data::image_folder_classes(dir.path().toStdString()); }), std::string("image_folder_no_classes"));
    QVERIFY(root.mkdir("cat"));
    QVERIFY(writeImage(root.filePath("cat/1.png"), 2, 2, [](int, int) { return qRgb(1, 2, 3); }));
    QCOMPARE(codeOf([&] { data::image_folder_classes(dir.path().toStdString()); }, &args), std::string("image_folder_one_class"));
    QCOMPARE(args.at(1), std::string("cat"));
    QVERIFY(root.mkdir("dog"));
    // A text file named .png, a PNG cut short, a JPEG cut short: each named.
    auto writeBytes = [&](const QString& name, const QByteArray& bytes) {
      QFile f(root.filePath(name));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(bytes);
    };
    writeBytes("dog/text.png", "hello, I am text");
    QCOMPARE(codeOf([&] { data::load_image_folder(dir.path().toStdString(), {}); }, &args), std::string("image_folder_not_an_image"));
    QVERIFY(QString::fromStdString(args.at(0)).endsWith("dog/text.png"));
    QFile png(root.filePath("cat/1.png"));
    QVERIFY(png.open(QIODevice::ReadOnly));
    const QByteArray whole = png.readAll();
    writeBytes("dog/text.png", whole.left(whole.size() / 2));
    QCOMPARE(codeOf([&] { data::load_image_folder(dir.path().toStdString(), {}); }, &args), std::string("image_folder_bad_png"));
    QVERIFY(!args.at(1).empty());  // libpng's reason
    QVERIFY(root.remove("dog/text.png"));
    writeBytes("dog/cut.jpg", QByteArray("\xFF\xD8\xFF\xE0", 4));
    const std::string cut = codeOf([&] { data::load_image_folder(dir.path().toStdString(), {}); }, &args);
    QVERIFY2(cut == "image_folder_bad_jpeg" || cut == "image_folder_no_pixels", cut.c_str());
    QVERIFY(QString::fromStdString(args.at(0)).endsWith("dog/cut.jpg"));
    // Options out of range are the spec's to refuse; the loader checks them too.
    QVERIFY_THROWS_EXCEPTION(Error, data::load_image_folder(dir.path().toStdString(), {.channels = 2, .size = 28}));
  }

  void scenariosCarryTheFolderAndTrainOnIt() {
    QTemporaryDir dir;
    QDir root(dir.path());
    // Two classes a CNN tells apart at once: dark images and light images, 12 of each.
    for (const char* c : {"dark", "light"}) QVERIFY(root.mkdir(c));
    for (int i = 0; i < 12; ++i) {
      QVERIFY(writeImage(root.filePath(QString("dark/%1.png").arg(i)), 10, 10, [i](int x, int y) { const int v = (x * y + i) % 40; return qRgb(v, v, v); }));
      QVERIFY(writeImage(root.filePath(QString("light/%1.jpg").arg(i)), 12, 9, [i](int x, int y) { const int v = 215 + (x + y + i) % 40; return qRgb(v, v, v); }, "JPEG"));
    }
    const nlohmann::json ds = {{"name", "image_folder"}, {"path", dir.path().toStdString()}, {"channels", 1}, {"size", 8}, {"test_ratio", 0.25}};
    const spec::DatasetSpec d = spec::parse_dataset(ds);
    QCOMPARE(d.size, std::int64_t(8));
    QCOMPARE(spec::parse_dataset(spec::to_json(d)), d);
    // Fields out of place or out of range are refused naming the field.
    auto message = [](const nlohmann::json& j) {
      try {
        spec::parse_dataset(j);
      } catch (const Error& e) {
        return std::string(e.what());
      }
      return std::string();
    };
    QVERIFY(message({{"name", "image_folder"}, {"path", "x"}, {"channels", 2}}).rfind("dataset.channels", 0) == 0);
    QVERIFY(message({{"name", "image_folder"}, {"path", "x"}, {"size", 1000}}).rfind("dataset.size", 0) == 0);
    QVERIFY(message({{"name", "image_folder"}}).rfind("dataset.path", 0) == 0);
    QVERIFY(message({{"name", "iris"}, {"size", 8}}).rfind("dataset.size", 0) == 0);
    // A small CNN on it, from the scenario, as gradscope-cli train would run it.
    nlohmann::json sc = {{"version", 1},
                         {"lab", "cnn"},
                         {"dataset", ds},
                         {"model", {{"input_shape", {1, 8, 8}},
                                    {"layers", {{{"type", "Conv2d"}, {"out_channels", 4}, {"kernel_size", 3}, {"padding", 1}},
                                                {{"type", "ReLU"}}, {{"type", "Flatten"}}, {{"type", "Linear"}, {"out_features", 2}}}}}},
                         {"loss", "CrossEntropyLoss"},
                         {"optimizer", {{"name", "Adam"}, {"lr", 0.01}}},
                         {"batch_size", 6},
                         {"epochs", 10}};
    spec::Scenario s = spec::parse_scenario(sc);
    spec::Run run = spec::make_run(s);
    QCOMPARE(run.raw.train.size() + run.raw.test.size(), std::int64_t(24));
    QCOMPARE(run.raw.train.class_names, (std::vector<std::string>{"dark", "light"}));
    for (int e = 0; e < 10; ++e) run.trainer->run_epoch();
    QCOMPARE(run.trainer->evaluate(run.trainer->test_set()).accuracy, 1.0);
  }
};

QTEST_GUILESS_MAIN(TestImageFolder)
#include "tst_image_folder.moc"
