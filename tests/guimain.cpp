// Catch2 main for tests that load QML: a QGuiApplication on the offscreen platform, Basic style.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QGuiApplication>
#include <QLocale>
#include <QQuickStyle>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    // As clc-app does: numbers the Vietnamese way ("1.371") in either language.
    QLocale::setDefault(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    return Catch::Session().run(argc, argv);
}
