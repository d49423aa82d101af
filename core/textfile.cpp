#include "textfile.h"
#include "translate.h"
#include "error.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

namespace clc {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot read the file: %1").arg(f.errorString()), path);
    return f.readAll();
}

QString decodeUtf8(const QByteArray &bytes, const QString &source)
{
    QByteArray body = bytes;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(body);
    if (!decoder.hasError())
        return text;
    // Find the first line that does not decode, so the user knows where to look.
    const QList<QByteArray> lines = body.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        QStringDecoder lineDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString ignored = lineDecoder.decode(lines[i]);
        if (lineDecoder.hasError())
            throw Error(Error::Code::ParseError,
                        Tr::tr("the text is not UTF-8; save the file as UTF-8 (in Excel: CSV UTF-8)"),
                        source, i + 1);
    }
    throw Error(Error::Code::ParseError, Tr::tr("the text is not UTF-8"), source);
}

QString csvCell(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

int lineOfOffset(const QByteArray &bytes, qsizetype offset)
{
    return int(bytes.left(offset).count('\n')) + 1;
}

} // namespace clc
