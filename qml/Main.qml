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
    readonly property bool wide: width >= 800

    // Deep links (clc-app --month, --open-activity, --open-session; also used by scripts/screenshots).
    function showMonth(month) { stack.get(0).showMonth(month) }
    function openActivityById(activityId) { stack.get(0).selectOrOpen(activityId) }
    function openSessionById(sessionId) { stack.push(attendancePage, { sessionId: sessionId }) }

    header: ToolBar {
        height: 56
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 4
            anchors.rightMargin: 8
            ToolButton {
                visible: stack.depth > 1
                text: "‹"
                font.pixelSize: 30
                implicitWidth: 48; implicitHeight: 48
                onClicked: stack.pop()
                Accessible.name: qsTr("Back")
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: stack.depth > 1 ? 0 : 8
                text: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : StoreManager.centreName
                font.pixelSize: 18
                font.bold: true
                elide: Text.ElideRight
            }
        }
    }

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: SchedulePage {
            wide: window.wide
            onOpenActivity: function(activityId, activityTitle) {
                stack.push(activityPage, { activityId: activityId, title: activityTitle })
            }
            onOpenSession: function(sessionId) { stack.push(attendancePage, { sessionId: sessionId }) }
        }
    }

    Component {
        id: activityPage
        Page {
            property alias activityId: pane.activityId
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

    footer: StatusLine {}
}
