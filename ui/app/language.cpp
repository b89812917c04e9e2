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

}  // namespace gsui
