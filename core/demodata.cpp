#include "demodata.h"
#include "error.h"
#include "personimport.h"
#include "planimport.h"
#include "records.h"
#include "store.h"

#include <QDate>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <random>

namespace clc {

namespace {

QByteArray resource(const QString &name)
{
    QFile f(QStringLiteral(":/clc/data/") + name);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(Error::Code::NotFound, QStringLiteral("bundled file missing"), name);
    return f.readAll();
}

struct ActivityInfo
{
    QString id, month, kind, teacher, partnerText;
    bool everyone;
};

} // namespace

QByteArray bundledPlan() { return resource(QStringLiteral("plan-2017-2018.json")); }
QByteArray bundledRegister() { return resource(QStringLiteral("sample-register.csv")); }

DemoSummary loadDemo(Store &store)
{
    DemoSummary sum;
    const QByteArray plan = bundledPlan();
    if (!store.isInitialised()) {
        const QJsonObject centre = QJsonDocument::fromJson(plan).object().value(QStringLiteral("centre")).toObject();
        store.init(centre.value(QStringLiteral("name")).toString());
    }
    if (store.meta(MetaKey::DemoLoaded) == QLatin1String("1")) {
        sum.alreadyLoaded = true;
        return sum;
    }
    Transaction tx(store.db());
    sum.activities = importPlan(store, plan, QStringLiteral("plan-2017-2018.json")).activities;
    const PersonImportPreview preview = previewPeopleCsv(store, bundledRegister(), QStringLiteral("sample-register.csv"));
    sum.people = int(commitPeopleImport(store, preview, [&store](int line) {
                         return store.derivedId(QStringLiteral("demo/person/%1").arg(line));
                     }).size());

    // A fixed seed and fixed iteration orders: the same demo on every machine.
    std::mt19937 rng(20172018u);
    auto pick = [&rng](int n) { return int(rng() % unsigned(n)); };
    static const QStringList places{QStringLiteral("Hội trường UBND phường Đức Chính"), QStringLiteral("Nhà văn hoá khu 3"),
                                    QStringLiteral("Trường THCS Đức Chính"), QStringLiteral("Nhà văn hoá khu 6"),
                                    QStringLiteral("Sân Trường Tiểu học Đức Chính"), QStringLiteral("Nhà văn hoá khu 8")};
    static const QStringList times{QStringLiteral("07:30"), QStringLiteral("08:00"), QStringLiteral("14:00"), QStringLiteral("19:30")};

    std::vector<ActivityInfo> acts;
    {
        auto st = store.db().prepare(QStringLiteral(
            "SELECT a.id, a.month, a.kind, coalesce(a.teacher, ''), coalesce(a.partner_text, ''), "
            "  EXISTS (SELECT 1 FROM activity_groups ag JOIN learner_groups g ON g.id = ag.group_id "
            "          WHERE ag.activity_id = a.id AND g.everyone = 1) "
            "FROM activities a WHERE a.centre_id = ? AND a.deleted = 0 ORDER BY a.month, a.ord, a.id"));
        st.bind(1, store.centreId());
        while (st.step())
            acts.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5) != 0});
    }
    for (const ActivityInfo &a : acts) {
        // The last month of the year is still ahead in the demo: sessions planned, attendance not taken.
        const bool held = a.month < QLatin1String("2018-08");
        const int sessions = a.kind == QLatin1String("technical") ? 1 + pick(3) : 1;
        std::vector<QString> expected;
        if (!a.everyone) {
            auto st = store.db().prepare(QStringLiteral(
                "SELECT DISTINCT pg.person_id FROM person_groups pg JOIN activity_groups ag ON ag.group_id = pg.group_id "
                "WHERE ag.activity_id = ? AND pg.deleted = 0 AND ag.deleted = 0 ORDER BY pg.person_id"));
            st.bind(1, a.id);
            while (st.step())
                expected.push_back(st.text(0));
        }
        const QDate first = QDate::fromString(a.month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
        for (int n = 0; n < sessions; ++n) {
            QDate day = first.addDays(2 + pick(first.daysInMonth() - 4));
            if (day.dayOfWeek() == Qt::Sunday)
                day = day.addDays(-1);
            const QString start = day.toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char('T') + times[pick(int(times.size()))];
            const QTime t = QTime::fromString(start.right(5), QStringLiteral("HH:mm"));
            const QString end = day.toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char('T') + t.addSecs(2 * 3600).toString(QStringLiteral("HH:mm"));
            const QString sessionId = store.derivedId(QStringLiteral("demo/session/%1/%2").arg(a.id).arg(n));
            const QString facilitator = !a.teacher.isEmpty() ? a.teacher : a.partnerText.section(QLatin1Char(';'), 0, 0).trimmed();
            store.write(QStringLiteral("sessions"), sessionId,
                        {{QStringLiteral("activity_id"), a.id}, {QStringLiteral("starts_at"), start}, {QStringLiteral("ends_at"), end},
                         {QStringLiteral("place"), places[pick(int(places.size()))]},
                         {QStringLiteral("facilitator"), facilitator.isEmpty() ? Value() : Value(facilitator)},
                         {QStringLiteral("headcount"), held && a.everyone ? Value(qint64(40 + pick(120))) : Value()},
                         {QStringLiteral("deleted"), 0}});
            ++sum.sessions;
            if (!held)
                continue;
            for (const QString &person : expected) {
                const int r = pick(100);
                const QString status = r < 60 ? QStringLiteral("present") : r < 68 ? QStringLiteral("late")
                                     : r < 75 ? QStringLiteral("excused") : QStringLiteral("absent");
                records::markAttendance(store, sessionId, person, status);
                ++sum.marks;
            }
        }
        if (held)
            store.write(QStringLiteral("activities"), a.id, {{QStringLiteral("status"), QStringLiteral("done")}});
    }
    store.setMeta(MetaKey::DemoLoaded, QStringLiteral("1"));
    tx.commit();
    return sum;
}

} // namespace clc
