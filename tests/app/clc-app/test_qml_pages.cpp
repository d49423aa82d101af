// The pages driven as a person would: taps and typing on the real QML window (Qt Test events), checked
// on screen and in the database.
#include "apptestsupport.h"
#include "conflicts.h"
#include "demodata.h"
#include "merge.h"
#include "records.h"
#include "schema.h"
#include "storemanager.h"
#include "syncstatus.h"
#include "testsupport.h"

#include <QKeyEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <catch2/catch.hpp>

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
    void tap(QQuickItem *item)
    {
        REQUIRE(item);
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        QCoreApplication::processEvents();
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

TEST_CASE("a month without activities says so, a month with them lists them", "[app][qml][schedule]")
{
    App app;
    app.open(QSize(390, 844));
    app.call("showMonth", QStringLiteral("2018-04"));
    REQUIRE(app.waitFor("emptyMonth"));
    CHECK(count(app.find("scheduleList")) == 0);
    app.call("showMonth", QStringLiteral("2017-11"));
    REQUIRE(eventually([&] { return count(app.find("scheduleList")) > 0; }));
    CHECK(app.find("emptyMonth") == nullptr);
}

TEST_CASE("the conflicts page restores the other value with one tap", "[app][qml][conflict]")
{
    App app;
    Store &s = app.store();
    const QString person = keepConflictOnKhu(s);
    app.open(QSize(1280, 800));
    app.call("openTab", 3);
    QQuickItem *list = app.waitFor("conflictList");
    REQUIRE(eventually([&] { return count(list) == 1; }));
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
    CHECK(app.store().db().scalar(QStringLiteral("SELECT count(*) FROM people WHERE full_name = 'Lê Văn Tám'")).toInt() == 0);

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
    REQUIRE(eventually([&] { return count(app.find("scheduleList")) > 0; }));
}
