#pragma once
// The CNN lab's first page: a convolution (or a pooling) stepped one output cell at a time. The
// window moves over the padded input per Step / Play; the products, their sum and the cell they
// fill are shown below; the output map fills in; the output-size rule is computed live beside
// it; an impossible setting shows PyTorch's error and changes nothing.
#include <QTimer>

#include "labs/cnn/cnn_page.h"
#include "labs/cnn/convolution_images.h"
#include "labs/cnn/convolution_model.h"
#include "labs/cnn/convolution_text.h"

class QFrame;
class QGroupBox;
class QLabel;
class QScrollArea;

namespace gsui {

class ConvolutionCanvas;
class ConvolutionControls;
class ConvolutionKernelEditor;

class ConvolutionPage : public CnnPage {
  Q_OBJECT
 public:
  explicit ConvolutionPage(QWidget* parent = nullptr);
  ~ConvolutionPage() override;
  QString title() const override;
  QString pytorchCode() const override;
  void step() override;
  /// Until every output cell is filled.
  bool canStep() const override { return !model_.finished(); }
  void reset() override;
  void setPlaying(bool playing) override;
  QList<QPair<QString, QWidget*>> exportablePlots() const override;
  void retranslate() override;
  void applyAppearance() override;
  void setCurrent(bool current) override;

  const ConvolutionModel& model() const { return model_; }
  ConvolutionCanvas* canvas() const { return canvas_; }
  /// The refusal on screen now (empty when the setting works).
  QString errorText() const;
  bool playing() const { return timer_.isActive(); }

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void buildView();
  void connectControls();
  /// Loads the chosen image; a source that cannot load goes back to the previous one.
  void loadImage();
  /// Turns the controls into a setup and gives it to the model; shows a refusal instead.
  void recompute();
  /// Redraws everything from the model: window, products, rule, titles, code.
  void refresh();
  void showProblem(const QString& html);
  void showWindowText(const WindowText& text);
  void fitProducts();
  void updateTitles();
  void playTick();
  ConvolutionSetup requestedSetup() const;

  ConvolutionModel model_;
  ConvolutionImages images_;
  ConvolutionImage image_;
  ConvolutionControls* panel_;  ///< the choices in the side panel
  ConvolutionKernelEditor* editor_;
  ConvolutionCanvas* canvas_;
  QGroupBox* kernel_box_;
  QGroupBox* window_box_;
  QFrame* rule_box_;
  QScrollArea* products_scroll_;
  QLabel* product_table_;
  QLabel* products_;  ///< the window's sum and the cell it fills
  QLabel* rule_;
  QLabel* error_;
  QTimer timer_;
};

}  // namespace gsui
