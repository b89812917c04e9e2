#include "labs/cnn/convolution_text.h"

#include <QFont>
#include <QFontInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <cmath>

#include "app/language.h"

namespace gsui {
namespace {

QString minus(QString s) { return s.replace('-', QChar(0x2212)); }

/// "→ output[c, y, x]", kept on one line: a wrap inside the index left "5]" alone on the next.
QString outputIndex(std::int64_t c, std::int64_t y, std::int64_t x) {
  return QString("<span style='white-space:nowrap'>→ output[%1, %2, %3]</span>").arg(c).arg(y).arg(x);
}

/// A number for Python: shortest exact form of a spin box's value ("0.111", "-1", "2.5").
QString py(double v) { return QString::number(v, 'g', 8); }

/// Text that never breaks inside: spaces made non-breaking and a word joiner (U+2060) after every
/// other character, since Qt breaks a line after "/" or "−" too and ignores an inline nowrap.
QString unbroken(const QString& html) {
  QString out;
  bool in_tag = false, in_entity = false;
  for (QChar c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag && c == '&') in_entity = true;
    if (!in_tag && !in_entity && c == ' ') {
      out += "&nbsp;";
      continue;
    }
    out += c;
    if (in_tag) {
      in_tag = c != '>';
    } else if (in_entity) {
      in_entity = c != ';';
    } else {
      out += QChar(0x2060);
    }
  }
  return out;
}

bool isCjk(QChar c) {
  switch (c.script()) {
    case QChar::Script_Hangul: case QChar::Script_Han: case QChar::Script_Hiragana: case QChar::Script_Katakana: return true;
    default: return false;
  }
}

QString sizeRuleLine(const QString& axis, std::int64_t in, std::int64_t p1, std::int64_t p2, std::int64_t d, std::int64_t k,
                     std::int64_t s, std::int64_t out, bool pooling) {
  const QString pad = p1 == p2 ? QString("2·%1").arg(p1) : QString("%1 + %2").arg(p1).arg(p2);
  const QString formula = pooling ? QString("⌊(%1 + 2P − K)/S⌋ + 1").arg(axis) : QString("⌊(%1 + 2P − D·(K−1) − 1)/S⌋ + 1").arg(axis);
  const QString numbers = pooling ? QString("⌊(%1 + %2 − %3)/%4⌋ + 1").arg(in).arg(pad).arg(k).arg(s)
                                  : QString("⌊(%1 + %2 − %3·(%4−1) − 1)/%5⌋ + 1").arg(in).arg(pad).arg(d).arg(k).arg(s);
  // The line may break only between the rule and its numbers, never inside an expression.
  return unbroken(QString("%1<sub>out</sub> = %2").arg(axis, formula)) + " " +
         unbroken(QString("= %1 = <b>%2</b>").arg(numbers, minus(QString::number(out))));
}

QString nested(const std::vector<int>& values, std::int64_t c, std::int64_t h, std::int64_t w, const QString& indent) {
  QString s = "[";
  for (std::int64_t ch = 0; ch < c; ++ch) {
    if (ch) s += ",\n" + indent + " ";
    s += "[";
    for (std::int64_t y = 0; y < h; ++y) {
      if (y) s += ",\n" + indent + "  ";
      s += "[";
      for (std::int64_t x = 0; x < w; ++x) s += (x ? ", " : "") + QString::number(values[std::size_t((ch * h + y) * w + x)]);
      s += "]";
    }
    s += "]";
  }
  return s + "]";
}

QString weightLiteral(const gs::Tensor& weight) {
  const std::vector<double> w = weight.contiguous().to_vector<double>();
  const std::int64_t o = weight.size(0), c = weight.size(1), k = weight.size(2), kw = weight.size(3);
  QString s = "[";
  for (std::int64_t a = 0; a < o; ++a) {
    s += a ? ",\n                       [" : "[";
    for (std::int64_t b = 0; b < c; ++b) {
      s += b ? ", [" : "[";
      for (std::int64_t y = 0; y < k; ++y) {
        s += y ? ", [" : "[";
        for (std::int64_t x = 0; x < kw; ++x) s += (x ? ", " : "") + py(w[std::size_t(((a * c + b) * k + y) * kw + x)]);
        s += "]";
      }
      s += "]";
    }
    s += "]";
  }
  return s + "]";
}

QString paddingArg(const ConvolutionSetup& setup) {
  if (setup.pooling()) return QString::number(setup.pool.padding[0]);
  switch (setup.conv.padding_mode) {
    case gs::PaddingMode::Valid: return "'valid'";
    case gs::PaddingMode::Same: return "'same'";
    case gs::PaddingMode::Explicit: break;
  }
  return QString::number(setup.conv.padding[0]);
}

}  // namespace

