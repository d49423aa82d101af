#include "gzip.h"

#include <QByteArray>
#include <catch2/catch.hpp>
#include <random>
#include <zlib.h>

using namespace clc::sync;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(qsizetype n, unsigned seed)
{
    std::mt19937 rng(seed);
    QByteArray b(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char(rng() & 0xff);
    return b;
}

// Inflates with zlib directly (gzip wrapper only), independent of the code under test.
std::optional<QByteArray> zlibGunzip(const QByteArray &data)
{
    z_stream s{};
    if (inflateInit2(&s, 15 + 16) != Z_OK)
        return std::nullopt;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    QByteArray out;
    char buf[16384];
    int rc = Z_OK;
    while (rc == Z_OK) {
        s.next_out = reinterpret_cast<Bytef *>(buf);
        s.avail_out = sizeof(buf);
        rc = inflate(&s, Z_NO_FLUSH);
        out.append(buf, qsizetype(sizeof(buf) - s.avail_out));
    }
    inflateEnd(&s);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    return out;
}

quint32 le32(const QByteArray &b, qsizetype at)
{
    return quint32(quint8(b[at])) | quint32(quint8(b[at + 1])) << 8 | quint32(quint8(b[at + 2])) << 16 | quint32(quint8(b[at + 3])) << 24;
}

} // namespace

TEST_CASE("gzip round-trips empty, small and 1 MiB of random bytes", "[gzip]")
{
    const QByteArray empty;
    const auto e = gzipDecompress(gzipCompress(empty), MiB);
    REQUIRE(e.has_value());
    CHECK(e->isEmpty());

    const QByteArray small("{\"changes\":[1,2,3]} Nguy\xe1\xbb\x85n V\xc4\x83n An");
    const auto s = gzipDecompress(gzipCompress(small), MiB);
    REQUIRE(s.has_value());
    CHECK(*s == small);

    const QByteArray random = randomBytes(MiB, 42);
    const QByteArray packed = gzipCompress(random);
    CHECK(packed.size() > random.size()); // random data does not shrink; the bound still holds it whole
    const auto r = gzipDecompress(packed, MiB);
    REQUIRE(r.has_value());
    CHECK(r->size() == MiB);
    CHECK(*r == random);

    // Sizes around the 64 KiB inflate buffer, and every compression level.
    for (qsizetype n : {qsizetype(1), qsizetype(65535), qsizetype(65536), qsizetype(65537), qsizetype(3 * 65536)}) {
        const QByteArray data = randomBytes(n, unsigned(n));
        for (int level : {0, 1, 6, 9}) {
            INFO("size " << n << " level " << level);
            const auto back = gzipDecompress(gzipCompress(data, level), n);
            REQUIRE(back.has_value());
            CHECK(*back == data);
        }
    }
}

TEST_CASE("compressed output is real gzip: magic bytes, deflate, CRC-32 and size in the trailer", "[gzip]")
{
    const QByteArray text = QByteArray("sessions,attendance,people\n").repeated(2000);
    const QByteArray gz = gzipCompress(text);
    REQUIRE(gz.size() >= 18);
    CHECK(quint8(gz[0]) == 0x1f);
    CHECK(quint8(gz[1]) == 0x8b);
    CHECK(quint8(gz[2]) == 0x08); // deflate
    CHECK(gz.size() < text.size() / 10); // repetitive text shrinks a lot
    CHECK(le32(gz, gz.size() - 4) == quint32(text.size()));
    CHECK(le32(gz, gz.size() - 8) == quint32(crc32(0L, reinterpret_cast<const Bytef *>(text.constData()), uInt(text.size()))));

    const auto inflated = zlibGunzip(gz);
    REQUIRE(inflated.has_value());
    CHECK(*inflated == text);

    const QByteArray random = randomBytes(MiB, 7);
    const auto back = zlibGunzip(gzipCompress(random, 9));
    REQUIRE(back.has_value());
    CHECK(*back == random);

    const auto emptyBack = zlibGunzip(gzipCompress(QByteArray()));
    REQUIRE(emptyBack.has_value());
    CHECK(emptyBack->isEmpty());
}

