#include "serveradmin.h"
#include "error.h"
#include "serverlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

namespace clc::sync {

ServerAdmin::ServerAdmin(ServerConfig config) : m_config(std::move(config))
{
    if (m_config.dataDir.isEmpty() || !QDir().mkpath(m_config.dataDir))
        throw Error(Error::Code::InvalidInput, QStringLiteral("cannot create the directory"), QStringLiteral("--data"));
}

QString ServerAdmin::sqlitePath() const { return QDir(m_config.dataDir).filePath(QStringLiteral("server.db")); }

QString ServerAdmin::lockPath() const { return QDir(m_config.dataDir).filePath(QStringLiteral("server.lock")); }

std::unique_ptr<ServerStore> ServerAdmin::openStore() const
{
    return m_config.postgres.isEmpty() ? openSqliteServerStore(sqlitePath()) : openPostgresServerStore(m_config.postgres, m_config.postgresSchema);
}

void ServerAdmin::backup(const QString &file) const
{
    if (!m_config.postgres.isEmpty())
        throw Error(Error::Code::InvalidInput, QStringLiteral("with --postgres, back up with pg_dump (docs/operations.md)"), QStringLiteral("backup"));
    if (QFileInfo::exists(file))
        throw Error(Error::Code::InvalidInput, QStringLiteral("the file exists already"), file);
    backupSqliteServerStore(sqlitePath(), file);
    qCInfo(lcAdmin).noquote() << "backed up" << sqlitePath() << "to" << file;
}

ServerAdmin::Restored ServerAdmin::restore(const QString &file) const
{
    if (!m_config.postgres.isEmpty())
        throw Error(Error::Code::InvalidInput, QStringLiteral("with --postgres, restore with pg_restore, then run new-epoch (docs/operations.md)"),
                    QStringLiteral("restore"));
    if (!QFileInfo::exists(file))
        throw Error(Error::Code::InvalidInput, QStringLiteral("no such file"), file);
    // Never under a running server: it would go on writing to the file this replaces.
    QLockFile serving(lockPath());
    if (!serving.tryLock(0))
        throw Error(Error::Code::InvalidInput, QStringLiteral("a clc-server is serving this directory: stop it first"), QStringLiteral("--data"));
    checkSqliteServerStoreFile(file); // a file that is not a server database fails here, before anything is replaced
    // Copied beside it first, then renamed over it: a failed copy leaves the old database in place.
    const QString target = sqlitePath();
    const QString incoming = target + QStringLiteral(".restoring");
    QFile::remove(incoming);
    if (!QFile::copy(file, incoming))
        throw Error(Error::Code::InvalidInput, QStringLiteral("cannot copy the backup beside the database"), incoming);
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(target + QLatin1String(suffix));
    QFile::remove(target);
    if (!QFile::rename(incoming, target))
        throw Error(Error::Code::InvalidInput, QStringLiteral("cannot put the backup in place"), target);
    // A new epoch: devices learn that changes they pushed after the backup may be gone.
    const auto restored = openSqliteServerStore(target);
    Restored r{restored->renewEpoch(), restored->devices()};
    qCWarning(lcAdmin).noquote() << "restored" << file << "into" << target << "- new epoch" << r.epoch;
    return r;
}

QString ServerAdmin::newEpoch() const
{
    const QString epoch = openStore()->renewEpoch();
    qCWarning(lcAdmin).noquote() << "new epoch" << epoch;
    return epoch;
}

NewEnrolment ServerAdmin::enrol(const QString &centre, const QString &role, const QString &name) const
{
    auto store = openStore();
    NewEnrolment e = EnrolmentService(*store).create(centre, role, name);
    qCInfo(lcAdmin).noquote() << "enrolment code made for device" << e.deviceId << "role" << role << "centre" << centre;
    return e;
}

void ServerAdmin::revoke(const QString &deviceId) const
{
    auto store = openStore();
    if (!EnrolmentService(*store).revoke(deviceId))
        throw Error(Error::Code::NotFound, QStringLiteral("no such device"), deviceId);
    qCWarning(lcAdmin).noquote() << "revoked device" << deviceId;
}

std::vector<DeviceRecord> ServerAdmin::devices() const { return openStore()->devices(); }

} // namespace clc::sync
