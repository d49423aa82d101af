#include "personimport.h"
#include "translate.h"
#include "store.h"
#include "textfile.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QRegularExpression>
#include <csv.h>

namespace clc {

namespace {
enum class Column { Ignored, Number, FullName, BirthYear, Sex, Khu, Phone, Groups, Note };

Column columnFor(const QString &heading)
{
    static const QHash<QString, Column> names{
        {QStringLiteral("stt"), Column::Number},          {QStringLiteral("tt"), Column::Number},
        {QStringLiteral("so tt"), Column::Number},        {QStringLiteral("so thu tu"), Column::Number},
        {QStringLiteral("no"), Column::Number},           {QStringLiteral("no."), Column::Number},
        {QStringLiteral("ho va ten"), Column::FullName},  {QStringLiteral("ho ten"), Column::FullName},
        {QStringLiteral("hoten"), Column::FullName},      {QStringLiteral("ho va ten hoc vien"), Column::FullName},
        {QStringLiteral("ten"), Column::FullName},        {QStringLiteral("full name"), Column::FullName},
        {QStringLiteral("name"), Column::FullName},       {QStringLiteral("nam sinh"), Column::BirthYear},
        {QStringLiteral("ngay sinh"), Column::BirthYear}, {QStringLiteral("ngay thang nam sinh"), Column::BirthYear},
        {QStringLiteral("birth year"), Column::BirthYear}, {QStringLiteral("year of birth"), Column::BirthYear},
        {QStringLiteral("gioi tinh"), Column::Sex},       {QStringLiteral("gioi"), Column::Sex},
        {QStringLiteral("nam/nu"), Column::Sex},          {QStringLiteral("sex"), Column::Sex},
        {QStringLiteral("gender"), Column::Sex},          {QStringLiteral("khu"), Column::Khu},
        {QStringLiteral("khu pho"), Column::Khu},         {QStringLiteral("khu dan cu"), Column::Khu},
        {QStringLiteral("to dan pho"), Column::Khu},      {QStringLiteral("thon"), Column::Khu},
        {QStringLiteral("thon/khu"), Column::Khu},        {QStringLiteral("neighbourhood"), Column::Khu},
        {QStringLiteral("so dien thoai"), Column::Phone}, {QStringLiteral("dien thoai"), Column::Phone},
        {QStringLiteral("sdt"), Column::Phone},           {QStringLiteral("so dt"), Column::Phone},
        {QStringLiteral("dt"), Column::Phone},            {QStringLiteral("phone"), Column::Phone},
        {QStringLiteral("doi tuong"), Column::Groups},    {QStringLiteral("doi tuong hoc"), Column::Groups},
        {QStringLiteral("nhom"), Column::Groups},         {QStringLiteral("group"), Column::Groups},
        {QStringLiteral("groups"), Column::Groups},       {QStringLiteral("ghi chu"), Column::Note},
        {QStringLiteral("note"), Column::Note},           {QStringLiteral("notes"), Column::Note},
    };
    return names.value(vn::fold(heading), Column::Ignored);
}

struct Record
{
    int line;
    QStringList fields;
};

// libcsv does the quoting rules; we only keep track of physical lines for error messages.
struct Collector
{
    std::vector<Record> records;
    QStringList current;
    int line = 1;          // physical line where the current record started
    int newlinesInRecord = 0;
};

void onField(void *data, size_t len, void *ctx)
{
    auto *c = static_cast<Collector *>(ctx);
    const QByteArray bytes(static_cast<const char *>(data), qsizetype(len));
    c->newlinesInRecord += int(bytes.count('\n'));
    c->current << QString::fromUtf8(bytes);
}

void onRecord(int, void *ctx)
{
    auto *c = static_cast<Collector *>(ctx);
    c->records.push_back({c->line, c->current});
    c->line += 1 + c->newlinesInRecord;
    c->newlinesInRecord = 0;
    c->current.clear();
}

QChar detectDelimiter(const QString &firstLine)
{
    const int semicolons = int(firstLine.count(QLatin1Char(';')));
    const int commas = int(firstLine.count(QLatin1Char(',')));
    const int tabs = int(firstLine.count(QLatin1Char('\t')));
    if (tabs > semicolons && tabs > commas)
        return QLatin1Char('\t');
    return semicolons >= commas && semicolons > 0 ? QLatin1Char(';') : QLatin1Char(',');
}

std::vector<Record> parseCsv(const QString &text, QChar delimiter, const QString &source)
{
    const QByteArray utf8 = text.toUtf8();
    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        throw Error(Error::Code::ParseError, QStringLiteral("csv_init failed"), source);
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter.toLatin1()));
    Collector c;
    const size_t used = csv_parse(&parser, utf8.constData(), size_t(utf8.size()), onField, onRecord, &c);
    const bool failed = used != size_t(utf8.size()) || csv_fini(&parser, onField, onRecord, &c) != 0;
    const QString why = QString::fromUtf8(csv_strerror(csv_error(&parser)));
    csv_free(&parser);
    if (failed)
        throw Error(Error::Code::ParseError, Tr::tr("the CSV is malformed (%1)").arg(why), source,
                    lineOfOffset(utf8, qsizetype(used)));
    return c.records;
}

