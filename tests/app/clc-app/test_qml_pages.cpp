// The pages driven as a person would: taps and typing on the real QML window (Qt Test events), checked
// on screen and in the database.
#include "apptestsupport.h"
#include "conflicts.h"
#include "demodata.h"
#include "exporter.h"
#include "survey.h"
#include "language.h"
#include "merge.h"
#include "planmodel.h"
#include "records.h"
#include "schedule.h"
#include "schema.h"
#include "settingscontroller.h"
#include "storemanager.h"
#include "syncstatus.h"
#include "testsupport.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QStyleHints>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QImage>
#include <QUrl>
#include <QTcpServer>
#include <QElapsedTimer>
#include <QFile>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>
#include <cstring>

using namespace clc;
using namespace clctest;

namespace {

struct App
{
    TempDir dir;
    std::unique_ptr<StoreManager> manager;
    std::unique_ptr<SyncStatus> status;
    QQmlApplicationEngine engine;
    QQuickWindow *window = nullptr;

    explicit App(bool demo = true)
    {
        const QString path = dir.path(QStringLiteral("demo.db"));
        auto store = std::make_unique<Store>(path, StoreOptions{QStringLiteral("dev"), {}});
        if (demo)
            loadDemo(*store);
        manager = std::make_unique<StoreManager>(std::move(store));
        StoreManager::setInstance(manager.get());
        status = std::make_unique<SyncStatus>(path, StoreOptions{QStringLiteral("dev"), {}});
        SyncStatus::setInstance(status.get());
    }
    ~App()
    {
        delete window;
        StoreManager::setInstance(nullptr);
    }
    void open(const QSize &size)
    {
        engine.load(QUrl(QStringLiteral("qrc:/Clc/Main.qml")));
        REQUIRE(engine.rootObjects().size() == 1);
        window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        REQUIRE(window);
        window->resize(size);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window));
    }
    Store &store() { return manager->store(); }
    /// The visible item with this objectName (pages hidden in other tabs are skipped).
    QQuickItem *find(const char *name) { return findIn(window->contentItem(), QString::fromLatin1(name)); }
    /// Walks the visual tree (pages pushed on a StackView are items, not QObject children).
    static QQuickItem *findIn(QQuickItem *item, const QString &name)
    {
        if (!item->isVisible())
            return nullptr;
        if (item->objectName() == name)
            return item;
        for (QQuickItem *child : item->childItems())
            if (QQuickItem *found = findIn(child, name))
                return found;
        return nullptr;
    }
    QQuickItem *waitFor(const char *name)
    {
        QQuickItem *found = nullptr;
        eventually([&] { return (found = find(name)) != nullptr; });
        QTest::qWait(600); // a StackView takes no input while its push transition runs
        return found;
    }
    /// The visible item showing exactly this text (a button's label).
    QQuickItem *findText(const QString &text) { return findTextIn(window->contentItem(), text); }
    /// The visible label showing exactly this text.
    QQuickItem *findLabel(const QString &text) { return findLabelIn(window->contentItem(), text); }
    static QQuickItem *findLabelIn(QQuickItem *item, const QString &text)
    {
        if (!item->isVisible())
            return nullptr;
        if (item->inherits("QQuickText") && item->property("text").toString() == text)
            return item;
        for (QQuickItem *child : item->childItems())
            if (QQuickItem *found = findLabelIn(child, text))
                return found;
        return nullptr;
    }
    static QQuickItem *findTextIn(QQuickItem *item, const QString &text)
    {
        if (!item->isVisible())
            return nullptr;
        if (item->property("text").toString() == text && item->inherits("QQuickAbstractButton"))
            return item;
        for (QQuickItem *child : item->childItems())
            if (QQuickItem *found = findTextIn(child, text))
                return found;
        return nullptr;
    }
    void type(QQuickItem *field, const QString &text)
    {
        tap(field);
        QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(window, Qt::Key_Backspace);
        for (const QChar c : text) { // a key event per character, Vietnamese letters included
            QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
            QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
            QCoreApplication::sendEvent(window, &press);
            QCoreApplication::sendEvent(window, &release);
        }
        QCoreApplication::processEvents();
    }
    QQuickItem *row(QQuickItem *list, int index)
    {
        QQuickItem *item = nullptr;
        QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, item), Q_ARG(int, index));
        return item;
    }
    /// Scrolls the list or page the item is in until the item is in the window's middle (a finger
    /// scrolls before it taps).
    void scrollIntoView(QQuickItem *item)
    {
        REQUIRE(item);
        for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
            if (!p->inherits("QQuickFlickable"))
                continue;
            const qreal y = item->mapToItem(p, QPointF(0, 0)).y();
            const qreal contentY = p->property("contentY").toReal();
            p->setProperty("contentY", contentY + y - p->height() / 3);
            QTest::qWait(200);
            return;
        }
    }
    void tap(QQuickItem *item)
    {
        REQUIRE(item);
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        QCoreApplication::processEvents();
    }
    /// An open popup (dialog, menu) by objectName: popups are not items of the visual tree.
    QObject *popup(const char *name)
    {
        // Several may exist (a pane on the tablet's side and one pushed on the phone): the open one.
        for (QObject *p : window->findChildren<QObject *>(QString::fromLatin1(name)))
            if (p->property("opened").toBool())
                return p;
        return nullptr;
    }
    void call(const char *function, const QVariant &arg)
    {
        QMetaObject::invokeMethod(window, function, Q_ARG(QVariant, arg));
    }
};

int count(QQuickItem *list) { return list ? list->property("count").toInt() : -1; }

} // namespace

TEST_CASE("tapping a learner on the sheet cycles the status on screen and on disk, undo walks it back", "[app][qml][attendance]")
{
    App app;
    const QString session = app.store().db().scalar(QStringLiteral(
        "SELECT s.id FROM sessions s JOIN activities a ON a.id = s.activity_id WHERE a.month = '2018-08' ORDER BY s.starts_at, s.id LIMIT 1")).toText();
    app.open(QSize(1280, 800));
    app.call("openSessionById", session);
    QQuickItem *list = app.waitFor("attendanceList");
    REQUIRE(list);
    REQUIRE(eventually([&] { return count(list) > 0; }));
    QQuickItem *first = app.row(list, 0);
    REQUIRE(first);
    const QString person = first->property("personId").toString();
    REQUIRE_FALSE(person.isEmpty());
    auto onDisk = [&] { return records::sessionMarks(app.store(), session).value(person); };
    CHECK(first->property("statusText").toString() == QStringLiteral("not marked"));
    CHECK(onDisk().isEmpty());

    for (const char *expected : {"present", "late", "excused", "absent", "present"}) {
        app.tap(app.row(list, 0));
        CHECK(onDisk() == QString::fromLatin1(expected));
        CHECK(app.row(list, 0)->property("status").toInt() != 0);
    }
    CHECK(app.row(list, 0)->property("statusText").toString() == QStringLiteral("present"));
    CHECK(app.row(list, 0)->property("syncText").toString().isEmpty()); // said once for the sheet:
    CHECK(app.find("attendanceWaiting")->property("visible").toBool());
    CHECK(app.find("attendanceWaiting")->property("text").toString().startsWith(QStringLiteral("1 mark")));

    app.tap(app.find("undoButton"));
    CHECK(onDisk() == QStringLiteral("absent"));
    CHECK(app.row(list, 0)->property("statusText").toString() == QStringLiteral("absent"));
}

TEST_CASE("typing a name without accents in the sheet's search finds the accented names", "[app][qml][attendance]")
{
    App app;
    const QString session = app.store().db().scalar(QStringLiteral("SELECT id FROM sessions ORDER BY starts_at LIMIT 1")).toText();
    app.open(QSize(390, 844));
    app.call("openSessionById", session);
    QQuickItem *list = app.waitFor("attendanceList");
    REQUIRE(eventually([&] { return count(list) > 0; }));
    const int all = count(list);
    QQuickItem *search = app.find("attendanceSearch");
    REQUIRE(search);
    app.tap(search);
    for (const char c : QByteArrayLiteral("nguyen van"))
        QTest::keyClick(app.window, c);
    REQUIRE(eventually([&] { return count(list) < all; }));
    REQUIRE(count(list) > 0);
    for (int i = 0; i < count(list); ++i) {
        QQuickItem *row = app.row(list, i);
        if (!row)
            continue; // not instantiated (off screen)
        const QString name = row->property("name").toString();
        INFO(name.toStdString());
        CHECK(name.contains(QStringLiteral("Nguyễn Văn")));
    }
}

