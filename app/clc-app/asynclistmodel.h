#pragma once
// A list model that reads on the reader thread (DbThread) and applies the result on the GUI thread.
// Only the newest request's answer is applied: a slow read for last month never overwrites this one's.
#include "applog.h"
#include "dbthread.h"
#include "error.h"
#include "formfields.h"
#include "storemanager.h"

#include <QAbstractListModel>
#include <QCoreApplication>
#include <QEvent>

namespace clc {

class AsyncListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY loadingChanged)
    /// Why the last write the user asked for did not take (the field at fault), or empty.
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorChanged)
    /// The key of the field lastError is about ("birth_year"), for the form to mark and focus.
    Q_PROPERTY(QString lastErrorField READ lastErrorField NOTIFY errorChanged)

public:
    explicit AsyncListModel(QObject *parent = nullptr) : QAbstractListModel(parent)
    {
        // The language switch reaches C++ texts too: every visible row and text is said again at
        // once, not when it is next touched (installTranslator sends LanguageChange to the application).
        if (QCoreApplication::instance())
            QCoreApplication::instance()->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // A switch sends more than one LanguageChange (a translator removed, another installed):
        // said again once, when they are all in.
        if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange && !m_retranslating) {
            m_retranslating = true;
            QMetaObject::invokeMethod(this, [this] {
                m_retranslating = false;
                if (rowCount() > 0)
                    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0));
                retranslate();
            }, Qt::QueuedConnection);
        }
        return QAbstractListModel::eventFilter(watched, event);
    }
    bool loading() const { return m_loading; }
    QString loadError() const { return m_loadError; }
    QString lastError() const { return m_error; }
    QString lastErrorField() const { return m_errorField; }
    /// Forgets the last refused write's reason (a form opened afresh shows no old error).
    Q_INVOKABLE void clearError() { setError({}); }

Q_SIGNALS:
    void loadingChanged();
    /// After the newest read's result has been applied.
    void loaded();
    void errorChanged();

private:
    bool m_retranslating = false;

protected:
    /// After a language switch: models whose properties hold translated text say them again.
    virtual void retranslate() {}
    /// Reads with read(store) on the reader thread, then apply(result) here, if no newer fetch started.
    template<class R>
    void fetch(std::function<R(Store &)> read, std::function<void(R &)> apply)
    {
        const quint64 ticket = ++m_ticket;
        setLoading(true, {});
        StoreManager::reader().run<R>(
            this, std::move(read),
            [this, ticket, apply = std::move(apply)](R result) {
                if (ticket != m_ticket)
                    return;
                apply(result);
                setLoading(false, {});
                Q_EMIT loaded();
            },
            [this, ticket](const QString &error) {
                if (ticket == m_ticket)
                    setLoading(false, error);
            });
    }
    /// Runs one write the user asked for (on this thread: a single row, or a few). True when it took
    /// (the pending count follows); else lastError says why and nothing was written.
    bool attempt(const std::function<void()> &write)
    {
        try {
            write();
        } catch (const Error &e) {
            qCWarning(lcApp).noquote() << metaObject()->className() << "refused a write:" << e.describe();
            setError(forms::describe(e), forms::key(e.field()));
            return false;
        }
        setError({});
        StoreManager::noteWrite();
        return true;
    }
    void setError(const QString &error, const QString &field = {})
    {
        m_error = error;
        m_errorField = field;
        Q_EMIT errorChanged();
    }

private:
    void setLoading(bool loading, const QString &error)
    {
        if (loading == m_loading && error == m_loadError)
            return;
        m_loading = loading;
        m_loadError = error;
        Q_EMIT loadingChanged();
    }
    quint64 m_ticket = 0;
    bool m_loading = false;
    QString m_loadError;
    QString m_error, m_errorField;
};

} // namespace clc
