#pragma once
// Network builder lab: the shared visual editor on its own, for shapes and the mistakes that
// break them (the missing Flatten); saves specs, exports PyTorch code.
#include "app/lab.h"

class QPushButton;

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

 private:
  NetworkBuilder* builder_;
  QPushButton* save_;
  QPushButton* load_;
  QPushButton* export_;
  QPushButton* mistake_;
};

}  // namespace gsui
