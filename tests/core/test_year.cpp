// The year's cycle (docs/year.md): the year-end text and evidence, the learning-needs survey and its
// tally, next year's draft from this year's evidence. Figures on the small year, counted by hand.
#include "error.h"
#include "exporter.h"
#include "plandraft.h"
#include "reports.h"
#include "smallyear.h"
#include "survey.h"

#include <QDateTime>
#include <catch2/catch.hpp>

using namespace clctest;
using namespace clc;

namespace {

QString str(const char *s) { return QString::fromUtf8(s); }
QVariant txt(const char *s) { return QVariant(QString::fromUtf8(s)); }
QVariant num(qint64 v) { return QVariant(v); }

const QString T1 = QString::fromUtf8("Kỹ thuật trồng trọt, chăn nuôi, nuôi trồng thủy sản");
const QString T2 = QString::fromUtf8("Sức khỏe, dinh dưỡng");
const QString T3 = QString::fromUtf8("Pháp luật, chính sách");

/// The small year with a survey of three answers (counted by hand below) and one answer taken back:
///   P1 (Khu 1, Nông dân): T1, T2, evening, months 10 and 3 (asked twice: the second answer stands);
///   P2 (Khu 2, Nông dân — her first group by name): T1, month 10;
///   Hộ bà Năm (Khu 3, no group): T3 and "Tin học", morning;
///   P3: T2, then the answer deleted.
struct SurveyYear : SmallYear
{
    QString survey;
    SurveyYear()
    {
        survey = survey::addSurvey(*s, QStringLiteral("2018-Q3"), QString());
        survey::AnswerInput a;
        a.personId = p1;
        a.topics = {T2};
        survey::answer(*s, survey, a);
        a.topics = {T1, T2};
        a.timeOfDay = QStringLiteral("evening");
        a.months = {10, 3};
        survey::answer(*s, survey, a);
        survey::AnswerInput b;
        b.personId = p2;
        b.topics = {T1};
        b.months = {10};
        survey::answer(*s, survey, b);
        survey::AnswerInput c;
        c.respondent = QString::fromUtf8("Hộ bà Năm");
        c.khu = QStringLiteral("Khu 3");
        c.topics = {T3};
        c.otherTopic = QString::fromUtf8("Tin học");
        c.timeOfDay = QStringLiteral("morning");
        survey::answer(*s, survey, c);
        survey::AnswerInput d;
        d.personId = p3;
        d.topics = {T2};
        s->remove(QStringLiteral("survey_answers"), survey::answer(*s, survey, d));
    }
    const survey::TopicTally &topic(const survey::SurveyTally &t, const QString &name)
    {
        for (const auto &x : t.topics)
            if (x.topic == name)
                return x;
        FAIL("no topic " << name.toStdString());
        return t.topics.front();
    }
};

} // namespace

TEST_CASE("the survey's tally counts each live answer once by topic, khu and target group", "[year][survey]")
{
    SurveyYear y;
    const survey::SurveyTally t = survey::tally(*y.s, {y.survey});
    CHECK(t.answers == 3);
    // Every topic asked about is listed, the most chosen first, then the one written in.
    REQUIRE(t.topics.size() == 6);
    CHECK(t.topics[0].topic == T1);
    const auto &t1 = y.topic(t, T1);
    CHECK(t1.answers == 2);
    CHECK(t1.kind == QStringLiteral("technical"));
    CHECK(t1.byKhu == QMap<QString, int>{{QStringLiteral("Khu 1"), 1}, {QStringLiteral("Khu 2"), 1}});
    CHECK(t1.byGroup == QMap<QString, int>{{str("Nông dân"), 2}});
    CHECK(t1.byMonth == QMap<int, int>{{10, 2}, {3, 1}});
    CHECK(y.topic(t, T2).answers == 1); // P1 only: P3's answer was taken back
    CHECK(y.topic(t, T3).answers == 1);
    CHECK(y.topic(t, T3).byGroup == QMap<QString, int>{{QStringLiteral("(not recorded)"), 1}});
    CHECK(y.topic(t, str("Tin học")).answers == 1);
    CHECK(y.topic(t, str("Tin học")).kind == QStringLiteral("other"));
    CHECK(y.topic(t, str("Văn hóa, văn nghệ, thể thao")).answers == 0);
    CHECK(t.khus == QStringList{QStringLiteral("Khu 1"), QStringLiteral("Khu 2"), QStringLiteral("Khu 3")});
    CHECK(t.byTimeOfDay == QMap<QString, int>{{QStringLiteral("evening"), 1}, {QStringLiteral("morning"), 1}, {QString(), 1}});
    CHECK(survey::surveys(*y.s).front().answers == 3);

    // The report shows the same numbers.
    const ReportDocument d = reports::surveyDocument(*y.s, y.survey, y.options);
    REQUIRE(d.tables.size() == 4);
    CHECK(d.tables[0].rows[0] == std::vector<QVariant>{QVariant(T1), num(2), QVariant(100.0 * 2 / 3), txt("month 10")});
    CHECK(d.tables[1].columns == QStringList{QStringLiteral("Topic"), QStringLiteral("Khu 1"), QStringLiteral("Khu 2"), QStringLiteral("Khu 3"), QStringLiteral("Total")});
    CHECK(d.tables[1].rows[0] == std::vector<QVariant>{QVariant(T1), num(1), num(1), num(0), num(2)});
}

