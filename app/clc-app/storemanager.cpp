#include "storemanager.h"
#include "dbthread.h"
#include "schema.h"
#include "store.h"
#include "roles.h"
#include "applog.h"
#include "database.h"
#include "demodata.h"
#include "error.h"
#include "syncstatus.h"

#include <QJSEngine>

namespace clc {

namespace {
StoreManager *s_instance = nullptr;
}

StoreManager::StoreManager(std::unique_ptr<Store> store, QObject *parent) : QObject(parent), m_store(std::move(store))
{
    m_reader = new DbThread(DbThread::Reader, m_store->db().path(), m_store->options(), this);
    m_writer = new DbThread(DbThread::Writer, m_store->db().path(), m_store->options(), this);
    m_centreName = readCentreName();
    m_role = m_store->meta(MetaKey::Role);
}

bool StoreManager::initialised() const { return m_store->isInitialised(); }

QString StoreManager::readCentreName() const
{
    return m_store->isInitialised() ? m_store->value(QStringLiteral("centres"), m_store->centreId(), QStringLiteral("name")).toText() : QString();
}

QString StoreManager::startCentre(const QString &name, const QString &ward)
{
    try {
        if (name.trimmed().isEmpty())
            throw Error(Error::Code::InvalidInput, tr("give the centre's name"), tr("Name of the centre"));
        Transaction tx(m_store->db());
        const QString centre = m_store->init(name.trimmed());
        if (!ward.trimmed().isEmpty())
            m_store->write(QStringLiteral("centres"), centre, {{QStringLiteral("place"), ward.trimmed()}});
        tx.commit();
    } catch (const Error &e) {
        qCWarning(lcApp).noquote() << "starting a centre failed:" << e.describe();
        return e.describe();
    }
    centreReady();
    return {};
}

QString StoreManager::loadSample()
{
    try {
        loadDemo(*m_store);
    } catch (const Error &e) {
        qCWarning(lcApp).noquote() << "loading the sample data failed:" << e.describe();
        return e.describe();
    }
    centreReady();
    return {};
}

void StoreManager::centreReady()
{
    // The reader and writer opened the file before it had a centre: they open it again.
    m_reader->reopen();
    m_writer->reopen();
    m_centreName = readCentreName();
    Q_EMIT centreChanged();
    noteWrite();
    // Every page re-reads, as after a sync that brought new data.
    if (SyncStatus *status = SyncStatus::instance())
        Q_EMIT status->synced();
}

void StoreManager::refreshRole()
{
    if (!m_store->isInitialised() || m_store->centreId() != m_store->meta(MetaKey::CentreId)) {
        // Enrolled on another connection (the sync page's): this one learns its new centre (a
        // first one, or the ward's in place of an empty one started here).
        const QString path = m_store->db().path();
        const StoreOptions options = m_store->options();
        m_store = std::make_unique<Store>(path, options);
        if (m_store->isInitialised())
            centreReady();
    }
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
