// Fuzz target: a request through the server's real handler (ServerApi over a SQLite server store),
// as the HTTP layer hands it over: "METHOD PATH\nheader: value\n…\n\nbody". Any input must end in an
// answer with a status; the store must still answer afterwards.
#include "fuzzsupport.h"
#include "serverapi.h"
#include "serverstore.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clcfuzz::ensureApp();
    using namespace clc::sync;
    static std::unique_ptr<ServerStore> store = openSqliteServerStore(clcfuzz::workDir().filePath(QStringLiteral("server.db")));
    static ServerApi api(*store);
    static const QString token = [] {
        // One enrolled device, so pushes and pulls get past authentication.
        const NewEnrolment e = EnrolmentService(*store).create(QStringLiteral("0b7d3c1e-5a52-4c3f-9d7e-2f1a6b8c9d01"), QStringLiteral("coordinator"),
                                                               QStringLiteral("fuzz"));
        return EnrolmentService(*store).enrol(e.code)->token;
    }();
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype split = input.indexOf("\n\n");
    const QList<QByteArray> head = (split < 0 ? input : input.left(split)).split('\n');
    HttpRequest r;
    const QList<QByteArray> line = head.value(0).split(' ');
    r.method = line.value(0);
    const QByteArray target = line.value(1);
    const qsizetype q = target.indexOf('?');
    r.path = QString::fromUtf8(q < 0 ? target : target.left(q));
    if (q >= 0)
        r.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    for (qsizetype i = 1; i < head.size(); ++i) {
        const qsizetype colon = head[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(head[i].left(colon).trimmed().toLower(), head[i].mid(colon + 1).trimmed().replace("TOKEN", token.toLatin1()));
    }
    r.body = split < 0 ? QByteArray() : input.mid(split + 2);
    r.peer = QStringLiteral("192.0.2.1");
    if (!api.precheck(r)) {
        const HttpResponse answer = api.handle(r);
        if (answer.status < 200 || answer.status > 599 || answer.status == 500)
            std::abort(); // a 500 is a defect: every bad input has a 4xx
    }
    return 0;
}
