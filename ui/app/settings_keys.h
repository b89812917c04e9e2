#pragma once
// Every QSettings key and lab id in one place.
#include <QString>

namespace gsui::keys {
inline const QString kGeometry = QStringLiteral("window/geometry");
inline const QString kWindowState = QStringLiteral("window/state");
inline const QString kLastLab = QStringLiteral("lab/last");
inline const QString kLanguage = QStringLiteral("ui/language");
inline const QString kTheme = QStringLiteral("ui/theme");
inline const QString kPresentationScale = QStringLiteral("presentation/scale");
}  // namespace gsui::keys

namespace gsui::labs {
inline const QString kTensors = QStringLiteral("tensors");
inline const QString kActivations = QStringLiteral("activations");
inline const QString kPerceptron = QStringLiteral("perceptron");
inline const QString kAutograd = QStringLiteral("autograd");
inline const QString kDescent = QStringLiteral("descent");
inline const QString kOptimizers = QStringLiteral("optimizers");
inline const QString kPlayground = QStringLiteral("playground");
inline const QString kBuilder = QStringLiteral("builder");
inline const QString kCnn = QStringLiteral("cnn");
inline const QString kGpu = QStringLiteral("gpu");
inline const QString kLosses = QStringLiteral("losses");
inline const QString kInit = QStringLiteral("init");
inline const QString kDeep = QStringLiteral("deep");
inline const QString kMetrics = QStringLiteral("metrics");
inline const QString kGeneralization = QStringLiteral("generalization");
}  // namespace gsui::labs
