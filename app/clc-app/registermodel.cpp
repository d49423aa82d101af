#include "registermodel.h"
#include "records.h"
#include "error.h"
#include "personimport.h"
#include "store.h"
#include "storemanager.h"
#include "textfile.h"

#include <QUrl>

namespace clc {


RegisterModel::RegisterModel(QObject *parent) : AsyncListModel(parent) {} // the page reloads when shown

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
    case SyncTextRole: {
        // Only what needs a look: a learner added or changed here and not yet sent, or refused.
        const auto it = m_sync.constFind(p.id);
        if (it == m_sync.constEnd())
            return QString();
        return it->waiting ? tr("not sent yet") : tr("refused by the server: %1").arg(it->refused);
    }
    case RefusedRole: {
        const auto it = m_sync.constFind(p.id);
        return it != m_sync.constEnd() && !it->waiting && !it->refused.isEmpty();
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> RegisterModel::roleNames() const
{
    return {{PersonIdRole, "personId"}, {NameRole, "name"}, {DetailRole, "detail"}, {GroupsRole, "groups"},
            {SyncTextRole, "syncText"}, {RefusedRole, "refused"}};
}

void RegisterModel::setFilter(const QString &f)
{
    if (f == m_filter)
        return;
    m_filter = f;
    reload();
}

namespace {
struct Register
{
    std::vector<PersonRow> rows;
    QHash<QString, records::RowSync> sync;
};
} // namespace

void RegisterModel::reload()
{
    const QString filter = m_filter;
    fetch<Register>(
        [filter](Store &s) {
            Register r;
            if (s.isInitialised()) {
                r.rows = records::findPeople(s, filter);
                r.sync = records::personSyncStates(s);
            }
            return r;
        },
        [this](Register &r) {
            beginResetModel();
            m_rows = std::move(r.rows);
            m_sync = std::move(r.sync);
            endResetModel();
            Q_EMIT reloaded();
        });
}

PersonInput RegisterModel::input(const QString &fullName, const QString &sex, const QString &birthYear, const QString &khu,
                                 const QString &phone, const QString &groups, const QString &note)
{
    PersonInput in;
    in.fullName = fullName;
    in.sex = records::parseSex(sex, QStringLiteral("sex"));
    in.birthYear = parseBirthYear(birthYear, QStringLiteral("birth_year")); // as a ward's list writes it, too
    in.khu = khu;
    in.phone = phone;
    in.note = note;
    in.groups = records::splitGroupNames(StoreManager::current(), groups);
    return in;
}

bool RegisterModel::attemptAndReload(const std::function<void()> &write)
{
    if (!attempt(write))
        return false;
    reload();
    return true;
}

bool RegisterModel::addPerson(const QString &fullName, const QString &sex, const QString &birthYear, const QString &khu,
                              const QString &phone, const QString &groups, const QString &note)
{
    return attemptAndReload([&] { records::addPerson(StoreManager::current(), input(fullName, sex, birthYear, khu, phone, groups, note)); });
}

bool RegisterModel::updatePerson(const QString &id, const QString &fullName, const QString &sex, const QString &birthYear,
                                 const QString &khu, const QString &phone, const QString &groups, const QString &note)
{
    return attemptAndReload([&] { records::updatePerson(StoreManager::current(), id, input(fullName, sex, birthYear, khu, phone, groups, note)); });
}

QVariantMap RegisterModel::person(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    const PersonRow &p = m_rows[size_t(row)];
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("fullName"), p.fullName},
            {QStringLiteral("sex"), p.sex},
            {QStringLiteral("birthYear"), p.birthYear ? QString::number(*p.birthYear) : QString()},
            {QStringLiteral("khu"), p.khu},
            {QStringLiteral("phone"), p.phone},
            {QStringLiteral("groups"), p.groups.join(QStringLiteral(", "))},
            {QStringLiteral("note"), p.note}};
}

void RegisterModel::setImportResult(const QString &summary, const QStringList &problems)
{
    m_importBusy = false;
    m_importSummary = summary;
    m_importProblems = problems;
    Q_EMIT importChanged();
}

void RegisterModel::previewImport(const QString &pathOrUrl)
{
    const QString path = pathOrUrl.startsWith(QLatin1String("file:")) ? QUrl(pathOrUrl).toLocalFile() : pathOrUrl;
    m_preview.reset();
    m_importBusy = true;
    m_importSummary = tr("Checking…");
    m_importProblems.clear();
    Q_EMIT importChanged();
    using Preview = std::shared_ptr<PersonImportPreview>;
    StoreManager::reader().run<Preview>(
        this, [path](Store &s) { return std::make_shared<PersonImportPreview>(previewPeopleCsv(s, readFile(path), path)); },
        [this](Preview preview) {
            QStringList problems;
            for (const Error &e : preview->errors)
                problems << e.describe();
            for (const DuplicateHint &d : preview->duplicates)
                problems << tr("line %1: %2 (%3) may already be in the register").arg(d.line).arg(d.fullName).arg(d.birthYear);
            const QString summary = preview->errors.empty()
                ? tr("%n person(s) ready to import.", nullptr, int(preview->people.size()))
                : tr("%n line(s) must be fixed first; nothing will be imported until then.", nullptr, int(preview->errors.size()));
            m_preview = std::move(preview);
            setImportResult(summary, problems);
        },
        [this](const QString &error) { setImportResult(error, {}); });
}

bool RegisterModel::commitImport()
{
    if (!canImport())
        return false;
    m_importBusy = true;
    m_importSummary = tr("Importing…");
    Q_EMIT importChanged();
    std::shared_ptr<PersonImportPreview> preview = m_preview;
    StoreManager::writer().run<int>(
        this, [preview](Store &s) { return int(commitPeopleImport(s, *preview).size()); },
        [this](int imported) {
            m_preview.reset();
            setImportResult(tr("%n person(s) imported.", nullptr, imported), {});
            StoreManager::noteWrite();
            reload();
        },
        [this](const QString &error) { setImportResult(error, m_importProblems); });
    return true;
}

QStringList RegisterModel::khuChoices() const { return records::khuValues(StoreManager::current()); }

QStringList RegisterModel::groupChoices() const { return records::groupNames(StoreManager::current()); }

} // namespace clc
