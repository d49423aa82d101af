#include "demodata.h"
#include "error.h"
#include "hybridclock.h"
#include "records.h"
#include "reports.h"
#include "schema.h"
#include "store.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

namespace {

QString str(const char *s) { return QString::fromUtf8(s); }

// The error f throws (the test fails if it throws none).
template <class F>
Error errorOf(F f)
{
    try {
        f();
    } catch (const Error &e) {
        return e;
    }
    FAIL("no clc::Error was thrown");
    return Error(Error::Code::Database, QString());
}

QStringList names(const std::vector<PersonRow> &rows)
{
    QStringList out;
    for (const PersonRow &r : rows)
        out << r.fullName;
    return out;
}

QStringList titles(const std::vector<ActivityRow> &rows)
{
    QStringList out;
    for (const ActivityRow &r : rows)
        out << r.title;
    return out;
}

qint64 count(Store &s, const QString &sql) { return s.db().scalar(sql).toInt(); }

// A centre built by hand: three groups (one of them "all residents") and nothing else.
struct Centre
{
    TempDir dir;
    std::unique_ptr<Store> s = makeStore(dir);
    QString farmers = group("nong-dan", "Nông dân", "Hội viên nông dân\nND");
    QString women = group("phu-nu", "Phụ nữ");
    QString residents = group("nhan-dan", "Nhân dân", {}, true);

    QString group(const char *code, const char *name, const QString &aliases = {}, bool everyone = false)
    {
        const QString id = Store::newId();
        s->write(QStringLiteral("learner_groups"), id,
                 {{QStringLiteral("code"), str(code)}, {QStringLiteral("name"), str(name)},
                  {QStringLiteral("aliases"), aliases.isEmpty() ? Value() : Value(aliases)},
                  {QStringLiteral("everyone"), qint64(everyone)}});
        return id;
    }
    QString person(const char *name, const QStringList &groups = {})
    {
        PersonInput in;
        in.fullName = str(name);
        in.groups = groups;
        return records::addPerson(*s, in);
    }
    QString activity(const char *month, const char *title, const QStringList &groups = {})
    {
        ActivityInput in;
        in.month = str(month);
        in.title = str(title);
        in.groups = groups;
        return records::addActivity(*s, in);
    }
    QString session(const QString &activity, const char *at = "2017-11-10T08:00")
    {
        return records::addSession(*s, activity, str(at), QStringLiteral("Nhà văn hoá khu 1"));
    }
    qint64 outbox() { return count(*s, QStringLiteral("SELECT count(*) FROM outbox")); }
};

} // namespace

TEST_CASE("activities come in plan order, by month and then by their order in the month, without deleted ones", "[records]")
{
    Centre c;
    const QString law = c.activity("2018-03", "Phổ biến pháp luật");
    const QString rice = c.activity("2017-11", "Tập huấn chăm sóc lúa");
    const QString health = c.activity("2017-11", "Chăm sóc sức khoẻ");
    const QString gone = c.activity("2017-11", "Bị xoá");
    c.s->remove(QStringLiteral("activities"), gone);

    CHECK(titles(records::activities(*c.s, QStringLiteral("2017-11"))) == QStringList{str("Tập huấn chăm sóc lúa"), str("Chăm sóc sức khoẻ")});
    CHECK(titles(records::activities(*c.s)) == QStringList{str("Tập huấn chăm sóc lúa"), str("Chăm sóc sức khoẻ"), str("Phổ biến pháp luật")});
    CHECK(records::activities(*c.s, QStringLiteral("2017-12")).empty());
    CHECK(records::activities(*c.s, QStringLiteral("2018-03")).at(0).id == law);

    // Each new activity goes after the others of its month (the deleted one still holds its place).
    CHECK(c.s->value(QStringLiteral("activities"), rice, QStringLiteral("ord")).toInt() == 0);
    CHECK(c.s->value(QStringLiteral("activities"), health, QStringLiteral("ord")).toInt() == 1);
    CHECK(c.s->value(QStringLiteral("activities"), gone, QStringLiteral("ord")).toInt() == 2);
    CHECK(c.s->value(QStringLiteral("activities"), law, QStringLiteral("ord")).toInt() == 0);
    CHECK(c.activity("2017-11", "Sau cùng") != QString());
    CHECK(c.s->value(QStringLiteral("activities"), records::activities(*c.s, QStringLiteral("2017-11")).back().id, QStringLiteral("ord")).toInt() == 3);

    // Moving one changes the order.
    records::setActivityField(*c.s, rice, QStringLiteral("ord"), QStringLiteral("9"));
    CHECK(titles(records::activities(*c.s, QStringLiteral("2017-11"))) == QStringList{str("Chăm sóc sức khoẻ"), str("Sau cùng"), str("Tập huấn chăm sóc lúa")});
}

TEST_CASE("a session's last mark change is the latest version of any of its marks, written at once or edited", "[records][clock]")
{
    Centre c;
    const QString a = records::addActivity(*c.s, ActivityInput{QStringLiteral("2017-11"), str("Tập huấn chăm sóc lúa")});
    const QString s1 = c.session(a, "2017-11-10T08:00"), s2 = c.session(a, "2017-11-17T08:00");
    const QString p1 = c.person("Nguyễn Văn Một"), p2 = c.person("Trần Thị Hai");
    const TableDef &attendance = *table(QStringLiteral("attendance"));
    const int status = attendance.fieldCode(QStringLiteral("status"));
    CHECK(records::lastMarkChangeMs(*c.s, s1) == 0); // no mark yet
    const QString m1 = records::markAttendance(*c.s, s1, p1, QStringLiteral("present"));
    const auto made = c.s->fieldVersion(attendance, m1, status);
    REQUIRE(made);
    CHECK(records::lastMarkChangeMs(*c.s, s1) == HybridClock::millis(made->hlc)); // the mark's own version, kept in the row
    // An edit stamped later (its own clock row) is the latest; a mark of another session is not counted.
    const qint64 later = HybridClock::millis(made->hlc) + 60000;
    c.s->write(QStringLiteral("attendance"), m1, {{QStringLiteral("status"), QStringLiteral("late")}}, HybridClock::pack(later, 0));
    records::markAttendance(*c.s, s2, p2, QStringLiteral("present"));
    CHECK(records::lastMarkChangeMs(*c.s, s1) == later);
    // A mark written at once after the edit's stamp is the latest again.
    const QString m2 = Store::naturalId(QStringLiteral("attendance"), s1, p2);
    c.s->write(QStringLiteral("attendance"), m2,
               {{QStringLiteral("session_id"), s1}, {QStringLiteral("person_id"), p2}, {QStringLiteral("status"), QStringLiteral("absent")}},
               HybridClock::pack(later + 5000, 0));
    CHECK(c.s->db().scalar(QStringLiteral("SELECT count(*) FROM field_clock WHERE row_id = '%1'").arg(m2)).toInt() == 0); // in the row
    CHECK(records::lastMarkChangeMs(*c.s, s1) == later + 5000);
}

