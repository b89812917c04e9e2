#pragma once
// The pictures the convolution page convolves: a digits 8×8 image, a Fashion-MNIST 28×28 image,
// or a 32×32 crop of one of the two shipped photographs (gray, or its 3 colour channels). Each
// comes with its integer pixel levels, so the PyTorch code can rebuild exactly the same tensor.
#include <QCoreApplication>
#include <QString>
#include <map>
#include <vector>

#include "tensor/tensor.h"

namespace gsui {

/// Where the page's input image comes from.
enum class ImageSource { Digits, FashionMnist, PhotoGray, PhotoColor };

/// One image as the page uses it.
struct ConvolutionImage {
  gs::Tensor pixels;        ///< float32 [C, H, W] = levels / scale
  std::vector<int> levels;  ///< the integer pixel levels, [C, H, W] row-major
  int scale = 1;            ///< 16 for digits (gray levels 0–16), 255 for 8-bit images
  ImageSource source = ImageSource::Digits;
  int index = 0;
  std::int64_t channels() const { return pixels.size(0); }
  std::int64_t height() const { return pixels.size(1); }
  std::int64_t width() const { return pixels.size(2); }
};

/// Loads and caches the data sets behind the sources (Fashion-MNIST's 10,000 test images are
/// read once, on first use).
class ConvolutionImages {
  Q_DECLARE_TR_FUNCTIONS(ConvolutionImages)

 public:
  /// How many images `source` offers (0 when its data is missing).
  int count(ImageSource source);
  /// Image `index` of `source`; on failure `error` says why (translated) and the result is empty.
  ConvolutionImage load(ImageSource source, int index, QString& error);

 private:
  struct Table {
    gs::Tensor x;  ///< [N, 1, H, W] in [0, 1]
    QString error;
  };
  Table& table(ImageSource source);
  ConvolutionImage photo(int index, bool color, QString& error);

  std::map<ImageSource, Table> tables_;
};

/// The shipped photographs (resources/data), in the image-index order.
inline constexpr const char* kPhotoFiles[] = {"china_crop32.ppm", "flower_crop32.ppm"};

}  // namespace gsui
