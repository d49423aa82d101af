#pragma once
#include <optional>
// Importing a register of learners as wards keep it: a spreadsheet saved as CSV (`;` or `,`, UTF-8,
// often with a BOM, Vietnamese headings in any order). Preview first; commit all or nothing.
#include "error.h"
#include "records.h"

#include <QByteArray>
#include <functional>
#include <vector>

namespace clc {

struct DuplicateHint
{
    int line;            ///< the line in the file
    QString fullName;
    qint64 birthYear;
    int otherLine;       ///< an earlier line of the file with the same person, or 0
    QString existingId;  ///< a person already in the register with the same folded name and year, or empty
};

struct PersonImportPreview
{
    std::vector<PersonInput> people;
    std::vector<int> lines;           ///< the file line of each person
    std::vector<Error> errors;        ///< every bad line, not just the first
    std::vector<DuplicateHint> duplicates;
    QStringList ignoredColumns;       ///< headings that are not register fields (e.g. STT)
    QChar delimiter;
};

/// Reads and checks the whole file without writing. Throws only when the file itself is unusable
/// (not UTF-8, no name column, broken quoting); per-line problems go to errors.
/// A year of birth as people write it in a form or a list: "1975", "05/02/1975" or "1975-02-05";
/// empty gives none. Throws InvalidInput naming field when it is not a plausible one.
std::optional<qint64> parseBirthYear(const QString &text, const QString &field);

PersonImportPreview previewPeopleCsv(Store &store, const QByteArray &bytes, const QString &source);

/// Writes every person of a preview without errors in one transaction; returns their ids.
/// idForLine lets the bundled demo register keep stable ids; by default ids are random.
std::vector<QString> commitPeopleImport(Store &store, const PersonImportPreview &preview,
                                        const std::function<QString(int line)> &idForLine = {});

} // namespace clc
