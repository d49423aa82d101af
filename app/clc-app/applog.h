#pragma once
// The app's own log (docs/app.md#log): every clc.* warning and error, kept in a small rotating file in the data folder so a facilitator can read the last error out to
// the ward office from the settings page.
#include <QLoggingCategory>
#include <QString>
#include <exception>

Q_DECLARE_LOGGING_CATEGORY(lcApp) ///< clc.app: writes the app refused, reads that failed

namespace clc {

class AppLog
{
public:
    /// Writes log lines to dir/clc-app.log from now on (still to stderr too). When the file passes
    /// maxBytes it becomes clc-app.log.1 (the one before is dropped): at most twice maxBytes on disk.
    static void install(const QString &dir, qint64 maxBytes = 256 * 1024);
    /// Stops writing to the file (tests).
    static void uninstall();
    /// The file in use, empty when none.
    static QString path();
    /// The last lines of the log, oldest first.
    static QString tail(int lines = 40);
};

/// What the window for data that cannot be opened says happened (qml/OpenFailed.qml's kind):
/// "full" (the storage), "newer" (a newer app's file) or "damaged" (anything else).
QString openFailureKind(const std::exception &e);

} // namespace clc