TEST_CASE("a month without activities says so, a month with them lists them, as days and as activities", "[app][qml][schedule]")
{
    App app;
    app.open(QSize(390, 844));
    app.call("showMonth", QStringLiteral("2018-04"));
    REQUIRE(app.waitFor("emptyAgenda"));
    CHECK(count(app.find("agendaList")) == 0);
    app.call("showMonth", QStringLiteral("2017-11"));
    REQUIRE(eventually([&] { return count(app.find("agendaList")) > 0; }));
    CHECK(app.find("emptyAgenda") == nullptr);
    // The activity list is one tap away.
    app.tap(app.find("showActivities"));
    REQUIRE(eventually([&] { return count(app.find("scheduleList")) > 0; }));
    CHECK(app.find("agendaList") == nullptr);
    app.call("showMonth", QStringLiteral("2018-04"));
    REQUIRE(app.waitFor("emptyMonth"));
    CHECK(count(app.find("scheduleList")) == 0);
    app.tap(app.find("showAgenda"));
    REQUIRE(app.waitFor("emptyAgenda"));
}

TEST_CASE("the conflicts page restores the other value with one tap", "[app][qml][conflict]")
{
    App app;
    Store &s = app.store();
    const QString person = keepConflictOnKhu(s);
    app.open(QSize(1280, 800));
    app.call("openTab", 4); // Sync
    QQuickItem *list = app.waitFor("conflictList");
    REQUIRE(eventually([&] { return count(list) == 1; }));
    QMetaObject::invokeMethod(list, "positionViewAtEnd"); // below the enrolment form: scrolled into sight
    QTest::qWait(300);
    QQuickItem *restore = nullptr;
    REQUIRE(eventually([&] { return (restore = app.find("restoreButton")) != nullptr; }));
    app.tap(restore);
    CHECK(s.value(QStringLiteral("people"), person, QStringLiteral("khu")).toText() == QStringLiteral("Khu 99"));
    REQUIRE(eventually([&] { return count(list) == 0; }));
}

TEST_CASE("a bad field in the learner form keeps the form open with all that was typed, and OK saves once it is right", "[app][qml][register]")
{
    App app;
    app.open(QSize(390, 844));
    app.call("openTab", 1);
    app.tap(app.waitFor("addPersonButton"));
    QQuickItem *name = app.waitFor("personName");
    REQUIRE(name);
    app.type(name, QStringLiteral("Lê Văn Tám"));
    app.type(app.find("personYear"), QStringLiteral("19x5"));
    app.tap(app.findText(QStringLiteral("OK")));
    // Still open, nothing lost, the reason on screen naming the field.
    REQUIRE(app.find("personName"));
    CHECK(app.find("personName")->property("text").toString() == QStringLiteral("Lê Văn Tám"));
    CHECK(app.find("personYear")->property("text").toString() == QStringLiteral("19x5"));
    QQuickItem *error = app.find("personError");
    REQUIRE(error);
    CHECK(error->property("text").toString().contains(QStringLiteral("19x5")));
    CHECK(error->property("text").toString().startsWith(QStringLiteral("Year of birth: ")));
    CHECK(app.store().db().scalar(QStringLiteral("SELECT count(*) FROM people WHERE full_name = 'Lê Văn Tám'")).toInt() == 0);
    // The field is marked and has the focus, so the fix is typed at once.
    CHECK(app.find("personYear")->property("activeFocus").toBool());
    CHECK(app.findLabel(QStringLiteral("⚠ Year of birth")));
    CHECK_FALSE(app.findLabel(QStringLiteral("⚠ Full name")));

    // A year out of range, and a refusal from the store's own rules (a name left out), are named
    // the form's way, not as a column, and mark and focus their field too.
    app.type(app.find("personYear"), QStringLiteral("1800"));
    app.tap(app.findText(QStringLiteral("OK")));
    REQUIRE(eventually([&] { return app.find("personError")->property("text").toString().contains(QStringLiteral("1800 is not a plausible year")); }));
    CHECK(app.find("personError")->property("text").toString().startsWith(QStringLiteral("Year of birth: ")));
    CHECK(app.find("personYear")->property("activeFocus").toBool());
    app.type(app.find("personYear"), QStringLiteral("1965"));
    app.type(app.find("personName"), QString());
    app.tap(app.findText(QStringLiteral("OK")));
    REQUIRE(eventually([&] { return app.find("personError")->property("text").toString().startsWith(QStringLiteral("Full name: ")); }));
    CHECK(app.find("personName")->property("activeFocus").toBool());
    CHECK(app.findLabel(QStringLiteral("⚠ Full name")));
    CHECK_FALSE(app.findLabel(QStringLiteral("⚠ Year of birth")));
    app.type(app.find("personName"), QStringLiteral("Lê Văn Tám"));

    app.type(app.find("personYear"), QStringLiteral("1965"));
    app.tap(app.findText(QStringLiteral("OK")));
    REQUIRE(eventually([&] { return app.find("personName") == nullptr; })); // closed once saved
    CHECK(app.store().db().scalar(QStringLiteral("SELECT birth_year FROM people WHERE full_name = 'Lê Văn Tám'")).toInt() == 1965);

    // Adding again opens an empty form without the old error.
    app.tap(app.waitFor("addPersonButton"));
    REQUIRE(app.waitFor("personName"));
    CHECK(app.find("personName")->property("text").toString().isEmpty());
    CHECK(app.find("personError") == nullptr);
}

TEST_CASE("the first run welcomes instead of failing, and starting a centre there opens the app on it", "[app][qml][firstrun]")
{
    App app(false); // a new, empty database: no centre yet
    app.open(QSize(390, 844));
    REQUIRE(app.waitFor("welcomePage"));
    app.tap(app.find("startButton")); // no name: said, nothing written
    REQUIRE(app.find("startError"));
    CHECK_FALSE(app.store().isInitialised());
    app.type(app.find("centreName"), QStringLiteral("Trung tâm học tập cộng đồng phường Thử"));
    app.type(app.find("centreWard"), QStringLiteral("phường Thử"));
    app.tap(app.find("startButton"));
    REQUIRE(eventually([&] { return app.find("welcomePage") == nullptr; }));
    REQUIRE(app.store().isInitialised());
    CHECK(app.store().value(QStringLiteral("centres"), app.store().centreId(), QStringLiteral("name")).toText()
          == QStringLiteral("Trung tâm học tập cộng đồng phường Thử"));
    CHECK(app.store().value(QStringLiteral("centres"), app.store().centreId(), QStringLiteral("place")).toText() == QStringLiteral("phường Thử"));
    CHECK(app.window->title() == QStringLiteral("Trung tâm học tập cộng đồng phường Thử"));
}

TEST_CASE("trying the app with sample data from the welcome fills the schedule", "[app][qml][firstrun]")
{
    App app(false);
    app.open(QSize(1280, 800));
    app.tap(app.waitFor("sampleButton"));
    REQUIRE(eventually([&] { return app.find("welcomePage") == nullptr; }));
    CHECK(app.store().db().scalar(QStringLiteral("SELECT count(*) FROM people")).toInt() == 300);
    app.call("showMonth", QStringLiteral("2017-11"));
    REQUIRE(eventually([&] { return count(app.find("agendaList")) > 0; }));
}

