#pragma once
// The demo: the bundled 2017–2018 Đức Chính plan, the generated sample register, and sessions with
// attendance made from a fixed seed, so the app has something real to show.
#include <QString>

namespace clc {
class Store;

struct DemoSummary
{
    bool alreadyLoaded = false;
    int activities = 0;
    int people = 0;
    int sessions = 0;
    int marks = 0;
};

/// Loads the demo into store (initialising it first if needed). Loads once: a second call on the same
/// database changes nothing and says so. All or nothing.
DemoSummary loadDemo(Store &store);

/// The bundled plan file (resource), for `plan import` tests and the seed check.
QByteArray bundledPlan();
QByteArray bundledRegister();

} // namespace clc
