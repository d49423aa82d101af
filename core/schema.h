#pragma once
// The synced data model, described once. Change capture, validation, export and (later) the wire
// protocol all read these descriptors; the SQL that creates the tables lives in migrations.cpp and a
// test checks the two agree.
//
// Codes are positions: a table's code is its index in tables(), a field's code its index in the
// table's fields. They travel on the wire, so tables and fields are only ever appended, never
// reordered or removed.
#include "value.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace clc {

enum class FieldType {
    Text,      ///< free UTF-8 text up to maxLength characters
    Int,       ///< integer in [min, max]
    Bool,      ///< 0 or 1
    Month,     ///< "YYYY-MM"
    DateTime,  ///< "YYYY-MM-DDTHH:MM" local time of the centre
    Enum,      ///< one of choices
    Ref,       ///< id of a row of refTable
    Any,       ///< an integer or text up to maxLength (a conflict's losing value)
};

struct FieldDef
{
    QString name;
    FieldType type = FieldType::Text;
    int maxLength = 200;
    qint64 min = 0;
    qint64 max = 0;
    QStringList choices;
    QString refTable;
    bool required = false; ///< must be set when the row is created
};

struct TableDef
{
    int code;
    QString name;              ///< SQL table name, also its key in the canonical export
    std::vector<FieldDef> fields; ///< every synced column except id; includes centre_id and deleted
    /// For link and mark tables: the two fields whose values make the row id (UUIDv5), else empty.
    QString naturalKeyA, naturalKeyB;

    const FieldDef *field(const QString &name) const;
    int fieldCode(const QString &name) const;
};

/// Every synced table, in code order.
const std::vector<TableDef> &tables();
/// The table called name, or nullptr.
const TableDef *table(const QString &name);
/// The table with the given code, or nullptr.
const TableDef *tableByCode(int code);

/// True for an id as clc makes them: a UUID in lower-case canonical form.
bool isId(const QString &s);
/// Throws InvalidInput (naming field) for text no store can keep exactly as sent: a NUL character
/// or half of a UTF-16 surrogate pair. Every text value of every store passes here.
void checkStorableText(const QString &s, const QString &field);
/// Checks a value against its field; throws Error naming table.field on failure.
void validateField(const TableDef &t, const FieldDef &f, const Value &v);
/// Parses user text (CLI, CSV) into a value of the field's type; throws Error naming the field.
Value parseFieldValue(const FieldDef &f, const QString &text);

namespace kinds {
/// Activity kinds, in report order.
const QStringList &all();
} // namespace kinds

} // namespace clc