TEST_CASE("an activity row carries what was entered, its sessions and its participants", "[records]")
{
    Centre c;
    ActivityInput in;
    in.month = QStringLiteral("2017-11");
    in.title = QStringLiteral("  Tập huấn kỹ thuật chăm sóc cây lúa  ");
    in.kind = QStringLiteral("technical");
    in.groups = QStringList{str("Nông dân"), str("Phụ nữ")};
    in.partners = QStringList{str("Hội Nông dân")};
    in.teacher = str("KS. Lê Văn Tư");
    in.budget = 1500000;
    in.plannedParticipants = 30;
    const QString a = records::addActivity(*c.s, in);

    const QString p1 = c.person("Nguyễn Văn Một"), p2 = c.person("Trần Thị Hai"), p3 = c.person("Lê Thị Ba"), p4 = c.person("Phạm Văn Bốn");
    const QString s1 = c.session(a, "2017-11-10T08:00"), s2 = c.session(a, "2017-11-17T08:00");
    records::markAttendance(*c.s, s1, p1, QStringLiteral("present"));
    records::markAttendance(*c.s, s1, p2, QStringLiteral("late"));
    records::markAttendance(*c.s, s1, p4, QStringLiteral("excused"));
    records::markAttendance(*c.s, s2, p1, QStringLiteral("present"));
    records::markAttendance(*c.s, s2, p3, QStringLiteral("absent"));
    c.s->write(QStringLiteral("sessions"), s2, {{QStringLiteral("headcount"), 10}});

    const auto rows = records::activities(*c.s, QStringLiteral("2017-11"));
    REQUIRE(rows.size() == 1);
    const ActivityRow &r = rows[0];
    CHECK(r.id == a);
    CHECK(r.month == QStringLiteral("2017-11"));
    CHECK(r.title == str("Tập huấn kỹ thuật chăm sóc cây lúa"));
    CHECK(r.kind == QStringLiteral("technical"));
    CHECK(r.status == QStringLiteral("planned"));
    CHECK(r.groupText == str("Nông dân, Phụ nữ"));
    CHECK(r.partnerText == str("Hội Nông dân"));
    CHECK(r.teacher == str("KS. Lê Văn Tư"));
    CHECK(r.budget == std::optional<qint64>(1500000));
    CHECK(r.plannedParticipants == std::optional<qint64>(30));
    CHECK(r.sessions == 2);
    CHECK(r.participants == 12); // Một and Hai (late counts), once each, plus 10 unnamed; excused and absent do not

    // The named groups are the existing ones; the unknown partner was created and linked.
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM learner_groups")) == 3);
    CHECK(c.s->exists(QStringLiteral("activity_groups"), Store::naturalId(QStringLiteral("activity_groups"), a, c.farmers)));
    CHECK(c.s->exists(QStringLiteral("activity_groups"), Store::naturalId(QStringLiteral("activity_groups"), a, c.women)));
    const QString org = records::organisationId(*c.s, QStringLiteral("hoi nong dan"), false, QStringLiteral("--partner"));
    CHECK(c.s->value(QStringLiteral("organisations"), org, QStringLiteral("name")).toText() == str("Hội Nông dân"));
    CHECK(c.s->exists(QStringLiteral("activity_partners"), Store::naturalId(QStringLiteral("activity_partners"), a, org)));

    // A session deleted no longer counts.
    c.s->remove(QStringLiteral("sessions"), s2);
    CHECK(records::activities(*c.s, QStringLiteral("2017-11"))[0].sessions == 1);
    CHECK(records::activities(*c.s, QStringLiteral("2017-11"))[0].participants == 2);
}

TEST_CASE("an activity that cannot be stored is not stored at all, nor are the groups it named", "[records][errors]")
{
    Centre c;
    ActivityInput in;
    in.month = QStringLiteral("2017-13");
    in.title = QStringLiteral("Tháng không có");
    in.groups = QStringList{str("Thanh niên")};
    const Error e = errorOf([&] { records::addActivity(*c.s, in); });
    CHECK(e.code() == Error::Code::InvalidInput);
    CHECK(e.field() == QStringLiteral("activities.month"));
    in.month = QStringLiteral("2017-12");
    in.kind = QStringLiteral("dancing");
    CHECK(errorOf([&] { records::addActivity(*c.s, in); }).field() == QStringLiteral("activities.kind"));
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM activities")) == 0);
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM learner_groups")) == 3);
}

