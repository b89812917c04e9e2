#pragma once
// The Augmentation page: one digit (or Fashion-MNIST) image and its augmented copies — rotated,
// shifted, zoomed, flipped, brighter, noisy, blurred — each made by core's data/augment with its
// slider, and a row of random copies as training with augmentation draws them.
#include <QVector>
#include <array>
#include <vector>

#include "app/background_job.h"
#include "labs/generalization/gen_experiments.h"
#include "labs/generalization/gen_page.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace gsui {

class ControlGroup;
class ImageTile;

class AugmentationPage : public GenPage {
  Q_OBJECT
 public:
  explicit AugmentationPage(QWidget* parent = nullptr);
  ~AugmentationPage() override;
  QString title() const override;
  QString pytorchCode() const override;
  void reset() override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  bool busy() const override { return job_.running(); }
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;

  static constexpr int kRandomCopies = 6;
  AugmentParams params() const;
  /// The image shown, [1, H, W].
  const gs::Tensor& image() const { return image_; }
  /// The pixels of a tile as drawn (row by row, [0, 1]).
  std::vector<float> tileValues(AugmentKind kind) const;
  QSlider* slider(AugmentKind kind) const;
  QComboBox* datasetBox() const { return dataset_; }
  QString note() const;

 private:
  void buildControls();
  void buildView();
  void loadDataset();
  void chooseImage();
  void redraw();

  ControlGroup *image_group_, *augment_group_;
  QComboBox* dataset_;
  QSpinBox* index_;
  QSlider *rotate_, *shift_, *zoom_, *brightness_, *noise_, *blur_;
  QLabel *dataset_label_, *index_label_, *random_heading_, *note_;
  std::array<QLabel*, 6> slider_labels_{};
  QPushButton* redraw_button_;
  std::vector<ImageTile*> tiles_, random_tiles_;
  QWidget* gallery_;

  BackgroundJob job_;
  gs::data::Dataset images_;
  gs::Tensor image_;
  std::uint64_t seed_ = 0;
  QString problem_;
};

}  // namespace gsui