TEST_CASE("a facilitator's session through the real window: marks, the not-marked filter, a long press, a walk-in from the search, a headcount, undo", "[app][qml][attendance]")
{
    App app;
    Store &s = app.store();
    const QString session = s.db().scalar(QStringLiteral(
        "SELECT s.id FROM sessions s JOIN activities a ON a.id = s.activity_id WHERE a.month = '2018-08' ORDER BY s.starts_at, s.id LIMIT 1")).toText();
    const QString activity = s.value(QStringLiteral("sessions"), session, QStringLiteral("activity_id")).toText();
    const int expected = int(records::expectedPeople(s, activity).size());
    REQUIRE(expected > 12);
    app.open(QSize(1280, 800));
    app.call("openSessionById", session);
    QQuickItem *list = app.waitFor("attendanceList");
    REQUIRE(eventually([&] { return count(list) == expected; }));
    auto marks = [&] { return records::sessionMarks(s, session); };
    auto summary = [&] { return app.find("attendanceSummary")->property("text").toString(); };

    // Ten people marked present, one tap each; the header counts them, the not-sent note once.
    QStringList marked;
    for (int i = 0; i < 10; ++i) {
        QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, i), Q_ARG(int, 4)); // ListView.Contain: scrolled into sight
        QTest::qWait(50);
        QQuickItem *row = app.row(list, i);
        REQUIRE(row);
        marked << row->property("personId").toString();
        app.tap(row);
    }
    REQUIRE(marks().size() == 10);
    QMetaObject::invokeMethod(list, "positionViewAtBeginning");
    QTest::qWait(50);
    CHECK(summary().endsWith(QStringLiteral("10 present of %1 expected").arg(expected)));
    INFO(app.find("attendanceWaiting")->property("text").toString().toStdString());
    CHECK(app.find("attendanceWaiting")->property("text").toString().startsWith(QStringLiteral("10 mark")));

    // Only the people not marked yet. A tap marks one, who stays under the finger (a second tap
    // makes them late, it does not mark the next person); the list narrows when the view changes.
    app.tap(app.find("onlyUnmarked"));
    REQUIRE(eventually([&] { return count(list) == expected - 10; }));
    const QString eleventh = app.row(list, 0)->property("personId").toString();
    const QString twelfth = app.row(list, 1)->property("personId").toString();
    app.tap(app.row(list, 0));
    QTest::qWait(QGuiApplication::styleHints()->mouseDoubleClickInterval() + 50); // two taps, not a double click
    app.tap(app.row(list, 0));
    CHECK(marks().value(eleventh) == QStringLiteral("late"));
    CHECK(marks().value(twelfth).isEmpty());
    CHECK(count(list) == expected - 10);
    app.tap(app.find("onlyUnmarked"));
    REQUIRE(eventually([&] { return count(list) == expected; }));
    app.tap(app.find("onlyUnmarked"));
    REQUIRE(eventually([&] { return count(list) == expected - 11; }));
    app.tap(app.find("onlyUnmarked"));
    REQUIRE(eventually([&] { return count(list) == expected; }));

    // A wrong tap fixed in one step: a long press sets the status directly.
    QQuickItem *first = app.row(list, 0);
    const QString firstPerson = first->property("personId").toString();
    REQUIRE(marks().value(firstPerson) == QStringLiteral("present"));
    const QPoint at = first->mapToScene(QPointF(first->width() / 2, first->height() / 2)).toPoint();
    QTest::mousePress(app.window, Qt::LeftButton, Qt::NoModifier, at);
    QTest::qWait(1500);
    QTest::mouseRelease(app.window, Qt::LeftButton, Qt::NoModifier, at);
    REQUIRE(eventually([&] { return app.popup("statusMenu") != nullptr; }));
    QTest::qWait(300);
    app.tap(app.findText(QStringLiteral("absent")));
    CHECK(marks().value(firstPerson) == QStringLiteral("absent"));

    // A search (without diacritics) that finds nobody offers the walk-in with the typed name.
    const QString typed = QStringLiteral("Ha Thi Moi");
    app.type(app.find("attendanceSearch"), typed);
    REQUIRE(eventually([&] { return count(list) == 0; }));
    QQuickItem *offer = app.find("walkInFromSearch");
    REQUIRE(offer);
    CHECK(offer->property("text").toString().contains(typed));
    app.tap(offer);
    QQuickItem *name = app.waitFor("walkInName");
    REQUIRE(name);
    CHECK(name->property("text").toString() == typed);
    CHECK(name->property("activeFocus").toBool());
    // A bad year keeps the form open with everything typed, and names the field.
    app.type(app.find("walkInYear"), QStringLiteral("19x5"));
    app.tap(app.findText(QStringLiteral("OK")));
    QTest::qWait(300);
    REQUIRE(app.popup("walkInDialog"));
    CHECK(app.find("walkInError")->property("text").toString().contains(QStringLiteral("Year of birth")));
    CHECK(app.find("walkInName")->property("text").toString() == typed);
    CHECK(app.find("walkInYear")->property("activeFocus").toBool());
    app.type(app.find("walkInYear"), QStringLiteral("1975"));
    app.tap(app.findText(QStringLiteral("OK")));
    REQUIRE(eventually([&] { return app.popup("walkInDialog") == nullptr; }));
    const QString walkIn = s.db().scalar(QStringLiteral("SELECT id FROM people WHERE full_name = 'Ha Thi Moi' AND deleted = 0")).toText();
    REQUIRE_FALSE(walkIn.isEmpty());
    CHECK(marks().value(walkIn) == QStringLiteral("present"));
    CHECK(app.find("attendanceSearch")->property("text").toString().isEmpty());

    // Three unnamed people at the door: the header says both numbers.
    QQuickItem *headcount = app.find("headcount");
    REQUIRE(headcount);
    const QPoint plus = headcount->mapToScene(QPointF(headcount->width() - 20, headcount->height() / 2)).toPoint();
    for (int i = 0; i < 3; ++i) {
        QTest::mouseClick(app.window, Qt::LeftButton, Qt::NoModifier, plus);
        QTest::qWait(QGuiApplication::styleHints()->mouseDoubleClickInterval() + 50);
    }
    REQUIRE(eventually([&] { return s.value(QStringLiteral("sessions"), session, QStringLiteral("headcount")).toInt() == 3; }));
    INFO(summary().toStdString());
    CHECK(summary().contains(QStringLiteral("11 present + 3 unnamed of %1 expected").arg(expected))); // a walk-in was not expected

    // Undo twice, in order, each saying what it did.
    app.tap(app.find("undoButton"));
    CHECK(s.value(QStringLiteral("sessions"), session, QStringLiteral("headcount")).isNull());
    CHECK(app.find("undoneText")->property("text").toString() == QStringLiteral("Unnamed headcount back to 0"));
    app.tap(app.find("undoButton"));
    CHECK(app.find("undoneText")->property("text").toString() == QStringLiteral("Ha Thi Moi: walk-in removed"));
    CHECK(marks().value(walkIn).isEmpty());
    CHECK(s.value(QStringLiteral("people"), walkIn, QStringLiteral("deleted")).toInt() == 1);
    // The next undo takes back the long press, on a row in sight.
    app.tap(app.find("undoButton"));
    CHECK(marks().value(firstPerson) == QStringLiteral("present"));
    CHECK(app.find("undoneText")->property("text").toString().endsWith(QStringLiteral(": back to present")));
}

TEST_CASE("someone in the register but not expected is found from the sheet's search and marked present", "[app][qml][attendance]")
{
    App app;
    Store &s = app.store();
    const QString session = s.db().scalar(QStringLiteral(
        "SELECT s.id FROM sessions s JOIN activities a ON a.id = s.activity_id WHERE a.month = '2018-08' ORDER BY s.starts_at, s.id LIMIT 1")).toText();
    const QSet<QString> expected = records::expectedPeople(s, s.value(QStringLiteral("sessions"), session, QStringLiteral("activity_id")).toText());
    PersonRow stranger;
    for (const PersonRow &p : records::findPeople(s, QString()))
        if (!expected.contains(p.id)) {
            stranger = p;
            break;
        }
    REQUIRE_FALSE(stranger.id.isEmpty());
    app.open(QSize(390, 844));
    app.call("openSessionById", session);
    QQuickItem *list = app.waitFor("attendanceList");
    REQUIRE(eventually([&] { return count(list) > 0; }));
    app.type(app.find("attendanceSearch"), stranger.fullName);
    REQUIRE(eventually([&] { return count(list) == 0; }));
    app.tap(app.find("findInRegister"));
    REQUIRE(eventually([&] { return app.popup("registerSearch") != nullptr; }));
    QTest::qWait(300);
    QQuickItem *choice = nullptr;
    REQUIRE(eventually([&] {
        for (const QString &suffix : {QStringLiteral(" — mark present")}) {
            const QString detail = stranger.birthYear ? QString::number(*stranger.birthYear) + (stranger.khu.isEmpty() ? QString() : QStringLiteral(" · ") + stranger.khu)
                                                      : stranger.khu;
            choice = app.findText(stranger.fullName + (detail.isEmpty() ? QString() : QStringLiteral(" · ") + detail) + suffix);
        }
        return choice != nullptr;
    }));
    app.tap(choice);
    CHECK(records::sessionMarks(s, session).value(stranger.id) == QStringLiteral("present"));
    REQUIRE(eventually([&] { return app.popup("registerSearch") == nullptr; }));
    // Now on the sheet, like everyone else marked.
    REQUIRE(eventually([&] { return count(list) > 0 && app.find("attendanceSearch")->property("text").toString().isEmpty(); }));
}

