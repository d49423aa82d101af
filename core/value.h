#pragma once
// A field value as SQLite and the wire hold it: null, a 64-bit integer or UTF-8 text.
#include <QJsonValue>
#include <QString>
#include <variant>

struct sqlite3_stmt;

namespace clc {

/// Copies text that is all ASCII and at most `capacity` characters into `out` (no conversion, no
/// allocation: most texts bound or hashed are ids and codes); returns its length, or -1 when it does
/// not fit or holds anything else (convert it with toUtf8()).
inline qsizetype asciiInto(QStringView text, char *out, qsizetype capacity)
{
    const qsizetype n = text.size();
    if (n > capacity)
        return -1;
    const QChar *c = text.data();
    for (qsizetype i = 0; i < n; ++i) {
        if (c[i].unicode() >= 0x80)
            return -1;
        out[i] = char(c[i].unicode());
    }
    return n;
}

class Value
{
public:
    Value() = default;
    Value(qint64 i) : m_v(i) {}
    Value(int i) : m_v(qint64(i)) {}
    Value(const QString &s) : m_v(s) {}
    Value(const char *s) : m_v(QString::fromUtf8(s)) {}

    bool isNull() const { return std::holds_alternative<std::monostate>(m_v); }
    bool isInt() const { return std::holds_alternative<qint64>(m_v); }
    bool isText() const { return std::holds_alternative<QString>(m_v); }
    qint64 toInt() const { return isInt() ? std::get<qint64>(m_v) : 0; }
    QString toText() const;
    /// The text held, without a copy; null unless isText().
    const QString *textIf() const { return std::get_if<QString>(&m_v); }

    QJsonValue toJson() const;
    static Value fromJson(const QJsonValue &v);

    bool operator==(const Value &o) const { return m_v == o.m_v; }
    bool operator!=(const Value &o) const { return !(m_v == o.m_v); }

private:
    std::variant<std::monostate, qint64, QString> m_v;
};

} // namespace clc
