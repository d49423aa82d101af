#include "syncstatus.h"
#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include "vietnamese.h"
#include "error.h"
#include "formfields.h"
#include "deviceenrolment.h"
#include "enrollink.h"
#include "localfile.h"
#include "qrreader.h"
#include "httptransport.h"
#include "dbthread.h"
#include "store.h"
#include "storemanager.h"
#include "syncclient.h"

#include <QThread>

#include <QCoreApplication>
#include <QJSEngine>

namespace clc {

namespace {
SyncStatus *s_instance = nullptr;
} // namespace

SyncStatus::SyncStatus(const QString &databasePath, const StoreOptions &options, QObject *parent)
    : QObject(parent), m_path(databasePath), m_options(options), m_client(std::make_unique<sync::SyncClient>(databasePath, options))
{
    // The waiting count is the store's, counted after writes and after each run: a run's progress
    // (which carries the count from the run before) must not put back an old number.
    connect(m_client.get(), &sync::SyncClient::changed, this, &SyncStatus::changed);
    connect(m_client.get(), &sync::SyncClient::finished, this, [this](bool ok) {
        refreshPending();
        if (ok)
            Q_EMIT synced();
    });
    // Local writes come in bursts (taps): count once they pause.
    m_pendingTimer.setSingleShot(true);
    m_pendingTimer.setInterval(250);
    connect(&m_pendingTimer, &QTimer::timeout, this, &SyncStatus::refreshPending);
    if (StoreManager::instance())
        connect(StoreManager::instance(), &StoreManager::wrote, &m_pendingTimer, qOverload<>(&QTimer::start));
    // The headline is made when read: a language switch only has to say it again, at once.
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool SyncStatus::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        Q_EMIT changed();
    return QObject::eventFilter(watched, event);
}

QString SyncStatus::pendingText() const
{
    return m_pending > 0 ? SyncStatus::tr("%1 change(s) waiting", nullptr, m_pending).arg(vn::formatNumber(m_pending)) : QString();
}

void SyncStatus::refreshPending()
{
    if (!StoreManager::instance())
        return;
    StoreManager::reader().run<int>(
        this, [](Store &s) { return s.isInitialised() ? int(s.pendingChanges()) : 0; },
        [this](int n) {
            if (n == m_pending)
                return;
            m_pending = n;
            Q_EMIT changed();
        });
}

SyncStatus::~SyncStatus()
{
    // Quitting while an enrolment runs: it ends at once, and its answer goes nowhere (see enrol()).
    if (m_enrolCancel)
        m_enrolCancel->store(true);
}

void SyncStatus::setInstance(SyncStatus *instance) { s_instance = instance; }
SyncStatus *SyncStatus::instance() { return s_instance; }

SyncStatus *SyncStatus::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString SyncStatus::text() const
{
    using S = sync::SyncClient::State;
    // First, so that two lines on a phone never cut it off.
    const QString clock = sync::clockWarning(m_client->clockOffsetMs());
    const auto withClock = [&clock](const QString &line) { return clock.isEmpty() ? line : clock + QStringLiteral(". ") + line; };
    const QString last = m_client->lastSuccess().isValid()
        ? SyncStatus::tr("last synced at %1").arg(m_client->lastSuccess().toString(QStringLiteral("HH:mm")))
        : SyncStatus::tr("not synced yet");
    switch (m_client->state()) {
    case S::NotEnrolled:
        // Also what "Sync now" answers before enrolment: what to do, and that working offline is fine.
        return SyncStatus::tr("Not connected to the ward office yet: enrol on the Sync page with the code the office gives; until then everything is kept here");
    case S::Syncing: {
        // Progress in the person's units: their changes going out, the others' coming in.
        QStringList parts;
        if (m_client->progressToSend() > 0)
            parts << SyncStatus::tr("sent %1 of %2").arg(vn::formatNumber(m_client->progressSent()), vn::formatNumber(m_client->progressToSend()));
        if (m_client->progressReceived() > 0)
            parts << SyncStatus::tr("received %1").arg(vn::formatNumber(m_client->progressReceived()));
        return parts.isEmpty() ? SyncStatus::tr("Syncing…") : SyncStatus::tr("Syncing… %1").arg(parts.join(QStringLiteral(" · ")));
    }
    case S::Offline:
        if (m_client->wasCancelled())
            return withClock(SyncStatus::tr("Sync cancelled; nothing is lost, it waits for the next sync; %1").arg(last));
        return withClock(SyncStatus::tr("Offline — will retry: %1; %2").arg(m_client->errorText(), last));
    case S::Error:
        return withClock(SyncStatus::tr("Sync failed: %1").arg(m_client->errorText()));
    case S::Idle:
        return withClock(SyncStatus::tr("Up to date, %1").arg(last));
    }
    return {};
}

int SyncStatus::pending() const { return m_pending; }
bool SyncStatus::busy() const { return m_client->state() == sync::SyncClient::State::Syncing; }
bool SyncStatus::problem() const
{
    const qint64 off = m_client->clockOffsetMs();
    return m_client->state() == sync::SyncClient::State::Error || off > ClockProblemMs || off < -ClockProblemMs;
}
void SyncStatus::syncNow() { m_client->syncNow(); }
void SyncStatus::cancelSync() { m_client->cancel(); }

void SyncStatus::enrol(const QString &server, const QString &code)
{
    if (m_enrolCancel)
        return; // one at a time: the button is disabled meanwhile
    const QString path = m_path;
    const StoreOptions options = m_options;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_enrolCancel = cancel;
    Q_EMIT enrollingChanged();
    QPointer<SyncStatus> self(this);
    QThread *worker = QThread::create([self, path, options, server, code, cancel] {
        QString name, error, field;
        try {
            Store store(path, options); // its own connection, off the GUI thread
            name = sync::enrolDevice(store, server.trimmed(), code.trimmed(), QString(), cancel);
        } catch (const Error &e) {
            error = e.message();
            // The form's own two fields; a code made for another centre is the code's fault.
            const QString key = forms::key(e.field());
            field = key == QLatin1String("server") ? key : key.isEmpty() ? QString() : QStringLiteral("code");
        }
        // Answered on the GUI thread through the application, which outlives this object: there,
        // and only there, it is safe to ask whether this object still exists (the app may be quitting).
        QCoreApplication *app = QCoreApplication::instance();
        if (!app)
            return; // the app has gone
        QMetaObject::invokeMethod(app, [self, name, error, field] {
            if (!self)
                return;
            SyncStatus *const me = self.data();
            me->m_enrolCancel.reset();
            Q_EMIT me->enrollingChanged();
            if (error.isEmpty()) {
                if (StoreManager::instance())
                    StoreManager::instance()->refreshRole();
                Q_EMIT me->enrolled(name);
                me->syncNow();
            } else {
                Q_EMIT me->enrolFailed(error, field);
            }
        }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

QVariantMap SyncStatus::parseLink(const QString &text) const
{
    const std::optional<sync::EnrolLink> link = sync::parseEnrolLink(text);
    if (!link)
        return {};
    return {{QStringLiteral("server"), link->server}, {QStringLiteral("code"), link->code}};
}

QVariantMap SyncStatus::readQrPicture(const QString &pathOrUrl) const
{
    try {
        const sync::EnrolLink link = sync::enrolLinkFromPicture(localPathOf(pathOrUrl));
        return {{QStringLiteral("server"), link.server}, {QStringLiteral("code"), link.code}};
    } catch (const Error &e) {
        return {{QStringLiteral("error"), e.message()}};
    }
}

void SyncStatus::cancelEnrol()
{
    if (m_enrolCancel)
        m_enrolCancel->store(true);
}

} // namespace clc
