// Editing learners and activities: what is written, what a bad value says, and who may edit.
#include "activityeditor.h"
#include "planmodel.h"
#include "settingscontroller.h"

#include <QFile>
#include "apptestsupport.h"
#include "demodata.h"
#include "error.h"
#include "records.h"
#include "registermodel.h"
#include "storemanager.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;


TEST_CASE("editing a learner rewrites the fields and sets the groups to exactly those given", "[app][register][edit]")
{
    Demo d;
    Store &s = d.store();
    PersonInput in;
    in.fullName = QStringLiteral("Hoàng Thị Sửa");
    in.sex = QStringLiteral("f");
    in.birthYear = 1980;
    in.note = QStringLiteral("Hội viên từ 2015");
    in.groups = {QStringLiteral("Nông dân"), QStringLiteral("Phụ nữ")};
    const QString id = records::addPerson(s, in);
    in.fullName = QStringLiteral("Hoàng Thị Đã Sửa");
    in.khu = QStringLiteral("Khu 5");
    in.groups = {QStringLiteral("Phụ nữ"), QStringLiteral("Người cao tuổi")};
    records::updatePerson(s, id, in);
    CHECK(s.value(QStringLiteral("people"), id, QStringLiteral("full_name")).toText() == QStringLiteral("Hoàng Thị Đã Sửa"));
    CHECK(s.value(QStringLiteral("people"), id, QStringLiteral("khu")).toText() == QStringLiteral("Khu 5"));
    auto live = s.db().prepare(QStringLiteral("SELECT g.name FROM person_groups pg JOIN learner_groups g ON g.id = pg.group_id "
                                              "WHERE pg.person_id = ? AND pg.deleted = 0 ORDER BY g.name"));
    live.bind(1, id);
    QStringList groups;
    while (live.step())
        groups << live.text(0);
    CHECK(groups.size() == 2);
    CHECK_FALSE(groups.contains(QStringLiteral("Nông dân"))); // removed: the link is deleted, so the removal syncs
    CHECK(s.db().scalar(QStringLiteral("SELECT count(*) FROM person_groups WHERE person_id = '%1' AND deleted = 1").arg(id)).toInt() == 1);

    // Through the register page: a bad year names the field and changes nothing.
    RegisterModel m;
    m.setFilter(QStringLiteral("hoang thi da sua"));
    REQUIRE(loaded(m));
    REQUIRE(m.count() == 1);
    const QVariantMap p = m.person(0);
    CHECK(p.value(QStringLiteral("groups")).toString().contains(QStringLiteral("Phụ nữ")));
    const QString before = d.outbox();
    CHECK(p.value(QStringLiteral("note")).toString() == QStringLiteral("Hội viên từ 2015"));
    CHECK_FALSE(m.updatePerson(id, p.value(QStringLiteral("fullName")).toString(), QStringLiteral("f"), QStringLiteral("19x0"), QString(), QString(),
                               QString(), p.value(QStringLiteral("note")).toString()));
    CHECK(m.lastError().contains(QStringLiteral("19x0")));
    CHECK(d.outbox() == before);
    REQUIRE(m.updatePerson(id, QStringLiteral("Hoàng Thị Lần Ba"), QStringLiteral("nữ"), QStringLiteral("1981"), QStringLiteral("Khu 6"), QString(),
                           QStringLiteral("Phụ nữ"), p.value(QStringLiteral("note")).toString()));
    CHECK(s.value(QStringLiteral("people"), id, QStringLiteral("note")).toText() == QStringLiteral("Hội viên từ 2015")); // the form kept it
    REQUIRE(loaded(m));
    m.setFilter(QStringLiteral("lan ba"));
    REQUIRE(loaded(m));
    REQUIRE(m.count() == 1);
    CHECK(m.data(m.index(0), RegisterModel::SyncTextRole).toString() == QStringLiteral("not sent yet"));
}

TEST_CASE("editing an activity writes all fields or none and names a bad one", "[app][activity][edit]")
{
    Demo d;
    Store &s = d.store();
    const QString id = records::activities(s, QStringLiteral("2017-11")).front().id;
    ActivityEditor e;
    e.setActivityId(id);
    REQUIRE(eventually([&] { return e.ready(); }));
    QVariantMap f = e.fields();
    CHECK_FALSE(f.value(QStringLiteral("title")).toString().isEmpty());

    const QString before = d.outbox();
    f[QStringLiteral("title")] = QStringLiteral("Tập huấn đổi tên");
    f[QStringLiteral("budget")] = QStringLiteral("hai triệu");
    CHECK_FALSE(e.save(f));
    CHECK(e.lastError().startsWith(QStringLiteral("Budget (đ)")));
    CHECK(d.outbox() == before); // the title was not written either
    CHECK(s.value(QStringLiteral("activities"), id, QStringLiteral("title")).toText() != QStringLiteral("Tập huấn đổi tên"));

    f[QStringLiteral("budget")] = QStringLiteral("2.000.000");
    f[QStringLiteral("status")] = QStringLiteral("done");
    QSignalSpy saved(&e, &ActivityEditor::saved);
    REQUIRE(e.save(f));
    CHECK(saved.count() == 1);
    CHECK(s.value(QStringLiteral("activities"), id, QStringLiteral("title")).toText() == QStringLiteral("Tập huấn đổi tên"));
    CHECK(s.value(QStringLiteral("activities"), id, QStringLiteral("budget")).toInt() == 2000000);
    CHECK(s.value(QStringLiteral("activities"), id, QStringLiteral("status")).toText() == QStringLiteral("done"));

    // Sessions: a date people write, times, and clear errors.
    const int sessions = int(s.db().scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE activity_id = '%1'").arg(id)).toInt());
    CHECK_FALSE(e.addSession(QStringLiteral("31/02/2018"), QStringLiteral("08:00"), QString(), QString(), QString()));
    CHECK(e.lastError().contains(QStringLiteral("31/02/2018")));
    CHECK_FALSE(e.addSession(QStringLiteral("05/03/2018"), QStringLiteral("10:00"), QStringLiteral("09:00"), QString(), QString()));
    CHECK(e.lastError().startsWith(QStringLiteral("To (optional)")));
    REQUIRE(e.addSession(QStringLiteral("5/3/2018"), QStringLiteral("8:00"), QStringLiteral("10:30"), QStringLiteral("Nhà văn hoá khu 3"), QString()));
    CHECK(s.db().scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE activity_id = '%1' AND starts_at = '2018-03-05T08:00' "
                                       "AND ends_at = '2018-03-05T10:30'").arg(id)).toInt() == 1);
    CHECK(s.db().scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE activity_id = '%1'").arg(id)).toInt() == sessions + 1);
}

