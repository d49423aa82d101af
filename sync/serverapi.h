#pragma once
// The /v1/ HTTP API of clc-server (docs/protocol.md): routes, authentication by bearer token,
// status codes. Thread-safe: the HTTP pool calls handle() from several threads.
#include "enrolment.h"
#include "httpserver.h"
#include "syncservice.h"

#include <mutex>

namespace clc::sync {

class ServerApi
{
public:
    explicit ServerApi(ServerStore &store, HybridClock::WallClock wall = {});
    HttpResponse handle(const HttpRequest &request);

private:
    HttpResponse health();
    HttpResponse enrol(const HttpRequest &request);
    HttpResponse push(const Device &device, const HttpRequest &request);
    HttpResponse pull(const Device &device, const HttpRequest &request);

    std::mutex m_mutex; // one store connection per process: requests take turns on it
    ServerStore &m_store;
    SyncService m_sync;
    EnrolmentService m_enrolment;
    HybridClock::WallClock m_wall;
};

} // namespace clc::sync
