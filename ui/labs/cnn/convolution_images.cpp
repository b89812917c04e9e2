#include "labs/cnn/convolution_images.h"

#include <QImage>
#include <cmath>
#include <iterator>

#include "app/language.h"
#include "data/loaders.h"
#include "util/error.h"

namespace gsui {

ConvolutionImages::Table& ConvolutionImages::table(ImageSource source) {
  auto found = tables_.find(source);
  if (found != tables_.end()) return found->second;
  Table& t = tables_[source];
  try {
    t.x = gs::data::load_builtin(source == ImageSource::Digits ? "digits" : "fashion_mnist_test").x;
  } catch (const gs::Error&) {
    t.error = source == ImageSource::Digits
                  ? tr("The digits table (digits.csv.gz) was not found in %1.").arg(QString::fromStdString(gs::data::data_dir()))
                  : tr("Fashion-MNIST is not installed. Install Debian's package dataset-fashion-mnist "
                       "(sudo apt install dataset-fashion-mnist) or set GRADSCOPE_FASHION_MNIST_DIR; the digits and "
                       "the photos work without it.");
  }
  return t;
}

int ConvolutionImages::count(ImageSource source) {
  if (source == ImageSource::PhotoGray || source == ImageSource::PhotoColor) return int(std::size(kPhotoFiles));
  const Table& t = table(source);
  return t.x.defined() ? int(t.x.size(0)) : 0;
}

ConvolutionImage ConvolutionImages::load(ImageSource source, int index, QString& error) {
  error.clear();
  if (source == ImageSource::PhotoGray || source == ImageSource::PhotoColor)
    return photo(index, source == ImageSource::PhotoColor, error);
  const Table& t = table(source);
  if (!t.x.defined()) {
    error = t.error;
    return {};
  }
  if (index < 0 || index >= t.x.size(0)) {
    error = withKoreanParticles(tr("Image index %1 is outside 0–%2.").arg(index).arg(t.x.size(0) - 1));
    return {};
  }
  ConvolutionImage image{.scale = source == ImageSource::Digits ? 16 : 255, .source = source, .index = index};
  image.pixels = t.x.select(0, index).contiguous();  // [1, H, W]
  for (double v : image.pixels.to_vector<double>()) image.levels.push_back(int(std::lround(v * image.scale)));
  return image;
}

ConvolutionImage ConvolutionImages::photo(int index, bool color, QString& error) {
  if (index < 0 || index >= int(std::size(kPhotoFiles))) {
    error = withKoreanParticles(tr("Image index %1 is outside 0–%2.").arg(index).arg(int(std::size(kPhotoFiles)) - 1));
    return {};
  }
  const QString path = QString::fromStdString(gs::data::data_dir()) + "/" + kPhotoFiles[index];
  QImage img(path);
  if (img.isNull()) {
    error = tr("The photo %1 could not be read.").arg(path);
    return {};
  }
  img = img.convertToFormat(color ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
  const int c = color ? 3 : 1, h = img.height(), w = img.width();
  ConvolutionImage image{.scale = 255, .source = color ? ImageSource::PhotoColor : ImageSource::PhotoGray, .index = index};
  image.levels.resize(std::size_t(c * h * w));
  for (int y = 0; y < h; ++y) {
    const uchar* line = img.constScanLine(y);
    for (int x = 0; x < w; ++x)
      for (int ch = 0; ch < c; ++ch) image.levels[std::size_t((ch * h + y) * w + x)] = line[x * c + ch];
  }
  std::vector<double> values(image.levels.begin(), image.levels.end());
  image.pixels = gs::from_vector(values, {c, h, w}) / 255.0;
  return image;
}

}  // namespace gsui
