#include "merge.h"
#include "hybridclock.h"
#include "schema.h"

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

ApplyStats applyRemoteChanges(Store &store, const std::vector<Change> &changes)
{
    ApplyStats stats;
    const qint64 now = store.clock().wallMillis();
    for (const Change &c : changes) {
        if (c.unknown) {
            store.db().prepare(QStringLiteral("INSERT INTO quarantine (received_at, tbl, row_id, field, value, hlc, replica, reason) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, 'newer_schema')"))
                .bind(1, now).bind(2, qint64(c.table)).bind(3, c.row).bind(4, qint64(c.field)).bind(5, c.value)
                .bind(6, c.version.hlc).bind(7, c.version.replica).exec();
            ++stats.deferred;
            continue;
        }
        if (isTooFarAhead(c.version.hlc, now)) {
            // Never let a stamp from a wrong clock win silently: keep it aside with the reason.
            store.db().prepare(QStringLiteral("INSERT INTO quarantine (received_at, tbl, row_id, field, value, hlc, replica, reason) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, 'clock_ahead')"))
                .bind(1, now).bind(2, qint64(c.table)).bind(3, c.row).bind(4, qint64(c.field)).bind(5, c.value)
                .bind(6, c.version.hlc).bind(7, c.version.replica).exec();
            ++stats.quarantined;
            continue;
        }
        store.observe(c.version.hlc);
        applyOne(store, c, stats);
    }
    return stats;
}

} // namespace clc::sync