TEST_CASE("a learner group is found by code, name or alias, whatever the case and diacritics", "[records][groups]")
{
    Centre c;
    const QString field = QStringLiteral("--group");
    CHECK(records::groupId(*c.s, QStringLiteral("nong-dan"), false, field) == c.farmers);
    CHECK(records::groupId(*c.s, str("Nông dân"), false, field) == c.farmers);
    CHECK(records::groupId(*c.s, QStringLiteral("NONG  DAN "), false, field) == c.farmers);
    CHECK(records::groupId(*c.s, str("nông dân"), false, field) == c.farmers);
    CHECK(records::groupId(*c.s, QStringLiteral("hoi vien nong dan"), false, field) == c.farmers);
    CHECK(records::groupId(*c.s, QStringLiteral("nd"), false, field) == c.farmers);
    CHECK(records::groupId(*c.s, QStringLiteral("Phu nu"), false, field) == c.women);

    const Error unknown = errorOf([&] { records::groupId(*c.s, str("Cựu chiến binh"), false, field); });
    CHECK(unknown.code() == Error::Code::NotFound);
    CHECK(unknown.field() == field);
    CHECK(unknown.message().contains(str("Cựu chiến binh")));
    const Error empty = errorOf([&] { records::groupId(*c.s, QStringLiteral("   "), true, field); });
    CHECK(empty.code() == Error::Code::InvalidInput);
    CHECK(empty.field() == field);
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM learner_groups")) == 3);

    // Created when asked: the id comes from the folded name, so another device typing it meets this one.
    const QString veterans = records::groupId(*c.s, str(" Cựu chiến binh "), true, field);
    CHECK(veterans == c.s->derivedId(QStringLiteral("learner_groups/cuu chien binh")));
    CHECK(c.s->value(QStringLiteral("learner_groups"), veterans, QStringLiteral("name")).toText() == str("Cựu chiến binh"));
    CHECK(c.s->value(QStringLiteral("learner_groups"), veterans, QStringLiteral("code")).toText() == QStringLiteral("cuu chien binh"));
    CHECK(records::groupId(*c.s, QStringLiteral("CUU CHIEN BINH"), true, field) == veterans);
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM learner_groups")) == 4);

    // A deleted group is no longer found.
    c.s->remove(QStringLiteral("learner_groups"), c.women);
    CHECK(errorOf([&] { records::groupId(*c.s, str("Phụ nữ"), false, field); }).code() == Error::Code::NotFound);
}

TEST_CASE("an organisation is found by code or name and created on request", "[records][groups]")
{
    Centre c;
    const QString id = Store::newId();
    c.s->write(QStringLiteral("organisations"), id, {{QStringLiteral("code"), QStringLiteral("hoi-nd")}, {QStringLiteral("name"), str("Hội Nông dân phường")}});
    CHECK(records::organisationId(*c.s, QStringLiteral("HOI-ND"), false, QStringLiteral("--partner")) == id);
    CHECK(records::organisationId(*c.s, QStringLiteral("hoi nong dan phuong"), false, QStringLiteral("--partner")) == id);
    const Error e = errorOf([&] { records::organisationId(*c.s, str("Trạm y tế"), false, QStringLiteral("--partner")); });
    CHECK(e.code() == Error::Code::NotFound);
    CHECK(e.field() == QStringLiteral("--partner"));
    // A group's name is not an organisation.
    CHECK_THROWS_AS(records::organisationId(*c.s, str("Nông dân"), false, QStringLiteral("--partner")), Error);
    const QString station = records::organisationId(*c.s, str("Trạm y tế"), true, QStringLiteral("--partner"));
    CHECK(station == c.s->derivedId(QStringLiteral("organisations/tram y te")));
    CHECK(records::organisationId(*c.s, QStringLiteral("tram y te"), false, QStringLiteral("--partner")) == station);
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM organisations")) == 2);
}

TEST_CASE("a group cell splits at commas, except inside a known name or alias, the longest one first", "[records][groups]")
{
    Centre c;
    c.group("cb", "Cán bộ phường, khu", str("CB phường, khu"));
    c.group("cbp", "Cán bộ phường");
    CHECK(records::splitGroupNames(*c.s, str("Cán bộ phường, khu, Phụ nữ")) == QStringList{str("Cán bộ phường, khu"), str("Phụ nữ")});
    CHECK(records::splitGroupNames(*c.s, str("Phụ nữ, Cán bộ phường")) == QStringList{str("Phụ nữ"), str("Cán bộ phường")});
    CHECK(records::splitGroupNames(*c.s, str("CB phường, khu")) == QStringList{str("CB phường, khu")});
    // Spacing and diacritics do not matter to recognise a name; what was typed is kept.
    CHECK(records::splitGroupNames(*c.s, QStringLiteral("can bo phuong,khu")) == QStringList{QStringLiteral("can bo phuong,khu")});
    // Unknown names split at , ; and /, with empty pieces and extra spaces dropped.
    CHECK(records::splitGroupNames(*c.s, str("Thanh niên; Phụ nữ /  Người  cao tuổi,, ")) ==
          QStringList{str("Thanh niên"), str("Phụ nữ"), str("Người cao tuổi")});
    CHECK(records::splitGroupNames(*c.s, QString()).isEmpty());
}

TEST_CASE("an activity field is set from what the user typed, and unknown or internal fields are refused", "[records][errors]")
{
    Centre c;
    const QString a = c.activity("2017-11", "Tập huấn");
    records::setActivityField(*c.s, a, QStringLiteral("budget"), QStringLiteral("1.500.000"));
    CHECK(c.s->value(QStringLiteral("activities"), a, QStringLiteral("budget")).toInt() == 1500000);
    records::setActivityField(*c.s, a, QStringLiteral("status"), QStringLiteral(" cancelled "));
    CHECK(c.s->value(QStringLiteral("activities"), a, QStringLiteral("status")).toText() == QStringLiteral("cancelled"));
    records::setActivityField(*c.s, a, QStringLiteral("budget"), QString());
    CHECK(c.s->value(QStringLiteral("activities"), a, QStringLiteral("budget")).isNull());

    const Error internal = errorOf([&] { records::setActivityField(*c.s, a, QStringLiteral("centre_id"), Store::newId()); });
    CHECK(internal.code() == Error::Code::InvalidInput);
    CHECK(internal.field() == QStringLiteral("centre_id"));
    CHECK(internal.message().contains(QStringLiteral("budget_spent")));
    CHECK_FALSE(internal.message().contains(QStringLiteral("plan_id")));
    CHECK(errorOf([&] { records::setActivityField(*c.s, a, QStringLiteral("colour"), QStringLiteral("red")); }).field() == QStringLiteral("colour"));
    CHECK(errorOf([&] { records::setActivityField(*c.s, a, QStringLiteral("budget"), QStringLiteral("nhiều")); }).code() == Error::Code::InvalidInput);
    CHECK(errorOf([&] { records::setActivityField(*c.s, a, QStringLiteral("budget"), QStringLiteral("-5")); }).field() == QStringLiteral("activities.budget"));
    CHECK(errorOf([&] { records::setActivityField(*c.s, a, QStringLiteral("title"), QStringLiteral("  ")); }).field() == QStringLiteral("activities.title"));
    CHECK(c.s->value(QStringLiteral("activities"), a, QStringLiteral("title")).toText() == str("Tập huấn"));

    const Error missing = errorOf([&] { records::setActivityField(*c.s, Store::newId(), QStringLiteral("budget"), QStringLiteral("1")); });
    CHECK(missing.code() == Error::Code::NotFound);
    CHECK(missing.field() == QStringLiteral("ID"));
    c.s->remove(QStringLiteral("activities"), a);
    CHECK(errorOf([&] { records::setActivityField(*c.s, a, QStringLiteral("budget"), QStringLiteral("1")); }).code() == Error::Code::NotFound);
}

