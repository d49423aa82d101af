#pragma once
// Waiting for the app's models, which read on the reader thread and apply the answer on this one.
#include "asynclistmodel.h"

#include <QTest>
#include <functional>

namespace clctest {

/// Processes events until the model's newest read has been applied (false after 10 s).
inline bool loaded(const clc::AsyncListModel &m) { return QTest::qWaitFor([&m] { return !m.loading(); }, 10000); }
/// Processes events until done() holds (false after 10 s).
inline bool eventually(const std::function<bool()> &done) { return QTest::qWaitFor(done, 10000); }

} // namespace clctest
