#pragma once
// Collects the log lines written while it lives (from any thread), for tests of what is logged.
#include <QMutex>
#include <QStringList>
#include <QtGlobal>

namespace clctest {

class LogCapture
{
public:
    LogCapture() { s_self = this; m_previous = qInstallMessageHandler(&LogCapture::handle); }
    ~LogCapture() { qInstallMessageHandler(m_previous); s_self = nullptr; }
    /// Every line so far, as "category: message".
    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }
    QString all() const { return lines().join(QLatin1Char('\n')); }

private:
    static void handle(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        if (!s_self)
            return;
        QMutexLocker lock(&s_self->m_mutex);
        s_self->m_lines << QString::fromLatin1(context.category ? context.category : "default") + QStringLiteral(": ") + message;
    }
    static inline LogCapture *s_self = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
};

} // namespace clctest
