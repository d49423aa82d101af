#pragma once
// Typed errors. Every failure that reaches a user names what was wrong and which input caused it.
#include <QString>
#include <exception>
#include <string>

namespace clc {

class Error : public std::exception
{
public:
    enum class Code {
        InvalidInput,     ///< a value the user gave is wrong (field names it)
        NotFound,         ///< an id that does not exist
        ParseError,       ///< a file could not be read (line names where)
        Database,         ///< SQLite said no
        NotInitialised,   ///< the database has no replica yet
        TooNew,           ///< the database was made by a newer clc
        Forbidden,        ///< the caller may not do this (role or scope)
        StorageFull,      ///< the disk holding the database is full: nothing of the write was kept
    };

    Error(Code code, QString message, QString field = {}, int line = 0);

    Code code() const { return m_code; }
    /// The input that was wrong: a field name, a CLI option, a JSON path or a CSV column.
    const QString &field() const { return m_field; }
    /// 1-based line of the input file, 0 when not about a file.
    int line() const { return m_line; }
    const QString &message() const { return m_message; }
    /// "line 3: field 'birth_year': must be a year" — the form printed to users.
    QString describe() const;
    const char *what() const noexcept override { return m_what.c_str(); }

private:
    Code m_code;
    QString m_message;
    QString m_field;
    int m_line;
    std::string m_what;
};

} // namespace clc
