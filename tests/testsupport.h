#pragma once
// Helpers shared by the tests: a private temporary directory per test, fixtures, a manual clock.
#include "store.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace clctest {

/// A temporary directory removed at the end of the test.
class TempDir
{
public:
    TempDir();
    QString path(const QString &name) const;

private:
    QTemporaryDir m_dir;
};

/// A wall clock the test moves by hand (milliseconds since the epoch).
struct ManualClock
{
    std::shared_ptr<qint64> ms = std::make_shared<qint64>(1'500'000'000'000LL);
    clc::HybridClock::WallClock fn() const
    {
        auto p = ms;
        return [p] { return *p; };
    }
};

QByteArray fixture(const QString &name);
/// A store in dir at name, initialised with a centre, on a fixed device id and clock.
std::unique_ptr<clc::Store> makeStore(const TempDir &dir, const QString &name = QStringLiteral("a.db"),
                                      const ManualClock &clock = {}, const QString &device = QStringLiteral("device-a"));

} // namespace clctest
