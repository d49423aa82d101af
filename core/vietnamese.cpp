#include "vietnamese.h"

#include <algorithm>

#include "error.h"
#include "translate.h"

#include <QLocale>
#include <QRegularExpression>

namespace clc::vn {

QString fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    bool space = true; // drops leading spaces and collapses runs
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace()) {
            if (!space)
                out += QLatin1Char(' ');
            space = true;
            continue;
        }
        space = false;
        if (c == QChar(0x0111) || c == QChar(0x0110)) // đ Đ
            out += QLatin1Char('d');
        else
            out += c.toLower();
    }
    if (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}

bool nameMatches(const QString &name, const QString &query)
{
    const QStringList words = fold(name).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList wanted = fold(query).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (wanted.isEmpty())
        return true;
    for (const QString &w : wanted) {
        const bool found = std::any_of(words.begin(), words.end(), [&w](const QString &word) { return word.startsWith(w); });
        if (!found)
            return false;
    }
    return true;
}

QString givenName(const QString &fullName)
{
    const QString t = fullName.trimmed();
    const int space = t.lastIndexOf(QLatin1Char(' '));
    return space < 0 ? t : t.mid(space + 1);
}

NameOrder::NameOrder() : m_collator(QLocale(QLocale::Vietnamese, QLocale::Vietnam))
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

int NameOrder::compare(const QString &a, const QString &b) const
{
    const int byGiven = m_collator.compare(givenName(a), givenName(b));
    if (byGiven != 0)
        return byGiven;
    return m_collator.compare(a.trimmed(), b.trimmed());
}

std::pair<QCollatorSortKey, QCollatorSortKey> NameOrder::sortKey(const QString &fullName) const
{
    return {m_collator.sortKey(givenName(fullName)), m_collator.sortKey(fullName.trimmed())};
}

QString formatDate(const QDate &date) { return date.toString(QStringLiteral("dd/MM/yyyy")); }

QString formatMonth(const QString &isoMonth)
{
    return isoMonth.size() == 7 ? isoMonth.mid(5, 2) + QLatin1Char('/') + isoMonth.left(4) : isoMonth;
}

QString formatNumber(qint64 n)
{
    // Grouping by hand keeps the format independent of the machine's locale data.
    const bool negative = n < 0;
    QString digits = QString::number(negative ? -n : n);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char('.'));
    return (negative ? QStringLiteral("-") : QString()) + digits;
}

QString formatMoney(qint64 dong) { return formatNumber(dong) + QStringLiteral(" đ"); }

qint64 parseWholeNumber(const QString &text, const QString &field)
{
    QString s = text.trimmed();
    static const QRegularExpression grouped(QStringLiteral("^-?\\d{1,3}(\\.\\d{3})+$"));
    if (grouped.match(s).hasMatch())
        s.remove(QLatin1Char('.'));
    bool ok = false;
    const qint64 n = s.toLongLong(&ok);
    if (!ok)
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a whole number").arg(text.trimmed()), field);
    return n;
}

QCollator collator(bool numbers)
{
    QCollator c(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    c.setNumericMode(numbers);
    return c;
}

void sortTexts(QStringList &texts, bool numbers)
{
    const QCollator c = collator(numbers);
    std::sort(texts.begin(), texts.end(), [&c](const QString &a, const QString &b) { return c.compare(a, b) < 0; });
}

} // namespace clc::vn
