#pragma once
// The server's sync logic without the network: an authenticated device's push and pull over a
// ServerStore (docs/sync.md#server). The HTTP server (clc-server) only authenticates and calls this.
#include "hybridclock.h"
#include "protocol.h"
#include "roles.h"
#include "serverstore.h"

namespace clc::sync {

/// Who is asking, as established by authentication.
struct Device
{
    QString id;       ///< the enrolled device (audit trail, batch numbering)
    QString centre;   ///< the only centre it may read or write
    Role role = Role::Viewer;
};

class SyncService
{
public:
    /// Kept-aside changes (newer schema, clock ahead) the server keeps per device; its oldest go first.
    static constexpr qint64 MaxQuarantinedPerDevice = 10000;
    /// Conflict records the pushes of one device may leave on the server: past it, its oldest resolved
    /// records make room; with none resolved, further lost values are kept aside in the quarantine.
    static constexpr qint64 DefaultMaxConflictsPerDevice = 2000;
    explicit SyncService(ServerStore &store, HybridClock::WallClock wall = {});
    qint64 maxConflictsPerDevice = DefaultMaxConflictsPerDevice;

    /// Applies a batch once. A batch number already applied returns the stored answer and applies
    /// nothing; a gap in the numbering throws BatchGap. A viewer may not push (Forbidden).
    /// body: the request as it arrived (decompressed), hashed to tell a true retry from a reused
    /// batch number; empty: the request is encoded again for that.
    PushResponse push(const Device &device, const PushRequest &request, const QByteArray &body = {});
    /// Throws Forbidden unless the device may push at all (a viewer may not): decided here only, and
    /// asked by the HTTP layer before it decodes a body.
    static void checkMayPush(const Device &device);
    /// Whether this server's schema knows the change's table and field.
    static bool isKnown(const Change &c);
    /// A page of the centre's changes after the cursor.
    PullResponse pull(const Device &device, const PullRequest &request);

private:
    ServerStore &m_store;
    HybridClock::WallClock m_wall;
};

} // namespace clc::sync
