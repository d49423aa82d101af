#include "httptransport.h"
#include "error.h"
#include "gzip.h"
#include "store.h"
#include "translate.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QElapsedTimer>
#include <QUrlQuery>

namespace clc::sync {

namespace {
/// What a person can do about a failed connection, in plain words; Qt's own text in brackets.
QString plainReason(QNetworkReply::NetworkError e, const QString &qtText)
{
    QString plain;
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
        plain = Tr::tr("the server refused the connection: check the address and port, and that the ward office server is running");
        break;
    case QNetworkReply::HostNotFoundError:
        plain = Tr::tr("no computer has this address: check it");
        break;
    case QNetworkReply::SslHandshakeFailedError:
        plain = Tr::tr("the server's certificate is not trusted: ask the ward office for it");
        break;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        plain = Tr::tr("no network: connect to Wi-Fi or mobile data and try again");
        break;
    case QNetworkReply::RemoteHostClosedError:
        plain = Tr::tr("the connection was cut: try again");
        break;
    default:
        return qtText;
    }
    return QStringLiteral("%1 (%2)").arg(plain, qtText);
}
} // namespace

HttpTransport::HttpTransport(const QUrl &server, const QString &token, HttpTransportOptions options)
    : m_server(server), m_token(token), m_options(std::move(options)), m_nam(std::make_unique<QNetworkAccessManager>())
{
    if (!server.isValid() || (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https")))
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not an address like https://clc.phuong.example or http://192.168.1.10:8470").arg(server.toString()),
                    QStringLiteral("--server"));
}

HttpTransport::~HttpTransport() = default;

QNetworkRequest HttpTransport::request(const QString &path) const
{
    QUrl url = m_server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path); // a server behind a reverse proxy may live under a path
    QNetworkRequest r(url);
    r.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_options.caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_options.caFile);
        r.setSslConfiguration(ssl);
    }
    return r;
}

QByteArray HttpTransport::exchange(QNetworkRequest r, const QByteArray &verb, const QByteArray &body)
{
    for (int attempt = 1;; ++attempt) {
        int retryAfter = 0;
        QByteArray answer = exchangeOnce(r, verb, body, retryAfter);
        if (retryAfter <= 0)
            return answer;
        // 429: this device is over its budget on the server, which did nothing with the request.
        // Wait as asked and send it again; a longer wait (an enrolment throttle) is the person's call.
        if (attempt >= MaxBusyRetries)
            throw TransportError("the server is busy; try again in a moment");
        ++m_waits;
        // Waited out in small steps, so a person's Cancel still ends it at once.
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < qint64(retryAfter) * 1000) {
            if (m_options.cancel && m_options.cancel->load())
                throw TransportCancelled(Tr::tr("cancelled").toStdString());
            QEventLoop loop;
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }
}