TEST_CASE("a coordinator enters a hand-measured target's figures on the plan page, and bad figures keep the form", "[app][qml][plan]")
{
    App app;
    Store &s = app.store();
    const QString target = s.db().scalar(QStringLiteral("SELECT id FROM targets WHERE metric = 'manual' AND deleted = 0 ORDER BY ord LIMIT 1")).toText();
    REQUIRE_FALSE(target.isEmpty());
    app.open(QSize(1280, 800));
    QMetaObject::invokeMethod(app.window, "openTab", Q_ARG(QVariant, 2));
    QQuickItem *button = nullptr;
    REQUIRE(eventually([&] { return (button = app.find("enterFigures")) != nullptr; }));
    QTest::qWait(300);
    // The year at a glance: the charts are on the page, drawn from the plan's figures.
    REQUIRE(app.find("monthlyChart"));
    CHECK(app.find("monthlyChart")->property("bars").toList().size() == 12);
    REQUIRE(app.find("kindChart"));
    CHECK_FALSE(app.find("kindChart")->property("bars").toList().isEmpty());
    app.scrollIntoView(button); // below the year's figures and charts
    app.tap(button);
    QQuickItem *reached = app.waitFor("figuresReached");
    REQUIRE(reached);
    CHECK(reached->property("activeFocus").toBool());
    app.type(reached, QStringLiteral("50"));
    app.type(app.find("figuresOutOf"), QStringLiteral("4x"));
    app.tap(app.findText(QStringLiteral("OK")));
    QTest::qWait(300);
    REQUIRE(app.popup("figuresDialog")); // still open, with what was typed
    CHECK(app.find("figuresError")->property("text").toString().contains(QStringLiteral("'4x' is not a whole number")));
    CHECK(app.find("figuresOutOf")->property("activeFocus").toBool());
    app.type(app.find("figuresOutOf"), QStringLiteral("40"));
    app.tap(app.findText(QStringLiteral("OK")));
    QTest::qWait(300);
    REQUIRE(app.popup("figuresDialog"));
    CHECK(app.find("figuresError")->property("text").toString().contains(QStringLiteral("cannot be more than the 40")));
    CHECK(s.value(QStringLiteral("targets"), target, QStringLiteral("manual_numerator")).isNull());
    app.type(app.find("figuresReached"), QStringLiteral("30"));
    app.tap(app.findText(QStringLiteral("OK")));
    REQUIRE(eventually([&] { return app.popup("figuresDialog") == nullptr; }));
    CHECK(s.value(QStringLiteral("targets"), target, QStringLiteral("manual_numerator")).toInt() == 30);
    CHECK(s.value(QStringLiteral("targets"), target, QStringLiteral("manual_denominator")).toInt() == 40);
}

TEST_CASE("switching the language with the attendance sheet open says every text on it again at once", "[app][qml][i18n]")
{
    App app;
    installLanguage(QStringLiteral("vi"));
    Store &s = app.store();
    const QString session = s.db().scalar(QStringLiteral(
        "SELECT s.id FROM sessions s JOIN activities a ON a.id = s.activity_id WHERE a.month = '2018-08' ORDER BY s.starts_at, s.id LIMIT 1")).toText();
    app.open(QSize(1280, 800));
    app.call("openSessionById", session);
    QQuickItem *list = app.waitFor("attendanceList");
    REQUIRE(eventually([&] { return count(list) > 0; }));
    app.tap(app.row(list, 0));
    CHECK(app.row(list, 0)->property("statusText").toString() == QStringLiteral("có mặt"));
    CHECK(app.row(list, 1)->property("statusText").toString() == QStringLiteral("chưa điểm danh"));
    CHECK(app.find("attendanceSummary")->property("text").toString().contains(QStringLiteral("1 có mặt / ")));
    SettingsController settings;
    QQmlEngine::setContextForObject(&settings, app.engine.rootContext());
    settings.setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    // Rows, header and the not-sent note: all at once, nothing touched.
    CHECK(app.row(list, 0)->property("statusText").toString() == QStringLiteral("present"));
    CHECK(app.row(list, 1)->property("statusText").toString() == QStringLiteral("not marked"));
    CHECK(app.find("attendanceSummary")->property("text").toString().contains(QStringLiteral("1 present of ")));
    CHECK(app.find("attendanceWaiting")->property("text").toString().startsWith(QStringLiteral("1 mark not sent yet")));
    settings.setLanguage(QStringLiteral("vi"));
    QCoreApplication::processEvents();
    CHECK(app.row(list, 0)->property("statusText").toString() == QStringLiteral("có mặt"));
    installLanguage(QStringLiteral("en")); // the other tests read the source (English) strings
}

TEST_CASE("hand-entered target figures take Vietnamese thousands but never read a decimal point as one", "[app][plan]")
{
    App app;
    Store &s = app.store();
    const QString target = s.db().scalar(QStringLiteral("SELECT id FROM targets WHERE metric = 'manual' AND deleted = 0 ORDER BY ord LIMIT 1")).toText();
    PlanModel plan;
    CHECK_FALSE(plan.setManualFigures(target, QStringLiteral("1.5"), QStringLiteral("2")));
    CHECK(plan.lastError().contains(QStringLiteral("'1.5' is not a whole number")));
    CHECK_FALSE(plan.setManualFigures(target, QStringLiteral("12.50"), QStringLiteral("2000")));
    CHECK(s.value(QStringLiteral("targets"), target, QStringLiteral("manual_numerator")).isNull());
    CHECK(plan.setManualFigures(target, QStringLiteral("1.371"), QStringLiteral("2 000")));
    CHECK(s.value(QStringLiteral("targets"), target, QStringLiteral("manual_numerator")).toInt() == 1371);
    CHECK(s.value(QStringLiteral("targets"), target, QStringLiteral("manual_denominator")).toInt() == 2000);
}

TEST_CASE("a bad date in the session form keeps the form open with all that was typed, and OK saves once it is right", "[app][qml][activity]")
{
    App app;
    Store &s = app.store();
    const QString activity = s.db().scalar(QStringLiteral("SELECT id FROM activities WHERE month = '2017-11' AND deleted = 0 ORDER BY ord LIMIT 1")).toText();
    const int before = int(records::sessions(s, activity).size());
    app.open(QSize(390, 844));
    QMetaObject::invokeMethod(app.window, "openActivityById", Q_ARG(QVariant, activity));
    QQuickItem *add = app.waitFor("addSessionButton");
    REQUIRE(add);
    app.tap(add);
    QQuickItem *date = app.waitFor("sessionDate");
    REQUIRE(date);
    CHECK(date->property("activeFocus").toBool());
    app.type(date, QStringLiteral("31/02/2018"));
    app.type(app.find("sessionStart"), QStringLiteral("08:00"));
    app.tap(app.findText(QStringLiteral("OK")));
    QTest::qWait(300);
    REQUIRE(app.popup("sessionDialog")); // still open
    CHECK(app.find("sessionError")->property("text").toString().startsWith(QStringLiteral("Date: ")));
    CHECK(app.find("sessionDate")->property("activeFocus").toBool());
    CHECK(app.findLabel(QStringLiteral("⚠ Date")));
    CHECK(app.find("sessionDate")->property("text").toString() == QStringLiteral("31/02/2018"));
    CHECK(app.find("sessionStart")->property("text").toString() == QStringLiteral("08:00"));
    CHECK(int(records::sessions(s, activity).size()) == before);
    app.type(app.find("sessionDate"), QStringLiteral("28/02/2018"));
    app.tap(app.findText(QStringLiteral("OK")));
    REQUIRE(eventually([&] { return app.popup("sessionDialog") == nullptr; }));
    CHECK(int(records::sessions(s, activity).size()) == before + 1);
    // Opened again: empty, and no old error.
    app.tap(app.waitFor("addSessionButton"));
    REQUIRE(eventually([&] { return app.popup("sessionDialog") != nullptr; }));
    CHECK(app.find("sessionError") == nullptr); // hidden: nothing to say
}

namespace {
/// Every Vietnamese translation that differs from its English source (clc_vi.ts).
QSet<QString> vietnameseTranslations()
{
    QSet<QString> out;
    QFile f(QStringLiteral(CLC_SOURCE_DIR "/i18n/clc_vi.ts"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation") || xml.name() == QLatin1String("numerusform")) {
            const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            if (!t.isEmpty() && t != source && !t.contains(QLatin1Char('%')))
                out.insert(t);
        }
    }
    return out;
}

void visibleTexts(QQuickItem *item, QStringList &out)
{
    if (!item->isVisible() || item->opacity() == 0)
        return;
    const QString text = item->property("text").toString();
    if (!text.isEmpty())
        out << text;
    for (QQuickItem *child : item->childItems())
        visibleTexts(child, out);
}
} // namespace

TEST_CASE("switching the language on every page leaves no Vietnamese label behind", "[app][qml][i18n]")
{
    App app;
    installLanguage(QStringLiteral("vi"));
    const QSet<QString> vietnamese = vietnameseTranslations();
    REQUIRE(vietnamese.size() > 200);
    Store &s = app.store();
    const QString session = s.db().scalar(QStringLiteral(
        "SELECT s.id FROM sessions s JOIN activities a ON a.id = s.activity_id WHERE a.month = '2017-11' ORDER BY s.starts_at, s.id LIMIT 1")).toText();
    const QString activity = s.value(QStringLiteral("sessions"), session, QStringLiteral("activity_id")).toText();
    app.open(QSize(1280, 800));
    SettingsController settings;
    QQmlEngine::setContextForObject(&settings, app.engine.rootContext());
    auto show = [&](int step) {
        switch (step) {
        case 0: QMetaObject::invokeMethod(app.window, "showMonth", Q_ARG(QVariant, QStringLiteral("2017-11"))); break;
        case 1: QMetaObject::invokeMethod(app.window, "openActivityById", Q_ARG(QVariant, activity)); break;
        case 2: app.call("openSessionById", session); break;
        default: app.call("openTab", step - 2); break; // learners, plan, reports, sync, settings
        }
    };
    for (int step = 0; step < 8; ++step) {
        INFO("page " << step);
        show(step);
        QTest::qWait(800); // pages load their rows on the reader thread
        settings.setLanguage(QStringLiteral("en"));
        QTest::qWait(300);
        QStringList texts;
        visibleTexts(app.window->contentItem(), texts);
        QStringList left;
        for (const QString &t : texts)
            if (vietnamese.contains(t.trimmed()))
                left << t;
        CHECK(left.join(QStringLiteral(" | ")).toStdString() == "");
        settings.setLanguage(QStringLiteral("vi"));
        QTest::qWait(100);
    }
    installLanguage(QStringLiteral("en")); // the other tests read the source (English) strings
}

