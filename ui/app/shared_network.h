#pragma once
// The network last edited in the Network builder lab, for the labs that train one (the CNN lab's
// "From the builder"): labs do not know each other, so the builder publishes its spec here and
// a training lab reads it when the learner asks. The other way, a lab that shows a network (the
// Deep networks lab's VGG page) asks for it to be opened in the builder: requestEdit() keeps the
// spec until the builder takes it (existing, or created when the window shows it). UI thread only.
#include <QObject>
#include <nlohmann/json.hpp>
#include <optional>

namespace gsui {

class SharedNetwork : public QObject {
  Q_OBJECT
 public:
  static SharedNetwork& instance();
  /// The builder's model spec (JSON as the builder saves it); null before a builder exists.
  const nlohmann::json& spec() const { return spec_; }
  void setSpec(const nlohmann::json& spec);
  /// Asks for `spec` to be opened in the Network builder: kept as the pending edit (replacing an
  /// earlier one not yet taken), then editRequested().
  void requestEdit(const nlohmann::json& spec);
  /// The pending edit, once: it is cleared, so that it is applied exactly once.
  std::optional<nlohmann::json> takePendingEdit();

 signals:
  void specChanged();
  /// A lab asked for the pending edit to be opened (the window shows the builder, which takes it).
  void editRequested();

 private:
  SharedNetwork() = default;
  nlohmann::json spec_;
  std::optional<nlohmann::json> pending_edit_;
};

}  // namespace gsui
