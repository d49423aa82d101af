#include "activityeditor.h"
#include "dbthread.h"
#include "error.h"
#include "formfields.h"
#include "records.h"
#include "schema.h"
#include "store.h"
#include "storemanager.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QDate>
#include <QEvent>
#include <QTime>

namespace clc {

namespace {
const QStringList &formFields()
{
    static const QStringList f{QStringLiteral("title"), QStringLiteral("kind"), QStringLiteral("group_text"), QStringLiteral("partner_text"),
                               QStringLiteral("teacher"), QStringLiteral("planned_participants"), QStringLiteral("budget"),
                               QStringLiteral("budget_spent"), QStringLiteral("status"),
                               QStringLiteral("not_held_reason")};
    return f;
}
bool isMoney(const QString &field) { return field == QLatin1String("budget") || field == QLatin1String("budget_spent"); }
} // namespace

ActivityEditor::ActivityEditor(QObject *parent) : QObject(parent)
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool ActivityEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        Q_EMIT languageChanged();
    return QObject::eventFilter(watched, event);
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

void ActivityEditor::setError(const QString &e, const QString &field)
{
    m_error = e;
    m_errorField = field;
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
        setError(forms::describe(e), forms::key(e.field()));
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
            throw Error(Error::Code::InvalidInput, tr("'%1' is not a date like 25/11/2017").arg(d), QStringLiteral("date"));
        auto time = [](const QString &t, const QString &field) {
            const QTime parsed = QTime::fromString(t.trimmed(), QStringLiteral("H:mm"));
            if (!parsed.isValid())
                throw Error(Error::Code::InvalidInput, tr("'%1' is not a time like 08:00").arg(t.trimmed()), field);
            return parsed.toString(QStringLiteral("HH:mm"));
        };
        const QString day = date.toString(QStringLiteral("yyyy-MM-dd"));
        const QString startsAt = day + QLatin1Char('T') + time(start, QStringLiteral("start"));
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