QString cellNumber(double v, int decimals) {
  if (std::isinf(v)) return v < 0 ? QStringLiteral("−∞") : QStringLiteral("∞");
  if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e4) return minus(QString::number(std::llround(v)));
  const QString s = minus(QString::number(v, 'f', std::max(0, std::abs(v) >= 10 ? decimals - 1 : decimals)));
  // A small negative value rounded to zero is zero, not "−0.0".
  return s.startsWith(QChar(0x2212)) && !s.contains(QRegularExpression("[1-9]")) ? s.mid(1) : s;
}

QString inUiFont(const QString& html) {
  const QString open = QString("<span style=\"font-family:'%1'\">").arg(QFontInfo(QGuiApplication::font()).family());
  QString out;
  QString run;  // text (no tags) not yet written
  auto flushRun = [&] {
    // Within a stretch of text: CJK words as they are, everything between them in the UI font.
    qsizetype i = 0;
    while (i < run.size()) {
      qsizetype j = i;
      const bool cjk = isCjk(run[i]);
      while (j < run.size() && isCjk(run[j]) == cjk) ++j;
      const QString part = run.mid(i, j - i);
      out += cjk || part.trimmed().isEmpty() ? part : open + part + "</span>";
      i = j;
    }
    run.clear();
  };
  bool cjk_seen = false;
  for (QChar c : html) cjk_seen = cjk_seen || isCjk(c);
  if (!cjk_seen) return html;
  bool in_tag = false;
  for (QChar c : html) {
    if (!in_tag && c == '<') {
      flushRun();
      in_tag = true;
    }
    (in_tag ? out : run) += c;
    if (in_tag && c == '>') in_tag = false;
  }
  flushRun();
  return out;
}

WindowText ConvolutionText::convProducts(const gs::ConvWindow& win, bool has_bias, int in_channels) {
  static const char* kChannel[] = {"R", "G", "B"};
  QString html = "<table cellspacing='6'><tr>";
  const std::size_t per_channel = win.terms.size() / std::size_t(std::max(1, in_channels));
  const std::int64_t kw = per_channel ? win.terms[per_channel - 1].kx + 1 : 1;
  for (int c = 0; c < in_channels; ++c) {
    html += "<td valign='top'>";
    if (in_channels > 1) html += QString("<b>%1</b><br>").arg(in_channels == 3 ? kChannel[c] : QString::number(c));
    html += "<table border='1' cellspacing='0' cellpadding='2' style='border-collapse:collapse'>";
    for (std::size_t i = 0; i < per_channel; ++i) {
      const gs::ConvTerm& t = win.terms[std::size_t(c) * per_channel + i];
      if (t.kx == 0) html += "<tr>";
      const QString w = t.weight < 0 ? "(" + cellNumber(t.weight) + ")" : cellNumber(t.weight);
      const QString cell = cellNumber(t.input) + "×" + w;
      html += QString("<td align='center' nowrap>%1</td>").arg(t.in_padding ? "<font color='#999999'>" + cell + "</font>" : cell);
      if (t.kx == kw - 1) html += "</tr>";
    }
    html += "</table></td>";
  }
  html += "</tr></table>";
  QString sum = tr("sum of products = %1").arg(cellNumber(win.sum));
  if (has_bias) sum += " " + tr("+ bias %1").arg(cellNumber(win.bias));
  return {html, QString("%1 = <b>%2</b> %3").arg(sum, cellNumber(win.output), outputIndex(win.out_channel, win.oy, win.ox))};
}

