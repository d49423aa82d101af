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
    Q_PROPERTY(QString deviceName READ deviceName CONSTANT)
    Q_PROPERTY(QString role READ role CONSTANT)
    Q_PROPERTY(QString server READ server CONSTANT)

public:
    explicit SettingsController(QObject *parent = nullptr);
    QString language() const;
    /// "vi" or "en": loads the translation and retranslates every visible string at once.
    void setLanguage(const QString &lang);
    QString deviceName() const;
    QString role() const;
    QString server() const;

Q_SIGNALS:
    void languageChanged();
};

} // namespace clc
