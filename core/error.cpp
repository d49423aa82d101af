#include "error.h"
#include "translate.h"
#include <QCoreApplication>

namespace clc {

Error::Error(Code code, QString message, QString field, int line)
    : m_code(code), m_message(std::move(message)), m_field(std::move(field)), m_line(line)
{
    m_what = describe().toStdString();
}

QString Error::describe() const
{
    QString out;
    if (m_line > 0)
        out += Tr::tr("line %1: ").arg(m_line);
    if (!m_field.isEmpty())
        out += Tr::tr("%1: ").arg(m_field);
    return out + m_message;
}

} // namespace clc