WindowText ConvolutionText::poolProducts(const gs::PoolWindow& win, bool max) {
  QString html = "<table border='1' cellspacing='0' cellpadding='4' style='border-collapse:collapse'>";
  const std::int64_t first_row = win.terms.empty() ? 0 : win.terms.front().iy;
  std::int64_t row = first_row - 1;
  for (std::size_t i = 0; i < win.terms.size(); ++i) {
    const gs::PoolTerm& t = win.terms[i];
    if (t.iy != row) {
      html += row >= first_row ? "</tr><tr>" : "<tr>";
      row = t.iy;
    }
    QString v = cellNumber(t.input);
    if (t.in_padding) v = "<font color='#999999'>" + v + "</font>";
    if (int(i) == win.winner) v = "<b><u>" + v + "</u></b>";
    html += "<td align='center' nowrap>" + v + "</td>";
  }
  html += "</tr></table>";
  const QString what = max ? tr("the largest value (underlined) = <b>%1</b>").arg(cellNumber(win.output))
                           : tr("sum %1 ÷ %2 values = <b>%3</b>").arg(cellNumber(win.sum), cellNumber(win.divisor), cellNumber(win.output));
  return {html, what + " " + outputIndex(win.channel, win.oy, win.ox)};
}

QString ConvolutionText::outputSizeRule(const ConvolutionSetup& setup) {
  const auto k = setup.kernelSize();
  std::int64_t h = setup.image.height(), w = setup.image.width();
  QStringList lines;
  if (setup.pooling()) {
    const auto s = setup.pool.stride == std::array<std::int64_t, 2>{0, 0} ? setup.pool.kernel_size : setup.pool.stride;
    const auto out = gs::pool2d_output_size({h, w}, setup.pool);
    const auto& p = setup.pool.padding;
    lines << sizeRuleLine("H", h, p[0], p[0], 1, k[0], s[0], out[0], true);
    if (w != h || k[1] != k[0] || s[1] != s[0] || p[1] != p[0]) lines << sizeRuleLine("W", w, p[1], p[1], 1, k[1], s[1], out[1], true);
    return lines.join("<br>");
  }
  if (setup.conv.padding_mode == gs::PaddingMode::Same && (setup.conv.stride[0] != 1 || setup.conv.stride[1] != 1))
    return tr("padding='same' needs stride 1.");
  const gs::Padding2d p = gs::conv2d_padding(k, setup.conv);
  const auto out = gs::conv2d_output_size({h, w}, k, setup.conv);
  const auto& a = setup.conv;
  lines << sizeRuleLine("H", h, p.top, p.bottom, a.dilation[0], k[0], a.stride[0], out[0], false);
  if (w != h || k[1] != k[0] || a.stride[1] != a.stride[0] || p.left != p.top || p.right != p.bottom || a.dilation[1] != a.dilation[0])
    lines << sizeRuleLine("W", w, p.left, p.right, a.dilation[1], k[1], a.stride[1], out[1], false);
  return lines.join("<br>");
}

QString ConvolutionText::problem(const ConvolutionFailure& f, const ConvolutionSetup& setup) {
  const auto k = setup.kernelSize();
  QString text;
  switch (f.check.problem) {
    case gs::WindowProblem::KernelLargerThanInput:
      text = tr("The kernel does not fit: it spans %1×%2 input cells (kernel %3×%4, dilation %5), but the padded input "
                "is only %6×%7, so the rule gives %8×%9 outputs. Use a smaller kernel or dilation, or more padding.")
                 .arg(f.check.extent[0]).arg(f.check.extent[1]).arg(k[0]).arg(k[1])
                 .arg(setup.pooling() ? 1 : setup.conv.dilation[0])
                 .arg(f.check.padded[0]).arg(f.check.padded[1])
                 .arg(minus(QString::number(f.check.output[0])), minus(QString::number(f.check.output[1])));
      break;
    case gs::WindowProblem::SameWithStride:
      text = tr("padding='same' keeps the output as large as the input, which only stride 1 can do: set the stride to 1, "
                "or give the padding as a number.");
      break;
    case gs::WindowProblem::PoolPaddingOverHalf:
      text = tr("Pooling padding %1 is more than half the kernel size %2: a window could see nothing but padding. "
                "Use a padding of at most %3.")
                 .arg(setup.pool.padding[0]).arg(k[0]).arg(k[0] / 2);
      text = withKoreanParticles(text);
      break;
    case gs::WindowProblem::None:
      text = QString::fromStdString(f.what).section("\n(PyTorch:", 0, 0).toHtmlEscaped();
      break;
  }
  QString html = "<b>" + text + "</b>";
  if (!f.torch_message.empty())
    html += "<br>" + tr("PyTorch says:") + " <tt>" + QString::fromStdString(f.torch_message).toHtmlEscaped() + "</tt>";
  return html + "<br><i>" + tr("The picture keeps the last setting that worked.") + "</i>";
}

