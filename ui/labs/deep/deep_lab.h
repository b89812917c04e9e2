#pragma once
// The Deep networks lab (issue 12), group Networks. Three pages:
//  - shortcuts: the same depth with and without identity shortcuts (a 20-Linear MLP on the
//    spiral, a 19-convolution CNN on the digits): per-layer gradient norms at initialization and
//    during training, loss curves overlaid; y = F(x) + x, so ∂y/∂x = F'(x) + 1.
//  - vgg: the VGG pattern, Conv-Conv-Pool blocks, with each block's shapes and parameters, and
//    the network opened in the builder.
//  - transfer: the shipped base CNN (pretrained on five Fashion-MNIST classes) with its
//    convolutions frozen and a new head, fine-tuned on a few images of the five classes it never
//    saw, against the same network trained from scratch on them.
#include "app/tabbed_lab.h"

namespace gsui {

class ShortcutsPage;
class VggPage;
class TransferPage;

class DeepLab : public TabbedLab {
  Q_OBJECT
 public:
  explicit DeepLab(QWidget* parent = nullptr);
  /// The pages' ids, in tab order.
  inline static const QStringList kPages = {"shortcuts", "vgg", "transfer"};

  ShortcutsPage* shortcutsPage() const { return shortcuts_; }
  VggPage* vggPage() const { return vgg_; }
  TransferPage* transferPage() const { return transfer_; }

 private:
  ShortcutsPage* shortcuts_;
  VggPage* vgg_;
  TransferPage* transfer_;
};

}  // namespace gsui
