#include "database.h"
#include "error.h"
#include "translate.h"

#include <QFileInfo>
#include <QStorageInfo>
#include <atomic>
#include <cerrno>
#include <sqlite3.h>

namespace clc {

Statement::~Statement()
{
    if (!m_stmt)
        return;
    if (m_busy) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        *m_busy = false;
    } else {
        sqlite3_finalize(m_stmt);
    }
}

Statement &Statement::bind(int index, const Value &v)
{
    int rc;
    if (v.isInt()) {
        rc = sqlite3_bind_int64(m_stmt, index, v.toInt());
    } else if (const QString *text = v.textIf()) {
        char ascii[128];
        const qsizetype n = asciiInto(*text, ascii, sizeof ascii);
        if (n >= 0) {
            rc = sqlite3_bind_text(m_stmt, index, ascii, int(n), SQLITE_TRANSIENT); // SQLite copies it
        } else {
            const QByteArray utf8 = text->toUtf8();
            rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        }
    } else {
        rc = sqlite3_bind_null(m_stmt, index);
    }
    if (rc != SQLITE_OK)
        m_db->fail(QStringLiteral("bind"));
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_db->fail(QString::fromUtf8(sqlite3_sql(m_stmt)));
}

void Statement::exec()
{
    while (step()) {
    }
    sqlite3_reset(m_stmt); // ready to be bound and run again (binding a finished statement is misuse)
}

Value Statement::value(int col) const
{
    switch (sqlite3_column_type(m_stmt, col)) {
    case SQLITE_INTEGER:
        return Value(qint64(sqlite3_column_int64(m_stmt, col)));
    case SQLITE_NULL:
        return Value();
    default:
        return Value(text(col));
    }
}

qint64 Statement::integer(int col) const { return sqlite3_column_int64(m_stmt, col); }

QString Statement::text(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col)) : QString();
}

Statement &Statement::bindBlob(int index, const QByteArray &bytes)
{
    if (sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_db->fail(QStringLiteral("bind"));
    return *this;
}

QByteArray Statement::blob(int col) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
    return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, col)) : QByteArray();
}

std::optional<qint64> Statement::optionalInteger(int col) const
{
    return isNull(col) ? std::nullopt : std::optional<qint64>(integer(col));
}

bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

Database::Database(const QString &path) : m_path(path)
{
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
        const bool full = m_db && outOfSpace();
        sqlite3_close(m_db);
        m_db = nullptr;
        if (full)
            throw storageFull();
        throw Error(Error::Code::Database, QStringLiteral("cannot open database: %1").arg(msg), path);
    }
    sqlite3_busy_timeout(m_db, 5000);
    sqlite3_extended_result_codes(m_db, 1);
    // A file that is not a database fails here, before anything is written.
    // A larger page cache keeps a big pull page or push batch from spilling pages to the WAL mid-transaction.
    exec(QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;"));
}

Database::~Database()
{
    for (auto &entry : m_cache)
        sqlite3_finalize(entry.second.stmt);
    sqlite3_close(m_db);
}

void Database::exec(const QString &sql)
{
    char *err = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err) != SQLITE_OK) {
        const QString msg = QString::fromUtf8(err ? err : "unknown error");
        sqlite3_free(err);
        if (outOfSpace())
            throw storageFull();
        throw Error(Error::Code::Database, msg, m_path);
    }
}

Statement Database::prepare(const QString &sql)
{
    const std::string key = sql.toStdString();
    auto it = m_cache.find(key);
    const bool inUse = it != m_cache.end() && it->second.busy;
    if (it == m_cache.end() || inUse) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v3(m_db, key.c_str(), int(key.size()), inUse ? 0 : SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
            fail(sql);
        // The same SQL is already being stepped further up the stack: hand out a one-off copy.
        if (inUse)
            return Statement(this, stmt, nullptr);
        it = m_cache.emplace(key, Cached{stmt, false}).first;
    }
    it->second.busy = true;
    return Statement(this, it->second.stmt, &it->second.busy);
}

Value Database::scalar(const QString &sql)
{
    auto st = prepare(sql);
    return st.step() ? st.value(0) : Value();
}

int Database::changes() const { return sqlite3_changes(m_db); }
bool Database::inTransaction() const { return !sqlite3_get_autocommit(m_db); }

Error Database::storageFull()
{
    return Error(Error::Code::StorageFull, Tr::tr("the storage is full, so nothing was saved or changed: free some space, then try again"));
}

bool Database::outOfSpace() const
{
    const int code = sqlite3_extended_errcode(m_db) & 0xff;
    if (code == SQLITE_FULL)
        return true;
    // A full disk also shows as an I/O error or a file that cannot be opened (the WAL's shared memory
    // cannot grow): the system's error says so; when it says nothing, the disk holding the file is asked.
    if (code != SQLITE_IOERR && code != SQLITE_CANTOPEN)
        return false;
    const int os = sqlite3_system_errno(m_db);
    if (os == ENOSPC || os == EDQUOT)
        return true;
    if (os != 0)
        return false; // another failure (a failing card): not called a full disk
    const QStorageInfo disk(QFileInfo(m_path).absolutePath());
    return disk.isValid() && disk.bytesAvailable() < 64 * 1024;
}

void Database::fail(const QString &what) const
{
    // SQLite has rolled the statement (or the transaction) back: say so in the person's words.
    if (outOfSpace())
        throw storageFull();
    throw Error(Error::Code::Database, QStringLiteral("%1 (%2)").arg(QString::fromUtf8(sqlite3_errmsg(m_db)), what));
}

Transaction::Transaction(Database &db) : m_db(db), m_nested(db.inTransaction())
{
    static std::atomic<int> counter{0}; // savepoint names; connections on many threads open transactions
    if (m_nested) {
        m_savepoint = QStringLiteral("sp%1").arg(++counter);
        m_db.exec(QStringLiteral("SAVEPOINT ") + m_savepoint);
    } else {
        m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    m_db.noteRollback();
    try {
        if (m_nested)
            m_db.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint + QStringLiteral("; RELEASE ") + m_savepoint);
        else
            m_db.exec(QStringLiteral("ROLLBACK"));
    } catch (const Error &) {
        // Rolling back during unwinding must not throw; SQLite has already undone the work if it failed.
    }
}

void Transaction::commit()
{
    m_db.exec(m_nested ? QStringLiteral("RELEASE ") + m_savepoint : QStringLiteral("COMMIT"));
    m_done = true;
}

} // namespace clc
