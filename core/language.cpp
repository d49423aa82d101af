#include "language.h"

#include <QCoreApplication>
#include <QTranslator>
#include <memory>

namespace clc {

QString chooseLanguage(const QString &requested)
{
    if (!requested.isEmpty())
        return requested.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("vi");
    for (const char *var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString v = qEnvironmentVariable(var);
        if (v.isEmpty())
            continue;
        return v.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("vi");
    }
    return QStringLiteral("vi");
}

namespace {
QString s_current = QStringLiteral("en");
}

QString currentLanguage() { return s_current; }

bool installLanguage(const QString &lang)
{
    static std::unique_ptr<QTranslator> current;
    s_current = lang == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("vi");
    if (current) {
        QCoreApplication::removeTranslator(current.get());
        current.reset();
    }
    // English is the source language; its file only carries plural forms ("1 session", "3 sessions").
    auto t = std::make_unique<QTranslator>();
    if (!t->load(QStringLiteral(":/i18n/clc_%1.qm").arg(lang)))
        return lang == QLatin1String("en");
    QCoreApplication::installTranslator(t.get());
    current = std::move(t);
    return true;
}

} // namespace clc
