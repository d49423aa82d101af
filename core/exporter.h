#pragma once
// The canonical export: the same data gives the same bytes, whatever order it was written in.
#include <QByteArray>

namespace clc {
class Store;

/// One JSON object keyed by table name; each a list of rows sorted by id, every synced field
/// (null included), keys sorted; no replica-local metadata. Ends with a newline.
QByteArray exportJson(Store &store);
/// The same data as CSV (UTF-8 with BOM): one line per field, "table,id,field,value", sorted by
/// table (schema order), id and field (schema order).
QByteArray exportCsv(Store &store);

} // namespace clc
