#pragma once
// Database work off the GUI thread: a worker thread with its own connection to the file. The app has
// two: the reader (a read-only connection; WAL lets it read while the GUI thread writes a tap), where
// every screen's reads run, each in one consistent snapshot; and the writer, for writes bigger than a
// row (an import). A model posts a job and gets the result back on its own thread.
// docs/app.md ("The database and the GUI thread").
#include "store.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>

namespace clc {

class DbThread : public QObject
{
    Q_OBJECT
public:
    enum Kind { Reader, Writer };
    /// Starts the thread; the connection opens on it at the first job.
    DbThread(Kind kind, const QString &path, const StoreOptions &options, QObject *parent = nullptr);
    /// Waits for the job in progress, closes the connection and stops the thread.
    ~DbThread() override;

    /// Runs job(store) on the thread, then done(result) on this object's thread, unless receiver is
    /// gone by then. A clc::Error (or other exception) goes to failed(message) instead. On the reader,
    /// the job runs in a read snapshot; on the writer, the job makes its own Transaction.
    /// The thread's next job opens the file afresh (after the device became a centre's replica).
    void reopen();

    template<class R>
    void run(QObject *receiver, std::function<R(Store &)> job, std::function<void(R)> done,
              std::function<void(const QString &)> failed = {})
    {
        QPointer<QObject> guard(receiver);
        auto result = std::make_shared<R>();
        post([job = std::move(job), result](Store &s) { *result = job(s); },
             [guard, result, done = std::move(done)] {
                 if (guard)
                     done(std::move(*result));
             },
             [guard, failed = std::move(failed)](const QString &message) {
                 if (guard && failed)
                     failed(message);
             });
    }

Q_SIGNALS:
    /// After every job's result was delivered, on this object's thread.
    void jobDone();

private:
    void post(std::function<void(Store &)> work, std::function<void()> deliver, std::function<void(const QString &)> fail);

    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread; deleted there
};

} // namespace clc
