#include "enrollink.h"

#include <QUrl>
#include <QUrlQuery>

namespace clc::sync {

QString enrolLinkText(const QString &server, const QString &code)
{
    return QStringLiteral("clc://enroll?server=%1&code=%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(server)), QString::fromLatin1(QUrl::toPercentEncoding(code)));
}

std::optional<EnrolLink> parseEnrolLink(const QString &text)
{
    const QUrl url(text.simplified().remove(QLatin1Char(' ')), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("clc") || url.host() != QLatin1String("enroll"))
        return std::nullopt;
    const QUrlQuery query(url);
    EnrolLink link{query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded).trimmed(),
                   query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded).trimmed()};
    const QUrl server(link.server, QUrl::StrictMode);
    if (link.code.isEmpty() || !server.isValid() || (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))
        || server.host().isEmpty())
        return std::nullopt;
    return link;
}

} // namespace clc::sync
