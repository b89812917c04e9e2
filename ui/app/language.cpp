#include "app/language.h"

#include <QApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>

namespace gsui {

Language& Language::instance() {
  static Language l;
  return l;
}

QString Language::systemDefault() {
  return QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

bool Language::setLanguage(const QString& code) {
  if (!available().contains(code)) return false;
  if (app_translator_) QApplication::removeTranslator(app_translator_.get());
  if (qt_translator_) QApplication::removeTranslator(qt_translator_.get());
  app_translator_.reset();
  qt_translator_.reset();
  if (code != QLatin1String("en")) {
    auto app = std::make_unique<QTranslator>();
    if (app->load(QStringLiteral(":/i18n/gradscope_%1.qm").arg(code))) {
      QApplication::installTranslator(app.get());
      app_translator_ = std::move(app);
    }
    // Qt's own strings (dialog buttons) from Debian's qt6-translations-l10n, when installed.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
      QApplication::installTranslator(qt.get());
      qt_translator_ = std::move(qt);
    }
  }
  const bool changed = code != code_;
  code_ = code;
  if (changed) emit languageChanged(code);
  return true;
}

QString Language::explanation(const QString& lab_id) const {
  QFile f(QStringLiteral(":/explanations/%1/%2.html").arg(code_, lab_id));
  if (!f.open(QIODevice::ReadOnly)) {
    QFile en(QStringLiteral(":/explanations/en/%1.html").arg(lab_id));
    if (!en.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(en.readAll());
  }
  return QString::fromUtf8(f.readAll());
}

namespace {

/// How the word ending just before `at` ends when said aloud: 0 no final consonant, 1 a final
/// consonant, 2 the final ㄹ; -1 where the spelling does not tell.
int finalSound(const QString& text, qsizetype at) {
  qsizetype i = at - 1;
  // (past closing quotes and brackets: "'x'이(가)" reads the x)
  while (i >= 0 && QStringLiteral("'\"”’)]}>`").contains(text[i])) --i;
  if (i < 0) return -1;
  const char16_t c = text[i].unicode();
  if (c >= 0xAC00 && c <= 0xD7A3) {
    const int jong = (c - 0xAC00) % 28;
    return jong == 0 ? 0 : jong == 8 ? 2 : 1;
  }
  if (c >= '0' && c <= '9') {
    // Said as Sino-Korean numbers: 영/십/백/천/만 (0 at the end), 일, 이, 삼, 사, 오, 육, 칠, 팔, 구.
    static constexpr int kDigit[10] = {1, 2, 0, 1, 0, 0, 1, 2, 2, 0};
    return kDigit[c - '0'];
  }
  // A letter on its own (a variable: x, w, b), said by its Korean name: 엘 ends in ㄹ, 엠 and 엔 in
  // a consonant, the rest (엑스, 에이, 아르 …) in a vowel.
  const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (letter && (i == 0 || !text[i - 1].isLetterOrNumber() && text[i - 1] != '_' && text[i - 1] != '.')) {
    const char16_t lower = c | 0x20;
    return lower == 'l' ? 2 : lower == 'm' || lower == 'n' ? 1 : 0;
  }
  return -1;
}

}  // namespace

QString withKoreanParticles(const QString& text) {
  struct Pair {
    QStringView written;
    QStringView after_consonant, after_vowel, after_rieul;
  };
  static const Pair kPairs[] = {
      {u"이(가)", u"이", u"가", u"이"}, {u"은(는)", u"은", u"는", u"은"}, {u"을(를)", u"을", u"를", u"을"},
      {u"와(과)", u"과", u"와", u"과"}, {u"과(와)", u"과", u"와", u"과"}, {u"(으)로", u"으로", u"로", u"로"},
  };
  if (!text.contains(u'(')) return text;
  QString out;
  out.reserve(text.size());
  for (qsizetype i = 0; i < text.size();) {
    bool replaced = false;
    for (const Pair& p : kPairs) {
      if (!QStringView(text).sliced(i).startsWith(p.written)) continue;
      const int sound = finalSound(text, i);
      if (sound < 0) break;
      out += sound == 0 ? p.after_vowel : sound == 2 ? p.after_rieul : p.after_consonant;
      i += p.written.size();
      replaced = true;
      break;
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

}  // namespace gsui
