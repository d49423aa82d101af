#pragma once
// One translation context, "clc", for every message of the C++ code outside QObject classes:
// Tr::tr("...") is what lupdate extracts (i18n/*.ts) and what the running program looks up.
#include <QCoreApplication>

namespace clc {
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(clc)
};
} // namespace clc
