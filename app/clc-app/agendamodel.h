#pragma once
// The month as an agenda, the phone's home: days in order, each with its sessions (time, activity,
// place, for whom), today and the next session marked. The same entries as `clc schedule` and the
// shared text, picture and calendar file (core/schedule.h). The month follows the ScheduleModel's.
#include "asynclistmodel.h"
#include "schedule.h"

#include <QDateTime>
#include <QtQml/qqmlregistration.h>
#include <optional>
#include <vector>

namespace clc {

class AgendaModel : public AsyncListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY monthChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// The row of the next session from now (today's first, else the next day's), -1 if none is ahead this month.
    Q_PROPERTY(int nextIndex READ nextIndex NOTIFY countChanged)
    /// The month's activities without a date yet ("also planned this month").
    Q_PROPERTY(QStringList undated READ undated NOTIFY countChanged)
    /// When the next session from now is in another month: "Next session: Saturday, 02/12/2017,
    /// 19:30 · …"; empty when it is in this month (then it is marked) or there is none.
    Q_PROPERTY(QString nextElsewhere READ nextElsewhere NOTIFY countChanged)
    /// That session's month (YYYY-MM), to go to it.
    Q_PROPERTY(QString nextMonth READ nextMonth NOTIFY countChanged)

public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        ActivityIdRole,
        DayRole,      ///< YYYY-MM-DD (the section key)
        DayLabelRole, ///< "Thứ Sáu, 03/11/2017", with " · Hôm nay" on today
        TimeRole,     ///< "14:00–16:00"
        TitleRole,
        GroupsRole,
        PlaceRole,
        CancelledRole,
        TodayRole,
        NextRole,
        PastRole,
    };
    Q_ENUM(Role)

    explicit AgendaModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString month() const { return m_month; }
    void setMonth(const QString &month);
    int count() const { return int(m_rows.size()); }
    int nextIndex() const { return m_next; }
    QStringList undated() const { return m_undated; }
    QString nextElsewhere() const;
    QString nextMonth() const { return m_upcoming ? m_upcoming->startsAt.left(7) : QString(); }

    Q_INVOKABLE void reload();
    /// For tests: the moment treated as now.
    void setNow(const QDateTime &now) { m_now = now; }

    /// Sharing the month as people pass it on: the text (copied to the clipboard, for a Zalo group or
    /// the loudspeaker), a picture and a calendar file saved in the documents folder. Each returns
    /// what to tell the person ("Copied", "Saved to …") or, with ok false, why not.
    Q_INVOKABLE QString copyText();
    Q_INVOKABLE QString savePicture();
    Q_INVOKABLE QString saveCalendar();
    /// The folder shared files go to (tests point it elsewhere).
    void setShareFolder(const QString &folder) { m_shareFolder = folder; }

Q_SIGNALS:
    void monthChanged();
    void countChanged();

protected:
    void retranslate() override;

private:
    void computeMarks();
    QString shareFolder() const;
    QString m_month;
    QDateTime m_now; ///< invalid: the clock's
    QDate m_today;   ///< the day the marks were made for (computeMarks)
    std::vector<schedule::Entry> m_rows;
    std::vector<QString> m_dayLabels;
    QStringList m_undated;
    std::optional<schedule::Entry> m_upcoming; ///< the next session from now, in any month ahead
    int m_next = -1;
    QString m_shareFolder;
};

} // namespace clc
