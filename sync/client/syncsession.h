#pragma once
// The client side of one sync, independent of how bytes travel (docs/sync.md#client):
// push the outbox in numbered batches until the server has acknowledged all of it, then pull pages
// until there are no more, applying each page together with its cursor in one transaction.
// Any step may fail (a lost connection, a killed process): running it again resumes without loss or
// duplicates.
#include "error.h"
#include "merge.h"
#include "protocol.h"

#include <QByteArray>
#include <QString>
#include <stdexcept>

namespace clc::sync {

/// Carries encoded messages to a server. Throws TransportError when the exchange failed and it is
/// unknown whether the server acted on the request.
class Transport
{
public:
    virtual ~Transport() = default;
    virtual QByteArray push(const QByteArray &request) = 0;
    /// protocol: the newest message format the device reads; the answer says which it got.
    virtual QByteArray pull(const QString &cursor, int limit, int protocol) = 0;
};

class TransportError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct SyncSummary
{
    int pushedBatches = 0;
    int pushedChanges = 0;
    int rejected = 0;
    int pulledPages = 0;
    int pulledChanges = 0;
    ApplyStats applied;
    qint64 serverTime = 0;
    int requeued = 0; ///< own changes sent again because the server was restored from a backup
    int readAhead = 0; ///< batches read while the one before was with the server, and used (docs/sync.md#pipelined-push)
};

class SyncSession
{
public:
    explicit SyncSession(Store &store, Transport &transport, int batchSize = MaxChanges, int pageSize = MaxChanges);

    /// Sends every pending change; returns when the outbox holds only rejected changes.
    void pushAll(SyncSummary &summary);
    /// Fetches and applies pages until the server has no more.
    void pullAll(SyncSummary &summary);
    /// pushAll then pullAll.
    SyncSummary run();
    /// Batches are numbered per device token: another token (a new enrolment) starts its own numbering.
    static void useToken(Store &store, const QString &token);

    /// Test hook: called after a page was applied and its cursor saved, before the transaction that
    /// holds them commits (in a bulk load it may hold a few pages: docs/sync.md#bulk-load);
    /// throwing from it simulates the process dying there.
    std::function<void()> beforePageCommit;
    /// A pull defers a table's indexes (docs/sync.md#bulk-load) only when a page brings at least this
    /// many of its rows: fewer cost little to index row by row.
    qint64 bulkMinRows = 1000;
    /// Whether the push reads the next batch on another thread while the server merges the one before
    /// (docs/sync.md#pipelined-push). Off: each batch is read after the one before was acknowledged.
    bool readsAhead = true;
    /// Called after each acknowledged batch and each applied page, with the totals so far (the app's progress).
    std::function<void(const SyncSummary &)> onProgress;

private:
    /// A server epoch seen in an answer. A new one (not the first) means the server was restored from a
    /// backup: every field this replica wrote last goes back into the outbox, and the pull starts
    /// again from the beginning (both idempotent). Returns true if that happened.
    bool noteEpoch(const QString &epoch, SyncSummary &summary);
    /// Sends again every field this replica wrote last and pulls again from the beginning.
    void rejoin(const QString &epoch, SyncSummary &summary);
    /// The most changes the next batch holds: the session's size, capped by what the server said it
    /// takes (MetaKey::ServerBatchLimit; LegacyMaxChanges until it says; docs/sync.md#batch-size).
    int batchLimit() const;
    /// Remembers an answer's `mb` (0: the answer did not say, and what was known stays).
    void noteBatchLimit(int maxBatch);

    Store &m_store;
    Transport &m_transport;
    int m_batchSize;
    int m_pageSize;
    bool m_pulledBefore; ///< the device had pulled from a server before this session
    /// The format pushes go in: the newest, or 1 while the server is one of release 8 (it refused 2 with
    /// a 400 naming "p"; remembered in MetaKey::ServerProtocol until a pull page comes in 2).
    int m_protocol = ProtocolVersion;
};

} // namespace clc::sync
