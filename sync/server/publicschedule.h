#pragma once
// A centre's schedule as a calendar anyone may subscribe to (GET /v1/schedule/CENTRE.ics), only when
// the server's admin has published it (`clc-server publish-schedule CENTRE on`). It holds the schedule
// fields only — the centre's name, its plans' activities and their sessions — never the register or
// attendance: it is built the way a viewer's phone sees the centre (those tables pulled into a
// throw-away store), then written by core's schedule::ics. Rebuilt only when the centre has changed.
#include "serverstore.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QTranslator>
#include <functional>
#include <mutex>

namespace clc::sync {

class PublicSchedule
{
public:
    explicit PublicSchedule(ServerStore &store);
    /// The calendar of centre: its current school year's sessions (or, with no plan, the months
    /// around today). The caller holds the store's turn.
    QByteArray ics(const QString &centre);

    /// Where the admin's choice lives: a file in the data directory, one centre id per line.
    static QStringList published(const QString &listFile);
    static void setPublished(const QString &listFile, const QString &centre, bool on);

private:
    struct Cached
    {
        qint64 seq = -1; ///< the newest change of the schedule's tables it was made from
        QByteArray ics;
    };
    ServerStore &m_store;
    QHash<QString, Cached> m_cache;
    QTranslator m_vietnamese; ///< the feed is for the ward's residents: Vietnamese, whatever the server speaks
};

} // namespace clc::sync
