#pragma once
// Who may read and write what (docs/sync.md#scopes): decided here once, for the server that enforces
// it and for the device that shows only the buttons the server will accept.
#include <QString>
#include <optional>

namespace clc {
class Store;
}

namespace clc::sync {

enum class Role { Viewer, Facilitator, Coordinator, Admin };

/// "viewer", "facilitator", …; nullopt for anything else.
std::optional<Role> roleFromString(const QString &s);
QString roleName(Role r);

/// May this role write this table? Viewers write nothing; facilitators keep the register, sessions
/// and attendance but not the plan; coordinators and admins write everything of their centre.
bool mayWrite(Role role, int table);
/// May this role read this table? Viewers see the schedule, never the register or attendance.
bool mayRead(Role role, int table);

/// A table only a newer schema knows (sent by a newer app, docs/sync.md#newer): written only by roles
/// that write everything, read by roles that read everything (this schema cannot tell what it holds).
bool mayWriteNewTable(Role role);
bool mayReadNewTable(Role role);

/// May this device write the table, by the role it was enrolled with? Before enrolment a device is
/// on its own and may write everything; the server decides again when the change arrives.
bool mayWriteHere(Store &store, int table);

} // namespace clc::sync
