#pragma once
// Owns the app's Store; created in main() and exposed to QML as the singleton StoreManager.
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace clc {
class Store;
class DbThread;

class StoreManager : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString centreName READ centreName CONSTANT)

public:
    explicit StoreManager(std::unique_ptr<Store> store, QObject *parent = nullptr);
    ~StoreManager() override;

    Store &store() { return *m_store; }
    QString centreName() const { return m_centreName; }

    /// The instance main() made; QML gets it through create().
    static void setInstance(StoreManager *instance);
    static StoreManager *instance();
    static StoreManager *create(QQmlEngine *, QJSEngine *);
    /// The store of the instance main() made: what the models read and write.
    static Store &current();
    /// The reader thread of that instance: where the screens' reads run (never on the GUI thread).
    static DbThread &reader();
    /// Its writer thread: for writes bigger than a row (an import).
    static DbThread &writer();
    /// Models call this after they wrote: the pending count and other screens follow.
    static void noteWrite();

Q_SIGNALS:
    void wrote();

private:
    std::unique_ptr<Store> m_store;
    DbThread *m_reader = nullptr; // children
    DbThread *m_writer = nullptr;
    QString m_centreName;
};

} // namespace clc
