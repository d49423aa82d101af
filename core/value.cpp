#include "value.h"

namespace clc {

QString Value::toText() const
{
    if (isText())
        return std::get<QString>(m_v);
    if (isInt())
        return QString::number(std::get<qint64>(m_v));
    return {};
}

QJsonValue Value::toJson() const
{
    if (isInt())
        return QJsonValue(std::get<qint64>(m_v));
    if (isText())
        return QJsonValue(std::get<QString>(m_v));
    return QJsonValue(QJsonValue::Null);
}

Value Value::fromJson(const QJsonValue &v)
{
    if (v.isString())
        return Value(v.toString());
    if (v.isDouble())
        return Value(qint64(v.toDouble()));
    return Value();
}

} // namespace clc