TEST_CASE("an enrolment under way shows that it runs, takes no second press, and a Cancel ends it at once with the reason on screen", "[app][qml][enrol]")
{
    QTcpServer blackHole; // takes the connection, never answers
    REQUIRE(blackHole.listen(QHostAddress::LocalHost, 0));
    App app;
    app.open(QSize(390, 844));
    app.call("openTab", 4); // Sync
    QQuickItem *server = app.waitFor("enrolServer");
    REQUIRE(server);
    app.type(server, QStringLiteral("http://127.0.0.1:%1").arg(blackHole.serverPort()));
    app.type(app.find("enrolCode"), QStringLiteral("AAAA-BBBB-CCCC"));
    app.tap(app.find("enrolButton"));
    REQUIRE(eventually([&] { return app.find("cancelEnrol") != nullptr; }));
    CHECK(app.status->enrolling());
    CHECK_FALSE(app.find("enrolButton")->property("enabled").toBool()); // one at a time
    CHECK(app.find("enrolMessage")->property("text").toString().startsWith(QStringLiteral("Enrolling")));
    QTest::qWait(300); // laid out
    app.tap(app.find("cancelEnrol"));
    QElapsedTimer t;
    t.start();
    // The page says how it ended (it said nothing before: its message lived out of the handler's scope).
    REQUIRE(eventually([&] { return app.find("enrolMessage")->property("text").toString().contains(QStringLiteral("cancelled")); }));
    CHECK(t.elapsed() < 3000);
    CHECK_FALSE(app.status->enrolling());
    CHECK(app.find("cancelEnrol") == nullptr);
    CHECK(app.find("enrolButton")->property("enabled").toBool());
}

TEST_CASE("a cancelled enrolment ends at once and says so", "[app][enrol]")
{
    App app;
    QSignalSpy failed(app.status.get(), &SyncStatus::enrolFailed);
    QTcpServer blackHole;
    REQUIRE(blackHole.listen(QHostAddress::LocalHost, 0));
    app.status->enrol(QStringLiteral("http://127.0.0.1:%1").arg(blackHole.serverPort()), QStringLiteral("AAAA-BBBB-CCCC"));
    QTest::qWait(300);
    app.status->cancelEnrol();
    QElapsedTimer t;
    t.start();
    REQUIRE(eventually([&] { return failed.count() > 0; }));
    CHECK(t.elapsed() < 3000);
    CHECK(failed.value(0).value(0).toString().contains(QStringLiteral("cancelled")));
    CHECK_FALSE(app.status->enrolling());
    CHECK(app.store().meta(MetaKey::Token).isEmpty());
}

TEST_CASE("the learner form offers the centre's neighbourhoods and groups to tap, and a new one is typed", "[app][qml][register]")
{
    App app;
    const QStringList khus = records::khuValues(app.store());
    REQUIRE(khus.size() >= 2);
    const QStringList groups = records::groupNames(app.store());
    REQUIRE(groups.size() >= 2);
    app.open(QSize(1280, 1600)); // the whole form in sight: a tap outside a form must not land anywhere
    app.call("openTab", 1);
    app.tap(app.waitFor("addPersonButton"));
    REQUIRE(app.waitFor("personName"));
    app.type(app.find("personName"), QStringLiteral("Mùa A Chư"));
    INFO("khu " << khus.at(1).toStdString() << " groups " << groups.join(QLatin1Char('|')).toStdString());
    REQUIRE(app.findText(khus.at(1)));
    app.tap(app.findText(khus.at(1)));
    CHECK(app.find("personKhu")->property("text").toString() == khus.at(1));
    REQUIRE(app.findText(groups.at(0)));
    app.tap(app.findText(groups.at(0)));
    REQUIRE(app.findText(groups.at(1)));
    app.tap(app.findText(groups.at(1)));
    CHECK(app.find("personGroups")->property("text").toString() == groups.at(0) + QStringLiteral(", ") + groups.at(1));
    app.tap(app.findText(QStringLiteral("✓ ") + groups.at(0))); // chosen: a tap takes it back
    CHECK(app.find("personGroups")->property("text").toString() == groups.at(1));
    app.tap(app.findText(QStringLiteral("OK")));
    REQUIRE(eventually([&] { return app.popup("personDialog") == nullptr; }));
    const QString id = app.store().db().scalar(QStringLiteral("SELECT id FROM people WHERE full_name = 'Mùa A Chư' AND deleted = 0")).toText();
    REQUIRE_FALSE(id.isEmpty());
    CHECK(app.store().value(QStringLiteral("people"), id, QStringLiteral("khu")).toText() == khus.at(1));
}

