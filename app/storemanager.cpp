#include "storemanager.h"
#include "store.h"

#include <QJSEngine>

namespace clc {

namespace {
StoreManager *s_instance = nullptr;
}

StoreManager::StoreManager(std::unique_ptr<Store> store, QObject *parent) : QObject(parent), m_store(std::move(store))
{
    if (m_store->isInitialised())
        m_centreName = m_store->value(QStringLiteral("centres"), m_store->centreId(), QStringLiteral("name")).toText();
}

StoreManager::~StoreManager() = default;

void StoreManager::setInstance(StoreManager *instance) { s_instance = instance; }

Store &StoreManager::current()
{
    Q_ASSERT(s_instance);
    return s_instance->store();
}

StoreManager *StoreManager::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

} // namespace clc
