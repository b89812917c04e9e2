#include "app/lab_registry.h"

#include <QCoreApplication>

#include "app/settings_keys.h"
#include "labs/activations/activations_lab.h"
#include "labs/autograd/autograd_lab.h"
#include "labs/descent/descent_lab.h"
#include "labs/optimizers/optimizers_lab.h"
#include "labs/playground/playground_lab.h"
#include "labs/builder/builder_lab.h"
#include "labs/cnn/cnn_lab.h"
#include "labs/deep/deep_lab.h"
#include "labs/generalization/generalization_lab.h"
#include "labs/gpu/gpu_lab.h"
#include "labs/losses/losses_lab.h"
#include "labs/init/init_lab.h"
#include "labs/metrics/metrics_lab.h"
#include "labs/perceptron/perceptron_lab.h"
#include "labs/tensors/tensors_lab.h"

namespace gsui {

const QVector<LabInfo>& labRegistry() {
  static const QVector<LabInfo> registry = {
      {labs::kTensors, LabGroup::Basics, QT_TRANSLATE_NOOP("LabRegistry", "Tensors"), [] { return new TensorsLab; },
       TensorsLab::presetIds()},
      {labs::kAutograd, LabGroup::Basics, QT_TRANSLATE_NOOP("LabRegistry", "Autograd"), [] { return new AutogradLab; }},
      {labs::kPerceptron, LabGroup::Neurons, QT_TRANSLATE_NOOP("LabRegistry", "Perceptron"), [] { return new PerceptronLab; }},
      {labs::kActivations, LabGroup::Neurons, QT_TRANSLATE_NOOP("LabRegistry", "Activations"), [] { return new ActivationsLab; }},
      {labs::kDescent, LabGroup::Training, QT_TRANSLATE_NOOP("LabRegistry", "Gradient descent"), [] { return new DescentLab; }},
      {labs::kLosses, LabGroup::Training, QT_TRANSLATE_NOOP("LabRegistry", "Losses"), [] { return new LossesLab; }, LossesLab::kPages},
      {labs::kInit, LabGroup::Training, QT_TRANSLATE_NOOP("LabRegistry", "Initialization"), [] { return new InitLab; }, InitLab::kPages},
      {labs::kOptimizers, LabGroup::Training, QT_TRANSLATE_NOOP("LabRegistry", "Optimizers"), [] { return new OptimizersLab; }},
      {labs::kPlayground, LabGroup::Networks, QT_TRANSLATE_NOOP("LabRegistry", "Playground"), [] { return new PlaygroundLab; }},
      {labs::kBuilder, LabGroup::Networks, QT_TRANSLATE_NOOP("LabRegistry", "Network builder"), [] { return new BuilderLab; }},
      {labs::kCnn, LabGroup::Networks, QT_TRANSLATE_NOOP("LabRegistry", "CNN"), [] { return new CnnLab; }, CnnLab::kPages},
      {labs::kDeep, LabGroup::Networks, QT_TRANSLATE_NOOP("LabRegistry", "Deep networks"), [] { return new DeepLab; }, DeepLab::kPages},
      {labs::kMetrics, LabGroup::Evaluation, QT_TRANSLATE_NOOP("LabRegistry", "Metrics"), [] { return new MetricsLab; }, MetricsLab::kPages},
      {labs::kGeneralization, LabGroup::Evaluation, QT_TRANSLATE_NOOP("LabRegistry", "Generalization"), [] { return new GeneralizationLab; }, GeneralizationLab::kPages},
      {labs::kGpu, LabGroup::Hardware, QT_TRANSLATE_NOOP("LabRegistry", "CPU vs GPU"), [] { return new GpuLab; }},
  };
  return registry;
}

const LabInfo* findLab(const QString& id) {
  for (const LabInfo& info : labRegistry())
    if (info.id == id) return &info;
  return nullptr;
}

Lab* createLab(const LabInfo& info) {
  Lab* lab = info.create();
  lab->setLabId(info.id);
  return lab;
}

QString labTitle(const LabInfo& info) { return QCoreApplication::translate("LabRegistry", info.title); }

QString groupTitle(LabGroup group) {
  switch (group) {
    case LabGroup::Basics: return QCoreApplication::translate("LabRegistry", "Basics");
    case LabGroup::Neurons: return QCoreApplication::translate("LabRegistry", "Neurons");
    case LabGroup::Training: return QCoreApplication::translate("LabRegistry", "Training");
    case LabGroup::Networks: return QCoreApplication::translate("LabRegistry", "Networks");
    case LabGroup::Evaluation: return QCoreApplication::translate("LabRegistry", "Evaluation");
    case LabGroup::Hardware: return QCoreApplication::translate("LabRegistry", "Hardware");
  }
  return {};
}

}  // namespace gsui
