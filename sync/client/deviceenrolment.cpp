#include "deviceenrolment.h"
#include "schema.h"
#include "error.h"
#include "httptransport.h"
#include "store.h"
#include "translate.h"


namespace clc::sync {

QString enrolDevice(Store &s, const QString &server, const QString &code, const QString &caFile, std::shared_ptr<std::atomic<bool>> cancel)
{
    // A person waits on this: it ends within seconds, whatever the network does (an unreachable
    // address would otherwise wait for TCP's own minute or more).
    HttpTransport http(QUrl(server), QString(), HttpTransportOptions{EnrolTimeoutMs, caFile, std::move(cancel)});
    // Its centre never left this device: nobody else knows it, and it holds nothing but itself.
    const bool mayAdopt = s.isInitialised() && s.meta(MetaKey::Token).isEmpty() && s.holdsOnlyItsCentre();
    QJsonObject answer;
    try {
        // A device never enrolled that holds nothing but its own centre takes the code's centre: it
        // says none, so the server does not refuse the code for belonging elsewhere.
        answer = http.enroll(code, s.isInitialised() && !mayAdopt ? s.centreId() : QString());
    } catch (const TransportCancelled &) {
        throw Error(Error::Code::InvalidInput,
                    Tr::tr("enrolment cancelled; nothing on this device was changed (if the server took the code meanwhile, ask for a new one)"),
                    QStringLiteral("--server"));
    } catch (const TransportError &e) {
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot reach the server: %1").arg(QString::fromStdString(e.what())), QStringLiteral("--server"));
    } catch (const Error &e) {
        // The server refused a code made for another centre than this device's (which holds data of
        // its own): said here, in the person's language, without ids.
        if (e.field() == QLatin1String("centre")) // a 403 naming the centre
            throw Error(Error::Code::Forbidden,
                        Tr::tr("this code is for another centre than the one this device already holds data of; ask the ward office for a code for this "
                               "device's centre, or join with a new, empty database (the code was not used)"),
                        QStringLiteral("--code"));
        throw;
    }
    const QString centre = answer.value(QStringLiteral("centre")).toString();
    // Only a ward office server's answer is taken: a web page or a portal answering 200 changes nothing.
    if (!isId(centre) || answer.value(QStringLiteral("token")).toString().isEmpty()
        || answer.value(QStringLiteral("device")).toString().isEmpty())
        throw Error(Error::Code::InvalidInput, Tr::tr("the address does not answer like a ward office server; check it"), QStringLiteral("--server"));
    const bool adopt = mayAdopt && s.centreId() != centre;
    if (s.isInitialised() && s.centreId() != centre && !adopt)
        throw Error(Error::Code::InvalidInput,
                    Tr::tr("this database belongs to centre %1 but the code was made for centre %2; ask for a code for %1 (and revoke device %3), "
                           "or join with a new, empty database")
                        .arg(s.centreId(), centre, answer.value(QStringLiteral("device")).toString()),
                    QStringLiteral("--code"));
    Transaction tx(s.db());
    if (!s.isInitialised())
        s.initMember(centre);
    else if (adopt)
        s.adoptCentre(centre);
    s.setMeta(MetaKey::ServerUrl, server);
    s.setMeta(MetaKey::ServerCa, caFile);
    s.setMeta(MetaKey::Token, answer.value(QStringLiteral("token")).toString());
    s.setMeta(MetaKey::DeviceId, answer.value(QStringLiteral("device")).toString());
    s.setMeta(MetaKey::Role, answer.value(QStringLiteral("role")).toString());
    s.setMeta(MetaKey::DeviceName, answer.value(QStringLiteral("name")).toString());
    tx.commit();
    return answer.value(QStringLiteral("name")).toString();
}

} // namespace clc::sync
