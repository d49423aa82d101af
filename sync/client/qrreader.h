#pragma once
// Reading a ward office's enrolment QR code from a picture (a photo of the printed code, a screenshot,
// the PNG `clc-server enroll --qr-png` wrote), with zxing-cpp from Debian.
#include "enrollink.h"

#include <QImage>
#include <optional>

namespace clc::sync {

/// The text of the first QR code found in the image, or nothing.
std::optional<QString> readQrText(const QImage &image);
/// The enrolment link in the picture at path; throws clc::Error (field --qr) saying what is wrong:
/// not a picture, no QR code in it, or a QR code that is not an enrolment link.
EnrolLink enrolLinkFromPicture(const QString &path);

} // namespace clc::sync
