// Fuzz target: the wire protocol's decoders (what the server reads from any device, and a device
// from the server). Any input must end in a decoded message or a clc::Error, never anything else.
#include "error.h"
#include "fuzzsupport.h"
#include "protocol.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clcfuzz::ensureApp();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    using namespace clc::sync;
    try {
        const PushRequest r = decodePushRequest(bytes);
        // What decodes must encode and decode to the same message.
        if (!(decodePushRequest(encode(r)).changes == r.changes))
            std::abort();
        // And so must it in either protocol: marks in runs or in groups are the same changes.
        for (const int version : {OldestProtocolVersion, ProtocolVersion}) {
            PushRequest v = r;
            v.protocol = version;
            if (!(decodePushRequest(encode(v)).changes == r.changes))
                std::abort();
        }
    } catch (const clc::Error &) {
    }
    try {
        decodePullResponse(bytes);
    } catch (const clc::Error &) {
    }
    try {
        decodePushResponse(bytes);
    } catch (const clc::Error &) {
    }
    return 0;
}
