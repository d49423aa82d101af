#pragma once
// The register of learners: search, add, and importing a ward's list with a preview first.
#include "asynclistmodel.h"
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>
#include <vector>

#include "personimport.h"
#include "records.h"

namespace clc {

class RegisterModel : public AsyncListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY reloaded)
    Q_PROPERTY(int count READ count NOTIFY reloaded)
    Q_PROPERTY(QString importSummary READ importSummary NOTIFY importChanged)
    Q_PROPERTY(QStringList importProblems READ importProblems NOTIFY importChanged)
    Q_PROPERTY(bool canImport READ canImport NOTIFY importChanged)
    Q_PROPERTY(bool importBusy READ importBusy NOTIFY importChanged)

public:
    enum Role { PersonIdRole = Qt::UserRole + 1, NameRole, DetailRole, GroupsRole, SyncTextRole, RefusedRole };
    explicit RegisterModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString &f);
    int count() const { return int(m_rows.size()); }
    QString importSummary() const { return m_importSummary; }
    QStringList importProblems() const { return m_importProblems; }
    bool canImport() const { return !m_importBusy && m_preview && m_preview->errors.empty() && !m_preview->people.empty(); }
    bool importBusy() const { return m_importBusy; }

    /// Adds a person; groups separated by commas. False with lastError naming the field on bad input.
    Q_INVOKABLE bool addPerson(const QString &fullName, const QString &sex, const QString &birthYear, const QString &khu,
                               const QString &phone, const QString &groups, const QString &note = {});
    /// Rewrites a learner (same fields as addPerson; groups replace the old ones). False with lastError.
    /// Every field is the form's: the note too (an empty one clears it).
    Q_INVOKABLE bool updatePerson(const QString &id, const QString &fullName, const QString &sex, const QString &birthYear,
                                  const QString &khu, const QString &phone, const QString &groups, const QString &note);
    /// A row's values for the edit form: {id, fullName, sex ("m"/"f"/""), birthYear, khu, phone, groups, note}.
    Q_INVOKABLE QVariantMap person(int row) const;
    /// Reads a CSV file and shows what would be imported, every bad line and possible duplicates (on the
    /// reader thread; importChanged follows).
    Q_INVOKABLE void previewImport(const QString &path);
    /// Imports the previewed file, all lines or none, on the writer thread; importChanged follows.
    Q_INVOKABLE bool commitImport();
    /// The centre's neighbourhoods and learner groups, for a form to offer (a new one is typed).
    Q_INVOKABLE QStringList khuChoices() const;
    Q_INVOKABLE QStringList groupChoices() const;
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void reloaded();
    void importChanged();

protected:
    void retranslate() override { reload(); } // its texts are made when read

private:
    void setImportResult(const QString &summary, const QStringList &problems);
    /// Runs one write from the form (attempt); on success the list re-reads.
    bool attemptAndReload(const std::function<void()> &write);
    PersonInput input(const QString &fullName, const QString &sex, const QString &birthYear, const QString &khu, const QString &phone,
                      const QString &groups, const QString &note);
    QHash<QString, records::RowSync> m_sync;
    QString m_filter, m_importSummary;
    bool m_importBusy = false;
    QStringList m_importProblems;
    std::shared_ptr<PersonImportPreview> m_preview;
    std::vector<PersonRow> m_rows;
};

} // namespace clc
