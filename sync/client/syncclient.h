#pragma once
// Background sync for the app (docs/protocol.md#client): never blocks the caller's thread. Each run
// opens its own connection to the database on a worker thread and talks HTTP there; results come
// back as properties and signals. Failures retry with exponential backoff and jitter; the network
// coming back (QNetworkInformation where a backend exists, else the retries themselves probing the
// server) triggers a sync.
#include "store.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <memory>

class QThread;

namespace clc::sync {

class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(int pending READ pending NOTIFY changed)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY changed)
    Q_PROPERTY(qint64 clockOffsetMs READ clockOffsetMs NOTIFY changed)

public:
    enum class State {
        NotEnrolled, ///< no server or token in the database yet
        Idle,        ///< the last sync succeeded (see lastSuccess)
        Syncing,
        Offline,     ///< the server could not be reached; retrying with backoff
        Error,       ///< the server refused (e.g. revoked device); errorText says why; no automatic retry
    };
    Q_ENUM(State)

    /// options: the same as the app's own Store (its device id), so the worker's connection is the same replica.
    explicit SyncClient(const QString &databasePath, StoreOptions options = {}, QObject *parent = nullptr);
    ~SyncClient() override;

    State state() const { return m_state; }
    QString errorText() const { return m_errorText; }
    int pending() const { return m_pending; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }
    /// Milliseconds until the next automatic retry, 0 if none is scheduled.
    int retryInMs() const { return m_retry.isActive() ? m_retry.remainingTime() : 0; }

    /// Starts a sync on the worker thread and returns at once; a second call while one runs queues one more.
    Q_INVOKABLE void syncNow();
    /// Ends the run under way at once (a person's Cancel): state Offline, errorText "cancelled", no
    /// automatic retry until the next syncNow(). What was acknowledged or applied stays; the rest waits.
    Q_INVOKABLE void cancel();
    /// The run under way so far: changes sent of those waiting at its start, changes received.
    /// The last run ended because the person cancelled it.
    bool wasCancelled() const { return m_wasCancelled; }
    int progressSent() const { return m_sent; }
    int progressToSend() const { return m_toSend; }
    int progressReceived() const { return m_received; }
    /// Connection timeouts of each run (tests shorten them): reaching the server, then silence.
    void setTimeouts(int connectMs, int stallMs);
    /// Backoff bounds (tests shorten them).
    void setBackoff(int initialMs, int maxMs);

Q_SIGNALS:
    void changed();
    /// A run ended: ok, or failed with the state and errorText saying why.
    void finished(bool ok);

private:
    void start();
    void onFinished(int state, const QString &error, int pending, qint64 serverTime, qint64 lastOkMs, bool cancelled);
    void scheduleRetry();
    void onProgress(int sent, int toSend, int received);

    QString m_path;
    StoreOptions m_options;
    State m_state = State::NotEnrolled;
    QString m_errorText;
    int m_pending = 0;
    QDateTime m_lastSuccess;
    qint64 m_clockOffsetMs = 0;
    bool m_running = false;
    bool m_again = false;
    int m_attempt = 0;
    int m_initialMs = 2000;
    int m_maxMs = 5 * 60 * 1000;
    bool m_wasCancelled = false;
    int m_sent = 0, m_toSend = 0, m_received = 0;
    int m_connectMs = 10000, m_stallMs = 60000;
    std::shared_ptr<std::atomic<bool>> m_cancel; ///< the run's, while one runs
    QTimer m_retry;
    QThread *m_worker = nullptr;
};

/// What to tell a person whose device's clock is more than 5 minutes off the server's (offset: the
/// server's time minus this device's, as the last good sync saw it), or nothing: "Clock 365 days
/// behind the ward office: set the date and time", rounded to minutes, hours or days. A tablet whose
/// date fell back stamps every tap in the past, so its edits lose to older ones elsewhere. The app's
/// status line and `clc sync` both say it (docs/reliability.md#clock-behind).
QString clockWarning(qint64 offsetMs);

} // namespace clc::sync
