#include "labs/deep/deep_lab.h"

#include "labs/deep/shortcuts_page.h"
#include "labs/deep/transfer_page.h"
#include "labs/deep/vgg_page.h"

namespace gsui {

DeepLab::DeepLab(QWidget* parent) : TabbedLab("deepTabs", parent) {
  shortcuts_ = new ShortcutsPage;
  vgg_ = new VggPage;
  transfer_ = new TransferPage;
  addPage(kPages[0], shortcuts_);
  addPage(kPages[1], vgg_);
  addPage(kPages[2], transfer_);
  retranslate();
}

}  // namespace gsui
