#pragma once
// The network last edited in the Network builder lab, for the labs that train one (the CNN lab's
// "From the builder"): labs do not know each other, so the builder publishes its spec here and
// a training lab reads it when the learner asks. UI thread only.
#include <QObject>
#include <nlohmann/json.hpp>

namespace gsui {

class SharedNetwork : public QObject {
  Q_OBJECT
 public:
  static SharedNetwork& instance();
  /// The builder's model spec (JSON as the builder saves it); null before a builder exists.
  const nlohmann::json& spec() const { return spec_; }
  void setSpec(const nlohmann::json& spec);

 signals:
  void specChanged();

 private:
  SharedNetwork() = default;
  nlohmann::json spec_;
};

}  // namespace gsui
