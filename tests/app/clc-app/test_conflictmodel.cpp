#include "conflictmodel.h"
#include "apptestsupport.h"
#include "testsupport.h"
#include "store.h"

#include <QAbstractItemModelTester>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

TEST_CASE("the conflicts page lists a kept conflict in plain words and restores the other value", "[app][conflict]")
{
    Demo d;
    Store &s = d.store();
    const QString person = keepConflictOnKhu(s);
    const QString name = s.value(QStringLiteral("people"), person, QStringLiteral("full_name")).toText();
    const QString khu = s.value(QStringLiteral("people"), person, QStringLiteral("khu")).toText();
    ConflictModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.reload(); // as the page does when shown
    REQUIRE(loaded(m));
    REQUIRE(m.rowCount() == 1);
    CHECK(m.data(m.index(0), ConflictModel::WhatRole).toString().contains(name));
    CHECK(m.data(m.index(0), ConflictModel::KeptRole).toString() == khu);
    CHECK(m.data(m.index(0), ConflictModel::OtherRole).toString() == QStringLiteral("Khu 99"));
    // A restore that cannot be written (here the file refuses writes) says why; nothing is thrown out
    // of the page and nothing changes.
    s.db().exec(QStringLiteral("PRAGMA query_only=1"));
    m.restore(0);
    CHECK_FALSE(m.lastError().isEmpty());
    CHECK(s.value(QStringLiteral("people"), person, QStringLiteral("khu")).toText() == khu);
    s.db().exec(QStringLiteral("PRAGMA query_only=0"));
    REQUIRE(loaded(m));
    REQUIRE(m.rowCount() == 1);

    m.restore(0);
    CHECK(m.lastError().isEmpty());
    REQUIRE(loaded(m));
    CHECK(m.rowCount() == 0);
    CHECK(s.value(QStringLiteral("people"), person, QStringLiteral("khu")).toText() == QStringLiteral("Khu 99"));
}
