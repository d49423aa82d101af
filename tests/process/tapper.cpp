// A helper for the kill test (test_kill.cpp): opens a database as the app does, taps the first learner
// on a session's sheet, says so on stdout, and waits to be killed.
#include "attendancemodel.h"
#include "dbthread.h"
#include "store.h"
#include "storemanager.h"

#include <QCoreApplication>
#include <QTest>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    clc::StoreManager manager(std::make_unique<clc::Store>(QString::fromLocal8Bit(argv[1])));
    clc::StoreManager::setInstance(&manager);
    clc::AttendanceModel sheet;
    sheet.setSessionId(QString::fromLocal8Bit(argv[2]));
    if (!QTest::qWaitFor([&sheet] { return !sheet.loading(); }, 10000) || sheet.rowCount() == 0)
        return 3;
    sheet.cycle(0); // the tap returns once the mark is committed
    std::printf("%s %s\n", qPrintable(sheet.data(sheet.index(0), clc::AttendanceModel::PersonIdRole).toString()),
                qPrintable(sheet.lastError().isEmpty() ? QStringLiteral("tapped") : sheet.lastError()));
    std::fflush(stdout);
    return app.exec(); // until killed
}
