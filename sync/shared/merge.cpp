#include "merge.h"
#include "synclog.h"
#include "hybridclock.h"
#include "schema.h"

#include <QSet>
#include <QUuid>

namespace clc::sync {

Decision decide(const std::optional<Current> &current, const Change &incoming)
{
    Decision d;
    if (!current) {
        d.apply = true;
        return d;
    }
    if (current->version == incoming.version) {
        d.duplicate = true;
        return d;
    }
    d.apply = current->version < incoming.version;
    const bool sawCurrent = incoming.base && *incoming.base == current->version;
    const TableDef *t = tableByCode(incoming.table);
    const bool isConflictRow = t && t->name == QLatin1String("conflicts");
    if (!sawCurrent && current->value != incoming.value && !isConflictRow) {
        if (d.apply) {
            Change lost = incoming;
            lost.value = current->value;
            lost.version = current->version;
            lost.base.reset();
            d.loser = lost;
        } else {
            d.loser = incoming;
        }
    }
    return d;
}

std::vector<Change> conflictRecord(const Change &loser, const QString &centre)
{
    const TableDef *t = tableByCode(loser.table);
    const TableDef *c = table(QStringLiteral("conflicts"));
    if (!t || loser.field < 0 || size_t(loser.field) >= t->fields.size())
        return {}; // a change this schema does not know is never merged, so it never loses
    const QString field = t->fields[size_t(loser.field)].name;
    const QString id = Store::naturalId(QStringLiteral("conflicts"), t->name + QLatin1Char('/') + loser.row + QLatin1Char('/') + field,
                                        QString::number(loser.version.hlc) + QLatin1Char('/') + loser.version.replica);
    std::vector<Change> out;
    auto add = [&](const char *name, const Value &v) {
        out.push_back(Change{c->code, id, c->fieldCode(QLatin1String(name)), v, loser.version, std::nullopt, false});
    };
    add("centre_id", centre);
    add("tbl", t->name);
    add("row_id", loser.row);
    add("field", field);
    add("value", loser.value);
    add("lost_hlc", loser.version.hlc);
    add("lost_replica", loser.version.replica);
    add("resolved", 0);
    add("deleted", 0);
    return out;
}

bool isTooFarAhead(qint64 hlc, qint64 nowMs) { return HybridClock::millis(hlc) > nowMs + MaxClockAheadMs; }

namespace {

/// The time stamps are judged against: the one the caller gives (the server's), if it is a time a
/// stamp can hold; else this device's clock.
qint64 referenceNow(Store &store, qint64 nowMs)
{
    return nowMs > 0 && nowMs < (qint64(1) << 47) ? nowMs : store.clock().wallMillis();
}

std::optional<Current> currentOf(Store &store, const TableDef &t, const Change &c)
{
    const auto version = store.fieldVersion(t, c.row, c.field);
    if (!version)
        return std::nullopt;
    return Current{*version, store.value(t.name, c.row, t.fields[size_t(c.field)].name)};
}

// Replicas apply the winner only. Conflict records are made by the server, the one place that sees
// every change in one order, and reach replicas as ordinary rows: so every replica holds the same
// records (a replica deciding from its own arrival order could record a different set).
void applyOne(Store &store, const Change &c, ApplyStats &stats)
{
    const TableDef &t = *tableByCode(c.table);
    const Decision d = decide(currentOf(store, t, c), c);
    if (d.duplicate) {
        ++stats.duplicates;
        return;
    }
    if (d.apply) {
        store.applyRemote(t, c.row, c.field, c.value, c.version);
        ++stats.applied;
    } else {
        ++stats.ignored;
    }
    if (d.loser)
        ++stats.conflicts;
}

} // namespace

ApplyStats applyRemoteChanges(Store &store, const std::vector<Change> &changes, qint64 nowMs)
{
    ApplyStats stats;
    const qint64 now = referenceNow(store, nowMs);
    int keptAside = 0;
    auto keepAside = [&](const Change &c, const char *reason) {
        ++keptAside;
        store.quarantine(c.table, c.row, c.field, c.value, c.version, QString::fromLatin1(reason));
    };
    qint64 maxSeen = 0;
    size_t i = 0;
    std::vector<Store::RemoteField> fresh; // one row's at a time, reused
    std::vector<const Change *> rest;
    while (i < changes.size()) {
        // The fields of one row travel together; a row new here is inserted whole.
        size_t end = i + 1;
        while (end < changes.size() && changes[end].table == changes[i].table && changes[end].row == changes[i].row)
            ++end;
        fresh.clear();
        rest.clear();
        quint64 fieldBits = 0; // the fields seen, below 64 (every field today); others in a set
        QSet<int> fields;
        bool distinct = true;
        for (size_t k = i; k < end; ++k) {
            const Change &c = changes[k];
            if (c.unknown) {
                keepAside(c, "newer_schema"); // kept for after an upgrade, never dropped
                ++stats.deferred;
                continue;
            }
            if (!c.invalid.isEmpty()) {
                keepAside(c, "invalid"); // a value this schema refuses: never applied, never stops the sync
                ++stats.deferred;
                continue;
            }
            if (isTooFarAhead(c.version.hlc, now)) {
                // Never let a stamp from a wrong clock win silently: keep it aside with the reason.
                keepAside(c, "clock_ahead");
                ++stats.quarantined;
                continue;
            }
            maxSeen = std::max(maxSeen, c.version.hlc);
            if (c.field >= 0 && c.field < 64) {
                distinct = distinct && !(fieldBits >> c.field & 1);
                fieldBits |= quint64(1) << c.field;
            } else {
                distinct = distinct && !fields.contains(c.field);
                fields.insert(c.field);
            }
            fresh.push_back({c.field, c.value, c.version});
            rest.push_back(&c);
        }
        const TableDef *t = tableByCode(changes[i].table);
        if (!fresh.empty() && distinct && store.insertRemoteRow(*t, changes[i].row, fresh)) {
            stats.applied += int(fresh.size());
        } else {
            for (const Change *c : rest)
                applyOne(store, *c, stats);
        }
        i = end;
    }
    store.observe(maxSeen); // later local edits are stamped after everything seen here
    if (keptAside > 0) // one line per page, not one per change
        qCWarning(lcMerge) << "kept aside" << keptAside << "changes this device cannot apply yet (a newer app's fields, or a clock too far ahead)";
    return stats;
}

ApplyStats replayClockAhead(Store &store, qint64 nowMs)
{
    std::vector<Change> due;
    auto kept = store.db().prepare(QStringLiteral("SELECT tbl, row_id, field, value, hlc, replica FROM quarantine WHERE reason = 'clock_ahead' "
                                                  "ORDER BY tbl, row_id, field"));
    while (kept.step()) {
        const qint64 hlc = kept.integer(4);
        if (!isTooFarAhead(hlc, referenceNow(store, nowMs)))
            due.push_back(Change{int(kept.integer(0)), kept.text(1), int(kept.integer(2)), kept.value(3), Version{hlc, kept.text(5)}, std::nullopt, false});
    }
    if (due.empty())
        return {};
    auto drop = store.db().prepare(QStringLiteral("DELETE FROM quarantine WHERE reason = 'clock_ahead' AND tbl = ? AND row_id = ? AND field = ? AND hlc = ?"));
    for (const Change &c : due)
        drop.bind(1, qint64(c.table)).bind(2, c.row).bind(3, qint64(c.field)).bind(4, c.version.hlc).exec();
    qCInfo(lcMerge) << "applying" << due.size() << "changes kept aside while this device's clock was behind";
    return applyRemoteChanges(store, due, nowMs);
}

} // namespace clc::sync
