#pragma once
// A path the person typed, or a file URL a file chooser gave: the local path either way.
#include <QString>
#include <QUrl>

namespace clc {

inline QString localPathOf(const QString &pathOrUrl)
{
    return pathOrUrl.startsWith(QLatin1String("file:")) ? QUrl(pathOrUrl).toLocalFile() : pathOrUrl.trimmed();
}

} // namespace clc
