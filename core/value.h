#pragma once
// A field value as SQLite and the wire hold it: null, a 64-bit integer or UTF-8 text.
#include <QJsonValue>
#include <QString>
#include <variant>

struct sqlite3_stmt;

namespace clc {

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
