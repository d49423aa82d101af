#include "syncclient.h"
#include "error.h"
#include "httptransport.h"
#include "store.h"
#include "syncsession.h"
#include "translate.h"

#include <QNetworkInformation>
#include <algorithm>
#include <QRandomGenerator>
#include <QThread>

namespace clc::sync {

SyncClient::SyncClient(const QString &databasePath, StoreOptions options, QObject *parent)
    : QObject(parent), m_path(databasePath), m_options(std::move(options))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncClient::syncNow);
    // Where the platform can tell us the network is back, sync then; elsewhere the retries probe.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this, [this](QNetworkInformation::Reachability r) {
            if (r == QNetworkInformation::Reachability::Online && m_state == State::Offline && !m_wasCancelled)
                syncNow();
        });
    }
}

SyncClient::~SyncClient()
{
    // Closing the app mid-sync ends the exchange at once rather than waiting out a silent server.
    if (m_cancel)
        m_cancel->store(true);
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void SyncClient::setBackoff(int initialMs, int maxMs)
{
    m_initialMs = initialMs;
    m_maxMs = maxMs;
}

void SyncClient::setTimeouts(int connectMs, int stallMs)
{
    m_connectMs = connectMs;
    m_stallMs = stallMs;
}

void SyncClient::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_again = false; // a queued "once more" is cancelled with it
}

void SyncClient::syncNow()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_retry.stop();
    start();
}

void SyncClient::start()
{
    m_running = true;
    m_state = State::Syncing;
    m_sent = m_toSend = m_received = 0;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    Q_EMIT changed();
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
    const QString path = m_path;
    const StoreOptions options = m_options;
    const auto cancel = m_cancel;
    const int connectMs = m_connectMs, stallMs = m_stallMs;
    m_worker = QThread::create([this, path, options, cancel, connectMs, stallMs] {
        int state = int(State::Idle);
        QString error;
        int pending = 0;
        qint64 serverTime = 0, lastOk = 0;
        bool cancelled = false;
        std::unique_ptr<Store> store;
        try {
            store = std::make_unique<Store>(path, options);
            // The last success may be older than this process (a `clc sync`, an earlier run).
            lastOk = store->meta(MetaKey::LastSyncOk).toLongLong();
            const QString server = store->meta(MetaKey::ServerUrl);
            const QString token = store->meta(MetaKey::Token);
            if (!store->isInitialised() || server.isEmpty() || token.isEmpty()) {
                state = int(State::NotEnrolled);
            } else {
                SyncSession::useToken(*store, token);
                const int toSend = int(store->pendingChanges());
                QMetaObject::invokeMethod(this, [this, toSend] { onProgress(0, toSend, 0); }, Qt::QueuedConnection);
                HttpTransport http(QUrl(server), token, HttpTransportOptions{stallMs, store->meta(MetaKey::ServerCa), cancel, connectMs});
                SyncSession session(*store, http);
                session.onProgress = [this, toSend](const SyncSummary &s) {
                    const int sent = s.pushedChanges, received = s.pulledChanges;
                    QMetaObject::invokeMethod(this, [this, sent, toSend, received] { onProgress(sent, toSend, received); }, Qt::QueuedConnection);
                };
                serverTime = session.run().serverTime;
                store->setMeta(MetaKey::LastSyncOk, QDateTime::currentMSecsSinceEpoch());
            }
        } catch (const TransportCancelled &) {
            state = int(State::Offline);
            cancelled = true;
            error = Tr::tr("cancelled");
        } catch (const TransportError &e) {
            state = int(State::Offline);
            error = QString::fromStdString(e.what());
        } catch (const Error &e) {
            state = int(State::Error);
            error = e.describe();
        }
        try {
            if (store)
                pending = int(store->pendingChanges());
        } catch (const Error &) {
        }
        QMetaObject::invokeMethod(this, [=] { onFinished(state, error, pending, serverTime, lastOk, cancelled); }, Qt::QueuedConnection);
    });
    m_worker->start();
}

void SyncClient::onProgress(int sent, int toSend, int received)
{
    if (!m_running)
        return;
    m_sent = sent;
    m_toSend = toSend;
    m_received = received;
    Q_EMIT changed();
}

void SyncClient::onFinished(int state, const QString &error, int pending, qint64 serverTime, qint64 lastOkMs, bool cancelled)
{
    m_cancel.reset();
    m_wasCancelled = cancelled;
    if (!m_lastSuccess.isValid() && lastOkMs > 0)
        m_lastSuccess = QDateTime::fromMSecsSinceEpoch(lastOkMs);
    m_running = false;
    m_state = State(state);
    m_errorText = error;
    m_pending = pending;
    const bool ok = m_state == State::Idle;
    if (ok) {
        m_attempt = 0;
        m_lastSuccess = QDateTime::currentDateTime(); // the last *successful* sync, never the last attempt
        if (serverTime)
            m_clockOffsetMs = serverTime - QDateTime::currentMSecsSinceEpoch();
    } else if (m_state == State::Offline && !cancelled) {
        scheduleRetry();
    }
    Q_EMIT changed();
    Q_EMIT finished(ok);
    if (m_again) {
        m_again = false;
        syncNow();
    }
}

void SyncClient::scheduleRetry()
{
    // Exponential backoff with jitter, so a ward's tablets coming back together do not arrive at once.
    const qint64 base = std::min<qint64>(m_maxMs, qint64(m_initialMs) << std::min(m_attempt, 20));
    ++m_attempt;
    const int delay = int(base / 2 + QRandomGenerator::global()->bounded(int(base / 2) + 1));
    m_retry.start(delay);
}

QString clockWarning(qint64 offsetMs)
{
    const qint64 off = offsetMs < 0 ? -offsetMs : offsetMs;
    if (off <= 5 * 60 * 1000)
        return {};
    // Rounded: a clock set back a year reads "365 days", not 364 and some hours.
    const qint64 minutes = (off + 30000) / 60000;
    const QString amount = minutes >= 48 * 60 ? Tr::tr("%n day(s)", nullptr, int(std::min<qint64>((minutes + 720) / 1440, 99999)))
        : minutes >= 120                      ? Tr::tr("%n hour(s)", nullptr, int((minutes + 30) / 60))
                                              : Tr::tr("%n minute(s)", nullptr, int(minutes));
    // offset > 0: the server is later than this device, so this device's clock is behind. Short, so
    // that it fits the app's status line's two lines on a phone.
    return offsetMs > 0 ? Tr::tr("Clock %1 behind the ward office: set the date and time").arg(amount)
                        : Tr::tr("Clock %1 ahead of the ward office: set the date and time").arg(amount);
}

} // namespace clc::sync
