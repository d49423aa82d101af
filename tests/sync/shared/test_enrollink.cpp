// The enrolment link a ward office hands out (sync/shared/enrollink.h).
#include "enrollink.h"

#include <catch2/catch.hpp>

using namespace clc::sync;

TEST_CASE("an enrolment link carries the server and the code, and only a well-formed one is taken", "[sync][enrol][link]")
{
    const QString link = enrolLinkText(QStringLiteral("https://clc.ducchinh.example:8443/clc"), QStringLiteral("K7QM-2XRT-9BHF"));
    CHECK(link == QStringLiteral("clc://enroll?server=https%3A%2F%2Fclc.ducchinh.example%3A8443%2Fclc&code=K7QM-2XRT-9BHF"));
    const auto parsed = parseEnrolLink(link);
    REQUIRE(parsed);
    CHECK(parsed->server == QStringLiteral("https://clc.ducchinh.example:8443/clc"));
    CHECK(parsed->code == QStringLiteral("K7QM-2XRT-9BHF"));
    // Pasted from a message: surrounding spaces and a line break inside are tolerated.
    const auto pasted = parseEnrolLink(QStringLiteral("  clc://enroll?server=http%3A%2F%2F192.168.1.10%3A8470&\ncode=AAAA-BBBB-CCCC \n"));
    REQUIRE(pasted);
    CHECK(pasted->server == QStringLiteral("http://192.168.1.10:8470"));
    CHECK(pasted->code == QStringLiteral("AAAA-BBBB-CCCC"));
    // Not links to act on.
    for (const char *bad : {"", "https://clc.example", "clc://enroll?server=https%3A%2F%2Fx.example", "clc://enroll?code=AAAA",
                            "clc://sync?server=https%3A%2F%2Fx.example&code=AAAA", "clc://enroll?server=ftp%3A%2F%2Fx.example&code=AAAA",
                            "clc://enroll?server=javascript%3Aalert(1)&code=AAAA", "clc://enroll?server=https%3A%2F%2F&code=AAAA",
                            "http://enroll?server=https%3A%2F%2Fx.example&code=AAAA"}) {
        INFO(bad);
        CHECK_FALSE(parseEnrolLink(QString::fromLatin1(bad)));
    }
}
