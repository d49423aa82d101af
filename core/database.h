#pragma once
// A small RAII layer over SQLite's C API: one connection, a prepared-statement cache, transactions.
#include "error.h"
#include "value.h"

#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace clc {

class Database;

/// A cached prepared statement; reset and unbound when the handle is released.
class Statement
{
public:
    Statement(Statement &&o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt), m_busy(o.m_busy) { o.m_stmt = nullptr; o.m_busy = nullptr; }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, const Value &v);
    Statement &bind(int index, const QString &s) { return bind(index, Value(s)); }
    Statement &bind(int index, qint64 i) { return bind(index, Value(i)); }
    Statement &bindBlob(int index, const QByteArray &bytes);

    /// Steps once; true while a row is available.
    bool step();
    /// Runs a statement that returns no rows; it can then be bound and run again.
    void exec();

    Value value(int col) const;
    qint64 integer(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;
    bool isNull(int col) const;
    /// The integer in col, or nothing when it is NULL.
    std::optional<qint64> optionalInteger(int col) const;

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt, bool *busy) : m_db(db), m_stmt(stmt), m_busy(busy) {}
    Database *m_db;
    sqlite3_stmt *m_stmt;
    bool *m_busy; ///< the cache entry's in-use flag; null for a one-off statement we finalize ourselves

};

/// One SQLite connection in WAL mode with foreign keys on.
class Database
{
public:
    /// Opens (creating if needed) the file at path; ":memory:" for a private in-memory database.
    explicit Database(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Runs one or more statements that take no parameters.
    void exec(const QString &sql);
    /// A prepared statement from the cache (prepared on first use).
    Statement prepare(const QString &sql);
    /// The first column of the first row, or a null Value.
    Value scalar(const QString &sql);

    int changes() const;
    bool inTransaction() const;
    /// How many transactions or savepoints were rolled back so far: caches of rows written inside a
    /// transaction use it to know when what they remember may have been undone.
    quint64 rollbacks() const { return m_rollbacks; }
    void noteRollback() { ++m_rollbacks; }
    const QString &path() const { return m_path; }

    [[noreturn]] void fail(const QString &what) const;
    /// The error of a write the disk had no room for (SQLITE_FULL): nothing of it was kept.
    static Error storageFull();
    /// The last error was the disk having no room (SQLITE_FULL, or an I/O error on a disk with none left).
    bool outOfSpace() const;

private:
    QString m_path;
    sqlite3 *m_db = nullptr;
    quint64 m_rollbacks = 0;
    struct Cached {
        sqlite3_stmt *stmt;
        bool busy;
    };
    std::unordered_map<std::string, Cached> m_cache;
};

/// BEGIN IMMEDIATE (or a SAVEPOINT when already inside one); rolls back unless commit() is called.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_nested;
    bool m_done = false;
    QString m_savepoint;
};

} // namespace clc
