#include "httpserver.h"
#include "error.h"
#include "gzip.h"

#include <arpa/inet.h>
#include <cstring>
#include <microhttpd.h>
#include <netinet/in.h>

namespace clc::sync {

namespace {

struct Pending
{
    QByteArray body;
    bool tooLarge = false;
};

QString peerAddress(MHD_Connection *connection)
{
    const MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr)
        return {};
    char text[INET6_ADDRSTRLEN] = {};
    const sockaddr *a = info->client_addr;
    if (a->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(a)->sin_addr, text, sizeof text);
    else if (a->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 *>(a)->sin6_addr, text, sizeof text);
    return QString::fromLatin1(text);
}

MHD_Result send(MHD_Connection *connection, const HttpResponse &r, bool gzipOk)
{
    QByteArray body = r.body;
    const bool compress = gzipOk && body.size() > 512;
    if (compress)
        body = gzipCompress(body);
    MHD_Response *response = MHD_create_response_from_buffer(size_t(body.size()), body.data(), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, r.contentType.constData());
    if (compress)
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    if (r.retryAfterSeconds > 0)
        MHD_add_response_header(response, MHD_HTTP_HEADER_RETRY_AFTER, QByteArray::number(r.retryAfterSeconds).constData());
    const MHD_Result ok = MHD_queue_response(connection, unsigned(r.status), response);
    MHD_destroy_response(response);
    return ok;
}

HttpResponse error(int status, const char *code, const QString &message)
{
    return {status, QByteArray("{\"error\":\"") + code + "\",\"message\":\"" + message.toUtf8().replace('"', "\\\"") + "\"}",
            "application/json"};
}

MHD_Result collectHeader(void *cls, MHD_ValueKind, const char *key, const char *value)
{
    static_cast<HttpRequest *>(cls)->headers.insert(QByteArray(key).toLower(), QByteArray(value ? value : ""));
    return MHD_YES;
}

MHD_Result collectArgument(void *cls, MHD_ValueKind, const char *key, const char *value)
{
    static_cast<HttpRequest *>(cls)->query.addQueryItem(QString::fromUtf8(key), QString::fromUtf8(value ? value : ""));
    return MHD_YES;
}

MHD_Result onRequest(void *cls, MHD_Connection *connection, const char *url, const char *method, const char *,
                     const char *uploadData, size_t *uploadSize, void **state)
{
    auto *server = static_cast<HttpServer *>(cls);
    const qint64 limit = server->options().maxBody;
    if (!*state) {
        auto *p = new Pending;
        *state = p;
        // Refuse an oversize body from its header, before reading any of it.
        const char *length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (length && QByteArray(length).toLongLong() > limit) {
            p->tooLarge = true;
            return send(connection, error(413, "too_large", QStringLiteral("the body is larger than %1 bytes").arg(limit)), false);
        }
        return MHD_YES;
    }
    auto *p = static_cast<Pending *>(*state);
    if (*uploadSize > 0) {
        if (!p->tooLarge && p->body.size() + qint64(*uploadSize) <= limit)
            p->body.append(uploadData, qsizetype(*uploadSize));
        else
            p->tooLarge = true; // chunked bodies have no length: stop keeping it
        *uploadSize = 0;
        return MHD_YES;
    }
    if (p->tooLarge)
        return send(connection, error(413, "too_large", QStringLiteral("the body is larger than %1 bytes").arg(limit)), false);

    HttpRequest request;
    request.method = method;
    request.path = QString::fromUtf8(url);
    MHD_get_connection_values(connection, MHD_HEADER_KIND, collectHeader, &request);
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, collectArgument, &request);
    request.body = std::move(p->body);
    request.peer = peerAddress(connection);
    if (request.header("content-encoding").contains("gzip")) {
        const auto inflated = gzipDecompress(request.body, limit);
        if (!inflated)
            return send(connection, error(413, "bad_body", QStringLiteral("the gzip body is corrupt or inflates past %1 bytes").arg(limit)), false);
        request.body = *inflated;
    }
    HttpResponse response;
    try {
        response = server->handler()(request);
    } catch (const std::exception &e) {
        response = error(500, "internal", QString::fromUtf8(e.what()));
    }
    return send(connection, response, request.header("accept-encoding").contains("gzip"));
}

void onCompleted(void *, MHD_Connection *, void **state, MHD_RequestTerminationCode)
{
    delete static_cast<Pending *>(*state);
    *state = nullptr;
}

} // namespace

HttpServer::HttpServer(HttpServerOptions options, Handler handler) : m_options(std::move(options)), m_handler(std::move(handler)) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start()
{
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(m_options.port);
    const QString host = m_options.host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : m_options.host;
    if (inet_pton(AF_INET, host.toLatin1().constData(), &addr.sin_addr) != 1)
        throw Error(Error::Code::InvalidInput, QStringLiteral("'%1' is not an IPv4 address").arg(m_options.host), QStringLiteral("--listen"));
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
    const bool tls = !m_options.tlsCert.isEmpty() && !m_options.tlsKey.isEmpty();
    if (tls)
        flags |= MHD_USE_TLS;
    // Keep NUL-terminated copies alive for as long as the daemon runs.
    m_options.tlsCert.append('\0');
    m_options.tlsKey.append('\0');
    m_daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &onRequest, this,
                                MHD_OPTION_SOCK_ADDR, &addr,
                                MHD_OPTION_THREAD_POOL_SIZE, m_options.threads,
                                MHD_OPTION_CONNECTION_TIMEOUT, m_options.timeoutSeconds,
                                MHD_OPTION_CONNECTION_LIMIT, m_options.maxConnections,
                                MHD_OPTION_NOTIFY_COMPLETED, &onCompleted, nullptr,
                                tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, m_options.tlsCert.constData(),
                                MHD_OPTION_HTTPS_MEM_KEY, m_options.tlsKey.constData(),
                                MHD_OPTION_END);
    if (!m_daemon)
        throw Error(Error::Code::InvalidInput,
                    QStringLiteral("cannot listen on %1:%2%3").arg(host).arg(m_options.port).arg(tls ? QStringLiteral(" with TLS (check the certificate and key)") : QString()),
                    QStringLiteral("--listen"));
}

void HttpServer::stop()
{
    if (m_daemon) {
        MHD_stop_daemon(m_daemon);
        m_daemon = nullptr;
    }
}

quint16 HttpServer::port() const
{
    if (!m_daemon)
        return 0;
    const MHD_DaemonInfo *info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

} // namespace clc::sync