QByteArray HttpTransport::exchangeOnce(const QNetworkRequest &r, const QByteArray &verb, const QByteArray &body, int &retryAfter)
{
    QNetworkReply *reply = verb == "GET" ? m_nam->get(r) : m_nam->post(r, body);
    m_sent += body.size();
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timer, &QTimer::timeout, reply, [&timedOut, reply] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // Reaching the server gets a short time (an unreachable address ends in seconds, not a minute);
    // once the request is out, the exchange lives as long as bytes keep moving either way.
    timer.start(std::min(m_options.connectTimeoutMs, m_options.timeoutMs));
    bool reached = false;
    const auto moving = [&timer, &reached, &timedOut, this] {
        if (timedOut)
            return; // the abort's own signals
        reached = true;
        timer.start(m_options.timeoutMs);
    };
    QObject::connect(reply, &QNetworkReply::requestSent, &timer, moving);
    QObject::connect(reply, &QNetworkReply::uploadProgress, &timer, moving);
    QObject::connect(reply, &QNetworkReply::downloadProgress, &timer, moving);
    // A person's Cancel, looked at ten times a second.
    QTimer cancelWatch;
    bool cancelled = false;
    if (m_options.cancel) {
        QObject::connect(&cancelWatch, &QTimer::timeout, reply, [&] {
            if (m_options.cancel->load() && !reply->isFinished()) { // an answer already in stands
                cancelled = true;
                reply->abort();
            }
        });
        cancelWatch.start(100);
    }
    loop.exec();
    cancelWatch.stop();
    timer.stop();
    if (cancelled) {
        reply->deleteLater();
        throw TransportCancelled(Tr::tr("cancelled").toStdString());
    }
    const QByteArray answer = reply->readAll();
    m_received += answer.size();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    const QString netText = reply->errorString();
    bool isNumber = false;
    const int wait = reply->rawHeader("Retry-After").trimmed().toInt(&isNumber);
    reply->deleteLater();
    if (status == 429 && isNumber && wait >= 0 && wait <= MaxBusyWaitSeconds) {
        retryAfter = std::max(1, wait);
        return {};
    }
    // A longer wait, or none said (a proxy), is not this request's fault: a sync tries again later
    // with its backoff. An enrolment's throttle (15 minutes) is the person's to know, with the reason.
    if (status == 429 && !r.url().path().endsWith(QLatin1String("/v1/enroll")))
        throw TransportError(isNumber ? QStringLiteral("the server is busy; try again in %1 s").arg(wait).toStdString()
                                      : std::string("the server is busy; try again later"));
    // A connection cut in the middle of an answer can still carry a 200 status: what arrived is not
    // the whole answer, and the caller may retry as for a lost connection.
    if (status == 0 || status >= 500 || (status < 400 && netError != QNetworkReply::NoError)) {
        // Unknown whether the server acted: the caller may retry (pushes are idempotent).
        // A failing server names the request in its log: pass the id on, for the person to quote.
        const QJsonObject problem = status >= 500 ? QJsonDocument::fromJson(answer).object() : QJsonObject();
        const QString requestId = problem.value(QStringLiteral("request")).toString();
        // The server's disk is full: nothing was stored, and the person should know why it keeps failing.
        if (status == 507 && problem.value(QStringLiteral("error")).toString() == QLatin1String("storage_full"))
            throw TransportError(Tr::tr("the server's disk is full, so nothing was stored; the ward office must free space, then sync again (request %1)")
                                     .arg(requestId.left(40))
                                     .toStdString());
        throw TransportError(timedOut ? (reached ? Tr::tr("the server did not answer in time")
                                                 : Tr::tr("the server could not be reached in time: check the address, and that this device is on the ward office's network"))
                                            .toStdString()
                                      : status >= 500 ? (requestId.isEmpty() ? QStringLiteral("the server failed (HTTP %1)").arg(status)
                                                                             : QStringLiteral("the server failed (HTTP %1, request %2)").arg(status).arg(requestId.left(40)))
                                                            .toStdString()
                                                      : plainReason(netError, netText).toStdString());
    }
    if (status >= 400) {
        const QJsonObject o = QJsonDocument::fromJson(answer).object();
        // An answer without clc's own message is not from a clc server (a wrong address, a proxy).
        const QString message = o.value(QStringLiteral("message"))
                                    .toString(Tr::tr("the address does not answer like a ward office server; check it"));
        const QString code = o.value(QStringLiteral("error")).toString();
        if (status == 409 && (code == QLatin1String("batch_gap") || code == QLatin1String("batch_reused")))
            throw BatchGap(QStringLiteral("%1 (HTTP 409)").arg(message), o.value(QStringLiteral("expected")).toInteger(),
                           o.value(QStringLiteral("e")).toString(), code == QLatin1String("batch_reused"));
        throw Error(status == 401 || status == 403 ? Error::Code::NotFound : Error::Code::InvalidInput,
                    QStringLiteral("%1 (HTTP %2)").arg(message).arg(status), o.value(QStringLiteral("field")).toString());
    }
    return answer;
}

QByteArray HttpTransport::push(const QByteArray &body)
{
    QNetworkRequest r = request(QStringLiteral("/v1/push"));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    r.setRawHeader("Content-Encoding", "gzip");
    return exchange(r, "POST", gzipCompress(body));
}

QByteArray HttpTransport::pull(const QString &cursor, int limit, int protocol)
{
    QNetworkRequest r = request(QStringLiteral("/v1/pull"));
    QUrl url = r.url();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("cursor"), cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    q.addQueryItem(QStringLiteral("p"), QString::number(protocol)); // a server of release 8 ignores it and answers in 1
    url.setQuery(q);
    r.setUrl(url);
    return exchange(r, "GET", {});
}

QJsonObject HttpTransport::health() { return QJsonDocument::fromJson(exchange(request(QStringLiteral("/v1/health")), "GET", {})).object(); }

QJsonObject HttpTransport::enroll(const QString &code, const QString &centre)
{
    QNetworkRequest r = request(QStringLiteral("/v1/enroll"));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QJsonObject body{{QStringLiteral("code"), code}};
    if (!centre.isEmpty())
        body.insert(QStringLiteral("centre"), centre); // the server refuses another centre's code without spending it
    return QJsonDocument::fromJson(exchange(r, "POST", QJsonDocument(body).toJson(QJsonDocument::Compact))).object();
}

} // namespace clc::sync
