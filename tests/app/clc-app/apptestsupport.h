#pragma once
// Helpers for the app's tests: the demo behind a StoreManager, waiting for the models (which read on
// the reader thread and apply the answer on this one), and a kept conflict to review.
#include "asynclistmodel.h"
#include "conflicts.h"
#include "demodata.h"
#include "merge.h"
#include "records.h"
#include "schema.h"
#include "storemanager.h"
#include "testsupport.h"

#include <QTest>
#include <functional>

namespace clctest {

/// Processes events until the model's newest read has been applied (false after 10 s).
inline bool loaded(const clc::AsyncListModel &m) { return QTest::qWaitFor([&m] { return !m.loading(); }, 10000); }
/// Processes events until done() holds (false after 10 s).
inline bool eventually(const std::function<bool()> &done) { return QTest::qWaitFor(done, 10000); }

/// The demo (2017–2018 plan, 300 people) in a temporary file, installed as the app's store.
struct Demo
{
    TempDir dir;
    std::unique_ptr<clc::StoreManager> manager;
    QString session; ///< a session of the last month: planned, attendance not taken yet
    Demo()
    {
        auto store = std::make_unique<clc::Store>(dir.path(QStringLiteral("demo.db")), clc::StoreOptions{QStringLiteral("dev"), {}});
        clc::loadDemo(*store);
        session = store->db().scalar(QStringLiteral("SELECT s.id FROM sessions s JOIN activities a ON a.id = s.activity_id "
                                                    "WHERE a.month = '2018-08' ORDER BY s.starts_at, s.id LIMIT 1")).toText();
        manager = std::make_unique<clc::StoreManager>(std::move(store));
        clc::StoreManager::setInstance(manager.get());
    }
    ~Demo() { clc::StoreManager::setInstance(nullptr); }
    clc::Store &store() { return manager->store(); }
    QString statusInDb(const QString &person) { return clc::records::sessionMarks(store(), session).value(person); }
    /// Every change waiting to be sent: equal before and after means nothing was written.
    QString outbox() { return store().db().scalar(QStringLiteral("SELECT group_concat(seq) FROM outbox")).toText(); }
};

/// A conflict the server kept on a person's neighbourhood (the other value "Khu 99"); returns the person.
inline QString keepConflictOnKhu(clc::Store &s)
{
    using namespace clc;
    const QString person = s.db().scalar(QStringLiteral("SELECT id FROM people ORDER BY id LIMIT 1")).toText();
    const TableDef *people = table(QStringLiteral("people"));
    const sync::Change lost{people->code, person, people->fieldCode(QStringLiteral("khu")), QStringLiteral("Khu 99"),
                            Version{1, QStringLiteral("99999999-9999-4999-8999-999999999999")}, std::nullopt, false};
    Transaction tx(s.db());
    sync::applyRemoteChanges(s, sync::conflictRecord(lost, s.centreId()));
    tx.commit();
    return person;
}

} // namespace clctest
