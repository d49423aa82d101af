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
    Q_PROPERTY(QString centreName READ centreName NOTIFY centreChanged)
    /// Whether this device belongs to a centre yet (else the app shows its welcome).
    Q_PROPERTY(bool initialised READ initialised NOTIFY centreChanged)
    /// The role the server gave this device at enrolment (viewer, facilitator, coordinator, admin);
    /// empty before enrolment.
    Q_PROPERTY(QString role READ role NOTIFY roleChanged)

public:
    explicit StoreManager(std::unique_ptr<Store> store, QObject *parent = nullptr);
    ~StoreManager() override;

    Store &store() { return *m_store; }
    QString centreName() const { return m_centreName; }
    QString role() const { return m_role; }
    /// Whether this device may change rows of a table: the server's rule for its role (sync::mayWrite),
    /// so the screens offer only edits the server will take. Before enrolment the device is on its own
    /// and may edit everything; the role it is given later decides what the server accepts.
    Q_INVOKABLE bool mayEdit(const QString &table) const;
    /// Whether this device may hold the register and attendance (sync::mayRead): a viewer may not.
    bool mayReadPeople() const;
    /// Re-reads the role (after enrolment).
    Q_INVOKABLE void refreshRole();
    bool initialised() const;
    /// First run: makes this device a new centre of its own (name required, ward optional). Returns
    /// "" on success, else the reason (the field named).
    Q_INVOKABLE QString startCentre(const QString &name, const QString &ward);
    /// First run: the bundled 2017–2018 Đức Chính plan and a sample register, to try the app. "" or the reason.
    Q_INVOKABLE QString loadSample();

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
    /// The device now belongs to a centre (first run), or another one.
    void centreChanged();
    void roleChanged();
    /// The device was enrolled (again): its name, role and server may have changed.
    void enrolmentChanged();

private:
    void centreReady();
    QString readCentreName() const;

    std::unique_ptr<Store> m_store;
    DbThread *m_reader = nullptr; // children
    DbThread *m_writer = nullptr;
    QString m_centreName, m_role;
};

} // namespace clc
