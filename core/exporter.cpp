#include "exporter.h"
#include "schema.h"
#include "store.h"
#include "textfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace clc {

namespace {

QString selectAll(const TableDef &t)
{
    QStringList cols{QStringLiteral("id")};
    for (const FieldDef &f : t.fields)
        cols << f.name;
    return QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(cols.join(QStringLiteral(", ")), t.name);
}

} // namespace

QByteArray exportJson(Store &store)
{
    QJsonObject root;
    for (const TableDef &t : tables()) {
        QJsonArray rows;
        auto st = store.db().prepare(selectAll(t));
        while (st.step()) {
            QJsonObject row;
            row.insert(QStringLiteral("id"), st.text(0));
            for (size_t i = 0; i < t.fields.size(); ++i)
                row.insert(t.fields[i].name, st.value(int(i) + 1).toJson());
            rows.append(row);
        }
        root.insert(t.name, rows); // QJsonObject keeps keys sorted: the order is part of the format
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray exportCsv(Store &store)
{
    QString out = QString(QChar(0xFEFF)) + QStringLiteral("table,id,field,value\n");
    for (const TableDef &t : tables()) {
        auto st = store.db().prepare(selectAll(t));
        while (st.step()) {
            for (size_t i = 0; i < t.fields.size(); ++i) {
                const Value v = st.value(int(i) + 1);
                if (v.isNull())
                    continue;
                out += t.name + QLatin1Char(',') + st.text(0) + QLatin1Char(',') + t.fields[i].name + QLatin1Char(',')
                    + csvCell(v.toText()) + QLatin1Char('\n');
            }
        }
    }
    return out.toUtf8();
}

} // namespace clc