std::optional<qint64> birthYearIn(const QString &text, int line, const QString &column, std::vector<Error> &errors)
{
    const QString s = text.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    static const QRegularExpression year(QStringLiteral("^(\\d{4})$"));
    static const QRegularExpression dmy(QStringLiteral("^\\d{1,2}[/.-]\\d{1,2}[/.-](\\d{4})$"));
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-\\d{2}-\\d{2}$"));
    for (const auto *re : {&year, &dmy, &iso}) {
        const auto m = re->match(s);
        if (m.hasMatch()) {
            const int y = m.captured(1).toInt();
            if (y >= 1900 && y <= QDate::currentDate().year())
                return y;
            errors.emplace_back(Error::Code::InvalidInput, Tr::tr("%1 is not a plausible year of birth").arg(y), column, line);
            return std::nullopt;
        }
    }
    errors.emplace_back(Error::Code::InvalidInput, Tr::tr("'%1' is not a year of birth (write 1975 or 05/02/1975)").arg(s), column, line);
    return std::nullopt;
}

QString parsePhone(const QString &text, int line, const QString &column, std::vector<Error> &errors)
{
    QString digits = text.trimmed();
    digits.remove(QRegularExpression(QStringLiteral("[\\s.\\-()]")));
    if (digits.isEmpty())
        return {};
    if (digits.startsWith(QLatin1String("+84")))
        digits = QLatin1Char('0') + digits.mid(3);
    static const QRegularExpression allDigits(QStringLiteral("^\\d+$"));
    if (!allDigits.match(digits).hasMatch()) {
        errors.emplace_back(Error::Code::InvalidInput, Tr::tr("'%1' is not a phone number").arg(text.trimmed()), column, line);
        return {};
    }
    // Spreadsheets drop the leading zero of numbers stored as numbers: 908301661 → 0908301661.
    if (digits.size() == 9 && !digits.startsWith(QLatin1Char('0')))
        digits.prepend(QLatin1Char('0'));
    if (digits.size() < 10 || digits.size() > 11) {
        errors.emplace_back(Error::Code::InvalidInput, Tr::tr("'%1' is not a phone number (10 digits expected)").arg(text.trimmed()), column, line);
        return {};
    }
    return digits;
}

} // namespace

