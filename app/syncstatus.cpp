#include "syncstatus.h"
#include "syncclient.h"

#include <QCoreApplication>
#include <QJSEngine>

namespace clc {

namespace {
SyncStatus *s_instance = nullptr;
QString tr(const char *s) { return QCoreApplication::translate("SyncStatus", s); }
} // namespace

SyncStatus::SyncStatus(const QString &databasePath, QObject *parent)
    : QObject(parent), m_client(std::make_unique<sync::SyncClient>(databasePath))
{
    connect(m_client.get(), &sync::SyncClient::changed, this, &SyncStatus::changed);
}

SyncStatus::~SyncStatus() = default;

void SyncStatus::setInstance(SyncStatus *instance) { s_instance = instance; }

SyncStatus *SyncStatus::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString SyncStatus::text() const
{
    using S = sync::SyncClient::State;
    const QString last = m_client->lastSuccess().isValid()
        ? tr("last synced at %1").arg(m_client->lastSuccess().toString(QStringLiteral("HH:mm")))
        : tr("not synced yet");
    switch (m_client->state()) {
    case S::NotEnrolled:
        return tr("Not connected to the ward office yet");
    case S::Syncing:
        return tr("Syncing…");
    case S::Offline:
        return tr("Offline — will retry; %1").arg(last);
    case S::Error:
        return tr("Sync failed: %1").arg(m_client->errorText());
    case S::Idle:
        return tr("Up to date, %1").arg(last);
    }
    return {};
}

int SyncStatus::pending() const { return m_client->pending(); }
bool SyncStatus::busy() const { return m_client->state() == sync::SyncClient::State::Syncing; }
bool SyncStatus::problem() const { return m_client->state() == sync::SyncClient::State::Error; }
void SyncStatus::syncNow() { m_client->syncNow(); }

} // namespace clc
