#include "data/image_folder.h"

#include <png.h>
#include <turbojpeg.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

#include "util/error.h"
#include "util/error_codes.h"

namespace gs::data {
namespace {

namespace fs = std::filesystem;

std::string str(std::int64_t v) { return std::to_string(v); }


bool image_file(const fs::directory_entry& e) {
  std::error_code ec;
  if (!e.is_regular_file(ec)) return false;
  std::string ext = e.path().extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

/// The image files directly in `folder`, by name.
std::vector<fs::path> images_in(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (image_file(*it)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::uint8_t> read_file(const std::string& path) {
  std::error_code ec;
  const auto bytes = fs::file_size(path, ec);
  if (ec) throw coded_error("image_folder_unreadable", {path});
  if (static_cast<std::int64_t>(bytes) > kMaxImageFileBytes)
    throw coded_error("image_folder_file_too_large", {path, str(static_cast<std::int64_t>(bytes >> 20)), str(kMaxImageFileBytes >> 20)});
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> data(static_cast<std::size_t>(bytes));
  if (!in || !in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size())))
    throw coded_error("image_folder_unreadable", {path});
  return data;
}

void check_side(const std::string& path, std::int64_t w, std::int64_t h) {
  if (w < 1 || h < 1) throw coded_error("image_folder_no_pixels", {path});
  if (w > kMaxImageSide || h > kMaxImageSide)
    throw coded_error("image_folder_image_too_large", {path, str(w), str(h), str(kMaxImageSide)});
}

DecodedImage decode_png(const std::string& path, const std::vector<std::uint8_t>& data) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, data.data(), data.size())) {
    const std::string why = image.message;
    png_image_free(&image);
    throw coded_error("image_folder_bad_png", {path, why});
  }
  try {
    check_side(path, image.width, image.height);
  } catch (...) {
    png_image_free(&image);
    throw;
  }
  image.format = PNG_FORMAT_RGB;  // transparency composited onto white, as on paper
  DecodedImage out;
  out.width = image.width;
  out.height = image.height;
  out.rgb.resize(PNG_IMAGE_SIZE(image));
  png_color white{255, 255, 255};
  if (!png_image_finish_read(&image, &white, out.rgb.data(), 0, nullptr)) {
    const std::string why = image.message;
    png_image_free(&image);
    throw coded_error("image_folder_bad_png", {path, why});
  }
  return out;
}

DecodedImage decode_jpeg(const std::string& path, const std::vector<std::uint8_t>& data) {
  std::unique_ptr<void, int (*)(tjhandle)> handle(tjInitDecompress(), tjDestroy);
  if (!handle) throw coded_error("image_folder_bad_jpeg", {path, tjGetErrorStr2(nullptr)});
  int w = 0, h = 0, subsampling = 0, colorspace = 0;
  auto* bytes = const_cast<unsigned char*>(data.data());
  const auto size = static_cast<unsigned long>(data.size());
  if (tjDecompressHeader3(handle.get(), bytes, size, &w, &h, &subsampling, &colorspace) != 0)
    throw coded_error("image_folder_bad_jpeg", {path, tjGetErrorStr2(handle.get())});
  check_side(path, w, h);
  DecodedImage out;
  out.width = w;
  out.height = h;
  out.rgb.resize(static_cast<std::size_t>(w) * h * 3);
  // A warning (a truncated file, say) still gives an image; an error gives none.
  if (tjDecompress2(handle.get(), bytes, size, out.rgb.data(), w, 0, h, TJPF_RGB, TJFLAG_ACCURATEDCT) != 0 &&
      tjGetErrorCode(handle.get()) != TJERR_WARNING)
    throw coded_error("image_folder_bad_jpeg", {path, tjGetErrorStr2(handle.get())});
  return out;
}

/// For each output index of a resampling from n_in to n_out samples: the input indices and their
/// weights (summing to one). Shrinking averages the area each output covers; growing interpolates
/// linearly between the two nearest input centres (align_corners=False).
struct Tap {
  std::int64_t index;
  double weight;
};
std::vector<std::vector<Tap>> resample_taps(std::int64_t n_in, std::int64_t n_out) {
  std::vector<std::vector<Tap>> taps(static_cast<std::size_t>(n_out));
  const double scale = static_cast<double>(n_in) / static_cast<double>(n_out);
  for (std::int64_t o = 0; o < n_out; ++o) {
    auto& t = taps[static_cast<std::size_t>(o)];
    if (scale >= 1.0) {
      const double lo = o * scale, hi = (o + 1) * scale;
      for (auto i = static_cast<std::int64_t>(std::floor(lo)); i < std::min<std::int64_t>(n_in, static_cast<std::int64_t>(std::ceil(hi))); ++i) {
        const double cover = std::min(hi, i + 1.0) - std::max(lo, static_cast<double>(i));
        if (cover > 0) t.push_back({i, cover / scale});
      }
    } else {
      const double src = std::clamp((o + 0.5) * scale - 0.5, 0.0, static_cast<double>(n_in - 1));
      const auto i0 = static_cast<std::int64_t>(std::floor(src));
      const std::int64_t i1 = std::min(i0 + 1, n_in - 1);
      const double f = src - static_cast<double>(i0);
      t.push_back({i0, 1.0 - f});
      if (i1 != i0) t.push_back({i1, f});
    }
  }
  return taps;
}

}  // namespace