TEST_CASE("the screens offer only the edits the server takes from this device's role", "[app][roles]")
{
    Demo d;
    CHECK(d.manager->mayEdit(QStringLiteral("activities"))); // not enrolled: the device is on its own
    QSignalSpy changed(d.manager.get(), &StoreManager::roleChanged);
    d.store().setMeta(QStringLiteral("role"), QStringLiteral("facilitator"));
    d.manager->refreshRole();
    CHECK(changed.count() == 1);
    CHECK_FALSE(d.manager->mayEdit(QStringLiteral("activities")));
    CHECK(d.manager->mayEdit(QStringLiteral("sessions")));
    CHECK(d.manager->mayEdit(QStringLiteral("attendance")));
    CHECK(d.manager->mayEdit(QStringLiteral("people")));
    d.store().setMeta(QStringLiteral("role"), QStringLiteral("viewer"));
    d.manager->refreshRole();
    CHECK_FALSE(d.manager->mayEdit(QStringLiteral("people")));
    CHECK_FALSE(d.manager->mayEdit(QStringLiteral("attendance")));
    d.store().setMeta(QStringLiteral("role"), QStringLiteral("coordinator"));
    d.manager->refreshRole();
    CHECK(d.manager->mayEdit(QStringLiteral("activities")));
    CHECK_FALSE(d.manager->mayEdit(QStringLiteral("no_such_table")));
}

TEST_CASE("a plan file imported in the app fills the plan page, a bad one says why and writes nothing", "[app][plan][edit]")
{
    TempDir dir;
    auto store = std::make_unique<Store>(dir.path(QStringLiteral("empty.db")), StoreOptions{QStringLiteral("dev"), {}});
    store->init(QStringLiteral("Trung tâm học tập cộng đồng phường Đức Chính"));
    StoreManager manager(std::move(store));
    StoreManager::setInstance(&manager);
    PlanModel plan;
    plan.reload();
    REQUIRE(loaded(plan));
    CHECK(plan.schoolYear().isEmpty());

    QSignalSpy finished(&plan, &PlanModel::importFinished);
    QFile bad(dir.path(QStringLiteral("bad.json")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("{\"format\": \"clc-plan/1\", \"school_year\": 2017}");
    bad.close();
    const qint64 before = manager.store().db().scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt();
    plan.importPlan(dir.path(QStringLiteral("bad.json")));
    REQUIRE(eventually([&] { return finished.count() == 1; }));
    CHECK(plan.importFailed());
    CHECK_FALSE(plan.importMessage().isEmpty());
    CHECK(manager.store().db().scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt() == before);

    plan.importPlan(QStringLiteral("file://" CLC_SOURCE_DIR "/data/plan-2017-2018.json"));
    REQUIRE(eventually([&] { return finished.count() == 2; }));
    INFO(plan.importMessage().toStdString());
    CHECK_FALSE(plan.importFailed());
    REQUIRE(eventually([&] { return !plan.loading() && plan.schoolYear() == QStringLiteral("2017-2018"); }));
    CHECK(plan.rowCount() > 0); // the targets
    StoreManager::setInstance(nullptr);
}

TEST_CASE("the activity form does not save before it has read the activity", "[app][activity][edit]")
{
    Demo d;
    const QString id = records::activities(d.store(), QStringLiteral("2017-11")).front().id;
    ActivityEditor e;
    e.setActivityId(id);
    CHECK_FALSE(e.ready());
    const QString before = d.outbox();
    CHECK_FALSE(e.save({{QStringLiteral("status"), QStringLiteral("planned")}, {QStringLiteral("kind"), QStringLiteral("other")}}));
    CHECK_FALSE(e.lastError().isEmpty());
    CHECK(d.outbox() == before);
    REQUIRE(eventually([&e] { return e.ready(); }));
}

TEST_CASE("after enrolment the settings show the new name, role and server at once", "[app][settings]")
{
    Demo d;
    SettingsController settings;
    QSignalSpy changed(&settings, &SettingsController::enrolmentChanged);
    d.store().setMeta(QStringLiteral("device_name"), QStringLiteral("Máy tính bảng khu 3"));
    d.store().setMeta(QStringLiteral("role"), QStringLiteral("facilitator"));
    d.store().setMeta(QStringLiteral("server_url"), QStringLiteral("https://phuong.example"));
    d.manager->refreshRole(); // what SyncStatus does when enrolment succeeds
    CHECK(changed.count() == 1);
    CHECK(settings.deviceName() == QStringLiteral("Máy tính bảng khu 3"));
    CHECK(settings.role().startsWith(QStringLiteral("facilitator")));
    CHECK(settings.server() == QStringLiteral("https://phuong.example"));
}
