// A row record's stored bytes (rowrecord.cpp, encodeWrites): written directly since session 11, they
// must stay the bytes QDataStream wrote before (every stored record, and every release that reads
// them, uses that form), and read back to the same writes.
#include "rowrecord.h"

#include <QDataStream>
#include <QIODevice>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;

namespace {

/// The encoder as it was (through QDataStream), kept here as the reference form.
QByteArray referenceEncoding(const std::vector<RowWrite> &writes)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << quint8(1) << quint32(writes.size());
    for (const RowWrite &w : writes) {
        out << w.version.hlc << w.version.replica.toUtf8() << w.device.toUtf8() << w.role.toUtf8();
        out << qint32(w.newer) << w.seq << quint32(w.fields.size());
        for (const RowWrite::Field &f : w.fields) {
            out << qint32(f.field);
            if (f.value.isInt())
                out << quint8(1) << f.value.toInt();
            else if (f.value.isText())
                out << quint8(2) << f.value.toText().toUtf8();
            else
                out << quint8(0);
            out << quint8(f.base ? 1 : 0);
            if (f.base)
                out << f.base->hlc << f.base->replica.toUtf8();
        }
    }
    return bytes;
}

} // namespace

TEST_CASE("a row record is stored as the same bytes as before and reads back as written", "[server][records]")
{
    std::vector<RowWrite> writes;
    writes.push_back(RowWrite{Version{117720586481434624LL, QStringLiteral("2fb17a10-51cb-434e-a597-cde9a367c679")}, QStringLiteral("máy-1"),
                              QStringLiteral("facilitator"), 0, 0,
                              {{0, Value(QStringLiteral("c0ffee00-0000-4000-8000-000000000000")), std::nullopt},
                               {3, Value(qint64(-1)), Version{42, QStringLiteral("99999999-9999-4999-8999-999999999999")}},
                               {4, Value(std::numeric_limits<qint64>::max()), std::nullopt},
                               {5, Value(std::numeric_limits<qint64>::min()), std::nullopt},
                               {6, Value(), std::nullopt},
                               {7, Value(QString()), std::nullopt},
                               {8, Value(QStringLiteral("")), std::nullopt},
                               {9, Value(QStringLiteral("Nguyễn Thị Ánh Tuyết — ghi chú 🌾")), Version{0, QString()}}}});
    writes.push_back(RowWrite{Version{-5, QString()}, QString(), QStringLiteral(""), 3, 987654321012LL, {{2147483647, Value(7), std::nullopt}}});
    writes.push_back(RowWrite{Version{1, QStringLiteral("r")}, QStringLiteral("server"), QStringLiteral("server"), -1, 1, {}});
    const QByteArray bytes = encodeWrites(writes);
    CHECK(bytes.toHex() == referenceEncoding(writes).toHex());
    CHECK(encodeWrites({}).toHex() == referenceEncoding({}).toHex());

    const std::vector<RowWrite> back = decodeWrites(bytes, 777);
    REQUIRE(back.size() == writes.size());
    for (size_t i = 0; i < writes.size(); ++i) {
        CHECK(back[i].version == writes[i].version);
        CHECK(back[i].device == writes[i].device);
        CHECK(back[i].role == writes[i].role);
        CHECK(back[i].newer == writes[i].newer);
        CHECK(back[i].seq == (writes[i].seq == 0 ? 777 : writes[i].seq)); // 0: the record's own seq
        REQUIRE(back[i].fields.size() == writes[i].fields.size());
        for (size_t f = 0; f < writes[i].fields.size(); ++f) {
            CHECK(back[i].fields[f].field == writes[i].fields[f].field);
            CHECK(back[i].fields[f].value.toText() == writes[i].fields[f].value.toText());
            CHECK(back[i].fields[f].value.isInt() == writes[i].fields[f].value.isInt());
            CHECK(back[i].fields[f].base.has_value() == writes[i].fields[f].base.has_value());
        }
    }
}