DecodedImage decode_image(const std::string& path) {
  const std::vector<std::uint8_t> data = read_file(path);
  static const std::uint8_t png_magic[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (data.size() >= 8 && std::memcmp(data.data(), png_magic, 8) == 0) return decode_png(path, data);
  if (data.size() >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return decode_jpeg(path, data);
  throw coded_error("image_folder_not_an_image", {path});
}

Tensor image_to_tensor(const DecodedImage& image, const ImageFolderOptions& options) {
  const std::int64_t c = options.channels, s = options.size, w = image.width, h = image.height;
  // The channels at full size, in [0, 1]: RGB, or PIL's luma ("L").
  std::vector<float> planes(static_cast<std::size_t>(c * h * w));  // float: a 4096² RGB image stays under 200 MiB
  for (std::int64_t p = 0; p < h * w; ++p) {
    const std::uint8_t* px = &image.rgb[static_cast<std::size_t>(3 * p)];
    if (c == 1) planes[static_cast<std::size_t>(p)] = static_cast<float>((0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2]) / 255.0);
    else
      for (std::int64_t k = 0; k < 3; ++k) planes[static_cast<std::size_t>(k * h * w + p)] = static_cast<float>(px[k] / 255.0);
  }
  // Separable resampling: the rows to s columns, then the columns to s rows.
  const auto across = resample_taps(w, s), down = resample_taps(h, s);
  std::vector<float> rows(static_cast<std::size_t>(c * h * s));
  for (std::int64_t k = 0; k < c; ++k)
    for (std::int64_t y = 0; y < h; ++y)
      for (std::int64_t x = 0; x < s; ++x) {
        double v = 0;
        for (const Tap& t : across[static_cast<std::size_t>(x)]) v += t.weight * planes[static_cast<std::size_t>((k * h + y) * w + t.index)];
        rows[static_cast<std::size_t>((k * h + y) * s + x)] = static_cast<float>(v);
      }
  Tensor resized = empty({c, s, s});
  float* out = resized.data_ptr<float>();
  for (std::int64_t k = 0; k < c; ++k)
    for (std::int64_t y = 0; y < s; ++y)
      for (std::int64_t x = 0; x < s; ++x) {
        double v = 0;
        for (const Tap& t : down[static_cast<std::size_t>(y)]) v += t.weight * rows[static_cast<std::size_t>((k * h + t.index) * s + x)];
        out[(k * s + y) * s + x] = static_cast<float>(std::clamp(v, 0.0, 1.0));
      }
  return resized;
}

std::vector<std::string> image_folder_classes(const std::string& root) {
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) throw coded_error("image_folder_missing", {root});
  std::vector<std::string> classes;
  std::int64_t folders = 0;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    if (!it->is_directory(ec2)) continue;
    if (++folders > 10 * kMaxFolderClasses) break;  // (a folder of thousands of folders is not a data set)
    if (!images_in(it->path()).empty()) classes.push_back(it->path().filename().string());
  }
  std::sort(classes.begin(), classes.end());
  if (classes.empty()) throw coded_error("image_folder_no_classes", {root});
  if (classes.size() == 1) throw coded_error("image_folder_one_class", {root, classes[0]});
  if (static_cast<std::int64_t>(classes.size()) > kMaxFolderClasses)
    throw coded_error("image_folder_too_many_classes", {root, str(static_cast<std::int64_t>(classes.size())), str(kMaxFolderClasses)});
  return classes;
}

Dataset load_image_folder(const std::string& root, const ImageFolderOptions& options) {
  GS_CHECK(options.channels == 1 || options.channels == 3, "image folder: channels must be 1 (gray) or 3 (RGB), got " + str(options.channels));
  GS_CHECK(options.size >= 4 && options.size <= 128, "image folder: size must be from 4 to 128 pixels, got " + str(options.size));
  const std::vector<std::string> classes = image_folder_classes(root);
  // Every file listed and counted before any is decoded: a folder too large is refused at once.
  std::vector<std::pair<fs::path, std::int64_t>> files;
  for (std::size_t k = 0; k < classes.size(); ++k)
    for (const fs::path& f : images_in(fs::path(root) / classes[k])) files.emplace_back(f, static_cast<std::int64_t>(k));
  const auto n = static_cast<std::int64_t>(files.size());
  const std::int64_t per_image = options.channels * options.size * options.size;
  if (n > kMaxFolderImages || n * per_image > kMaxFolderValues)
    throw coded_error("image_folder_too_many_images",
                      {root, str(n), str(std::min(kMaxFolderImages, kMaxFolderValues / per_image))});
  Dataset d;
  d.x = empty({n, options.channels, options.size, options.size});
  d.y = empty({n}, {.dtype = kInt64});
  float* x = d.x.data_ptr<float>();
  std::int64_t* y = d.y.data_ptr<std::int64_t>();
  for (std::int64_t i = 0; i < n; ++i) {
    const Tensor image = image_to_tensor(decode_image(files[static_cast<std::size_t>(i)].first.string()), options);
    std::copy_n(image.data_ptr<float>(), per_image, x + i * per_image);
    y[i] = files[static_cast<std::size_t>(i)].second;
  }
  d.class_names = classes;
  return d;
}

}  // namespace gs::data
