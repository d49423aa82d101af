#pragma once
// The client's HTTP transport over Qt Network (docs/protocol.md). Blocking for its caller — it runs
// in the CLI or on the SyncClient's worker thread, never on a GUI thread — with a local event loop
// and a timeout. Network failures, timeouts and 5xx throw TransportError (worth retrying);
// refusals (400, 401, 403, 409, 413) throw clc::Error with the server's reason. A 429 with a short
// Retry-After (the device is over its budget, docs/security.md#fairness) is waited out and sent again.
#include "syncsession.h"

#include <QJsonObject>
#include <QUrl>
#include <atomic>
#include <memory>

class QNetworkAccessManager;
class QNetworkRequest;

namespace clc::sync {

struct HttpTransportOptions
{
    /// The longest silence once the request is out: no byte sent or received for this long ends the exchange.
    int timeoutMs = 60000;
    QString caFile; ///< extra trusted CA certificate (PEM), e.g. a ward office's own
    /// Set from another thread to end the exchange at once (a person pressed Cancel): TransportCancelled.
    std::shared_ptr<std::atomic<bool>> cancel;
    /// The longest wait for the connection and the request to go out (an unreachable or silent address).
    int connectTimeoutMs = 10000;
};

/// The exchange was cancelled by the person; whether the server acted is unknown, as for a lost
/// connection (an enrolment code may or may not have been spent).
class TransportCancelled : public TransportError
{
public:
    using TransportError::TransportError;
};

class HttpTransport : public Transport
{
public:
    HttpTransport(const QUrl &server, const QString &token, HttpTransportOptions options = {});
    ~HttpTransport() override;

    QByteArray push(const QByteArray &request) override;
    QByteArray pull(const QString &cursor, int limit, int protocol) override;
    /// GET /v1/health: the server's answer (status, time, protocol, schema).
    QJsonObject health();
    /// POST /v1/enroll: exchanges a one-time code; the answer holds token, device, centre, role, name.
    /// centre (the device's own, if it has one) lets the server refuse another centre's code unspent.
    QJsonObject enroll(const QString &code, const QString &centre = {});

    /// A 429 is waited out when its Retry-After is at most this, and at most MaxBusyRetries times in a row.
    static constexpr int MaxBusyWaitSeconds = 30;
    static constexpr int MaxBusyRetries = 8;

    qint64 bytesSent() const { return m_sent; }
    /// How many times a 429 was waited out.
    int busyWaits() const { return m_waits; }
    qint64 bytesReceived() const { return m_received; }

private:
    QByteArray exchange(QNetworkRequest request, const QByteArray &verb, const QByteArray &body);
    /// One exchange; retryAfter is set (and nothing returned) for a 429 worth waiting out.
    QByteArray exchangeOnce(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body, int &retryAfter);
    QNetworkRequest request(const QString &path) const;

    QUrl m_server;
    QString m_token;
    HttpTransportOptions m_options;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    qint64 m_sent = 0, m_received = 0;
    int m_waits = 0;
};

} // namespace clc::sync
