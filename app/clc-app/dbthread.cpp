#include "dbthread.h"
#include "applog.h"
#include "error.h"

#include <QDebug>

namespace clc {

class DbThread::Worker : public QObject
{
public:
    Worker(Kind kind, QString path, StoreOptions options) : m_path(std::move(path)), m_options(std::move(options))
    {
        m_options.reader = kind == Reader;
    }

    /// Runs one job (a read in a snapshot on the reader); returns an empty string or the reason it failed.
    QString run(const std::function<void(Store &)> &work)
    {
        try {
            if (!m_store)
                m_store = std::make_unique<Store>(m_path, m_options);
            if (!m_options.reader) {
                work(*m_store);
                return {};
            }
            Database &db = m_store->db();
            db.exec(QStringLiteral("BEGIN"));
            try {
                work(*m_store);
            } catch (...) {
                db.exec(QStringLiteral("ROLLBACK"));
                throw;
            }
            db.exec(QStringLiteral("COMMIT"));
            return {};
        } catch (const Error &e) {
            return e.describe();
        } catch (const std::exception &e) {
            return QString::fromUtf8(e.what());
        }
    }

    /// The next job opens the file again (it became a replica of a centre since this one opened).
    void reset() { m_store.reset(); }

private:
    QString m_path;
    StoreOptions m_options;
    std::unique_ptr<Store> m_store;
};

DbThread::DbThread(Kind kind, const QString &path, const StoreOptions &options, QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(kind == Reader ? QStringLiteral("clc-reader") : QStringLiteral("clc-writer"));
    m_worker = new Worker(kind, path, options);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

void DbThread::reopen()
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker] { worker->reset(); }); // in order with the jobs
}

DbThread::~DbThread()
{
    m_thread.quit();
    m_thread.wait();
}

void DbThread::post(std::function<void(Store &)> work, std::function<void()> deliver, std::function<void(const QString &)> fail)
{
    // The reader outlives every read it runs: its destructor waits for the thread before ~QObject
    // drops the answers still queued to it.
    Worker *worker = m_worker;
    DbThread *reader = this;
    QMetaObject::invokeMethod(
        m_worker,
        [worker, reader, work = std::move(work), deliver = std::move(deliver), fail = std::move(fail)] {
            const QString error = worker->run(work);
            if (!error.isEmpty())
                qCWarning(lcApp).noquote() << "reading or writing the database failed:" << error;
            QMetaObject::invokeMethod(
                reader,
                [reader, error, deliver, fail] {
                    if (error.isEmpty())
                        deliver();
                    else
                        fail(error);
                    Q_EMIT reader->jobDone();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace clc
