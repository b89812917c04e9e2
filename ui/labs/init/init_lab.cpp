#include "labs/init/init_lab.h"

#include "labs/init/init_training_page.h"
#include "labs/init/layer_histograms_page.h"
#include "labs/init/scheme_grid_page.h"

namespace gsui {

InitLab::InitLab(QWidget* parent) : TabbedLab("initTabs", parent) {
  histograms_ = new LayerHistogramsPage;
  grid_ = new SchemeGridPage;
  training_ = new InitTrainingPage;
  addPage(kPages[0], histograms_);
  addPage(kPages[1], grid_);
  addPage(kPages[2], training_);
  retranslate();
}

}  // namespace gsui
