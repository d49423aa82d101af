#include "dayclock.h"

#include <QGuiApplication>
#include <QThread>

namespace clc {

DayClock &DayClock::instance()
{
    // Its timer and its connection to the app's state need the GUI thread, with the app made.
    Q_ASSERT(QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread());
    static DayClock *clock = new DayClock; // lives as long as the app (a QObject: never destroyed after QCoreApplication)
    return *clock;
}

DayClock::DayClock() : m_seen(QDate::currentDate())
{
    m_poll.setInterval(60 * 1000);
    connect(&m_poll, &QTimer::timeout, this, &DayClock::check);
    m_poll.start();
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        connect(app, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
            if (state == Qt::ApplicationActive)
                check();
        });
}

void DayClock::check()
{
    const QDate today = this->today();
    if (today == m_seen)
        return;
    const QDate previous = m_seen;
    m_seen = today;
    Q_EMIT dayChanged(previous, today);
}

void DayClock::setSourceForTesting(std::function<QDateTime()> source)
{
    m_source = std::move(source);
    m_seen = today(); // the new source's day is the one seen: the next check compares with it
}

} // namespace clc
