#pragma once
// A TCP proxy for the load test's faults (docs/reliability.md): it forwards to a server port and, while
// told to, misbehaves on every connection, old and new: delays each chunk, cuts a request or an answer
// at a random byte offset, or resets. Unlike the single-case tests' FaultyProxy, the mode applies to
// keep-alive connections already open, and cuts fall anywhere, not in the middle.
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <deque>
#include <memory>
#include <random>
#include <stdexcept>

namespace clcload {

class LoadProxy : public QObject
{
public:
    enum class Mode { Pass, Delay, CutRequest, CutResponse, Reset };

    explicit LoadProxy(quint16 target, unsigned seed) : m_target(target), m_rng(seed)
    {
        m_clock.start();
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            throw std::runtime_error("the proxy cannot listen");
        connect(&m_server, &QTcpServer::newConnection, this, &LoadProxy::accept);
    }
    quint16 port() const { return m_server.serverPort(); }
    Mode mode = Mode::Pass;
    int delayMs = 2000;
    int cuts = 0; ///< connections cut or reset on purpose

private:
    /// A random offset inside a chunk of n bytes: the cut may fall in a header, a body, anywhere.
    qsizetype offset(qsizetype n) { return n <= 1 ? 0 : qsizetype(m_rng() % quint64(n)); }

    /// One direction of a connection: chunks leave in the order they came, delayed or not, as TCP
    /// would deliver them (a chunk passed on at once never overtakes one still held back).
    struct Order
    {
        std::deque<std::pair<qint64, QByteArray>> held; ///< (when it may leave, the chunk), in order
        bool armed = false;
    };
    void forward(QTcpSocket *to, const std::shared_ptr<Order> &order, const QByteArray &data)
    {
        const qint64 now = m_clock.elapsed();
        qint64 at = mode == Mode::Delay ? now + delayMs : now;
        if (order->held.empty() && at <= now) {
            write(to, data);
            return;
        }
        if (!order->held.empty())
            at = std::max(at, order->held.back().first);
        order->held.emplace_back(at, data);
        drain(to, order);
    }
    static void write(QTcpSocket *to, const QByteArray &data)
    {
        if (to->state() != QAbstractSocket::UnconnectedState) // not to one cut already (a connecting one buffers)
            to->write(data);
    }
    void drain(QTcpSocket *to, const std::shared_ptr<Order> &order)
    {
        const qint64 now = m_clock.elapsed();
        while (!order->held.empty() && order->held.front().first <= now) {
            write(to, order->held.front().second);
            order->held.pop_front();
        }
        if (order->held.empty() || order->armed)
            return;
        order->armed = true;
        QTimer::singleShot(int(order->held.front().first - now), Qt::PreciseTimer, to, [this, to, order] {
            order->armed = false;
            drain(to, order);
        });
    }

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            if (mode == Mode::Reset) {
                ++cuts;
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *upstream = new QTcpSocket(client);
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
            auto cut = [this, client, upstream] {
                ++cuts;
                upstream->abort();
                client->abort();
            };
            auto up = std::make_shared<Order>(), down = std::make_shared<Order>();
            connect(client, &QTcpSocket::readyRead, upstream, [this, client, upstream, cut, up] {
                const QByteArray data = client->readAll();
                if (mode == Mode::CutRequest || mode == Mode::Reset) {
                    upstream->write(data.left(offset(data.size())));
                    upstream->flush();
                    QTimer::singleShot(20, client, cut);
                } else {
                    forward(upstream, up, data);
                }
            });
            connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, cut, down] {
                const QByteArray data = upstream->readAll();
                if (mode == Mode::CutResponse || mode == Mode::Reset) {
                    // The server has acted; the answer stops somewhere.
                    client->write(data.left(offset(data.size())));
                    client->flush();
                    cut();
                } else {
                    forward(client, down, data);
                }
            });
            connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
            connect(upstream, &QTcpSocket::errorOccurred, client, [client](QAbstractSocket::SocketError) { client->abort(); });
            connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
        }
    }

    quint16 m_target;
    QTcpServer m_server;
    std::mt19937 m_rng;
    QElapsedTimer m_clock;
};

} // namespace clcload
