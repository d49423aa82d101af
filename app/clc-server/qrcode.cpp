#include "qrcode.h"
#include "error.h"

#include <memory>
#include <qrencode.h>

namespace clc::server {

QrCode encodeQr(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, void (*)(QRcode *)> code(QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M), QRcode_free);
    if (!code)
        throw Error(Error::Code::InvalidInput, QStringLiteral("cannot be drawn as a QR code (%1 bytes)").arg(utf8.size()), QStringLiteral("link"));
    QrCode qr;
    qr.width = code->width;
    qr.dark.resize(size_t(qr.width) * size_t(qr.width));
    for (int i = 0; i < qr.width * qr.width; ++i)
        qr.dark[size_t(i)] = (code->data[i] & 1) != 0; // bit 0: a dark module
    return qr;
}

QString qrTerminalText(const QrCode &qr)
{
    // Dark modules drawn black on an explicitly white ground (ANSI colours), so the code reads the
    // same on a light or a dark terminal; the standard quiet zone of four modules.
    constexpr int quiet = 4;
    const QString white = QStringLiteral("\x1b[30;47m"), reset = QStringLiteral("\x1b[0m");
    QString out;
    for (int y = -quiet; y < qr.width + quiet; y += 2) {
        out += white;
        for (int x = -quiet; x < qr.width + quiet; ++x) {
            const bool top = qr.at(x, y), bottom = qr.at(x, y + 1);
            out += top && bottom ? QStringLiteral("█") : top ? QStringLiteral("▀") : bottom ? QStringLiteral("▄") : QStringLiteral(" ");
        }
        out += reset + QLatin1Char('\n');
    }
    return out;
}

QImage qrImage(const QrCode &qr, int scale)
{
    constexpr int quiet = 4;
    const int side = (qr.width + 2 * quiet) * scale;
    QImage img(side, side, QImage::Format_Grayscale8);
    // Pixel by pixel (no QPainter: the server has no GUI application).
    for (int py = 0; py < side; ++py) {
        uchar *line = img.scanLine(py);
        for (int px = 0; px < side; ++px)
            line[px] = qr.at(px / scale - quiet, py / scale - quiet) ? 0 : 255;
    }
    return img;
}

} // namespace clc::server
