#include "testsupport.h"

#include <QFile>
#include <stdexcept>

namespace clctest {

TempDir::TempDir()
{
    if (!m_dir.isValid())
        throw std::runtime_error("cannot make a temporary directory");
}

QString TempDir::path(const QString &name) const { return m_dir.filePath(name); }

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(CLC_FIXTURES_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error(("missing fixture " + name).toStdString());
    return f.readAll();
}

std::unique_ptr<clc::Store> makeStore(const TempDir &dir, const QString &name, const ManualClock &clock, const QString &device)
{
    auto s = std::make_unique<clc::Store>(dir.path(name), clc::StoreOptions{device, clock.fn()});
    if (!s->isInitialised())
        s->init(QStringLiteral("Trung tâm học tập cộng đồng phường Đức Chính"));
    return s;
}

} // namespace clctest
