#pragma once
// Reading users' text files: strict UTF-8 with the failing line named, BOM removed.
#include <QByteArray>
#include <QString>

namespace clc {

/// Reads a whole file; throws Error naming the file if it cannot be opened.
QByteArray readFile(const QString &path);
/// Decodes UTF-8 (dropping a BOM); throws ParseError with the first line that is not UTF-8.
QString decodeUtf8(const QByteArray &bytes, const QString &source);
/// A CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
QString csvCell(const QString &s);
/// 1-based line of a byte offset.
int lineOfOffset(const QByteArray &bytes, qsizetype offset);

} // namespace clc