TEST_CASE("updating an activity sets every field or none", "[records][errors]")
{
    Centre c;
    const QString a = c.activity("2017-11", "Tập huấn");
    c.s->db().exec(QStringLiteral("DELETE FROM outbox"));
    const Error e = errorOf([&] {
        records::updateActivity(*c.s, a, {{QStringLiteral("budget"), QStringLiteral("2.000.000")}, {QStringLiteral("status"), QStringLiteral("finished")}});
    });
    CHECK(e.field() == QStringLiteral("activities.status"));
    CHECK(c.s->value(QStringLiteral("activities"), a, QStringLiteral("budget")).isNull());
    CHECK(c.outbox() == 0);

    records::updateActivity(*c.s, a, {{QStringLiteral("budget"), QStringLiteral("2.000.000")}, {QStringLiteral("status"), QStringLiteral("done")},
                                      {QStringLiteral("teacher"), str("Bác sĩ Hoa")}});
    CHECK(c.s->value(QStringLiteral("activities"), a, QStringLiteral("budget")).toInt() == 2000000);
    CHECK(c.s->value(QStringLiteral("activities"), a, QStringLiteral("status")).toText() == QStringLiteral("done"));
    CHECK(records::activities(*c.s).at(0).teacher == str("Bác sĩ Hoa"));
    CHECK(c.outbox() == 3);
}

TEST_CASE("a session keeps its times and place trimmed and belongs to a live activity", "[records][errors]")
{
    Centre c;
    const QString a = c.activity("2017-11", "Tập huấn");
    const QString s = records::addSession(*c.s, a, QStringLiteral("2017-11-10T08:00"), str("  Nhà văn hoá khu 3 "), QString(), QStringLiteral(" "));
    CHECK(c.s->value(QStringLiteral("sessions"), s, QStringLiteral("activity_id")).toText() == a);
    CHECK(c.s->value(QStringLiteral("sessions"), s, QStringLiteral("starts_at")).toText() == QStringLiteral("2017-11-10T08:00"));
    CHECK(c.s->value(QStringLiteral("sessions"), s, QStringLiteral("place")).toText() == str("Nhà văn hoá khu 3"));
    CHECK(c.s->value(QStringLiteral("sessions"), s, QStringLiteral("ends_at")).isNull());
    CHECK(c.s->value(QStringLiteral("sessions"), s, QStringLiteral("facilitator")).isNull());
    const QString t = records::addSession(*c.s, a, QStringLiteral("2017-11-11T19:30"), QString(), QStringLiteral("2017-11-11T21:00"), str("Bác sĩ Hoa"));
    CHECK(c.s->value(QStringLiteral("sessions"), t, QStringLiteral("ends_at")).toText() == QStringLiteral("2017-11-11T21:00"));
    CHECK(c.s->value(QStringLiteral("sessions"), t, QStringLiteral("facilitator")).toText() == str("Bác sĩ Hoa"));
    CHECK(c.s->value(QStringLiteral("sessions"), t, QStringLiteral("place")).isNull());

    CHECK(errorOf([&] { records::addSession(*c.s, a, QStringLiteral("10/11/2017 08:00"), QString()); }).field() == QStringLiteral("sessions.starts_at"));
    const Error unknown = errorOf([&] { records::addSession(*c.s, Store::newId(), QStringLiteral("2017-11-10T08:00"), QString()); });
    CHECK(unknown.code() == Error::Code::NotFound);
    CHECK(unknown.field() == QStringLiteral("ACTIVITY_ID"));
    c.s->remove(QStringLiteral("activities"), a);
    CHECK(errorOf([&] { records::addSession(*c.s, a, QStringLiteral("2017-11-12T08:00"), QString()); }).field() == QStringLiteral("ACTIVITY_ID"));
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM sessions")) == 2);
}

