#pragma once
// The merge rule, written once and used by every replica and by the server (docs/sync.md#merge):
//   * per field, the change with the greater (hlc, replica) wins: every replica picks the same winner
//     whatever order changes arrive in;
//   * a change whose base is not the field's current version, and whose value differs from the
//     current value, was made without seeing it: a conflict. The loser (the smaller version) is kept
//     as a conflict record, made by the server (which sees every change, in one order) and synced to
//     every replica as an ordinary row; its id and stamps derive from the losing change;
//   * the same version arriving again changes nothing.
#include "protocol.h"

#include <optional>

namespace clc::sync {

/// How far ahead of the receiver's wall clock a stamp may be before it is refused (docs/sync.md#clocks).
constexpr qint64 MaxClockAheadMs = 24LL * 60 * 60 * 1000;

struct Current
{
    Version version;
    Value value;
};

struct Decision
{
    bool duplicate = false;          ///< this very version is already there
    bool apply = false;              ///< the incoming change wins
    std::optional<Change> loser;     ///< a concurrent edit lost: keep it as a conflict
};

/// Decides what to do with an incoming change given the field's current state (none if never set).
Decision decide(const std::optional<Current> &current, const Change &incoming);

/// The changes that record `loser` as a conflict of the row in centre `centre`; stamped with the loser's
/// version so that the record is identical wherever it is made.
std::vector<Change> conflictRecord(const Change &loser, const QString &centre);

/// True when a stamp is too far ahead of the wall clock `nowMs` to be trusted.
bool isTooFarAhead(qint64 hlc, qint64 nowMs);

struct ApplyStats
{
    int applied = 0;
    int duplicates = 0;
    int ignored = 0;       ///< older than what is there, not concurrent
    int conflicts = 0;     ///< concurrent edits seen here (their records come from the server)
    int quarantined = 0;
    int deferred = 0;      ///< from a newer schema: kept for after an upgrade

    ApplyStats &operator+=(const ApplyStats &o)
    {
        applied += o.applied;
        duplicates += o.duplicates;
        ignored += o.ignored;
        conflicts += o.conflicts;
        quarantined += o.quarantined;
        deferred += o.deferred;
        return *this;
    }
};

/// Applies remote changes to a replica's store inside the caller's transaction. Changes that arrive
/// this way never enter the outbox. Stamps too far ahead of now are quarantined: now is nowMs when the
/// caller knows the time better than the device's own clock (the server's, from the page's answer;
/// a tablet whose clock fell back a year must not keep aside everything it receives), else the wall clock.
ApplyStats applyRemoteChanges(Store &store, const std::vector<Change> &changes, qint64 nowMs = 0);
/// Applies, inside the caller's transaction, the changes this replica kept aside as too far ahead
/// (clock_ahead) that no longer are at nowMs: its clock was wrong then, or the time has come.
ApplyStats replayClockAhead(Store &store, qint64 nowMs);

} // namespace clc::sync
