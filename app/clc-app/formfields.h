#pragma once
// What a form says about a refused write: the field's label as the form shows it ("Year of birth",
// not "people.birth_year"), and its key, for the form to mark that field and put the focus there.
#include "error.h"

#include <QCoreApplication>
#include <QString>

namespace clc::forms {

class FormFields
{
    Q_DECLARE_TR_FUNCTIONS(FormFields)
};

/// "birth_year" from "people.birth_year", "--birth-year" or "birth_year".
QString key(const QString &field);
/// The form's label for a field ("Year of birth"); the field itself when no form shows it.
QString label(const QString &field);
/// "Year of birth: must be between 1900 and 2100" (a line number too, where there is one).
QString describe(const Error &e);

} // namespace clc::forms
