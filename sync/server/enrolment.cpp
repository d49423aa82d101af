#include "enrolment.h"
#include "error.h"
#include "schema.h"
#include "store.h"
#include "translate.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace clc::sync {

namespace {
// No 0/O, 1/I/L: codes are read aloud and typed from paper.
const char Alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

QByteArray hashOf(const QString &secret) { return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256); }
} // namespace

EnrolmentService::EnrolmentService(ServerStore &store, HybridClock::WallClock wall)
    : m_store(store), m_wall(wall ? std::move(wall) : HybridClock::WallClock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
}

QString EnrolmentService::normaliseCode(const QString &code)
{
    QString out = code.toUpper();
    out.remove(QRegularExpression(QStringLiteral("[\\s-]")));
    return out;
}

NewEnrolment EnrolmentService::create(const QString &centre, const QString &role, const QString &name, int validDays)
{
    if (!isId(centre))
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a centre id (clc status shows it)").arg(centre), QStringLiteral("--centre"));
    if (!roleFromString(role))
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not one of: viewer, facilitator, coordinator, admin").arg(role), QStringLiteral("--role"));
    if (name.trimmed().isEmpty())
        throw Error(Error::Code::InvalidInput, Tr::tr("must not be empty"), QStringLiteral("--name"));
    QString code;
    for (int i = 0; i < 12; ++i)
        code += QLatin1Char(Alphabet[QRandomGenerator::system()->bounded(int(sizeof(Alphabet) - 1))]);
    const QString id = Store::newId();
    m_store.addDevice(DeviceRecord{id, centre, role, name.trimmed(), false, false}, hashOf(code),
                      m_wall() + qint64(validDays) * 24 * 3600 * 1000);
    return {id, code.left(4) + QLatin1Char('-') + code.mid(4, 4) + QLatin1Char('-') + code.mid(8)};
}

std::optional<Enrolled> EnrolmentService::enrol(const QString &code, const QString &expectedCentre)
{
    if (!expectedCentre.isEmpty()) {
        const auto centre = m_store.codeCentre(hashOf(normaliseCode(code)), m_wall());
        if (centre && *centre != expectedCentre)
            throw Error(Error::Code::Forbidden,
                        Tr::tr("this code was made for centre %1, but this device belongs to centre %2 and holds its data; ask for a code for %2, or join with a new, empty database (the code was not used)")
                            .arg(*centre, expectedCentre),
                        QStringLiteral("centre"));
    }
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QString token = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const auto d = m_store.redeemCode(hashOf(normaliseCode(code)), hashOf(token), m_wall());
    if (!d)
        return std::nullopt;
    return Enrolled{Device{d->id, d->centre, *roleFromString(d->role)}, token, d->name};
}

std::optional<Device> EnrolmentService::authenticate(const QString &token)
{
    if (token.isEmpty())
        return std::nullopt;
    const auto d = m_store.deviceByToken(hashOf(token));
    if (!d)
        return std::nullopt;
    return Device{d->id, d->centre, *roleFromString(d->role)};
}

bool EnrolmentService::revoke(const QString &deviceId) { return m_store.revokeDevice(deviceId); }

} // namespace clc::sync
