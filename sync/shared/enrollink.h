#pragma once
// The enrolment link a ward office hands out, as text or as a QR code:
//   clc://enroll?server=https%3A%2F%2Fclc.phuong.example&code=K7QM-2XRT-9BHF
// Made by `clc-server enroll`, taken by `clc enroll --link/--qr`, by the app's enrolment form (pasted,
// opened from the system as a clc:// link, or read from a picture of the QR code).
#include <QString>
#include <optional>

namespace clc::sync {

struct EnrolLink
{
    QString server; ///< http(s) address of the ward office server
    QString code;   ///< the one-time code, XXXX-XXXX-XXXX
};

/// The link for server and code.
QString enrolLinkText(const QString &server, const QString &code);
/// The server and code of a link (surrounding spaces and line breaks ignored); nothing when text is
/// not a clc://enroll link with an http(s) server and a code.
std::optional<EnrolLink> parseEnrolLink(const QString &text);

} // namespace clc::sync
