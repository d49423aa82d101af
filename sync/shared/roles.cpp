#include "roles.h"
#include "schema.h"
#include "store.h"

#include <QStringList>

namespace clc::sync {

namespace {

// The schedule a viewer (a resident's phone) may see: no register, no attendance, no conflicts.
bool isScheduleTable(const QString &t)
{
    static const QStringList schedule{QStringLiteral("centres"), QStringLiteral("plans"), QStringLiteral("signatories"),
                                      QStringLiteral("quarterly_tasks"), QStringLiteral("learner_groups"),
                                      QStringLiteral("organisations"), QStringLiteral("targets"), QStringLiteral("target_groups"),
                                      QStringLiteral("activities"), QStringLiteral("activity_groups"),
                                      QStringLiteral("activity_partners"), QStringLiteral("sessions")};
    return schedule.contains(t);
}

bool isFacilitatorTable(const QString &t)
{
    static const QStringList tables{QStringLiteral("sessions"), QStringLiteral("attendance"), QStringLiteral("people"),
                                    QStringLiteral("person_groups"), QStringLiteral("conflicts"),
                                    QStringLiteral("survey_answers")};
    return tables.contains(t);
}

} // namespace

std::optional<Role> roleFromString(const QString &s)
{
    if (s == QLatin1String("viewer"))
        return Role::Viewer;
    if (s == QLatin1String("facilitator"))
        return Role::Facilitator;
    if (s == QLatin1String("coordinator"))
        return Role::Coordinator;
    if (s == QLatin1String("admin"))
        return Role::Admin;
    return std::nullopt;
}

QString roleName(Role r)
{
    switch (r) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Facilitator:
        return QStringLiteral("facilitator");
    case Role::Coordinator:
        return QStringLiteral("coordinator");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

bool mayWrite(Role role, int table)
{
    const TableDef *t = tableByCode(table);
    if (!t || role == Role::Viewer)
        return false;
    return role != Role::Facilitator || isFacilitatorTable(t->name);
}

bool mayRead(Role role, int table)
{
    const TableDef *t = tableByCode(table);
    return t && (role != Role::Viewer || isScheduleTable(t->name));
}

bool mayWriteNewTable(Role role) { return role == Role::Coordinator || role == Role::Admin; }

bool mayReadNewTable(Role role) { return role != Role::Viewer; }

bool mayWriteHere(Store &store, int table)
{
    const QString role = store.meta(MetaKey::Role);
    if (role.isEmpty())
        return true;
    const auto r = roleFromString(role);
    return r && mayWrite(*r, table);
}

} // namespace clc::sync
