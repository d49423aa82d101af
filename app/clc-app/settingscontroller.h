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
    /// The last lines of the app's log, said again after a language switch and when asked (refreshLog).
    Q_PROPERTY(QString log READ recentLog NOTIFY logChanged)

public:
    /// The last lines of the app's log (AppLog), read when asked: what to read out to the office.
    Q_INVOKABLE QString recentLog() const;
    /// Reads the log again ("show the latest").
    Q_INVOKABLE void refreshLog() { Q_EMIT logChanged(); }
    bool eventFilter(QObject *watched, QEvent *event) override;
    explicit SettingsController(QObject *parent = nullptr);
    QString language() const;
    /// "vi" or "en": loads the translation and retranslates every visible string at once.
    void setLanguage(const QString &lang);
    QString deviceName() const;
    QString role() const;
    QString server() const;

Q_SIGNALS:
    void logChanged();
    /// After this device was enrolled (again): its name, role and server changed.
    void enrolmentChanged();
    void languageChanged();
};

} // namespace clc
