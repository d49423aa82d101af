#pragma once
// The month's schedule as a picture to pass on (a Zalo group, a printed notice): the same entries
// and words as schedule::text, laid out for a phone screen. Needs a QGuiApplication (offscreen is enough).
#include <QImage>
#include <QString>

namespace clc {
class Store;
namespace schedule {

/// width in pixels (1080: a phone's screen at full resolution); the height follows the content.
QImage image(Store &store, const QString &month, int width = 1080);

} // namespace schedule
} // namespace clc
