#include "gzip.h"

#include <zlib.h>

namespace clc::sync {

QByteArray gzipCompress(const QByteArray &data, int level)
{
    z_stream s{};
    if (deflateInit2(&s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(int(deflateBound(&s, uLong(data.size()))) + 32, Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.resize(qsizetype(s.total_out));
    deflateEnd(&s);
    return out;
}

std::optional<QByteArray> gzipDecompress(const QByteArray &data, qint64 limit)
{
    z_stream s{};
    if (inflateInit2(&s, 15 + 32) != Z_OK) // 32: accept gzip and zlib headers
        return std::nullopt;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    QByteArray out;
    char buffer[65536];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        s.next_out = reinterpret_cast<Bytef *>(buffer);
        s.avail_out = sizeof(buffer);
        rc = inflate(&s, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&s);
            return std::nullopt;
        }
        out.append(buffer, qsizetype(sizeof(buffer) - s.avail_out));
        if (out.size() > limit || (rc == Z_OK && s.avail_in == 0 && s.avail_out != 0)) {
            inflateEnd(&s);
            return std::nullopt; // too large, or truncated
        }
    }
    inflateEnd(&s);
    return out;
}

} // namespace clc::sync