TEST_CASE("a person is stored with a tidy name and their groups, and an update sets the groups to exactly those given", "[records][people]")
{
    Centre c;
    PersonInput in;
    in.fullName = QStringLiteral("  Nguyễn   Thị  Hoa ");
    in.sex = QStringLiteral("f");
    in.birthYear = 1975;
    in.khu = QStringLiteral(" Khu 2 ");
    in.phone = QStringLiteral("0912345678");
    in.note = str("Chi hội trưởng");
    in.groups = QStringList{str("Nông dân"), QStringLiteral("phu nu")};
    const QString p = records::addPerson(*c.s, in);

    auto rows = records::findPeople(*c.s, QStringLiteral("hoa"));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == p);
    CHECK(rows[0].fullName == str("Nguyễn Thị Hoa"));
    CHECK(rows[0].sex == QStringLiteral("f"));
    CHECK(rows[0].birthYear == std::optional<qint64>(1975));
    CHECK(rows[0].khu == QStringLiteral("Khu 2"));
    CHECK(rows[0].phone == QStringLiteral("0912345678"));
    CHECK(rows[0].note == str("Chi hội trưởng"));
    QStringList groups = rows[0].groups;
    groups.sort();
    CHECK(groups == QStringList{str("Nông dân"), str("Phụ nữ")});
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM learner_groups")) == 3); // "phu nu" is the existing group

    // Updating with the same input records nothing.
    c.s->db().exec(QStringLiteral("DELETE FROM outbox"));
    records::updatePerson(*c.s, p, in);
    CHECK(c.outbox() == 0);

    PersonInput next = in;
    next.phone.clear();
    next.birthYear.reset();
    next.groups = QStringList{str("Phụ nữ"), str("Thanh niên")};
    records::updatePerson(*c.s, p, next);
    rows = records::findPeople(*c.s, QStringLiteral("hoa"));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].phone.isEmpty());
    CHECK_FALSE(rows[0].birthYear.has_value());
    groups = rows[0].groups;
    groups.sort();
    CHECK(groups == QStringList{str("Phụ nữ"), str("Thanh niên")});
    // The link to the farmers is deleted (an ordinary write that syncs), not removed from the file.
    const QString farmersLink = Store::naturalId(QStringLiteral("person_groups"), p, c.farmers);
    CHECK(c.s->exists(QStringLiteral("person_groups"), farmersLink));
    CHECK(c.s->value(QStringLiteral("person_groups"), farmersLink, QStringLiteral("deleted")).toInt() == 1);

    // Back into the group: the same link row comes back to life.
    next.groups << str("Nông dân");
    records::updatePerson(*c.s, p, next);
    CHECK(c.s->value(QStringLiteral("person_groups"), farmersLink, QStringLiteral("deleted")).toInt() == 0);
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM person_groups")) == 3);

    const Error e = errorOf([&] { records::updatePerson(*c.s, Store::newId(), next); });
    CHECK(e.code() == Error::Code::NotFound);
    CHECK(e.field() == QStringLiteral("PERSON_ID"));
    PersonInput bad = in;
    bad.birthYear = 1850;
    CHECK(errorOf([&] { records::addPerson(*c.s, bad); }).field() == QStringLiteral("people.birth_year"));
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM people")) == 1);
}

TEST_CASE("the people expected at an activity are the live members of its groups, or everyone for an all-residents group", "[records][expected]")
{
    Centre c;
    const QString p1 = c.person("Nguyễn Văn Một", {str("Nông dân")});
    const QString p2 = c.person("Trần Thị Hai", {str("Nông dân"), str("Phụ nữ")});
    const QString p3 = c.person("Lê Thị Ba", {str("Phụ nữ")});
    const QString p4 = c.person("Phạm Văn Bốn"); // in no group
    const QString p5 = c.person("Đỗ Văn Năm", {str("Nông dân")});
    c.s->remove(QStringLiteral("people"), p5);

    const QString both = c.activity("2017-11", "Tập huấn", {str("Nông dân"), str("Phụ nữ")});
    const QString farm = c.activity("2017-11", "Chăm sóc lúa", {str("Nông dân")});
    const QString all = c.activity("2017-12", "Truyền thông dân số", {str("Nhân dân")});
    const QString mixed = c.activity("2017-12", "Ngày hội", {str("Phụ nữ"), str("Nhân dân")});
    const QString none = c.activity("2018-01", "Không nhóm");

    CHECK(records::expectedPeople(*c.s, both) == QSet<QString>{p1, p2, p3});
    CHECK(records::expectedPeople(*c.s, farm) == QSet<QString>{p1, p2});
    CHECK(records::expectedPeople(*c.s, all) == QSet<QString>{p1, p2, p3, p4});
    CHECK(records::expectedPeople(*c.s, mixed) == QSet<QString>{p1, p2, p3, p4});
    CHECK(records::expectedPeople(*c.s, none).isEmpty());
    CHECK(records::expectedPeople(*c.s, Store::newId()).isEmpty());

    // Leaving a group, or the activity dropping a group, changes who is expected.
    records::updatePerson(*c.s, p2, PersonInput{str("Trần Thị Hai"), {}, {}, {}, {}, {}, {str("Phụ nữ")}});
    CHECK(records::expectedPeople(*c.s, farm) == QSet<QString>{p1});
    CHECK(records::expectedPeople(*c.s, both) == QSet<QString>{p1, p2, p3});
    c.s->remove(QStringLiteral("activity_groups"), Store::naturalId(QStringLiteral("activity_groups"), both, c.farmers));
    CHECK(records::expectedPeople(*c.s, both) == QSet<QString>{p2, p3});
    c.s->remove(QStringLiteral("activity_groups"), Store::naturalId(QStringLiteral("activity_groups"), mixed, c.residents));
    CHECK(records::expectedPeople(*c.s, mixed) == QSet<QString>{p2, p3});
}

