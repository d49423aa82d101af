#pragma once
// The server's sync logic without the network: an authenticated device's push and pull over a
// ServerStore (docs/sync.md#server). The HTTP server (clc-server) only authenticates and calls this.
#include "hybridclock.h"
#include "protocol.h"
#include "serverstore.h"

namespace clc::sync {

enum class Role { Viewer, Facilitator, Coordinator, Admin };

/// "viewer", "facilitator", …; nullopt for anything else.
std::optional<Role> roleFromString(const QString &s);
QString roleName(Role r);

/// Who is asking, as established by authentication.
struct Device
{
    QString id;       ///< the enrolled device (audit trail, batch numbering)
    QString centre;   ///< the only centre it may read or write
    Role role = Role::Viewer;
};

/// May this role write this table? Viewers write nothing; facilitators keep the register, sessions
/// and attendance but not the plan; coordinators and admins write everything of their centre.
bool mayWrite(Role role, int table);
/// May this role read this table? Viewers see the schedule, never the register or attendance.
bool mayRead(Role role, int table);

class SyncService
{
public:
    explicit SyncService(ServerStore &store, HybridClock::WallClock wall = {});

    /// Applies a batch once. A batch number already applied returns the stored answer and applies
    /// nothing; a gap in the numbering is an error (Error::Code::InvalidInput, field "b").
    PushResponse push(const Device &device, const PushRequest &request);
    /// A page of the centre's changes after the cursor.
    PullResponse pull(const Device &device, const PullRequest &request);

private:
    ServerStore &m_store;
    HybridClock::WallClock m_wall;
};

} // namespace clc::sync
