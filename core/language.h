#pragma once
// Vietnamese first, English second: which language to show, and loading its translations.
#include <QString>

namespace clc {

/// "vi" or "en": the requested one if given, else the environment's (LANGUAGE, LC_ALL, LC_MESSAGES,
/// LANG) when it asks for English, else Vietnamese.
QString chooseLanguage(const QString &requested = {});
/// Installs the translator for lang ("vi" or "en") into the running application, replacing any
/// earlier one. English is the source language and needs no file. Returns false if the file is missing.
bool installLanguage(const QString &lang);
/// The language installed last ("vi" or "en").
QString currentLanguage();

} // namespace clc
