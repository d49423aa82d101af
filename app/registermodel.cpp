#include "registermodel.h"
#include "error.h"
#include "store.h"
#include "storemanager.h"
#include "textfile.h"

#include <QUrl>

namespace clc {


RegisterModel::RegisterModel(QObject *parent) : QAbstractListModel(parent) { reload(); }

int RegisterModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant RegisterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PersonRow &p = m_rows[size_t(index.row())];
    switch (role) {
    case PersonIdRole:
        return p.id;
    case NameRole:
    case Qt::DisplayRole:
        return p.fullName;
    case DetailRole: {
        QStringList d;
        if (p.birthYear)
            d << QString::number(*p.birthYear);
        if (!p.sex.isEmpty())
            d << (p.sex == QLatin1String("m") ? tr("male") : tr("female"));
        if (!p.khu.isEmpty())
            d << p.khu;
        if (!p.phone.isEmpty())
            d << p.phone;
        return d.join(QStringLiteral(" · "));
    }
    case GroupsRole:
        return p.groups.join(QStringLiteral("; "));
    default:
        return {};
    }
}

QHash<int, QByteArray> RegisterModel::roleNames() const
{
    return {{PersonIdRole, "personId"}, {NameRole, "name"}, {DetailRole, "detail"}, {GroupsRole, "groups"}};
}

void RegisterModel::setFilter(const QString &f)
{
    if (f == m_filter)
        return;
    m_filter = f;
    reload();
}

void RegisterModel::reload()
{
    beginResetModel();
    Store &s = StoreManager::current();
    m_rows = s.isInitialised() ? records::findPeople(s, m_filter) : std::vector<PersonRow>{};
    endResetModel();
    Q_EMIT reloaded();
}

void RegisterModel::setError(const QString &e)
{
    m_error = e;
    Q_EMIT errorChanged();
}

bool RegisterModel::addPerson(const QString &fullName, const QString &sex, const QString &birthYear, const QString &khu,
                              const QString &phone, const QString &groups)
{
    try {
        PersonInput in;
        in.fullName = fullName;
        in.sex = records::parseSex(sex, tr("Sex"));
        if (!birthYear.trimmed().isEmpty()) {
            bool ok = false;
            const int y = birthYear.trimmed().toInt(&ok);
            if (!ok)
                throw Error(Error::Code::InvalidInput, tr("'%1' is not a year").arg(birthYear), tr("Year of birth"));
            in.birthYear = y;
        }
        in.khu = khu;
        in.phone = phone;
        in.groups = records::splitGroupNames(StoreManager::current(), groups);
        records::addPerson(StoreManager::current(), in);
        setError({});
    } catch (const Error &e) {
        setError(e.describe());
        return false;
    }
    reload();
    return true;
}

void RegisterModel::previewImport(const QString &pathOrUrl)
{
    const QString path = pathOrUrl.startsWith(QLatin1String("file:")) ? QUrl(pathOrUrl).toLocalFile() : pathOrUrl;
    m_preview.reset();
    m_importProblems.clear();
    try {
        m_preview = std::make_unique<PersonImportPreview>(previewPeopleCsv(StoreManager::current(), readFile(path), path));
        for (const Error &e : m_preview->errors)
            m_importProblems << e.describe();
        for (const DuplicateHint &d : m_preview->duplicates)
            m_importProblems << tr("line %1: %2 (%3) may already be in the register").arg(d.line).arg(d.fullName).arg(d.birthYear);
        m_importSummary = m_preview->errors.empty()
            ? tr("%n person(s) ready to import.", nullptr, int(m_preview->people.size()))
            : tr("%n line(s) must be fixed first; nothing will be imported until then.", nullptr, int(m_preview->errors.size()));
    } catch (const Error &e) {
        m_importSummary = e.describe();
    }
    Q_EMIT importChanged();
}

bool RegisterModel::commitImport()
{
    if (!canImport())
        return false;
    try {
        const auto ids = commitPeopleImport(StoreManager::current(), *m_preview);
        m_importSummary = tr("%n person(s) imported.", nullptr, int(ids.size()));
        m_importProblems.clear();
        m_preview.reset();
    } catch (const Error &e) {
        m_importSummary = e.describe();
    }
    Q_EMIT importChanged();
    reload();
    return true;
}

} // namespace clc
