#include "httpserver.h"
#include "error.h"
#include "gzip.h"
#include "serverlog.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <arpa/inet.h>
#include <cstring>
#include <microhttpd.h>
#include <netinet/in.h>

namespace clc::sync {

namespace {

struct Pending
{
    HttpRequest request; ///< its head from the first call; the body as it arrives
    bool tooLarge = false;  ///< answered already (refused): the rest of the body is dropped unread
    bool refused = false;   ///< answered from the head: nothing more to say at the body's end
    qint64 counted = 0;     ///< bytes of this body counted in the server's buffered total
    qint64 limit = 0;       ///< the largest body this request may have
    QElapsedTimer timer; ///< from the request's first byte, for the log line
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

/// Text from a client as it may go into one log line: control characters (a forged line break)
/// escaped, and cut to max characters.
QString oneLine(const QString &text, int max)
{
    QString out;
    for (const QChar c : text.left(max)) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return text.size() > max ? out + QStringLiteral("…") : out;
}

/// What a reason may say in the log: everything between its first and last quote (values a device
/// sent, which may hold quotes themselves) is left out.
QString loggable(QString reason)
{
    const qsizetype first = reason.indexOf(QLatin1Char('\''));
    const qsizetype last = reason.lastIndexOf(QLatin1Char('\''));
    if (first >= 0 && last > first)
        reason.replace(first, last - first + 1, QStringLiteral("'…'"));
    return oneLine(reason, 300);
}

/// Sends the answer and writes the request's log line. A 5xx carries a request id in place of what
/// went wrong inside; the log has both.
MHD_Result answer(MHD_Connection *connection, const char *method, const char *url, const QString &peer, HttpResponse r,
                  bool gzipOk, const QElapsedTimer &timer)
{
    QString requestId;
    if (r.status >= 500) {
        requestId = QString::number(QRandomGenerator::global()->generate64(), 36);
        QJsonObject o = QJsonDocument::fromJson(r.body).object();
        if (!r.internalError.isEmpty() || o.isEmpty())
            o = QJsonObject{{QStringLiteral("error"), o.value(QStringLiteral("error")).toString(QStringLiteral("internal"))},
                            {QStringLiteral("message"), r.status == 503 || r.status == 507 ? o.value(QStringLiteral("message")).toString()
                                                                                          : QStringLiteral("the server failed")}};
        o.insert(QStringLiteral("request"), requestId);
        o.insert(QStringLiteral("message"), QStringLiteral("%1 (request %2)").arg(o.value(QStringLiteral("message")).toString(), requestId));
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        qCCritical(lcHttp).noquote() << "request" << requestId << "failed:" << oneLine(r.internalError.isEmpty() ? r.reason : r.internalError, 2000);
    }
    const MHD_Result ok = send(connection, r, gzipOk);
    QString line = QStringLiteral("%1 %2 %3 %4 ms").arg(oneLine(QString::fromLatin1(method), 16), oneLine(QString::fromUtf8(url), 120))
                       .arg(r.status).arg(timer.elapsed());
    if (!r.device.isEmpty())
        line += QStringLiteral(" device=") + r.device;
    if (!peer.isEmpty())
        line += QStringLiteral(" peer=") + peer;
    if (r.waitedBehind > 0)
        line += QStringLiteral(" behind=") + QString::number(r.waitedBehind);
    if (!requestId.isEmpty())
        line += QStringLiteral(" request=") + requestId;
    if (r.status >= 400 && r.status < 500)
        qCWarning(lcHttp).noquote() << line << "-" << loggable(r.reason);
    else
        qCInfo(lcHttp).noquote() << line;
    return ok;
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
    if (!*state) {
        auto *p = new Pending;
        p->timer.start();
        p->limit = server->options().maxBody;
        *state = p;
        // Route, method and credentials are checked from the head alone, before a byte of body is
        // read; the check may also lower the body's limit (a code to enrol is a few bytes).
        HttpRequest &head = p->request;
        head.method = method;
        head.path = QString::fromUtf8(url);
        MHD_get_connection_values(connection, MHD_HEADER_KIND, collectHeader, &head);
        head.peer = peerAddress(connection);
        if (server->precheck()) {
            std::optional<HttpResponse> refusal;
            try {
                refusal = server->precheck()(head, p->limit);
            } catch (...) {
                refusal = problem(503, QStringLiteral("busy"), QStringLiteral("the server cannot check this request now; try again later"));
            }
            if (refusal) {
                p->tooLarge = p->refused = true;
                return answer(connection, method, url, head.peer, *refusal, false, p->timer);
            }
        }
        // Refuse an oversize body from its header, before reading any of it.
        const char *length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (length && QByteArray(length).toLongLong() > p->limit) {
            p->tooLarge = p->refused = true;
            return answer(connection, method, url, head.peer,
                          problem(413, QStringLiteral("too_large"), QStringLiteral("the body is larger than %1 bytes").arg(p->limit)), false, p->timer);
        }
        return MHD_YES;
    }
    auto *p = static_cast<Pending *>(*state);
    const qint64 limit = p->limit;
    if (*uploadSize > 0) {
        const qint64 size = qint64(*uploadSize);
        *uploadSize = 0;
        // libmicrohttpd takes no answer while a body is arriving: a body that must not be kept closes
        // the connection, which frees its slot at once (the device retries later, with backoff).
        auto cutOff = [&](const QString &why) {
            qCWarning(lcHttp).noquote() << oneLine(QString::fromLatin1(method), 16) << oneLine(QString::fromUtf8(url), 120) << "cut off after"
                                        << p->timer.elapsed() << "ms" << "peer=" + p->request.peer << "-" << why;
            return MHD_NO;
        };
        // A body that trickles in keeps a slot for nothing: it must arrive within the deadline, even
        // one being dropped.
        if (p->timer.elapsed() > qint64(server->options().uploadDeadlineSeconds) * 1000)
            return cutOff(QStringLiteral("the body did not arrive within %1 seconds").arg(server->options().uploadDeadlineSeconds));
        if (p->tooLarge)
            return MHD_YES; // refused already: dropped unread, the refusal follows
        if (p->request.body.size() + size > limit) {
            // Chunked bodies have no length: stop keeping this one (and give back what it held),
            // answer 413 at its end.
            p->tooLarge = true;
            p->request.body = QByteArray();
            server->releaseBuffer(p->counted);
            p->counted = 0;
            return MHD_YES;
        }
        // All connections together buffer at most maxBuffered.
        if (!server->reserveBuffer(size))
            return cutOff(QStringLiteral("the server is receiving too much at once"));
        p->counted += size;
        p->request.body.append(uploadData, qsizetype(size));
        return MHD_YES;
    }
    if (p->tooLarge)
        return p->refused ? MHD_YES
                          : answer(connection, method, url, p->request.peer,
                                   problem(413, QStringLiteral("too_large"), QStringLiteral("the body is larger than %1 bytes").arg(limit)), false, p->timer);

    HttpRequest &request = p->request; // its head was read on the first call
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, collectArgument, &request);
    if (request.header("content-encoding").contains("gzip")) {
        const auto inflated = gzipDecompress(request.body, limit);
        if (!inflated)
            return answer(connection, method, url, request.peer,
                          problem(413, QStringLiteral("bad_body"), QStringLiteral("the gzip body is corrupt or inflates past %1 bytes").arg(limit)), false, p->timer);
        request.body = *inflated;
    }
    HttpResponse response;
    try {
        response = server->handler()(request);
    } catch (const std::exception &e) {
        response = problem(500, QStringLiteral("internal"), QStringLiteral("the server failed"));
        response.internalError = QString::fromUtf8(e.what());
    } catch (...) { // never let anything unwind into libmicrohttpd
        response = problem(500, QStringLiteral("internal"), QStringLiteral("the server failed"));
        response.internalError = QStringLiteral("an unknown exception");
    }
    return answer(connection, method, url, request.peer, response, request.header("accept-encoding").contains("gzip"), p->timer);
}

void onCompleted(void *cls, MHD_Connection *, void **state, MHD_RequestTerminationCode)
{
    auto *p = static_cast<Pending *>(*state);
    if (p)
        static_cast<HttpServer *>(cls)->releaseBuffer(p->counted);
    delete p;
    *state = nullptr;
}

} // namespace

HttpResponse problem(int status, const QString &code, const QString &message, const QString &field)
{
    QJsonObject o{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        o.insert(QStringLiteral("field"), field);
    HttpResponse r{status, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json"};
    r.reason = field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    return r;
}

HttpServer::HttpServer(HttpServerOptions options, Handler handler, Precheck precheck)
    : m_options(std::move(options)), m_handler(std::move(handler)), m_precheck(std::move(precheck))
{
}

bool HttpServer::reserveBuffer(qint64 bytes)
{
    qint64 now = m_buffered.load();
    do {
        if (now + bytes > m_options.maxBuffered)
            return false;
    } while (!m_buffered.compare_exchange_weak(now, now + bytes));
    return true;
}

void HttpServer::releaseBuffer(qint64 bytes) { m_buffered -= bytes; }

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
                                MHD_OPTION_NOTIFY_COMPLETED, &onCompleted, this,
                                MHD_OPTION_PER_IP_CONNECTION_LIMIT, m_options.perAddressConnections,
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
