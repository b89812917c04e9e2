#include "labs/autograd/autograd_examples.h"

#include <QRegularExpression>
#include <QStringList>
#include <cmath>

#include "app/language.h"
#include "labs/autograd/autograd_lab.h"

namespace gsui {

const std::vector<AutogradExample>& autogradExamples() {
  static const std::vector<AutogradExample> list = {
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Neuron: z = sigmoid(w*x + b)"), "z = sigmoid(w*x + b)",
       {{"w", "0.5", true}, {"x", "2.0", false}, {"b", "0.1", true}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Sum of squares: y = (x**2).sum()"), "y = (x**2).sum()", {{"x", "1, 2, 3", true}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Two-layer neuron with a squared error"),
       "h = tanh(w1*x + b1)\ny = sigmoid(w2*h + b2)\nloss = (y - t)**2",
       {{"w1", "0.8", true}, {"x", "1.0", false}, {"b1", "-0.2", true}, {"w2", "1.5", true}, {"b2", "0.3", true}, {"t", "1.0", false}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Diamond: x and y used twice"), "a = x*y\nb = x + y\nz = a*b",
       {{"x", "2.0", true}, {"y", "3.0", true}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Mistake: backward() on a non-scalar"), "y = x * 2", {{"x", "1, 2, 3", true}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Mistake: nothing requires grad"), "z = w*x + b",
       {{"w", "0.5", false}, {"x", "2.0", false}, {"b", "0.1", false}}},
  };
  return list;
}

std::optional<gs::Tensor> parseLeafValue(const QString& name, const QString& text, QString& error) {
  const QStringList parts = text.split(QRegularExpression("[,\\s]+"), Qt::SkipEmptyParts);
  if (parts.isEmpty()) {
    error = AutogradLab::tr("leaf %1 has no value: type a number like 0.5 or a list like 1, 2, 3").arg(name);
    return std::nullopt;
  }
  std::vector<double> v;
  for (const QString& p : parts) {
    bool ok = false;
    const double x = p.toDouble(&ok);
    if (!ok || !std::isfinite(x)) {
      error = withKoreanParticles(AutogradLab::tr("leaf %1: “%2” is not a number").arg(name, p));
      return std::nullopt;
    }
    v.push_back(x);
  }
  if (v.size() > 16) {
    error = AutogradLab::tr("leaf %1: at most 16 values, please").arg(name);
    return std::nullopt;
  }
  return parts.size() == 1 ? gs::scalar_tensor(v[0], {.dtype = gs::kFloat64})
                           : gs::from_vector(v, {static_cast<std::int64_t>(v.size())}, {.dtype = gs::kFloat64});
}

QString leafValueAsPython(const QString& text) {
  const bool vector = text.contains(',') || text.trimmed().contains(' ');
  return vector ? "[" + text.split(QRegularExpression("[,\\s]+"), Qt::SkipEmptyParts).join(", ") + "]" : text.trimmed();
}

}  // namespace gsui
