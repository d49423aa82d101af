#pragma once
// The sync wire protocol: push and pull messages as C++ types with one JSON encoder/decoder
// (docs/sync.md#messages). Decoding validates everything and throws clc::Error naming the bad
// element (e.g. "c[12].f[3]") before anything is applied.
#include "error.h"
#include "store.h"
#include "value.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace clc::sync {

/// The newest message format this build speaks, and the oldest it still reads and writes. Version 2
/// adds column-wise attendance marks (docs/sync.md#marks); a side speaking 2 answers a side speaking 1
/// in 1, so devices and servers of either release keep syncing with each other.
constexpr int ProtocolVersion = 2;
constexpr int OldestProtocolVersion = 1;
/// Largest request body the decoder accepts (bytes, before decompression limits elsewhere).
constexpr qsizetype MaxMessageBytes = 16 * 1024 * 1024;
/// Most changes in one push batch or pull page this build takes (a pull page: also what the device
/// asks for). A larger push is refused, so no device holds the server's store for long
/// (docs/security.md#fairness); a batch of 20,000 marks is about half a second of it.
constexpr int MaxChanges = 80000;
/// What servers before release 10 take in one push (they refuse more, a 400 naming "c"). A device
/// sends at most this many until a server's answer says it takes more (`mb`, PushResponse::maxBatch),
/// and again after such a refusal (docs/sync.md#batch-size).
constexpr int LegacyMaxChanges = 20000;
/// A pull page and a push batch end before their changes would pass this estimated size (values
/// doubled for JSON escapes; under MaxMessageBytes), so either side can always read them.
constexpr qint64 MaxPullPageBytes = 12 * 1024 * 1024;
constexpr qint64 MaxBatchBytes = MaxPullPageBytes;
/// A row the server keeps stays under this estimated size, so a page can always carry it whole: a
/// change that would take it past is kept aside (row_too_large). Far above any row of the schema.
constexpr qint64 MaxRowBytes = 2 * 1024 * 1024;
/// A row id derived from natural keys (attendance: session and person) is left out of a message only
/// for tables with a code up to this one, which every release knows: a table a later schema adds
/// always travels with its id, so an older receiver can keep it aside instead of refusing the message.
constexpr int LastTableWithDerivedIds = 15;
/// Table and field codes are small positions (schema.h) and only grow by appending; a code above this
/// is not a newer schema's but a forged or broken message, refused with the change named.
constexpr qint64 MaxCode = 9999;
/// A newer schema adds a few tables and fields a year: a code more than this past the last one known
/// here is refused, so a sender cannot spray values over thousands of made-up fields.
constexpr int MaxNewCodes = 32;

/// One field-level change: the unit of sync.
struct Change
{
    int table = 0;  ///< table code (schema.h)
    QString row;    ///< row id
    int field = 0;  ///< field code within the table
    Value value;
    Version version;              ///< who wrote it and when
    std::optional<Version> base;  ///< the version its author saw, if any
    /// Set when the sender's schema is newer and this table or field is unknown here: kept, not applied.
    bool unknown = false;
    /// Set on a pulled change whose value this schema refuses (e.g. a newer app's value for a field an
    /// older server could not check): kept aside with the reason, never applied, and the page goes on.
    QString invalid;

    bool operator==(const Change &o) const;
};

struct PushRequest
{
    int protocol = ProtocolVersion; ///< the message format: set by the decoder, chosen by the sender
    int schema = 0;       ///< the sender's schema version
    QString replica;      ///< the sending replica
    qint64 batch = 0;     ///< per device, 1, 2, 3…; a retry resends the same number and content
    std::vector<Change> changes;
};

/// Why the server refused one change of a batch (the others are applied).
struct Rejection
{
    int index = 0;        ///< position in the batch
    QString code;         ///< "clock_ahead", "role", "unknown_row", "row_too_large"
    QString reason;       ///< plain words
};

struct PushResponse
{
    int protocol = ProtocolVersion; ///< the request's: a server answers in the format it was asked in
    qint64 batch = 0;
    bool replay = false;  ///< the batch had been applied before; nothing was applied now
    std::vector<Rejection> rejected;
    qint64 serverTime = 0; ///< ms since the epoch, so devices can tell their clock is off
    QString epoch;         ///< the server store's epoch; a new one means it was restored from a backup
    int maxBatch = 0;      ///< the most changes the server takes in one push; 0: not said (LegacyMaxChanges)
};

struct PullRequest
{
    QString cursor;       ///< opaque, from the previous page; empty for the beginning
    int limit = 1000;
    int protocol = OldestProtocolVersion; ///< the newest format the device reads (`p` in the query)
};

struct PullResponse
{
    int protocol = ProtocolVersion; ///< the format of the page: at most what the device asked for
    int schema = 0;
    std::vector<Change> changes;
    QString cursor;       ///< where the next page starts; save it with the page
    bool more = false;
    qint64 serverTime = 0;
    QString epoch;        ///< as in PushResponse
    int maxBatch = 0;     ///< as in PushResponse
};

QByteArray encode(const PushRequest &m);
QByteArray encode(const PushResponse &m);
QByteArray encode(const PullResponse &m);
PushRequest decodePushRequest(const QByteArray &bytes);
PushResponse decodePushResponse(const QByteArray &bytes);
/// A pull page's cursor, more, epoch and protocol, its changes left undecoded (a device that fetches
/// pages ahead follows their cursors; each is decoded whole when it is applied).
PullResponse decodePullHeader(const QByteArray &bytes);
PullResponse decodePullResponse(const QByteArray &bytes);

/// A change's values checked against the schema (type, range, length, id shape); throws naming path.
void validateChange(const Change &c, const QString &path);

/// A push whose batch number is not the next one the server expects (HTTP 409 batch_gap). Thrown by
/// the server's service, carried in the 409 answer, and thrown again by the device's transport: the
/// batch it expects and the server's epoch tell the device how to go on (docs/sync.md#client).
class BatchGap : public Error
{
public:
    BatchGap(const QString &message, qint64 expected, QString epoch, bool reused = false)
        : Error(Code::InvalidInput, message, QStringLiteral("b")), expected(expected), epoch(std::move(epoch)), reused(reused)
    {
    }
    qint64 expected;
    QString epoch;
    /// The number was used before with other changes (HTTP 409 batch_reused): the device is behind
    /// the server's count (restored from an older copy) and sends its changes again under expected.
    bool reused = false;
};

} // namespace clc::sync