TEST_CASE("a person deleted from the register takes their survey answer out of the tally", "[year][survey]")
{
    SurveyYear y;
    y.s->remove(QStringLiteral("people"), y.p2);
    const survey::SurveyTally t = survey::tally(*y.s, {y.survey});
    CHECK(t.answers == 2);
    CHECK(y.topic(t, T1).answers == 1);
}

TEST_CASE("a bad survey answer names its field and stores nothing", "[year][survey][errors]")
{
    SurveyYear y;
    const QByteArray before = exportJson(*y.s);
    auto refused = [&](survey::AnswerInput in, const char *field, const QString &surveyId = {}) {
        try {
            survey::answer(*y.s, surveyId.isEmpty() ? y.survey : surveyId, in);
            FAIL("accepted");
        } catch (const Error &e) {
            CHECK(e.field() == QString::fromLatin1(field));
        }
    };
    survey::AnswerInput ok;
    ok.respondent = QStringLiteral("Hộ ông Tư");
    ok.topics = {T1};
    survey::AnswerInput in = ok;
    in.topics = {QStringLiteral("Nấu ăn")};
    refused(in, "topics");
    in = ok;
    in.topics.clear();
    refused(in, "topics");
    in = ok;
    in.months = {13};
    refused(in, "months");
    in = ok;
    in.timeOfDay = QStringLiteral("night");
    refused(in, "time_of_day");
    in = ok;
    in.respondent.clear();
    refused(in, "respondent");
    in = ok;
    in.respondent.clear();
    in.personId = y.p4; // deleted
    refused(in, "person");
    in = ok;
    in.group = QStringLiteral("Nhóm không có");
    refused(in, "group");
    refused(ok, "survey", Store::newId());
    in = ok;
    in.note = QString(1001, QLatin1Char('x'));
    refused(in, "survey_answers.note");
    CHECK(exportJson(*y.s) == before);
    CHECK_THROWS_AS(survey::addSurvey(*y.s, QStringLiteral("2018-Q5"), QString()), Error);
    CHECK_THROWS_AS(survey::addSurvey(*y.s, QStringLiteral("2018-Q4"), QString(), {T1, T1.toUpper()}), Error);
    CHECK(exportJson(*y.s) == before);
}

TEST_CASE("the year-end summary carries the reasons, the evidence and what the director writes under it", "[year][reports]")
{
    SmallYear y;
    records::setActivityField(*y.s, y.a3, QStringLiteral("not_held_reason"), str("Báo cáo viên ốm, dời sang năm sau"));
    const auto targets = reports::yearFigures(*y.s, QStringLiteral("2017-2018")).targets;
    records::setManualTarget(*y.s, targets[2].id, 297, 300);
    records::setPlanText(*y.s, QStringLiteral("targets"), targets[2].id, QStringLiteral("result_note"), str("Số liệu của trường Tiểu học"));
    const QString plan = records::planId(*y.s, QStringLiteral("2017-2018"));
    records::setPlanText(*y.s, QStringLiteral("plans"), plan, QStringLiteral("year_end_notes"), str("Năm học hoàn thành tốt.\nCòn một lớp chưa mở."));
    records::setPlanText(*y.s, QStringLiteral("plans"), plan, QStringLiteral("year_end_recommendations"), str("Đề nghị thêm kinh phí."));

    const ReportDocument d = reports::yearDocument(*y.s, QStringLiteral("2017-2018"), y.options);
    CHECK(d.tables[4].rows[2] == std::vector<QVariant>{txt("99% trẻ đến trường"), num(297), num(300), QVariant(99.0), QVariant(99.0), txt("met"),
                                                       txt("Số liệu của trường Tiểu học")});
    CHECK(d.tables[6].rows[0] == std::vector<QVariant>{txt("03/2018"), txt("Phổ biến pháp luật"), txt("not held"), txt("Báo cáo viên ốm, dời sang năm sau")});
    QStringList text;
    for (const ReportParagraph &p : d.paragraphs) {
        CHECK(p.beforeTable == d.tables.size());
        text << p.text;
    }
    CHECK(text == QStringList{QStringLiteral("8. Assessment"), str("Năm học hoàn thành tốt."), str("Còn một lớp chưa mở."),
                              QStringLiteral("9. Recommendations"), str("Đề nghị thêm kinh phí.")});
}