PersonImportPreview previewPeopleCsv(Store &store, const QByteArray &bytes, const QString &source)
{
    store.requireInitialised();
    PersonImportPreview out;
    const QString text = decodeUtf8(bytes, source);
    if (text.trimmed().isEmpty())
        throw Error(Error::Code::ParseError, Tr::tr("the file is empty"), source);
    out.delimiter = detectDelimiter(text.section(QLatin1Char('\n'), 0, 0));
    const std::vector<Record> records = parseCsv(text, out.delimiter, source);

    const QStringList headings = records.front().fields;
    std::vector<Column> columns;
    QString nameHeading;
    for (const QString &h : headings) {
        columns.push_back(columnFor(h));
        if (columns.back() == Column::FullName && nameHeading.isEmpty())
            nameHeading = h.trimmed();
        if (columns.back() == Column::Ignored && !h.trimmed().isEmpty())
            out.ignoredColumns << h.trimmed();
    }
    if (nameHeading.isEmpty())
        throw Error(Error::Code::ParseError, Tr::tr("no column for the full name (a heading such as 'Họ và tên')"), source, 1);

    QHash<QString, int> seen; // folded name + year → first line
    for (size_t r = 1; r < records.size(); ++r) {
        const Record &rec = records[r];
        const bool blank = std::all_of(rec.fields.begin(), rec.fields.end(), [](const QString &f) { return f.trimmed().isEmpty(); });
        if (blank)
            continue;
        if (rec.fields.size() > headings.size()) {
            out.errors.emplace_back(Error::Code::InvalidInput,
                                    Tr::tr("%1 cells but only %2 headings").arg(rec.fields.size()).arg(headings.size()), QString(), rec.line);
            continue;
        }
        const size_t before = out.errors.size();
        PersonInput p;
        for (int c = 0; c < rec.fields.size(); ++c) {
            const QString v = rec.fields[c].trimmed();
            const QString heading = headings[c].trimmed();
            switch (columns[size_t(c)]) {
            case Column::FullName:
                p.fullName = v.simplified();
                break;
            case Column::BirthYear:
                p.birthYear = birthYearIn(v, rec.line, heading, out.errors);
                break;
            case Column::Sex:
                try {
                    p.sex = records::parseSex(v, heading, rec.line);
                } catch (const Error &e) {
                    out.errors.push_back(e);
                }
                break;
            case Column::Khu:
                p.khu = v.simplified();
                break;
            case Column::Phone:
                p.phone = parsePhone(v, rec.line, heading, out.errors);
                break;
            case Column::Groups:
                p.groups = records::splitGroupNames(store, v);
                break;
            case Column::Note:
                p.note = v;
                break;
            case Column::Number:
            case Column::Ignored:
                break;
            }
        }
        if (p.fullName.isEmpty())
            out.errors.emplace_back(Error::Code::InvalidInput, Tr::tr("the name is empty"), nameHeading, rec.line);
        else if (p.fullName.size() > 200)
            out.errors.emplace_back(Error::Code::InvalidInput, Tr::tr("the name is longer than 200 characters"), QString(), rec.line);
        if (out.errors.size() != before)
            continue;
        if (p.birthYear) {
            const QString key = vn::fold(p.fullName) + QLatin1Char('|') + QString::number(*p.birthYear);
            DuplicateHint hint{rec.line, p.fullName, *p.birthYear, seen.value(key, 0), QString()};
            auto st = store.db().prepare(QStringLiteral("SELECT id FROM people WHERE centre_id = ? AND deleted = 0 AND search_key = ? AND birth_year = ? ORDER BY id"));
            st.bind(1, store.centreId()).bind(2, vn::fold(p.fullName)).bind(3, *p.birthYear);
            if (st.step())
                hint.existingId = st.text(0);
            if (hint.otherLine || !hint.existingId.isEmpty())
                out.duplicates.push_back(hint);
            if (!seen.contains(key))
                seen.insert(key, rec.line);
        }
        out.people.push_back(p);
        out.lines.push_back(rec.line);
    }
    return out;
}

std::vector<QString> commitPeopleImport(Store &store, const PersonImportPreview &preview,
                                        const std::function<QString(int)> &idForLine)
{
    if (!preview.errors.empty())
        throw Error(Error::Code::InvalidInput, Tr::tr("%n line(s) have errors; nothing was imported", nullptr, int(preview.errors.size())));
    std::vector<QString> ids;
    Transaction tx(store.db());
    for (size_t i = 0; i < preview.people.size(); ++i) {
        const int line = preview.lines[i];
        try {
            ids.push_back(records::addPerson(store, preview.people[i], idForLine ? idForLine(line) : QString()));
        } catch (const Error &e) {
            throw Error(e.code(), e.message(), e.field(), line);
        }
    }
    tx.commit();
    return ids;
}

std::optional<qint64> parseBirthYear(const QString &text, const QString &field)
{
    std::vector<Error> errors;
    const std::optional<qint64> year = birthYearIn(text, 0, field, errors);
    if (!errors.empty())
        throw errors.front();
    return year;
}

} // namespace clc
