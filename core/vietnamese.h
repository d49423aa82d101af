#pragma once
// Vietnamese text rules: folding for search, given-name collation, and on-screen formats.
#include <QCollator>
#include <QDate>
#include <QString>
#include <QStringList>
#include <utility>

namespace clc::vn {

/// Lower case without diacritics, đ as d, single spaces: "Nguyễn Văn  Hoà" → "nguyen van hoa".
/// Old and new tone placement (hòa/hoà, thủy/thuỷ) fold to the same text.
QString fold(const QString &text);

/// True when every word of the query is the start of a word of the name, ignoring case and
/// diacritics: "nguyen van an", "NGUYEN" and "an" all match "Nguyễn Văn An"; "an" does not match "Lan".
bool nameMatches(const QString &name, const QString &query);

/// The given name: the last word of a full name.
QString givenName(const QString &fullName);

/// Orders people's names by given name, then the rest, with Vietnamese collation (ICU, locale vi).
class NameOrder
{
public:
    NameOrder();
    /// < 0, 0, > 0 like strcmp.
    int compare(const QString &a, const QString &b) const;
    bool operator()(const QString &a, const QString &b) const { return compare(a, b) < 0; }
    /// Keys that order like compare(): compare the given-name keys, then the full-name keys.
    std::pair<QCollatorSortKey, QCollatorSortKey> sortKey(const QString &fullName) const;

private:
    QCollator m_collator;
};

/// Vietnamese collation (ICU, locale vi); with numbers, "Khu 2" before "Khu 10".
QCollator collator(bool numbers = false);
/// Sorts texts (group names, neighbourhoods) in Vietnamese order.
void sortTexts(QStringList &texts, bool numbers = false);

/// 05/02/2026
QString formatDate(const QDate &date);
/// "2017-09" → "09/2017"
QString formatMonth(const QString &isoMonth);
/// 1500000 → "1.500.000"
QString formatNumber(qint64 n);
/// 1500000 → "1.500.000 đ"
QString formatMoney(qint64 dong);
/// A whole number as people type it, grouping dots allowed ("1.500.000", "-5", "42"); throws
/// Error naming field when it is not one.
qint64 parseWholeNumber(const QString &text, const QString &field);

} // namespace clc::vn
