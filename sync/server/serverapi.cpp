#include "serverapi.h"
#include "schema.h"
#include "serverlog.h"
#include "error.h"
#include "migrations.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

namespace clc::sync {

namespace {

HttpResponse json(int status, const QJsonObject &o) { return {status, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json"}; }


} // namespace

void EnrolThrottle::prune(std::deque<qint64> &times, qint64 now)
{
    while (!times.empty() && times.front() <= now - WindowMs)
        times.pop_front();
}

QString EnrolThrottle::keyOf(const QString &peer)
{
    // An IPv6 host usually owns a whole /64: count the network, or a guesser could rotate addresses.
    const QHostAddress a(peer);
    if (a.protocol() != QAbstractSocket::IPv6Protocol || a.toIPv4Address() != 0)
        return peer;
    Q_IPV6ADDR bytes = a.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

qint64 EnrolThrottle::blockedFor(const QString &peerAddress, qint64 now)
{
    const QString peer = keyOf(peerAddress);
    auto it = m_failures.find(peer);
    if (it == m_failures.end())
        return 0;
    prune(*it, now);
    if (it->empty()) {
        m_failures.erase(it);
        return 0;
    }
    return int(it->size()) >= MaxFailures ? it->front() + WindowMs - now : 0;
}

void EnrolThrottle::failed(const QString &peerAddress, qint64 now)
{
    const QString peer = keyOf(peerAddress);
    if (m_failures.size() >= MaxPeers && !m_failures.contains(peer)) {
        // Bounded memory: forget addresses whose failures have all expired, else one more (below).
        for (auto it = m_failures.begin(); it != m_failures.end();) {
            prune(*it, now);
            it = it->empty() ? m_failures.erase(it) : std::next(it);
        }
        if (m_failures.size() >= MaxPeers) {
            // Prefer an address that is not blocked; among those, the one quiet the longest.
            auto victim = m_failures.end();
            for (auto it = m_failures.begin(); it != m_failures.end(); ++it) {
                const bool blocked = int(it->size()) >= MaxFailures;
                const bool victimBlocked = victim != m_failures.end() && int(victim->size()) >= MaxFailures;
                if (victim == m_failures.end() || (victimBlocked && !blocked)
                    || (blocked == victimBlocked && it->back() < victim->back()))
                    victim = it;
            }
            m_failures.erase(victim);
        }
    }
    m_failures[peer].push_back(now);
}

ServerApi::ServerApi(ServerStore &store, HybridClock::WallClock wall, DeviceLimits limits)
    : m_budget(limits), m_sync(store, wall), m_enrolment(store, wall),
      m_wall(wall ? std::move(wall) : HybridClock::WallClock([] { return QDateTime::currentMSecsSinceEpoch(); })),
      m_schedule(store)
{
}

QString ServerApi::publishedCentreOf(const QString &path) const
{
    // /v1/schedule/<centre id>.ics: an id in its canonical form only, and only one the admin published
    // (an unpublished or unknown centre gets the same 404: nothing to learn by asking).
    static const QString prefix = QStringLiteral("/v1/schedule/");
    if (!path.startsWith(prefix) || !path.endsWith(QLatin1String(".ics")) || !m_published)
        return {};
    const QString id = path.mid(prefix.size(), path.size() - prefix.size() - 4);
    if (!isId(id) || !m_published(id))
        return {};
    return id;
}

HttpResponse ServerApi::scheduleCalendar(const QString &centre)
{
    if (centre.isEmpty()) // unpublished between the head and now
        return problem(404, QStringLiteral("not_found"), QStringLiteral("no published schedule here"));
    FairLock::Turn turn(m_turns, false);
    return {200, m_schedule.ics(centre), "text/calendar; charset=utf-8"};
}

std::optional<HttpResponse> ServerApi::precheck(const HttpRequest &head, std::optional<Device> *device)
{
    const bool get = head.method == "GET";
    const bool post = head.method == "POST";
    if (head.path == QLatin1String("/v1/health"))
        return get ? std::nullopt : std::optional(problem(405, QStringLiteral("method"), QStringLiteral("use GET")));
    if (head.path == QLatin1String("/v1/enroll"))
        return post ? std::nullopt : std::optional(problem(405, QStringLiteral("method"), QStringLiteral("use POST")));
    if (head.path.startsWith(QLatin1String("/v1/schedule/"))) {
        if (publishedCentreOf(head.path).isEmpty())
            return problem(404, QStringLiteral("not_found"), QStringLiteral("no published schedule here"));
        return get ? std::nullopt : std::optional(problem(405, QStringLiteral("method"), QStringLiteral("use GET")));
    }
    if (head.path != QLatin1String("/v1/push") && head.path != QLatin1String("/v1/pull"))
        return problem(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint"));
    const bool isPush = head.path == QLatin1String("/v1/push");
    if ((isPush && !post) || (!isPush && !get))
        return problem(405, QStringLiteral("method"), isPush ? QStringLiteral("use POST") : QStringLiteral("use GET"));
    const QByteArray auth = head.header("authorization");
    if (!auth.startsWith("Bearer "))
        return problem(401, QStringLiteral("unauthenticated"), QStringLiteral("send Authorization: Bearer TOKEN (enrol the device first)"));
    std::optional<Device> found;
    {
        FairLock::Turn turn(m_turns, false);
        found = m_enrolment.authenticate(QString::fromLatin1(auth.mid(7).trimmed()));
    }
    if (!found)
        return problem(401, QStringLiteral("unauthenticated"), QStringLiteral("the token is unknown or the device was revoked"));
    if (isPush) {
        try {
            SyncService::checkMayPush(*found);
        } catch (const Error &e) {
            HttpResponse refused = refusal(e);
            refused.device = found->id;
            return refused;
        }
    }
    if (device)
        *device = found;
    return std::nullopt;
}

std::optional<HttpResponse> ServerApi::precheck(const HttpRequest &head, qint64 &maxBody)
{
    // Anyone may ask these without a token: they may not hold the server's buffers.
    if (head.path == QLatin1String("/v1/enroll") || head.path == QLatin1String("/v1/health") || head.path.startsWith(QLatin1String("/v1/schedule/")))
        maxBody = std::min(maxBody, SmallBodyBytes);
    return precheck(head);
}

HttpResponse ServerApi::handle(const HttpRequest &r)
{
    try {
        // The same checks as before the body was read (the token may have been revoked meanwhile).
        std::optional<Device> device;
        if (auto refused = precheck(r, &device))
            return *refused;
        if (r.path == QLatin1String("/v1/health"))
            return health();
        if (r.path == QLatin1String("/v1/enroll"))
            return enrol(r);
        if (r.path.startsWith(QLatin1String("/v1/schedule/")))
            return scheduleCalendar(publishedCentreOf(r.path));
        // One device may not queue many requests nor send them without pause (docs/security.md#fairness).
        if (const int wait = m_budget.admit(device->id, m_wall())) {
            HttpResponse busy = problem(429, QStringLiteral("too_many_requests"),
                                        QStringLiteral("this device sends requests faster than the server takes them; wait %1 s").arg(wait));
            busy.retryAfterSeconds = wait;
            busy.device = device->id;
            return busy;
        }
        struct Done
        {
            DeviceBudget &budget;
            const QString &device;
            ~Done() { budget.done(device); }
        } done{m_budget, device->id};
        HttpResponse answer;
        int ahead = 0;
        try {
            answer = r.path == QLatin1String("/v1/push") ? push(*device, r, ahead) : pull(*device, r, ahead);
        } catch (const Error &e) {
            answer = refusal(e);
        }
        answer.device = device->id;
        answer.waitedBehind = ahead;
        return answer;
    } catch (const Error &e) {
        return refusal(e);
    }
}

HttpResponse ServerApi::refusal(const Error &e)
{
    if (e.code() == Error::Code::StorageFull) {
        // Nothing of the request was kept (the transaction rolled back) and nothing was acknowledged:
        // the device keeps it and sends it again later (docs/reliability.md#disk-full).
        HttpResponse full = problem(507, QStringLiteral("storage_full"),
                                    QStringLiteral("the server's disk is full, so nothing was stored; the ward office must free space, then sync again"));
        full.internalError = QStringLiteral("disk full: ") + e.describe();
        return full;
    }
    if (e.code() == Error::Code::Database) {
        // The operator's log gets the store's words; the device gets a request id to quote.
        HttpResponse busy = problem(503, QStringLiteral("storage"), QStringLiteral("the server's database is not available; try again later"));
        busy.internalError = e.describe();
        return busy;
    }
    if (e.code() == Error::Code::Forbidden)
        return problem(403, QStringLiteral("forbidden"), e.message(), e.field());
    return problem(400, QStringLiteral("invalid"), e.message(), e.field());
}

HttpResponse ServerApi::health()
{
    return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                 {QStringLiteral("time"), m_wall()},
                                 {QStringLiteral("protocol"), ProtocolVersion},
                                 {QStringLiteral("schema"), syncSchemaVersion()}});
}

HttpResponse ServerApi::enrol(const HttpRequest &r)
{
    QJsonParseError err{};
    const QJsonObject body = QJsonDocument::fromJson(r.body, &err).object();
    const QString code = body.value(QStringLiteral("code")).toString();
    if (err.error != QJsonParseError::NoError || code.isEmpty())
        return problem(400, QStringLiteral("invalid"), QStringLiteral("send {\"code\": \"XXXX-XXXX-XXXX\"}"), QStringLiteral("code"));
    FairLock::Turn turn(m_turns, false);
    const qint64 now = m_wall();
    if (const qint64 wait = m_throttle.blockedFor(r.peer, now); wait > 0) {
        qCWarning(lcApi).noquote() << "enrolment refused: too many wrong codes from" << EnrolThrottle::keyOf(r.peer);
        HttpResponse tooMany = problem(429, QStringLiteral("too_many_attempts"),
                                       QStringLiteral("too many wrong codes from this address; try again in %1 minutes").arg((wait + 59999) / 60000),
                                       QStringLiteral("code"));
        tooMany.retryAfterSeconds = int((wait + 999) / 1000);
        return tooMany;
    }
    const auto e = m_enrolment.enrol(code, body.value(QStringLiteral("centre")).toString());
    if (!e) {
        m_throttle.failed(r.peer, now);
        qCWarning(lcApi).noquote() << "a wrong enrolment code from" << r.peer;
        return problem(401, QStringLiteral("invalid_code"), QStringLiteral("the code is unknown, already used or expired"), QStringLiteral("code"));
    }
    qCInfo(lcApi).noquote() << "device" << e->device.id << "enrolled, role" << roleName(e->device.role) << "centre" << e->device.centre;
    return json(200, QJsonObject{{QStringLiteral("token"), e->token},
                                 {QStringLiteral("device"), e->device.id},
                                 {QStringLiteral("centre"), e->device.centre},
                                 {QStringLiteral("role"), roleName(e->device.role)},
                                 {QStringLiteral("name"), e->name}});
}

HttpResponse ServerApi::push(const Device &device, const HttpRequest &r, int &ahead)
{
    const PushRequest request = decodePushRequest(r.body); // 400 with the element at fault
    FairLock::Turn turn(m_turns, true);
    ahead = turn.ahead();
    try {
        return {200, encode(m_sync.push(device, request, r.body)), "application/json"};
    } catch (const BatchGap &gap) {
        // Say where the server is, and in which epoch: a device whose batches are ahead of a server
        // restored from a backup starts again from there and re-sends its own changes.
        HttpResponse answer = problem(409, gap.reused ? QStringLiteral("batch_reused") : QStringLiteral("batch_gap"), gap.message(), gap.field());
        QJsonObject o = QJsonDocument::fromJson(answer.body).object();
        o.insert(QStringLiteral("expected"), gap.expected);
        o.insert(QStringLiteral("e"), gap.epoch);
        answer.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        return answer;
    }
}

HttpResponse ServerApi::pull(const Device &device, const HttpRequest &r, int &ahead)
{
    PullRequest request;
    request.cursor = r.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    bool ok = true;
    if (r.query.hasQueryItem(QStringLiteral("limit")))
        request.limit = r.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || request.limit < 1)
        return problem(400, QStringLiteral("invalid"), QStringLiteral("limit must be a positive number"), QStringLiteral("limit"));
    // The newest format the device reads; a device of release 8 asks nothing and gets protocol 1, a
    // later one gets the newest this server speaks (SyncService::pull; docs/sync.md#marks).
    if (r.query.hasQueryItem(QStringLiteral("p"))) {
        request.protocol = r.query.queryItemValue(QStringLiteral("p")).toInt(&ok);
        if (!ok || request.protocol < 1)
            return problem(400, QStringLiteral("invalid"), QStringLiteral("p must be a protocol version (1, 2, …)"), QStringLiteral("p"));
    }
    FairLock::Turn turn(m_turns, true);
    ahead = turn.ahead();
    return {200, encode(m_sync.pull(device, request)), "application/json"};
}

} // namespace clc::sync
