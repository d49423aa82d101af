#include "planimport.h"
#include "translate.h"
#include "error.h"
#include "records.h"
#include "schema.h"
#include "store.h"
#include "textfile.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace clc {

namespace {
// Typed access to a JSON object that reports the path of a missing or wrong value.
class Node
{
public:
    Node(QJsonObject o, QString path, QString source) : m_o(std::move(o)), m_path(std::move(path)), m_source(std::move(source)) {}

    QString text(const char *key, bool required = true) const
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key, Tr::tr("is missing"));
            return {};
        }
        if (!v.isString())
            fail(key, Tr::tr("must be a string"));
        if (required && v.toString().trimmed().isEmpty())
            fail(key, Tr::tr("must not be empty"));
        return v.toString().trimmed();
    }
    QStringList texts(const char *key) const
    {
        QStringList out;
        const QJsonArray a = array(key);
        for (int i = 0; i < a.size(); ++i) {
            if (!a[i].isString())
                fail(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i), Tr::tr("must be a string"));
            out << a[i].toString().trimmed();
        }
        return out;
    }
    QJsonArray array(const char *key) const
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isArray())
            fail(key, v.isUndefined() ? Tr::tr("is missing") : Tr::tr("must be a list"));
        return v.toArray();
    }
    std::vector<Node> objects(const char *key) const
    {
        std::vector<Node> out;
        const QJsonArray a = array(key);
        for (int i = 0; i < a.size(); ++i) {
            const QString p = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
            if (!a[i].isObject())
                fail(p, Tr::tr("must be an object"));
            out.emplace_back(a[i].toObject(), join(p), m_source);
        }
        return out;
    }
    Node object(const char *key) const
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isObject())
            fail(key, v.isUndefined() ? Tr::tr("is missing") : Tr::tr("must be an object"));
        return Node(v.toObject(), join(QLatin1String(key)), m_source);
    }
    qint64 integer(const char *key, qint64 min, qint64 max) const
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        const double d = v.toDouble(-1e18);
        if (!v.isDouble() || d != double(qint64(d)) || d < double(min) || d > double(max))
            fail(key, Tr::tr("must be a whole number between %1 and %2").arg(min).arg(max));
        return qint64(d);
    }
    bool boolean(const char *key) const
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined())
            return false;
        if (!v.isBool())
            fail(key, Tr::tr("must be true or false"));
        return v.toBool();
    }
    [[noreturn]] void fail(const QString &key, const QString &why) const { throw Error(Error::Code::ParseError, why, join(key)); }
    [[noreturn]] void fail(const char *key, const QString &why) const { fail(QLatin1String(key), why); }
    QString join(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }
    const QString &path() const { return m_path; }

private:
    QJsonObject m_o;
    QString m_path;
    QString m_source;
};

// Rewrites a store error (named after table.field) so it points at the plan file's JSON path.
template<typename F>
auto at(const Node &node, F &&f)
{
    try {
        return f();
    } catch (const Error &e) {
        if (e.code() == Error::Code::Database)
            throw;
        throw Error(Error::Code::ParseError, e.message(), node.path() + QStringLiteral(" (") + e.field() + QLatin1Char(')'));
    }
}

Value optText(const QString &s) { return s.isEmpty() ? Value() : Value(s); }

} // namespace

