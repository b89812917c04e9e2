#include "labs/cnn/cnn_page.h"

#include <QVBoxLayout>

namespace gsui {

CnnPage::CnnPage(QWidget* parent) : QWidget(parent), controls_(new QWidget) {
  auto* layout = new QVBoxLayout(controls_);
  layout->setContentsMargins(0, 0, 0, 0);
}

CnnPage::~CnnPage() {
  // The lab reparents the controls into its side panel; if it did not, they are ours.
  if (controls_ && !controls_->parent()) delete controls_;
}

QStringList CnnPage::classNames(const QString& dataset) {
  if (dataset == QLatin1String("fashion_mnist"))  // in core's (the IDX files') order
    return {tr("T-shirt/top"), tr("Trouser"), tr("Pullover"), tr("Dress"), tr("Coat"),
            tr("Sandal"), tr("Shirt"), tr("Sneaker"), tr("Bag"), tr("Ankle boot")};
  QStringList digits;
  for (int d = 0; d < 10; ++d) digits << QString::number(d);
  return digits;
}

QString CnnPage::engineProblem(const std::string& code, const std::vector<std::string>& args, const QString& message) {
  if (code == "fashion_mnist_missing" && args.size() == 1)
    return tr("Fashion-MNIST is not installed (looked in %1): install Debian's package dataset-fashion-mnist "
              "(sudo apt install dataset-fashion-mnist) or set GRADSCOPE_FASHION_MNIST_DIR. The digits work without it.")
        .arg(QString::fromStdString(args[0]));
  return message;
}

QVBoxLayout* CnnPage::controlsLayout() const { return static_cast<QVBoxLayout*>(controls_->layout()); }

}  // namespace gsui