QString ConvolutionText::pytorchCode(const ConvolutionSetup& setup, std::int64_t cell_channel, std::int64_t oy, std::int64_t ox) {
  const ConvolutionImage& img = setup.image;
  static const char* kSource[] = {"digits test image", "Fashion-MNIST test image", "gray photo crop", "colour photo crop"};
  QString code = "import torch\nimport torch.nn.functional as F\nfrom torch import nn\n\n";
  code += QString("# %1 %2: [N, C, H, W] = [1, %3, %4, %5], pixel levels 0–%6 scaled to [0, 1]\n")
              .arg(kSource[int(img.source)]).arg(img.index).arg(img.channels()).arg(img.height()).arg(img.width()).arg(img.scale);
  code += "levels = " + nested(img.levels, img.channels(), img.height(), img.width(), "         ") + "\n";
  code += QString("x = torch.tensor(levels, dtype=torch.float32).unsqueeze(0) / %1\n").arg(img.scale);
  const auto k = setup.kernelSize();
  if (setup.pooling()) {
    const bool max = setup.operation == ConvOperation::MaxPool;
    const auto s = setup.pool.stride == std::array<std::int64_t, 2>{0, 0} ? setup.pool.kernel_size : setup.pool.stride;
    const QString args = QString("kernel_size=%1, stride=%2, padding=%3").arg(k[0]).arg(s[0]).arg(paddingArg(setup));
    code += QString("y = F.%1(x, %2)\n").arg(max ? "max_pool2d" : "avg_pool2d", args);
    code += QString("\n# The same as a layer:\npool = nn.%1(%2)\nprint(torch.equal(pool(x), y))  # True\n")
                .arg(max ? "MaxPool2d" : "AvgPool2d", args);
  } else {
    const auto& a = setup.conv;
    const QString args = QString("stride=%1, padding=%2, dilation=%3").arg(a.stride[0]).arg(paddingArg(setup)).arg(a.dilation[0]);
    QStringList bias;
    for (double b : setup.bias.to_vector<double>()) bias << py(b);
    code += QString("# weight [out_channels, in_channels, kH, kW] = [%1, %2, %3, %4]\n")
                .arg(setup.weight.size(0)).arg(setup.weight.size(1)).arg(k[0]).arg(k[1]);
    code += "weight = torch.tensor(" + weightLiteral(setup.weight) + ")\n";
    code += "bias = torch.tensor([" + bias.join(", ") + "])\n";
    code += QString("y = F.conv2d(x, weight, bias, %1)\n").arg(args);
    code += QString("\n# The same as a layer, with these weights copied in:\nconv = nn.Conv2d(%1, %2, kernel_size=%3, %4)\n")
                .arg(setup.weight.size(1)).arg(setup.weight.size(0)).arg(k[0]).arg(args);
    code += "with torch.no_grad():\n    conv.weight.copy_(weight)\n    conv.bias.copy_(bias)\n";
    code += "print(torch.allclose(conv(x), y))  # True\n";
  }
  code += "\nprint(y.shape)\n";
  if (cell_channel >= 0) code += QString("print(y[0, %1, %2, %3].item())  # the highlighted cell\n").arg(cell_channel).arg(oy).arg(ox);
  return code;
}

}  // namespace gsui
