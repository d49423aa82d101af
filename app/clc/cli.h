#pragma once
// The `clc` command line (docs/cli.md). Runs in-process so tests can drive it without a subprocess.
#include <QStringList>
#include <QTextStream>

namespace clc {

/// Runs one command; args exclude the program name. Human output goes to out, errors to err.
/// Returns the process exit code: 0 ok, 1 bad input or failure, 2 usage error.
int runCli(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace clc
