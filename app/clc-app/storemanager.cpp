#include "storemanager.h"
#include "dbthread.h"
#include "schema.h"
#include "store.h"
#include "roles.h"

#include <QJSEngine>

namespace clc {

namespace {
StoreManager *s_instance = nullptr;
}

StoreManager::StoreManager(std::unique_ptr<Store> store, QObject *parent) : QObject(parent), m_store(std::move(store))
{
    m_reader = new DbThread(DbThread::Reader, m_store->db().path(), m_store->options(), this);
    m_writer = new DbThread(DbThread::Writer, m_store->db().path(), m_store->options(), this);
    if (m_store->isInitialised())
        m_centreName = m_store->value(QStringLiteral("centres"), m_store->centreId(), QStringLiteral("name")).toText();
    m_role = m_store->meta(MetaKey::Role);
}

void StoreManager::refreshRole()
{
    const QString role = m_store->meta(MetaKey::Role);
    if (role != m_role) {
        m_role = role;
        Q_EMIT roleChanged();
    }
    Q_EMIT enrolmentChanged();
}

bool StoreManager::mayEdit(const QString &tableName) const
{
    const TableDef *t = table(tableName);
    if (!t)
        return false;
    if (m_role.isEmpty())
        return true;
    const auto role = sync::roleFromString(m_role);
    return role && sync::mayWrite(*role, t->code);
}

bool StoreManager::mayReadPeople() const
{
    if (m_role.isEmpty())
        return true;
    const auto role = sync::roleFromString(m_role);
    return role && sync::mayRead(*role, table(QStringLiteral("people"))->code);
}

StoreManager::~StoreManager() = default;

void StoreManager::setInstance(StoreManager *instance) { s_instance = instance; }
StoreManager *StoreManager::instance() { return s_instance; }

Store &StoreManager::current()
{
    Q_ASSERT(s_instance);
    return s_instance->store();
}

DbThread &StoreManager::reader()
{
    Q_ASSERT(s_instance);
    return *s_instance->m_reader;
}

DbThread &StoreManager::writer()
{
    Q_ASSERT(s_instance);
    return *s_instance->m_writer;
}

void StoreManager::noteWrite()
{
    if (s_instance)
        Q_EMIT s_instance->wrote();
}

StoreManager *StoreManager::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

} // namespace clc
