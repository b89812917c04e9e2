#pragma once
// Network builder lab: the shared visual editor on its own, for shapes and the mistakes that
// break them (the missing Flatten); saves specs, exports PyTorch code.
#include <cstdint>
#include <memory>

#include "app/lab.h"

class QPushButton;

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
  /// The seed of the initialised network saveWeights() writes (a scenario's default seed).
  static constexpr std::uint64_t kWeightsSeed = 0;

 private:
  /// The network as core builds it, freshly initialised; throws the spec's problem.
  std::shared_ptr<gs::nn::Sequential> initialisedModel() const;

  NetworkBuilder* builder_;
  QPushButton* save_;
  QPushButton* load_;
  QPushButton* export_;
  QPushButton* mistake_;
};

}  // namespace gsui