TEST_CASE("a sync under way shows its progress and a Cancel where Sync now was, and ends at once when pressed", "[app][qml][sync]")
{
    QTcpServer silent; // takes the connection, never answers
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    App app;
    app.store().setMeta(MetaKey::ServerUrl, QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    app.store().setMeta(MetaKey::Token, QStringLiteral("not-a-real-token"));
    app.open(QSize(390, 844));
    app.call("openTab", 4); // Sync
    QQuickItem *button = app.waitFor("statusSyncButton");
    REQUIRE(button);
    CHECK(button->property("text").toString() == QStringLiteral("Sync now"));
    app.tap(button);
    REQUIRE(eventually([&] { return button->property("text").toString() == QStringLiteral("Cancel"); }));
    const auto statusText = [&] { return app.find("statusText")->property("text").toString(); };
    CHECK(statusText().startsWith(QStringLiteral("Syncing")));
    QQuickItem *pageCancel = app.find("cancelSyncButton");
    REQUIRE(pageCancel);
    CHECK(pageCancel->isVisible());
    CHECK_FALSE(app.find("syncNowButton")->property("enabled").toBool());
    // A second tap of a double tap, landing as the label turns to Cancel, does not cancel.
    app.tap(button);
    QTest::qWait(300);
    CHECK(statusText().startsWith(QStringLiteral("Syncing")));
    QTest::qWait(600);
    app.tap(button);
    QElapsedTimer t;
    t.start();
    REQUIRE(eventually([&] { return statusText().startsWith(QStringLiteral("Sync cancelled")); }));
    CHECK(t.elapsed() < 3000);
    CHECK(button->property("text").toString() == QStringLiteral("Sync now"));
    CHECK_FALSE(pageCancel->isVisible());
    CHECK(app.find("syncNowButton")->property("enabled").toBool());
}

TEST_CASE("the activity form offers the target groups and partners other activities name, and the session form the places already used", "[app][qml][activity]")
{
    App app;
    Store &s = app.store();
    const QStringList groups = records::activityGroupTexts(s);
    const QStringList partners = records::activityPartnerTexts(s);
    REQUIRE(groups.size() >= 2);
    REQUIRE_FALSE(partners.isEmpty());
    const QString activity = s.db().scalar(QStringLiteral("SELECT id FROM activities WHERE month = '2017-11' AND deleted = 0 ORDER BY ord LIMIT 1")).toText();
    app.open(QSize(1280, 1600));
    QMetaObject::invokeMethod(app.window, "editActivityById", Q_ARG(QVariant, activity));
    REQUIRE(eventually([&] { return app.popup("activityDialog") != nullptr; }));
    QTest::qWait(400);
    QQuickItem *field = app.find("activityGroupField");
    REQUIRE(field);
    // A chip shows a value whole (cut to the form's width when long); tapping it fills the field.
    const QString other = groups.at(1) == field->property("text").toString() ? groups.at(0) : groups.at(1);
    QQuickItem *chip = app.findText(other);
    REQUIRE(chip);
    CHECK(chip->width() <= field->width() + 1);
    app.tap(chip);
    CHECK(field->property("text").toString() == other);
    QQuickItem *partnerChip = app.findText(partners.first());
    REQUIRE(partnerChip);
    app.tap(partnerChip);
    CHECK(app.find("activityPartnerField")->property("text").toString() == partners.first());
    app.tap(app.findText(QStringLiteral("OK")));
    REQUIRE(eventually([&] { return app.popup("activityDialog") == nullptr; }));
    CHECK(s.value(QStringLiteral("activities"), activity, QStringLiteral("group_text")).toText() == other);
    CHECK(s.value(QStringLiteral("activities"), activity, QStringLiteral("partner_text")).toText() == partners.first());

    const QStringList places = records::sessionPlaces(s);
    REQUIRE_FALSE(places.isEmpty());
    app.tap(app.waitFor("addSessionButton"));
    REQUIRE(eventually([&] { return app.popup("sessionDialog") != nullptr; }));
    QTest::qWait(400);
    QQuickItem *placeChip = app.findText(places.first());
    REQUIRE(placeChip);
    app.tap(placeChip);
    CHECK(app.find("sessionPlaceField")->property("text").toString() == places.first());
}

TEST_CASE("a centre started on the tablet and then joined to the ward's becomes the ward's on every connection at once", "[app][enrol]")
{
    App app(false);
    REQUIRE(app.manager->startCentre(QStringLiteral("TTHTCĐ thử"), QStringLiteral("phường Thử")).isEmpty());
    const QString own = app.store().centreId();
    const QString path = app.store().db().path();
    QSignalSpy centre(app.manager.get(), &StoreManager::centreChanged);
    {
        // What the enrolment does on its own connection when the code is the ward's.
        Store enrolling(path, StoreOptions{QStringLiteral("dev"), {}});
        REQUIRE(enrolling.holdsOnlyItsCentre());
        enrolling.adoptCentre(QStringLiteral("11111111-2222-4333-8444-555555555555"));
    }
    app.manager->refreshRole(); // what SyncStatus does when enrolment succeeds
    CHECK(app.store().centreId() == QStringLiteral("11111111-2222-4333-8444-555555555555"));
    CHECK(app.store().centreId() != own);
    CHECK(centre.count() >= 1);
    CHECK(app.store().pendingChanges() == 0); // the empty centre of its own is not sent anywhere
    // One that holds something of its own no longer joins another centre, and stays as it was.
    QTemporaryDir other;
    Store busy(other.filePath(QStringLiteral("busy.db")));
    busy.init(QStringLiteral("TTHTCĐ khác"));
    CHECK(busy.holdsOnlyItsCentre());
    records::addPerson(busy, PersonInput{QStringLiteral("Lê Thị Hoa")});
    CHECK_FALSE(busy.holdsOnlyItsCentre());
    const QString busyCentre = busy.centreId();
    CHECK_THROWS_AS(busy.adoptCentre(own), Error);
    CHECK(busy.centreId() == busyCentre);
    CHECK(busy.meta(MetaKey::CentreId) == busyCentre);
}

TEST_CASE("the reports page's pickers, preview and path agree: chosen here, from the plan or an activity, and across a language switch", "[app][qml][reports]")
{
    App app;
    Store &s = app.store();
    app.open(QSize(1280, 800));
    app.call("openTab", 3);
    QQuickItem *kind = app.waitFor("reportKind");
    REQUIRE(kind);
    QObject *controller = nullptr;
    for (QObject *o : app.window->findChildren<QObject *>())
        if (o->inherits("clc::ReportController"))
            controller = o;
    REQUIRE(controller);
    auto path = [&] { return app.find("reportPath")->property("text").toString(); };
    // The monthly plan for a chosen month: picker and path say that month.
    controller->setProperty("kind", 0);
    controller->setProperty("month", QStringLiteral("2017-11"));
    QQuickItem *month = nullptr;
    REQUIRE(eventually([&] { return (month = app.find("reportMonth")) != nullptr; }));
    REQUIRE(eventually([&] { return month->property("currentValue").toString() == QStringLiteral("2017-11"); }));
    CHECK(kind->property("currentIndex").toInt() == 0);
    CHECK(path().endsWith(QStringLiteral("ke-hoach-thang-2017-11.pdf")));

    // The person put the file in a folder of their own: a new choice keeps the folder.
    QMetaObject::invokeMethod(app.find("reportPath"), "clear");
    app.type(app.find("reportPath"), QStringLiteral("/tmp/bao-cao/ke-hoach-thang-2017-11.pdf"));
    controller->setProperty("month", QStringLiteral("2017-12"));
    REQUIRE(eventually([&] { return path() == QStringLiteral("/tmp/bao-cao/ke-hoach-thang-2017-12.pdf"); }));
    CHECK(eventually([&] { return month->property("currentValue").toString() == QStringLiteral("2017-12"); }));

    // A language switch: the picker still shows December and the monthly plan, in the new words.
    SettingsController settings;
    QQmlEngine::setContextForObject(&settings, app.engine.rootContext());
    settings.setLanguage(QStringLiteral("vi"));
    QTest::qWait(600);
    CHECK(kind->property("currentIndex").toInt() == 0);
    CHECK(month->property("currentValue").toString() == QStringLiteral("2017-12"));
    CHECK(path() == QStringLiteral("/tmp/bao-cao/ke-hoach-thang-2017-12.pdf"));
    settings.setLanguage(QStringLiteral("en"));
    QTest::qWait(600);
    CHECK(month->property("currentValue").toString() == QStringLiteral("2017-12"));

    // Opened from an activity ("print the attendance sheet"): the picker follows, not only the preview.
    const QString activity = s.db().scalar(QStringLiteral("SELECT id FROM activities WHERE month = '2017-11' AND deleted = 0 ORDER BY ord LIMIT 1")).toText();
    app.call("openTab", 0);
    QTest::qWait(300);
    QMetaObject::invokeMethod(app.window, "openReports", Q_ARG(QVariant, 3), Q_ARG(QVariant, activity));
    REQUIRE(eventually([&] { return kind->property("currentIndex").toInt() == 3; }));
    QQuickItem *act = nullptr;
    REQUIRE(eventually([&] { return (act = app.find("reportActivity")) != nullptr; }));
    REQUIRE(eventually([&] { return act->property("currentValue").toString() == activity; }));
    CHECK(path().contains(QStringLiteral("diem-danh")));
    // And from the plan page, back to the year report.
    QMetaObject::invokeMethod(app.window, "openReports", Q_ARG(QVariant, 1), Q_ARG(QVariant, QString()));
    REQUIRE(eventually([&] { return kind->property("currentIndex").toInt() == 1; }));
    CHECK(path().contains(QStringLiteral("bao-cao-tong-ket")));
    installLanguage(QStringLiteral("en"));
}

TEST_CASE("Escape or a phone's Back key does not close a form and lose what was typed", "[app][qml][register]")
{
    App app;
    app.open(QSize(390, 844));
    app.call("openTab", 1);
    app.tap(app.waitFor("addPersonButton"));
    QQuickItem *name = app.waitFor("personName");
    REQUIRE(name);
    app.type(name, QStringLiteral("Lê Văn Tám"));
    QTest::keyClick(app.window, Qt::Key_Escape);
    QTest::keyClick(app.window, Qt::Key_Back);
    QTest::qWait(300);
    REQUIRE(app.find("personName"));
    CHECK(app.find("personName")->property("text").toString() == QStringLiteral("Lê Văn Tám"));
    app.tap(app.findText(QStringLiteral("Cancel"))); // the person's own choice closes it
    REQUIRE(eventually([&] { return app.find("personName") == nullptr; }));
}

TEST_CASE("a sync that brings marks while the facilitator is down the sheet leaves the sheet where it is", "[app][qml][attendance]")
{
    App app;
    Store &s = app.store();
    QString session;
    for (const QString &candidate : [&] {
             QStringList ids;
             auto st = s.db().prepare(QStringLiteral("SELECT id FROM sessions WHERE deleted = 0 ORDER BY starts_at, id"));
             while (st.step())
                 ids << st.text(0);
             return ids;
         }()) {
        if (records::expectedPeople(s, s.value(QStringLiteral("sessions"), candidate, QStringLiteral("activity_id")).toText()).size() > 40) {
            session = candidate;
            break;
        }
    }
    REQUIRE_FALSE(session.isEmpty());
    app.open(QSize(390, 844));
    app.call("openSessionById", session);
    QQuickItem *list = app.waitFor("attendanceList");
    REQUIRE(eventually([&] { return count(list) > 40; }));
    QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, 35), Q_ARG(int, 0)); // ListView.Beginning
    QTest::qWait(300);
    const qreal y = list->property("contentY").toReal();
    REQUIRE(y > 500);
    QQuickItem *first = app.row(list, 36);
    REQUIRE(first);
    const QString person = first->property("personId").toString();
    // Another device's mark arrives (written on another connection, then the sync's signal).
    {
        Store other(s.db().path(), StoreOptions{QStringLiteral("dev"), {}});
        records::markAttendance(other, session, person, QStringLiteral("excused"));
    }
    Q_EMIT app.status->synced();
    REQUIRE(eventually([&] { return app.row(list, 36) && app.row(list, 36)->property("statusCode").toString() == QStringLiteral("excused"); }));
    QTest::qWait(200);
    CHECK(list->property("contentY").toReal() == y);
}

