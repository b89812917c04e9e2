#pragma once
// The learner's own images in torchvision's ImageFolder layout: a folder with one subfolder per
// class, each holding PNG or JPEG files (root/cat/1.png, root/dog/7.jpg). Classes are the
// subfolders' names in sorted order (class i is the i-th name), as torchvision numbers them.
// Each image is decoded (libpng, libjpeg-turbo), made gray (PIL's "L": 0.299 R + 0.587 G +
// 0.114 B) or RGB, resized to size × size as torchvision's Resize((size, size)) does (stretched;
// area-averaged when shrinking, bilinear when growing) and scaled to [0, 1] as ToTensor does.
//
// Everything that can be wrong is checked with a limit and said with a code naming the folder or
// the file: no folder, no class folder, one class, too many classes or images, a file that is
// too large, not an image, or cannot be decoded.
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace gs::data {

inline constexpr std::int64_t kMaxFolderClasses = 100;
inline constexpr std::int64_t kMaxFolderImages = 20000;
inline constexpr std::int64_t kMaxImageFileBytes = std::int64_t(32) << 20;
inline constexpr std::int64_t kMaxImageSide = 4096;  // (decoded RGB 48 MiB, its float planes 192 MiB)
/// The largest data set read: images × channels × size² values (4 bytes each).
inline constexpr std::int64_t kMaxFolderValues = std::int64_t(64) << 20;

struct ImageFolderOptions {
  std::int64_t channels = 1;  ///< 1 (gray) or 3 (RGB)
  std::int64_t size = 28;     ///< images become size × size (4 to 128)
};

/// The class folders of `root`: its subfolders that hold at least one .png, .jpg or .jpeg file,
/// sorted by name. Throws (codes image_folder_*) naming `root` when there is no such folder, no
/// class folder, a single one, or more than kMaxFolderClasses.
std::vector<std::string> image_folder_classes(const std::string& root);

/// Every image of every class, [N, channels, size, size] in [0, 1], with the class names. Files
/// directly in a class folder are read in name order; other files are ignored. Throws naming the
/// file that cannot be read (nothing is returned half-read).
Dataset load_image_folder(const std::string& root, const ImageFolderOptions& options);

/// One image file decoded: 8-bit RGB pixels row by row.
struct DecodedImage {
  std::int64_t width = 0, height = 0;
  std::vector<std::uint8_t> rgb;  ///< width × height × 3
};
/// Decodes a PNG or JPEG file (by its first bytes, whatever its name). Throws
/// image_folder_bad_image naming the file and the reason.
DecodedImage decode_image(const std::string& path);
/// A decoded image as a [channels, size, size] float32 tensor in [0, 1].
Tensor image_to_tensor(const DecodedImage& image, const ImageFolderOptions& options);

}  // namespace gs::data
