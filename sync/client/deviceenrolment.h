#pragma once
// The device's side of enrolment (docs/protocol.md#enrolment): a one-time code exchanged for a token.
#include <QString>
#include <atomic>
#include <memory>

namespace clc {
class Store;
}

namespace clc::sync {

/// How long enrolment waits for the server before it gives up with the reason.
constexpr int EnrolTimeoutMs = 12000;

/// Enrols this database with a server using a one-time code: exchanges the code, makes the file a
/// replica of the code's centre (or checks it is that centre), and stores server, token, device id,
/// role and name in the database. Returns the device's name. Throws clc::Error with the reason.
/// cancel, set from another thread, ends it at once ("enrolment cancelled"), the database unchanged.
QString enrolDevice(clc::Store &store, const QString &server, const QString &code, const QString &caFile = {},
                    std::shared_ptr<std::atomic<bool>> cancel = {});

} // namespace clc::sync
