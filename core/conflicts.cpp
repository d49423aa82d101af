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

void restoreConflict(Store &store, const QString &conflictId)
{
    store.requireInitialised();
    if (!store.exists(QStringLiteral("conflicts"), conflictId))
        throw Error(Error::Code::NotFound, Tr::tr("no conflict with id '%1'").arg(conflictId), QStringLiteral("ID"));
    const QString tbl = store.value(QStringLiteral("conflicts"), conflictId, QStringLiteral("tbl")).toText();
    const QString row = store.value(QStringLiteral("conflicts"), conflictId, QStringLiteral("row_id")).toText();
    const QString field = store.value(QStringLiteral("conflicts"), conflictId, QStringLiteral("field")).toText();
    const Value lost = store.value(QStringLiteral("conflicts"), conflictId, QStringLiteral("value"));
    Transaction tx(store.db());
    store.write(tbl, row, {{field, lost}});
    store.write(QStringLiteral("conflicts"), conflictId, {{QStringLiteral("resolved"), 1}});
    tx.commit();
}

} // namespace clc
