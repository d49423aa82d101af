#pragma once
// The HTTP/1.1 transport of clc-server: GNU libmicrohttpd, which caps a body from its
// Content-Length before reading it, times out idle and slow clients, honours Connection: close and
// HTTP/1.0, answers malformed requests with 400, serves many keep-alive connections from a thread
// pool with epoll, and speaks TLS (GnuTLS). Handlers run on the pool's threads.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>
#include <atomic>
#include <functional>
#include <optional>

struct MHD_Daemon;

namespace clc::sync {

struct HttpRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;                        ///< already un-gzipped
    QString peer;                           ///< the client's IP address, "" if unknown
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    int retryAfterSeconds = 0;              ///< sent as Retry-After when > 0 (429, 503)
    // For the server's log only, never sent:
    QString device;                         ///< the authenticated device, if any
    int waitedBehind = -1;                  ///< pushes and pulls that had their turn first (fairness)
    QString reason;                         ///< why a 4xx or 5xx was answered
    QString internalError;                  ///< what failed inside (a 5xx): the answer carries a request id instead
};

/// A JSON refusal {"error": code, "message", "field"?}, its reason kept for the log line.
HttpResponse problem(int status, const QString &code, const QString &message, const QString &field = {});

struct HttpServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8470;                  ///< 0: any free port (port() tells which)
    qint64 maxBody = 16 * 1024 * 1024;    ///< larger bodies get 413 before they are read (after gunzip too)
    unsigned timeoutSeconds = 30;         ///< idle or slow connections are closed after this
    unsigned threads = 4;
    unsigned maxConnections = 2000;
    unsigned perAddressConnections = 256; ///< from one client address (a ward office's NAT holds many tablets)
    qint64 maxBuffered = 256 * 1024 * 1024; ///< bodies all connections may hold at once; past it the connection is closed
    unsigned uploadDeadlineSeconds = 120; ///< a body must have arrived this long after its request began, else closed
    QByteArray tlsCert, tlsKey;           ///< PEM; both set: HTTPS only
};

class HttpServer
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    /// Called with the request's head (no body yet): an answer refuses it before its body is read.
    /// maxBody comes set to the server's limit and may be lowered for this request.
    using Precheck = std::function<std::optional<HttpResponse>(const HttpRequest &head, qint64 &maxBody)>;
    HttpServer(HttpServerOptions options, Handler handler, Precheck precheck = {});
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    /// Starts listening; throws clc::Error if the address cannot be bound or TLS fails.
    void start();
    /// Stops accepting, finishes the requests being handled, closes connections.
    void stop();
    quint16 port() const;

    // Called by libmicrohttpd.
    const HttpServerOptions &options() const { return m_options; }
    const Handler &handler() const { return m_handler; }
    const Precheck &precheck() const { return m_precheck; }
    /// Counts bytes about to be buffered; false (nothing counted) if that passes maxBuffered.
    bool reserveBuffer(qint64 bytes);
    void releaseBuffer(qint64 bytes);

private:
    HttpServerOptions m_options;
    Handler m_handler;
    Precheck m_precheck;
    std::atomic<qint64> m_buffered{0};
    MHD_Daemon *m_daemon = nullptr;
};

} // namespace clc::sync
