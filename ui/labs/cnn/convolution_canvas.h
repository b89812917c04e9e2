#pragma once
// The convolution page's picture: the (padded) input, one grid per channel, with the kernel's
// window outlined, and the output map beside it filling in cell by cell. Padding is drawn dashed
// and grey; values are written in the cells when the cells are large enough, otherwise the grey
// level alone shows them. Clicking an output cell asks the page to jump there.
#include <QStringList>
#include <QWidget>
#include <utility>
#include <vector>

namespace gsui {

class ConvolutionModel;

/// An input cell the window reads (highlighted), in unpadded coordinates.
struct CanvasTap {
  std::int64_t channel = 0, iy = 0, ix = 0;
  bool winner = false;  ///< max pooling: the value that wins
};

class ConvolutionCanvas : public QWidget {
  Q_OBJECT
 public:
  explicit ConvolutionCanvas(QWidget* parent = nullptr);
  /// The model to draw (not owned; it outlives the canvas).
  void setModel(const ConvolutionModel* model);
  /// The taps of the highlighted window (empty: no window).
  void setTaps(std::vector<CanvasTap> taps);
  /// Titles above the input and output grids (translated by the page), one per channel.
  void setTitles(const QStringList& inputs, const QStringList& outputs);
  /// The centre of output cell [channel, oy, ox] in widget coordinates (tests click it).
  QPoint outputCellCentre(std::int64_t channel, std::int64_t oy, std::int64_t ox) const;
  /// Whether the cells are large enough for their values to be written in them (legibly, with
  /// fewer decimals if need be).
  bool showsNumbers() const;
  QSize minimumSizeHint() const override { return {240, 160}; }

 signals:
  void cellClicked(std::int64_t channel, std::int64_t oy, std::int64_t ox);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  /// Where each grid goes for the current size: one row (inputs → outputs) or two (inputs
  /// above outputs), whichever gives larger cells.
  struct Layout {
    double cell = 0;
    std::vector<QPointF> inputs, outputs;  ///< top-left of each grid
    QPointF arrow_from, arrow_to;
  };
  /// How values are written in cells of this size: the largest font (up to the widget's) in
  /// which the widest value fits with a margin, with 2 decimals, else 1; none when even that
  /// font would be smaller than legible.
  struct CellText {
    QFont font;
    int decimals = 2;
    bool show = false;
  };
  CellText cellText(double cell, const std::vector<double>& values) const;
  /// The inputs' and the outputs' (each side chooses its own decimals).
  std::pair<CellText, CellText> cellTexts(double cell) const;
  Layout layout() const;
  int titleHeight() const;
  void paintInput(QPainter& p, const Layout& l, const CellText& text) const;
  void paintOutput(QPainter& p, const Layout& l, const CellText& text) const;
  void paintCell(QPainter& p, const QRectF& r, double value, double lo, double hi, const CellText& text) const;

  const ConvolutionModel* model_ = nullptr;
  std::vector<CanvasTap> taps_;
  QStringList input_titles_, output_titles_;
};

}  // namespace gsui
