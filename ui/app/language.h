#pragma once
// Run-time language switching (English, Korean) with Qt Linguist translations, and the per-lab
// explanation pages (resources/explanations/<lang>/<lab>.html).
#include <QObject>
#include <QString>
#include <QTranslator>
#include <memory>

namespace gsui {

class Language : public QObject {
  Q_OBJECT
 public:
  static Language& instance();
  /// "en" or "ko". Installs the translators; widgets receive QEvent::LanguageChange.
  /// Returns false (changing nothing) for an unknown code.
  bool setLanguage(const QString& code);
  QString language() const { return code_; }
  /// The system locale's language if it is one we have, else English.
  static QString systemDefault();
  static QStringList available() { return {QStringLiteral("en"), QStringLiteral("ko")}; }
  /// The explanation page of a lab in the current language (HTML).
  QString explanation(const QString& lab_id) const;

 signals:
  void languageChanged(const QString& code);

 private:
  Language() = default;
  QString code_ = QStringLiteral("en");
  std::unique_ptr<QTranslator> app_translator_, qt_translator_;
};

/// A Korean sentence with its particles chosen for the word before them: a translation written for
/// any argument says "%1은(는)", "%1이(가)", "%1을(를)", "%1와(과)", "%1(으)로"; once %1 is known,
/// "x는", "가중치가", "0.3으로", "샌들을". Where the word's last sound cannot be told from its
/// spelling (an English word, a file name), the pair stays as written, as Korean software writes it.
/// Text without these pairs comes back unchanged.
QString withKoreanParticles(const QString& text);

}  // namespace gsui
