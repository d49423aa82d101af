// Fuzz target: importing a plan file (clc-plan/1 JSON) into a store: imported whole or refused
// with a clc::Error, and a refused import writes nothing.
#include "error.h"
#include "fuzzsupport.h"
#include "planimport.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clcfuzz::ensureApp();
    static clc::Store store(clcfuzz::workDir().filePath(QStringLiteral("plan.db")), clc::StoreOptions{QStringLiteral("fuzz"), {}});
    static const bool initialised = (store.init(QStringLiteral("Trung tâm")), true);
    (void)initialised;
    const qint64 before = store.pendingChanges();
    try {
        clc::importPlan(store, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), QStringLiteral("fuzz.json"));
    } catch (const clc::Error &) {
        if (store.pendingChanges() != before)
            std::abort(); // a refused import wrote something
    }
    return 0;
}
