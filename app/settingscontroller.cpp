#include "settingscontroller.h"
#include "language.h"
#include "store.h"
#include "storemanager.h"

#include <QCoreApplication>
#include <QQmlEngine>

namespace clc {


SettingsController::SettingsController(QObject *parent) : QObject(parent) {}

QString SettingsController::language() const { return currentLanguage(); }

void SettingsController::setLanguage(const QString &lang)
{
    const QString chosen = chooseLanguage(lang);
    if (chosen == currentLanguage())
        return;
    installLanguage(chosen);
    StoreManager::current().setMeta(QStringLiteral("language"), chosen); // a device setting, never synced
    if (QQmlEngine *engine = qmlEngine(this))
        engine->retranslate();
    Q_EMIT languageChanged();
}

QString SettingsController::deviceName() const
{
    const QString n = StoreManager::current().meta(QStringLiteral("device_name"));
    return n.isEmpty() ? QCoreApplication::translate("SettingsController", "(not enrolled)") : n;
}

QString SettingsController::role() const
{
    const QString r = StoreManager::current().meta(QStringLiteral("role"));
    return r.isEmpty() ? QCoreApplication::translate("SettingsController", "(not enrolled)") : r;
}

QString SettingsController::server() const { return StoreManager::current().meta(QStringLiteral("server_url")); }

} // namespace clc
