#pragma once
// What the fuzz targets share: a Qt application for the process, and a fresh initialised store.
#include "store.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <memory>

namespace clcfuzz {

/// Makes the QCoreApplication the code under test expects, once.
inline void ensureApp()
{
    static int argc = 1;
    static char name[] = "clc-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)app;
}

/// A temporary directory for the whole run (stores are made in it per input).
inline const QTemporaryDir &workDir()
{
    static QTemporaryDir dir;
    return dir;
}

} // namespace clcfuzz
