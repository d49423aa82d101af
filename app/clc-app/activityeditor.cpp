#include "activityeditor.h"
#include "dbthread.h"
#include "error.h"
#include "records.h"
#include "schema.h"
#include "store.h"
#include "storemanager.h"
#include "vietnamese.h"

#include <QDate>
#include <QTime>

namespace clc {

namespace {
const QStringList &formFields()
{
    static const QStringList f{QStringLiteral("title"), QStringLiteral("kind"), QStringLiteral("group_text"), QStringLiteral("partner_text"),
                               QStringLiteral("teacher"), QStringLiteral("planned_participants"), QStringLiteral("budget"),
                               QStringLiteral("budget_spent"), QStringLiteral("status")};
    return f;
}
bool isMoney(const QString &field) { return field == QLatin1String("budget") || field == QLatin1String("budget_spent"); }
} // namespace

ActivityEditor::ActivityEditor(QObject *parent) : QObject(parent) {}

QString ActivityEditor::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("kind"), QT_TR_NOOP("Field")},
        {QStringLiteral("group_text"), QT_TR_NOOP("Target group")},
        {QStringLiteral("partner_text"), QT_TR_NOOP("Partner")},
        {QStringLiteral("teacher"), QT_TR_NOOP("Teacher or speaker")},
        {QStringLiteral("planned_participants"), QT_TR_NOOP("Planned participants")},
        {QStringLiteral("budget"), QT_TR_NOOP("Budget (đ)")},
        {QStringLiteral("budget_spent"), QT_TR_NOOP("Spent (đ)")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("starts_at"), QT_TR_NOOP("Date and start time")},
        {QStringLiteral("ends_at"), QT_TR_NOOP("End time")},
        {QStringLiteral("place"), QT_TR_NOOP("Place")},
        {QStringLiteral("facilitator"), QT_TR_NOOP("Facilitator")},
    };
    const auto it = labels.constFind(field);
    return it == labels.constEnd() ? field : tr(*it);
}

void ActivityEditor::setActivityId(const QString &id)
{
    if (id == m_id)
        return;
    m_id = id;
    m_fields.clear();
    Q_EMIT activityChanged();
    Q_EMIT loaded(); // not ready until the new values come
    load();
}

QVariantList ActivityEditor::kinds() const
{
    QVariantList out;
    for (const QString &k : kinds::all())
        out.append(QVariantMap{{QStringLiteral("value"), k}, {QStringLiteral("label"), records::kindTitle(k)}});
    return out;
}

QVariantList ActivityEditor::statuses() const
{
    return {QVariantMap{{QStringLiteral("value"), QStringLiteral("planned")}, {QStringLiteral("label"), tr("planned")}},
            QVariantMap{{QStringLiteral("value"), QStringLiteral("done")}, {QStringLiteral("label"), tr("done")}},
            QVariantMap{{QStringLiteral("value"), QStringLiteral("cancelled")}, {QStringLiteral("label"), tr("cancelled")}}};
}

void ActivityEditor::setError(const QString &e)
{
    m_error = e;
    Q_EMIT errorChanged();
}

void ActivityEditor::load()
{
    if (m_id.isEmpty())
        return;
    const QString id = m_id;
    StoreManager::reader().run<QVariantMap>(
        this,
        [id](Store &s) {
            QVariantMap m;
            for (const QString &f : formFields()) {
                const Value v = s.value(QStringLiteral("activities"), id, f);
                m.insert(f, v.isNull() ? QString() : isMoney(f) ? vn::formatNumber(v.toInt()) : v.toText());
            }
            return m;
        },
        [this, id](QVariantMap m) {
            if (id != m_id)
                return;
            m_fields = m;
            Q_EMIT loaded();
        });
}

bool ActivityEditor::save(const QVariantMap &values)
{
    if (!ready()) {
        setError(tr("The activity is still being read; try again in a moment."));
        return false;
    }
    std::vector<std::pair<QString, QString>> changed;
    for (const QString &f : formFields())
        if (values.contains(f) && values.value(f).toString().trimmed() != m_fields.value(f).toString().trimmed())
            changed.emplace_back(f, values.value(f).toString());
    if (changed.empty()) {
        setError({});
        return true;
    }
    if (!attempt([&] { records::updateActivity(StoreManager::current(), m_id, changed); })) // one row, its own transaction
        return false;
    load();
    return true;
}

bool ActivityEditor::attempt(const std::function<void()> &write)
{
    try {
        write();
    } catch (const Error &e) {
        setError(fieldLabel(e.field()) + QStringLiteral(": ") + e.message());
        return false;
    }
    setError({});
    StoreManager::noteWrite();
    Q_EMIT saved();
    return true;
}

bool ActivityEditor::addSession(const QString &dateText, const QString &start, const QString &end, const QString &place,
                                const QString &facilitator)
{
    return attempt([&] {
        const QString d = dateText.trimmed();
        QDate date = QDate::fromString(d, QStringLiteral("d/M/yyyy"));
        if (!date.isValid())
            date = QDate::fromString(d, Qt::ISODate);
        if (!date.isValid())
            throw Error(Error::Code::InvalidInput, tr("'%1' is not a date like 25/11/2017").arg(d), QStringLiteral("starts_at"));
        auto time = [](const QString &t, const QString &field) {
            const QTime parsed = QTime::fromString(t.trimmed(), QStringLiteral("H:mm"));
            if (!parsed.isValid())
                throw Error(Error::Code::InvalidInput, tr("'%1' is not a time like 08:00").arg(t.trimmed()), field);
            return parsed.toString(QStringLiteral("HH:mm"));
        };
        const QString day = date.toString(QStringLiteral("yyyy-MM-dd"));
        const QString startsAt = day + QLatin1Char('T') + time(start, QStringLiteral("starts_at"));
        const QString endsAt = end.trimmed().isEmpty() ? QString() : day + QLatin1Char('T') + time(end, QStringLiteral("ends_at"));
        if (!endsAt.isEmpty() && endsAt <= startsAt)
            throw Error(Error::Code::InvalidInput, tr("must be after the start"), QStringLiteral("ends_at"));
        records::addSession(StoreManager::current(), m_id, startsAt, place, endsAt, facilitator);
    });
}

QStringList ActivityEditor::groupChoices() const { return records::activityGroupTexts(StoreManager::current()); }
QStringList ActivityEditor::partnerChoices() const { return records::activityPartnerTexts(StoreManager::current()); }
QStringList ActivityEditor::placeChoices() const { return records::sessionPlaces(StoreManager::current()); }

} // namespace clc
