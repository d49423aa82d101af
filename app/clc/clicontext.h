#pragma once
// What the clc verbs share: the invocation (Context), the per-verb option parser and the usage error.
// Each verb group lives in its own file (plancommands.cpp, peoplecommands.cpp, synccommands.cpp,
// reportcommands.cpp); cli.cpp dispatches to them.
#include "error.h"
#include "store.h"
#include "translate.h"
#include "vietnamese.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <memory>
#include <optional>

namespace clc::cli {

struct UsageError
{
    QString message;
};

struct Context
{
    QString dbPath;
    QStringList args; // after the verb (and sub-verb)
    QTextStream &out;
    QTextStream &err;
    std::unique_ptr<Store> store;

    Store &open()
    {
        if (!store)
            store = std::make_unique<Store>(dbPath);
        return *store;
    }
    Store &openInitialised()
    {
        open().requireInitialised();
        return *store;
    }
};

// A parser for one verb: its options, then exactly the positional arguments it names.
class VerbParser
{
public:
    VerbParser(const QString &usage, const QStringList &positional) : m_usage(usage), m_positional(positional)
    {
        m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    }
    void option(const QString &name, const QString &valueName = {}) { m_parser.addOption(QCommandLineOption(name, QString(), valueName)); }
    void parse(const QStringList &args)
    {
        if (!m_parser.parse(QStringList{QStringLiteral("clc")} + args))
            throw UsageError{m_parser.errorText() + QStringLiteral("\nusage: ") + m_usage};
        if (m_parser.positionalArguments().size() != m_positional.size())
            throw UsageError{Tr::tr("expected %1").arg(m_positional.join(QLatin1Char(' '))) + QStringLiteral("\nusage: ") + m_usage};
    }
    QString positional(int i) const { return m_parser.positionalArguments().value(i); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    QString required(const QString &name) const
    {
        if (!m_parser.isSet(name) || m_parser.value(name).trimmed().isEmpty())
            throw Error(Error::Code::InvalidInput, Tr::tr("is required"), QStringLiteral("--") + name);
        return m_parser.value(name);
    }
    std::optional<qint64> integer(const QString &name, qint64 min, qint64 max) const
    {
        if (!m_parser.isSet(name))
            return std::nullopt;
        const qint64 v = vn::parseWholeNumber(m_parser.value(name), QStringLiteral("--") + name);
        if (v < min || v > max)
            throw Error(Error::Code::InvalidInput, Tr::tr("must be between %1 and %2").arg(min).arg(max), QStringLiteral("--") + name);
        return v;
    }

private:
    QCommandLineParser m_parser;
    QString m_usage;
    QStringList m_positional;
};

inline void writeJson(QTextStream &out, const QJsonArray &a) { out << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented)); }


// plancommands.cpp
int cmdInit(Context &c);
int cmdDemo(Context &c);
int cmdPlan(Context &c);
int cmdActivity(Context &c);
int cmdSession(Context &c);
int cmdCentre(Context &c);
int cmdStatus(Context &c);
int cmdSurvey(Context &c);

// peoplecommands.cpp
int cmdPerson(Context &c);
int cmdAttend(Context &c);

// synccommands.cpp
int cmdEnroll(Context &c);
int cmdSync(Context &c);
int cmdConflicts(Context &c);

// reportcommands.cpp
int cmdReport(Context &c);
int cmdExport(Context &c);
int cmdSchedule(Context &c);

} // namespace clc::cli
