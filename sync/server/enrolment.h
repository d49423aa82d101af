#pragma once
// Enrolment and authentication of devices (docs/protocol.md#enrolment): an administrator makes a
// one-time code for a centre and role; the device exchanges it once for a bearer token; the server
// keeps only SHA-256 hashes of codes and tokens; revoking a device stops it at once.
#include "serverstore.h"
#include "syncservice.h"

#include <optional>

namespace clc::sync {

struct NewEnrolment
{
    QString deviceId;
    QString code;   ///< XXXX-XXXX-XXXX, shown once
};

struct Enrolled
{
    Device device;
    QString token;  ///< shown once, to the device
    QString name;
};

class EnrolmentService
{
public:
    explicit EnrolmentService(ServerStore &store, HybridClock::WallClock wall = {});

    /// Makes a code valid for validDays; throws InvalidInput for a bad centre id, role or empty name.
    NewEnrolment create(const QString &centre, const QString &role, const QString &name, int validDays = 7);
    /// Exchanges a code (case, spaces and dashes ignored) for a token; nullopt if unknown, used or expired.
    /// With expectedCentre (the device's own, when it has one), a code made for another centre is
    /// refused (Forbidden) before it is spent, so the right device can still use it.
    std::optional<Enrolled> enrol(const QString &code, const QString &expectedCentre = {});
    /// The device a bearer token belongs to, if enrolled and not revoked.
    std::optional<Device> authenticate(const QString &token);
    bool revoke(const QString &deviceId);

    /// "abcd-efgh-…" → "ABCDEFGH…": what is hashed.
    static QString normaliseCode(const QString &code);

private:
    ServerStore &m_store;
    HybridClock::WallClock m_wall;
};

} // namespace clc::sync
