#include "settingscontroller.h"
#include "applog.h"
#include "language.h"
#include "store.h"
#include "storemanager.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHash>
#include <QQmlEngine>

namespace clc {


SettingsController::SettingsController(QObject *parent) : QObject(parent)
{
    if (StoreManager *m = StoreManager::instance())
        connect(m, &StoreManager::enrolmentChanged, this, &SettingsController::enrolmentChanged);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool SettingsController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        Q_EMIT logChanged(); // "nothing has gone wrong" is said in the language shown
    return QObject::eventFilter(watched, event);
}

QString SettingsController::language() const { return currentLanguage(); }

void SettingsController::setLanguage(const QString &lang)
{
    const QString chosen = chooseLanguage(lang);
    if (chosen == currentLanguage())
        return;
    installLanguage(chosen);
    StoreManager::current().setMeta(MetaKey::Language, chosen); // a device setting, never synced
    if (QQmlEngine *engine = qmlEngine(this))
        engine->retranslate();
    Q_EMIT languageChanged();
}

QString SettingsController::deviceName() const
{
    const QString n = StoreManager::current().meta(MetaKey::DeviceName);
    return n.isEmpty() ? QCoreApplication::translate("SettingsController", "(not enrolled)") : n;
}

QString SettingsController::role() const
{
    // The server's role names, in the reader's language.
    const QString r = StoreManager::current().meta(MetaKey::Role);
    if (r.isEmpty())
        return QCoreApplication::translate("SettingsController", "(not enrolled)");
    static const QHash<QString, const char *> labels{
        {QStringLiteral("viewer"), QT_TR_NOOP("viewer (the schedule only)")},
        {QStringLiteral("facilitator"), QT_TR_NOOP("facilitator (attendance, sessions, learners)")},
        {QStringLiteral("coordinator"), QT_TR_NOOP("coordinator (the plan and everything else)")},
        {QStringLiteral("admin"), QT_TR_NOOP("administrator")},
    };
    const auto it = labels.constFind(r);
    return it == labels.constEnd() ? r : tr(*it);
}

QString SettingsController::server() const { return StoreManager::current().meta(MetaKey::ServerUrl); }

QString SettingsController::recentLog() const
{
    const QString log = AppLog::tail(40);
    return log.isEmpty() ? tr("Nothing has gone wrong on this device.") : log;
}

} // namespace clc