PlanImportSummary importPlan(Store &store, const QByteArray &bytes, const QString &source)
{
    store.requireInitialised();
    const QString text = decodeUtf8(bytes, source);
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &perr);
    if (perr.error != QJsonParseError::NoError) {
        throw Error(Error::Code::ParseError, Tr::tr("not valid JSON: %1").arg(perr.errorString()), source,
                    lineOfOffset(text.toUtf8(), perr.offset));
    }
    if (!doc.isObject())
        throw Error(Error::Code::ParseError, Tr::tr("a plan file is a JSON object"), source, 1);
    const Node root(doc.object(), QString(), source);
    if (root.text("format") != QLatin1String("clc-plan/1"))
        root.fail("format", Tr::tr("must be \"clc-plan/1\""));

    PlanImportSummary sum;
    Transaction tx(store.db());
    auto write = [&](const Node &n, const QString &table, const QString &id, const std::vector<FieldWrite> &fields) {
        sum.changes += at(n, [&] { return store.write(table, id, fields); });
    };

    const Node centre = root.object("centre");
    write(centre, QStringLiteral("centres"), store.centreId(),
          {{QStringLiteral("name"), centre.text("name")},
           {QStringLiteral("short_name"), optText(centre.text("short_name", false))},
           {QStringLiteral("committee"), optText(centre.text("committee", false))},
           {QStringLiteral("place"), optText(centre.text("place", false))},
           {QStringLiteral("district"), optText(centre.text("district", false))},
           {QStringLiteral("province"), optText(centre.text("province", false))}});

    const Node plan = root.object("plan");
    const QString year = plan.text("school_year");
    const QString planKey = QStringLiteral("plans/") + year;
    const QString planId = store.derivedId(planKey);
    // A draft of this year (docs/year.md) has this id too: merging a file into it would mix two plans.
    if (store.exists(QStringLiteral("plans"), planId) && store.value(QStringLiteral("plans"), planId, QStringLiteral("deleted")).toInt() == 0
        && !store.value(QStringLiteral("plans"), planId, QStringLiteral("carried_from")).isNull())
        throw Error(Error::Code::InvalidInput,
                    Tr::tr("the school year %1 has a draft plan made from last year's; edit the draft, or delete it (clc plan delete --year %1) before importing this file").arg(year),
                    QStringLiteral("plan.school_year"));
    const QString nl = QStringLiteral("\n");
    write(plan, QStringLiteral("plans"), planId,
          {{QStringLiteral("school_year"), year},
           {QStringLiteral("title"), optText(plan.text("title", false))},
           {QStringLiteral("doc_number"), optText(plan.text("doc_number", false))},
           {QStringLiteral("bases"), optText(plan.texts("bases").join(nl))},
           {QStringLiteral("purpose"), optText(plan.text("purpose", false))},
           {QStringLiteral("advantages"), optText(plan.texts("advantages").join(nl))},
           {QStringLiteral("difficulties"), optText(plan.texts("difficulties").join(nl))},
           {QStringLiteral("solutions"), optText(plan.texts("solutions").join(nl))},
           {QStringLiteral("recommendations"), optText(plan.texts("recommendations").join(nl))},
           {QStringLiteral("closing"), optText(plan.text("closing", false))},
           // A plan file is the year's own plan, not a draft: said explicitly, so it also wins over a
           // draft of the same year made on another device before they met.
           {QStringLiteral("carried_from"), Value()},
           {QStringLiteral("deleted"), 0}});
    sum.planId = planId;

    int i = 0;
    for (const Node &s : plan.objects("signatories")) {
        write(s, QStringLiteral("signatories"), store.derivedId(planKey + QStringLiteral("/signatory/%1").arg(i)),
              {{QStringLiteral("plan_id"), planId}, {QStringLiteral("ord"), qint64(i)}, {QStringLiteral("title"), s.text("title")},
               {QStringLiteral("note"), optText(s.text("note", false))}, {QStringLiteral("name"), optText(s.text("name", false))},
               {QStringLiteral("deleted"), 0}});
        ++i;
    }

    // Groups and organisations get the same ids records::groupId would give a name typed on a device.
    QHash<QString, QString> groupIds, orgIds;
    for (const Node &g : root.objects("groups")) {
        const QString code = g.text("code");
        const QString name = g.text("name");
        const QString id = store.derivedId(QStringLiteral("learner_groups/") + vn::fold(name));
        write(g, QStringLiteral("learner_groups"), id,
              {{QStringLiteral("code"), code}, {QStringLiteral("name"), name},
               {QStringLiteral("aliases"), optText(g.texts("aliases").join(nl))},
               {QStringLiteral("everyone"), qint64(g.boolean("everyone"))}, {QStringLiteral("deleted"), 0}});
        groupIds.insert(code, id);
        ++sum.groups;
    }
    for (const Node &o : root.objects("organisations")) {
        const QString code = o.text("code");
        const QString name = o.text("name");
        const QString id = store.derivedId(QStringLiteral("organisations/") + vn::fold(name));
        write(o, QStringLiteral("organisations"), id,
              {{QStringLiteral("code"), code}, {QStringLiteral("name"), name},
               {QStringLiteral("role"), optText(o.text("role", false))}, {QStringLiteral("deleted"), 0}});
        orgIds.insert(code, id);
        ++sum.organisations;
    }
    auto codeIn = [](const QHash<QString, QString> &ids, const Node &n, const QStringList &codes, const char *key) {
        QStringList out;
        for (int k = 0; k < codes.size(); ++k) {
            if (!ids.contains(codes[k]))
                n.fail(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(k), Tr::tr("'%1' is not defined").arg(codes[k]));
            out << ids.value(codes[k]);
        }
        return out;
    };

    for (const Node &q : root.objects("quarters")) {
        const QString quarter = q.text("quarter");
        int k = 0;
        for (const QString &task : q.texts("tasks")) {
            write(q, QStringLiteral("quarterly_tasks"), store.derivedId(planKey + QStringLiteral("/task/%1/%2").arg(quarter).arg(k)),
                  {{QStringLiteral("plan_id"), planId}, {QStringLiteral("quarter"), quarter}, {QStringLiteral("ord"), qint64(k)},
                   {QStringLiteral("text"), task}, {QStringLiteral("deleted"), 0}});
            ++k;
            ++sum.tasks;
        }
    }

    i = 0;
    for (const Node &t : root.objects("targets")) {
        const QString id = store.derivedId(planKey + QStringLiteral("/target/%1").arg(i));
        const QStringList kindList = t.texts("kinds");
        for (int k = 0; k < kindList.size(); ++k)
            if (!kinds::all().contains(kindList[k]))
                t.fail(QStringLiteral("kinds[%1]").arg(k), Tr::tr("'%1' is not one of: %2").arg(kindList[k], kinds::all().join(QStringLiteral(", "))));
        write(t, QStringLiteral("targets"), id,
              {{QStringLiteral("plan_id"), planId}, {QStringLiteral("section"), optText(t.text("section", false))},
               {QStringLiteral("ord"), qint64(i)}, {QStringLiteral("text"), t.text("text")},
               {QStringLiteral("metric"), t.text("metric")}, {QStringLiteral("kinds"), optText(kindList.join(QLatin1Char(',')))},
               {QStringLiteral("threshold_pct"), t.integer("threshold_pct", 0, 100)}, {QStringLiteral("deleted"), 0}});
        for (const QString &g : codeIn(groupIds, t, t.texts("groups"), "groups"))
            write(t, QStringLiteral("target_groups"), Store::naturalId(QStringLiteral("target_groups"), id, g),
                  {{QStringLiteral("target_id"), id}, {QStringLiteral("group_id"), g}, {QStringLiteral("deleted"), 0}});
        ++i;
        ++sum.targets;
    }

    for (const Node &m : root.objects("months")) {
        const QString month = m.text("month");
        int k = 0;
        for (const Node &a : m.objects("activities")) {
            const QString id = store.derivedId(planKey + QStringLiteral("/activity/%1/%2").arg(month).arg(k));
            // Status is the centre's, not the file's: a re-import must not undo "done".
            const Value status = store.exists(QStringLiteral("activities"), id) ? store.value(QStringLiteral("activities"), id, QStringLiteral("status"))
                                                                                 : Value(QStringLiteral("planned"));
            write(a, QStringLiteral("activities"), id,
                  {{QStringLiteral("plan_id"), planId}, {QStringLiteral("month"), month}, {QStringLiteral("ord"), qint64(k)},
                   {QStringLiteral("title"), a.text("title")}, {QStringLiteral("kind"), a.text("kind")},
                   {QStringLiteral("group_text"), optText(a.text("group_text", false))},
                   {QStringLiteral("partner_text"), optText(a.text("partner_text", false))},
                   {QStringLiteral("teacher"), optText(a.text("teacher", false))},
                   {QStringLiteral("status"), status}, {QStringLiteral("deleted"), 0}});
            for (const QString &g : codeIn(groupIds, a, a.texts("groups"), "groups"))
                write(a, QStringLiteral("activity_groups"), Store::naturalId(QStringLiteral("activity_groups"), id, g),
                      {{QStringLiteral("activity_id"), id}, {QStringLiteral("group_id"), g}, {QStringLiteral("deleted"), 0}});
            for (const QString &o : codeIn(orgIds, a, a.texts("partners"), "partners"))
                write(a, QStringLiteral("activity_partners"), Store::naturalId(QStringLiteral("activity_partners"), id, o),
                      {{QStringLiteral("activity_id"), id}, {QStringLiteral("organisation_id"), o}, {QStringLiteral("deleted"), 0}});
            ++k;
            ++sum.activities;
        }
    }
    tx.commit();
    return sum;
}

} // namespace clc