TEST_CASE("an enrolment refused for its address marks the address field and puts the focus there", "[app][qml][enrol]")
{
    App app;
    app.open(QSize(390, 844));
    app.call("openTab", 4); // Sync
    QQuickItem *server = app.waitFor("enrolServer");
    REQUIRE(server);
    app.type(server, QStringLiteral("phuong-duc-chinh"));
    app.type(app.find("enrolCode"), QStringLiteral("AAAA-BBBB-CCCC"));
    app.tap(app.find("enrolButton"));
    REQUIRE(eventually([&] { return app.find("enrolMessage")->property("text").toString().contains(QStringLiteral("is not an address like")); }));
    CHECK(app.findLabel(QStringLiteral("⚠ Server address")));
    CHECK_FALSE(app.findLabel(QStringLiteral("⚠ One-time code")));
    CHECK(app.find("enrolServer")->property("activeFocus").toBool());
    CHECK(app.find("enrolServer")->property("text").toString() == QStringLiteral("phuong-duc-chinh")); // kept
}

namespace {
/// Every visible control a finger can tap that is shorter than 48 px: "Kind 'text' (height)".
void smallTargets(QQuickItem *item, QStringList &out, int &controls)
{
    if (!item->isVisible() || item->opacity() == 0)
        return;
    const bool control = item->inherits("QQuickAbstractButton") || item->inherits("QQuickTextField") || item->inherits("QQuickComboBox")
                         || item->inherits("QQuickSpinBox");
    if (control && item->width() > 0)
        ++controls;
    if (control && !item->inherits("QQuickScrollBar") && item->width() > 0 && item->height() < 47.5)
        out << QStringLiteral("%1 '%2' (%3 px)").arg(QString::fromLatin1(item->metaObject()->className()), item->property("text").toString())
                   .arg(item->height());
    for (QQuickItem *child : item->childItems())
        smallTargets(child, out, controls);
}
/// Texts that run past the window's right edge (cut off on a phone), outside anything that scrolls
/// sideways on purpose.
void textsPastTheEdge(QQuickItem *item, qreal windowWidth, QStringList &out)
{
    if (!item->isVisible() || item->opacity() == 0)
        return;
    if (item->inherits("QQuickFlickable") && item->property("contentWidth").toReal() > item->width() + 1)
        return; // a strip that scrolls sideways
    if (item->inherits("QQuickText") && !item->property("text").toString().trimmed().isEmpty() && item->width() > 0) {
        const qreal right = item->mapToScene(QPointF(item->width(), 0)).x();
        const qreal left = item->mapToScene(QPointF(0, 0)).x();
        const bool elided = item->property("truncated").toBool();
        if (left < windowWidth && right > windowWidth + 1 && !elided)
            out << QStringLiteral("'%1' (%2..%3)").arg(item->property("text").toString().left(40)).arg(left).arg(right);
    }
    for (QQuickItem *child : item->childItems())
        textsPastTheEdge(child, windowWidth, out);
}
} // namespace

TEST_CASE("every control a finger taps is at least 48 px high, on every page, on a phone and a tablet", "[app][qml][touch]")
{
    App app;
    Store &s = app.store();
    const QString session = s.db().scalar(QStringLiteral(
        "SELECT s.id FROM sessions s JOIN activities a ON a.id = s.activity_id WHERE a.month = '2017-11' ORDER BY s.starts_at, s.id LIMIT 1")).toText();
    const QString activity = s.value(QStringLiteral("sessions"), session, QStringLiteral("activity_id")).toText();
    app.open(QSize(390, 844));
    // Back to the phone after the tablet: a page laid out wide must narrow again (a chart whose bars
    // fed its own width stayed wide and ran off the phone's screen).
    for (const QSize size : {QSize(390, 844), QSize(1280, 800), QSize(390, 844)}) {
        app.window->resize(size);
        for (int step = 0; step < 8; ++step) {
            INFO("size " << size.width() << " page " << step);
            switch (step) {
            case 0: QMetaObject::invokeMethod(app.window, "showMonth", Q_ARG(QVariant, QStringLiteral("2017-11"))); break;
            case 1: QMetaObject::invokeMethod(app.window, "openActivityById", Q_ARG(QVariant, activity)); break;
            case 2: app.call("openSessionById", session); break;
            default: app.call("openTab", step - 2); break;
            }
            QTest::qWait(700);
            QStringList small;
            int controls = 0;
            smallTargets(app.window->contentItem(), small, controls);
            CHECK(controls >= 8); // the tabs and the page's own: the walk sees them
            CHECK(small.join(QStringLiteral(" | ")).toStdString() == "");
            QStringList cut;
            textsPastTheEdge(app.window->contentItem(), size.width(), cut);
            CHECK(cut.join(QStringLiteral(" | ")).toStdString() == "");
        }
        // The plan's survey and text editor, full-screen over the plan page.
        for (const char *dialog : {"survey", "plan-text"}) {
            INFO("size " << size.width() << " " << dialog);
            app.call("openPlanDialog", QString::fromLatin1(dialog));
            QTest::qWait(900);
            QStringList small;
            int controls = 0;
            smallTargets(app.window->contentItem(), small, controls);
            CHECK(small.join(QStringLiteral(" | ")).toStdString() == "");
            QObject *open = app.popup(std::strcmp(dialog, "survey") == 0 ? "surveyPage" : "planTextPage");
            REQUIRE(open);
            QMetaObject::invokeMethod(open, "close");
            QTest::qWait(300);
        }
    }
}

TEST_CASE("the phone opens on the month's days with their sessions, when and where, and a session opens its activity", "[app][qml][schedule][agenda]")
{
    App app;
    Store &s = app.store();
    s.setMeta(MetaKey::Role, QStringLiteral("viewer")); // a resident's phone opens straight on it
    app.manager->refreshRole();
    app.open(QSize(390, 844));
    app.call("showMonth", QStringLiteral("2017-11"));
    QQuickItem *list = nullptr;
    REQUIRE(eventually([&] { return (list = app.find("agendaList")) && count(list) > 0; }));
    const auto entries = schedule::entries(s, QStringLiteral("2017-11"), QStringLiteral("2017-11"));
    REQUIRE(count(list) == int(entries.size()));
    QTest::qWait(300);
    QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, 0), Q_ARG(int, 0));
    QTest::qWait(200);
    QQuickItem *first = app.row(list, 0);
    REQUIRE(first);
    // When and where, on the card itself.
    CHECK(first->property("time").toString() == schedule::timeText(entries[0]));
    CHECK(app.findLabel(QStringLiteral("At: %1").arg(entries[0].place)));
    CHECK(app.findLabel(QStringLiteral("Friday, 03/11/2017")));
    app.tap(first);
    // The activity opens (its page, on a phone), with its sessions.
    REQUIRE(eventually([&] { return app.find("addSessionButton") != nullptr || app.find("agendaList") == nullptr; }));
    CHECK(app.find("agendaList") == nullptr);
}

TEST_CASE("the office's link pasted into the address fills the address and the code, and a picture without a QR code says so", "[app][qml][enrol][qr]")
{
    App app;
    app.open(QSize(390, 844));
    app.call("openTab", 4); // Sync
    QQuickItem *server = app.waitFor("enrolServer");
    REQUIRE(server);
    QMetaObject::invokeMethod(server, "clear");
    // As a paste arrives: the whole text at once.
    server->setProperty("text", QStringLiteral("clc://enroll?server=https%3A%2F%2Fclc.ducchinh.example&code=K7QM-2XRT-9BHF"));
    REQUIRE(eventually([&] { return server->property("text").toString() == QStringLiteral("https://clc.ducchinh.example"); }));
    CHECK(app.find("enrolCode")->property("text").toString() == QStringLiteral("K7QM-2XRT-9BHF"));
    CHECK(app.find("enrolMessage")->property("text").toString().contains(QStringLiteral("check them")));
    CHECK(app.store().meta(MetaKey::Token).isEmpty()); // nothing enrolled by a link alone

    // A picture that holds no QR code: the form keeps its fields and says why.
    QTemporaryDir dir;
    QImage blank(300, 300, QImage::Format_RGB32);
    blank.fill(Qt::white);
    REQUIRE(blank.save(dir.filePath(QStringLiteral("anh.png"))));
    QQuickItem *page = server;
    while (page && !page->property("enrolText").isValid())
        page = page->parentItem();
    REQUIRE(page);
    QMetaObject::invokeMethod(page, "useQrPicture", Q_ARG(QVariant, QUrl::fromLocalFile(dir.filePath(QStringLiteral("anh.png"))).toString()));
    CHECK(app.find("enrolMessage")->property("text").toString().contains(QStringLiteral("no QR code")));
    CHECK(server->property("text").toString() == QStringLiteral("https://clc.ducchinh.example"));
}

