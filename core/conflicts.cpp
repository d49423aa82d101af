#include "conflicts.h"
#include "error.h"
#include "hybridclock.h"
#include "schema.h"
#include "store.h"
#include "translate.h"

namespace clc {

std::vector<ConflictRow> listConflicts(Store &store, bool all)
{
    std::vector<ConflictRow> out;
    auto st = store.db().prepare(QStringLiteral("SELECT id, tbl, row_id, field, value, lost_hlc, lost_replica, resolved FROM conflicts "
                                                "WHERE centre_id = ? AND deleted = 0 AND (? OR coalesce(resolved, 0) = 0) "
                                                "ORDER BY lost_hlc DESC, id"));
    st.bind(1, store.centreId()).bind(2, qint64(all));
    while (st.step()) {
        ConflictRow c;
        c.id = st.text(0);
        c.table = st.text(1);
        c.row = st.text(2);
        c.field = st.text(3);
        c.lostValue = st.value(4);
        c.lostAtMs = HybridClock::millis(st.integer(5));
        c.lostReplica = st.text(6);
        c.resolved = st.integer(7) != 0;
        out.push_back(std::move(c));
    }
    for (ConflictRow &c : out) {
        const TableDef *t = table(c.table);
        if (t && t->field(c.field))
            c.currentValue = store.value(c.table, c.row, c.field);
    }
    return out;
}

void restoreConflict(Store &store, const QString &conflictId, const std::function<bool(int table)> &mayWrite)
{
    store.requireInitialised();
    if (!store.exists(QStringLiteral("conflicts"), conflictId))
        throw Error(Error::Code::NotFound, Tr::tr("no conflict with id '%1'").arg(conflictId), QStringLiteral("ID"));
    const QString tbl = store.value(QStringLiteral("conflicts"), conflictId, QStringLiteral("tbl")).toText();
    const QString row = store.value(QStringLiteral("conflicts"), conflictId, QStringLiteral("row_id")).toText();
    const QString field = store.value(QStringLiteral("conflicts"), conflictId, QStringLiteral("field")).toText();
    const Value lost = store.value(QStringLiteral("conflicts"), conflictId, QStringLiteral("value"));
    const TableDef *t = table(tbl);
    static const QStringList neverByHand{QStringLiteral("id"), QStringLiteral("centre_id")};
    if (!t || tbl == QLatin1String("conflicts") || !t->field(field) || neverByHand.contains(field))
        throw Error(Error::Code::InvalidInput, Tr::tr("this conflict names %1.%2, which cannot be restored").arg(tbl, field), QStringLiteral("ID"));
    if (mayWrite && !mayWrite(t->code))
        throw Error(Error::Code::Forbidden, Tr::tr("this device's role may not change %1").arg(tbl), QStringLiteral("ID"));
    Transaction tx(store.db());
    store.write(tbl, row, {{field, lost}});
    store.write(QStringLiteral("conflicts"), conflictId, {{QStringLiteral("resolved"), 1}});
    tx.commit();
}

} // namespace clc
