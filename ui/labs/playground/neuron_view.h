#pragma once
// TensorFlow Playground's network picture: every input feature and hidden neuron drawn as a small
// heat map of its output over the plane, links coloured by the sign of the weight (blue +,
// orange −) and thickened by its size, the value on hover.
#include <QGraphicsView>
#include <vector>

namespace gsui {

struct NeuronMaps {
  int resolution = 0;                                    ///< each map is resolution × resolution
  std::vector<std::vector<std::vector<double>>> layers;  ///< [column][neuron][pixels]: inputs, hidden layers, output
  std::vector<std::vector<double>> weights;              ///< [link layer] weights [out × in], row-major
};

class NeuronView : public QGraphicsView {
  Q_OBJECT
 public:
  explicit NeuronView(QWidget* parent = nullptr);
  void setMaps(const NeuronMaps& maps, const QStringList& input_names);
  int neuronCount() const { return neurons_; }
  int linkCount() const { return links_; }

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  int neurons_ = 0, links_ = 0;
};

}  // namespace gsui
