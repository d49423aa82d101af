#pragma once
// Editing one activity (coordinators) and adding its sessions (facilitators too): the form's values
// are read on the reader thread; a save writes one activity row, all fields or none, and names the
// field a bad value is in.
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <functional>
#include <QtQml/qqmlregistration.h>

namespace clc {

class ActivityEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString activityId READ activityId WRITE setActivityId NOTIFY activityChanged)
    /// {title, kind, group_text, partner_text, teacher, planned_participants, budget, budget_spent, status}
    /// as the form shows them (money as 1.500.000).
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY loaded)
    /// [{value: "technical", label: "tập huấn kỹ thuật"}, …] and the same for statuses.
    Q_PROPERTY(QVariantList kinds READ kinds NOTIFY languageChanged)
    Q_PROPERTY(QVariantList statuses READ statuses NOTIFY languageChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorChanged)
    /// The key of the field lastError is about ("starts_at", "budget"), for the form to mark and focus.
    Q_PROPERTY(QString lastErrorField READ lastErrorField NOTIFY errorChanged)
    /// The form's values have been read: only then can a save tell what changed.
    Q_PROPERTY(bool ready READ ready NOTIFY loaded)

public:
    explicit ActivityEditor(QObject *parent = nullptr);
    bool eventFilter(QObject *watched, QEvent *event) override;
    QString activityId() const { return m_id; }
    void setActivityId(const QString &id);
    QVariantMap fields() const { return m_fields; }
    QVariantList kinds() const;
    QVariantList statuses() const;
    QString lastError() const { return m_error; }
    QString lastErrorField() const { return m_errorField; }
    /// Forgets the last refused write's reason (a form opened afresh shows no old error).
    Q_INVOKABLE void clearError()
    {
        if (!m_error.isEmpty() || !m_errorField.isEmpty()) {
            m_error.clear();
            m_errorField.clear();
            Q_EMIT errorChanged();
        }
    }
    bool ready() const { return !m_fields.isEmpty(); }

    /// Reads the activity's current values (loaded() follows).
    Q_INVOKABLE void load();
    /// Writes the changed fields; false with lastError naming the field when a value is wrong, or
    /// while the current values are still being read (nothing could be compared).
    Q_INVOKABLE bool save(const QVariantMap &values);
    /// Adds a session: date "25/11/2017" (or 2017-11-25), times "08:00" and optional "10:30".
    Q_INVOKABLE bool addSession(const QString &date, const QString &start, const QString &end, const QString &place,
                                const QString &facilitator);
    /// What the centre's activities and sessions already say, for the forms to offer (then a new one is typed).
    Q_INVOKABLE QStringList groupChoices() const;
    Q_INVOKABLE QStringList partnerChoices() const;
    Q_INVOKABLE QStringList placeChoices() const;

Q_SIGNALS:
    void activityChanged();
    void loaded();
    void errorChanged();
    /// The language was switched: the drop-downs' labels are said again.
    void languageChanged();
    /// After a successful save or a new session: the pages showing the activity re-read it.
    void saved();

private:
    void setError(const QString &e, const QString &field = {});
    /// Runs one write: on an Error lastError names the field by its label; on success saved() follows.
    bool attempt(const std::function<void()> &write);
    QString m_id, m_error, m_errorField;
    QVariantMap m_fields;
};

} // namespace clc
