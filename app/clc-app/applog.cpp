#include "applog.h"
#include "error.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>

Q_LOGGING_CATEGORY(lcApp, "clc.app", QtInfoMsg)

namespace clc {

namespace {

struct State
{
    QMutex mutex;
    QString path;
    qint64 maxBytes = 0;
    QtMessageHandler previous = nullptr;
};

State &state()
{
    static State s;
    return s;
}

const char *typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    State &s = state();
    QtMessageHandler previous = nullptr;
    {
        QMutexLocker lock(&s.mutex);
        previous = s.previous;
        const QByteArray category = context.category ? QByteArray(context.category) : QByteArray("default");
        // The file keeps what went wrong (warnings and errors of clc.*, and any critical): what a
        // facilitator reads out to the office. Routine lines and Qt's own chatter stay on stderr.
        // (QtMsgType is not ordered by severity: QtInfoMsg comes last.)
        const bool critical = type == QtCriticalMsg || type == QtFatalMsg;
        if (!s.path.isEmpty() && (critical || (type == QtWarningMsg && category.startsWith("clc.")))) {
            QFile f(s.path);
            if (f.size() > s.maxBytes) {
                QFile::remove(s.path + QStringLiteral(".1"));
                QFile::rename(s.path, s.path + QStringLiteral(".1"));
            }
            if (f.open(QIODevice::Append | QIODevice::Text)) {
                f.write(QDateTime::currentDateTime().toString(Qt::ISODate).toUtf8() + ' ' + typeName(type) + ' ' + category + ": "
                        + message.toUtf8() + '\n');
            }
        }
    }
    if (previous)
        previous(type, context, message);
}

} // namespace

void AppLog::install(const QString &dir, qint64 maxBytes)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    QDir().mkpath(dir);
    const bool first = s.path.isEmpty();
    s.path = QDir(dir).filePath(QStringLiteral("clc-app.log"));
    s.maxBytes = maxBytes;
    if (first)
        s.previous = qInstallMessageHandler(&handle);
}

void AppLog::uninstall()
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (s.path.isEmpty())
        return;
    qInstallMessageHandler(s.previous);
    s.path.clear();
    s.previous = nullptr;
}

QString AppLog::path()
{
    QMutexLocker lock(&state().mutex);
    return state().path;
}

QString AppLog::tail(int lines)
{
    const QString p = path();
    if (p.isEmpty())
        return {};
    QStringList all;
    for (const QString &file : {p + QStringLiteral(".1"), p}) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly | QIODevice::Text))
            all += QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    return all.mid(qMax(0, int(all.size()) - lines)).join(QLatin1Char('\n'));
}

QString openFailureKind(const std::exception &e)
{
    const auto *error = dynamic_cast<const Error *>(&e);
    if (error && error->code() == Error::Code::StorageFull)
        return QStringLiteral("full");
    if (error && error->code() == Error::Code::TooNew)
        return QStringLiteral("newer");
    return QStringLiteral("damaged");
}

} // namespace clc
