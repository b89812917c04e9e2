// Data: shipped tables and Fashion-MNIST load with the right shapes and class counts; the CSV
// and IDX loaders refuse truncated and malformed files naming the place; splits, folds,
// bootstrap, standardization, the DataLoader and augmentation behave.
#include <QtTest>

#include "test_helpers.h"

#include <QTemporaryDir>
#include <filesystem>
#include <fstream>
#include <zlib.h>

#include "data/augment.h"
#include "data/features.h"
#include "data/loaders.h"
#include "ops/functional.h"

using namespace gs;


namespace {
void write(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }
void write_gz(const std::string& path, const std::string& bytes) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(f);
}
std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}
}  // namespace

class TestData : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

 private slots:
  void shippedTablesLoad() {
    data::Dataset iris = data::load_builtin("iris");
    QCOMPARE(iris.x.shape(), (Shape{150, 4}));
    QCOMPARE(iris.class_counts(), (std::vector<std::int64_t>{50, 50, 50}));
    QCOMPARE(QString::fromStdString(iris.class_names[2]), QString("virginica"));
    data::Dataset cancer = data::load_builtin("breast_cancer");
    QCOMPARE(cancer.x.shape(), (Shape{569, 30}));
    QCOMPARE(cancer.class_counts(), (std::vector<std::int64_t>{212, 357}));
    data::Dataset wine = data::load_builtin("wine");
    QCOMPARE(wine.x.shape(), (Shape{178, 13}));
    QCOMPARE(wine.class_counts(), (std::vector<std::int64_t>{59, 71, 48}));
    data::Dataset digits = data::load_builtin("digits");
    QCOMPARE(digits.x.shape(), (Shape{1797, 1, 8, 8}));
    QCOMPARE(digits.num_classes(), std::int64_t(10));
    QVERIFY(digits.x.max().item() <= 1.0 && digits.x.min().item() >= 0.0);
    QVERIFY_CONTAINS(error_of([] { data::load_builtin("mnist"); }), "unknown data set \"mnist\"");
  }

  void fashionMnistLoads() {
    if (!QFile::exists(QString::fromStdString(data::fashion_mnist_dir() + "/t10k-images-idx3-ubyte.gz")))
      QSKIP("Debian's dataset-fashion-mnist is not installed (scripts/install-deps.sh installs it)");
    data::Dataset test = data::load_builtin("fashion_mnist_test");
    QCOMPARE(test.x.shape(), (Shape{10000, 1, 28, 28}));
    QCOMPARE(test.class_counts(), std::vector<std::int64_t>(10, 1000));
    QCOMPARE(QString::fromStdString(test.class_names[9]), QString("Ankle boot"));
  }

  void csvErrorsNameTheLineAndColumn() {
    write(path("ok.csv"), "a,b,label\n1,2,0\n3,4,1\n");
    data::Dataset d = data::load_csv(path("ok.csv"));
    QCOMPARE(d.x.shape(), (Shape{2, 2}));
    QVERIFY(d.is_classification());
    write(path("bad_value.csv"), "a,b,label\n1,2,0\n3,x4,1\n");
    QVERIFY_CONTAINS(error_of([&] { data::load_csv(path("bad_value.csv")); }), "bad_value.csv:3: column 2 (b): \"x4\" is not a number");
    write(path("short_row.csv"), "a,b,label\n1,2,0\n3,1\n");
    QVERIFY_CONTAINS(error_of([&] { data::load_csv(path("short_row.csv")); }), "short_row.csv:3: expected 3 values");
    write(path("truncated.csv"), "5,2,no,yes\n1,2,0\n3,4,1\n");
    QVERIFY_CONTAINS(error_of([&] { data::load_csv(path("truncated.csv")); }), "announces 5 rows but the file has 2 (truncated?)");
    write(path("bad_class.csv"), "2,1,no,yes\n1,0\n3,4\n");
    QVERIFY_CONTAINS(error_of([&] { data::load_csv(path("bad_class.csv")); }), "class index 4");
    // A header count beyond 64 bits or in exponent form is a number like any other (it escaped
    // std::stoll once; fuzzing found it).
    write(path("huge_header.csv"), "5,88888888888888888888\n1,0\n");
    QVERIFY_CONTAINS(error_of([&] { data::load_csv(path("huge_header.csv")); }), "88888888888888888888 features; a table here has at most");
    write(path("huge_class.csv"), "1,1,no,yes\n1,6e47\n");  // a target no class index can be (fuzzing)
    QVERIFY_CONTAINS(error_of([&] { data::load_csv(path("huge_class.csv")); }), "is not in 0..1");
    write(path("exp_header.csv"), "2e0,1,no,yes\n1,0\n3,1\n");
    QCOMPARE(data::load_csv(path("exp_header.csv")).x.shape(), (Shape{2, 1}));
    write(path("empty.csv"), "");
    QVERIFY_CONTAINS(error_of([&] { data::load_csv(path("empty.csv")); }), "empty");
    QVERIFY_CONTAINS(error_of([&] { data::load_csv(path("missing.csv")); }), "no such file");
    write_gz(path("ok.csv.gz"), "1,2,0\n3,4,1\n5,6,1\n");
    QCOMPARE(data::load_csv(path("ok.csv.gz"), false).x.shape(), (Shape{3, 2}));
    write(path("regression.csv"), "x,y\n1,0.5\n2,1.25\n");
    QVERIFY(!data::load_csv(path("regression.csv")).is_classification());
  }

  void idxLoadsAndRejectsBrokenFiles() {
    const std::string images = be32(0x803) + be32(2) + be32(2) + be32(3) + std::string("\x00\xff\x10\x20\x30\x40\x01\x02\x03\x04\x05\x06", 12);
    const std::string labels = be32(0x801) + be32(2) + std::string("\x07\x02", 2);
    write_gz(path("img.gz"), images);
    write(path("lab"), labels);
    data::Dataset d = data::load_idx(path("img.gz"), path("lab"));  // gzip'd and plain both work
    QCOMPARE(d.x.shape(), (Shape{2, 1, 2, 3}));
    QCOMPARE(d.y.to_vector<std::int64_t>(), (std::vector<std::int64_t>{7, 2}));
    QVERIFY(std::abs(d.x.index({0, 0, 0, 1}).item() - 1.0) < 1e-6);
    write(path("trunc_img"), images.substr(0, images.size() - 3));
    QVERIFY_CONTAINS(error_of([&] { data::load_idx(path("trunc_img"), path("lab")); }), "truncated: 2 images of 2x3 need 28 bytes, the file has 25");
    write(path("bad_magic"), be32(0x802) + images.substr(4));
    QVERIFY_CONTAINS(error_of([&] { data::load_idx(path("bad_magic"), path("lab")); }), "bad magic number 2050");
    write(path("more_labels"), be32(0x801) + be32(3) + std::string("\x01\x02\x03", 3));
    QVERIFY_CONTAINS(error_of([&] { data::load_idx(path("img.gz"), path("more_labels")); }), "has 2 images but");
    write(path("tiny"), "abc");
    QVERIFY_CONTAINS(error_of([&] { data::load_idx(path("tiny"), path("lab")); }), "too short for an IDX image header");
    write(path("corrupt.gz"), std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage-garbage", 25));
    QVERIFY_CONTAINS(error_of([&] { data::load_idx(path("corrupt.gz"), path("lab")); }), "corrupt.gz");
    // A label of 200 in a "Fashion-MNIST" file used to overflow the heap in the stratified split:
    // refused by the loader, naming the file, and by the split itself for any data set.
    const QByteArray before = qgetenv("GRADSCOPE_FASHION_MNIST_DIR");
    write(path("t10k-images-idx3-ubyte"), images);
    write(path("t10k-labels-idx1-ubyte"), be32(0x801) + be32(2) + std::string("\x07\xc8", 2));
    qputenv("GRADSCOPE_FASHION_MNIST_DIR", QByteArray::fromStdString(dir_.path().toStdString()));
    QVERIFY_CONTAINS(error_of([] { data::load_builtin("fashion_mnist_test"); }), "a label of 200; Fashion-MNIST's labels are 0 to 9");
    if (before.isEmpty()) qunsetenv("GRADSCOPE_FASHION_MNIST_DIR");
    else qputenv("GRADSCOPE_FASHION_MNIST_DIR", before);
    data::Dataset wrong = d;
    wrong.class_names = {"a", "b", "c"};  // label 7 is not one of them
    QVERIFY_CONTAINS(error_of([&] { data::train_test_split(wrong, 0.5, 0); }), "labels: sample 0 has class 7 but the data set has 3 classes (0 to 2)");
    QVERIFY_CONTAINS(error_of([&] { data::stratified_kfold_indices(wrong, 2, 0); }), "sample 0 has class 7");
  }

  /// A .gz that unpacks past kMaxDataFileBytes (a "zip bomb": here 300 MiB of zeros in 0.3 MB)
  /// is refused with a message naming the file, without holding it all.
  void decompressionBombIsRefused() {
    const std::string bomb = path("bomb.csv.gz");
    gzFile f = gzopen(bomb.c_str(), "wb1");
    QVERIFY(f);
    const std::string zeros(1 << 20, '0');
    for (std::size_t mib = 0; mib < (data::kMaxDataFileBytes >> 20) + 44; ++mib) QVERIFY(gzwrite(f, zeros.data(), unsigned(zeros.size())) > 0);
    gzclose(f);
    QVERIFY(std::filesystem::file_size(bomb) < 2'000'000);
    const std::string message = error_of([&] { data::load_csv(bomb); });
    QVERIFY_CONTAINS(message, "bomb.csv.gz: holds more than 256 MiB once unpacked");
    QVERIFY_CONTAINS(error_of([&] { data::load_idx(bomb, bomb); }), "bad magic number");  // (read from its first 16 bytes only)
    // An IDX file is unpacked only as far as its header announces: 300 MiB after one 2×2 image
    // are never read; a header announcing more than the limit is refused before any pixel.
    const std::string idx_bomb = path("bomb-images.gz");
    gzFile g = gzopen(idx_bomb.c_str(), "wb1");
    const std::string header = be32(0x803) + be32(1) + be32(2) + be32(2) + std::string(4, '\x10');
    gzwrite(g, header.data(), unsigned(header.size()));
    for (int mib = 0; mib < 300; ++mib) gzwrite(g, zeros.data(), unsigned(zeros.size()));
    gzclose(g);
    write(path("one_label"), be32(0x801) + be32(1) + std::string("\x03", 1));
    QCOMPARE(data::load_idx(idx_bomb, path("one_label")).x.shape(), (Shape{1, 1, 2, 2}));
    write(path("huge_header"), be32(0x803) + be32(100000000) + be32(64) + be32(64));
    write(path("huge_labels"), be32(0x801) + be32(100000000));
    QVERIFY_CONTAINS(error_of([&] { data::load_idx(path("huge_header"), path("huge_labels")); }),
                     "announces 100000000 images of 64x64, more than 256 MiB of pixels");
  }

  void generatorsAreSeededAndBalanced() {
    for (const char* name : {"circle", "xor", "gaussian", "spiral", "moons"}) {
      data::Dataset a = data::make_classification(name, 200, 0.1, 7), b = data::make_classification(name, 200, 0.1, 7);
      QCOMPARE(a.x.shape(), (Shape{200, 2}));
      QCOMPARE(a.x.to_vector<float>(), b.x.to_vector<float>());
      QVERIFY(std::abs(a.class_counts()[0] - 100) <= 20);
    }
    data::Dataset blobs = data::make_classification("blobs", 300, 0.0, 1, 4);
    QCOMPARE(blobs.class_counts(), (std::vector<std::int64_t>{75, 75, 75, 75}));
    data::Dataset r = data::make_regression(50, 0.0, 1, 1, 2.0, 0.5);
    const auto x = r.x.to_vector<double>(), y = r.y.to_vector<double>();
    for (int i = 0; i < 50; ++i) QVERIFY(std::abs(y[i] - (2 * x[i] + 0.5)) < 1e-5);
    QVERIFY_CONTAINS(error_of([] { data::make_classification("swirl", 10, 0, 0); }), "unknown generator \"swirl\"");
  }

  void splitsFoldsBootstrapStandardize() {
    data::Dataset iris = data::load_builtin("iris");
    data::Split s = data::train_test_split(iris, 0.2, 3);
    QCOMPARE(s.test.size(), std::int64_t(30));
    QCOMPARE(s.test.class_counts(), (std::vector<std::int64_t>{10, 10, 10}));  // stratified
    const auto folds = data::kfold_indices(10, 3, 0);
    QCOMPARE(folds[0].size(), std::size_t(4));
    QCOMPARE(folds[2].size(), std::size_t(3));
    std::vector<std::int64_t> all;
    for (auto& f : folds) all.insert(all.end(), f.begin(), f.end());
    std::sort(all.begin(), all.end());
    for (int i = 0; i < 10; ++i) QCOMPARE(all[i], std::int64_t(i));
    auto [sample, oob] = data::bootstrap_indices(1000, 1);
    QCOMPARE(sample.size(), std::size_t(1000));
    QVERIFY(std::abs(static_cast<double>(oob.size()) / 1000 - std::exp(-1.0)) < 0.05);  // ≈ 36.8 % left out
    const data::Standardizer st = data::Standardizer::fit(s.train.x);
    const Tensor z = st.transform(s.train.x);
    QVERIFY(mean(z, {0}).abs().max().item() < 1e-5);
    QVERIFY(std::abs(var(z, {0}, false).mean().item() - 1.0) < 1e-4);
  }

  void dataLoaderBatches() {
    data::Dataset d = data::make_classification("gaussian", 25, 0, 0);
    data::DataLoader loader(d, 10, true, false, 1);
    QCOMPARE(loader.batches_per_epoch(), std::int64_t(3));
    Tensor x, y;
    std::vector<std::int64_t> sizes;
    while (loader.next(x, y)) sizes.push_back(x.size(0));
    QCOMPARE(sizes, (std::vector<std::int64_t>{10, 10, 5}));
    data::DataLoader drop(d, 10, true, true, 1);
    QCOMPARE(drop.batches_per_epoch(), std::int64_t(2));
    QVERIFY_EXCEPTION_THROWN(data::DataLoader(d, 0), Error);
  }

  void augmentation() {
    Tensor img = zeros({1, 9, 9});
    img.index({0, 4, 6}).fill_(1.0);
    const Tensor shifted = data::affine(img, 0, -2, 0, 1.0);
    QVERIFY(std::abs(shifted.index({0, 4, 4}).item() - 1.0) < 1e-6);
    const Tensor rotated = data::affine(img, 90, 0, 0, 1.0);
    QVERIFY(std::abs(rotated.sum().item() - 1.0) < 1e-5);
    QVERIFY(rotated.index({0, 4, 6}).item() < 0.01);
    const Tensor blurred = data::blur(img);
    QVERIFY(std::abs(blurred.index({0, 4, 6}).item() - 1.0 / 9) < 1e-6);
    const Tensor bright = data::brightness_contrast(full({1, 2, 2}, 0.5), 0.2, 1.0);
    QVERIFY(std::abs(bright.mean().item() - 0.7) < 1e-6);
    Generator g(0);
    const Tensor batch = data::random_augment(rand({4, 1, 8, 8}, {}, &g), {}, g);
    QCOMPARE(batch.shape(), (Shape{4, 1, 8, 8}));
    QVERIFY(batch.max().item() <= 1.0 && batch.min().item() >= 0.0);
  }
  void polynomialFeatures() {
    const Tensor x = from_vector(std::vector<double>{-2, 0.5, 3}, {3, 1});
    const Tensor p = data::polynomial_features(x, 4);
    QCOMPARE(p.shape(), (Shape{3, 4}));
    const std::vector<double> expected = {-2, 4, -8, 16, 0.5, 0.25, 0.125, 0.0625, 3, 9, 27, 81};
    const std::vector<float> got = p.to_vector<float>();
    for (std::size_t i = 0; i < expected.size(); ++i)
      QVERIFY2(std::abs(got[i] - expected[i]) < 1e-5, qPrintable(QString("column %1: %2 vs %3").arg(i).arg(got[i]).arg(expected[i])));
    QCOMPARE(data::polynomial_features(from_vector(std::vector<double>{1, 2}, {2}), 1).shape(), (Shape{2, 1}));
    QVERIFY_EXCEPTION_THROWN(data::polynomial_features(x, 0), Error);
    QVERIFY_EXCEPTION_THROWN(data::polynomial_features(zeros({3, 2}), 2), Error);
  }

  void horizontalFlip() {
    Tensor img = zeros({2, 1, 3, 4});
    img.index({0, 0, 1, 0}).fill_(1.0);
    img.index({1, 0, 2, 1}).fill_(0.5);
    const Tensor flipped = data::hflip(img);
    QCOMPARE(flipped.shape(), img.shape());
    QCOMPARE(flipped.index({0, 0, 1, 3}).item(), 1.0);
    QCOMPARE(flipped.index({1, 0, 2, 2}).item(), 0.5);
    QCOMPARE(flipped.sum().item(), 1.5);
    QCOMPARE(data::hflip(flipped).to_vector<float>(), img.to_vector<float>());  // twice: the original
    QCOMPARE(data::hflip(img.index({0})).shape(), (Shape{1, 3, 4}));
    // Flips off by default: the same draws (and so the same images) as without the option.
    Generator a(3), b(3);
    const Tensor batch = rand({3, 1, 6, 6}, {}, &a);
    Generator g1(5), g2(5);
    data::AugmentOptions off;
    data::AugmentOptions always;
    always.flip_probability = 1.0;
    always.max_degrees = always.max_shift = always.max_scale = always.max_brightness = always.max_contrast = 0;
    QCOMPARE(data::random_augment(batch, off, g1).to_vector<float>(), data::random_augment(batch, {}, g2).to_vector<float>());
    Generator g3(5);
    const Tensor all_flipped = data::random_augment(batch, always, g3);
    const std::vector<float> want = data::hflip(batch).to_vector<float>(), got = all_flipped.to_vector<float>();
    for (std::size_t i = 0; i < want.size(); ++i) QVERIFY2(std::abs(want[i] - got[i]) < 1e-5, qPrintable(QString::number(i)));
  }
};

QTEST_APPLESS_MAIN(TestData)
#include "tst_data.moc"