TEST_CASE("a session's marks are the live ones: a new mark replaces the old, an unmarked person is gone", "[records][attendance]")
{
    Centre c;
    const QString a = c.activity("2017-11", "Tập huấn");
    const QString s1 = c.session(a, "2017-11-10T08:00"), s2 = c.session(a, "2017-11-17T08:00");
    const QString p1 = c.person("Nguyễn Văn Một"), p2 = c.person("Trần Thị Hai"), p3 = c.person("Lê Thị Ba");

    const QString m1 = records::markAttendance(*c.s, s1, p1, QStringLiteral("present"));
    CHECK(m1 == Store::naturalId(QStringLiteral("attendance"), s1, p1));
    records::markAttendance(*c.s, s1, p2, QStringLiteral("late"));
    records::markAttendance(*c.s, s1, p3, QStringLiteral("absent"));
    records::markAttendance(*c.s, s2, p3, QStringLiteral("present"));
    CHECK(records::markAttendance(*c.s, s1, p1, QStringLiteral("excused")) == m1);
    records::unmark(*c.s, s1, p3);

    const QHash<QString, QString> expected{{p1, QStringLiteral("excused")}, {p2, QStringLiteral("late")}};
    CHECK(records::sessionMarks(*c.s, s1) == expected);
    CHECK(records::sessionMarks(*c.s, s2) == QHash<QString, QString>{{p3, QStringLiteral("present")}});
    CHECK(records::sessionMarks(*c.s, Store::newId()).isEmpty());
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM attendance")) == 4); // the unmarked one is kept, deleted

    // Unmarking someone who was never marked writes nothing; marking again after an unmark is one row.
    c.s->db().exec(QStringLiteral("DELETE FROM outbox"));
    records::unmark(*c.s, s2, p1);
    CHECK(c.outbox() == 0);
    CHECK(records::markAttendance(*c.s, s1, p3, QStringLiteral("late")) == Store::naturalId(QStringLiteral("attendance"), s1, p3));
    CHECK(records::sessionMarks(*c.s, s1).value(p3) == QStringLiteral("late"));
    CHECK(count(*c.s, QStringLiteral("SELECT count(*) FROM attendance")) == 4);

    // Refused: a status that is not one, a person or session that is not there.
    CHECK(errorOf([&] { records::markAttendance(*c.s, s2, p2, QStringLiteral("here")); }).field() == QStringLiteral("attendance.status"));
    CHECK(errorOf([&] { records::markAttendance(*c.s, s2, Store::newId(), QStringLiteral("present")); }).field() == QStringLiteral("PERSON_ID"));
    CHECK(errorOf([&] { records::markAttendance(*c.s, Store::newId(), p2, QStringLiteral("present")); }).field() == QStringLiteral("SESSION_ID"));
    c.s->remove(QStringLiteral("people"), p2);
    CHECK(errorOf([&] { records::markAttendance(*c.s, s2, p2, QStringLiteral("present")); }).code() == Error::Code::NotFound);
    CHECK(records::sessionMarks(*c.s, s2).size() == 1);
}

TEST_CASE("a mark waits until the server has it, and a refused mark says why", "[records][sync]")
{
    Centre c;
    const QString a = c.activity("2017-11", "Tập huấn");
    const QString s1 = c.session(a, "2017-11-10T08:00"), s2 = c.session(a, "2017-11-17T08:00");
    const QString p1 = c.person("Nguyễn Văn Một"), p2 = c.person("Trần Thị Hai"), p3 = c.person("Lê Thị Ba");
    records::markAttendance(*c.s, s1, p1, QStringLiteral("present"));
    records::markAttendance(*c.s, s1, p2, QStringLiteral("late"));
    records::markAttendance(*c.s, s2, p3, QStringLiteral("present"));

    auto states = records::markSyncStates(*c.s, s1);
    CHECK(states.size() == 2);
    CHECK(states.value(p1).waiting);
    CHECK(states.value(p1).refused.isEmpty());
    CHECK(states.value(p2).waiting);
    CHECK_FALSE(states.contains(p3)); // marked at another session

    // The server acknowledged everything: in step, so nobody is listed.
    c.s->db().exec(QStringLiteral("DELETE FROM outbox"));
    CHECK(records::markSyncStates(*c.s, s1).isEmpty());
    CHECK(records::markSyncStates(*c.s, s2).isEmpty());

    // One re-mark waits; the other person stays in step.
    records::markAttendance(*c.s, s1, p1, QStringLiteral("excused"));
    states = records::markSyncStates(*c.s, s1);
    CHECK(states.keys() == QList<QString>{p1});
    CHECK(states.value(p1).waiting);

    // The server refuses it: no longer waiting, with the reason.
    c.s->db().exec(QStringLiteral("UPDATE outbox SET error = 'role: a viewer may not mark attendance'"));
    states = records::markSyncStates(*c.s, s1);
    REQUIRE(states.contains(p1));
    CHECK_FALSE(states.value(p1).waiting);
    CHECK(states.value(p1).refused == QStringLiteral("role: a viewer may not mark attendance"));

    // A new change behind the refused one: waiting again, and the refusal still shown.
    records::markAttendance(*c.s, s1, p1, QStringLiteral("present"));
    states = records::markSyncStates(*c.s, s1);
    CHECK(states.value(p1).waiting);
    CHECK(states.value(p1).refused == QStringLiteral("role: a viewer may not mark attendance"));

    // Unmarking is a change too: it waits like any other.
    records::unmark(*c.s, s1, p2);
    states = records::markSyncStates(*c.s, s1);
    CHECK(states.size() == 2);
    CHECK(states.value(p2).waiting);
    CHECK(states.value(p2).refused.isEmpty());
}

TEST_CASE("a person's register entry waits until the server has it", "[records][sync]")
{
    Centre c;
    const QString p1 = c.person("Nguyễn Văn Một"), p2 = c.person("Trần Thị Hai");
    auto states = records::personSyncStates(*c.s);
    CHECK(states.size() == 2);
    CHECK(states.value(p1).waiting);
    CHECK(states.value(p2).waiting);

    c.s->db().exec(QStringLiteral("DELETE FROM outbox"));
    CHECK(records::personSyncStates(*c.s).isEmpty());

    records::updatePerson(*c.s, p2, PersonInput{str("Trần Thị Hai"), QStringLiteral("f"), 1970, {}, {}, {}, {}});
    states = records::personSyncStates(*c.s);
    CHECK(states.keys() == QList<QString>{p2});
    // Only the birth year is refused; the sex was taken: waiting, and the refusal shown.
    c.s->db().exec(QStringLiteral("UPDATE outbox SET error = 'too old' WHERE field = %1").arg(table(QStringLiteral("people"))->fieldCode(QStringLiteral("birth_year"))));
    states = records::personSyncStates(*c.s);
    CHECK(states.value(p2).waiting);
    CHECK(states.value(p2).refused == QStringLiteral("too old"));
    c.s->db().exec(QStringLiteral("DELETE FROM outbox WHERE error IS NULL"));
    CHECK_FALSE(records::personSyncStates(*c.s).value(p2).waiting);
    CHECK(records::personSyncStates(*c.s).value(p2).refused == QStringLiteral("too old"));
}

