// A tap survives the app being killed a moment later: a real process is SIGKILLed right after it
// reports the tap, and the mark is in the file.
#include "demodata.h"
#include "records.h"
#include "store.h"
#include "testsupport.h"

#include <QProcess>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

TEST_CASE("a tap survives the app being killed right after it", "[app][attendance][kill]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.db"));
    QString session;
    {
        Store store(path);
        loadDemo(store);
        session = store.db().scalar(QStringLiteral("SELECT s.id FROM sessions s JOIN activities a ON a.id = s.activity_id "
                                                   "WHERE a.month = '2018-08' ORDER BY s.starts_at, s.id LIMIT 1")).toText();
    }
    for (int round = 0; round < 3; ++round) {
        QProcess app;
        app.start(QStringLiteral(CLC_TAPPER_BINARY), {path, session});
        REQUIRE(app.waitForStarted());
        REQUIRE(app.waitForReadyRead(30000));
        const QStringList said = QString::fromUtf8(app.readLine()).trimmed().split(QLatin1Char(' '));
        app.kill(); // SIGKILL: no destructor, no close, no checkpoint
        app.waitForFinished();
        REQUIRE(said.value(1) == QStringLiteral("tapped"));
        Store after(path);
        // Each round's tap moves the first learner one step: present, late, excused.
        static const char *const expected[] = {"present", "late", "excused"};
        CHECK(records::sessionMarks(after, session).value(said.value(0)) == QString::fromLatin1(expected[round]));
    }
}