TEST_CASE("the plan's text parts are set one field at a time, and anything else is refused by name", "[year][plan][errors]")
{
    SmallYear y;
    const QString plan = records::planId(*y.s, QStringLiteral("2017-2018"));
    records::setPlanText(*y.s, QStringLiteral("plans"), plan, QStringLiteral("purpose"), str("Nâng cao dân trí."));
    CHECK(y.s->value(QStringLiteral("plans"), plan, QStringLiteral("purpose")).toText() == str("Nâng cao dân trí."));
    const QString task = records::addQuarterlyTask(*y.s, QStringLiteral("2017-2018"), QStringLiteral("2017-Q4"), str("Điều tra nhu cầu học tập."));
    CHECK(records::quarterlyTasks(*y.s, QStringLiteral("2017-2018")).back().second == str("Điều tra nhu cầu học tập."));
    const QByteArray before = exportJson(*y.s);
    auto field = [&](const QString &table, const QString &id, const QString &f, const QString &v) {
        try {
            records::setPlanText(*y.s, table, id, f, v);
        } catch (const Error &e) {
            return e.field();
        }
        return QStringLiteral("accepted");
    };
    CHECK(field(QStringLiteral("plans"), plan, QStringLiteral("school_year"), QStringLiteral("2020-2021")) == QStringLiteral("school_year"));
    CHECK(field(QStringLiteral("people"), y.p1, QStringLiteral("full_name"), QStringLiteral("X")) == QStringLiteral("table"));
    CHECK(field(QStringLiteral("quarterly_tasks"), task, QStringLiteral("text"), QString()) == QStringLiteral("quarterly_tasks.text"));
    CHECK(field(QStringLiteral("quarterly_tasks"), task, QStringLiteral("quarter"), QStringLiteral("2017-4")) == QStringLiteral("quarterly_tasks.quarter"));
    CHECK(field(QStringLiteral("plans"), plan, QStringLiteral("bases"), QString(20001, QLatin1Char('x'))) == QStringLiteral("plans.bases"));
    CHECK(field(QStringLiteral("targets"), Store::newId(), QStringLiteral("text"), QStringLiteral("x")) == QStringLiteral("ID"));
    CHECK(exportJson(*y.s) == before);
}

