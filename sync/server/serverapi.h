#pragma once
// The /v1/ HTTP API of clc-server (docs/protocol.md): routes, authentication by bearer token,
// status codes. Thread-safe: the HTTP pool calls handle() from several threads.
#include "enrolment.h"
#include "publicschedule.h"
#include "error.h"
#include "fairness.h"
#include "httpserver.h"
#include "syncservice.h"

#include <QHash>
#include <deque>

namespace clc::sync {

/// Failed enrolment attempts per client address: after MaxFailures within Window, /v1/enroll answers
/// 429 until the oldest failure leaves the window. A one-time code has about 59 bits; this keeps a
/// guesser to 10 tries per quarter hour per address. Memory is bounded (old addresses are dropped).
class EnrolThrottle
{
public:
    static constexpr int MaxFailures = 10;
    static constexpr qint64 WindowMs = 15 * 60 * 1000;
    static constexpr int MaxPeers = 10000;
    /// Milliseconds until the peer may try again; 0 if it may now.
    qint64 blockedFor(const QString &peer, qint64 now);
    void failed(const QString &peer, qint64 now);

    /// What is counted: the address, or for IPv6 its /64 network.
    static QString keyOf(const QString &peer);

private:
    void prune(std::deque<qint64> &times, qint64 now);
    QHash<QString, std::deque<qint64>> m_failures;
};

class ServerApi
{
public:
    explicit ServerApi(ServerStore &store, HybridClock::WallClock wall = {}, DeviceLimits limits = {});
    HttpResponse handle(const HttpRequest &request);
    /// Route, method, token and whether the device may push, from the request's head alone (before
    /// its body is read): an answer refuses it. device, if given, receives the authenticated device.
    std::optional<HttpResponse> precheck(const HttpRequest &head, std::optional<Device> *device = nullptr);
    /// The same, for the HTTP layer: also lowers maxBody where a route takes only a few bytes.
    std::optional<HttpResponse> precheck(const HttpRequest &head, qint64 &maxBody);
    /// What an enrolment or health request may send at most: a code is a few bytes.
    static constexpr qint64 SmallBodyBytes = 4096;
    /// Which centres' schedules anyone may fetch as a calendar (GET /v1/schedule/CENTRE.ics); none
    /// unless set (clc-server reads the admin's list in its data directory).
    void publishSchedules(std::function<bool(const QString &centre)> published) { m_published = std::move(published); }

private:
    /// The answer to a refusal or failure thrown while handling a request.
    static HttpResponse refusal(const Error &e);
    HttpResponse health();
    HttpResponse enrol(const HttpRequest &request);
    /// ahead receives how many pushes and pulls had their turn before this one (the log shows it).
    HttpResponse push(const Device &device, const HttpRequest &request, int &ahead);
    HttpResponse pull(const Device &device, const HttpRequest &request, int &ahead);
    /// The centre a /v1/schedule/CENTRE.ics path names when it is published, else empty.
    QString publishedCentreOf(const QString &path) const;
    HttpResponse scheduleCalendar(const QString &centre);

    FairLock m_turns; // one store connection per process: requests take turns on it, in order
    DeviceBudget m_budget;
    SyncService m_sync;
    EnrolmentService m_enrolment;
    EnrolThrottle m_throttle;
    HybridClock::WallClock m_wall;
    PublicSchedule m_schedule;
    std::function<bool(const QString &)> m_published;
};

} // namespace clc::sync
