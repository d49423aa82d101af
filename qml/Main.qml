// The app's frame: a page stack under a title bar, and the sync status line on every screen.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: StoreManager.centreName
    font.pixelSize: 16
    // The app's own look on Qt's Basic style (the Material style draws wrongly without a GPU): plain
    // buttons a light blue-grey with dark text, primary ones (highlighted, or a chosen toggle) the app's
    // blue with white text — contrast 5.9:1 and 15:1, readable outdoors.
    palette.window: Theme.background
    palette.button: "#e6edf2"
    palette.buttonText: Theme.ink
    palette.dark: Theme.focus
    palette.brightText: "white"
    palette.mid: Theme.borderDark
    palette.highlight: Theme.focus
    palette.highlightedText: "white"
    readonly property bool wide: width >= 800

    // Deep links (clc-app --month, --open-activity, --open-session; also used by scripts/screenshots).
    function showMonth(month) { tabs.currentIndex = 0; stack.get(0).showMonth(month) }
    function openActivityById(activityId) { tabs.currentIndex = 0; stack.get(0).selectOrOpen(activityId) }
    // Opens an activity with its edit form (scripts/screenshots shows the form).
    function editActivityById(activityId) {
        openActivityById(activityId)
        const pane = wide ? stack.get(0).pane : stack.currentItem.pane
        pane.edit()
    }
    function openSessionById(sessionId) { tabs.currentIndex = 0; stack.push(attendancePage, { sessionId: sessionId }) }
    function openTab(index) { tabs.currentIndex = index }
    // The plan page's survey or text editor (clc-app --tab survey|plan-text).
    function openPlanDialog(name) { tabs.currentIndex = 2; planStack.get(0).openDialog(name) }
    // Opened with an enrolment link: past the welcome, on the sync page, the form filled from it.
    function openEnrolment() { window.joining = true; tabs.currentIndex = 4 }
    // Reports have a tab of their own; the plan and an activity ("print the attendance sheet") open it
    // on the report they mean.
    function openReports(kind, activityId) {
        reportsTab.kind = kind || 0
        if (activityId)
            reportsTab.activityId = activityId
        tabs.currentIndex = 3
    }
    // The tabs with pages stacked on them (schedule → activity → attendance; plan → reports).
    readonly property StackView currentStack: tabs.currentIndex === 0 ? stack : tabs.currentIndex === 2 ? planStack : null
    readonly property Item currentPage: currentStack ? currentStack.currentItem : pages.children[tabs.currentIndex]

    // A phone held sideways has little height: the home page drops the title bar (it only names the
    // centre); pages with a way back keep it.
    readonly property bool compactHeight: height < 500
    header: ToolBar {
        visible: !window.compactHeight || (window.currentStack !== null && window.currentStack.depth > 1)
        height: visible ? 56 : 0
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 4
            anchors.rightMargin: 8
            ToolButton {
                visible: window.currentStack !== null && window.currentStack.depth > 1
                text: "‹"
                font.pixelSize: 30
                implicitWidth: 48; implicitHeight: 48
                onClicked: window.currentStack.pop()
                Accessible.name: qsTr("Back")
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: window.currentStack !== null && window.currentStack.depth > 1 ? 0 : 8
                text: window.currentPage && window.currentPage.title ? window.currentPage.title : StoreManager.centreName
                font.pixelSize: 18
                font.bold: true
                elide: Text.ElideRight
            }
        }
    }

    StackLayout {
        id: pages
        anchors.fill: parent
        currentIndex: tabs.currentIndex
    StackView {
        id: stack
        initialItem: SchedulePage {
            wide: window.wide
            onOpenActivity: function(activityId, activityTitle) {
                stack.push(activityPage, { activityId: activityId })
            }
            onOpenSession: function(sessionId) { stack.push(attendancePage, { sessionId: sessionId }) }
        }
    }
        RegisterPage {}
        StackView {
            id: planStack
            initialItem: PlanPage { onOpenReports: window.openReports(0) }
        }
        ReportsPage { id: reportsTab }
        SyncPage {
            offerWelcome: window.joining && !StoreManager.initialised
            onBackToWelcome: { window.joining = false; tabs.currentIndex = 0 }
        }
        SettingsPage {}
    }

    Component {
        id: activityPage
        Page {
            property alias activityId: pane.activityId
            property alias pane: pane
            title: pane.title
            ActivityPane {
                id: pane
                anchors.fill: parent
                onOpenSession: function(sessionId) { stack.push(attendancePage, { sessionId: sessionId }) }
            }
        }
    }

    Component {
        id: attendancePage
        AttendancePage {}
    }

    // First run: until this device belongs to a centre, the welcome covers the pages (joining shows
    // the sync page, where the code is entered).
    property bool joining: false
    WelcomePage {
        anchors.fill: parent
        z: 10
        visible: !StoreManager.initialised && !window.joining
        onJoin: { window.joining = true; tabs.currentIndex = 4 }
    }

    footer: ColumnLayout {
        spacing: 0
        StatusLine { Layout.fillWidth: true }
        TabBar {
            id: tabs
            Layout.fillWidth: true
            // Sideways on a phone, a page opened from a list (the sheet) gets the tab bar's height too.
            visible: (StoreManager.initialised || window.joining)
                     && (!window.compactHeight || window.currentStack === null || window.currentStack.depth <= 1)
            NavButton { text: qsTr("Schedule"); glyph: "event"; wide: window.wide }
            NavButton { text: qsTr("Learners"); glyph: "groups"; wide: window.wide }
            NavButton { text: qsTr("Plan"); glyph: "assignment"; wide: window.wide }
            NavButton { text: qsTr("Reports"); glyph: "description"; wide: window.wide }
            NavButton { text: qsTr("Sync"); glyph: "sync"; wide: window.wide }
            NavButton { text: qsTr("Settings"); glyph: "settings"; wide: window.wide }
        }
    }
}