TEST_CASE("people are found by the starts of their words, without diacritics, in Vietnamese given-name order", "[records][people]")
{
    Centre c;
    const QString an = c.person("Nguyễn Văn An");
    c.person("Trần Văn An");
    c.person("Phạm Thị Ánh");
    c.person("Đỗ Thị Dung");
    c.person("Trần Văn Đức");
    c.person("Lê Thị Em");
    const QString lan = c.person("Trần Thị Lan");
    c.person("Nguyễn Thị Hoà");
    const QString gone = c.person("Nguyễn Văn Anh");
    c.s->remove(QStringLiteral("people"), gone);

    CHECK(names(records::findPeople(*c.s, QString())) ==
          QStringList{str("Nguyễn Văn An"), str("Trần Văn An"), str("Phạm Thị Ánh"), str("Đỗ Thị Dung"), str("Trần Văn Đức"),
                      str("Lê Thị Em"), str("Nguyễn Thị Hoà"), str("Trần Thị Lan")});
    CHECK(names(records::findPeople(*c.s, QStringLiteral("an"))) == QStringList{str("Nguyễn Văn An"), str("Trần Văn An"), str("Phạm Thị Ánh")});
    CHECK(names(records::findPeople(*c.s, QStringLiteral("d"))) == QStringList{str("Đỗ Thị Dung"), str("Trần Văn Đức")});
    CHECK(names(records::findPeople(*c.s, str("ĐỨC"))) == QStringList{str("Trần Văn Đức")});
    CHECK(names(records::findPeople(*c.s, QStringLiteral("tran van"))) == QStringList{str("Trần Văn An"), str("Trần Văn Đức")});
    CHECK(names(records::findPeople(*c.s, str("hòa"))) == QStringList{str("Nguyễn Thị Hoà")});
    CHECK(names(records::findPeople(*c.s, QStringLiteral("NGUYEN  hoa"))) == QStringList{str("Nguyễn Thị Hoà")});
    CHECK(names(records::findPeople(*c.s, QStringLiteral("van thi"))).isEmpty());
    CHECK(records::findPeople(*c.s, QStringLiteral("xyz")).empty());
    CHECK(records::findPeople(*c.s, QStringLiteral("anh")).size() == 1); // the deleted Anh is not found

    const QSet<QString> only{lan, an, gone};
    CHECK(names(records::findPeople(*c.s, QString(), &only)) == QStringList{str("Nguyễn Văn An"), str("Trần Thị Lan")});
    CHECK(names(records::findPeople(*c.s, QStringLiteral("tran"), &only)) == QStringList{str("Trần Thị Lan")});
    const QSet<QString> nobody;
    CHECK(records::findPeople(*c.s, QString(), &nobody).empty());
}

TEST_CASE("a person's groups are listed whole, even with commas in their names", "[records][people]")
{
    Centre c;
    c.group("cb", "Cán bộ phường, khu");
    const QString p = c.person("Vũ Thị Sen", {str("Cán bộ phường, khu"), str("Phụ nữ")});
    c.person("Vũ Văn Sơn");
    const auto rows = records::findPeople(*c.s, QStringLiteral("vu"));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == p);
    QStringList groups = rows[0].groups;
    groups.sort();
    CHECK(groups == QStringList{str("Cán bộ phường, khu"), str("Phụ nữ")});
    CHECK(rows[1].groups.isEmpty());
    CHECK(rows[1].sex.isEmpty());
    CHECK_FALSE(rows[1].birthYear.has_value());
}

TEST_CASE("activity kinds read as words, capitalised to start a line, and unknown kinds are shown as they are", "[records]")
{
    CHECK(records::kindLabel(QStringLiteral("technical")) == QStringLiteral("technical training"));
    CHECK(records::kindLabel(QStringLiteral("law")) == QStringLiteral("law and policy"));
    CHECK(records::kindLabel(QStringLiteral("health")) == QStringLiteral("health and population"));
    CHECK(records::kindLabel(QStringLiteral("culture")) == QStringLiteral("culture and sport"));
    CHECK(records::kindTitle(QStringLiteral("technical")) == QStringLiteral("Technical training"));
    CHECK(records::kindTitle(QStringLiteral("environment")) == QStringLiteral("Environment"));
    CHECK(records::kindLabel(QStringLiteral("dancing")) == QStringLiteral("dancing"));
    CHECK(records::kindTitle(QStringLiteral("dancing")) == QStringLiteral("Dancing"));
    CHECK(records::kindTitle(QString()).isEmpty());
}

TEST_CASE("sex is read from what people write, and anything else is refused with the field and line", "[records][errors]")
{
    const QString f = QStringLiteral("Giới tính");
    CHECK(records::parseSex(QStringLiteral("Nam"), f) == QStringLiteral("m"));
    CHECK(records::parseSex(QStringLiteral("NAM"), f) == QStringLiteral("m"));
    CHECK(records::parseSex(QStringLiteral("m"), f) == QStringLiteral("m"));
    CHECK(records::parseSex(QStringLiteral("Male"), f) == QStringLiteral("m"));
    CHECK(records::parseSex(str("Nữ"), f) == QStringLiteral("f"));
    CHECK(records::parseSex(QStringLiteral("nu"), f) == QStringLiteral("f"));
    CHECK(records::parseSex(QStringLiteral("F"), f) == QStringLiteral("f"));
    CHECK(records::parseSex(QStringLiteral("female"), f) == QStringLiteral("f"));
    CHECK(records::parseSex(QString(), f).isEmpty());
    CHECK(records::parseSex(QStringLiteral("   "), f).isEmpty());
    const Error e = errorOf([&] { records::parseSex(QStringLiteral("x"), f, 7); });
    CHECK(e.code() == Error::Code::InvalidInput);
    CHECK(e.field() == f);
    CHECK(e.line() == 7);
    CHECK_THROWS_AS(records::parseSex(QStringLiteral("nam nu"), f), Error);
}

