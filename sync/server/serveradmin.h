#pragma once
// The ward office server's administrative operations (docs/operations.md): back up and restore the
// SQLite data, start a new epoch, make enrolment codes, revoke and list devices. clc-server's
// commands call these; tests call them in-process.
#include "enrolment.h"
#include "serverstore.h"

#include <memory>
#include <vector>

namespace clc::sync {

/// Where the server keeps its data: a directory (SQLite, locks) and optionally a PostgreSQL database.
struct ServerConfig
{
    QString dataDir;
    QString postgres;       ///< libpq conninfo; empty: SQLite in dataDir
    QString postgresSchema; ///< optional schema inside that database
};

class ServerAdmin
{
public:
    /// Creates the data directory if needed; throws InvalidInput (field --data) if it cannot.
    explicit ServerAdmin(ServerConfig config);

    const ServerConfig &config() const { return m_config; }
    /// The SQLite store's file in the data directory.
    QString sqlitePath() const;
    /// The lock a serving process holds on the data directory.
    QString lockPath() const;
    /// Opens the configured store (SQLite or PostgreSQL).
    std::unique_ptr<ServerStore> openStore() const;

    /// Copies the SQLite data into file (which must not exist) while the server may keep serving.
    void backup(const QString &file) const;

    struct Restored
    {
        QString epoch;                    ///< the new epoch devices will see
        std::vector<DeviceRecord> devices; ///< as the backup knows them: revoke again what was revoked since
    };
    /// Puts a SQLite backup in place of the data (refused while a server serves the directory) and
    /// starts a new epoch, so devices send again what the backup lacks.
    Restored restore(const QString &file) const;
    /// A new epoch (after the PostgreSQL database was restored with pg_restore).
    QString newEpoch() const;

    NewEnrolment enrol(const QString &centre, const QString &role, const QString &name) const;
    /// Throws NotFound for an unknown device.
    void revoke(const QString &deviceId) const;
    std::vector<DeviceRecord> devices() const;

private:
    ServerConfig m_config;
};

} // namespace clc::sync
