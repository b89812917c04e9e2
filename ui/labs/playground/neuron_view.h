#pragma once
// TensorFlow Playground's network picture: every input feature and hidden neuron drawn as a small
// heat map of its output over the plane, links coloured by the sign of the weight (blue +,
// orange −) and thickened by its size, the value on hover. When editable, "+" / "−" above each
// hidden column add or remove a neuron, and above the picture a hidden layer.
#include <QGraphicsView>
#include <QMap>
#include <vector>

#include "train/probe.h"

namespace gsui {

/// Every neuron's output over the plane and the weights between them (computed in core).
using NeuronMaps = gs::train::NeuronMaps;

class NeuronView : public QGraphicsView {
  Q_OBJECT
 public:
  explicit NeuronView(QWidget* parent = nullptr);
  void setMaps(const NeuronMaps& maps, const QStringList& input_names);
  int neuronCount() const { return neurons_; }
  int linkCount() const { return links_; }
  /// Shows the "+" / "−" buttons (off while the network comes from the builder).
  void setEditable(bool editable) {
    editable_ = editable;
    redraw();
  }
  /// Where a button is, in scene coordinates: `layer` −1 for the hidden-layer buttons (tests).
  QPointF buttonCentre(int layer, int delta) const;

 signals:
  void neuronsChangeRequested(int hidden_layer, int delta);
  void layersChangeRequested(int delta);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  struct PictureLayout;  ///< where each neuron's box goes
  /// Lays the picture out again for the view's size and font.
  void redraw();
  double buttonDiameter() const;
  void drawLinks(const NeuronMaps& maps, const PictureLayout& layout);
  void drawNeurons(const NeuronMaps& maps, const QStringList& input_names, const PictureLayout& layout);
  void drawButtons(const PictureLayout& layout);

  NeuronMaps maps_;
  QStringList input_names_;
  int neurons_ = 0, links_ = 0;
  bool editable_ = true;
  QMap<QPair<int, int>, QPointF> buttons_;  ///< (layer, delta) → centre
};

}  // namespace gsui
