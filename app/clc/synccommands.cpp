// clc verbs — Enrolment, sync and conflicts: enroll, sync, conflicts.
#include "clicontext.h"
#include "roles.h"

#include "conflicts.h"
#include "plandraft.h"
#include "demodata.h"
#include "deviceenrolment.h"
#include "enrollink.h"
#include "qrreader.h"
#include "httptransport.h"
#include "syncclient.h"
#include "error.h"
#include "exporter.h"
#include "migrations.h"
#include "personimport.h"
#include "planimport.h"
#include "records.h"
#include "reportdocument.h"
#include "reportrender.h"
#include "reports.h"
#include "schema.h"
#include "store.h"
#include "textfile.h"
#include "vietnamese.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <unistd.h>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <memory>
#include <optional>

namespace clc::cli {

namespace {

// Test hook (docs/protocol.md#testing): CLC_TEST_FAULT makes the process die (exit 9, no clean-up) at
// one step of a sync: exit-before-push (a batch taken from the outbox, not sent), exit-after-push (the
// server answered, the answer not recorded: killed between push and acknowledgement),
// exit-before-cursor (a pull page applied, its transaction with the cursor not committed).
QString testFault() { return qEnvironmentVariable("CLC_TEST_FAULT"); }

class FaultInjectingTransport : public sync::Transport
{
public:
    explicit FaultInjectingTransport(sync::Transport &inner) : m_inner(inner) {}
    QByteArray push(const QByteArray &r) override
    {
        if (testFault() == QLatin1String("exit-before-push"))
            ::_exit(9);
        QByteArray answer = m_inner.push(r);
        if (testFault() == QLatin1String("exit-after-push"))
            ::_exit(9);
        return answer;
    }
    QByteArray pull(const QString &cursor, int limit, int protocol) override { return m_inner.pull(cursor, limit, protocol); }

private:
    sync::Transport &m_inner;
};

} // namespace

int cmdEnroll(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE enroll (--server URL --code CODE | --link clc://enroll?… | --qr PICTURE) [--ca FILE]"), {});
    p.option(QStringLiteral("server"), QStringLiteral("URL"));
    p.option(QStringLiteral("code"), QStringLiteral("CODE"));
    p.option(QStringLiteral("link"), QStringLiteral("LINK"));
    p.option(QStringLiteral("qr"), QStringLiteral("PICTURE"));
    p.option(QStringLiteral("ca"), QStringLiteral("FILE"));
    p.parse(c.args);
    QString server, code;
    if (p.isSet(QStringLiteral("link")) || p.isSet(QStringLiteral("qr"))) {
        // The ward office's link, typed or pasted, or its QR code in a picture.
        if (p.isSet(QStringLiteral("server")) || p.isSet(QStringLiteral("code")))
            throw Error(Error::Code::InvalidInput, Tr::tr("give the link or the QR code, not also --server and --code"), QStringLiteral("--server"));
        std::optional<sync::EnrolLink> link;
        if (p.isSet(QStringLiteral("qr"))) {
            link = sync::enrolLinkFromPicture(p.value(QStringLiteral("qr")));
        } else {
            link = sync::parseEnrolLink(p.value(QStringLiteral("link")));
            if (!link)
                throw Error(Error::Code::InvalidInput, Tr::tr("is not an enrolment link like clc://enroll?server=…&code=…"), QStringLiteral("--link"));
        }
        server = link->server;
        code = link->code;
    } else {
        server = p.required(QStringLiteral("server"));
        code = p.required(QStringLiteral("code"));
    }
    Store &s = c.open();
    const QString name = sync::enrolDevice(s, server, code, p.value(QStringLiteral("ca")));
    c.err << Tr::tr("Enrolled as %1 (%2) with %3.").arg(name, s.meta(MetaKey::Role), server) << Qt::endl;
    c.out << s.meta(MetaKey::DeviceId) << Qt::endl;
    return 0;
}

int cmdSync(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE sync [--server URL --token TOKEN] [--ca FILE] [--page-size N]"), {});
    p.option(QStringLiteral("server"), QStringLiteral("URL"));
    p.option(QStringLiteral("token"), QStringLiteral("TOKEN"));
    p.option(QStringLiteral("ca"), QStringLiteral("FILE"));
    p.option(QStringLiteral("page-size"), QStringLiteral("N"));
    p.parse(c.args);
    // Changes per pull page: smaller pages on a link that drops often lose less when one is cut.
    int pageSize = sync::MaxChanges;
    if (p.isSet(QStringLiteral("page-size"))) {
        bool ok = false;
        pageSize = p.value(QStringLiteral("page-size")).toInt(&ok);
        if (!ok || pageSize < 1 || pageSize > sync::MaxChanges)
            throw Error(Error::Code::InvalidInput, Tr::tr("must be a number of changes from 1 to %1").arg(sync::MaxChanges), QStringLiteral("--page-size"));
    }
    Store &s = c.openInitialised();
    const QString server = p.isSet(QStringLiteral("server")) ? p.value(QStringLiteral("server")) : s.meta(MetaKey::ServerUrl);
    const QString token = p.isSet(QStringLiteral("token")) ? p.value(QStringLiteral("token")) : s.meta(MetaKey::Token);
    const QString ca = p.isSet(QStringLiteral("ca")) ? p.value(QStringLiteral("ca")) : s.meta(MetaKey::ServerCa);
    if (server.isEmpty() || token.isEmpty())
        throw Error(Error::Code::InvalidInput, Tr::tr("no server yet: run `clc --db %1 enroll --server URL --code CODE` first").arg(c.dbPath),
                    QStringLiteral("--server"));
    sync::SyncSession::useToken(s, token);
    sync::HttpTransport http(QUrl(server), token, sync::HttpTransportOptions{60000, ca});
    FaultInjectingTransport transport(http);
    sync::SyncSession session(s, transport, sync::MaxChanges, pageSize);
    if (testFault() == QLatin1String("exit-before-cursor"))
        session.beforePageCommit = [] { ::_exit(9); };
    sync::SyncSummary sum;
    try {
        sum = session.run();
    } catch (const sync::TransportError &e) {
        c.err << Tr::tr("clc: sync interrupted, nothing is lost; run it again: %1").arg(QString::fromStdString(e.what())) << Qt::endl;
        return 3;
    }
    s.setMeta(MetaKey::LastSyncOk, QDateTime::currentMSecsSinceEpoch());
    const qint64 offset = sum.serverTime ? sum.serverTime - QDateTime::currentMSecsSinceEpoch() : 0;
    c.out << Tr::tr("Sent %1 changes in %2 batches, received %3 changes (%4 new); %5 refused; %6 conflicts to review; %7 waiting.")
                 .arg(sum.pushedChanges).arg(sum.pushedBatches).arg(sum.pulledChanges).arg(sum.applied.applied).arg(sum.rejected)
                 .arg(listConflicts(s).size()).arg(s.pendingChanges())
          << Qt::endl;
    if (sum.applied.deferred > 0)
        c.err << Tr::tr("Kept aside %1 changes this version of the app cannot use (made by a newer version, or refused); they stay on this device.").arg(sum.applied.deferred)
              << Qt::endl;
    if (sum.requeued > 0)
        c.err << Tr::tr("The server was restored from a backup: %1 changes made on this device were sent again.").arg(sum.requeued) << Qt::endl;
    if (const QString clock = sync::clockWarning(offset); !clock.isEmpty())
        c.err << Tr::tr("Warning: %1.").arg(clock) << Qt::endl;
    for (const QString &reason : s.refusalReasons())
        c.err << Tr::tr("Refused by the server: %1").arg(reason) << Qt::endl;
    return 0;
}

int cmdConflicts(Context &c)
{
    if (c.args.value(0) == QLatin1String("restore")) {
        VerbParser p(QStringLiteral("clc --db FILE conflicts restore ID"), {QStringLiteral("ID")});
        p.parse(c.args.mid(1));
        Store &s = c.openInitialised();
        restoreConflict(s, p.positional(0), [&s](int table) { return sync::mayWriteHere(s, table); });
        c.err << Tr::tr("Restored the other value; it will be sent with the next sync.") << Qt::endl;
        return 0;
    }
    VerbParser p(QStringLiteral("clc --db FILE conflicts [--all] [--json] | conflicts restore ID"), {});
    p.option(QStringLiteral("json"));
    p.option(QStringLiteral("all"));
    p.parse(c.args);
    const auto rows = listConflicts(c.openInitialised(), p.isSet(QStringLiteral("all")));
    auto when = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("dd/MM/yyyy HH:mm")); };
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const ConflictRow &r : rows)
            a.append(QJsonObject{{QStringLiteral("id"), r.id},
                                 {QStringLiteral("table"), r.table},
                                 {QStringLiteral("row_id"), r.row},
                                 {QStringLiteral("field"), r.field},
                                 {QStringLiteral("lost_value"), r.lostValue.toJson()},
                                 {QStringLiteral("current_value"), r.currentValue.toJson()},
                                 {QStringLiteral("lost_at"), QDateTime::fromMSecsSinceEpoch(r.lostAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("lost_replica"), r.lostReplica},
                                 {QStringLiteral("drafted"), r.lostAtMs == plans::DraftMillis},
                                 {QStringLiteral("resolved"), r.resolved}});
        writeJson(c.out, a);
        return 0;
    }
    if (rows.empty())
        c.out << Tr::tr("No conflicts to review.") << Qt::endl;
    for (const ConflictRow &r : rows)
        c.out << Tr::tr("%1.%2 of %3: kept \"%4\"; the other value \"%5\" was written on device %6 at %7")
                     .arg(r.table, r.field, r.row, r.currentValue.toText(), r.lostValue.toText(), r.lostReplica.left(8), when(r.lostAtMs))
              << Qt::endl
              << QStringLiteral("    ") << r.id << Qt::endl;
    return 0;
}

} // namespace clc::cli
