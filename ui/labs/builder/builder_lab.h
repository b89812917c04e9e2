#pragma once
// Network builder lab: the shared visual editor on its own, for shapes and the mistakes that
// break them (the missing Flatten); saves specs, exports PyTorch code. The side panel adds a VGG
// block (Conv-Conv-Pool) in one edit and sums the network up block by block (spec::block_summary);
// a network another lab asks to open (SharedNetwork::requestEdit) is applied here, once.
#include <cstdint>
#include <memory>

#include "app/lab.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace gs::nn {
class Sequential;
}

namespace gsui {

class NetworkBuilder;

class BuilderLab : public Lab {
  Q_OBJECT
 public:
  explicit BuilderLab(QWidget* parent = nullptr);
  QString pytorchCode() const override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  void reset() override;
  NetworkBuilder* builder() const { return builder_; }
  nlohmann::json sessionState() const override;
  QString restoreSessionState(const nlohmann::json& state) override;
  /// The builder does not train: its weights are those its network starts with, built by core
  /// (spec::build_model) with kWeightsSeed. Loading checks a file against the network and says
  /// whether every tensor fits (the picture does not change).
  bool hasWeights() const override { return true; }
  QString saveWeights(const QString& path) override;
  QString loadWeights(const QString& path) override;
  /// A network spec as "Save network" writes it (File → Open…).
  QString openFile(const QString& path, const nlohmann::json& json) override;
  /// The seed of the initialised network saveWeights() writes (a scenario's default seed).
  static constexpr std::uint64_t kWeightsSeed = 0;

  /// Inserts Conv2d(c, 3, padding=1)-ReLU-Conv2d(c, 3, padding=1)-ReLU-MaxPool2d(2) before the
  /// first Flatten (at the end without one), c = 2 × the out_channels of the last Conv2d before
  /// that point (16 without one): one undoable edit. What the "Add a VGG block" button does.
  void addVggBlock();
  /// The per-block table (rows: blocks then "Head"; columns: block, output shape, parameters).
  QTableWidget* blockTable() const { return blocks_; }
  QPushButton* vggButton() const { return vgg_; }

 private:
  /// The spec SharedNetwork holds for the builder, if any, as one undoable edit.
  void applyPendingEdit();
  void updateBlockTable();
  void fitBlockTable();
  /// The buttons' texts on two lines where one does not fit the panel (presentation mode at 1024 px).

  /// The network as core builds it, freshly initialised; throws the spec's problem.
  std::shared_ptr<gs::nn::Sequential> initialisedModel() const;

  NetworkBuilder* builder_;
  QPushButton* save_;
  QPushButton* load_;
  QPushButton* export_;
  QPushButton* mistake_;
  QPushButton* vgg_;
  QLabel* blocks_title_;
  QTableWidget* blocks_;
  QLabel* blocks_note_;
};

}  // namespace gsui