TEST_CASE("gzip made by zlib itself, and zlib-wrapped data, are inflated", "[gzip]")
{
    const QByteArray text = QByteArray("Trung t\xc3\xa2m h\xe1\xbb\x8d" "c t\xe1\xba\xadp c\xe1\xbb\x99ng \xc4\x91\xe1\xbb\x93ng\n").repeated(300);

    // A gzip stream written by deflate with the gzip wrapper, as a client's HTTP library would.
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_FILTERED) == Z_OK);
    QByteArray gz(int(deflateBound(&z, uLong(text.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.constData()));
    z.avail_in = uInt(text.size());
    z.next_out = reinterpret_cast<Bytef *>(gz.data());
    z.avail_out = uInt(gz.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    gz.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    const auto fromGzip = gzipDecompress(gz, MiB);
    REQUIRE(fromGzip.has_value());
    CHECK(*fromGzip == text);

    // zlib's compress() makes the zlib wrapper (78 xx), which is accepted too.
    uLongf len = compressBound(uLong(text.size()));
    QByteArray zl(qsizetype(len), Qt::Uninitialized);
    REQUIRE(compress(reinterpret_cast<Bytef *>(zl.data()), &len, reinterpret_cast<const Bytef *>(text.constData()), uLong(text.size())) == Z_OK);
    zl.resize(qsizetype(len));
    CHECK(quint8(zl[0]) == 0x78);
    const auto fromZlib = gzipDecompress(zl, MiB);
    REQUIRE(fromZlib.has_value());
    CHECK(*fromZlib == text);
}

TEST_CASE("a gzip bomb stops at the limit: a few KB that would inflate to 16 MiB return nothing", "[gzip]")
{
    const QByteArray zeros(16 * MiB, '\0');
    const QByteArray bomb = gzipCompress(zeros, 9);
    REQUIRE(bomb.size() < 32 * 1024);
    CHECK_FALSE(gzipDecompress(bomb, MiB).has_value());
    CHECK_FALSE(gzipDecompress(bomb, 16 * MiB - 1).has_value());
    const auto whole = gzipDecompress(bomb, 16 * MiB);
    REQUIRE(whole.has_value());
    CHECK(whole->size() == 16 * MiB);

    // The limit is inclusive, wherever it falls against the inflate buffer.
    for (qsizetype n : {qsizetype(1), qsizetype(1000), qsizetype(65536), qsizetype(65537), qsizetype(200000)}) {
        INFO("size " << n);
        const QByteArray data(n, 'a');
        const QByteArray gz = gzipCompress(data);
        CHECK(gzipDecompress(gz, n).has_value());
        CHECK_FALSE(gzipDecompress(gz, n - 1).has_value());
    }
    const QByteArray emptyGz = gzipCompress(QByteArray());
    CHECK(gzipDecompress(emptyGz, 0).has_value());
    CHECK_FALSE(gzipDecompress(gzipCompress("x"), 0).has_value());
}

TEST_CASE("garbage, truncated or damaged gzip returns nothing", "[gzip]")
{
    CHECK_FALSE(gzipDecompress(QByteArray(), MiB).has_value());
    CHECK_FALSE(gzipDecompress(QByteArray("hello, this is not gzip"), MiB).has_value());
    CHECK_FALSE(gzipDecompress(randomBytes(4096, 3), MiB).has_value());
    CHECK_FALSE(gzipDecompress(QByteArray("\x1f\x8b", 2), MiB).has_value());

    const QByteArray data = randomBytes(200000, 11);
    const QByteArray gz = gzipCompress(data);
    // Cut anywhere: in the header, in the deflate stream, in the CRC or length trailer.
    for (qsizetype keep : {qsizetype(5), qsizetype(10), gz.size() / 3, gz.size() / 2, gz.size() - 9, gz.size() - 8, gz.size() - 4, gz.size() - 1}) {
        INFO("kept " << keep << " of " << gz.size());
        CHECK_FALSE(gzipDecompress(gz.left(keep), MiB).has_value());
    }
    // Cut exactly where the 64 KiB output buffer fills up: still truncated, not a short success.
    const QByteArray stored = gzipCompress(QByteArray(65536 * 2, 'z'), 0); // level 0: output follows input byte for byte
    CHECK_FALSE(gzipDecompress(stored.left(stored.size() - 8), MiB).has_value());

    // A flipped bit in the trailer's CRC, or in the data, is caught.
    QByteArray badCrc = gz;
    badCrc[badCrc.size() - 6] = char(badCrc[badCrc.size() - 6] ^ 0x01);
    CHECK_FALSE(gzipDecompress(badCrc, MiB).has_value());
    QByteArray badSize = gz;
    badSize[badSize.size() - 2] = char(badSize[badSize.size() - 2] ^ 0x40);
    CHECK_FALSE(gzipDecompress(badSize, MiB).has_value());
    QByteArray badData = gzipCompress(QByteArray("attendance ").repeated(5000));
    badData[badData.size() / 2] = char(badData[badData.size() / 2] ^ 0xff);
    CHECK_FALSE(gzipDecompress(badData, MiB).has_value());
}
