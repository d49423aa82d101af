// Fuzz target: previewing a register CSV as wards export it: a preview (with per-line errors) or a
// clc::Error for an unusable file; previewing writes nothing.
#include "error.h"
#include "fuzzsupport.h"
#include "personimport.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clcfuzz::ensureApp();
    static clc::Store store(clcfuzz::workDir().filePath(QStringLiteral("people.db")), clc::StoreOptions{QStringLiteral("fuzz"), {}});
    static const bool initialised = (store.init(QStringLiteral("Trung tâm")), true);
    (void)initialised;
    const qint64 before = store.pendingChanges();
    try {
        const clc::PersonImportPreview p = clc::previewPeopleCsv(store, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)),
                                                                 QStringLiteral("fuzz.csv"));
        if (p.people.size() != p.lines.size())
            std::abort();
    } catch (const clc::Error &) {
    }
    if (store.pendingChanges() != before)
        std::abort();
    return 0;
}
