#pragma once
// gzip for HTTP bodies (zlib).
#include <QByteArray>
#include <optional>

namespace clc::sync {

QByteArray gzipCompress(const QByteArray &data, int level = 6);
/// Inflates gzip (or zlib) data; nullopt if it is corrupt or would exceed limit bytes (a zip bomb).
std::optional<QByteArray> gzipDecompress(const QByteArray &data, qint64 limit);

} // namespace clc::sync
