#pragma once
// The date and time the app's screens go by, and word when the day turns: a tablet left on overnight
// shows the new day's "Today" and next session without being restarted (docs/app.md#day-change).
#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <functional>

namespace clc {

class DayClock : public QObject
{
    Q_OBJECT

public:
    /// The app's one clock (made on first use, in the thread that uses it: the GUI thread).
    static DayClock &instance();

    QDateTime now() const { return m_source ? m_source() : QDateTime::currentDateTime(); }
    QDate today() const { return now().date(); }

    /// Looks at the date (once a minute, and when the app comes back to the front): says so if it
    /// is another day than at the last look. A minute's poll, not a timer set for midnight, because
    /// a sleeping tablet's timers do not count the time it slept, and the clock may be set by hand.
    void check();

    /// For tests: where the time comes from (nothing: the system's clock).
    void setSourceForTesting(std::function<QDateTime()> source);

Q_SIGNALS:
    /// The date is another than at the last look (usually the next day; any other after the clock
    /// was set, or after days asleep).
    void dayChanged(const QDate &previous, const QDate &today);

private:
    DayClock();
    std::function<QDateTime()> m_source;
    QDate m_seen;
    QTimer m_poll;
};

} // namespace clc