TEST_CASE("on the demo, an all-residents activity expects every live person and a session's marks all wait to be sent", "[records][demo]")
{
    TempDir dir;
    Store s(dir.path(QStringLiteral("demo.db")), StoreOptions{QStringLiteral("dev"), {}});
    const DemoSummary sum = loadDemo(s);
    REQUIRE(sum.people > 200);

    // Every activity of the year, in month order; an activity for everyone expects every person.
    const auto all = records::activities(s);
    CHECK(int(all.size()) == sum.activities);
    for (size_t i = 1; i < all.size(); ++i)
        CHECK(all[i - 1].month <= all[i].month);
    const QString everyoneActivity = s.db().scalar(QStringLiteral(
        "SELECT ag.activity_id FROM activity_groups ag JOIN learner_groups g ON g.id = ag.group_id WHERE g.everyone = 1 ORDER BY ag.activity_id LIMIT 1")).toText();
    REQUIRE_FALSE(everyoneActivity.isEmpty());
    CHECK(records::expectedPeople(s, everyoneActivity).size() == sum.people);
    const std::vector<PersonRow> people = records::findPeople(s, QString());
    CHECK(int(people.size()) == sum.people);
    s.remove(QStringLiteral("people"), people[0].id);
    CHECK(records::expectedPeople(s, everyoneActivity).size() == sum.people - 1);
    CHECK_FALSE(records::expectedPeople(s, everyoneActivity).contains(people[0].id));

    // The session with the most marks: every marked person waits until the outbox is cleared.
    const QString session = s.db().scalar(QStringLiteral(
        "SELECT session_id FROM attendance GROUP BY session_id ORDER BY count(*) DESC, session_id LIMIT 1")).toText();
    const qint64 marked = count(s, QStringLiteral("SELECT count(*) FROM attendance WHERE session_id = '%1'").arg(session));
    REQUIRE(marked > 10);
    const auto marks = records::sessionMarks(s, session);
    CHECK(marks.size() == marked);
    auto states = records::markSyncStates(s, session);
    CHECK(states.size() == marked);
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        CHECK(marks.contains(it.key()));
        CHECK(it.value().waiting);
    }
    s.db().exec(QStringLiteral("DELETE FROM outbox"));
    CHECK(records::markSyncStates(s, session).isEmpty());
    const QString someone = marks.cbegin().key();
    const QString other = marks.cbegin().value() == QLatin1String("absent") ? QStringLiteral("present") : QStringLiteral("absent");
    records::markAttendance(s, session, someone, other);
    states = records::markSyncStates(s, session);
    CHECK(states.keys() == QList<QString>{someone});
    CHECK(records::sessionMarks(s, session).value(someone) == other);
}

TEST_CASE("a target measured by hand takes both figures, whole, the first not above the second, or nothing at all", "[records][targets]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QString plan = Store::newId(), manual = Store::newId(), counted = Store::newId();
    s->write(QStringLiteral("plans"), plan, {{QStringLiteral("centre_id"), s->centreId()}, {QStringLiteral("school_year"), QStringLiteral("2017-2018")}});
    s->write(QStringLiteral("targets"), manual, {{QStringLiteral("centre_id"), s->centreId()}, {QStringLiteral("plan_id"), plan},
                                                 {QStringLiteral("text"), QStringLiteral("Tỉ lệ hộ gia đình văn hoá")}, {QStringLiteral("metric"), QStringLiteral("manual")}});
    s->write(QStringLiteral("targets"), counted, {{QStringLiteral("centre_id"), s->centreId()}, {QStringLiteral("plan_id"), plan},
                                                  {QStringLiteral("text"), QStringLiteral("Người cao tuổi tham gia")}, {QStringLiteral("metric"), QStringLiteral("group_attendance")}});
    const qint64 before = s->pendingChanges();
    auto refused = [&](const QString &id, std::optional<qint64> n, std::optional<qint64> d) {
        try {
            records::setManualTarget(*s, id, n, d);
        } catch (const Error &e) {
            return e.describe();
        }
        return QString();
    };
    CHECK(refused(manual, 50, 40).contains(QStringLiteral("cannot be more than the 40")));
    CHECK(refused(manual, -1, 40).contains(QStringLiteral("negative")));
    CHECK(refused(manual, 0, 0).contains(QStringLiteral("more than 0")));
    CHECK(refused(manual, 3, std::nullopt).contains(QStringLiteral("both")));
    CHECK(refused(counted, 3, 4).contains(QStringLiteral("counted from attendance")));
    CHECK(refused(Store::newId(), 3, 4).contains(QStringLiteral("no such target")));
    CHECK(s->pendingChanges() == before); // nothing written
    records::setManualTarget(*s, manual, 311, 420);
    CHECK(s->value(QStringLiteral("targets"), manual, QStringLiteral("manual_numerator")).toInt() == 311);
    CHECK(s->value(QStringLiteral("targets"), manual, QStringLiteral("manual_denominator")).toInt() == 420);
    const YearFigures y = reports::yearFigures(*s, QStringLiteral("2017-2018"));
    const auto t = std::find_if(y.targets.begin(), y.targets.end(), [&](const TargetFigures &f) { return f.id == manual; });
    REQUIRE(t != y.targets.end());
    CHECK(*t->numerator == 311);
    records::setManualTarget(*s, manual, std::nullopt, std::nullopt); // cleared: not measured
    CHECK(s->value(QStringLiteral("targets"), manual, QStringLiteral("manual_numerator")).isNull());
}

TEST_CASE("the neighbourhoods a form offers are those in use, numbers ordered as numbers", "[records][people]")
{
    TempDir dir;
    auto s = makeStore(dir);
    for (const char *khu : {"Khu 10", "Khu 2", " Khu 2 ", "Khu 1", ""}) {
        PersonInput p;
        p.fullName = QStringLiteral("Người %1").arg(QString::fromUtf8(khu));
        p.khu = QString::fromUtf8(khu);
        records::addPerson(*s, p);
    }
    const QString gone = records::addPerson(*s, PersonInput{QStringLiteral("Đã xoá"), {}, {}, QStringLiteral("Khu 99")});
    s->write(QStringLiteral("people"), gone, {{QStringLiteral("deleted"), qint64(1)}});
    CHECK(records::khuValues(*s) == QStringList{QStringLiteral("Khu 1"), QStringLiteral("Khu 2"), QStringLiteral("Khu 10")});
}
