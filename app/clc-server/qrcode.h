#pragma once
// An enrolment link as a QR code (libqrencode from Debian): drawn in the terminal for a phone or
// tablet to scan off the office computer's screen, and as a PNG to print or send.
#include <QImage>
#include <QString>
#include <vector>

namespace clc::server {

struct QrCode
{
    int width = 0;          ///< modules per side
    std::vector<bool> dark; ///< row by row
    bool at(int x, int y) const { return x >= 0 && y >= 0 && x < width && y < width && dark[size_t(y * width + x)]; }
};

/// Encodes text (error correction level M). Throws clc::Error when it cannot (far too long).
QrCode encodeQr(const QString &text);
/// Two modules per character cell (▀ ▄ █), dark modules drawn black on white (ANSI colours, so light
/// and dark terminals alike), with a quiet zone of four modules.
QString qrTerminalText(const QrCode &qr);
/// Black on white, scale pixels per module, a quiet zone of four modules.
QImage qrImage(const QrCode &qr, int scale = 8);

} // namespace clc::server
