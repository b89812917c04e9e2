#pragma once
/// Reading data files: CSV tables (plain or gzip'd) and IDX (MNIST / Fashion-MNIST format,
/// plain or gzip'd). Every error names the file, line and column (or byte offset) at fault.
#include <cstddef>
#include <string>

#include "data/dataset.h"

namespace gs::data {

/// The most a data file may hold once unpacked (256 MiB: Fashion-MNIST's training images are 45):
/// a larger file, or a small .gz that expands past it, is refused with a message naming it.
inline constexpr std::size_t kMaxDataFileBytes = std::size_t(256) << 20;

/// A CSV table: numeric columns, the last one the target. The header is either scikit-learn's
/// "N,F,class0,class1,..." (then N rows of F features and a class index), a row of column names
/// (then the targets are class indices if all are integers), or absent (`has_header` false).
Dataset load_csv(const std::string& path, bool has_header = true);

/// IDX images (magic 0x00000803, unsigned bytes, [N, rows, cols]) and labels (0x00000801).
/// Images are scaled to [0, 1] as [N, 1, rows, cols] float32.
Dataset load_idx(const std::string& images_path, const std::string& labels_path);

/// The shipped tables and Fashion-MNIST by name: "iris", "breast_cancer", "wine", "digits",
/// "fashion_mnist" (train = the 60,000 training images; `fashion_mnist_test` the 10,000 others).
Dataset load_builtin(const std::string& name);
/// Where the shipped tables are found: $GRADSCOPE_DATA_DIR, else the source tree's
/// resources/data, else the installed share/gradscope/data.
std::string data_dir();
/// Fashion-MNIST's folder (Debian's dataset-fashion-mnist): $GRADSCOPE_FASHION_MNIST_DIR or
/// /usr/share/datasets/fashion-mnist.
std::string fashion_mnist_dir();

}  // namespace gs::data