TEST_CASE("an enrolled device is moved to another server only on a second, deliberate press", "[app][qml][enrol]")
{
    QTcpServer blackHole; // the "other server": takes the connection, never answers
    REQUIRE(blackHole.listen(QHostAddress::LocalHost, 0));
    App app;
    app.store().setMeta(MetaKey::ServerUrl, QStringLiteral("https://phuong-duc-chinh.example"));
    app.store().setMeta(MetaKey::Token, QStringLiteral("token-of-the-ward"));
    app.store().setMeta(MetaKey::Role, QStringLiteral("coordinator"));
    app.manager->refreshRole();
    app.open(QSize(390, 844));
    app.call("openTab", 4); // Sync
    app.tap(app.waitFor("enrolAgainButton"));
    QQuickItem *server = app.waitFor("enrolServer");
    REQUIRE(server);
    QMetaObject::invokeMethod(server, "clear");
    app.type(server, QStringLiteral("http://127.0.0.1:%1").arg(blackHole.serverPort()));
    app.type(app.find("enrolCode"), QStringLiteral("AAAA-BBBB-CCCC"));
    app.tap(app.find("enrolButton"));
    QTest::qWait(300);
    CHECK(app.find("enrolMessage")->property("text").toString().contains(QStringLiteral("phuong-duc-chinh.example")));
    CHECK(app.find("enrolMessage")->property("text").toString().contains(QStringLiteral("moves it")));
    CHECK_FALSE(app.status->enrolling()); // nothing sent yet
    CHECK(app.store().meta(MetaKey::Token) == QStringLiteral("token-of-the-ward"));
    app.tap(app.find("enrolButton")); // the person confirms
    REQUIRE(eventually([&] { return app.status->enrolling(); }));
    app.status->cancelEnrol();
    REQUIRE(eventually([&] { return !app.status->enrolling(); }));
    CHECK(app.store().meta(MetaKey::Token) == QStringLiteral("token-of-the-ward"));
}

TEST_CASE("a facilitator takes a survey answer in a few taps, the results count it, and a bad answer keeps the form", "[app][qml][survey]")
{
    App app;
    Store &s = app.store();
    const QString surveyId = survey::addSurvey(s, QStringLiteral("2018-Q3"), QString());
    const PersonRow person = records::findPeople(s, QStringLiteral("Nguyễn")).front();
    app.open(QSize(390, 844));
    app.call("openPlanDialog", QStringLiteral("survey"));
    QQuickItem *who = app.waitFor("surveyWho");
    REQUIRE(who);
    // Saved with no topic: the form stays, says what is missing, and nothing is written.
    app.type(who, QStringLiteral("Hộ ông Tư"));
    app.scrollIntoView(app.find("surveySave"));
    app.tap(app.find("surveySave"));
    QTest::qWait(200);
    REQUIRE(app.find("surveyError"));
    CHECK(app.find("surveyError")->property("text").toString().contains(QStringLiteral("choose at least one topic")));
    CHECK(s.db().scalar(QStringLiteral("SELECT count(*) FROM survey_answers")).toInt() == 0);
    // A person from the register: type part of the name, tap them, tick two topics, a month, save.
    app.scrollIntoView(who);
    app.type(who, person.fullName.left(10));
    QQuickItem *match = nullptr;
    QStringList label{person.fullName};
    if (person.birthYear)
        label << QString::number(*person.birthYear);
    if (!person.khu.isEmpty())
        label << person.khu;
    REQUIRE(eventually([&] { return (match = app.findText(label.join(QStringLiteral(" · ")))) != nullptr; }));
    app.tap(match);
    const QString health = survey::seedTopics()[1].label, law = survey::seedTopics()[2].label;
    for (const QString &topic : {health, law}) {
        QQuickItem *box = app.findText(topic);
        REQUIRE(box);
        app.scrollIntoView(box);
        app.tap(box);
    }
    QQuickItem *october = app.findText(QStringLiteral("Month 10"));
    REQUIRE(october);
    app.scrollIntoView(october);
    app.tap(october);
    app.scrollIntoView(app.find("surveySave"));
    app.tap(app.find("surveySave"));
    REQUIRE(eventually([&] { return s.db().scalar(QStringLiteral("SELECT count(*) FROM survey_answers")).toInt() == 1; }));
    const QString id = Store::naturalId(QStringLiteral("survey_answers"), surveyId, person.id);
    CHECK(s.value(QStringLiteral("survey_answers"), id, QStringLiteral("topics")).toText() == health + QLatin1Char('\n') + law);
    CHECK(s.value(QStringLiteral("survey_answers"), id, QStringLiteral("months")).toText() == QStringLiteral("10"));
    CHECK(s.value(QStringLiteral("survey_answers"), id, QStringLiteral("khu")).toText() == person.khu);
    // The form is empty for the next person, and says who was saved.
    REQUIRE(eventually([&] { return app.find("surveyMessage") != nullptr; }));
    CHECK(app.find("surveyMessage")->property("text").toString().contains(person.fullName));
    CHECK(who->property("text").toString().isEmpty());
    // The results: two topics with one answer each.
    // The tab counts the answer once the tally is read again (on the reader thread).
    QQuickItem *resultsTab = nullptr;
    REQUIRE(eventually([&] { return (resultsTab = app.findText(QStringLiteral("Results (1)"))) != nullptr; }));
    app.tap(resultsTab);
    QQuickItem *results = app.waitFor("surveyResults");
    REQUIRE(results);
    REQUIRE(eventually([&] { return count(results) == 5; }));
}

TEST_CASE("a coordinator edits the plan's text part by part, a bad part is marked and not saved, and next year is drafted from the plan page", "[app][qml][plan][year]")
{
    App app;
    Store &s = app.store();
    const QString plan = records::planId(s, QStringLiteral("2017-2018"));
    app.open(QSize(1280, 800));
    app.call("openPlanDialog", QStringLiteral("plan-text"));
    REQUIRE(app.waitFor("planTextList"));
    // The purpose: typed, saved, on disk.
    QQuickItem *purpose = nullptr;
    REQUIRE(eventually([&] { return (purpose = app.find("planText_purpose_3")) != nullptr; }));
    app.scrollIntoView(purpose);
    app.type(purpose, QStringLiteral("Nâng cao dân trí cho nhân dân trong phường."));
    // Closing with it unsaved asks first; going back keeps what was typed.
    app.tap(app.find("planTextClose"));
    REQUIRE(eventually([&] { return app.popup("discardDialog") != nullptr; }));
    QMetaObject::invokeMethod(app.popup("discardDialog"), "reject");
    QTest::qWait(300);
    REQUIRE(app.popup("planTextPage"));
    CHECK(purpose->property("text").toString() == QStringLiteral("Nâng cao dân trí cho nhân dân trong phường."));
    QQuickItem *save = app.findText(QStringLiteral("Save"));
    REQUIRE(save);
    app.tap(save);
    REQUIRE(eventually([&] { return s.value(QStringLiteral("plans"), plan, QStringLiteral("purpose")).toText() == QStringLiteral("Nâng cao dân trí cho nhân dân trong phường."); }));
    // A quarterly task emptied: refused with the part named, the task unchanged.
    const QString firstTask = records::quarterlyTasks(s, QStringLiteral("2017-2018")).front().second;
    QQuickItem *task = app.find("planText_text_6");
    REQUIRE(task);
    app.scrollIntoView(task);
    app.type(task, QString());
    app.tap(app.findText(QStringLiteral("Save")));
    QTest::qWait(200);
    REQUIRE(app.findLabel(QStringLiteral("⚠ Quarter IV of 2017")));
    CHECK(records::quarterlyTasks(s, QStringLiteral("2017-2018")).front().second == firstTask);
    QMetaObject::invokeMethod(app.popup("planTextPage"), "close");
    QTest::qWait(300);
    // Next year's draft from the plan page; pressed again, nothing changes.
    QQuickItem *draft = app.waitFor("draftNextYear");
    REQUIRE(draft);
    CHECK(draft->property("text").toString() == QStringLiteral("Draft the plan of 2018-2019"));
    app.tap(draft);
    REQUIRE(eventually([&] { return !records::planId(s, QStringLiteral("2018-2019")).isEmpty(); }));
    REQUIRE(eventually([&] { return app.find("draftMessage") != nullptr; }));
    CHECK(app.find("draftMessage")->property("text").toString().contains(QStringLiteral("34 activities carried over")));
    const QByteArray once = exportJson(s);
    app.tap(draft);
    REQUIRE(eventually([&] { return app.find("draftMessage")->property("text").toString().contains(QStringLiteral("nothing was changed")); }));
    CHECK(exportJson(s) == once);
}
