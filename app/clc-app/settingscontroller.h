#pragma once
// Settings: the language (switchable while the app runs), this device's name and role.
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace clc {

class SettingsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)

    Q_PROPERTY(QString deviceName READ deviceName NOTIFY enrolmentChanged)
    Q_PROPERTY(QString role READ role NOTIFY enrolmentChanged)
    Q_PROPERTY(QString server READ server NOTIFY enrolmentChanged)

public:
    /// The last lines of the app's log (AppLog), read when asked: what to read out to the office.
    Q_INVOKABLE QString recentLog() const;
    explicit SettingsController(QObject *parent = nullptr);
    QString language() const;
    /// "vi" or "en": loads the translation and retranslates every visible string at once.
    void setLanguage(const QString &lang);
    QString deviceName() const;
    QString role() const;
    QString server() const;

Q_SIGNALS:
    /// After this device was enrolled (again): its name, role and server changed.
    void enrolmentChanged();
    void languageChanged();
};

} // namespace clc
