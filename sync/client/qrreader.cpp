#include "qrreader.h"
#include "error.h"
#include "translate.h"

#include <QFileInfo>
#define ZX_USE_UTF8 1 // Result::text() as UTF-8 (zxing-cpp 1.4's transition switch)
#include <ZXing/ReadBarcode.h>

namespace clc::sync {

std::optional<QString> readQrText(const QImage &image)
{
    if (image.isNull())
        return std::nullopt;
    // A phone photo is 12 megapixels; a QR code needs far fewer: read a copy at most 1600 px wide.
    const QImage scaled = std::max(image.width(), image.height()) > 1600 ? image.scaled(1600, 1600, Qt::KeepAspectRatio, Qt::SmoothTransformation) : image;
    const QImage grey = scaled.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    return QString::fromStdString(result.text());
}

EnrolLink enrolLinkFromPicture(const QString &path)
{
    const QImage image(path);
    if (image.isNull())
        throw Error(Error::Code::InvalidInput,
                    QFileInfo::exists(path) ? Tr::tr("'%1' is not a picture this device can read (PNG or JPEG)").arg(path)
                                            : Tr::tr("there is no file '%1'").arg(path),
                    QStringLiteral("--qr"));
    const std::optional<QString> text = readQrText(image);
    if (!text)
        throw Error(Error::Code::InvalidInput, Tr::tr("no QR code was found in the picture; take it again, closer and sharp"), QStringLiteral("--qr"));
    const std::optional<EnrolLink> link = parseEnrolLink(*text);
    if (!link)
        throw Error(Error::Code::InvalidInput, Tr::tr("the QR code is not a ward office's enrolment code (it says: %1)").arg(text->left(80)),
                    QStringLiteral("--qr"));
    return *link;
}

} // namespace clc::sync