TEST_CASE("years move with the school year, dates too except in the bases, and document numbers and other spans stay", "[year][draft]")
{
    using plans::shiftYears;
    for (const bool bases : {false, true}) {
        INFO("bases " << bases);
        CHECK(shiftYears(str("KẾ HOẠCH … NĂM HỌC 2017 - 2018"), 2017, 1, bases) == str("KẾ HOẠCH … NĂM HỌC 2018 - 2019"));
        CHECK(shiftYears(str("năm 2017– 2018 kính mong"), 2017, 1, bases) == str("năm 2018– 2019 kính mong"));
        CHECK(shiftYears(str("kế hoạch hoạt động trong năm 2017 như sau"), 2017, 1, bases) == str("kế hoạch hoạt động trong năm 2018 như sau"));
        CHECK(shiftYears(str("giai đoạn 2012-2020"), 2017, 1, bases) == str("giai đoạn 2012-2020"));
        CHECK(shiftYears(str("Quyết định số 09/2018/QĐ"), 2017, 1, bases) == str("Quyết định số 09/2018/QĐ"));
        CHECK(shiftYears(str("năm 2016 và năm 2018"), 2017, 2, bases) == str("năm 2016 và năm 2020"));
    }
    // A base cites a document of the past: its date stays.
    CHECK(shiftYears(str("ngày 24 tháng 03 năm 2017 về việc"), 2017, 1, true) == str("ngày 24 tháng 03 năm 2017 về việc"));
    CHECK(shiftYears(str("số 61/KH-UBND ngày 16/7/2017"), 2017, 1, true) == str("số 61/KH-UBND ngày 16/7/2017"));
    // A task's deadline is this year's: it moves with the year.
    CHECK(shiftYears(str("hoàn thành trước tháng 3 năm 2018"), 2017, 1, false) == str("hoàn thành trước tháng 3 năm 2019"));
    CHECK(shiftYears(str("nộp báo cáo trước 30/5/2018."), 2017, 1, false) == str("nộp báo cáo trước 30/5/2019."));
    CHECK(shiftYears(str("Tổng kết năm học 2017-2018"), 2017, 1, false) == str("Tổng kết năm học 2018-2019"));
    CHECK(shiftYears(str("ngày 16/7/2013"), 2017, 1, false) == str("ngày 16/7/2013"));
    CHECK(shiftYears(str("báo cáo tháng 11/2017"), 2017, 1, false) == str("báo cáo tháng 11/2018"));
    CHECK(shiftYears(str("báo cáo tháng 11/2017"), 2017, 1, true) == str("báo cáo tháng 11/2017"));
}

TEST_CASE("next year's draft carries this year's plan with its evidence and the survey's topics, and a second run changes nothing", "[year][draft]")
{
    SurveyYear y;
    records::setActivityField(*y.s, y.a3, QStringLiteral("not_held_reason"), str("Báo cáo viên ốm"));
    records::setActivityField(*y.s, y.a1, QStringLiteral("planned_participants"), QStringLiteral("6"));
    const QString before = records::currentSchoolYear(*y.s);
    const plans::DraftResult r = plans::draftNextYear(*y.s, QStringLiteral("2017-2018"), QStringLiteral("2018-2019"));
    CHECK(r.activitiesCarried == 4);
    // Topics chosen by at least a fifth of the 3 answers: T1 (2), then T2, T3 and "Tin học" (1 each).
    CHECK(r.activitiesProposed == 4);
    CHECK(r.rowsKept == 0);
    // Titles move with the year too (the small year's have none to move).
    // The screens stay on the year being run.
    CHECK(records::currentSchoolYear(*y.s) == before);

    const QString plan = records::planId(*y.s, QStringLiteral("2018-2019"));
    REQUIRE(plan == r.planId);
    const auto acts = reports::activityFigures(*y.s, QStringLiteral("2018-2019"));
    REQUIRE(acts.size() == 8);
    QStringList months;
    for (const auto &a : acts) {
        months << a.month + QLatin1Char(' ') + a.title;
        CHECK(a.status == QStringLiteral("planned")); // A4 was cancelled: reset
    }
    CHECK(months.contains(QStringLiteral("2018-11 ") + y.s->value(QStringLiteral("activities"), y.a1, QStringLiteral("title")).toText()));
    // T1 in October, the month both its answers said suits them.
    CHECK(months.contains(str("2018-10 Chuyên đề theo nhu cầu người dân: ") + T1));

    // The evidence beside each activity: A1 held 2 sessions for 3 people of the 6 planned; A3 not held, and why.
    const std::vector<ReportTable> e = reports::draftEvidence(*y.s, plan);
    REQUIRE(e.size() == 2);
    auto rowOf = [&](const QString &title) {
        for (const auto &row : e[0].rows)
            if (row[1].toString() == title)
                return row;
        FAIL("no row " << title.toStdString());
        return std::vector<QVariant>();
    };
    const QString a1Title = y.s->value(QStringLiteral("activities"), y.a1, QStringLiteral("title")).toText();
    CHECK(rowOf(a1Title) == std::vector<QVariant>{txt("11/2018"), QVariant(a1Title), txt("held"), num(2), num(3), num(6), QVariant(50.0), txt("")});
    const QString a3Title = y.s->value(QStringLiteral("activities"), y.a3, QStringLiteral("title")).toText();
    // Drafted in July 2017 (the store's clock), March 2018 is still to come: not flagged.
    CHECK(rowOf(a3Title)[2] == txt("not yet"));
    CHECK(rowOf(a3Title)[7] == txt(""));
    *y.clock.ms = QDateTime(QDate(2018, 7, 20), QTime(9, 0)).toMSecsSinceEpoch();
    const std::vector<ReportTable> late = reports::draftEvidence(*y.s, plan);
    auto lateRow = [&](const QString &title) {
        for (const auto &row : late[0].rows)
            if (row[1].toString() == title)
                return row;
        return std::vector<QVariant>();
    };
    CHECK(lateRow(a3Title)[2] == txt("did not take place"));
    CHECK(lateRow(a3Title)[7] == txt("⚠ did not take place: Báo cáo viên ốm"));
    CHECK(rowOf(str("Chuyên đề theo nhu cầu người dân: ") + T1)[7] == txt("asked for in 2 of 3 answers of the learning-needs survey"));
    // The targets, with what was reached: 2 of 2 farmers.
    CHECK(e[1].rows[0][1] == num(2));
    CHECK(e[1].rows[0][5] == txt("met"));

    // A proposal whose title the director rewrote still shows how many asked.
    const QString proposed = plans::proposalId(*y.s, QStringLiteral("2018-2019"), T1);
    records::setActivityField(*y.s, proposed, QStringLiteral("title"), str("Tập huấn kỹ thuật nuôi cá"));
    const std::vector<ReportTable> renamed = reports::draftEvidence(*y.s, plan);
    bool found = false;
    for (const auto &row : renamed[0].rows)
        if (row[1].toString() == str("Tập huấn kỹ thuật nuôi cá")) {
            found = true;
            CHECK(row[7] == txt("asked for in 2 of 3 answers of the learning-needs survey"));
        }
    CHECK(found);

    // A second run after edits: the edit and the deletion stay.
    const QString drafted = acts[0].id;
    records::setActivityField(*y.s, drafted, QStringLiteral("title"), str("Tên đã sửa"));
    y.s->remove(QStringLiteral("activities"), acts[1].id);
    const QByteArray edited = exportJson(*y.s);
    const plans::DraftResult again = plans::draftNextYear(*y.s, QStringLiteral("2017-2018"), QStringLiteral("2018-2019"));
    CHECK(again.rowsCreated == 0);
    CHECK(again.rowsKept == r.rowsCreated);
    CHECK(exportJson(*y.s) == edited);
    // A plan file of that year is not merged into the draft.
    QByteArray next = fixture(QStringLiteral("plan-mini.json"));
    next.replace("2017-2018", "2018-2019");
    try {
        importPlan(*y.s, next, QStringLiteral("next.json"));
        FAIL("imported over a draft");
    } catch (const Error &e) {
        CHECK(e.field() == QStringLiteral("plan.school_year"));
    }
    CHECK(exportJson(*y.s) == edited);
}

