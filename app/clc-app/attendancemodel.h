#pragma once
// The attendance sheet of one session, for one-handed marking on a tablet: the expected learners
// (and anyone already marked) in Vietnamese given-name order; a tap marks present, further taps cycle
// late, excused, absent, and a status can be set directly. Every action (a mark, a walk-in, the
// headcount) is written at once in its own transaction and can be undone, in order, saying what.
#include "asynclistmodel.h"
#include <QtQml/qqmlregistration.h>
#include <QDateTime>
#include <QSet>
#include <vector>

namespace clc {

class AttendanceModel : public AsyncListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString sessionId READ sessionId WRITE setSessionId NOTIFY sessionChanged)
    Q_PROPERTY(QString title READ title NOTIFY sessionChanged)
    Q_PROPERTY(QString when READ when NOTIFY sessionChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int presentCount READ presentCount NOTIFY countsChanged)
    Q_PROPERTY(int expectedCount READ expectedCount NOTIFY countsChanged)
    Q_PROPERTY(int headcount READ headcount WRITE setHeadcount NOTIFY countsChanged)
    Q_PROPERTY(bool taken READ taken NOTIFY countsChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY countsChanged)
    Q_PROPERTY(QString recordedText READ recordedText NOTIFY countsChanged)
    /// "44 present + 12 unnamed of 50 expected": the one counting rule, numbers written the Vietnamese way.
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY countsChanged)
    /// Marks of this sheet not sent to the server yet (shown once for the sheet, not on every row).
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY countsChanged)
    /// Show only the people not marked yet (with the name filter).
    Q_PROPERTY(bool onlyUnmarked READ onlyUnmarked WRITE setOnlyUnmarked NOTIFY filterChanged)
    /// What the last undo did ("Dương Văn Quang: back to not marked"), empty until one is done.
    Q_PROPERTY(QString undoneText READ undoneText NOTIFY countsChanged)

public:
    enum Status { NotMarked, Present, Late, Excused, Absent };
    Q_ENUM(Status)
    /// A mark's own sync state: in step with the server, waiting to be sent, or refused by it.
    enum SyncState { InStep, Waiting, Refused };
    Q_ENUM(SyncState)
    enum Role { PersonIdRole = Qt::UserRole + 1, NameRole, DetailRole, StatusRole, StatusTextRole, ExpectedRole, SyncRole, SyncTextRole, StatusCodeRole };

    explicit AttendanceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString sessionId() const { return m_sessionId; }
    void setSessionId(const QString &id);
    QString title() const { return m_title; }
    QString when() const { return m_when; }
    QString filter() const { return m_filter; }
    /// Diacritic- and case-insensitive, by word prefixes ("ng an" finds Nguyễn Văn An).
    void setFilter(const QString &filter);
    int presentCount() const;
    int expectedCount() const { return m_expected; }
    int headcount() const { return m_headcount; }
    void setHeadcount(int n);
    /// Attendance counts as taken once anything is recorded: never show defaults as marks.
    bool taken() const { return presentCount() + m_otherMarks > 0 || m_headcount > 0; }
    bool canUndo() const { return !m_undo.empty(); }
    /// "Recorded by Máy tính bảng khu 3, last change 08:35 10/11/2017", or empty before anything is marked.
    QString recordedText() const;

    QString summaryText() const;
    int waitingCount() const;
    bool onlyUnmarked() const { return m_onlyUnmarked; }
    void setOnlyUnmarked(bool on);
    QString undoneText() const { return m_undone; }

    /// One tap on a row (of the filtered list): not marked → present → late → excused → absent → present.
    Q_INVOKABLE void cycle(int row);
    /// Sets a row's status directly (a long press): a wrong tap is one step back, not four.
    Q_INVOKABLE void setStatus(int row, int status);
    /// The same by person (the menu keeps who it was opened for: rows move when the sheet is re-read).
    Q_INVOKABLE void setStatusFor(const QString &personId, int status);
    /// Takes back the last action — a mark, a walk-in or a headcount — and says what it did.
    Q_INVOKABLE void undo();
    /// Adds a walk-in resident to the register and marks them present; returns false with lastError set
    /// (the form keeps what was typed).
    Q_INVOKABLE bool addWalkIn(const QString &fullName, const QString &sex, const QString &birthYear, const QString &khu);
    /// People of the whole register whose name matches text (diacritics ignored), at most 8, as
    /// {personId, name, detail, onSheet}: the search that finds nobody on the sheet, and the walk-in
    /// form's "is it one of these?".
    Q_INVOKABLE QVariantList registerMatches(const QString &text) const;
    /// Marks a person of the register present here (someone who came without being expected).
    Q_INVOKABLE bool markFromRegister(const QString &personId);
    /// Re-reads from the database (after a sync), on the reader thread.
    /// The centre's neighbourhoods and learner groups, for a form to offer (a new one is typed).
    Q_INVOKABLE QStringList khuChoices() const;
    Q_INVOKABLE QStringList groupChoices() const;
    Q_INVOKABLE void reload();

    struct Row
    {
        QString personId, name, detail;
        Status status = NotMarked;
        bool expected = false;
        SyncState sync = InStep;
        QString refusal;
    };

    static QString statusCode(Status s);
    static Status statusOf(const QString &code);

Q_SIGNALS:
    void sessionChanged();
    void filterChanged();
    void countsChanged();

protected:
    void retranslate() override;

private:
    void applyFilter();
    /// The rows shown (m_visible) from all rows, by the filters; inside a model reset.
    void rebuildVisible();
    /// The people of the shown rows, in order (a re-read that keeps them changes rows in place).
    std::vector<QString> visibleIds() const;
    bool shown(const Row &r) const;
    /// Writes a person's mark (and who recorded it) in one transaction, then shows it.
    void write(const QString &personId, Status status);
    /// A row's mark set to status, remembered for undo.
    void mark(const QString &personId, Status status);
    QString nameOf(const QString &personId) const;
    static QString statusText(Status s);

    struct UndoStep
    {
        enum Kind { Mark, WalkIn, Headcount } kind = Mark;
        QString personId, name;
        Status before = NotMarked, after = NotMarked; ///< a mark: what the action found and wrote
        int headcountBefore = 0, headcountAfter = 0;
        qint64 atMs = 0;                                ///< when (headcount taps in a row are one step)
    };

    QString m_sessionId, m_activityId, m_title, m_when, m_filter, m_recordedBy;
    QDateTime m_lastChange;
    std::vector<Row> m_all;
    std::vector<int> m_visible; // indexes into m_all
    std::vector<UndoStep> m_undo; // by person, not row: rows move when the sheet is re-read
    QString m_undone;
    bool m_onlyUnmarked = false;
    QSet<QString> m_markedInView; // marked while only the unmarked are shown: they stay in sight until the view changes
    int m_expected = 0;
    int m_headcount = 0;
    int m_otherMarks = 0; // excused and absent
};

} // namespace clc
