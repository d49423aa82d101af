#pragma once
// The sync state as every screen shows it: one calm line (offline / syncing / last successful sync at
// hh:mm / an error in plain words) and the number of changes waiting. Wraps SyncClient; made in
// main() and exposed to QML as the singleton SyncStatus.
#include "store.h"

#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <atomic>
#include <memory>
#include <QtQml/qqmlregistration.h>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace clc {
namespace sync {
class SyncClient;
}

class SyncStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString text READ text NOTIFY changed)
    Q_PROPERTY(int pending READ pending NOTIFY changed)
    /// "10.775 changes waiting" (numbers the Vietnamese way), empty when nothing waits.
    Q_PROPERTY(QString pendingText READ pendingText NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(bool problem READ problem NOTIFY changed)
    /// An enrolment is under way (ends within EnrolTimeoutMs, or at once when cancelled).
    Q_PROPERTY(bool enrolling READ enrolling NOTIFY enrollingChanged)

public:
    /// options: the app's Store's, so the sync thread's connection is the same replica.
    explicit SyncStatus(const QString &databasePath, const StoreOptions &options = {}, QObject *parent = nullptr);
    ~SyncStatus() override;

    QString text() const;
    /// A clock off the server's by more than 5 minutes is said first on the line (sync::clockWarning);
    /// beyond this it also shows as a problem (a wrong hour or day, not a drift).
    static constexpr qint64 ClockProblemMs = 3600 * 1000;
    int pending() const;
    QString pendingText() const;
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool busy() const;
    bool problem() const;
    Q_INVOKABLE void syncNow();
    /// Ends the sync under way at once; what was already sent or received stays.
    Q_INVOKABLE void cancelSync();
    /// Enrols with a one-time code on a worker thread, then syncs; enrolled() or enrolFailed(reason) follows.
    Q_INVOKABLE void enrol(const QString &server, const QString &code);
    /// Ends the enrolment under way at once; enrolFailed says it was cancelled.
    Q_INVOKABLE void cancelEnrol();
    bool enrolling() const { return m_enrolCancel != nullptr; }

    /// The enrolment link's server and code ({server, code}), or {} when text is not one (a pasted
    /// clc://enroll?… link in the form's address field).
    Q_INVOKABLE QVariantMap parseLink(const QString &text) const;
    /// The enrolment link in a picture of its QR code (a path or a file URL): {server, code}, or {error}.
    Q_INVOKABLE QVariantMap readQrPicture(const QString &pathOrUrl) const;
    /// A clc://enroll link the app was opened with (the system's URL handler): the sync page fills the
    /// form from it. {} when none.
    Q_PROPERTY(QVariantMap offeredLink READ offeredLink CONSTANT)
    QVariantMap offeredLink() const { return m_offeredLink; }
    void offerLink(const QVariantMap &link) { m_offeredLink = link; }

    static void setInstance(SyncStatus *instance);
    static SyncStatus *instance();
    static SyncStatus *create(QQmlEngine *, QJSEngine *);

Q_SIGNALS:
    void changed();
    void enrollingChanged();
    void enrolled(const QString &deviceName);
    /// field: which of the form's fields the reason is about ("server", "code"), or empty.
    void enrolFailed(const QString &reason, const QString &field);
    /// A sync run succeeded: what is on screen may have changed.
    void synced();

private:
    /// Counts the changes waiting, on the reader thread (after local writes and after each run).
    void refreshPending();
    QString m_path;
    StoreOptions m_options;
    int m_pending = 0;
    std::shared_ptr<std::atomic<bool>> m_enrolCancel; // set while an enrolment runs
    QVariantMap m_offeredLink;
    QTimer m_pendingTimer;
    std::unique_ptr<sync::SyncClient> m_client;
};

} // namespace clc