TEST_CASE("a draft is refused for a year that has its own plan, a year before, or a year with no plan, and writes nothing", "[year][draft][errors]")
{
    SmallYear y;
    const QByteArray before = exportJson(*y.s);
    auto field = [&](const char *from, const char *to) {
        try {
            plans::draftNextYear(*y.s, QString::fromLatin1(from), QString::fromLatin1(to));
        } catch (const Error &e) {
            return e.field();
        }
        return QStringLiteral("accepted");
    };
    CHECK(field("2017-2018", "2017-2018") == QStringLiteral("--year"));
    CHECK(field("2017-2018", "2016-2017") == QStringLiteral("--year"));
    CHECK(field("2017-2018", "2018-2020") == QStringLiteral("--year"));
    CHECK(field("2016-2017", "2017-2018") == QStringLiteral("--from"));
    CHECK(field("2017", "2018-2019") == QStringLiteral("--from"));
    CHECK(exportJson(*y.s) == before);
    // A year with a plan of its own (imported, not drafted) is not mixed with a draft.
    QByteArray next = fixture(QStringLiteral("plan-mini.json"));
    next.replace("2017-2018", "2018-2019");
    next.replace("\"2017-", "\"2018-").replace("\"2018-0", "\"2019-0");
    importPlan(*y.s, next, QStringLiteral("next.json"));
    const QByteArray imported = exportJson(*y.s);
    CHECK(field("2017-2018", "2018-2019") == QStringLiteral("--year"));
    CHECK(exportJson(*y.s) == imported);
}
